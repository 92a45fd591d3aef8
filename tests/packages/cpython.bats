#!/usr/bin/env bats
# cpython.bats: CPython 3.11 from Debian's source, built exactly as CPython's
# own WASI recipe builds it (Tools/wasm/README.md), with nothing added:
#   CONFIG_SITE=Tools/wasm/config.site-wasm32-wasi \
#     wasm32-wasi-configure ./configure --with-build-python=python3.11
#   make CFLAGS_NODIST=-Wno-int-conversion
# Then its own test suite, `python.wasm -m test`, under wasm32-wasi-run,
# given the source tree as its root as the recipe gives it to wasmtime
# (--mapdir /::. with PYTHONPATH naming the build's modules). The tests
# that cannot pass on WASI are excluded, each with its cause, in
# tests/packages/cpython-exclusions. Slow (`make check-cpython`, apart from
# check-packages): doc/testing.md says how slow.

load packages_helper

setup() {
	packages_setup
	BUILT=$BATS_FILE_TMPDIR/src
}

# Runs python.wasm in the build tree as CPython's Makefile runs the host
# python (HOSTRUNNER, PYTHON_FOR_BUILD): the source tree as /, the build's
# modules on PYTHONPATH, and its sysconfig data named (Debian's patch of
# sysconfig looks for the installed name, which a build tree lacks).
run_python() {
	wasm32-wasi-run --dir .::/ --env PYTHONPATH="/$(cat pybuilddir.txt)" \
		--env _PYTHON_SYSCONFIGDATA_NAME=_sysconfigdata__wasi_wasm32-wasi -- python.wasm "$@"
}

@test "CPython 3.11 builds with its own WASI recipe and runs under wasm32-wasi-run" {
	command -v python3.11 > /dev/null || { echo "the recipe needs python3.11 (install-deps.sh installs it)" >&2; false; }
	cd "$BATS_FILE_TMPDIR"
	copy_source python3.11 python3.11
	cd src
	CONFIG_SITE=Tools/wasm/config.site-wasm32-wasi \
		quietly configure.log wasm32-wasi-configure ./configure --with-build-python=python3.11
	grep -q '^configure: loading package site script .*/Tools/wasm/config.site-wasm32-wasi$' configure.log
	quietly build.log make -j2 CFLAGS_NODIST=-Wno-int-conversion
	[ -f python.wasm ]
	# the four test modules CPython builds as shared libraries: configure
	# gives WASI no LDSHARED, so their link commands are empty (make goes on)
	[ "$(grep -c '^make: \[Makefile:[0-9]*: Modules/.*\.so\] Error 127 (ignored)$' build.log)" -eq 4 ]
	[ "$(grep -c 'error:' build.log)" -eq 0 ]
	run -0 run_python -c 'import sys, os; print(sys.platform, sys.version_info[:3], os.getcwd())'
	[ "$output" = "wasi (3, 11, 2) /" ]
	run -0 run_python -c 'import json, decimal, hashlib
print(json.dumps({"d": str(decimal.Decimal(1) / 7)}), hashlib.sha256(b"x").hexdigest()[:8])'
	[ "$output" = '{"d": "0.1428571428571428571428571429"} 2d711642' ]
}

EXCLUSIONS=$TOP_SRCDIR/tests/packages/cpython-exclusions

# The excluded test modules (the names without a dot), and the excluded test
# cases (with dots), the file's lines without their causes.
excluded_modules() {
	sed -n 's/^\(test_[a-z0-9_]*\)|.*/\1/p' "$EXCLUSIONS"
}
excluded_cases() {
	sed -n 's/^\([^#|]*\.[^|]*\)|.*/\1/p' "$EXCLUSIONS"
}

@test "CPython's own test suite passes under wasm32-wasi-run, the excluded tests each with its cause" {
	[ -f "$BUILT/python.wasm" ] || { echo "CPython did not build (the test before)" >&2; false; }
	cd "$BUILT"
	# every line is an exclusion with its cause; each module excluded exists
	[ "$(grep -vc '^#' "$EXCLUSIONS")" -eq "$(grep -c '^[^#|][^|]*|..........' "$EXCLUSIONS")" ]
	[ "$(grep -vc '^#' "$EXCLUSIONS")" -eq $(($(excluded_modules | wc -l) + $(excluded_cases | wc -l))) ]
	local t
	for t in $(excluded_modules); do
		[ -e "Lib/test/$t.py" ] || [ -d "Lib/test/$t" ] || { echo "no test module $t to exclude" >&2; false; }
	done
	excluded_cases > cpython-ignored # read by python.wasm, as /cpython-ignored
	# each excluded case is there and still fails: run alone, in its modules
	# shellcheck disable=SC2046
	run run_python -m test -v --matchfile /cpython-ignored $(excluded_cases | sed 's/^distutils\./test.test_distutils./' | cut -d. -f2 | sort -u)
	[ "$status" -eq 2 ] || { echo "$output" | tail -30; false; }
	[ "$(grep -c '^\(FAIL\|ERROR\): ' <<< "$output")" -eq 46 ]
	[ "$(grep -c ' \.\.\. ok$' <<< "$output")" -eq 0 ]
	# into a file as it goes, which a long run can be followed in; the whole
	# suite, or the modules PYTHON_TESTS names (make check-cpython
	# PYTHON_TESTS='test_os test_posix'), then with no counts to assert
	local status=0
	if [ -n "${PYTHON_TESTS:-}" ]; then
		# shellcheck disable=SC2086
		run_python -m test --ignorefile /cpython-ignored $PYTHON_TESTS > test-suite.log 2>&1 || status=$?
	else
		# shellcheck disable=SC2046
		run_python -m test --ignorefile /cpython-ignored -x $(excluded_modules) > test-suite.log 2>&1 || status=$?
	fi
	[ "$status" -eq 0 ] || { sed -n '/^== Tests result/,$p' test-suite.log; grep -B2 -A20 '^test test_.* failed' test-suite.log | head -100; false; }
	grep -qx '== Tests result: SUCCESS ==' test-suite.log
	[ -z "${PYTHON_TESTS:-}" ] || return 0
	grep -qx "326 tests OK\." test-suite.log
	grep -qx "107 tests skipped:" test-suite.log
}
