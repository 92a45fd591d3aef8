#!/usr/bin/env bats
# typed-run.bats: wasm32-wasi-run and typed commands (Typed Main level 1; doc/typed-main.md, "Running a
# typed command"): WAVE read and written for every type, the command line a signature makes, its usage
# and its errors (tests/fixtures/typed-run/check.js drives the runner's modules alone); then typed
# components that wasm32-wasi-cc --wit makes, run end to end: flags, --help, --invoke, statuses, paths.

load test_helper

# The components are built once; each test copies the one it runs, so that
# messages name it as a user would.
setup_file() {
	export XDG_CACHE_HOME=$BATS_FILE_TMPDIR/cache
	local src name
	for src in "$FIXTURES/typed-main/greet" "$FIXTURES/typed-main/types" "$FIXTURES/typed-run/files"; do
		name=${src##*/}
		wasm32-wasi-cc --wit="$src.wit" --emit=header -o "$BATS_FILE_TMPDIR/$name.h"
		wasm32-wasi-cc --wit="$src.wit" -I"$BATS_FILE_TMPDIR" -o "$BATS_FILE_TMPDIR/$name" "$src.c"
	done
}

check() {
	"${NODE:-node}" "$FIXTURES/typed-run/check.js" "$@"
}

SIG=$FIXTURES/typed-run/types.json

UUID='[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}'

uuids_hidden() {
	sed -E "s/$UUID/UUID/g" <<<"$output"
}

# ------------------------------------------------------------------ WAVE

@test "WAVE: a value of every type is read and written back, nested to any depth" {
	run -0 check wave <<'EOF'
"bool"	true
"bool"	false
"s8"	-128
"u8"	255
"s16"	-32768
"u16"	65535
"s32"	-2147483648
"u32"	4294967295
"s64"	-9223372036854775808
"u64"	18446744073709551615
"f32"	0.1
"f32"	16777217
"f32"	-0
"f64"	0.1
"f64"	-2.5e-300
"f64"	1e21
"f64"	nan
"f64"	inf
"f64"	-inf
"char"	'x'
"char"	'☃'
"char"	'\''
"char"	'"'
"char"	'\u{1F44B}'
"string"	"abc\t123"
"string"	"quote \" backslash \\ apostrophe ' newline \n return \r nul \u{0} del \u{7f}"
"string"	""
"string"	"""⏎  two⏎    lines⏎  """
{"list": "u8"}	[1, 2, 3,]
{"list": "u8"}	[]
{"list": "f32"}	[1.5, nan, -inf]
{"list": "u64"}	[18446744073709551615]
{"list": {"list": "string"}}	[["a"], [], ["b", "c"]]
{"list": "char"}	['a', 'b']
{"tuple": ["u8", "string", {"option": "bool"}]}	(1, "x", true)
{"tuple": ["u8", "string", {"option": "bool"}]}	(1, "x", none,)
{"record": "point", "fields": [{"name": "x", "type": "s32"}, {"name": "y-coord", "type": "s32"}, {"name": "label", "type": {"option": "string"}}]}	{y-coord: 2, x: -1}
{"record": "point", "fields": [{"name": "x", "type": "s32"}, {"name": "y-coord", "type": "s32"}, {"name": "label", "type": {"option": "string"}}]}	{x: 1, y-coord: 2, label: "p"}
{"record": "maybe", "fields": [{"name": "a", "type": {"option": "u8"}}]}	{:}
{"record": "maybe", "fields": [{"name": "a", "type": {"option": "u8"}}]}	{%a: 1}
{"variant": "shape", "cases": [{"name": "circle", "type": "f64"}, {"name": "none"}, {"name": "dot"}]}	circle(2)
{"variant": "shape", "cases": [{"name": "circle", "type": "f64"}, {"name": "none"}, {"name": "dot"}]}	%none
{"variant": "shape", "cases": [{"name": "circle", "type": "f64"}, {"name": "none"}, {"name": "dot"}]}	%dot
{"enum": "style", "cases": ["plain", "extra-fancy", "ok"]}	extra-fancy
{"enum": "style", "cases": ["plain", "extra-fancy", "ok"]}	%ok
{"flags": "perms", "names": ["read", "write-it", "exec"]}	{exec, read,}
{"flags": "perms", "names": ["read", "write-it", "exec"]}	{}
{"option": "u32"}	7
{"option": "u32"}	some(7)
{"option": "u32"}	none
{"option": {"option": "u32"}}	some(none)
{"option": {"option": "u32"}}	some(some(3))
{"option": {"option": "u32"}}	some(3)
{"option": {"result": {"ok": "u8", "err": null}}}	some(ok(1))
{"result": {"ok": "string", "err": "u8"}}	"flat ok"
{"result": {"ok": "string", "err": "u8"}}	err(7)
{"result": {"ok": null, "err": "string"}}	ok
{"result": {"ok": null, "err": null}}	err
{"list": {"option": {"list": {"tuple": ["string", {"variant": "v", "cases": [{"name": "a", "type": {"list": "u8"}}, {"name": "b"}]}]}}}}	[none, some([("x", a([1, 2])), ("y", b)]), []]
"string"	"x" // a comment
"u8"	-0
EOF
	[ "$output" = "$(cat <<'EOF'
true => true
false => false
-128 => -128
255 => 255
-32768 => -32768
65535 => 65535
-2147483648 => -2147483648
4294967295 => 4294967295
-9223372036854775808 => -9223372036854775808
18446744073709551615 => 18446744073709551615
0.1 => 0.1
16777217 => 16777216
-0 => -0
0.1 => 0.1
-2.5e-300 => -2.5e-300
1e21 => 1e+21
nan => nan
inf => inf
-inf => -inf
'x' => 'x'
'☃' => '☃'
'\'' => '\''
'"' => '"'
'\u{1F44B}' => '👋'
"abc\t123" => "abc\t123"
"quote \" backslash \\ apostrophe ' newline \n return \r nul \u{0} del \u{7f}" => "quote \" backslash \\ apostrophe ' newline \n return \r nul \u{0} del \u{7f}"
"" => ""
"""⏎  two⏎    lines⏎  """ => "two\n  lines"
[1, 2, 3,] => [1, 2, 3]
[] => []
[1.5, nan, -inf] => [1.5, nan, -inf]
[18446744073709551615] => [18446744073709551615]
[["a"], [], ["b", "c"]] => [["a"], [], ["b", "c"]]
['a', 'b'] => ['a', 'b']
(1, "x", true) => (1, "x", some(true))
(1, "x", none,) => (1, "x", none)
{y-coord: 2, x: -1} => {x: -1, y-coord: 2}
{x: 1, y-coord: 2, label: "p"} => {x: 1, y-coord: 2, label: some("p")}
{:} => {:}
{%a: 1} => {a: some(1)}
circle(2) => circle(2)
%none => %none
%dot => dot
extra-fancy => extra-fancy
%ok => %ok
{exec, read,} => {read, exec}
{} => {}
7 => some(7)
some(7) => some(7)
none => none
some(none) => some(none)
some(some(3)) => some(some(3))
some(3) => some(some(3))
some(ok(1)) => some(ok(1))
"flat ok" => ok("flat ok")
err(7) => err(7)
ok => ok
err => err
[none, some([("x", a([1, 2])), ("y", b)]), []] => [none, some([("x", a([1, 2])), ("y", b)]), some([])]
"x" // a comment => "x"
-0 => 0
EOF
)" ]
}

@test "WAVE: a malformed value is one line saying what was expected, what was there, and where" {
	run -0 check wave <<'EOF'
"u8"	256
"s8"	-129
"u32"	01
"u32"	1.0
"u32"	x
"u64"	18446744073709551616
"f64"	1.
"f64"	.5
"f64"	NaN
"bool"	True
"bool"	1
"char"	'ab'
"char"	''
"char"	"a"
"string"	"abc
"string"	"a⏎b"
"string"	"\q"
"string"	"\u{d800}"
"string"	"\u{110000}"
"string"	"a" "b"
"string"	@
{"list": "u8"}	[1,,2]
{"list": "u8"}	[1 2]
{"list": "u8"}	[1, 2
{"list": "u8"}	1
{"tuple": ["u8", "u8"]}	(1)
{"tuple": ["u8", "u8"]}	(1, 2, 3)
{"record": "point", "fields": [{"name": "x", "type": "s32"}, {"name": "y-coord", "type": "s32"}]}	{x: 1}
{"record": "point", "fields": [{"name": "x", "type": "s32"}, {"name": "y-coord", "type": "s32"}]}	{x: 1, z: 2}
{"record": "point", "fields": [{"name": "x", "type": "s32"}, {"name": "y-coord", "type": "s32"}]}	{x: 1, x: 2}
{"record": "point", "fields": [{"name": "x", "type": "s32"}, {"name": "y-coord", "type": "s32"}]}	{x 1}
{"record": "point", "fields": [{"name": "x", "type": "s32"}, {"name": "y-coord", "type": "s32"}]}	{x: 1, y-coord: z}
{"variant": "shape", "cases": [{"name": "circle", "type": "f64"}, {"name": "dot"}]}	square
{"variant": "shape", "cases": [{"name": "circle", "type": "f64"}, {"name": "dot"}]}	circle
{"variant": "shape", "cases": [{"name": "circle", "type": "f64"}, {"name": "dot"}]}	dot(1)
{"enum": "style", "cases": ["plain", "fancy"]}	bold
{"flags": "perms", "names": ["read", "write"]}	{read, exec}
{"flags": "perms", "names": ["read", "read-more"]}	{read, read}
{"flags": "perms", "names": ["read", "write"]}	{:}
{"option": "u8"}	some 1
{"option": {"option": "u8"}}	1
{"result": {"ok": "u8", "err": "string"}}	ok
{"result": {"ok": null, "err": null}}	err("x")
{"result": {"ok": {"option": "u8"}, "err": null}}	none
"string"	/* no */ "x"
EOF
	[ "$output" = "$(cat <<'EOF'
256 -> column 1: expected u8 (0 to 255), got "256"
-129 -> column 1: expected s8 (-128 to 127), got "-129"
01 -> column 1: expected u32, got "01"
1.0 -> column 1: expected u32, got "1.0"
x -> column 1: expected u32, got "x"
18446744073709551616 -> column 1: expected u64 (0 to 18446744073709551615), got "18446744073709551616"
1. -> column 1: expected f64, got "1."
.5 -> column 1: expected a value, got "."
NaN -> column 1: expected f64, got "NaN"
True -> column 1: expected bool, got "True"
1 -> column 1: expected bool, got "1"
'ab' -> column 1: expected a char (one character between '), got "'ab'"
'' -> column 1: expected a char (one character between '), got "''"
"a" -> column 1: expected char, got "\"a\""
"abc -> column 1: unterminated string: no closing "
"a⏎b" -> line 1, column 3: a newline in a string is written \n
"\q" -> column 2: expected an escape (\' \" \\ \t \n \r \u{HEX}) after "\"
"\u{d800}" -> column 2: expected a Unicode scalar value, got \u{d800}
"\u{110000}" -> column 2: expected a Unicode scalar value, got \u{110000}
"a" "b" -> column 5: expected end of input, got "\"b\""
@ -> column 1: expected a value, got "@"
[1,,2] -> column 4: expected u8, got ","
[1 2] -> column 4: expected "," or "]", got "2"
[1, 2 -> column 6: expected "," or "]", got end of input
1 -> column 1: expected list<u8>, got "1"
(1) -> column 3: expected u8, got ")"
(1, 2, 3) -> column 8: expected ")", got "3"
{x: 1} -> column 6: record point: missing field y-coord (s32)
{x: 1, z: 2} -> column 8: expected a field of record point (x, y-coord), got "z"
{x: 1, x: 2} -> column 8: record point: field x given twice
{x 1} -> column 4: expected ":", got "1"
{x: 1, y-coord: z} -> column 17: expected s32, got "z"
square -> column 1: expected variant shape (circle, dot), got "square"
circle -> column 7: expected "(" and a value of case circle, got end of input
dot(1) -> column 4: case dot takes no value
bold -> column 1: expected enum style (plain, fancy), got "bold"
{read, exec} -> column 8: expected a flag of perms (read, write) or "}", got "exec"
{read, read} -> column 8: flags perms: read given twice
{:} -> column 2: expected a flag of perms (read, write) or "}", got ":"
some 1 -> column 6: expected "(" and a value of some, got "1"
1 -> column 1: expected option<option<u8>> (some(...) or none), got "1"
ok -> column 3: expected "(" and a value of ok, got end of input
err("x") -> column 4: err takes no value
none -> column 1: expected result<option<u8>> (ok(...) or err), got "none"
/* no */ "x" -> column 1: expected a value, got "/"
EOF
)" ]
}

# ------------------------------------------------------------ the signature

@test "a malformed wasm32-wasi-cc.main says where, in one line" {
	run -0 check signature <<'EOF2'
{"functions": [{"name": "run", "params": [], "result": null}]}
[]
{"functions": []}
{"functions": [{"name": "Run_1", "params": [], "result": null}]}
{"functions": [{"name": "run", "params": [{"name": "a", "type": "u128"}], "result": null}]}
{"functions": [{"name": "run", "params": [{"name": "a", "type": {"list": "u8", "option": "u8"}}], "result": null}]}
{"functions": [{"name": "run", "params": [{"name": "a", "type": "u8"}, {"name": "a", "type": "u8"}], "result": null}]}
{"functions": [{"name": "run", "params": [{"name": "a", "type": {"record": "r", "fields": [{"name": "x", "type": {"tuple": ["u8", "nope"]}}]}}], "result": null}]}
{"functions": [{"name": "run", "params": [{"name": "a", "type": {"enum": "e", "cases": []}}], "result": null}]}
{"functions": [{"name": "run", "params": [], "result": {"flags": "f", "names": ["a", "a"]}}]}
{"functions": [{"name": "run", "params": [], "result": {"flags": ["a", "b"]}}]}
EOF2
	[ "$output" = 'ok
malformed: not a JSON object
malformed: functions: none exported
malformed: functions: 0: name: "Run_1" is not a WIT name
malformed: run: a: unknown type "u128"
malformed: run: a: a type object names one kind (list, option, result, tuple, record, variant, enum, flags)
malformed: run: a named twice
malformed: run: a: r: x: tuple: 1: unknown type "nope"
malformed: run: a: e: an enum has cases
malformed: run: result: f: a named twice
malformed: run: result: flags: ["a","b"] is not a WIT name' ]
}

# ---------------------------------------------------------- the command line

@test "flags by the signature: plain scalars, WAVE for the rest, bool alone, options absent, lists repeated" {
	run -0 check args "$SIG" scalars --b --s8 -128 --u8 255 --s16 -32768 --u16 65535 --s32=-2147483648 \
		--u32 4294967295 --s64 -9223372036854775808 --u64 18446744073709551615 --f32 0.1 --f64 -inf --c "'" --s dir/file
	[ "$output" = "scalars(true, -128, 255, -32768, 65535, -2147483648, 4294967295, -9223372036854775808, 18446744073709551615, 0.1, -inf, '\\'', \"<dir/file>\")" ]
	run -0 check args "$SIG" scalars --b=false --s8 0 --u8 0 --s16 0 --u16 0 --s32 0 --u32 0 --s64 0 --u64 0 \
		--f32 nan --f64 1e21 --c ☃ --s ''
	[ "$output" = "scalars(false, 0, 0, 0, 0, 0, 0, 0, 0, nan, 1e+21, '☃', \"<>\")" ]
	# every string at any depth goes through the path rule (here marked <...>)
	run -0 check args "$SIG" shapes --at '{x: 1, y: 2.5}' --shape 'pair((7, "a/b"))' --perms '{exec, read}' \
		--pick none --matrix '[1, -2]' --matrix '[]' --bytes 255 --bytes 0 --outcome '"x"' --style ok
	[ "$output" = 'shapes({x: 1, y: 2.5}, pair((7, "<a/b>")), {read, exec}, some(none), [[1, -2], []], [255, 0], ok("<x>"), some(%ok))' ]
	run -0 check args "$SIG" shapes --at '{x: 1, y: 2, label: "l"}' --shape %none --perms '{}' --pick 3 --outcome err
	[ "$output" = 'shapes({x: 1, y: 2, label: some("<l>")}, %none, {}, some(some(3)), [], [], err, none)' ]
	run -0 check args "$SIG" nothing
	[ "$output" = 'nothing()' ]
	# a flag's value is never taken for --help
	run -0 check args "$SIG" fail --why --help
	[ "$output" = 'fail("<--help>")' ]
}

@test "a wrong command line is one line, and the usage" {
	run -0 check args "$SIG"
	[ "$output" = 'error: no function given (scalars, shapes, fail, code, nothing) (and the usage)' ]
	run -0 check args "$SIG" frobnicate
	[ "$output" = 'error: unknown function "frobnicate" (and the usage)' ]
	local -a cases=(
		'scalars --s8 1|missing --u8 (u8)'
		'fail|missing --why (string)'
		'fail --why a --why b|--why: given twice'
		'fail --because x|unknown flag --because'
		'fail because|unexpected argument "because": parameters are given as --NAME VALUE'
		'fail --why|--why: needs a value (string)'
		'scalars --b=yes|--b: expected bool, got "yes"'
		'scalars --u8 256|--u8: expected u8 (0 to 255), got "256"'
		'scalars --s8 x|--s8: expected s8, got "x"'
		'scalars --c ab|--c: expected char (one character), got "ab"'
		'scalars --f32 1.|--f32: expected f32, got "1."'
		'shapes --shape square|--shape: column 1: expected variant shape (circle, none, pair), got "square"'
		'shapes --style bold|--style: expected enum style (plain, ok), got "bold"'
		'shapes --bytes 1 --bytes 300|--bytes: expected u8 (0 to 255), got "300"'
	)
	local c
	for c in "${cases[@]}"; do
		# shellcheck disable=SC2086 # the words of the case
		run -0 check args "$SIG" ${c%%|*}
		[ "$output" = "error: ${c#*|} (and the usage)" ]
	done
	run -0 check args "$SIG" shapes --at '{x: 1}'
	[ "$output" = 'error: --at: column 6: record point: missing field y (f64) (and the usage)' ]
	run -0 check args "$SIG" shapes --at '{x: 1, y: z}'
	[ "$output" = 'error: --at: column 11: expected f64, got "z" (and the usage)' ]
}

@test "--invoke: a call in WAVE, trailing options left out; its errors say where" {
	run -0 check invoke "$SIG" 'fail("x")'
	[ "$output" = 'fail("<x>")' ]
	run -0 check invoke "$SIG" 'shapes({x: 1, y: 2}, none, {read}, none, [], [], ok("o"))'
	[ "$output" = 'shapes({x: 1, y: 2}, %none, {read}, none, [], [], ok("<o>"), none)' ]
	run -0 check invoke "$SIG" 'shapes({x: 1, y: 2}, none, {read}, none, [], [], ok("o"), some(plain),)'
	[ "$output" = 'shapes({x: 1, y: 2}, %none, {read}, none, [], [], ok("<o>"), some(plain))' ]
	run -0 check invoke "$SIG" ' nothing ( ) '
	[ "$output" = 'nothing()' ]
	run -0 check invoke "$SIG" 'nothing'
	[ "$output" = 'error: --invoke: column 8: expected "(" and the arguments of nothing, got end of input' ]
	run -0 check invoke "$SIG" 'fail()'
	[ "$output" = 'error: --invoke: column 6: expected string, got ")"' ]
	run -0 check invoke "$SIG" 'fail("x", "y")'
	[ "$output" = 'error: --invoke: column 11: expected ")", got "\"y\""' ]
	run -0 check invoke "$SIG" 'frob()'
	[ "$output" = 'error: --invoke: column 1: expected a function (scalars, shapes, fail, code, nothing), got "frob"' ]
}

@test "the usage: the world's functions, or one function's flags, types and docs" {
	run -0 check usage "$SIG"
	[ "$output" = 'usage: wasm32-wasi-run prog FUNCTION [--help] [--PARAMETER VALUE]...

Every WIT value type.

functions:
  scalars  The scalars as text.
  shapes   Shapes at points.
  fail
  code
  nothing' ]
	run -0 check usage "$SIG" shapes
	[ "$output" = 'usage: wasm32-wasi-run prog shapes [--help] --at POINT --shape SHAPE --perms PERMS [--pick WAVE] [--matrix WAVE]... [--bytes U8]... --outcome WAVE [--style STYLE]

Shapes at points.
A second line.

parameters:
  --at POINT      point
  --shape SHAPE   shape
  --perms PERMS   perms
  --pick WAVE     option<option<u32>> (absent: none)
  --matrix WAVE   list<list<s64>>, once per element (absent: [])
  --bytes U8      list<u8>, once per element (absent: [])
  --outcome WAVE  result<string>
  --style STYLE   option<style> (absent: none)

types:
  record point
    A point on the plane.
    x: f64  across
    y: f64  down
    label: option<string>
  variant shape
    A shape.
    circle(f32)  its radius
    none
    pair(tuple<u8, string>)
  flags perms
    read
    write-it
    exec
  enum style
    plain
    ok

result: list<option<shape>> on standard output (status 0)
Values of records, variants, tuples, options, results, flags and lists are written in WAVE.' ]
	run -0 check args "$SIG" shapes --at x --help
	[ "${lines[0]}" = "usage: wasm32-wasi-run prog shapes [--help] --at POINT --shape SHAPE --perms PERMS [--pick WAVE] [--matrix WAVE]... [--bytes U8]... --outcome WAVE [--style STYLE]" ]
}

@test "the result: ok or a plain return on stdout (a string as it is, else WAVE), err on stderr, status 1" {
	run -0 check outcome "$SIG" fail ok ''
	[ "$output" = 'stdout: "" stderr: "" status: 0' ]
	run -0 check outcome "$SIG" fail err '"it broke"'
	[ "$output" = 'stdout: "" stderr: "prog: it broke\n" status: 1' ]
	run -0 check outcome "$SIG" code ok 7
	[ "$output" = 'stdout: "7\n" stderr: "" status: 0' ]
	run -0 check outcome "$SIG" code err worse
	[ "$output" = 'stdout: "" stderr: "prog: worse\n" status: 1' ]
	run -0 check outcome "$SIG" scalars ok '"plain text"'
	[ "$output" = 'stdout: "plain text\n" stderr: "" status: 0' ]
	run -0 check outcome "$SIG" shapes ok '[some(circle(1.5)), none, some(%none)]'
	[ "$output" = 'stdout: "[some(circle(1.5)), none, some(%none)]\n" stderr: "" status: 0' ]
	run -0 check outcome "$SIG" nothing ok ''
	[ "$output" = 'stdout: "" stderr: "" status: 0' ]
}

# ------------------------------------------------------------- end to end

@test "greet: flags in, the ok string out, status 0; --invoke does the same call" {
	cp "$BATS_FILE_TMPDIR/greet" .
	run -0 --separate-stderr wasm32-wasi-run greet --name World --times 2 --shout --tags a --tags b --style fancy
	[ "$output" = '*** HELLO, WORLD! *** HELLO, WORLD! #A #B' ]
	[ "$stderr" = '' ]
	run -0 --separate-stderr wasm32-wasi-run greet --name=World --times=1
	[ "$output" = 'Hello, World!' ]
	run -0 --separate-stderr wasm32-wasi-run --invoke 'run("World", 2, true, ["a"], none)' greet
	[ "$output" = 'HELLO, WORLD! HELLO, WORLD! #A' ]
	run -0 --separate-stderr wasm32-wasi-run --invoke 'run("World", 1, false, [])' greet
	[ "$output" = 'Hello, World!' ]
}

@test "greet: an err is PROGRAM: MESSAGE on stderr, status 1" {
	cp "$BATS_FILE_TMPDIR/greet" .
	run -1 --separate-stderr wasm32-wasi-run greet --name '' --times 1
	[ "$output" = '' ]
	[ "$stderr" = 'greet: the name is empty' ]
}

@test "greet: --help prints the usage made from the WIT, on stdout" {
	cp "$BATS_FILE_TMPDIR/greet" .
	run -0 --separate-stderr wasm32-wasi-run greet --help
	[ "$stderr" = '' ]
	[ "$output" = 'usage: wasm32-wasi-run greet [--help] --name STRING --times U32 [--shout] [--tags STRING]... [--style STYLE]

Greets someone.
`times`: how often; `shout`: in capitals.

parameters:
  --name STRING  string
  --times U32    u32
  --shout        bool (absent: false)
  --tags STRING  list<string>, once per element (absent: [])
  --style STYLE  option<style> (absent: none)

types:
  enum style
    How to greet.
    plain
    fancy

result: result<string, string>: ok on standard output (status 0), err on standard error (status 1)' ]
}

@test "greet: a missing flag or a malformed value is one line and the usage on stderr, status 2, nothing run" {
	cp "$BATS_FILE_TMPDIR/greet" .
	run -2 --separate-stderr wasm32-wasi-run greet --name World --times x
	[ "$output" = '' ]
	[ "${stderr_lines[0]}" = 'wasm32-wasi-run: greet: --times: expected u32, got "x"' ]
	[ "${stderr_lines[1]}" = 'usage: wasm32-wasi-run greet [--help] --name STRING --times U32 [--shout] [--tags STRING]... [--style STYLE]' ]
	[ "${stderr_lines[-1]}" = 'result: result<string, string>: ok on standard output (status 0), err on standard error (status 1)' ]
	run -2 --separate-stderr wasm32-wasi-run greet --name World
	[ "${stderr_lines[0]}" = 'wasm32-wasi-run: greet: missing --times (u32)' ]
	run -2 --separate-stderr wasm32-wasi-run greet --name World --times 1 --style bold
	[ "${stderr_lines[0]}" = 'wasm32-wasi-run: greet: --style: expected enum style (plain, fancy), got "bold"' ]
	# --invoke's errors are one line, without the usage
	run -2 --separate-stderr wasm32-wasi-run --invoke 'run("World", -1, true, [])' greet
	[ "$stderr" = 'wasm32-wasi-run: greet: --invoke: column 14: expected u32 (0 to 4294967295), got "-1"' ]
	run -2 --separate-stderr wasm32-wasi-run --invoke 'run("World")' greet --times 1
	[ "$stderr" = 'wasm32-wasi-run: --invoke takes no arguments after PROGRAM (usage: wasm32-wasi-run [--print-env] [--jco] [--invoke CALL] [--dir HOST[::GUEST]]... [--env NAME[=VALUE]]... [--] PROGRAM [ARGS...])' ]
}

@test "--invoke needs a typed command" {
	wasm32-wasi-cc -o hello "$FIXTURES/run/probe.c"
	run -2 --separate-stderr wasm32-wasi-run --invoke 'run()' hello
	[ "$stderr" = 'wasm32-wasi-run: --invoke: hello is not a typed command (it has no wasm32-wasi-cc.main section)' ]
}

@test "types: every WIT type through the command line, the component and back, in WAVE" {
	cp "$BATS_FILE_TMPDIR/types" .
	run -0 --separate-stderr wasm32-wasi-run types echo --e '{b: true, s8: -1, u8: 2, s16: -3, u16: 4, s32: -5, u32: 6, s64: -7, u64: 18446744073709551615, f32: 0.1, f64: 1e100, c: '"'"'\u{1F44B}'"'"', s: "str\n", names: ["a", "b"], style: plain, outcome: err("e"), pair: (1, "one"), shape: dot, perms: {write, read}, path: [{x: 1, y: 2}], nested: [none, some([("t", circle(1.5)), ("u", rect({x: -0, y: nan}))])]}'
	[ "$output" = "{b: true, s8: -1, u8: 2, s16: -3, u16: 4, s32: -5, u32: 6, s64: -7, u64: 18446744073709551615, f32: 0.1, f64: 1e+100, c: '👋', s: \"str\\n\", names: [\"a\", \"b\"], style: some(plain), outcome: err(\"e\"), pair: (1, \"one\"), shape: dot, perms: {read, write}, path: [{x: 1, y: 2}], nested: [none, some([(\"t\", circle(1.5)), (\"u\", rect({x: -0, y: nan}))])]}" ]
	run -0 --separate-stderr wasm32-wasi-run types scalars --a --b -128 --c 255 --d -32768 --e 65535 --f -2147483648 \
		--g 4294967295 --h -9223372036854775808 --i 18446744073709551615 --j 0.5 --k -2.5e-300 --l ☃
	[ "$output" = 'true -128 255 -32768 65535 -2147483648 4294967295 -9223372036854775808 18446744073709551615 0.5 -2.5e-300 U+2603' ]
	run -0 --separate-stderr wasm32-wasi-run types shapes --s 'rect({x: 1, y: 2.5})' --o fancy --r 'err("no")'
	[ "$output" = '[some(rect({x: 1, y: 2.5})), none, some(circle(1.5)), some(dot)]' ]
	run -0 --separate-stderr wasm32-wasi-run types split --xs 1 --xs -2 --xs 9223372036854775807
	[ "$output" = '(9223372036854775808, [-2])' ]
	run -0 --separate-stderr wasm32-wasi-run types split
	[ "$output" = '(0, [])' ]
	run -0 --separate-stderr wasm32-wasi-run types count --p '{read, exec}'
	[ "$output" = '2' ]
	run -0 --separate-stderr wasm32-wasi-run types style-of --n 1
	[ "$output" = 'fancy' ]
	run -0 --separate-stderr wasm32-wasi-run types maybe --n 0
	[ "$output" = 'none' ]
	run -0 --separate-stderr wasm32-wasi-run types maybe --n 3
	[ "$output" = 'some("n=3")' ]
	run -1 --separate-stderr wasm32-wasi-run types fail --why 'it broke'
	[ "$output" = '' ]
	[ "$stderr" = 'types: it broke' ]
	run -0 --separate-stderr wasm32-wasi-run --invoke 'nothing()' types
	[ "$output" = 'nothing, on standard output' ]
}

@test "a string argument that names a host path is granted as a UUID preopen, at any depth" {
	cp "$BATS_FILE_TMPDIR/files" .
	mkdir d
	echo 'alpha one' > d/a.txt
	echo beta > b.txt
	run -0 --separate-stderr wasm32-wasi-run files head --path "$PWD/d/a.txt"
	[ "$output" = 'alpha one' ]
	run -0 --separate-stderr wasm32-wasi-run files heads --paths "$PWD/d/a.txt" --paths b.txt --paths "$PWD/nope"
	[ "$(uuids_hidden)" = '[("UUID/a.txt", "alpha one"), ("b.txt", "beta"), ("UUID/nope", "?")]' ]
	run -0 --separate-stderr wasm32-wasi-run --invoke "heads([\"$PWD/d/a.txt\"])" files
	[ "$(uuids_hidden)" = '[("UUID/a.txt", "alpha one")]' ]
	# explicit grants replace derived ones, as for any program
	run -1 --separate-stderr wasm32-wasi-run --dir . files head --path "$PWD/d/a.txt"
	[ "$stderr" = 'files: No such file or directory' ]
	run -0 --separate-stderr wasm32-wasi-run --dir . files head --path d/a.txt
	[ "$output" = 'alpha one' ]
}

@test "a trap in the typed export exits 134 with one line" {
	cp "$BATS_FILE_TMPDIR/files" .
	run -134 --separate-stderr wasm32-wasi-run files crash
	[ "$output" = '' ]
	[ "$stderr" = 'wasm32-wasi-run: files: wasm trap: wasm `unreachable` instruction executed' ]
}
