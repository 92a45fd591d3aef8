#!/usr/bin/env bats
# grep.bats: GNU grep from Debian's source, a gnulib-based GNU tool whose -r
# walks directories with gnulib's fts (openat, fdopendir, and a duplicate of
# each directory's descriptor); configured by wasm32-wasi-configure, built
# with make, and its own make check through binfmt: tests/ (shell scripts
# running grep) and gnulib's tests of the replacements it built.

load packages_helper

# What grep reads from its environment, which the tests set: a program sees
# only the variables it declared when it was linked.
GREP_ENV=GREP_COLOR,GREP_COLORS,TERM,POSIXLY_CORRECT,LANG,LC_ALL,LC_CTYPE,LC_MESSAGES,LC_COLLATE

@test "GNU grep builds with gnulib, searches directories with -r, and passes its own make check" {
	copy_source grep grep
	cd src
	# Debian's patches change src/Makefile.am and gnulib-tests/gnulib.mk, so
	# make would rerun the Automake that made the tarball (1.16i), as
	# dh_autoreconf does first; autopoint is not needed, the tarball has
	# gettext's macros.
	quietly autoreconf.log env AUTOPOINT=true autoreconf -fi
	quietly configure.log wasm32-wasi-configure LDFLAGS="--env=$GREP_ENV"
	# Debian's patch of doc/grep.texi makes make rebuild grep.info
	quietly build.log make -j2 MAKEINFO=true
	run -0 wasm32-wasi-run src/grep --version
	[ "${lines[0]}" = "grep (GNU grep) 3.8" ]
	mkdir -p tree/sub
	printf 'one\nneedle\n' > tree/a
	printf 'needle here\n' > tree/sub/b
	printf 'nothing\n' > tree/sub/c
	(cd tree && wasm32-wasi-run ../src/grep -rn needle .) | sort > found
	[ "$(cat found)" = "./a:2:needle
./sub/b:1:needle here" ]
	run -0 wasm32-wasi-run src/grep -c needle /dev/stdin <<< 'needle'
	[ "$output" = 1 ]
	# Excluded, one line each, what cannot work in WASI preview1:
	exclude_test tests/stack-overflow "expects c-stack's message on a stack overflow: WASI has no SIGSEGV handler, the overflow traps"
	# gnulib-tests: what needs a second thread, a process, a pipe or a timer's signal
	exclude_gnulib_wasi gnulib-tests
	exclude_gnulib_open gnulib-tests
	hide_valgrind
	register_binfmt
	run make -j2 check MAKEINFO=true
	[ "$status" -eq 0 ] || { grep -h '^\(FAIL\|ERROR\|# \)' tests/test-suite.log gnulib-tests/test-suite.log; show_failed_logs tests gnulib-tests; false; }
	# tests/, then gnulib-tests/; two of tests/ run to the failure grep's
	# Makefile expects of them (XFAIL_TESTS: triple-backref, equiv-classes)
	[[ "$output" == *"Testsuite summary for GNU grep 3.8"*"# TOTAL: 121"*"# PASS:  89"*"# XFAIL: 2"*"# FAIL:  0"*"# ERROR: 0"*"Testsuite summary for GNU grep 3.8"*"# TOTAL: 200"*"# PASS:  136"*"# FAIL:  0"*"# ERROR: 0"* ]] || { grep "^# [A-Z]*: " <<< "$output"; false; }
}
