#!/usr/bin/env bats
# jansson.bats: Jansson from Debian's source (autoreconf, as Debian builds it),
# configured by wasm32-wasi-configure, so that libtool builds libjansson.so,
# a dll whose hash seed calls getpid; its own make check through binfmt, its
# programs linked against that dll.

load packages_helper

# What jansson's json_process reads from its environment: the test suites
# set these, and a program sees only the variables it declared at link.
JSON_PROCESS_ENV=JSON_INDENT,JSON_COMPACT,JSON_ENSURE_ASCII,JSON_PRESERVE_ORDER,JSON_SORT_KEYS,JSON_REAL_PRECISION,HASHSEED,STRIP

# nm -D, as test/suites/api/check-exports runs it, for a wasm dll: the
# exports of its export section, as nm lists a dynamic symbol table.
make_nm() {
	mkdir -p nm-bin
	cat > nm-bin/nm << 'EOF'
#!/bin/sh
[ "$1" = -D ] && [ $# -eq 2 ] || exec wasm32-wasi-nm "$@"
wasm-objdump -x -j Export "$2" | sed -n \
	-e 's/^ - func\[[0-9]*\] <.*> -> "\(.*\)"$/00000000 T \1/p' \
	-e 's/^ - global\[[0-9]*\] .* -> "\(.*\)"$/00000000 D \1/p'
EOF
	chmod +x nm-bin/nm
	PATH=$PWD/nm-bin:$PATH
}

@test "jansson builds libjansson.so with libtool and passes its own make check" {
	copy_source jansson jansson
	cd src
	quietly autoreconf.log autoreconf -fi
	quietly configure.log wasm32-wasi-configure
	quietly build.log make -j2
	[ "$(needed_libraries src/.libs/libjansson.so.4)" = "libc.so
liballoc.so" ]
	# Excluded, one line each, what cannot work in WASI preview1:
	# test_dump's dumpfd() writes and reads JSON through a pipe(), which fails with ENOSYS.
	grep -q '^    dumpfd();$' test/suites/api/test_dump.c
	sed -i '/^    dumpfd();$/d' test/suites/api/test_dump.c
	make_nm
	register_binfmt
	# the test programs link against the dll (LDFLAGS replaces their -static)
	run make check LDFLAGS="--env=$JSON_PROCESS_ENV"
	[ "$status" -eq 0 ] || { head -60 test/test-suite.log; false; }
	[[ "$output" == *"PASS: run-suites"* ]]
	# the suites' own lines: a dot for each test passed (S skipped, F failed)
	[[ "$(cat test/run-suites.log)" == *"Suite: api
...................
Suite: encoding-flags
............
Suite: invalid
..................................................
Suite: invalid-unicode
..................
Suite: valid
..................................
"* ]]
	embeds_library test/bin/.libs/json_process libjansson.so.4
}
