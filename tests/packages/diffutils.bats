#!/usr/bin/env bats
# diffutils.bats: GNU diffutils from Debian's source, gnulib-based, whose
# src/system.h needs <sys/wait.h> (diff3 and sdiff wait for the diff they
# run, and report its status with WIFEXITED...); configured by
# wasm32-wasi-configure, built with make, and its own make check through
# binfmt: tests/ and gnulib's tests of the replacements it built.

load packages_helper

# What diff, cmp, diff3 and sdiff read from their environment, which the
# tests set: a program sees only the variables it declared when it was linked.
DIFFUTILS_ENV=TERM,EDITOR,TMPDIR,LANG,LC_ALL,LC_CTYPE,LC_MESSAGES

@test "GNU diffutils builds with <sys/wait.h> and gnulib, and passes its own make check" {
	copy_source diffutils diffutils
	cd src
	quietly configure.log wasm32-wasi-configure LDFLAGS="--env=$DIFFUTILS_ENV"
	grep -q '^#define HAVE_SYS_WAIT_H 1$' lib/config.h
	quietly build.log make -j2
	printf 'a\nb\nc\n' > one
	printf 'a\nB\nc\n' > two
	run -1 wasm32-wasi-run src/diff one two
	[ "$output" = "2c2
< b
---
> B" ]
	run -1 wasm32-wasi-run src/cmp one two
	# POSIX's "char" in the POSIX locale, without NLS (Debian's cmp, with NLS, says "byte")
	grep -q '^/\* #undef ENABLE_NLS \*/$' lib/config.h
	[ "$output" = "one two differ: char 3, line 2" ]
	# Excluded, one line each, what cannot work in WASI preview1:
	exclude_test tests/diff3 "diff3 runs diff as a child process: WASI has no processes"
	# gnulib-tests: what needs a second thread, a process, a pipe or a timer's signal
	exclude_gnulib_wasi gnulib-tests
	exclude_gnulib_open gnulib-tests
	hide_valgrind
	register_binfmt
	# help-version checks cmp and diff only: diff3 and sdiff run diff as a child process
	run make -j2 check built_programs='echo cmp diff'
	[ "$status" -eq 0 ] || { grep -h '^\(FAIL\|ERROR\|# \)' tests/test-suite.log gnulib-tests/test-suite.log; show_failed_logs tests gnulib-tests; false; }
	# tests/, then gnulib-tests/
	[[ "$output" == *"Testsuite summary for GNU diffutils 3.8"*"# TOTAL: 22"*"# PASS:  18"*"# FAIL:  0"*"# ERROR: 0"*"Testsuite summary for GNU diffutils 3.8"*"# TOTAL: 203"*"# PASS:  136"*"# FAIL:  0"*"# ERROR: 0"* ]] || { grep "^# [A-Z]*: " <<< "$output"; false; }
}
