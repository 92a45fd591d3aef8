#!/usr/bin/env bats
# hello.bats: GNU hello from Debian's source, configured by wasm32-wasi-configure
# (its 2014 config.sub does not know wasm32), built, and its own make check.

load packages_helper

@test "GNU hello builds and passes its own make check" {
	copy_source hello hello
	cd src
	wasm32-wasi-configure --quiet
	quietly build.log make -j2
	run -0 wasm32-wasi-run ./hello
	[ "$output" = "Hello, world!" ]
	run -0 wasm32-wasi-run ./hello --greeting=bonjour
	[ "$output" = "bonjour" ]
	register_binfmt # its tests run ./hello
	run make check
	[ "$status" -eq 0 ]
	# greeting-2 runs on full-moon nights only, and is skipped otherwise
	[[ "$output" == *"# TOTAL: 5"* ]]
	[[ "$output" == *"# FAIL:  0"* ]]
	[[ "$output" == *"# ERROR: 0"* ]]
}
