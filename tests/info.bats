#!/usr/bin/env bats
# info.bats: what the driver says about itself: --version, --help, -v, -dump*.

load test_helper

@test "--version names the driver, clang and wasi-libc" {
	run -0 wasm32-wasi-cc --version
	[[ "${lines[0]}" =~ ^wasm32-wasi-cc\ [0-9]+\.[0-9]+\.[0-9]+\ \(clang\ [0-9.]+,\ wasi-libc\ .+\)$ ]]
	[ "${lines[1]}" = "Target: wasm32-unknown-wasi" ]
}

@test "--help lists options from the table and the artifact kinds from the specs" {
	run -0 wasm32-wasi-cc --help
	[ "${lines[0]}" = "Usage: wasm32-wasi-cc [options] file..." ]
	[[ "$output" == *"  -o <file>"*"Write the output to <file>"* ]]
	[[ "$output" == *"  -shared"*"Produce a dll"* ]]
	[[ "$output" == *"  --emit=component|core"* ]]
	[[ "$output" == *"Artifact kinds (--artifact=<kind>):"* ]]
	[[ "$output" == *"  command "*"statically-linked command, aka static executable (the default)"* ]]
	# options without help text stay out
	[[ "$output" != *"-fno-pie"* ]]
}

@test "--help names an option's aliases and every input suffix the driver compiles" {
	run -0 wasm32-wasi-cc --help
	[[ "$output" == *"  -fPIC "*"Accepted and ignored: every object is position-independent (also -fpic -fPIE -fpie)"* ]]
	[[ "$output" == *"  --specs=<file> "*"(also -specs=)"* ]]
	[[ "$output" == *"  -mexec-model=command|reactor Produce a command"* ]]
	[[ "$output" == *"Inputs compiled: .c .i .s .S .ll .bc; as C++: .cc .cp .cpp .cxx .c++ .C .ii; anything else (.o .a .so) is linked."* ]]
}

@test "an alias is the option it names: -target, --sysroot DIR, -specs=" {
	printf 'vars:\n  triple: from-alias\n' > mine.yaml
	run -0 wasm32-wasi-cc -target wasm32-wasi -specs=mine.yaml -dumpmachine
	[ "$output" = "from-alias" ]
	run -2 wasm32-wasi-cc -target x86_64-linux-gnu -dumpmachine
	[ "$output" = "wasm32-wasi-cc: unsupported target 'x86_64-linux-gnu' (this driver targets wasm32-wasi only)" ]
	run -0 wasm32-wasi-cc --sysroot /opt/elsewhere -print-sysroot
	[ "$output" = "/opt/elsewhere" ]
}

@test "-dumpmachine and -dumpversion answer configure's questions" {
	run -0 wasm32-wasi-cc -dumpmachine
	[ "$output" = "wasm32-unknown-wasi" ]
	run -0 wasm32-wasi-cc -dumpversion
	[[ "$output" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]
}

@test "-v alone prints the version and succeeds" {
	run -0 wasm32-wasi-cc -v
	[[ "${lines[0]}" == "wasm32-wasi-cc "* ]]
}

@test "-v prints each command before running it" {
	echo 'int main(void) { return 0; }' > x.c
	run --separate-stderr -0 wasm32-wasi-cc -v --emit=core -o prog x.c
	[[ "$stderr" == *'" "-c" "x.c" "-o" "'*'/x.o"'* ]]
	[[ "$stderr" == *'".prog.tmp-'* ]]
	run -0 wasm32-wasi-run prog
}

@test "-print-* answer libtool's and configure's questions" {
	run -0 wasm32-wasi-cc -print-sysroot
	sysroot=$output
	[ -f "$sysroot/include/wasm32-wasi/stdio.h" ]
	run -0 wasm32-wasi-cc -print-file-name=libc.a
	[ "$output" = "$sysroot/lib/wasm32-wasi/libc.a" ]
	# a library nobody has comes back as its name, as with GCC
	run -0 wasm32-wasi-cc -print-file-name=libnothere.a
	[ "$output" = "libnothere.a" ]
	run -0 wasm32-wasi-cc -print-prog-name=ld
	[[ "$output" == /*/wasm-ld* ]]
	"$output" --version
	run -0 wasm32-wasi-cc -print-prog-name=ar
	[[ "$output" == /*/llvm-ar* ]]
	run -0 wasm32-wasi-cc -print-libgcc-file-name
	[[ "$output" == */libclang_rt.builtins-wasm32.a ]]
	[ -f "$output" ]
	run -0 wasm32-wasi-cc -print-search-dirs
	[[ "${lines[0]}" == "install: "*/ ]]
	[[ "${lines[1]}" == "programs: ="/* ]]
	[ "${lines[2]%%:*}" = "libraries" ]
	[[ "${lines[2]}" == *"=$sysroot/lib/wasm32-wasi:"* ]]
}

@test "-Wl,--version and -Wl,--help print the linker's answer and link nothing, as with GCC" {
	run --separate-stderr -0 wasm32-wasi-cc -Wl,--version
	[[ "$output" == *"LLD "[0-9]* ]]
	[ "$stderr" = "" ]
	echo 'int main(void) { return 0; }' > x.c
	run --separate-stderr -0 wasm32-wasi-cc -o prog x.c -Xlinker --version
	[[ "$output" == *"LLD "[0-9]* ]]
	[ "$stderr" = "" ]
	run -0 wasm32-wasi-cc -shared -o libx.so x.c -Wl,--help
	[[ "${lines[0]}" == "OVERVIEW: LLVM Linker" ]]
	assert_only_files x.c
	assert_no_temporaries
}

@test "queries are answered in the order asked" {
	run -0 wasm32-wasi-cc -dumpmachine -print-prog-name=xyz -dumpmachine
	[ "$output" = "wasm32-unknown-wasi
xyz
wasm32-unknown-wasi" ]
}
