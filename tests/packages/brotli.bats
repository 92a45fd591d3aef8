#!/usr/bin/env bats
# brotli.bats: Brotli from Debian's source, built with CMake and our
# toolchain file (as Debian's dh_auto_configure --buildsystem=cmake):
# libbrotlicommon.so, libbrotlienc.so and libbrotlidec.so, and the brotli
# tool; its own tests under ctest, which run the tool through the wrapper
# its CMakeLists asks for when cross-compiling (BROTLI_WRAPPER, qemu's
# place), here the runner: round trips at qualities 1, 6, 9 and 11 of the
# sources Debian's tarball keeps (its text corpus is not in it), and the
# decoding of its compressed test data. Then brotli through pipes.

load packages_helper

@test "Brotli builds its dlls with CMake and passes its own ctest through the runner" {
	copy_source brotli brotli
	cd src
	# Debian's build type (dh_auto_configure: None, with dpkg-buildflags' CFLAGS)
	quietly cmake.log cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE="$BUILD_DIR/cmake/wasm32-wasi.cmake" \
		-DWASM32_WASI_BINDIR="$WASM32_WASI_BINDIR" -DCMAKE_BUILD_TYPE=None -DCMAKE_C_FLAGS="-g -O2" \
		-DBROTLI_WRAPPER="$WASM32_WASI_BINDIR/wasm32-wasi-run"
	quietly build.log cmake --build build -j2
	[ "$(needed_libraries build/libbrotlienc.so.1)" = "libbrotlicommon.so.1
libc.so
liballoc.so" ]
	cd build
	run ctest -j2
	[[ "$output" == *"100% tests passed, 0 tests failed out of 14"* ]] || { echo "$output" | tail -30; false; }
	[ "$status" -eq 0 ]
	[ "$(grep -c 'Passed' <<< "$output")" -eq 14 ]
	[[ "$output" == *"roundtrip/c/enc/encode.c/11 "*"Passed"* ]]
	[[ "$output" == *"compatibility/tests/testdata/ukkonooa.compressed "*"Passed"* ]]

	run -0 wasm32-wasi-run ./brotli --version
	[ "$output" = "brotli 1.0.9" ]
	cat "$TOP_SRCDIR"/driver/*.c > text
	wasm32-wasi-run ./brotli -c < text | wasm32-wasi-run ./brotli -dc | cmp - text
	run -0 wasm32-wasi-run ./brotli -q 5 text -o text.br
	[ "$(stat -c %s text.br)" -lt "$(( $(stat -c %s text) / 3 ))" ]
	run -0 wasm32-wasi-run ./brotli -t text.br
	run -1 wasm32-wasi-run ./brotli -t text
	[ "$output" = "corrupt input [text]" ]
}
