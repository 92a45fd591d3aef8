#!/usr/bin/env bats
# libsodium.bats: libsodium from Debian's source (autoreconf, as Debian builds
# it), configured by wasm32-wasi-configure: its configure looks for pthreads
# (AX_PTHREAD) and adds -fstack-protector; libtool builds libsodium.so. Its
# own make check runs each test program through the runner (libsodium's WASI
# harness, test/default/wasi-test-wrapper.sh, knows only wasmtime, lucet and
# wasmer).

load packages_helper

@test "libsodium finds pthreads, builds libsodium.so and passes its own make check" {
	copy_source libsodium libsodium
	cd src
	quietly autoreconf.log autoreconf -fi
	quietly configure.log wasm32-wasi-configure
	# configure found the threads (single-threaded ones) and the stack protector
	grep -q '^PTHREAD_CFLAGS = -pthread$' Makefile
	grep -q -- '-DHAVE_PTHREAD=1' Makefile
	grep -q '^CFLAGS = .* -fstack-protector ' Makefile
	quietly build.log make -j2
	[ "$(needed_libraries src/libsodium/.libs/libsodium.so.23)" = "libc.so
liballoc.so" ]
	run make -j2 check LOG_COMPILER=wasm32-wasi-run
	[ "$status" -eq 0 ] || { grep -A20 '^FAIL' test/default/test-suite.log | head -60; false; }
	[[ "$output" == *"# TOTAL: 77"* ]]
	[[ "$output" == *"# PASS:  77"* ]]
	# through libtool's fast_install wrappers, which the runner follows
	grep -qF "program=lt-'sodium_version'" test/default/sodium_version
	# the programs ran against the dll
	embeds_library test/default/.libs/sodium_version libsodium.so.23
}
