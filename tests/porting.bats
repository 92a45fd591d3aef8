#!/usr/bin/env bats
# porting.bats: the defaults ported code expects: setjmp/longjmp, a real
# stack, wasi-libc's emulations, the visibility header.

load test_helper

@test "setjmp and longjmp work across frames, and longjmp(env, 0) returns 1" {
	wasm32-wasi-cc --emit=core -O2 -o jumps "$FIXTURES/porting/jumps.c"
	run -0 wasm32-wasi-run jumps
	[ "${lines[0]}" = "inner caught 50 at depth 5" ]
	[ "${lines[1]}" = "outer caught 1" ]
	[ "${#lines[@]}" -eq 2 ]
}

@test "a setjmp program built as the default component runs: its command module, since jco lacks exception handling" {
	wasm32-wasi-cc -O2 -o jumps "$FIXTURES/porting/jumps.c"
	# a component (layer 1, version 0xd), not a core module
	[ "$(od -An -tx1 -j4 -N4 jumps | tr -d ' ')" = 0d000100 ]
	run -0 wasm32-wasi-run jumps
	[ "$output" = "inner caught 50 at depth 5
outer caught 1" ]
}

@test "signals, getpid, process clocks and mmap are emulated without extra flags" {
	wasm32-wasi-cc --emit=core -o emulated "$FIXTURES/porting/emulated.c"
	run -0 wasm32-wasi-run emulated
	[ "$output" = "signal handled: yes
getpid positive: yes
clock works: yes
times works: yes
mmap zeroed: yes" ]
}

@test "the default stack holds a 512 KiB local array" {
	source_file big.c <<-'EOF'
	#include <string.h>
	static int use(volatile char *p, int n) { memset((char *)p, 1, n); return p[n - 1] + p[0]; }
	int main(void) { volatile char buf[512 * 1024]; return use(buf, sizeof buf); }
	EOF
	wasm32-wasi-cc --emit=core -o big big.c
	run -2 wasm32-wasi-run big
}

@test "a stack overflow traps instead of corrupting memory" {
	source_file deep.c <<-'EOF'
	#include <stdio.h>
	static int down(volatile int n) { volatile char pad[1024]; pad[0] = (char)n; return down(n + 1) + pad[0]; }
	int main(void) { printf("%d\n", down(0)); return 0; }
	EOF
	wasm32-wasi-cc --emit=core -o deep deep.c
	run -134 wasm32-wasi-run deep
	[[ "$output" == *"memory access out of bounds"* ]]
}

@test "wasi/toolchain.h is found and its macros compile" {
	source_file vis.c <<-'EOF'
	#include <wasi/toolchain.h>
	WASM_PUBLIC int shown(void) { return 1; }
	WASM_EXPORT("renamed") int named(void) { return 2; }
	WASM_IMPORT("host", "get") int get(void);
	int main(void) { return shown() + named() + get(); }
	EOF
	wasm32-wasi-cc -c vis.c
	run -0 wasm-objdump -x vis.o
	[[ "$output" == *"<get> <- host.get"* ]]
	[[ "$output" == *'<named> -> "renamed"'* ]]
	[[ "$output" == *"<shown> func=1 [ binding=global vis=default ]"* ]]
}
