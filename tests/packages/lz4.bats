#!/usr/bin/env bats
# lz4.bats: lz4 from Debian's source, built with its plain Makefiles: liblz4.a,
# liblz4.so, and (Debian's 0001-Fix-static-link.patch) an lz4 linked against
# liblz4.so, which times itself with clock(); its own make check (the
# test-lz4-essentials of tests/Makefile) through binfmt; then lz4 on a named
# file, whose time and mode it copies to its output (utime, chmod, chown).

load packages_helper

@test "lz4 builds with its Makefiles, a dynamic lz4 over liblz4.so, and passes its own make check" {
	copy_source lz4 lz4
	cd src
	quietly build.log make -j2 CC=wasm32-wasi-cc AR=wasm32-wasi-ar RANLIB=wasm32-wasi-ranlib
	[ "$(needed_libraries lib/liblz4.so.1.9.4)" = "libc.so
liballoc.so" ]
	embeds_library programs/lz4 liblz4.so.1
	register_binfmt
	run make check CC=wasm32-wasi-cc
	[ "$status" -eq 0 ] || { echo "$output" | grep -v '^ *$' | tail -30; false; }
	[[ "$output" == *"---- test lz4 basic compression/decompression ----"* ]]
	[[ "$output" == *"frame concatenation test completed"* ]]
	[[ "$output" == *"---- test mode ----"* ]]
	# --list prints sizes with "%.2Lf" (a long double)
	[[ "$output" == *"LZ4Frame"*" 31.00 "*"tmp-tlb-hw.lz4"* ]]
	[[ "$output" == *"---- test lz4 compression/decompression with dictionary ----"* ]]

	cat "$TOP_SRCDIR"/driver/*.c > text
	touch -d @1000000000 text
	# -m: the output is text.lz4 (lz4 writes to a standard output that is not a terminal)
	run -0 programs/lz4 -q -9 -m text
	[ -z "$output" ]
	[ "$(stat -c %Y text.lz4)" = 1000000000 ]
	run -0 programs/lz4 -q -d text.lz4 text.out
	cmp text text.out
	[ "$(stat -c %Y text.out)" = 1000000000 ]
}
