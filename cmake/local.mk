## cmake/local.mk: the CMake toolchain file and its Platform/WASI module.
cmakedir = $(pkgdatadir)/cmake
cmake_DATA = cmake/wasm32-wasi.cmake
cmakeplatformdir = $(cmakedir)/Platform
cmakeplatform_DATA = cmake/Platform/WASI.cmake
EXTRA_DIST += cmake/wasm32-wasi.cmake.in cmake/Platform/WASI.cmake
CLEANFILES += cmake/wasm32-wasi.cmake

# The toolchain file finds Platform/WASI.cmake beside itself: in a build
# tree apart from the source (VPATH, distcheck), a copy of it is put there,
# so that the build tree's toolchain file works as the installed one does.
cmake/wasm32-wasi.cmake: cmake/wasm32-wasi.cmake.in $(srcdir)/cmake/Platform/WASI.cmake Makefile
	$(AM_V_GEN)$(MKDIR_P) cmake/Platform && rm -f $@ $@.tmp && \
	$(edit) $(srcdir)/cmake/wasm32-wasi.cmake.in > $@.tmp && mv $@.tmp $@ && \
	if test ! cmake/Platform/WASI.cmake -ef $(srcdir)/cmake/Platform/WASI.cmake; then \
	  cp $(srcdir)/cmake/Platform/WASI.cmake cmake/Platform/WASI.cmake; fi
clean-cmake-platform:
	if test -f cmake/Platform/WASI.cmake && test ! cmake/Platform/WASI.cmake -ef $(srcdir)/cmake/Platform/WASI.cmake; then \
	  rm -f cmake/Platform/WASI.cmake; fi
