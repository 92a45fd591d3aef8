#!/usr/bin/env bats
# expat.bats: Expat from Debian's source (its buildconf.sh, as Debian builds
# it), an autotools library: configured by wasm32-wasi-configure, libtool
# builds libexpat.so and xmlwf over it; its own make check runs runtests
# and runtestspp (the same 365 checks compiled as C and as C++) through the
# runner; then xmlwf on well-formed and malformed documents.

load packages_helper

@test "Expat builds libexpat.so with libtool and passes its own make check in C and C++" {
	copy_source expat expat
	cd src/expat
	quietly buildconf.log ./buildconf.sh
	quietly configure.log wasm32-wasi-configure --without-docbook
	quietly build.log make -j2
	[ "$(needed_libraries lib/.libs/libexpat.so.1)" = "libc.so
liballoc.so" ]
	embeds_library xmlwf/.libs/xmlwf libexpat.so.1
	run make -j2 check LOG_COMPILER=wasm32-wasi-run
	[ "$status" -eq 0 ] || { tail -20 tests/runtests.log tests/runtestspp.log; false; }
	[[ "$output" == *"# TOTAL: 2"*"# PASS:  2"* ]]
	for t in runtests runtestspp; do
		[ "$(sed -n 2p tests/$t.log)" = "100%: Checks: 365, Failed: 0" ]
	done

	printf '<?xml version="1.0"?>\n<doc a="1"><p>caf\303\251 &amp; tea</p><q/></doc>\n' > good.xml
	printf '<doc><p>unclosed</doc>\n' > bad.xml
	run -0 wasm32-wasi-run xmlwf/xmlwf good.xml
	[ -z "$output" ]
	run -2 wasm32-wasi-run xmlwf/xmlwf bad.xml
	[ "$output" = "bad.xml:1:18: mismatched tag" ]
	# -d: the canonical form of each document, written into a directory
	mkdir out
	run -0 wasm32-wasi-run xmlwf/xmlwf -d out good.xml
	[ "$(cat out/good.xml)" = "$(printf '<doc a="1"><p>caf\303\251 &amp; tea</p><q></q></doc>')" ]
}
