#!/usr/bin/env bats
# env-source.bats: Typed Main level 0 from the source (doc/typed-main.md): the
# names a program passes to getenv and secure_getenv as string literals are
# declared at link time, with those of --env=; a name computed at run time
# is not; -fno-env-from-source turns the scan off.

load test_helper

F=$TOP_SRCDIR/tests/fixtures/env-source

# The custom sections of a module, one a line.
customs() {
	wasm-objdump -h "$1" | sed -n 's/.*Custom .* "\(.*\)"$/\1/p'
}

@test "literal names reach the program, at -O0, -O2 and -Os, with -flto, core module or component" {
	for flags in -O0 -O2 -Os "-O2 -flto" "-Os --emit=core"; do
		# shellcheck disable=SC2086
		wasm32-wasi-cc $flags -o reads "$F/reads.c"
		run -0 wasm32-wasi-run --print-env reads
		[ "$output" = "GREETING
HIDEOUT" ]
		GREETING=hello HIDEOUT=cellar WHERE=here run -0 wasm32-wasi-run reads WHERE
		[ "$output" = "GREETING=hello
HIDEOUT=cellar
WHERE=(unset)" ]
	done
	assert_no_temporaries
}

@test "a name computed at run time needs --env=, whose names come first" {
	wasm32-wasi-cc --env=WHERE,GREETING -o reads "$F/reads.c"
	run -0 wasm32-wasi-run --print-env reads
	[ "$output" = "WHERE
GREETING
HIDEOUT" ]
	GREETING=hello HIDEOUT=cellar WHERE=here run -0 wasm32-wasi-run reads WHERE
	[ "$output" = "GREETING=hello
HIDEOUT=cellar
WHERE=here" ]
}

@test "-fno-env-from-source declares the --env names alone; -fenv-from-source after it scans again" {
	wasm32-wasi-cc -fno-env-from-source -O2 -o off "$F/reads.c"
	run -0 wasm32-wasi-run --print-env off
	[ "$output" = "" ]
	GREETING=hello HIDEOUT=cellar run -0 wasm32-wasi-run off
	[ "$output" = "GREETING=(unset)
HIDEOUT=(unset)" ]
	wasm32-wasi-cc -fno-env-from-source --env=HIDEOUT -o some "$F/reads.c"
	run -0 wasm32-wasi-run --print-env some
	[ "$output" = "HIDEOUT" ]
	wasm32-wasi-cc -fno-env-from-source -fenv-from-source -o on "$F/reads.c"
	run -0 wasm32-wasi-run --print-env on
	[ "$output" = "GREETING
HIDEOUT" ]
	# the plan has no scan step, and declare-env is told
	run -0 wasm32-wasi-cc -fno-env-from-source -O2 -### -o off "$F/reads.c"
	[[ "$output" != *scan-env* && "$output" != *--keep-section=name* ]]
	[[ "$output" == *'"declare-env" "--no-source" '* ]]
}

@test "-v prints the declared names, those found in the source marked" {
	run -0 --separate-stderr wasm32-wasi-cc -v --env=WHERE -o reads "$F/reads.c"
	run -0 grep '^declared environment variable' <<< "$stderr"
	[ "$output" = "declared environment variable: WHERE
declared environment variable: GREETING (from the source)
declared environment variable: HIDEOUT (from the source)" ]
	run -0 --separate-stderr wasm32-wasi-cc -v -fno-env-from-source -o reads "$F/reads.c"
	run -1 grep '^declared environment variable' <<< "$stderr"
}

@test "an optimized or stripped link keeps no name section: the link keeps it for the scan alone" {
	wasm32-wasi-cc -s --emit=core -o stripped "$F/reads.c"
	run -0 customs stripped
	[ "$output" = "wasm32-wasi-cc.env-source
wasm32-wasi-cc.env" ]
	wasm32-wasi-cc -O2 --emit=core -o optimized "$F/reads.c"
	run -0 customs optimized
	[ "$output" = "wasm32-wasi-cc.env-source
wasm32-wasi-cc.env" ]
	# an artifact that is not scanned (a reactor) keeps nothing for it
	wasm32-wasi-cc -mexec-model=reactor -s -o lib.wasm "$F/lib.c"
	run -0 customs lib.wasm
	[ "$output" = "" ]
	# -O0 keeps the names, for stack traces, as it did
	wasm32-wasi-cc --emit=core -o plain "$F/reads.c"
	run -0 customs plain
	[ "${lines[0]}" = "name" ]
}

@test "a dll's literal names are declared by the component that embeds it, not libc.so's" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	for o in -O0 -O2; do
		wasm32-wasi-cc $o -shared -o libcolour.so "$F/lib.c"
		# the names, recorded in the dll (-O0 keeps more sections)
		run -0 customs libcolour.so
		[[ "$output" == *$'\nwasm32-wasi-cc.env-source\nwasm32-wasi-cc.soname\nwasm32-wasi-cc.exports' ]]
		wasm32-wasi-cc $o -o uselib "$F/uselib.c" -L. -lcolour
		run -0 wasm32-wasi-run --print-env uselib
		[ "$output" = "LIB_COLOUR
MAIN_SHAPE" ]
		LIB_COLOUR=red MAIN_SHAPE=round TZ=UTC run -0 wasm32-wasi-run uselib
		[ "$output" = "MAIN_SHAPE=round LIB_COLOUR=red" ]
	done
	run -0 customs libcolour.so
	[ "$output" = "dylink.0
wasm32-wasi-cc.env-source
wasm32-wasi-cc.soname
wasm32-wasi-cc.exports" ]
	# a core dynamic executable declares its own names: its dlls are found at run time
	wasm32-wasi-cc --emit=core -o uselib-core "$F/uselib.c" -L. -lcolour
	run -0 wasm32-wasi-run --print-env uselib-core
	[ "$output" = "MAIN_SHAPE" ]
	# -fno-env-from-source: none from the dll either
	wasm32-wasi-cc -fno-env-from-source -o uselib-off "$F/uselib.c" -L. -lcolour
	run -0 wasm32-wasi-run --print-env uselib-off
	[ "$output" = "" ]
}

@test "a malformed section of names found in the source, in a dll, is one error at the program's link" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	wasm32-wasi-cc -shared -o libcolour.so "$F/lib.c"
	# a second section, claiming two names and holding one
	printf '\000\035\031wasm32-wasi-cc.env-source\002\001A' >> libcolour.so
	run -1 --separate-stderr wasm32-wasi-cc -o uselib "$F/uselib.c" -L. -lcolour
	[ "$stderr" = "wasm32-wasi-cc: declare-env: libcolour.so: malformed at offset 0x3b1: unexpected end" ]
	assert_only_files libcolour.so
	assert_no_temporaries
}
