#!/usr/bin/env bats
# hello.bats: GNU hello from Debian's source, configured by wasm32-wasi-configure
# (its 2014 config.sub does not know wasm32), built, and its own make check.

load packages_helper

@test "GNU hello builds and passes its own make check" {
	[ "$(id -u)" -eq 0 ] || skip "hello's tests run ./hello, which needs binfmt_misc (root)"
	copy_source hello hello
	cd src
	wasm32-wasi-configure --quiet
	make -j2 > build.log 2>&1 || { tail -20 build.log; false; }
	run -0 wasm32-wasi-run ./hello
	[ "$output" = "Hello, world!" ]
	run -0 wasm32-wasi-run ./hello --greeting=bonjour
	[ "$output" = "bonjour" ]
	binfmt_name=wasm32-wasi-hello-$$
	wasm32-wasi-binfmt register "$binfmt_name" "$WASM32_WASI_BINDIR/wasm32-wasi-run"
	run make check
	[ "$status" -eq 0 ]
	# greeting-2 runs on full-moon nights only, and is skipped otherwise
	[[ "$output" == *"# TOTAL: 5"* ]]
	[[ "$output" == *"# FAIL:  0"* ]]
	[[ "$output" == *"# ERROR: 0"* ]]
}
