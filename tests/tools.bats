#!/usr/bin/env bats
# tools.bats: the target-prefixed tools ./configure --host=wasm32-wasi looks for.

load test_helper

@test "wasm32-wasi-c++ compiles C++ with libc++ and runs its destructors" {
	wasm32-wasi-c++ -std=c++17 -O2 --emit=core -o containers "$FIXTURES/tools/containers.cpp"
	run -2 wasm32-wasi-run containers b a b
	[ "$output" = "constructed
a=1
b=2
destroyed" ]
}

@test "a C++ command component runs too" {
	wasm32-wasi-c++ -std=c++17 -o containers "$FIXTURES/tools/containers.cpp"
	run -0 wasm32-wasi-run containers
	[ "$output" = "constructed
destroyed" ]
}

@test "wasm32-wasi-c++ compiles .c files as C++, as g++ does" {
	echo 'int main() { return __cplusplus > 201100L ? 4 : 1; }' > prog.c
	wasm32-wasi-c++ --emit=core -o prog prog.c
	run -4 wasm32-wasi-run prog
}

@test "C++ objects link with the c++ driver" {
	echo 'extern "C" int twice(int x) { return 2 * x; }' > twice.cpp
	echo 'int twice(int); int main(void) { return twice(21); }' > main.c
	wasm32-wasi-cc -c twice.cpp main.c
	wasm32-wasi-c++ --emit=core -o prog main.o twice.o
	run -42 wasm32-wasi-run prog
}

@test "wasm32-wasi-cpp preprocesses, and writes its second operand" {
	echo 'int x = VALUE;' > in.c
	run -0 wasm32-wasi-cpp -P -DVALUE=5 in.c
	[ "$output" = "int x = 5;" ]
	wasm32-wasi-cpp -P -DVALUE=6 in.c out.i
	[ "$(cat out.i)" = "int x = 6;" ]
}

@test "wasm32-wasi-ar, -ranlib and -nm work on the driver's objects" {
	echo 'int seven(void) { return 7; }' > seven.c
	echo 'int seven(void); int main(void) { return seven(); }' > main.c
	wasm32-wasi-cc -c seven.c
	wasm32-wasi-ar cr libseven.a seven.o
	wasm32-wasi-ranlib libseven.a
	run -0 wasm32-wasi-nm libseven.a
	[[ "$output" == *"T seven"* ]]
	wasm32-wasi-cc --emit=core -o prog main.c -L. -lseven
	run -7 wasm32-wasi-run prog
	wasm32-wasi-strip prog
	run -7 wasm32-wasi-run prog
}

@test "wasm32-wasi-readelf, -objdump, -objcopy, -size and -strings read the driver's programs" {
	source_file greet.c <<-'EOF'
	#include <stdio.h>
	const char greeting[] = "hello from the data section";
	int main(void) { puts(greeting); return 6; }
	EOF
	wasm32-wasi-cc --emit=core -o prog greet.c
	run -0 wasm32-wasi-readelf -h prog
	[ "${lines[1]}" = "Format: WASM" ]
	[ "${lines[2]}" = "Arch: wasm32" ]
	run -0 wasm32-wasi-objdump -h prog
	[ "${lines[0]}" = "prog:	file format wasm" ]
	[[ "$output" == *" DATA "* ]]
	run -0 wasm32-wasi-strings prog
	[[ "$output" == *"hello from the data section"* ]]
	run -0 wasm32-wasi-size prog
	local sizes='^ +[0-9]+	 +[0-9]+	 +0	.*	prog$'
	[[ "${lines[1]}" =~ $sizes ]]
	# a custom section goes, and the program still runs
	[[ "$(wasm32-wasi-objdump -h prog)" == *producers* ]]
	wasm32-wasi-objcopy --remove-section=producers prog trimmed
	[[ "$(wasm32-wasi-objdump -h trimmed)" != *producers* ]]
	run -6 wasm32-wasi-run trimmed
	[ "$output" = "hello from the data section" ]
	# and objects, which configure scripts and libtool inspect
	wasm32-wasi-cc -c greet.c
	run -0 wasm32-wasi-objdump -t greet.o
	[[ "$output" == *"greeting"* ]]
	run -0 wasm32-wasi-cc -print-prog-name=readelf
	[ "$output" = "$(readlink "$(command -v wasm32-wasi-readelf)")" ]
}

@test "wasm32-wasi-nm -D lists a dll's exports as nm lists a shared library's dynamic symbols" {
	source_file lib.c <<-'EOF'
	int counter = 1;
	int bump(void) { return ++counter; }
	static int hidden(void) { return 0; }
	int (*pointer)(void) = hidden;
	EOF
	wasm32-wasi-cc -shared -o libbump.so lib.c
	run -0 --separate-stderr wasm32-wasi-nm -D libbump.so
	[[ "$output" == *"00000000 T bump"* ]]
	[[ "$output" == *"00000000 D counter"* ]]
	[[ "$output" != *hidden* ]]
	# an object is llvm-nm's, -D or not
	wasm32-wasi-cc -c lib.c
	run -0 wasm32-wasi-nm lib.o
	[[ "$output" == *"T bump"* ]]
	run -1 --separate-stderr wasm32-wasi-nm -D missing.so
	[ "$stderr" = "wasm32-wasi-nm: missing.so: No such file or directory" ]
}

@test "wasm32-wasi-pkg-config never finds the host's packages" {
	pkg-config --exists yaml-0.1 || skip "the host has no yaml-0.1.pc to hide"
	run -1 wasm32-wasi-pkg-config --exists yaml-0.1
	mkdir pc
	printf '%s\n' 'prefix=/opt/wasm' 'Name: mine' 'Description: a wasm library' 'Version: 1.0' \
		'Libs: -L${prefix}/lib -lmine' 'Cflags: -I${prefix}/include' > pc/mine.pc
	PKG_CONFIG_PATH=$PWD/pc run -0 wasm32-wasi-pkg-config --cflags --libs mine
	# pkg-config ends its answer with a space
	[ "$output" = "-I/opt/wasm/include -L/opt/wasm/lib -lmine " ]
}
