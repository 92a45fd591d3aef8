## cmake/local.mk: the CMake toolchain file and its Platform/WASI module.
cmakedir = $(pkgdatadir)/cmake
cmake_DATA = cmake/wasm32-wasi.cmake
cmakeplatformdir = $(cmakedir)/Platform
cmakeplatform_DATA = cmake/Platform/WASI.cmake
EXTRA_DIST += cmake/wasm32-wasi.cmake.in cmake/Platform/WASI.cmake
CLEANFILES += cmake/wasm32-wasi.cmake

cmake/wasm32-wasi.cmake: cmake/wasm32-wasi.cmake.in Makefile
	$(AM_V_GEN)$(MKDIR_P) cmake && rm -f $@ $@.tmp && \
	$(edit) $(srcdir)/cmake/wasm32-wasi.cmake.in > $@.tmp && mv $@.tmp $@
