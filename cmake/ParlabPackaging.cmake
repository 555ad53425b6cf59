# `cmake --build --preset release --target package` builds parlab_<version>_<arch>.deb: the three
# programs side by side in /usr/bin (each finds parlab-worker next to itself), a menu entry and
# its icon. Debian dependencies come from dpkg-shlibdeps, so they follow what the binaries link.
include(GNUInstallDirs)

if(PARLAB_BUILD_APP)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/parlab.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/parlab.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/parlab-256.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/256x256/apps RENAME parlab.png)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME parlab)
set(CPACK_PACKAGE_VENDOR parlab)
set(CPACK_PACKAGE_CONTACT "parlab maintainers <parlab@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Classroom lab for parallel speedup: threads, processes, sweeps and plots")
set(CPACK_PACKAGE_DESCRIPTION
    "parlab runs workloads serially, on oneTBB threads or on a pool of worker processes, sweeps the\n"
    "worker count and plots speedup, efficiency, core load, timelines and the costs of going parallel.\n"
    "It ships the window (parlab), a command line (parlab-cli) and the worker program (parlab-worker).")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "hicolor-icon-theme")
set(CPACK_STRIP_FILES ON)
include(CPack)
