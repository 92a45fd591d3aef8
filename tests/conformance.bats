#!/usr/bin/env bats
# conformance.bats: WebAssembly/wasi-testsuite's wasm32-wasip1 tests (C, Rust,
# AssemblyScript) under wasm32-wasi-run, as the suite's wasmtime adapter runs
# them (tests/conformance/wasi-testsuite.js). The suite is not kept in this
# tree: $WASI_TESTSUITE names a checkout of its prod/testsuite-base branch,
# else ../shared/wasi-testsuite beside the source tree is used when present.

load test_helper

suite_dir() {
	local d
	for d in "${WASI_TESTSUITE:-}" "$TOP_SRCDIR/../shared/wasi-testsuite"; do
		if [ -n "$d" ] && [ -d "$d/tests/c/testsuite/wasm32-wasip1" ]; then
			echo "$d"
			return
		fi
	done
	return 1
}

@test "every wasi-testsuite wasm32-wasip1 test passes" {
	local dir
	dir=$(suite_dir) || skip "no wasi-testsuite checkout (set WASI_TESTSUITE=DIR: doc/testing.md)"
	# the suite writes into its fs-tests.dir: a copy of its own
	cp -R "$dir/tests" "$BATS_TEST_TMPDIR/suite"
	mkdir "$BATS_TEST_TMPDIR/copy" && mv "$BATS_TEST_TMPDIR/suite" "$BATS_TEST_TMPDIR/copy/tests"
	run -0 "$NODE" "$TOP_SRCDIR/tests/conformance/wasi-testsuite.js" "$BATS_TEST_TMPDIR/copy"
	[ "${lines[0]}" = "1..72" ]
	[ "${lines[-1]}" = "# 72 passed, 0 failed" ]
}

@test "the harness refuses a directory that holds no suite" {
	run -2 "$NODE" "$TOP_SRCDIR/tests/conformance/wasi-testsuite.js" "$BATS_TEST_TMPDIR"
	[ "$output" = "wasi-testsuite.js: $BATS_TEST_TMPDIR/tests/c/testsuite/wasm32-wasip1: No such file or directory" ]
}
