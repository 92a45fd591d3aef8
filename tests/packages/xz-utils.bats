#!/usr/bin/env bats
# xz-utils.bats: XZ Utils from Debian's source, configured by
# wasm32-wasi-configure with Debian's flags for its main build (threads
# on, no static library, no xzdec): libtool builds liblzma.so and xz over
# it, whose signal handling keeps a pipe to itself (pipe, poll); its own
# make check through binfmt: liblzma's unit tests, xz on its test files,
# compress and decompress round trips, and its scripts (xzdiff, xzgrep)
# running xz. Then xz through pipes and on a named file.

load packages_helper

@test "XZ Utils builds liblzma.so with libtool and passes its own make check" {
	copy_source xz-utils xz-utils
	cd src
	quietly configure.log wasm32-wasi-configure --enable-threads --disable-static --disable-xzdec --disable-lzmadec
	quietly build.log make -j2
	[ "$(needed_libraries src/liblzma/.libs/liblzma.so.5)" = "libc.so
liballoc.so" ]
	embeds_library src/xz/.libs/xz liblzma.so.5
	register_binfmt
	run make -j2 check
	[ "$status" -eq 0 ] || { grep -h '^\(FAIL\|ERROR\)' tests/test-suite.log; show_failed_logs tests; false; }
	[[ "$output" == *"# TOTAL: 18"*"# PASS:  18"*"# FAIL:  0"*"# ERROR: 0"* ]] || { grep "^# [A-Z]*: " <<< "$output"; false; }
	[[ "$output" == *"PASS: test_scripts.sh"* ]]

	run -0 wasm32-wasi-run src/xz/xz --version
	[ "$output" = "xz (XZ Utils) 5.4.1
liblzma 5.4.1" ]
	cat "$TOP_SRCDIR"/driver/*.c > text
	wasm32-wasi-run src/xz/xz -c < text | wasm32-wasi-run src/xz/xz -dc | cmp - text
	touch -d @1000000000 text
	cp text original
	run -0 wasm32-wasi-run src/xz/xz text
	[ ! -e text ]
	[ "$(stat -c %Y text.xz)" -eq 1000000000 ]
	run -0 wasm32-wasi-run src/xz/xz -l text.xz
	[[ "${lines[1]}" == *"CRC64   text.xz" ]]
	run -0 wasm32-wasi-run src/xz/xz -d text.xz
	cmp text original
	run -1 wasm32-wasi-run src/xz/xz -t text
	[[ "$output" == *": text: File format not recognized" ]]
}
