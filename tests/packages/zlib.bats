#!/usr/bin/env bats
# zlib.bats: zlib from Debian's source, built with its own configure and
# Makefile; its tests (example, a minigzip round trip) run through the runner.

load packages_helper

build_zlib() {
	copy_source zlib zlib
	cd src
	CC=wasm32-wasi-cc AR=wasm32-wasi-ar RANLIB=wasm32-wasi-ranlib CHOST=wasm32-wasi \
		./configure --static > configure.log
	make -j2 > build.log 2>&1 || { tail -20 build.log; false; }
}

@test "zlib passes its own make test through the runner" {
	build_zlib
	run -0 make teststatic QEMU_RUN=wasm32-wasi-run
	[[ "$output" == *"hello world"* ]]
	[[ "$output" == *"*** zlib test OK ***"* ]]
}

@test "zlib's example passes, and minigzip round-trips megabytes through pipes" {
	build_zlib
	run -0 wasm32-wasi-run ./example
	[[ "$output" == *"inflate with dictionary: hello, hello!"* ]]
	head -c 3000000 /dev/urandom > random.bin
	cat "$TOP_SRCDIR"/driver/*.c "$TOP_SRCDIR"/driver/*.c > text.txt
	wasm32-wasi-run ./minigzip < text.txt > text.gz
	[ "$(wc -c < text.gz)" -lt "$(( $(wc -c < text.txt) / 3 ))" ]
	wasm32-wasi-run ./minigzip -d < text.gz | cmp - text.txt
	wasm32-wasi-run ./minigzip < random.bin | wasm32-wasi-run ./minigzip -d | cmp - random.bin
	# and the output is gzip's own format
	gzip -dc text.gz | cmp - text.txt
}

@test "zlib builds as a dll with its own Makefile, and its example linked against it passes" {
	copy_source zlib zlib
	cd src
	# the soname zlib's configure gives on Linux
	CC=wasm32-wasi-cc AR=wasm32-wasi-ar RANLIB=wasm32-wasi-ranlib CHOST=wasm32-wasi \
		LDSHARED='wasm32-wasi-cc -shared -Wl,-soname,libz.so.1' ./configure > configure.log
	# the build tree's libc.so, as the installed libdir would give it
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	make -j2 shared examplesh example > build.log 2>&1 || { tail -20 build.log; false; }
	# a command component that embeds libz.so.1, libc.so and liballoc.so: jco runs it alone,
	# as it runs the static example: up to the gz file test, since jco run preopens no directory
	[ "$(od -An -tx1 -j4 -N4 examplesh | tr -d ' ')" = 0d000100 ]
	run -1 "$JCO" run ./example
	static=$output
	[[ "$static" == *"uncompress(): hello, hello!"*"gzopen error" ]]
	run -1 "$JCO" run ./examplesh
	[ "$output" = "$static" ]
	# the runner gives it the working directory: all of it passes
	run -0 wasm32-wasi-run ./examplesh
	[[ "$output" == *"inflate with dictionary: hello, hello!"* ]]
	# the core module, which the runner's loader links at run time
	rm examplesh
	make examplesh CFLAGS=--emit=core > build-core.log 2>&1 || { tail -20 build-core.log; false; }
	[ "$(wasm-objdump -x -j dylink.0 examplesh | sed -n 's/^  - //p')" = "libz.so.1
libc.so
liballoc.so" ]
	run -0 wasm32-wasi-run ./examplesh
	[[ "$output" == *"inflate with dictionary: hello, hello!"* ]]
}
