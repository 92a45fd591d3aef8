#!/usr/bin/env bats
# lua.bats: Lua 5.4 from Debian's source (upstream's Makefile, Debian's bug
# fixes), built with `make generic`; the interpreter runs scripts that use
# pcall/error (setjmp/longjmp underneath), coroutines and files.

load packages_helper

@test "the Lua interpreter builds and runs pcall, error, coroutines and os.tmpname" {
	copy_source lua5.4 lua5.4
	mkdir lua
	tar -xzf "$SOURCES"/lua5.4_*.orig.tar.gz -C lua --strip-components=1
	# Debian's patches without its libtool build system (0001) and module paths (0002)
	for p in $(grep -v -e '^0001-' -e '^0002-' src/debian/patches/series); do
		patch -d lua -p1 -s < "src/debian/patches/$p"
	done
	make -C lua/src generic CC=wasm32-wasi-cc AR='wasm32-wasi-ar rcu' RANLIB=wasm32-wasi-ranlib \
		MYCFLAGS=-O2 > build.log 2>&1 || { tail -20 build.log; false; }
	run -0 wasm32-wasi-run lua/src/lua -v
	[[ "$output" == "Lua 5.4.4"* ]]
	run -0 wasm32-wasi-run lua/src/lua "$TOP_SRCDIR/tests/packages/lua-check.lua"
	[ "$output" = "pcall caught: boom
nil index caught: attempt to index a nil value (local 't')
error object: 42
coroutine: 2 then error {code=41}
string.format: 3.14|xxx
os.tmpname: written and read back
os.execute: not supported
all checks passed" ]
}
