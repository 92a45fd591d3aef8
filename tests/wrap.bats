#!/usr/bin/env bats
# wrap.bats: the in-process wrap step (component-wrap, steps/component-wrap.c) against
# jco's own (wrap-jco): the same behaviour under `jco run`, components that jco
# accepts, sizes near jco's, and one clear line for a module no template fits.

load test_helper

: "${JCO:=jco}"

# Builds SOURCE (with FLAGS) into PROG with the builtin wrap, PROG.jco with
# jco's, and PROG.core, the core module both wrap.
build_both() {
	local prog=$1
	shift
	wasm32-wasi-cc -o "$prog" "$@"
	wasm32-wasi-cc --specs="$FIXTURES/wrap/jco.yaml" -o "$prog.jco" "$@"
	wasm32-wasi-cc --emit=core -o "$prog.core" "$@"
}

# Runs PROG.jco, then PROG, under jco run with ARGS and standard input from
# $input (/dev/null unless set); fails unless they print the same on both
# streams and exit alike. Leaves PROG's run in $status, $output and $stderr.
same_behaviour() {
	local prog=$1 in=${input:-/dev/null} pid want_status=0 want_output want_stderr
	shift
	# the two at once: jco run takes a second
	"$JCO" run "$prog.jco" "$@" < "$in" > "$prog.jco.out" 2> "$prog.jco.err" &
	pid=$!
	run --separate-stderr "$JCO" run "$prog" "$@" < "$in"
	wait "$pid" || want_status=$?
	want_output=$(cat "$prog.jco.out")
	want_stderr=$(cat "$prog.jco.err")
	rm -f "$prog.jco.out" "$prog.jco.err"
	if [ "$status" != "$want_status" ] || [ "$output" != "$want_output" ] || [ "$stderr" != "$want_stderr" ]; then
		printf 'builtin wrap: status %s\nstdout:\n%s\nstderr:\n%s\n' "$status" "$output" "$stderr" >&2
		printf 'jco wrap: status %s\nstdout:\n%s\nstderr:\n%s\n' "$want_status" "$want_output" "$want_stderr" >&2
		return 1
	fi
}

# jco validates and translates what the builtin made.
accepted_by_jco() {
	local pid
	"$JCO" print "$1" > /dev/null &
	pid=$!
	"$JCO" transpile "$1" -o "transpiled-$1" > /dev/null
	wait "$pid"
}

# PROG is at most 1.5 times the size of PROG.jco.
size_near_jco() {
	local have want
	have=$(stat -c %s "$1")
	want=$(stat -c %s "$1.jco")
	echo "$1: $have bytes, $want with jco new" >&2
	[ $((have * 2)) -le $((want * 3)) ]
}

@test "hello with arguments and a status: the same as jco's wrap" {
	build_both hello "$FIXTURES/command/hello.c"
	same_behaviour hello
	[ "$status" -eq 0 ]
	[ "$output" = "hello from main with 0 arguments" ]
	# a component can only report ok or err: status 3 comes back as 1
	same_behaviour hello 'a b' c
	[ "$status" -eq 1 ]
	[ "$output" = $'hello from main with 2 arguments\n[a b]\n[c]' ]
	accepted_by_jco hello
	size_near_jco hello
	assert_no_temporaries
}

@test "a main without I/O gets the smallest template" {
	build_both trivial "$FIXTURES/wrap/trivial.c"
	same_behaviour trivial
	[ "$status" -eq 0 ]
	[ "$output" = "" ]
	accepted_by_jco trivial
	size_near_jco trivial
	[ "$(stat -c %s trivial)" -lt 16384 ]
}

@test "a program reading standard input: the same as jco's wrap" {
	build_both stdin "$FIXTURES/wrap/stdin.c"
	printf 'one line\nand another\n' > input.txt
	input=input.txt same_behaviour stdin
	[ "$status" -eq 0 ]
	[ "$output" = $'ONE LINE\nAND ANOTHER\n21 bytes' ]
	same_behaviour stdin
	[ "$status" -eq 1 ]
	[ "$output" = "0 bytes" ]
	accepted_by_jco stdin
	size_near_jco stdin
}

@test "a program writing to standard error: the same as jco's wrap" {
	build_both stderr "$FIXTURES/wrap/stderr.c"
	same_behaviour stderr name
	[ "$status" -eq 1 ]
	[ "$output" = "then to stdout" ]
	[ "$stderr" = $'name: first to stderr\nand stderr again' ]
	accepted_by_jco stderr
	size_near_jco stderr
}

@test "a program using clocks and random numbers: the same as jco's wrap" {
	build_both clock "$FIXTURES/wrap/clock.c"
	same_behaviour clock
	[ "$status" -eq 0 ]
	[ "$output" = $'realtime: ok\nmonotonic: ok\ntime: ok\nrandom: ok' ]
	accepted_by_jco clock
	size_near_jco clock
}

@test "a program using the environment and files: the same as jco's wrap" {
	build_both files "$FIXTURES/wrap/files.c"
	WRAP_TEST=value same_behaviour files
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "WRAP_TEST: value" ]
	[ "${lines[1]}" = "clock: ok" ]
	accepted_by_jco files
	size_near_jco files
}

@test "a program using preview1 functions of every family: the same as jco's wrap" {
	build_both many "$FIXTURES/wrap/many.c"
	same_behaviour many x
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "nanosleep: ok" ]
	[ "${lines[-1]}" = "[x]" ]
	accepted_by_jco many
	size_near_jco many
}

@test "a module with a template's own imports wraps to exactly what jco new makes" {
	local dir core cores
	dir=$(wasm32-wasi-cc -print-file-name=wrap/index)
	dir=${dir%/index}
	# the stand-ins stay in the build tree, one per template
	cores=("$dir"/*.core)
	[ -f "${cores[0]}" ]
	[ "${#cores[@]}" -eq "$(grep -c '^[^#]' "$dir/index")" ]
	for core in "${cores[@]}"; do
		# the stand-in's imports and exports, with other contents
		wasm2wat "$core" | sed '$ s/)$/ (global (export "extra") i32 (i32.const 7)))/' > module.wat
		wat2wasm module.wat -o module.wasm
		wasm32-wasi-cc --specs="$FIXTURES/wrap/wrap-only.yaml" --artifact=wrap-only -o ours module.wasm
		"$JCO" new module.wasm --wasi-command -o theirs
		# the driver's declare-env step appends a section; the rest is identical
		cmp -n "$(stat -c %s theirs)" ours theirs
	done
	assert_no_temporaries
}

@test "exports jco ignores and a start function are kept and run" {
	wat2wasm "$FIXTURES/wrap/extras.wat" -o extras.wasm
	wasm32-wasi-cc --specs="$FIXTURES/wrap/wrap-only.yaml" --artifact=wrap-only -o extras extras.wasm
	wasm32-wasi-cc --specs="$FIXTURES/wrap/wrap-only.yaml" --specs="$FIXTURES/wrap/jco.yaml" \
		--artifact=wrap-only -o extras.jco extras.wasm
	same_behaviour extras
	[ "$status" -eq 1 ]
	[ "$output" = "extras" ]
	accepted_by_jco extras
}

@test "the plan runs the builtin, or jco when the wrapper variable says so" {
	echo 'int main(void) { return 0; }' > prog.c
	run -0 wasm32-wasi-cc -### -o prog prog.c
	[[ "$output" == *$'\n "component-wrap" "--templates" "'*'/wrap" "-o" '* ]]
	run -0 wasm32-wasi-cc --specs="$FIXTURES/wrap/jco.yaml" -### -o prog prog.c
	[[ "$output" == *'" "new" "'*'" "--wasi-command" "-o" '* ]]
}

# Wraps the module hand-made from FIXTURE.wat (or the file FIXTURE) alone;
# the wrap fails, and its message, with the temporary directory as TMP, is in
# $output. Nothing may be left behind.
wrap_fails() {
	local module=$1
	if [ -f "$FIXTURES/wrap/$1.wat" ]; then
		module=$1.wasm
		wat2wasm --enable-threads "$FIXTURES/wrap/$1.wat" -o "$module"
	fi
	run -1 wasm32-wasi-cc --specs="$FIXTURES/wrap/wrap-only.yaml" --artifact=wrap-only -o out "$module"
	output=$(printf '%s\n' "$output" | sed -E "s|$TMPDIR/wasm32-wasi-cc-[^/]+/([0-9]+/)?|TMP/|g")
	[ ! -e out ]
	assert_no_temporaries
}

@test "a module importing a function from elsewhere is refused" {
	wrap_fails imports-env
	[ "$output" = "wasm32-wasi-cc: wrap: TMP/out: imports function env.foo; a command may import only wasi_snapshot_preview1 functions" ]
}

@test "a module without _start is refused" {
	wrap_fails no-start
	[ "$output" = "wasm32-wasi-cc: wrap: TMP/out: does not export '_start' (a command's entry point)" ]
}

@test "a module that does not export its memory is refused" {
	wrap_fails no-memory
	[ "$output" = "wasm32-wasi-cc: wrap: TMP/out: does not export its memory as 'memory'" ]
}

@test "a module importing its memory is refused" {
	wrap_fails import-memory
	[ "$output" = "wasm32-wasi-cc: wrap: TMP/out: imports memory env.memory; a command must define its memory and export it as 'memory'" ]
}

@test "a preview1 import of another type is refused" {
	wrap_fails bad-type
	[ "$output" = "wasm32-wasi-cc: wrap: TMP/out: imports wasi_snapshot_preview1.fd_write as [i32] -> [i32], but the adapter's is [i32 i32 i32 i32] -> [i32]" ]
}

@test "a preview1 import no template provides is refused" {
	wrap_fails not-covered
	[ "$output" = "wasm32-wasi-cc: wrap: TMP/out: imports wasi_snapshot_preview1.proc_raise, which no wrap template provides" ]
}

@test "a preview1 function imported twice is refused" {
	wrap_fails twice
	[ "$output" = "wasm32-wasi-cc: wrap: TMP/out: imports wasi_snapshot_preview1.proc_exit twice" ]
}

@test "a _start of another type is refused" {
	wrap_fails start-type
	[ "$output" = "wasm32-wasi-cc: wrap: TMP/out: exports '_start' as [i32] -> [], but the adapter calls it as [] -> []" ]
}

@test "a shared memory is refused" {
	wrap_fails shared-memory
	[ "$output" = "wasm32-wasi-cc: wrap: TMP/out: exports a shared memory as 'memory', which the adapter cannot use" ]
}

@test "an export jco would give a meaning to is refused" {
	wrap_fails reserved-export
	[ "$output" = "wasm32-wasi-cc: wrap: TMP/out: exports 'cabi_import_realloc', which only the wrap-jco step handles" ]
}

@test "a cabi_realloc of another type is refused" {
	wrap_fails bad-realloc
	[ "$output" = "wasm32-wasi-cc: wrap: TMP/out: exports 'cabi_realloc' as [i32] -> [i32], but the adapter calls it as [i32 i32 i32 i32] -> [i32]" ]
}

@test "a component-type section is refused" {
	wat2wasm "$FIXTURES/wrap/no-memory.wat" -o typed.wasm
	# a custom section (id 0) of 15 bytes: the 14-byte name, no contents
	printf '\000\017\016component-type' >> typed.wasm
	wrap_fails typed.wasm
	[ "$output" = "wasm32-wasi-cc: wrap: TMP/out: has a custom section 'component-type', which only the wrap-jco step handles" ]
}

@test "a truncated module is refused" {
	wat2wasm "$FIXTURES/wrap/extras.wat" -o whole.wasm
	head -c 40 whole.wasm > cut.wasm
	wrap_fails cut.wasm
	[ "$output" = "wasm32-wasi-cc: wrap: TMP/out: malformed at offset 0x20: section 2 of 70 bytes ends past the end of the file (8 bytes left)" ]
}

@test "a file that is no module is refused" {
	echo 'not wasm at all' > text.wasm
	wrap_fails text.wasm
	[ "$output" = "wasm32-wasi-cc: wrap: TMP/out: is not a WebAssembly module" ]
	wasm32-wasi-cc -o hello "$FIXTURES/command/hello.c"
	wrap_fails hello
	[ "$output" = "wasm32-wasi-cc: wrap: TMP/out: is a component, not a core module" ]
}

@test "a link that imports its memory fails at the wrap, leaving nothing" {
	echo 'int main(void) { return 0; }' > prog.c
	run -1 wasm32-wasi-cc -o prog prog.c -Wl,--import-memory
	output=$(printf '%s\n' "$output" | sed -E "s|$TMPDIR/wasm32-wasi-cc-[^/]+/([0-9]+/)?|TMP/|g")
	[ "$output" = "wasm32-wasi-cc: wrap: TMP/prog: imports memory env.memory; a command must define its memory and export it as 'memory'" ]
	assert_only_files prog.c
	assert_no_temporaries
}

@test "a link with an undefined function allowed fails at the wrap" {
	echo 'int missing(void); int main(void) { return missing(); }' > prog.c
	run -1 wasm32-wasi-cc -o prog prog.c -Wl,--allow-undefined
	output=$(printf '%s\n' "$output" | sed -E "s|$TMPDIR/wasm32-wasi-cc-[^/]+/([0-9]+/)?|TMP/|g")
	[ "$output" = "wasm32-wasi-cc: wrap: TMP/prog: imports function env.missing; a command may import only wasi_snapshot_preview1 functions" ]
	assert_only_files prog.c
}

@test "a command linked without start files (no cabi_realloc) behaves as jco's wrap" {
	source_file prog.c <<-'EOF'
	#include <stdio.h>
	#include <stdlib.h>
	void _start(void) { printf("started by hand\n"); exit(4); }
	EOF
	build_both prog prog.c -nostartfiles
	same_behaviour prog
	[ "$status" -eq 1 ]
	[ "$output" = "started by hand" ]
	accepted_by_jco prog
	size_near_jco prog
}

@test "a command exporting cabi_realloc gives the adapter its allocations" {
	source_file prog.c <<-'EOF'
	#include <stdio.h>
	#include <stdlib.h>
	static int calls;
	__attribute__((export_name("cabi_realloc")))
	void *cabi_realloc(void *p, size_t old, size_t align, size_t size)
	{
		(void)old;
		calls++;
		return size ? aligned_alloc(align, (size + align - 1) / align * align) : (void *)align;
	}
	int main(int argc, char **argv)
	{
		char *big = malloc(1 << 20);
		printf("%d argument%s, adapter allocations: %s\n", argc - 1, argc == 2 ? "" : "s", calls ? "yes" : "no");
		free(big);
		return 0;
	}
	EOF
	build_both prog prog.c
	same_behaviour prog one
	[ "$status" -eq 0 ]
	[ "$output" = "1 argument, adapter allocations: yes" ]
	accepted_by_jco prog
	size_near_jco prog
}

@test "missing templates are named" {
	local libdir f
	echo 'int main(void) { return 0; }' > prog.c
	# the build's libdir with an empty wrap/
	libdir=$(wasm32-wasi-cc -print-file-name=wrap/index)
	libdir=${libdir%/wrap/index}
	mkdir -p lib/wrap
	for f in "$libdir"/*; do
		[ "${f##*/}" = wrap ] || ln -s "$f" lib/
	done
	printf 'vars:\n  libdir: %s/lib\n' "$PWD" > lib.yaml
	run -1 wasm32-wasi-cc --specs=lib.yaml -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: wrap: $PWD/lib/wrap/index: No such file or directory" ]
	assert_only_files prog.c lib lib.yaml
	assert_no_temporaries
}
