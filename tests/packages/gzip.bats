#!/usr/bin/env bats
# gzip.bats: GNU gzip from Debian's source, gnulib-based, configured by
# wasm32-wasi-configure and built with make; its own make check through
# binfmt: its tests run gzip and its shell scripts (gunzip, zcat, zgrep,
# zdiff, znew...), which run gzip in turn. gzip copies a file's time and mode
# to its output (fchmod, fchown, utimens).

load packages_helper

# What gzip reads from its environment, which the tests set: a program sees
# only the variables it declared when it was linked.
GZIP_ENV=GZIP,POSIXLY_CORRECT

@test "GNU gzip builds with gnulib and passes its own make check" {
	copy_source gzip gzip
	cd src
	quietly configure.log wasm32-wasi-configure LDFLAGS="--env=$GZIP_ENV"
	# Debian's patch of doc/gzip.texi makes make rebuild gzip.info, with
	# makeinfo, which Debian's build has (texinfo) and the tests do not need.
	quietly build.log make -j2 MAKEINFO=true
	cat "$TOP_SRCDIR"/driver/*.c > text
	cp text text.orig
	touch -d @1000000000 text
	run -0 wasm32-wasi-run ./gzip -9 text
	[ -z "$output" ]
	[ ! -e text ]
	[ "$(stat -c %Y text.gz)" = 1000000000 ]
	gzip -dc text.gz | cmp - text.orig # the host's gzip reads it
	hide_valgrind
	register_binfmt
	run make -j2 check MAKEINFO=true
	[ "$status" -eq 0 ] || { grep -h '^\(FAIL\|ERROR\|# \)' tests/test-suite.log; show_failed_logs tests; false; }
	[[ "$output" == *"Testsuite summary for gzip 1.12"*"# TOTAL: 26"*"# FAIL:  0"*"# ERROR: 0"* ]]
}
