#!/usr/bin/env bats
# command.bats: the default artifact, a statically-linked command, built and run.

load test_helper

@test "hello becomes a command component that prints and returns its status" {
	wasm32-wasi-cc -o hello "$FIXTURES/command/hello.c"
	[ -x hello ]
	# a component: the layer field of the header says 1
	run -0 od -An -tx1 -j4 -N4 hello
	[ "$output" = " 0d 00 01 00" ]
	run -0 wasm32-wasi-run hello
	[ "$output" = "hello from main with 0 arguments" ]
	# the runner runs its command module: status 3 comes back as 3
	run -3 wasm32-wasi-run hello one
	[ "${lines[0]}" = "hello from main with 1 argument" ]
	[ "${lines[1]}" = "[one]" ]
	# as a component on jco's shim, it can only report ok or err: 1
	run -1 wasm32-wasi-run --jco hello one
	[ "${lines[0]}" = "hello from main with 1 argument" ]
	assert_no_temporaries
	assert_only_files hello
}

@test "the README's example runs" {
	wasm32-wasi-cc -o hello "$TOP_SRCDIR/examples/hello.c"
	run -0 wasm32-wasi-run hello
	[ "$output" = "hello, world" ]
}

@test "--emit=core keeps the core module, which returns its exact status" {
	wasm32-wasi-cc --emit=core -o hello "$FIXTURES/command/hello.c"
	run -0 od -An -tx1 -j4 -N4 hello
	[ "$output" = " 01 00 00 00" ]
	run -3 wasm32-wasi-run hello 'a b' c
	[ "${lines[0]}" = "hello from main with 2 arguments" ]
	[ "${lines[1]}" = "[a b]" ]
	[ "${lines[2]}" = "[c]" ]
	assert_no_temporaries
}

@test "with no -o the output is a.out" {
	wasm32-wasi-cc --emit=core "$FIXTURES/command/hello.c"
	run -0 wasm32-wasi-run a.out
	[ "$output" = "hello from main with 0 arguments" ]
	assert_only_files a.out
}

@test "several sources, an object and an archive link into one program" {
	source_file main.c <<-'EOF'
	int twice(int), add(int, int), sub(int, int);
	int main(void) { return add(twice(10), sub(5, 3)); }
	EOF
	echo 'int twice(int x) { return 2 * x; }' > twice.c
	echo 'int add(int a, int b) { return a + b; }' > add.c
	echo 'int sub(int a, int b) { return a - b; }' > sub.c
	wasm32-wasi-cc -c add.c
	wasm32-wasi-cc -c sub.c
	llvm-ar-19 rc libsub.a sub.o
	wasm32-wasi-cc --emit=core -o prog main.c twice.c add.o -L. -lsub
	run -22 wasm32-wasi-run prog
	assert_no_temporaries
}

@test "two sources of the same name in different directories both link" {
	mkdir a b
	echo 'int a(void) { return 40; }' > a/x.c
	echo 'int b(void) { return 2; }' > b/x.c
	echo 'int a(void), b(void); int main(void) { return a() + b(); }' > main.c
	wasm32-wasi-cc --emit=core -o prog main.c a/x.c b/x.c
	run -42 wasm32-wasi-run prog
}

@test "-x gives the language of the inputs that follow, and - reads standard input" {
	echo 'int main(void) { return 7; }' > prog.txt
	wasm32-wasi-cc --emit=core -o p1 -x c prog.txt
	run -7 wasm32-wasi-run p1
	wasm32-wasi-cc --emit=core -o p2 -x c - < prog.txt
	run -7 wasm32-wasi-run p2
	assert_no_temporaries
}

@test "preprocessor flags reach the compiler" {
	mkdir inc
	echo '#define BASE 30' > inc/base.h
	source_file prog.c <<-'EOF'
	#include <base.h>
	int main(void) { return BASE + EXTRA; }
	EOF
	wasm32-wasi-cc --emit=core -Iinc -D EXTRA=12 -o prog prog.c
	run -42 wasm32-wasi-run prog
}

@test "a response file holds arguments, quoted as GCC quotes them" {
	echo 'int main(void) { return VALUE; }' > 'my prog.c'
	printf '%s\n' "--emit=core -DVALUE=9" "-o prog 'my prog.c'" > args.rsp
	wasm32-wasi-cc @args.rsp
	run -9 wasm32-wasi-run prog
}

@test "-fPIC and friends are accepted and change nothing" {
	wasm32-wasi-cc -c -o plain.o "$FIXTURES/command/hello.c"
	wasm32-wasi-cc -c -fPIC -fpic -fPIE -fpie -o pic.o "$FIXTURES/command/hello.c"
	cmp plain.o pic.o
	wasm32-wasi-cc --emit=core -fPIC -pie -o hello "$FIXTURES/command/hello.c"
	run -0 wasm32-wasi-run hello
	[ "$output" = "hello from main with 0 arguments" ]
}

@test "libc's debug sections are left out unless -g is given" {
	wasm32-wasi-cc --emit=core -o small "$FIXTURES/command/hello.c"
	wasm32-wasi-cc --emit=core -g -o debug "$FIXTURES/command/hello.c"
	run -0 wasm-objdump -h small
	[[ "$output" != *".debug_info"* ]]
	run -0 wasm-objdump -h debug
	[[ "$output" == *".debug_info"* ]]
	# both still run
	run -0 wasm32-wasi-run small
	run -0 wasm32-wasi-run debug
	[ "$output" = "hello from main with 0 arguments" ]
}

@test "-s strips the names too" {
	wasm32-wasi-cc --emit=core -s -o stripped "$FIXTURES/command/hello.c"
	run -0 wasm-objdump -h stripped
	[[ "$output" != *'"name"'* ]]
	run -0 wasm32-wasi-run stripped
	[ "$output" = "hello from main with 0 arguments" ]
}

@test "an unknown linker option is a warning, and the link goes on" {
	run --separate-stderr -0 wasm32-wasi-cc --emit=core -o hello "$FIXTURES/command/hello.c" \
		-Wl,--frobnicate,value -Wl,--as-needed -Xlinker -rpath -Xlinker /opt/lib
	[ "$stderr" = "wasm32-wasi-cc: warning: ignoring linker option '--frobnicate', unknown to wasm-ld" ]
	run -0 wasm32-wasi-run hello
	[ "$output" = "hello from main with 0 arguments" ]
}

@test "linker options wasm-ld knows reach it" {
	source_file big.c <<-'EOF'
	int main(void) { volatile char buf[2000000]; buf[0] = 1; buf[1999999] = 2; return buf[0] + buf[1999999]; }
	EOF
	wasm32-wasi-cc --emit=core -Wl,-z,stack-size=4194304 -o big big.c
	run -3 wasm32-wasi-run big
}

@test "--env records the declared names in the core module and in the component" {
	wasm32-wasi-cc --emit=core --env=HOME,LANG --env=HOME -o core "$FIXTURES/command/hello.c"
	wasm32-wasi-cc --env=HOME,LANG -o comp "$FIXTURES/command/hello.c"
	for f in core comp; do
		# the last section: id 0, size 30, name, then vec(name) = 2, "HOME", "LANG"
		run -0 sh -c "tail -c 32 $f | od -An -c -w32 | tr -s ' '"
		[ "$output" = " \\0 036 022 w a s m 3 2 - w a s i - c c . e n v 002 004 H O M E 004 L A N G" ]
	done
	run -0 wasm32-wasi-run core
	run -0 wasm32-wasi-run comp
	[ "$output" = "hello from main with 0 arguments" ]
}

@test "ELF -z keywords (relro, now, noexecstack) are dropped without a word; wasm-ld's -z stack-size passes" {
	run -0 --separate-stderr wasm32-wasi-cc --emit=core -o hello "$TOP_SRCDIR/examples/hello.c" \
		-Wl,-z,relro -Wl,-z,now -Wl,-znoexecstack -Xlinker -z -Xlinker max-page-size=4096 \
		-Wl,-z,stack-size=131072
	[ "$stderr" = "" ]
	run -0 wasm32-wasi-run hello
	[ "$output" = "hello, world" ]
	run -0 wasm32-wasi-cc -### -o hello "$TOP_SRCDIR/examples/hello.c" -Wl,-z,relro -Wl,-z,stack-size=131072
	[[ "$output" == *'"-z" "stack-size=131072"'* ]]
	[[ "$output" != *relro* ]]
}
