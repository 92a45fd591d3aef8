#!/usr/bin/env bats
# file.bats: file 5.44 (libmagic) from Debian's source (autoreconf, as
# Debian builds it: its patches change magic/Makefile.am), configured by
# wasm32-wasi-configure, built with make: libtool builds libmagic.so and
# file over it, and the file it built compiles the magic database
# (magic.mgc), with the regular expressions of the magic compiled in the C
# locale that libmagic makes current with uselocale (mbtowc and btowc
# follow it: runtime/porting/multibyte.c). Then its own make check through
# binfmt: tests/test identifies each test file with that database and
# compares the description with the expected one.

load packages_helper

# What file and libmagic read from their environment, which the tests set
# (MAGIC, TZ): a program sees only the variables it declared when it was
# linked.
FILE_ENV=MAGIC,TZ,POSIXLY_CORRECT

# Cross-compiling, magic/Makefile compiles the database with the host's
# file, and only one of the very same version: the file just built does it,
# through the runner.
FILE_COMPILE='wasm32-wasi-run $(top_builddir)/src/file'

@test "file builds libmagic.so with libtool, compiles its magic with itself, and passes its own make check" {
	copy_source file file
	cd src
	quietly autoreconf.log autoreconf -fi
	quietly configure.log wasm32-wasi-configure LDFLAGS="--env=$FILE_ENV"
	quietly build.log make -j2 FILE_COMPILE="$FILE_COMPILE"
	grep -qxF 'wasm32-wasi-run ../src/file -C -m magic' build.log
	[ "$(needed_libraries src/.libs/libmagic.so.1)" = "libc.so
liballoc.so" ]
	embeds_library src/.libs/file libmagic.so.1
	run -0 wasm32-wasi-run src/file --version
	[ "${lines[0]}" = "file-5.44" ]
	# relative names reach it, and it prints them, as written
	printf 'hello\n' > hello.txt
	printf 'hello\n' | gzip -n > hello.gz
	run -0 wasm32-wasi-run src/file -m magic/magic.mgc hello.txt hello.gz src/.libs/libmagic.so.1 magic
	[ "$output" = "hello.txt:               ASCII text
hello.gz:                gzip compressed data, from Unix, original size modulo 2^32 6
src/.libs/libmagic.so.1: symbolic link to libmagic.so.1.0.0
magic:                   directory" ]
	# -L follows the link; the program itself is a component
	run -0 wasm32-wasi-run src/file -m magic/magic.mgc -L src/.libs/libmagic.so.1 src/.libs/file
	[ "$output" = "src/.libs/libmagic.so.1: WebAssembly (wasm) binary module version 0x1 (MVP)
src/.libs/file:          WebAssembly (wasm) binary module version 0x1000d" ]
	run -0 wasm32-wasi-run src/file -m magic/magic.mgc -i hello.txt
	[ "$output" = "hello.txt: text/plain; charset=us-ascii" ]
	register_binfmt
	run make check FILE_COMPILE="$FILE_COMPILE"
	[ "$status" -eq 0 ] || { grep -B1 -A4 'ERROR' <<< "$output"; false; }
	# every test file of tests/, each identified as its .result says
	[ "$(grep -c '^Running test: ' <<< "$output")" -eq 65 ]
	[ "$(ls tests/*.testfile | wc -l)" -eq 65 ]
}
