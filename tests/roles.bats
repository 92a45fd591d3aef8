#!/usr/bin/env bats
# roles.bats: the runtime roles built in runtime/: command-rt (_start) and liballoc (malloc, atexit).

load test_helper

# What order.c prints after main, on a normal return or an exit().
finalizers() {
	printf '%s\n' \
		"atexit: registered second" \
		"atexit: registered while exiting" \
		"__cxa_atexit: its argument" \
		"atexit: registered first" \
		"destructor 300" \
		"destructor 101"
}

constructors() {
	printf '%s\n' \
		"constructor 101" \
		"constructor 300" \
		"constructor without priority" \
		"main, with a string a constructor allocated"
}

@test "constructors run by priority before main, finalizers newest first after it" {
	wasm32-wasi-cc --emit=core -o order "$FIXTURES/roles/order.c"
	run -5 wasm32-wasi-run order return 5
	diff -u <(constructors; finalizers) <(printf '%s\n' "$output")
	run -0 wasm32-wasi-run order
	diff -u <(constructors; finalizers) <(printf '%s\n' "$output")
}

@test "exit() from a nested function runs the same finalizers, with its status" {
	wasm32-wasi-cc --emit=core -o order "$FIXTURES/roles/order.c"
	run -7 wasm32-wasi-run order exit 7
	diff -u <(constructors; echo "exit(7) from a nested function"; finalizers) <(printf '%s\n' "$output")
}

@test "the order is the same with libc's atexit and dlmalloc" {
	wasm32-wasi-cc --emit=core --allocator=dlmalloc -o order "$FIXTURES/roles/order.c"
	run -7 wasm32-wasi-run order exit 7
	diff -u <(constructors; echo "exit(7) from a nested function"; finalizers) <(printf '%s\n' "$output")
}

@test "a command component reports main's status as ok or err; the runner keeps the status itself" {
	wasm32-wasi-cc -o order "$FIXTURES/roles/order.c"
	run -0 wasm32-wasi-run --jco order return 0
	diff -u <(constructors; finalizers) <(printf '%s\n' "$output")
	run -1 wasm32-wasi-run --jco order exit 3
	[ "${lines[-1]}" = "destructor 101" ]
	run -3 wasm32-wasi-run order exit 3
	[ "${lines[-1]}" = "destructor 101" ]
}

@test "a trap runs no finalizer and flushes nothing" {
	wasm32-wasi-cc --emit=core -o trap "$FIXTURES/roles/trap.c"
	run --separate-stderr wasm32-wasi-run trap
	[ "$status" -ne 0 ]
	[ "$output" = "before the trap" ]
	[ "$stderr" = "wasm32-wasi-run: trap: wasm trap: unreachable" ]
}

@test "calling _start again from main traps, and runs no finalizer" {
	wasm32-wasi-cc --emit=core -o reenter "$FIXTURES/roles/reenter.c"
	run --separate-stderr wasm32-wasi-run reenter
	[ "$status" -ne 0 ]
	[ "$output" = "main" ]
	[ "$stderr" = "wasm32-wasi-run: reenter: wasm trap: unreachable" ]
}

@test "a host that calls _start a second time gets a trap" {
	echo 'int main(void) { return 4; }' > four.c
	wasm32-wasi-cc --emit=core -o four four.c
	run -0 "$NODE" --no-warnings "$FIXTURES/roles/twice.js" four
	[ "${lines[0]}" = "first run: status 4" ]
	[ "${lines[1]}" = "second run: trap: unreachable" ]
}

# -fno-builtin: clang takes malloc to touch no global, so at -O2 it carries
# errno = 0 across a failing malloc (llvm/llvm-project#63142).
stress_line="stress: 2524 allocations, 1742 reallocations, 2525 frees, 269665782 bytes checked"

@test "malloc stress: liballoc keeps every byte, aligns, zeroes and fails cleanly" {
	wasm32-wasi-cc --emit=core -O2 -fno-builtin -o stress "$FIXTURES/roles/stress.c"
	run -0 wasm32-wasi-run stress
	[ "$output" = "$stress_line" ]
}

@test "malloc stress: dlmalloc does the same" {
	wasm32-wasi-cc --emit=core -O2 -fno-builtin --allocator=dlmalloc -o stress "$FIXTURES/roles/stress.c"
	run -0 wasm32-wasi-run stress
	[ "$output" = "$stress_line" ]
}

@test "a program linked with liballoc carries no dlmalloc" {
	wasm32-wasi-cc --emit=core -o ours "$FIXTURES/roles/stress.c"
	wasm32-wasi-cc --emit=core --allocator=dlmalloc -o theirs "$FIXTURES/roles/stress.c"
	run -0 wasm-objdump -x theirs
	# the check can see dlmalloc where it is
	[[ "$output" == *"<dlmalloc>"* && "$output" == *"<internal_memalign>"* ]]
	run -0 wasm-objdump -x ours
	[[ "$output" == *"<malloc>"* ]]
	[[ "$output" != *"<dlmalloc>"* && "$output" != *"<internal_memalign>"* && "$output" != *"<sbrk>"* ]]
	run -0 wasm32-wasi-run ours
	[ "$output" = "$stress_line" ]
}

@test "an unknown allocator is a usage error that lists the known ones" {
	echo 'int main(void) { return 0; }' > prog.c
	run -2 wasm32-wasi-cc --allocator=nope -o prog prog.c
	[ "$output" = "wasm32-wasi-cc: unknown allocator 'nope' (known: liballoc, dlmalloc)" ]
	assert_only_files prog.c
	assert_no_temporaries
}
