# FindJQ: libjq, the library behind jq (Debian: libjq-dev). Debian 12's package ships neither a
# pkg-config file nor a CMake package, only jq.h, jv.h and libjq.so, so they are found here.
#
# Gives JQ_FOUND, JQ_INCLUDE_DIR, JQ_LIBRARY and the imported target JQ::JQ.

find_path(JQ_INCLUDE_DIR NAMES jq.h)
find_library(JQ_LIBRARY NAMES jq)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(JQ REQUIRED_VARS JQ_LIBRARY JQ_INCLUDE_DIR)
mark_as_advanced(JQ_INCLUDE_DIR JQ_LIBRARY)

if(JQ_FOUND AND NOT TARGET JQ::JQ)
  add_library(JQ::JQ UNKNOWN IMPORTED)
  set_target_properties(JQ::JQ PROPERTIES
    IMPORTED_LOCATION "${JQ_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${JQ_INCLUDE_DIR}")
endif()
