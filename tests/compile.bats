#!/usr/bin/env bats
# compile.bats: the compile-only modes, -c -S -E and the dependency flags.

load test_helper

@test "-c writes NAME.o in the current directory, and it links" {
	mkdir src
	echo 'int main(void) { return 4; }' > src/four.c
	wasm32-wasi-cc -c src/four.c
	assert_only_files src four.o
	run -0 wasm-objdump -h four.o
	[[ "$output" == *'"linking"'* ]]
	wasm32-wasi-cc --emit=core -o four four.o
	run -4 wasm32-wasi-run four
}

@test "-c with several inputs writes one object each" {
	echo 'int a(void) { return 1; }' > a.c
	echo 'int a(void); int main(void) { return a() + 1; }' > b.c
	wasm32-wasi-cc -c a.c b.c
	wasm32-wasi-cc --emit=core -o prog a.o b.o
	run -2 wasm32-wasi-run prog
}

@test "-c -o names the object" {
	echo 'int main(void) { return 0; }' > x.c
	wasm32-wasi-cc -c -o obj.wasm.o x.c
	assert_only_files x.c obj.wasm.o
}

@test "of two -o the last one wins, as with gcc and clang" {
	echo 'int main(void) { return 5; }' > x.c
	wasm32-wasi-cc -c -o first.o -o second.o x.c
	assert_only_files x.c second.o
	wasm32-wasi-cc --emit=core -o first -o prog second.o
	assert_only_files x.c second.o prog
	run -5 wasm32-wasi-run prog
}

@test "-I and -L naming host system directories get one warning; -Werror=host-dirs refuses them" {
	echo 'int main(void) { return 7; }' > x.c
	echo 'int two(void) { return 2; }' > y.c
	local resource
	resource=$(wasm32-wasi-cc -print-libgcc-file-name)
	resource=${resource%/lib/*}
	# the target's directories are not the host's
	run --separate-stderr -0 wasm32-wasi-cc --emit=core -o quiet x.c -I/usr/include/wasm32-wasi \
		-isystem "$resource/include" -L/usr/lib/wasm32-wasi -I/usr/include-not -Irelative/usr/include
	[ "$stderr" = "" ]
	run --separate-stderr -0 wasm32-wasi-cc --emit=core -o prog x.c y.c -I/usr/include -I. \
		-isystem //usr/local/include/ -L/usr/lib/x86_64-linux-gnu
	[ "$stderr" = "wasm32-wasi-cc: warning: -I/usr/include, -isystem //usr/local/include/ and -L/usr/lib/x86_64-linux-gnu name host system directories: their headers and libraries are the build machine's, not wasm32-wasi's (-Wno-host-dirs: no warning; -Werror=host-dirs: an error)" ]
	run -7 wasm32-wasi-run prog
	run --separate-stderr -0 wasm32-wasi-cc -c -I/usr/include -Wno-host-dirs x.c
	[ "$stderr" = "" ]
	rm -f x.o
	run --separate-stderr -1 wasm32-wasi-cc -c -Werror=host-dirs -L /usr/lib x.c
	[ "$stderr" = "wasm32-wasi-cc: -L/usr/lib names a host system directory: its headers and libraries are the build machine's, not wasm32-wasi's (-Werror=host-dirs)" ]
	[ ! -e x.o ]
}

@test "-S writes WebAssembly assembly" {
	echo 'int square(int x) { return x * x; }' > sq.c
	wasm32-wasi-cc -S -O2 sq.c
	grep -q '\.functype	square (i32) -> (i32)' sq.s
	grep -q 'i32.mul' sq.s
}

@test "-E preprocesses to standard output, and reads standard input as -" {
	run -0 wasm32-wasi-cc -E -P -DVALUE=42 - <<< 'int x = VALUE;'
	[ "$output" = "int x = 42;" ]
}

@test "preprocessed input (.i, .ii) compiles without warnings, as distcc and ccache do it" {
	printf '#include <stdio.h>\nint main(void) { puts("from .i"); return 3; }\n' > x.c
	printf '#include <cstdio>\nint main() { std::puts("from .ii"); return 4; }\n' > y.cc
	wasm32-wasi-cc -E -o x.i x.c
	wasm32-wasi-c++ -E -o y.ii y.cc
	run --separate-stderr -0 wasm32-wasi-cc -c x.i
	[ "$stderr" = "" ]
	run --separate-stderr -0 wasm32-wasi-c++ -c y.ii
	[ "$stderr" = "" ]
	wasm32-wasi-cc --emit=core -o x x.o
	run -3 wasm32-wasi-run x
	[ "$output" = "from .i" ]
	run --separate-stderr -0 wasm32-wasi-c++ --emit=core -o y y.ii
	[ "$stderr" = "" ]
	run -4 wasm32-wasi-run y
	[ "$output" = "from .ii" ]
}

@test "the target's macros are predefined, __unix__ and __unix among them, as Emscripten does" {
	run -0 wasm32-wasi-cc -E -dM -x c /dev/null
	[[ "$output" == *"#define __wasi__ 1"* ]]
	[[ "$output" == *"#define __wasm32__ 1"* ]]
	[[ "$output" == *"#define __unix__ 1"* ]]
	[[ "$output" == *"#define __unix 1"* ]]
	# as zstd's and lz4's programs/platform.h decide "POSIX or not", in C and C++
	source_file posix.c <<-'EOF'
	#if !defined(_WIN32) && (defined(__unix__) || defined(__unix))
	#include <stdio.h>
	#include <unistd.h>
	int main(void) { printf("POSIX %ld\n", (long)_POSIX_VERSION); return isatty(99); }
	#endif
	EOF
	wasm32-wasi-cc -o posix posix.c
	run -0 wasm32-wasi-run posix
	[ "$output" = "POSIX 200809" ]
	wasm32-wasi-c++ -o posixx posix.c
	run -0 wasm32-wasi-run posixx
	[ "$output" = "POSIX 200809" ]
	# and a package that wants them gone says so
	run -0 wasm32-wasi-cc -U__unix__ -E -dM -x c /dev/null
	[[ "$output" != *"#define __unix__ "* ]]
}

@test "-MM prints the dependencies on user headers only" {
	echo '#include "local.h"' > dep.c
	echo '#include <stdio.h>' >> dep.c
	echo '#define LOCAL 1' > local.h
	run -0 wasm32-wasi-cc -MM dep.c
	[ "$output" = "dep.o: dep.c local.h" ]
	run -0 wasm32-wasi-cc -M dep.c
	[[ "$output" == *"/usr/include/wasm32-wasi/stdio.h"* ]]
}

@test "-MD -MF -MT write a dependency file while compiling" {
	echo '#include "local.h"' > dep.c
	echo 'int x;' > local.h
	mkdir deps
	wasm32-wasi-cc -c -MD -MP -MF deps/dep.Po -MT 'obj/dep.o' dep.c -o dep.o
	run -0 cat deps/dep.Po
	[ "${lines[0]}" = "obj/dep.o: dep.c local.h" ]
	[ "${lines[1]}" = "local.h:" ]
	[ -f dep.o ]
}

@test "-c ignores linker flags, and says that a linker input is unused" {
	echo 'int main(void) { return 0; }' > x.c
	echo 'int y;' > y.c
	wasm32-wasi-cc -c y.c
	run --separate-stderr -0 wasm32-wasi-cc -c x.c y.o -L/nowhere -lm -Wl,--frobnicate
	[ "$stderr" = "wasm32-wasi-cc: warning: y.o: linker input unused because linking is not done" ]
	[ -f x.o ]
}

@test "flags the driver does not know go to clang" {
	echo 'int main(void) { return 0; }' > x.c
	wasm32-wasi-cc -c -fno-builtin -mbulk-memory -Wno-unused -Werror x.c
	run -1 wasm32-wasi-cc -c --no-such-flag x.c
	[ "$output" = "clang-19: error: unknown argument: '--no-such-flag'" ]
}

@test "a failed -c leaves no object behind" {
	echo 'int x = ;' > bad.c
	run -1 wasm32-wasi-cc -c bad.c
	assert_only_files bad.c
}

@test "-fsyntax-only checks the inputs and writes nothing" {
	printf 'int main(void) { return 0; }\n' > ok.c
	printf 'int main(void) { return x; }\n' > bad.c
	run -0 wasm32-wasi-cc -fsyntax-only ok.c
	[ "$output" = "" ]
	run -1 wasm32-wasi-cc -fsyntax-only -o out.o bad.c
	[[ "$output" == *"bad.c:1:25: error: use of undeclared identifier 'x'"* ]]
	assert_only_files ok.c bad.c
}
