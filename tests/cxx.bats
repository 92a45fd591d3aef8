#!/usr/bin/env bats
# cxx.bats: C++ as g++ users expect it: exceptions on by default, thread_local, C++ in dlls.

load test_helper

C=$TOP_SRCDIR/tests/fixtures/cxx

setup() {
	setup_workdir || return 1
	[ -f "$BUILD_DIR/runtime/libcxx.stamp" ] ||
		skip "no libc++ with exceptions: configure found no LLVM runtimes source"
}

# What exceptions.cpp prints, the same as its g++ build does.
exceptions_output="unwound frame 3
unwound frame 2
unwound frame 1
caught a circle as a Shape
caught std::runtime_error: empty string
caught 42, rethrowing
caught 42 again
vector::at(5) threw std::out_of_range
stoi threw std::invalid_argument
caught anything, result 7"

# Whether a core module has a tag section (it uses exception handling).
has_tags() {
	wasm-objdump -h "$1" | grep -q ' Tag '
}

@test "exceptions: thrown across frames, caught by base class, rethrown, from the library, unwinding destructors" {
	wasm32-wasi-c++ -O2 -o exceptions "$C/exceptions.cpp"
	run -0 wasm32-wasi-run exceptions
	[ "$output" = "$exceptions_output" ]
	assert_no_temporaries
}

@test "exceptions work at -O0, as a core module, and with -flto" {
	for flags in "-O0" "-O2 --emit=core" "-O2 -flto" "-Os -flto --emit=core"; do
		# shellcheck disable=SC2086
		wasm32-wasi-c++ $flags -o exceptions "$C/exceptions.cpp"
		run -0 wasm32-wasi-run exceptions
		[ "$output" = "$exceptions_output" ]
	done
}

@test "objects compiled apart throw to each other" {
	printf '%s\n' '#include <stdexcept>' \
		'void fail(int n) { if (n) throw std::runtime_error("from another object"); }' > fail.cpp
	printf '%s\n' '#include <cstdio>' '#include <stdexcept>' 'void fail(int);' \
		'int main(int argc, char **) { try { fail(argc); } catch (const std::exception &e) { std::puts(e.what()); } }' > main.cpp
	wasm32-wasi-c++ -c fail.cpp main.cpp
	wasm32-wasi-c++ -o prog main.o fail.o
	run -0 wasm32-wasi-run prog
	[ "$output" = "from another object" ]
}

@test "an exception nobody catches ends the program as abort() would" {
	printf '%s\n' '#include <stdexcept>' 'int main() { throw std::runtime_error("nobody catches this"); }' > uncaught.cpp
	wasm32-wasi-c++ -o uncaught uncaught.cpp
	run -134 --separate-stderr wasm32-wasi-run uncaught
	[ "$output" = "" ]
	[ "$stderr" = "wasm32-wasi-run: uncaught: wasm trap: uncaught exception" ]
}

@test "a program whose only exception handling is a cleanup carries the tag, and runs" {
	wasm32-wasi-c++ -O2 --emit=core -o cleanup "$C/cleanup-main.cpp" "$C/cleanup-step.cpp"
	has_tags cleanup
	run -0 wasm32-wasi-run cleanup
	[ "$output" = "stepped
done" ]
	wasm32-wasi-c++ -O2 -o cleanup "$C/cleanup-main.cpp" "$C/cleanup-step.cpp"
	run -0 wasm32-wasi-run cleanup
	[ "$output" = "stepped
done" ]
}

@test "thread_local objects are destroyed at exit, before static ones, as g++ does" {
	wasm32-wasi-c++ -O2 -o thread-local "$C/thread-local.cpp"
	expected="construct static declared first
construct thread_local
a thread_local std::string, appended to; thread_local
construct static constructed after the thread_local
destroy thread_local
destroy static constructed after the thread_local
destroy static declared first"
	run -0 wasm32-wasi-run thread-local
	[ "$output" = "$expected" ]
	run -3 wasm32-wasi-run thread-local exit
	[ "$output" = "$expected" ]
}

@test "a trap runs no destructor, thread_local or static" {
	wasm32-wasi-c++ -O2 --emit=core -o thread-local "$C/thread-local.cpp"
	run -134 --separate-stderr wasm32-wasi-run thread-local trap
	[ "$output" = "construct static declared first
construct thread_local
a thread_local std::string, appended to; thread_local
construct static constructed after the thread_local" ]
	[ "$stderr" = "wasm32-wasi-run: thread-local: wasm trap: unreachable" ]
}

@test "with exceptions on, code testing __wasm_exception_handling__ takes the try path" {
	wasm32-wasi-c++ -o macro "$C/macro.cpp"
	run -0 wasm32-wasi-run macro
	[ "$output" = "try path" ]
}

@test "-fno-exceptions: no try path, and a program free of exception handling" {
	wasm32-wasi-c++ -fno-exceptions -o macro "$C/macro.cpp"
	run -0 wasm32-wasi-run macro
	[ "$output" = "no try path" ]
	# Debian's libc++, built without exceptions: nothing jco cannot run
	printf '%s\n' '#include <iostream>' '#include <string>' \
		'int main() { std::string s = "hello"; std::cout << s << std::endl; }' > hello.cpp
	wasm32-wasi-c++ -O2 -fno-exceptions --emit=core -o hello hello.cpp
	! has_tags hello
	run -0 wasm32-wasi-run hello
	[ "$output" = "hello" ]
	run -0 wasm-objdump -d hello
	[[ "$output" != *" try"* ]]
}

@test "-fno-exceptions refuses throw; a later -fexceptions turns them back on" {
	printf '%s\n' 'int main() { try { throw 5; } catch (int v) { return v; } }' > five.cpp
	run -1 --separate-stderr wasm32-wasi-c++ -fno-exceptions -c five.cpp
	[[ "$stderr" == *"error: cannot use 'try' with exceptions disabled"* ]]
	[ ! -e five.o ]
	wasm32-wasi-c++ -fno-exceptions -fexceptions -o five five.cpp
	run -5 wasm32-wasi-run five
}

@test "the plans: exceptions and the built libc++ by default, Debian's with -fno-exceptions" {
	run -0 wasm32-wasi-c++ -### -o prog prog.cpp
	[[ "$output" == *'"-fwasm-exceptions"'* ]]
	[[ "$output" == *'/libcxx/lib/libc++.a" "'*'/libcxx/lib/libunwind.a"'* ]]
	[[ "$output" == *'"-mllvm" "-wasm-enable-eh"'* ]]
	run -0 wasm32-wasi-c++ -### -fno-exceptions -o prog prog.cpp
	[[ "$output" == *'"-fno-exceptions" "-U__wasm_exception_handling__" "-U__WASM_EXCEPTIONS__"'* ]]
	[[ "$output" == *'"-lc++" "-lc++abi"'* ]]
	[[ "$output" != *'-fwasm-exceptions'* ]]
	[[ "$output" != *'-wasm-enable-eh'* ]]
}

@test "wasm32-wasi-cc compiles C with neither flag nor macro changed" {
	run -0 wasm32-wasi-cc -### -c prog.c
	[[ "$output" != *'exceptions'* ]]
}

@test "a C++ dll throws to its caller, which catches by its own and the library's types" {
	[ -f "$BUILD_DIR/runtime/libc++.so" ] || skip "no libc++.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	wasm32-wasi-c++ -O2 -shared -o libthrower.so "$C/thrower.cpp"
	wasm32-wasi-c++ -O2 -I"$C" -o usethrower "$C/usethrower.cpp" -L. -lthrower
	run -0 wasm32-wasi-run usethrower
	[ "$output" = "dll: unwound
parsed 7
dll: unwound
caught ParseError: empty input at column 0
dll: unwound
caught std::logic_error: more than one character
dll: unwound
caught std::invalid_argument as std::exception
last parsed: x" ]
	# one libc++ for the process: the catching executable takes the exception
	# tag from libc++.so, and so does the dll through it
	run -0 wasm-objdump -x -j Import usethrower
	[[ "$output" == *"tag[0] sig="*" <- libc++.so.__cpp_exception"* ]]
	run -0 wasm-objdump -x -j dylink.0 libthrower.so
	[[ "$output" == *"- libc++.so"* ]]
	assert_no_temporaries
}

@test "a dynamic C++ program destroys its thread_local objects at exit" {
	[ -f "$BUILD_DIR/runtime/libc++.so" ] || skip "no libc++.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	wasm32-wasi-c++ -O2 --artifact=dynamic-command -o thread-local "$C/thread-local.cpp"
	run -3 wasm32-wasi-run thread-local exit
	[ "$output" = "construct static declared first
construct thread_local
a thread_local std::string, appended to; thread_local
construct static constructed after the thread_local
destroy thread_local
destroy static constructed after the thread_local
destroy static declared first" ]
}
