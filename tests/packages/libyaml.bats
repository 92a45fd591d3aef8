#!/usr/bin/env bats
# libyaml.bats: LibYAML from Debian's source (autoreconf, as Debian builds
# it), an autotools library: configured by wasm32-wasi-configure, libtool
# builds libyaml-0.so and its test programs over it; its own make check
# (test-version, test-reader) through the runner; then its parser, loader,
# emitter and reformatter on the YAML documents of its examples/.

load packages_helper

@test "LibYAML builds libyaml-0.so with libtool, passes its own make check, and parses and emits YAML" {
	copy_source libyaml libyaml
	cd src
	quietly autoreconf.log autoreconf -fi
	quietly configure.log wasm32-wasi-configure
	quietly build.log make -j2
	[ "$(needed_libraries src/.libs/libyaml-0.so.2)" = "libc.so
liballoc.so" ]
	embeds_library tests/.libs/run-parser libyaml-0.so.2
	run make -j2 check LOG_COMPILER=wasm32-wasi-run
	[ "$status" -eq 0 ] || { tail -20 tests/test-suite.log; false; }
	[[ "$output" == *"# TOTAL: 2"*"# PASS:  2"* ]]
	# through libtool's fast_install wrappers, which the runner follows
	grep -qF "program=lt-'test-reader'" tests/test-reader
	# test-reader's own counts of the inputs it read back wrong
	[ "$(grep '^checking .*: [0-9]* fail(s)$' tests/test-reader.log)" = "checking utf-8 sequences: 0 fail(s)
checking boms: 0 fail(s)
checking a long utf8 sequence: 0 fail(s)
checking a long utf16 sequence: 0 fail(s)" ]

	cd examples
	run -0 wasm32-wasi-run ../tests/run-parser *.yaml
	[ "$output" = "[1] Parsing 'anchors.yaml': SUCCESS (25 events)
[2] Parsing 'array.yaml': SUCCESS (8 events)
[3] Parsing 'global-tag.yaml': SUCCESS (36 events)
[4] Parsing 'json.yaml': SUCCESS (11 events)
[5] Parsing 'mapping.yaml': SUCCESS (10 events)
[6] Parsing 'numbers.yaml': SUCCESS (10 events)
[7] Parsing 'strings.yaml': SUCCESS (12 events)
[8] Parsing 'tags.yaml': SUCCESS (12 events)
[9] Parsing 'yaml-version.yaml': SUCCESS (9 events)" ]
	run -0 wasm32-wasi-run ../tests/run-loader anchors.yaml
	[ "$output" = "[1] Loading 'anchors.yaml': SUCCESS (1 documents)" ]
	# run-emitter parses, emits and parses again, and compares the events
	run -0 wasm32-wasi-run ../tests/run-emitter *.yaml
	[ "$(grep -c "^\[[1-9]\] Parsing, emitting, and parsing again '.*': PASSED" <<< "$output")" -eq 9 ]
	# the reformatter, from standard input to standard output
	run -0 wasm32-wasi-run ../tests/example-reformatter < json.yaml
	[ "$output" = '{"key": ["value", 3]}' ]
	run -1 --separate-stderr wasm32-wasi-run ../tests/example-reformatter <<< 'a: [1, 2'
	[ "$stderr" = "Parser error: while parsing a flow sequence at line 1, column 4
did not find expected ',' or ']' at line 2, column 1" ]
}
