# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#
# The CMake package config, the helper scripts and the Debian package
# (`cpack -G DEB`). See docs/install.md.
include(CMakePackageConfigHelpers)

set(STATELESS_CMAKE_DIR lib/cmake/StatelessTidy)
configure_package_config_file(cmake/StatelessTidyConfig.cmake.in
  ${CMAKE_BINARY_DIR}/StatelessTidyConfig.cmake
  INSTALL_DESTINATION ${STATELESS_CMAKE_DIR})
# 0.x: a minor release may change the checks' options.
write_basic_package_version_file(${CMAKE_BINARY_DIR}/StatelessTidyConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/StatelessTidyConfig.cmake
  ${CMAKE_BINARY_DIR}/StatelessTidyConfigVersion.cmake
  DESTINATION ${STATELESS_CMAKE_DIR})
# The scripts' shared module records this version of stateless-tidy;
# stateless-report sits beside stateless-tidy in the build tree as it does
# once installed, and finds the module in ../share/stateless-tidy of both.
configure_file(scripts/stateless_fixes.py
  ${CMAKE_BINARY_DIR}/share/stateless-tidy/stateless_fixes.py @ONLY)
configure_file(scripts/stateless-report.py ${CMAKE_BINARY_DIR}/bin/stateless-report COPYONLY)
install(PROGRAMS scripts/stateless-sarif.py scripts/stateless-diff.py
  ${CMAKE_BINARY_DIR}/bin/stateless-report DESTINATION bin)
install(FILES ${CMAKE_BINARY_DIR}/share/stateless-tidy/stateless_fixes.py
  DESTINATION share/stateless-tidy)

set(CPACK_PACKAGE_NAME stateless-tidy)
set(CPACK_PACKAGE_VENDOR stateless-tidy)
set(CPACK_PACKAGE_CONTACT "stateless-tidy maintainers <stateless-tidy@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "clang-tidy checks (stateless-*) for hidden state in C++ services")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Debian policy 12.5: every package carries its copyright file. The licence
# text goes with the docs of every install, packaged or not.
configure_file(cmake/copyright.in ${CMAKE_BINARY_DIR}/copyright @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/copyright LICENSE.TXT DESTINATION share/doc/stateless-tidy)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE.TXT)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# The LLVM the artifacts were built against: its clang-tidy to load the
# plugin, its built-in headers (resource directory) for the binaries, and
# the libraries the binaries link, which dpkg-shlibdeps names with their
# exact versions (with gRPC and protobuf for stateless-clangd).
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "clang-tidy-${LLVM_VERSION_MAJOR}, libclang-common-${LLVM_VERSION_MAJOR}-dev, python3")
find_program(STATELESS_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(STATELESS_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS
    ", libclang-cpp${LLVM_VERSION_MAJOR}, libllvm${LLVM_VERSION_MAJOR}")
endif()
include(CPack)
