# What `cmake --install` puts where, all relative to the install prefix (GNUInstallDirs).

include(CMakePackageConfigHelpers)

install(TARGETS llmchecklist RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES man/llmchecklist.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(DIRECTORY checklists/ DESTINATION ${CMAKE_INSTALL_DATADIR}/llmchecklist/checklists
  FILES_MATCHING PATTERN "*.toml")

# Shell completions, where each shell looks for them without configuration.
install(FILES completions/llmchecklist.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME llmchecklist)
install(FILES completions/_llmchecklist DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)
install(FILES completions/llmchecklist.fish
  DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

# The library and its CMake package: find_package(llmchecklist) gives llmchecklist::core.
install(TARGETS llmchecklist_core EXPORT llmchecklistTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/llmchecklist DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES "${PROJECT_BINARY_DIR}/src/generated/llmchecklist/version.hpp"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/llmchecklist)

set(package_dir ${CMAKE_INSTALL_LIBDIR}/cmake/llmchecklist)
install(EXPORT llmchecklistTargets NAMESPACE llmchecklist:: DESTINATION ${package_dir})
configure_package_config_file(cmake/llmchecklistConfig.cmake.in
  "${PROJECT_BINARY_DIR}/llmchecklistConfig.cmake" INSTALL_DESTINATION ${package_dir})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/llmchecklistConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/llmchecklistConfig.cmake"
  "${PROJECT_BINARY_DIR}/llmchecklistConfigVersion.cmake" cmake/FindJQ.cmake
  DESTINATION ${package_dir})
