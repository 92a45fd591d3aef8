#!/usr/bin/env bats
# libjpeg-turbo.bats: libjpeg-turbo from Debian's source, built with CMake
# and our toolchain file as Debian builds it without SIMD (there is none for
# wasm) and without Java: libjpeg.so and libturbojpeg.so, static copies, and
# their tools; its own tests under ctest (310: the TurboJPEG unit tests and
# benchmarks, and cjpeg, djpeg and jpegtran over its test images, each
# output's MD5 compared, against the dlls and the static libraries), which
# name CMAKE_CROSSCOMPILING_EMULATOR, the runner. Then the tools in pipes.

load packages_helper

@test "libjpeg-turbo builds libjpeg.so with CMake and passes its own ctest through the emulator" {
	copy_source libjpeg-turbo libjpeg-turbo
	cd src
	# Debian's build type (dh_auto_configure: None, with dpkg-buildflags' CFLAGS)
	quietly cmake.log cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE="$BUILD_DIR/cmake/wasm32-wasi.cmake" \
		-DWASM32_WASI_BINDIR="$WASM32_WASI_BINDIR" -DCMAKE_BUILD_TYPE=None -DCMAKE_C_FLAGS="-g -O2" \
		-DWITH_SIMD=0 -DWITH_JAVA=0
	# wasm has no fused multiply-add: the float DCT's expected sums are those without
	grep -qx -- '-- FLOATTEST = no-fp-contract' cmake.log
	quietly build.log cmake --build build -j2
	[ "$(needed_libraries build/libjpeg.so.62)" = "libc.so
liballoc.so" ]
	embeds_library build/djpeg libjpeg.so.62
	cd build
	run ctest -j2
	[[ "$output" == *"100% tests passed, 0 tests failed out of 310"* ]] || { echo "$output" | grep -v Passed | tail -30; false; }
	[ "$status" -eq 0 ]
	[[ "$output" == *" tjunittest-shared-yuv-alloc "*"Passed"* ]]
	[[ "$output" == *" djpeg-static-420-islow-ari-crop53x53_4_4-cmp "*"Passed"* ]]

	wasm32-wasi-run ./djpeg -ppm ../testimages/testorig.jpg > orig.ppm
	[ "$(head -c 15 orig.ppm)" = "$(printf 'P6\n227 149\n255\n')" ]
	wasm32-wasi-run ./cjpeg -quality 90 < orig.ppm | wasm32-wasi-run ./djpeg -ppm > again.ppm
	[ "$(head -c 15 again.ppm)" = "$(printf 'P6\n227 149\n255\n')" ]
	[ "$(stat -c %s again.ppm)" -eq "$(stat -c %s orig.ppm)" ]
	wasm32-wasi-run ./jpegtran -rotate 90 ../testimages/testorig.jpg | wasm32-wasi-run ./djpeg -ppm > turned.ppm
	[ "$(head -c 15 turned.ppm)" = "$(printf 'P6\n149 227\n255\n')" ]
	run -1 wasm32-wasi-run ./djpeg nothing.jpg
	[ "$output" = "./djpeg: can't open nothing.jpg" ]
}
