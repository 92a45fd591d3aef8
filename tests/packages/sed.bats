#!/usr/bin/env bats
# sed.bats: GNU sed from Debian's source, a gnulib-based GNU tool, configured by
# wasm32-wasi-configure and built with make; its own make check through
# binfmt: sed's testsuite/ (shell and perl scripts running sed) and gnulib's
# tests of the replacement functions it built over our libc.

load packages_helper

# What sed reads from its environment, which the tests set: a program sees
# only the variables it declared when it was linked.
SED_ENV=COLS,POSIXLY_CORRECT,LANG,LC_ALL,LC_CTYPE

@test "GNU sed builds with gnulib and passes its own make check" {
	copy_source sed sed
	cd src
	quietly configure.log wasm32-wasi-configure LDFLAGS="--env=$SED_ENV"
	quietly build.log make -j2
	run -0 wasm32-wasi-run sed/sed --version
	[ "${lines[0]}" = "sed/sed (GNU sed) 4.9" ] # version_etc names argv[0]
	printf 'hello\nworld\n' > in
	run -0 wasm32-wasi-run sed/sed -n '2s/o/0/gp' in
	[ "$output" = "w0rld" ]
	# Excluded, one line each, what cannot work in WASI preview1 or under root:
	exclude_test testsuite/eval.sh "the e command runs a shell command (popen): WASI has no processes"
	# execute-tests.sh's four e cases (out2 to out5) run shell commands: WASI has no processes.
	n=$(wc -l < testsuite/execute-tests.sh)
	sed -i '/^# s\/\/\/e with a command that returns zero output$/,/^fi$/d' testsuite/execute-tests.sh
	[ "$(wc -l < testsuite/execute-tests.sh)" -eq $((n - 34)) ]
	# posix-mode-s.sh's s///e case runs a shell command: WASI has no processes.
	n=$(wc -l < testsuite/posix-mode-s.sh)
	sed -i '/^printf "hello\\n" >exp-gnu-e || framework_failure_$/,/^compare exp-gnu-e out-gnu-e || fail=1$/d' testsuite/posix-mode-s.sh
	[ "$(wc -l < testsuite/posix-mode-s.sh)" -eq $((n - 3)) ]
	exclude_test testsuite/panic-tests.sh "expects sed -i to fail in a directory without write permission, where root (binfmt_misc needs it) may write"
	exclude_test testsuite/sandbox.sh "runs the e command (popen): WASI has no processes"
	# gnulib-tests: what needs a second thread, a process, a pipe or a timer's signal
	exclude_gnulib_wasi gnulib-tests
	exclude_gnulib_open gnulib-tests
	hide_valgrind
	register_binfmt
	run make -j2 check
	[ "$status" -eq 0 ] || { grep -h '^\(FAIL\|ERROR\|# \)' test-suite.log gnulib-tests/test-suite.log; show_failed_logs testsuite gnulib-tests; false; }
	# testsuite/, then gnulib-tests/
	[[ "$output" == *"Testsuite summary for GNU sed 4.9"*"# TOTAL: 68"*"# PASS:  56"*"# FAIL:  0"*"# ERROR: 0"*"Testsuite summary for GNU sed 4.9"*"# TOTAL: 192"*"# PASS:  120"*"# FAIL:  0"*"# ERROR: 0"* ]] || { grep "^# [A-Z]*: " <<< "$output"; false; }
}
