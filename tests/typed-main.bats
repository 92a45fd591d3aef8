#!/usr/bin/env bats
# typed-main.bats: Typed Main level 1, the driver's side (doc/typed-main.md):
# --wit=FILE --emit=header writes wit-bindgen-style C bindings, --wit=FILE
# links a typed command component whose only export is the world's
# function, and jco reads it back and calls it with typed values.

load test_helper

FIX=$FIXTURES/typed-main

# The header of the fixture world $1, as a user's Makefile would make it.
header() {
	wasm32-wasi-cc --wit="$FIX/$1.wit" --emit=header -o "$1.h"
}

# jco's JavaScript for the component $1 in js/, with the preview2 shim next to jco (runtime/run/component.js).
transpile() {
	local shim
	"$JCO" transpile "$1" -o js --name "$1" --no-typescript > /dev/null
	printf '{"type":"module"}\n' > js/package.json
	shim=$("$NODE" -e 'const p = require("path"); const cli = require.resolve("@bytecodealliance/preview2-shim/cli",
		{ paths: [p.resolve(p.dirname(require("fs").realpathSync(process.argv[1])), "..")] });
		console.log(p.resolve(p.dirname(cli), "..", ".."))' "$JCO")
	mkdir -p js/node_modules/@bytecodealliance
	ln -s "$shim" js/node_modules/@bytecodealliance/preview2-shim
}

@test "--emit=header writes the bindings of the issue's example, in wit-bindgen's names" {
	header greet
	assert_only_files greet.h
	grep -qx 'typedef struct greet_string_t {' greet.h
	grep -qx '  greet_string_t \*ptr;' greet.h
	grep -qx 'typedef uint8_t greet_style_t;' greet.h
	grep -qx '#define GREET_STYLE_FANCY 1' greet.h
	grep -qx '// `times`: how often; `shout`: in capitals.' greet.h
	grep -qx 'bool exports_greet_run(greet_string_t \*name, uint32_t times, bool shout, greet_list_string_t \*tags, greet_style_t \*maybe_style, greet_string_t \*ret, greet_string_t \*err);' greet.h
	grep -qx 'void greet_string_dup(greet_string_t \*ret, const char \*s);' greet.h
	grep -qx 'void greet_list_string_free(greet_list_string_t \*ptr);' greet.h
	# it compiles alone, as C and as C++, warning-free
	printf '#include "greet.h"\n' > one.c
	wasm32-wasi-cc -Wall -Wextra -Werror -pedantic -std=c11 -fsyntax-only one.c
	wasm32-wasi-c++ -Wall -Wextra -Werror -fsyntax-only -x c++ one.c
	# and to standard output without -o
	run -0 wasm32-wasi-cc --wit="$FIX/greet.wit" --emit=header
	[ "$output" = "$(cat greet.h)" ]
	assert_no_temporaries
}

@test "every type of the types world has its C type, each aggregate its layout" {
	header types
	grep -qx 'typedef struct types_shape_t {' types.h
	grep -qx '#define TYPES_SHAPE_DOT 2' types.h
	grep -qx '#define TYPES_PERMS_EXEC (1 << 2)' types.h
	grep -qx 'typedef types_list_point_t types_points_t;' types.h
	grep -qx '  types_list_option_list_tuple2_string_shape_t nested;' types.h
	grep -qx 'void exports_types_echo(types_everything_t \*e, types_everything_t \*ret);' types.h
	grep -qx 'uint8_t exports_types_count(types_perms_t p);' types.h
	grep -qx 'types_style_t exports_types_style_of(uint32_t n);' types.h
	grep -qx 'bool exports_types_maybe(uint32_t n, types_string_t \*ret);' types.h
	grep -qx 'bool exports_types_fail(types_string_t \*why, types_string_t \*err);' types.h
	grep -qx 'void exports_types_nothing(void);' types.h
	# the C layout is the canonical ABI's (CanonicalABI.md): size and alignment
	cat > layout.c <<'C'
#include "types.h"
_Static_assert(sizeof(types_shape_t) == 24 && _Alignof(types_shape_t) == 8, "shape");
_Static_assert(sizeof(types_option_style_t) == 2, "option<style>");
_Static_assert(sizeof(types_result_string_string_t) == 12, "result<string, string>");
_Static_assert(sizeof(types_tuple2_u32_string_t) == 12, "tuple<u32, string>");
_Static_assert(sizeof(types_everything_t) == 144 && _Alignof(types_everything_t) == 8, "everything");
C
	wasm32-wasi-cc -Werror -fsyntax-only layout.c
}

@test "a function that does not match the header's prototype is a compile error" {
	header greet
	sed 's/uint32_t times/int times/' "$FIX/greet.c" > greet.c
	run -1 wasm32-wasi-cc --wit="$FIX/greet.wit" -I. -o greet greet.c
	[[ "$output" == *"greet.c:9:6: error: conflicting types for 'exports_greet_run'"* ]]
	assert_only_files greet.c greet.h
	assert_no_temporaries
}

@test "a function the program does not define is an undefined symbol" {
	header greet
	printf '#include "greet.h"\n' > empty.c
	run -1 wasm32-wasi-cc --wit="$FIX/greet.wit" -I. -o greet empty.c
	[[ "$output" == *"undefined symbol: exports_greet_run"* ]]
	assert_only_files empty.c greet.h
}

@test "a WIT error names FILE:LINE:COL on one line, and nothing is written" {
	printf 'package a:b;\nworld w {\n  export run: func(n: u33) -> string;\n}\n' > bad.wit
	run -1 wasm32-wasi-cc --wit=bad.wit --emit=header -o bad.h
	[ "$output" = "wasm32-wasi-cc: bad.wit:3:23: type 'u33' is not defined" ]
	printf 'package a:b;\nworld w {\n  export run: func(n: u32) -> string\n}\n' > bad.wit
	run -1 wasm32-wasi-cc --wit=bad.wit --emit=header -o bad.h
	[ "$output" = "wasm32-wasi-cc: bad.wit:4:1: expected ';', found '}'" ]
	printf 'package a:b;\nworld w {\n  resource file;\n  export run: func();\n}\n' > bad.wit
	run -1 wasm32-wasi-cc --wit=bad.wit -o prog "$FIX/greet.c"
	[ "$output" = "wasm32-wasi-cc: bad.wit:3:3: resources are not supported by Typed Main level 1" ]
	printf 'package a:b;\nworld w {\n  export run: async func();\n}\n' > bad.wit
	run -1 wasm32-wasi-cc --wit=bad.wit --emit=header
	[ "$output" = "wasm32-wasi-cc: bad.wit:3:15: async functions are not supported by Typed Main level 1" ]
	printf 'package a:b;\nworld w {\n  import log: func(s: string);\n  export run: func();\n}\n' > bad.wit
	run -1 wasm32-wasi-cc --wit=bad.wit --emit=header
	[ "$output" = "wasm32-wasi-cc: bad.wit:3:3: imports are not supported by Typed Main level 1: the program imports only WASI, through the C library" ]
	printf 'package a:b;\nworld w {\n  record node { next: option<node> }\n  export run: func(n: node);\n}\n' > bad.wit
	run -1 wasm32-wasi-cc --wit=bad.wit --emit=header
	[ "$output" = "wasm32-wasi-cc: bad.wit:3:10: type 'node' contains itself" ]
	printf 'package a:b;\nworld w {\n  export Run-x: func();\n}\n' > bad.wit
	run -1 wasm32-wasi-cc --wit=bad.wit --emit=header
	[ "$output" = "wasm32-wasi-cc: bad.wit:3:10: 'Run-x' is no WIT name (kebab-case): it mixes lower and upper case in a word" ]
	run -2 wasm32-wasi-cc --emit=header -o x.h
	[ "$output" = "wasm32-wasi-cc: --emit=header writes the C header of a WIT world: name it with --wit=FILE" ]
	run -2 wasm32-wasi-cc --wit=bad.wit -shared -o x.so "$FIX/greet.c"
	[ "$output" = "wasm32-wasi-cc: -shared conflicts with --wit=" ]
	run -2 wasm32-wasi-cc --artifact=typed-command -o x "$FIX/greet.c"
	[ "$output" = "wasm32-wasi-cc: --artifact=typed-command: a typed command needs its world: name it with --wit=FILE" ]
	assert_only_files bad.wit
	assert_no_temporaries
}

@test "the typed component exports the world's function, and jco prints the world back" {
	header greet
	wasm32-wasi-cc --wit="$FIX/greet.wit" -I. -o greet "$FIX/greet.c"
	run -0 "$JCO" wit greet
	[ "$output" = "package root:component;

world root {
  enum style {
    plain,
    fancy,
  }

  export run: func(name: string, times: u32, shout: bool, tags: list<string>, style: option<style>) -> result<string, string>;
}" ]
	# the signature for the runner, as the contract of doc/typed-main.md says
	run -0 "$NODE" "$FIX/section.js" greet wasm32-wasi-cc.main
	[ "$output" = '{"package": "example:greet", "world": "greet", "docs": null,
 "functions": [
  {"name": "run", "docs": "Greets someone.\n`times`: how often; `shout`: in capitals.",
   "params": [{"name": "name", "type": "string"}, {"name": "times", "type": "u32"}, {"name": "shout", "type": "bool"}, {"name": "tags", "type": {"list": "string"}}, {"name": "style", "type": {"option": {"enum": "style", "docs": "How to greet.", "cases": ["plain", "fancy"]}}}],
   "result": {"result": {"ok": "string", "err": "string"}}}
 ]}' ]
	# level 0's section is there too, with what --env= declares
	wasm32-wasi-cc --wit="$FIX/greet.wit" --env=LANG,TZ -I. -o greet "$FIX/greet.c"
	run -0 "$NODE" "$FIX/section.js" greet wasm32-wasi-cc.env
	[ "$output" = $'\x02\x04LANG\x02TZ' ]
	assert_no_temporaries
}

@test "node calls the transpiled run: an ok string, and an err" {
	header greet
	wasm32-wasi-cc --wit="$FIX/greet.wit" -I. -o greet "$FIX/greet.c"
	transpile greet
	cat > call.mjs <<'JS'
const { run } = await import(`${process.cwd()}/js/greet.js`);
console.log(run('World', 2, true, ['a', 'b'], 'fancy'));
console.log(run('you', 1, false, [], undefined));
try {
  run('', 1, false, [], undefined);
} catch (e) {
  console.log(`err: ${e.payload}`);
}
JS
	run -0 "$NODE" call.mjs
	[ "$output" = "*** HELLO, WORLD! *** HELLO, WORLD! #A #B
Hello, you!
err: the name is empty" ]
}

@test "every WIT value type goes through the canonical ABI and back, from node" {
	header types
	# the glue is compiled with the user's flags: it takes strict ones
	wasm32-wasi-cc -Wall -Wextra -Werror -pedantic -std=c11 -Wmissing-prototypes -Wshadow -Wstrict-prototypes \
		-Wconversion -Wsign-conversion -Wcast-align -Wundef --wit="$FIX/types.wit" -I. -o types "$FIX/types.c"
	run -0 "$JCO" wit types
	[[ "$output" == *"  export echo: func(e: everything) -> everything;"* ]]
	[[ "$output" == *"    nested: list<option<list<tuple<string, shape>>>>,"* ]]
	# the signature keeps the docs of fields and names types where they are used
	run -0 "$NODE" "$FIX/section.js" types wasm32-wasi-cc.main
	[[ "$output" == *'{"name": "e", "type": {"record": "everything", "docs": null, "fields": [{"name": "b", "type": "bool", "docs": null}, {"name": "s8", "type": "s8", "docs": null}, '* ]]
	[[ "$output" == *'{"record": "point", "docs": "A point on the plane.", "fields": [{"name": "x", "type": "f64", "docs": "across"}, {"name": "y", "type": "f64", "docs": "down"}]}'* ]]
	[[ "$output" == *'{"name": "u64", "type": "u64", "docs": null}'* ]]
	[[ "$output" == *'{"enum": "style", "docs": "How it looks,\nin two lines.", "cases": ["plain", "fancy"]}'* ]]
	[[ "$output" == *'"package": "test:types@0.1.0", "world": "types", "docs": "Every WIT value type, there and back."'* ]]
	transpile types
	run -0 "$NODE" "$FIX/types.mjs" "$PWD/js"
	[ "${lines[1]}" = "echo: the same" ]
	[ "${lines[2]}" = "false -1 2 -3 4 -5 6 -7 8 0.25 1e+300 U+1F600" ]
	[ "${lines[3]}" = '[{"tag":"circle","val":2.5},null,{"tag":"circle","val":1.5},{"tag":"rect","val":{"x":4,"y":-4}}]' ]
	[ "${lines[4]}" = '[{"tag":"dot"},null,{"tag":"dot"}]' ]
	[ "${lines[5]}" = '["8n",["-4n","-6n"]]' ]
	[ "${lines[6]}" = 'null' ]
	[ "${lines[7]}" = 'err "why not"' ]
	[ "${lines[8]}" = '3 0 fancy plain' ]
	[ "${lines[9]}" = 'null "n=42"' ]
	[ "${lines[10]}" = 'nothing, on standard output' ]
	[ "${#lines[@]}" = 11 ]
}

@test "-### shows the typed command's steps: the glue compiled, the world embedded, jco new, the signature" {
	run -0 wasm32-wasi-cc -### --wit="$FIX/greet.wit" -o greet "$FIX/greet.c"
	[ "${#lines[@]}" = 8 ]
	[[ "${lines[1]}" == ' "wit-glue" "'"$FIX"'/greet.wit" "'*'/greet-glue.c"' ]]
	[[ "${lines[2]}" == *' "-x" "c" "'*'/greet-glue.c" "-o" "'*'/greet-glue.o"' ]]
	[[ "${lines[3]}" == *' "--no-entry" '*'/greet-glue.o" '* ]]
	[[ "${lines[4]}" == ' "wit-embed" "'"$FIX"'/greet.wit" '* ]]
	[[ "${lines[5]}" == *'" "new" "'*'" "--wasi-reactor" "-o" "'* ]]
	[[ "${lines[6]}" == ' "wit-main" "'"$FIX"'/greet.wit" '* ]]
	[[ "${lines[7]}" == ' "declare-env" '* ]]
}

@test "types of an interface the world uses: named in the interface's namespace, imported as an instance" {
	header shapes
	grep -qx 'typedef struct example_shapes_geometry_point_t {' shapes.h
	grep -qx '#define EXAMPLE_SHAPES_GEOMETRY_UNIT_INCH 1' shapes.h
	grep -qx 'typedef example_shapes_geometry_unit_t shapes_measure_t;' shapes.h
	grep -qx 'double exports_shapes_area(shapes_shape_t \*s, shapes_measure_t u);' shapes.h
	wasm32-wasi-cc -Wall -Werror --wit="$FIX/shapes.wit" -I. -o shapes "$FIX/shapes.c"
	run -0 "$JCO" wit shapes
	[ "$output" = "package root:component;

world root {
  import example:shapes/geometry@1.2.0;
  use example:shapes/geometry@1.2.0.{point, shape, unit as measure};

  record labelled {
    label: string,
    at: point,
    unit: measure,
  }

  export area: func(s: shape, u: measure) -> f64;
  export tag: func(p: point, name: string) -> labelled;
}" ]
	transpile shapes
	cat > call.mjs <<'JS'
const s = await import(`${process.cwd()}/js/shapes.js`);
console.log(s.area({ tag: 'circle', val: 2 }, 'mm'), s.area({ tag: 'poly', val: [{x:0,y:0},{x:4,y:0},{x:4,y:3}] }, 'inch'));
console.log(JSON.stringify(s.tag({ x: 1, y: 2 }, 'here')));
JS
	run -0 "$NODE" call.mjs
	[ "$output" = '12 3870.96
{"label":"here","at":{"x":1,"y":2},"unit":"mm"}' ]
	printf 'package a:b;\ninterface i {\n  get: func();\n}\nworld w {\n  export run: func();\n}\n' > bad.wit
	run -1 wasm32-wasi-cc --wit=bad.wit --emit=header
	[ "$output" = "wasm32-wasi-cc: bad.wit:3:3: functions in interfaces are not supported by Typed Main level 1: the world exports its functions" ]
	printf 'package a:b;\ninterface i {\n  enum e { a }\n}\nworld w {\n  use i.{f};\n  export run: func();\n}\n' > bad.wit
	run -1 wasm32-wasi-cc --wit=bad.wit --emit=header
	[ "$output" = "wasm32-wasi-cc: bad.wit:6:10: interface 'i' defines no type 'f'" ]
	printf 'package a:b;\nworld w {\n  use wasi:io/streams.{error};\n  export run: func();\n}\n' > bad.wit
	run -1 wasm32-wasi-cc --wit=bad.wit --emit=header
	[ "$output" = "wasm32-wasi-cc: bad.wit:3:7: 'use' of another package's interface is not supported by Typed Main level 1" ]
}

@test "a C++ program implements the world too, with C++'s -std= (the glue stays C)" {
	header greet
	cp "$FIX/greet.c" greet.cc
	# without exceptions, which jco cannot translate (doc/cxx.md)
	wasm32-wasi-c++ -std=c++17 -fno-exceptions -Wall -Werror --wit="$FIX/greet.wit" -I. -o greet greet.cc
	transpile greet
	printf 'const { run } = await import(`${process.cwd()}/js/greet.js`);\nconsole.log(run("C++", 1, true, [], "plain"));\n' > call.mjs
	run -0 "$NODE" call.mjs
	[ "$output" = "HELLO, C++!" ]
}
