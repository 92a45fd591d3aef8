#!/usr/bin/env bats
# cjson.bats: cJSON from Debian's source, built with CMake and our toolchain
# file. Its CMakeLists compiles everything with -fstack-protector-strong
# (and -Werror); its own tests (Unity, 22 programs) run under ctest through
# binfmt, since its add_test commands name the programs by path.

load packages_helper

@test "cJSON builds with CMake and -fstack-protector-strong, and passes its own ctest" {
	copy_source cjson cjson
	cd src
	# Debian's build type (dh_auto_configure: None, with dpkg-buildflags' CFLAGS)
	quietly cmake.log cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE="$BUILD_DIR/cmake/wasm32-wasi.cmake" \
		-DWASM32_WASI_BINDIR="$WASM32_WASI_BINDIR" -DCMAKE_BUILD_TYPE=None \
		-DCMAKE_C_FLAGS="-g -O2 -fstack-protector-strong -Wformat -Werror=format-security" \
		-DENABLE_CJSON_UTILS=ON -DENABLE_CJSON_TEST=ON
	grep -q -- '-fstack-protector-strong' build/CMakeFiles/cjson.dir/flags.make
	quietly build.log cmake --build build -j2
	# the protector is in: cJSON's functions check the guard
	wasm32-wasi-nm build/CMakeFiles/cjson.dir/cJSON.c.o > symbols
	grep -q ' U __stack_chk_guard$' symbols
	grep -q ' U __stack_chk_fail$' symbols
	register_binfmt
	cd build
	run ctest -j2
	[[ "$output" == *"100% tests passed, 0 tests failed out of 22"* ]] || { echo "$output" | tail -30; false; }
	[ "$status" -eq 0 ]
	run -0 ./cJSON_test
	[[ "$output" == *'"name":	"Jack (\"Bee\") Nimble",'* ]]
}
