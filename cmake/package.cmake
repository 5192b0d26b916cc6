# `cpack -G DEB` builds a Debian package. Its dependencies come from dpkg-shlibdeps, which reads
# what the binary really links (libfmt, libsimdjson, libjq, libxxhash, libstdc++, libc), so they
# stay right as the build changes. libgit2 is loaded at run time (src/git/libgit2.cpp), which dpkg-shlibdeps cannot
# see: it is named here, as the build found it.

set(CPACK_PACKAGE_NAME llmchecklist)
set(CPACK_PACKAGE_VENDOR "llmchecklist")
set(CPACK_PACKAGE_CONTACT "llmchecklist maintainers <maintainers@llmchecklist.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "/usr")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${LLMCHECKLIST_LIBGIT2_PACKAGE}")
# The library part of the package (headers, static library, CMake files) needs the -dev
# packages of what it links.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
  "libfmt-dev, libtomlplusplus-dev, libsimdjson-dev, libjq-dev, libxxhash-dev, pkg-config")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "git, bash-completion")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "llmchecklist ships a 40-item checklist for taking an LLM application to
 production, keeps a team's progress in a .llmchecklist file committed with the
 code, and gates CI on it. It installs the command, its manual page, shell
 completions, and a C++ library with its CMake package.")
include(CPack)
