#!/usr/bin/env bats
# gmp.bats: GNU MP from Debian's source (autoreconf, as Debian builds it:
# its patch drops the doc/ that the dfsg tarball lacks), in portable C
# (--disable-assembly) and with its C++ class library (--enable-cxx, as
# Debian): configured by wasm32-wasi-configure, libtool builds libgmp.so and
# libgmpxx.so over it; its own make check (197 programs of mpn, mpz, mpq,
# mpf, rand, printf/scanf and C++ streams) through the runner; then its
# demo expression evaluator.

load packages_helper

@test "GMP builds libgmp.so and libgmpxx.so without assembly and passes its own make check" {
	copy_source gmp gmp
	cd src
	quietly autoreconf.log autoreconf -fi
	quietly configure.log wasm32-wasi-configure --disable-assembly --enable-cxx
	quietly build.log make -j2
	[ "$(needed_libraries .libs/libgmp.so.10)" = "libc.so
liballoc.so" ]
	[[ "$(needed_libraries .libs/libgmpxx.so.4)" == *libgmp.so.10* ]]
	# Excluded, what cannot work in wasm: a call through a function pointer
	# must match the callee's type exactly, where native ABIs forgive a
	# differing return type.
	exclude_test tests/misc/t-scanf.c "gmp_fscanf calls its step, void step(FILE *, int), through a pointer returning void *: in wasm that call traps (function signature mismatch)"
	run make -j2 check LOG_COMPILER=wasm32-wasi-run
	[ "$status" -eq 0 ] || { grep -h '^\(FAIL\|ERROR\)' tests/test-suite.log tests/*/test-suite.log; false; }
	embeds_library tests/mpz/t-bin libgmp.so.10
	# C++ programs (exception handling) stay core modules that name their dlls
	needed_libraries tests/cxx/t-ostream > needed
	grep -qx libgmpxx.so.4 needed
	grep -qx libc++.so needed
	# tests/, then mpn, mpz, mpq, mpf, rand, misc, cxx
	[[ "$output" == *"# TOTAL: 8"*"# PASS:  8"*"# FAIL:  0"*"# ERROR: 0"*"# TOTAL: 50"*"# PASS:  50"*"# FAIL:  0"*"# ERROR: 0"*"# TOTAL: 64"*"# PASS:  64"*"# FAIL:  0"*"# ERROR: 0"*"# TOTAL: 15"*"# PASS:  15"*"# FAIL:  0"*"# ERROR: 0"*"# TOTAL: 28"*"# PASS:  28"*"# FAIL:  0"*"# ERROR: 0"*"# TOTAL: 7"*"# PASS:  7"*"# FAIL:  0"*"# ERROR: 0"*"# TOTAL: 3"*"# PASS:  2"*"# SKIP:  1"*"# FAIL:  0"*"# ERROR: 0"*"# TOTAL: 22"*"# PASS:  22"*"# FAIL:  0"*"# ERROR: 0"* ]] ||
		{ grep "^# [A-Z]*: " <<< "$output"; false; }

	quietly demos.log make -C demos pexpr
	run -0 wasm32-wasi-run demos/pexpr '2^100' 'fib(100)' 'nextprime(10^20)' '-1000!/998!'
	[ "$output" = "1267650600228229401496703205376
354224848179261915075
100000000000000000039
-999000" ]
}
