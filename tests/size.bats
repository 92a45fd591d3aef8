#!/usr/bin/env bats
# size.bats: what a small program costs (core modules at -Os, no -g), and
# the wasm-opt step that optimized links end with.

load test_helper

# prints what it measures, so that a failure shows the size
size_at_most() {
	local size
	size=$(stat -c %s "$1")
	echo "$1: $size bytes (at most $2)"
	[ "$size" -le "$2" ]
}

@test "a puts hello is at most 4,096 bytes at -Os, a printf hello at most 20,480, and both run" {
	wasm32-wasi-cc --emit=core -Os -o puts "$FIXTURES/size/puts.c"
	wasm32-wasi-cc --emit=core -Os -o printf "$FIXTURES/size/printf.c"
	run -0 wasm32-wasi-run puts
	[ "$output" = "hello, world" ]
	run -0 wasm32-wasi-run printf
	[ "$output" = "hello, 42" ]
	size_at_most puts 4096
	size_at_most printf 20480
}

@test "printf formats a long double beyond a double's range and precision at -Os" {
	wasm32-wasi-cc --emit=core -Os -o long-double "$FIXTURES/size/long-double.c"
	run -0 wasm32-wasi-run long-double
	[ "$output" = "0.3333333333333333333333333 3.019469e+4816" ]
}

@test "an optimized link goes through wasm-opt, at the link's level, and an unoptimized one does not" {
	run -0 wasm32-wasi-cc -### -Oz -o hello "$FIXTURES/size/puts.c"
	[[ "$output" == *'"--strip-target-features" "-Oz"'* ]]
	run -0 wasm32-wasi-cc -### -O -o hello "$FIXTURES/size/puts.c"
	[[ "$output" == *'"--strip-target-features" "-O1"'* ]]
	run -0 wasm32-wasi-cc -### -Ofast -o hello "$FIXTURES/size/puts.c"
	[[ "$output" == *'"--strip-target-features" "-O3"'* ]]
	run -0 wasm32-wasi-cc -### -O2 -O0 -o hello "$FIXTURES/size/puts.c"
	[[ "$output" != *wasm-opt* ]]
	[[ "$output" != *target_features* ]]
}

@test "a module wasm-opt refuses is linked anyway, with one line that says so" {
	printf 'tools:\n  wasm-opt: {path: %s}\n' "$FIXTURES/size/refusing-wasm-opt" > refuses.yaml
	run --separate-stderr -0 wasm32-wasi-cc --specs=refuses.yaml --emit=core -O2 -o hello "$FIXTURES/size/printf.c"
	[ "$stderr" = "wasm32-wasi-cc: warning: wasm-opt: wasm-opt exited with status 1: [wasm-validator error in function 3] unexpected false: all used features should be allowed, on; skipped, the module stays as linked" ]
	run -0 wasm32-wasi-run hello
	[ "$output" = "hello, 42" ]
	assert_no_temporaries
	assert_only_files hello refuses.yaml
}

@test "without wasm-opt, an optimized link warns once, naming Debian's package, and stands" {
	printf 'tools:\n  wasm-opt: {path: wasm-opt-not-installed, install: apt-get install binaryen}\n' > missing.yaml
	run --separate-stderr -0 wasm32-wasi-cc --specs=missing.yaml -Os -o hello "$FIXTURES/size/puts.c"
	[ "$stderr" = "wasm32-wasi-cc: warning: wasm-opt: cannot run wasm-opt-not-installed (install it: apt-get install binaryen); skipped, the module stays as linked" ]
	run -0 wasm32-wasi-run hello
	[ "$output" = "hello, world" ]
	assert_no_temporaries
}
