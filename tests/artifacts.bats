#!/usr/bin/env bats
# artifacts.bats: the rows of the artifact table (doc/artifacts.md) besides the default command:
# statically-linked library, allocator, and the refused provides-state + command; and a kind
# added by a YAML file alone.

load test_helper

@test "a statically-linked library exports its public symbols only, and initializes first" {
	wasm32-wasi-cc -mexec-model=reactor -O2 -o lib.wasm "$FIXTURES/artifacts/library.c"
	run -0 "$NODE" --no-warnings "$FIXTURES/artifacts/host.cjs" library lib.wasm
	[ "$output" = "exports: function:_initialize function:add function:shout memory:memory
imports: wasi_snapshot_preview1
add(1, 2) = 103
library got 21
shout(21) = 42" ]
}

@test "--artifact=library is the same kind" {
	wasm32-wasi-cc --artifact=library -o lib.wasm "$FIXTURES/artifacts/library.c"
	run -0 "$NODE" --no-warnings "$FIXTURES/artifacts/host.cjs" library lib.wasm
	[ "${lines[2]}" = "add(1, 2) = 103" ]
}

@test "the allocator needs no input and exports its state, the malloc API and errno" {
	wasm32-wasi-cc --artifact=allocator -o alloc.wasm
	run -0 "$NODE" --no-warnings "$FIXTURES/artifacts/host.cjs" allocator alloc.wasm
	[ "$output" = "exports: function:__libc_calloc function:__libc_free function:__libc_malloc function:_initialize function:aligned_alloc function:calloc function:free function:malloc function:malloc_usable_size function:posix_memalign function:realloc global:__data_end global:__heap_base global:__stack_high global:__stack_low global:__stack_pointer global:errno memory:memory table:__indirect_function_table
imports: none
aligned_alloc(4096) aligned: true
realloc kept the byte: true
blocks: 11, stack pointer exported: true, heap base: true
table grows: true" ]
}

@test "the allocator can be wasi-libc's dlmalloc" {
	wasm32-wasi-cc --artifact=allocator --allocator=dlmalloc -o alloc.wasm
	run -0 "$NODE" --no-warnings "$FIXTURES/artifacts/host.cjs" allocator alloc.wasm
	[ "${lines[4]}" = "blocks: 11, stack pointer exported: true, heap base: true" ]
}

@test "provides-state + command is refused" {
	echo 'int main(void) { return 0; }' > x.c
	run -2 wasm32-wasi-cc --artifact=provides-state-command x.c
	[ "$output" = "wasm32-wasi-cc: --artifact=provides-state-command: provides-state + command is useless, since a command ends before anyone could share its state; --artifact=allocator is provides-state + library" ]
	assert_only_files x.c
}

@test "other kinds still need inputs" {
	run -2 wasm32-wasi-cc -mexec-model=reactor
	[ "$output" = "wasm32-wasi-cc: no input files" ]
}

@test "--env is for commands" {
	run -2 wasm32-wasi-cc -mexec-model=reactor --env=HOME "$FIXTURES/artifacts/library.c"
	[ "$output" = "wasm32-wasi-cc: --env declares what a command reads; a library is not a command" ]
}

@test "-shared and -mexec-model=reactor conflict" {
	run -2 wasm32-wasi-cc -shared -mexec-model=reactor x.c
	[ "$output" = "wasm32-wasi-cc: -mexec-model=reactor conflicts with -shared" ]
}

@test "a command that would export more than its entry point is refused, naming the symbols" {
	source_file spurious.c <<-'EOF'
	#include <wasi/toolchain.h>
	WASM_EXPORT("extra") int f(void) { return 1; }
	WASM_PUBLIC int g(void) { return 2; }
	int main(void) { return 0; }
	EOF
	echo 'built before' > prog
	run -1 wasm32-wasi-cc -o prog spurious.c
	[ "$output" = "wasm32-wasi-cc: check-exports: a command exports nothing but its entry point, and this one would also export 'extra' (a library can: -mexec-model=reactor)" ]
	run -1 wasm32-wasi-cc --emit=core -Wl,--export-dynamic -o prog spurious.c
	[ "$output" = "wasm32-wasi-cc: check-exports: a command exports nothing but its entry point, and this one would also export 'extra', 'g' (a library can: -mexec-model=reactor)" ]
	[ "$(cat prog)" = "built before" ]
	assert_no_temporaries
	# the same code is fine as a library
	wasm32-wasi-cc -mexec-model=reactor -o lib.wasm spurious.c
	run -0 "$NODE" --no-warnings "$FIXTURES/artifacts/host.cjs" exports lib.wasm
	[ "${lines[0]}" = "exports: function:_initialize function:extra function:g memory:memory" ]
}

# The kinds are the specs': a directory of $WASM32_WASI_CC_SPECDIR that adds
# a YAML file adds a kind, which --help lists, --artifact= asks for, and
# dynamic-artifact can name, with no change to the driver.
kind_specs() {
	WASM32_WASI_CC_SPECDIR=$WASM32_WASI_CC_SPECDIR:$FIXTURES/artifacts/kind "$@"
}

@test "an artifact kind added by a YAML file alone is listed, made and run" {
	printf '#include <stdio.h>\nint main(void) { puts("core"); return 0; }\n' > hello.c
	run -0 kind_specs wasm32-wasi-cc --help
	[[ "$output" == *"
  core-command         statically-linked command, always its core module (--artifact=core-command)
"* ]]
	run -0 wasm32-wasi-cc --help
	[[ "$output" != *core-command* ]]
	kind_specs wasm32-wasi-cc --artifact=core-command -o hello hello.c
	# its steps made a core module (the default command is a component)
	[ "$(head -c 8 hello | od -An -tx1)" = " 00 61 73 6d 01 00 00 00" ]
	run -0 wasm32-wasi-run hello
	[ "$output" = "core" ]
	run -2 wasm32-wasi-cc --artifact=core-command hello.c
	[ "$output" = "wasm32-wasi-cc: unknown artifact kind 'core-command' (known: allocator, provides-state-command, command, dll, dynamic-command, library, typed-command)" ]
}

@test "dynamic-artifact names the kind a link taking a dll gets" {
	echo 'int main(void) { return 0; }' > x.c
	run -0 kind_specs wasm32-wasi-cc -### -o x x.c -ldl
	[[ "$output" == *'"component-link"'* ]]
	printf 'dynamic-artifact: core-command\n' > dyn.yaml
	run -0 kind_specs wasm32-wasi-cc --specs=dyn.yaml -### -o x x.c -ldl
	[[ "$output" != *'"component-link"'* && "$output" != *'"dylink"'* ]]
	[[ "$output" == *'"check-exports"'* ]]
}

@test "an artifact's flags: are words that ask for it, or the specs are refused" {
	echo 'int main(void) { return 0; }' > x.c
	printf 'artifacts:\n  core-command:\n    flags: [-shared]\n' > taken.yaml
	run -1 kind_specs wasm32-wasi-cc --specs=taken.yaml -o x x.c
	[ "$output" = "wasm32-wasi-cc: taken.yaml:3:13: '-shared' asks for the artifact 'dll', not 'core-command'" ]
	printf 'artifacts:\n  core-command:\n    flags: [-O2]\n' > none.yaml
	run -1 kind_specs wasm32-wasi-cc --specs=none.yaml -o x x.c
	[ "$output" = "wasm32-wasi-cc: none.yaml:3:13: '-O2' asks for no artifact kind (options.def: an artifact flag is --artifact=, one of its aliases, or -mexec-model=)" ]
	printf 'artifacts:\n  core-command:\n    flags: [-mexec-model=reactor]\n' > twice.yaml
	run -1 kind_specs wasm32-wasi-cc --specs=twice.yaml -o x x.c
	[ "$output" = "wasm32-wasi-cc: twice.yaml:3:13: '-mexec-model=reactor' is a flag of the artifact 'library' already" ]
	# a flag -mexec-model= takes asks for the kind that lists it
	printf 'artifacts:\n  library:\n    flags: []\n  core-command:\n    flags: [-mexec-model=reactor]\n' > moved.yaml
	run -0 kind_specs wasm32-wasi-cc --specs=moved.yaml -### -mexec-model=reactor -o x x.c
	[[ "$output" == *'"check-exports"'* && "$output" != *'"--no-entry"'* ]]
	run -0 kind_specs wasm32-wasi-cc --specs=moved.yaml --help
	[[ "$output" == *"always its core module (-mexec-model=reactor)"* ]]
}
