#!/usr/bin/env bats
# onig.bats: Oniguruma from Debian's source (autoreconf, as Debian builds
# it, and Debian's --enable-binary-compatible-posix-api), a regular
# expression library: configured by wasm32-wasi-configure, libtool builds
# libonig.so; its own make check through the runner: test/ (the regex
# engine over UTF-8, UTF-16 and EUC-JP, syntaxes, options, back search) and
# sample/ (its API examples, the POSIX API among them).

load packages_helper

@test "Oniguruma builds libonig.so with libtool and passes its own make check" {
	copy_source libonig libonig
	cd src
	quietly autoreconf.log autoreconf -fi
	quietly configure.log wasm32-wasi-configure --enable-binary-compatible-posix-api=yes
	quietly build.log make -j2
	[ "$(needed_libraries src/.libs/libonig.so.5)" = "libc.so
liballoc.so" ]
	run make -j2 check LOG_COMPILER=wasm32-wasi-run
	[ "$status" -eq 0 ] || { grep -h '^\(FAIL\|ERROR\)' test/test-suite.log sample/test-suite.log; false; }
	# test/, then sample/
	[[ "$output" == *"# TOTAL: 8"*"# PASS:  8"*"# FAIL:  0"*"# ERROR: 0"*"# TOTAL: 15"*"# PASS:  15"*"# FAIL:  0"*"# ERROR: 0"* ]] ||
		{ grep "^# [A-Z]*: " <<< "$output"; false; }
	# each program of test/ counts the matches it checked
	for t in test_utf8:1444 test_syntax:128 test_options:43 testc:785 testp:506 testcu:720 test_regset:13 test_back:1225; do
		grep -qE "^RESULT +SUCC: +${t#*:},  FAIL: 0,  ERROR: 0 " "test/${t%:*}.log" ||
			{ grep RESULT "test/${t%:*}.log"; false; }
	done
	# through libtool's wrappers, which the runner follows
	run -0 wasm32-wasi-run sample/simple
	[ "$output" = "match at 4
0: (4-14)
1: (5-13)" ]
	grep -qxF "OK: /^a*b\{2,7\}\([c-f]\)$/ 'aaaabbbbbbd'" sample/posix.log
}
