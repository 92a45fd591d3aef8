#!/usr/bin/env bats
# bzip2.bats: bzip2 from Debian's source, built with its plain Makefile (Debian's
# makefile.diff: libbz2.so, and bzip2 linked against it), `make` running its
# own test target through binfmt; then bzip2 on named files, whose times and
# modes it copies to its output (utime, fchmod, fchown).

load packages_helper

build_bzip2() {
	copy_source bzip2 bzip2
	cd src
	register_binfmt
	# `all` builds libbz2.a, libbz2.so, bzip2 and bzip2recover, then runs `test`
	quietly build.log make CC=wasm32-wasi-cc AR=wasm32-wasi-ar RANLIB=wasm32-wasi-ranlib
}

@test "bzip2 builds with its Makefile, a dynamic bzip2 over libbz2.so, and passes its own tests" {
	build_bzip2
	grep -q '^Doing 6 tests (3 compress, 3 uncompress) ...$' build.log
	# its words3, printed after the six cmp (which stop make on a difference)
	grep -q "^If you got this far and the 'cmp's didn't complain, it looks$" build.log
	[ "$(needed_libraries libbz2.so.1.0.4)" = "libc.so
liballoc.so" ]
	embeds_library bzip2 libbz2.so.1.0
	run -0 ./bzip2 --version < /dev/null
	[[ "$output" == *"bzip2, a block-sorting file compressor.  Version 1.0.8, 13-Jul-2019."* ]]
}

@test "bzip2 compresses and decompresses named files, keeping their times, and pipes" {
	build_bzip2
	cat "$TOP_SRCDIR"/driver/*.c > text
	cp text text.orig
	touch -d @1000000000 text
	run -0 ./bzip2 -9 text
	[ -z "$output" ]
	[ ! -e text ]
	# the output has the input's modification time (utime), and fchmod and
	# fchown of the input's mode and owner did not fail
	[ "$(stat -c %Y text.bz2)" = 1000000000 ]
	[ "$(wc -c < text.bz2)" -lt "$(( $(wc -c < text.orig) / 3 ))" ]
	run -0 ./bzip2 -tv text.bz2
	[ "$output" = "  text.bz2: ok" ]
	bzip2 -dc text.bz2 | cmp - text.orig # the host's bzip2 reads it
	run -0 ./bzip2 -d text.bz2
	[ ! -e text.bz2 ]
	cmp text text.orig
	[ "$(stat -c %Y text)" = 1000000000 ]
	# more than one 900k block, through pipes
	head -c 3000000 /dev/urandom > random
	./bzip2 < random | ./bzip2 -d | cmp - random
}
