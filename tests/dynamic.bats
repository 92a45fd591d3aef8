#!/usr/bin/env bats
# dynamic.bats: dlls (-shared) and dynamic executables: command components (the default), and core
# modules (--emit=core) run by wasm32-wasi-run's loader.

load test_helper

D=$TOP_SRCDIR/tests/fixtures/dynamic

setup() {
	export TMPDIR=$BATS_TEST_TMPDIR/tmp
	mkdir -p "$TMPDIR" "$BATS_TEST_TMPDIR/work"
	cd "$BATS_TEST_TMPDIR/work" || return 1
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	# the build tree's libc.so, as the installed libdir would give it
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
}

# The names a module's dylink.0 lists as NEEDED, one a line.
needed() {
	wasm-objdump -x -j dylink.0 "$1" | sed -n 's/^  - //p'
}

# The module and field of each function and global import, one a line.
imports() {
	wasm-objdump -x -j Import "$1" | sed -n 's/.* <- \(.*\)$/\1/p'
}

exports() {
	wasm-objdump -x -j Export "$1" | sed -n 's/.* -> "\(.*\)"$/\1/p'
}

@test "a dll shares data and function pointers with the executable" {
	wasm32-wasi-cc -shared -o libcb.so "$D/libcb.c"
	wasm32-wasi-cc --emit=core -o usecb "$D/usecb.c" libcb.so
	run -0 wasm32-wasi-run ./usecb
	[ "$output" = "libcb: shared_counter is 41
callback gave 42
main: shared_counter is 41" ]
	assert_no_temporaries
}

@test "a dll imports state, carries dylink.0, and names its providers (two-level namespace)" {
	wasm32-wasi-cc -shared -o libcb.so "$D/libcb.c"
	run -0 imports libcb.so
	[ "$output" = "liballoc.so.memory
liballoc.so.__indirect_function_table
liballoc.so.__stack_pointer
env.__memory_base
env.__table_base
libc.so.printf" ]
	[ "$(needed libcb.so)" = "libc.so
liballoc.so" ]
	wasm32-wasi-cc --emit=core -o usecb "$D/usecb.c" libcb.so
	run -0 imports usecb
	[[ "$output" == *"libcb.so.cb_register"* ]]
	[[ "$output" == *"GOT.mem/libcb.so.shared_counter"* ]]
	[[ "$output" != *"env.cb_"* ]]
	[ "$(needed usecb)" = "libcb.so
libc.so
liballoc.so" ]
}

@test "unannotated code exports every global function and data symbol" {
	wasm32-wasi-cc -shared -o libcb.so "$D/libcb.c"
	run -0 exports libcb.so
	[ "$output" = "__wasm_call_ctors
__wasm_apply_data_relocs
cb_register
cb_call
shared_counter" ]
}

@test "annotated code exports only its public symbols" {
	wasm32-wasi-cc -shared -o libpublic.so "$D/public.c"
	run -0 exports libpublic.so
	[ "$output" = "__wasm_call_ctors
__wasm_apply_data_relocs
public_one" ]
}

@test "a dll depending on a dll; constructors run dependencies first, destructors at exit" {
	wasm32-wasi-cc -shared -o libbase.so "$D/libbase.c"
	wasm32-wasi-cc -shared -o libtop.so "$D/libtop.c" -L. -lbase
	[ "$(needed libtop.so)" = "libbase.so
libc.so
liballoc.so" ]
	wasm32-wasi-cc --emit=core -o usetop "$D/usetop.c" -L. -ltop
	run -0 wasm32-wasi-run ./usetop
	[ "$output" = "constructor of libbase
constructor of libtop
constructor of the executable
top_get() is 42
destructor of libbase" ]
}

@test "-lNAME picks the dll before the archive; archives alone link statically" {
	wasm32-wasi-cc -c -o cb.o "$D/libcb.c"
	wasm32-wasi-ar rcs libcb.a cb.o
	wasm32-wasi-cc --emit=core -o static "$D/usecb.c" -L. -lcb
	[ -z "$(needed static 2> /dev/null)" ]
	run -0 wasm32-wasi-run ./static
	[ "${lines[1]}" = "callback gave 42" ]
	wasm32-wasi-cc -shared -o libcb.so "$D/libcb.c"
	wasm32-wasi-cc --emit=core -o dynamic "$D/usecb.c" -L. -lcb
	[ "$(needed dynamic)" = "libcb.so
libc.so
liballoc.so" ]
	run -0 wasm32-wasi-run ./dynamic
	[ "${lines[1]}" = "callback gave 42" ]
}

@test "-lNAME is the first library file of the -L directories: an archive there hides a later dll" {
	wasm32-wasi-cc -c -o cb.o "$D/libcb.c"
	mkdir a so
	wasm32-wasi-ar rcs a/libcb.a cb.o
	wasm32-wasi-cc -shared -o so/libcb.so "$D/libcb.c"
	wasm32-wasi-cc --emit=core -o static "$D/usecb.c" -La -Lso -lcb
	[ -z "$(needed static 2> /dev/null)" ]
	run -0 wasm32-wasi-run ./static
	[ "${lines[1]}" = "callback gave 42" ]
	wasm32-wasi-cc --emit=core -o dynamic "$D/usecb.c" -Lso -La -lcb
	[ "$(needed dynamic)" = "libcb.so
libc.so
liballoc.so" ]
}

@test "-static links the archive beside the dll, and refuses dlls" {
	wasm32-wasi-cc -c -o cb.o "$D/libcb.c"
	wasm32-wasi-ar rcs libcb.a cb.o
	wasm32-wasi-cc -shared -o libcb.so "$D/libcb.c"
	wasm32-wasi-cc -static --emit=core -o static "$D/usecb.c" -L. -lcb
	[ -z "$(needed static 2> /dev/null)" ]
	run -0 imports static
	[[ "$output" != *libcb.so* ]]
	run -0 wasm32-wasi-run ./static
	[ "${lines[1]}" = "callback gave 42" ]
	run -2 wasm32-wasi-cc -static -o prog "$D/usecb.c" libcb.so
	[ "$output" = "wasm32-wasi-cc: libcb.so: a dll, and -static links none" ]
	run -2 wasm32-wasi-cc -static -shared -o libx.so "$D/libcb.c"
	[ "$output" = "wasm32-wasi-cc: -static conflicts with -shared" ]
	[ ! -e prog ] && [ ! -e libx.so ]
}

@test "two executables share the one libc.so, found in the library path" {
	wasm32-wasi-cc --emit=core --artifact=dynamic-command -o hello "$D/hello.c"
	wasm32-wasi-cc -shared -o libcb.so "$D/libcb.c"
	wasm32-wasi-cc --emit=core -o usecb "$D/usecb.c" libcb.so
	[ "$(needed hello)" = "libc.so
liballoc.so" ]
	run -0 wasm32-wasi-run ./hello dynamic
	[ "$output" = "hello, dynamic" ]
	run -0 wasm32-wasi-run ./usecb
	[ "${lines[1]}" = "callback gave 42" ]
	WASM32_WASI_LIBRARY_PATH= WASM32_WASI_RUN_LIBDIR=/nonexistent run -1 wasm32-wasi-run ./hello
	[ "$output" = "wasm32-wasi-run: libc.so: library not found (needed; searched ., /nonexistent)" ]
}

@test "a symbol no library defines is a link error" {
	wasm32-wasi-cc -shared -o libcb.so "$D/libcb.c"
	run -1 wasm32-wasi-cc -o missing "$D/missing.c" libcb.so
	[ "$output" = "wasm32-wasi-cc: dylink: undefined symbol 'nowhere' (needed by missing)" ]
	run -1 wasm32-wasi-cc -shared -o libmissing.so "$D/missing.c"
	[ "$output" = "wasm32-wasi-cc: dylink: undefined symbol 'nowhere' (needed by libmissing.so)" ]
	assert_only_files libcb.so
	assert_no_temporaries
}

@test "a symbol its library no longer defines is one line at load, as the loader keeps only what is imported" {
	printf 'int f(void) { return 1; }\nint g(void) { return 2; }\n' > v1.c
	printf 'int f(void) { return 1; }\n' > v2.c
	printf '#include <stdio.h>\nint f(void), g(void);\nint main(void) { printf("%%d\\n", f() + g()); return 0; }\n' > use.c
	wasm32-wasi-cc -shared -o libv.so v1.c
	wasm32-wasi-cc --emit=core -o use use.c -L. -lv
	run -0 wasm32-wasi-run ./use
	[ "$output" = 3 ]
	# the library's export index finds f and not g
	wasm32-wasi-cc -shared -o libv.so v2.c
	run -1 wasm32-wasi-run ./use
	[ "$output" = "wasm32-wasi-run: ./use: 'g' is not defined by libv.so" ]
	# an export section whose count runs past its entries: the index is not of it, and the
	# entries read one by one say so, as any malformed library is said
	wasm32-wasi-cc -shared -o libv.so v1.c
	"$NODE" -e 'const fs = require("fs"), b = fs.readFileSync("libv.so");
		let at = 8; // the export section is id 7; its count, a byte, follows its size
		while (b[at] !== 7) { let n = 0, s = 0, c; at++; do { c = b[at++]; n |= (c & 0x7f) << s; s += 7; } while (c & 0x80); at += n; }
		at++; while (b[at++] & 0x80);
		b[at] = 0x7f; fs.writeFileSync("libv.so", b)'
	run -1 wasm32-wasi-run ./use
	[ "$output" = "wasm32-wasi-run: libv.so: malformed program: export runs past its section" ]
}

@test "-Wl,-soname names the dll for those linked against it" {
	wasm32-wasi-cc -shared -o libbase.so "$D/libbase.c" -Wl,-soname,libbase.so.1
	wasm32-wasi-cc -shared -o libtop.so "$D/libtop.c" libbase.so
	[ "$(needed libtop.so)" = "libbase.so.1
libc.so
liballoc.so" ]
	wasm32-wasi-cc --emit=core -o usetop "$D/usetop.c" libtop.so
	run -1 wasm32-wasi-run ./usetop
	[[ "$output" == "wasm32-wasi-run: libbase.so.1: library not found"* ]]
	ln -s libbase.so libbase.so.1
	run -0 wasm32-wasi-run ./usetop
	[ "${lines[3]}" = "top_get() is 42" ]
}

@test "weak symbols no library defines are null" {
	wasm32-wasi-cc --emit=core --artifact=dynamic-command -o weak "$D/weak.c"
	run -0 wasm32-wasi-run ./weak
	[ "$output" = "maybe is null, maybe_data is null" ]
}

@test "liballoc.so is the one allocator: it provides the state, malloc and errno to all" {
	wasm32-wasi-cc -shared -o libbuf.so "$D/libbuf.c"
	wasm32-wasi-cc --emit=core -o usebuf "$D/usebuf.c" libbuf.so
	run -0 imports "$BUILD_DIR/runtime/libc.so"
	[[ "$output" == *"liballoc.so.malloc"* ]]
	[[ "$output" == *"GOT.mem/liballoc.so.errno"* ]]
	run -0 imports usebuf
	[[ "$output" == "liballoc.so.memory
liballoc.so.__indirect_function_table
liballoc.so.__stack_pointer
"* ]]
	[[ "$output" == *"liballoc.so.free"* ]]
	[[ "$output" == *"GOT.mem/liballoc.so.errno"* ]]
	run -0 wasm32-wasi-run ./usebuf
	[ "$output" = "shared heap, 16 usable bytes for 12
too big: null, errno: Out of memory" ]
}

@test "another allocator, found first in the library path, replaces liballoc.so" {
	wasm32-wasi-cc -shared -o libbuf.so "$D/libbuf.c"
	wasm32-wasi-cc --emit=core -o usebuf "$D/usebuf.c" libbuf.so
	mkdir alt
	wasm32-wasi-cc --artifact=allocator --allocator=dlmalloc -o alt/liballoc.so
	WASM32_WASI_LIBRARY_PATH=$PWD/alt:$WASM32_WASI_LIBRARY_PATH run -0 wasm32-wasi-run ./usebuf
	[ "$output" = "shared heap, 12 usable bytes for 12
too big: null, errno: Out of memory" ]
}

@test "a library that is neither a dll nor an allocator is refused at load" {
	wasm32-wasi-cc --emit=core --artifact=dynamic-command -o hello "$D/hello.c"
	mkdir alt
	export WASM32_WASI_LIBRARY_PATH=$PWD/alt:$WASM32_WASI_LIBRARY_PATH
	wasm32-wasi-cc --emit=core -o alt/liballoc.so "$D/hello.c"
	run -1 wasm32-wasi-run ./hello
	[ "$output" = "wasm32-wasi-run: $PWD/alt/liballoc.so: an allocator must export memory, __indirect_function_table, __stack_pointer, aligned_alloc; it lacks __indirect_function_table, __stack_pointer, aligned_alloc" ]
	echo 'int x;' > x.c
	wasm32-wasi-cc -nostdlib -Wl,--no-entry,--import-memory --emit=core -o alt/liballoc.so x.c
	run -1 wasm32-wasi-run ./hello
	[ "$output" = "wasm32-wasi-run: $PWD/alt/liballoc.so: not a library: neither a dll (no dylink.0) nor an allocator (no memory export)" ]
}

@test "the stack is the allocator's, first in memory: an overflow traps" {
	wasm32-wasi-cc --emit=core --artifact=dynamic-command -o deep "$D/deep.c"
	run -0 wasm32-wasi-run ./deep 5000
	[ "$output" = 5000 ]
	# 1 KiB a level: 10 MiB, beyond the 8 MiB stack
	run -134 wasm32-wasi-run ./deep 10000
	[ "$output" = "wasm32-wasi-run: ./deep: wasm trap: stack overflow: the program's stack is 8388608 bytes; link with -Wl,-z,stack-size=BYTES for more" ]
}

@test "dlopen loads a library and what it needs, runs its constructors; dlsym finds its symbols" {
	wasm32-wasi-cc -shared -o libbase.so "$D/libbase.c"
	wasm32-wasi-cc -shared -o libtop.so "$D/libtop.c" -L. -lbase
	# -ldl asks for a dynamic executable, as dlopen needs the loader
	wasm32-wasi-cc --emit=core -o dl "$D/dl.c" -ldl
	[ "$(needed dl)" = "libc.so
liballoc.so" ]
	run -0 imports dl
	[[ "$output" == *"env.dlopen"* ]]
	WASM32_WASI_RUN_LIBDIR=/nonexistent run -0 wasm32-wasi-run ./dl
	# dlerror names no host directory: the program learns only what it named
	[ "$output" = "dlopen failed: libnowhere.so: library not found
dlerror again: null
constructor of libbase
constructor of libtop
top_get() is 42, top_value is 42
after writing top_value: 5
base_get, in libtop's scope: found
dlsym failed: nothing: undefined symbol
the same handle again: yes
puts, found in the global scope
dlclose: 0
destructor of libbase" ]
}

@test "dlopen takes a path the program was given, and refuses one outside" {
	wasm32-wasi-cc -shared -o libbase.so "$D/libbase.c"
	mkdir plugins
	wasm32-wasi-cc -shared -o plugins/libtop.so "$D/libtop.c" -L. -lbase
	wasm32-wasi-cc --emit=core -o dl "$D/dl.c" -ldl
	run -0 wasm32-wasi-run ./dl plugins/libtop.so
	[ "${lines[4]}" = "top_get() is 42, top_value is 42" ]
	[ "${lines[8]}" = "the same handle again: yes" ]
	# a library the program needs, opened by its path, is the one loaded
	wasm32-wasi-cc --emit=core -o dl2 "$D/dl.c" plugins/libtop.so -ldl -Wl,-rpath,'$ORIGIN/plugins'
	run -0 wasm32-wasi-run ./dl2 plugins/libtop.so
	[ "${lines[0]}" = "constructor of libbase" ]
	[ "${lines[1]}" = "constructor of libtop" ]
	[ "$(grep -c constructor <<< "$output")" -eq 2 ]
	[ "${lines[4]}" = "top_get() is 42, top_value is 42" ]
	[ "${lines[8]}" = "the same handle again: yes" ]
	# a path the program makes up is resolved as open() resolves it: inside the working directory
	run -1 wasm32-wasi-run ./dl /nonexistent/libtop.so
	[ "${lines[2]}" = "dlopen /nonexistent/libtop.so: /nonexistent/libtop.so: No such file or directory" ]
	# one the program was not given is refused, whether or not it exists
	run -1 wasm32-wasi-run ./dl ../missing/libtop.so
	[ "${lines[2]}" = "dlopen ../missing/libtop.so: ../missing/libtop.so: Operation not permitted" ]
}

@test "a static command's dlopen loads nothing, and dlerror says how to make the program dynamic" {
	wasm32-wasi-cc -o dl "$D/dl.c"
	run -1 wasm32-wasi-run ./dl
	[ "$output" = "dlopen failed: dlopen libnowhere.so: a static program loads no library (link it with -ldl, or a dll, to make it dynamic)
dlerror again: null
dlopen libtop.so: dlopen libtop.so: a static program loads no library (link it with -ldl, or a dll, to make it dynamic)" ]
}

@test "-rdynamic exports the executable's symbols to a plugin linked against it" {
	wasm32-wasi-cc --emit=core -rdynamic -o plughost "$D/plughost.c" -ldl
	run -0 exports plughost
	[[ "$output" == *host_triple* ]] && [[ "$output" == *host_calls* ]]
	wasm32-wasi-cc -shared -o plugin.so "$D/plugin.c" plughost
	run -0 imports plugin.so
	[[ "$output" == *"plughost.host_triple"* ]]
	[[ "$output" == *"GOT.mem/plughost.host_calls"* ]]
	run -0 wasm32-wasi-run ./plughost
	[ "$output" = "plugin_run(5) = 16, host_calls = 11" ]
	# without -rdynamic the executable defines nothing for it
	wasm32-wasi-cc --emit=core -o plughost "$D/plughost.c" -ldl
	run -1 wasm32-wasi-cc -shared -o plugin.so "$D/plugin.c" plughost
	[ "$output" = "wasm32-wasi-cc: dylink: undefined symbol 'host_triple' (needed by plugin.so)" ]
}

@test "-rpath directories, \$ORIGIN among them, are searched for NEEDED libraries" {
	mkdir lib bin
	wasm32-wasi-cc -shared -o lib/libbase.so "$D/libbase.c"
	wasm32-wasi-cc -shared -o lib/libtop.so "$D/libtop.c" -Llib -lbase -Wl,-rpath,'$ORIGIN'
	wasm32-wasi-cc --emit=core -o bin/usetop "$D/usetop.c" -Llib -ltop -Wl,-rpath='$ORIGIN/../lib'
	run -0 wasm32-wasi-run bin/usetop
	[ "${lines[3]}" = "top_get() is 42" ]
	wasm32-wasi-cc --emit=core -o bin/usetop "$D/usetop.c" -Llib -ltop
	WASM32_WASI_RUN_LIBDIR=/nonexistent run -1 wasm32-wasi-run bin/usetop
	[ "$output" = "wasm32-wasi-run: libtop.so: library not found (needed; searched bin, $BUILD_DIR/runtime, /nonexistent)" ]
	wasm32-wasi-cc --emit=core -o bin/usetop "$D/usetop.c" -Llib -ltop -Wl,-rpath,"$PWD/lib"
	run -0 wasm32-wasi-run bin/usetop
	[ "${lines[3]}" = "top_get() is 42" ]
}

@test "a bad size in an object given to -shared is reported with what and where" {
	printf '\0asm\1\0\0\0\1\5\0' > badsection.o
	run -1 --separate-stderr wasm32-wasi-cc -shared -o libbad.so badsection.o
	[ "$stderr" = "wasm32-wasi-cc: dll-exports: badsection.o: malformed at offset 0xa: section 1 of 5 bytes ends past the end of the file (1 bytes left)" ]
	printf '\0asm\1\0\0\0\0\14\7linking\2\10\100\0' > badlinking.o
	run -1 --separate-stderr wasm32-wasi-cc -shared -o libbad.so badlinking.o
	[ "$stderr" = "wasm32-wasi-cc: dll-exports: badlinking.o: custom section 'linking': malformed at offset 0x15: linking subsection of 64 bytes ends past the end (1 bytes left)" ]
	[ ! -e libbad.so ]
}

# The component's header: a component, not a core module.
is_component() {
	[ "$(od -An -tx1 -j4 -N4 "$1" | tr -d ' ')" = 0d000100 ]
}

@test "a dynamic executable is a command component sharing data, heap and function pointers both ways" {
	wasm32-wasi-cc -shared -o libshare.so "$D/libshare.c"
	wasm32-wasi-cc -o useshare "$D/useshare.c" -L. -lshare
	is_component useshare
	expected="hello, component
op(7) = 49
apply(negate, 5) = -5
share_count = 12
puts is puts: yes"
	# any component runtime runs it: jco, with nothing of ours
	run -0 "$JCO" run ./useshare
	[ "$output" = "$expected" ]
	run -0 wasm32-wasi-run ./useshare
	[ "$output" = "$expected" ]
	# --emit=core keeps the core module, which the runner's loader runs
	wasm32-wasi-cc --emit=core -o useshare.core "$D/useshare.c" -L. -lshare
	[ "$(needed useshare.core)" = "libshare.so
libc.so
liballoc.so" ]
	run -0 wasm32-wasi-run ./useshare.core
	[ "$output" = "$expected" ]
	assert_no_temporaries
}

@test "a component embeds its libraries: it runs where they are not, constructors in dependency order" {
	mkdir lib
	wasm32-wasi-cc -shared -o lib/libbase.so "$D/libbase.c"
	wasm32-wasi-cc -shared -o lib/libtop.so "$D/libtop.c" -Llib -lbase
	wasm32-wasi-cc -o usetop "$D/usetop.c" -Llib -ltop
	rm -r lib
	WASM32_WASI_LIBRARY_PATH= run -0 "$JCO" run ./usetop
	[ "$output" = "constructor of libbase
constructor of libtop
constructor of the executable
top_get() is 42
destructor of libbase" ]
}

@test "a component's libraries are found through -L, -rpath and \$WASM32_WASI_LIBRARY_PATH, or the link fails" {
	mkdir lib other
	wasm32-wasi-cc -shared -o lib/libbase.so "$D/libbase.c" -Wl,-soname,libbase.so.1
	wasm32-wasi-cc -shared -o lib/libtop.so "$D/libtop.c" lib/libbase.so
	run -1 wasm32-wasi-cc -o usetop "$D/usetop.c" lib/libtop.so
	[ "$output" = "wasm32-wasi-cc: component-link: libbase.so.1: library not found (needed by libtop.so; searched the link's libraries, -L and -rpath directories and \$WASM32_WASI_LIBRARY_PATH)" ]
	[ ! -e usetop ]
	mv lib/libbase.so other/libbase.so.1
	wasm32-wasi-cc -o usetop "$D/usetop.c" lib/libtop.so -Wl,-rpath,"$PWD/other"
	run -0 "$JCO" run ./usetop
	[ "${lines[3]}" = "top_get() is 42" ]
	WASM32_WASI_LIBRARY_PATH=$PWD/other:$WASM32_WASI_LIBRARY_PATH wasm32-wasi-cc -o usetop2 "$D/usetop.c" lib/libtop.so
	run -0 wasm32-wasi-run ./usetop2
	[ "${lines[3]}" = "top_get() is 42" ]
}

@test "in a component, liballoc.so provides malloc and errno to all; weak symbols nobody defines are null" {
	wasm32-wasi-cc -shared -o libbuf.so "$D/libbuf.c"
	wasm32-wasi-cc -o usebuf "$D/usebuf.c" libbuf.so
	run -0 "$JCO" run ./usebuf
	[ "$output" = "shared heap, 16 usable bytes for 12
too big: null, errno: Out of memory" ]
	wasm32-wasi-cc --artifact=dynamic-command -o weak "$D/weak.c"
	is_component weak
	run -0 "$JCO" run ./weak
	[ "$output" = "maybe is null, maybe_data is null" ]
}

# What useext prints when dlopen finds libplug.so (the expected output of the tests below).
useext_expected="dlopen libnowhere.so: libnowhere.so: not among the component's dl-openable libraries (-Wl,--dl-openable)
dlerror again: null
plug_run(5) = 11, plug_count = 4
after writing plug_count: 11
dlsym gives plug_run's own pointer: yes
puts is one pointer across modules: yes
plug_run through RTLD_DEFAULT: same
plugdep_twice, which libplug.so needs: not its own
dlsym failed: nothing: undefined symbol
the same handle again: yes
dlclose: 0"

build_ext() {
	wasm32-wasi-cc -shared -o libplugdep.so "$D/libplugdep.c"
	wasm32-wasi-cc -shared -o libplug.so "$D/libplug.c" -L. -lplugdep
	wasm32-wasi-cc -shared -o libext.so "$D/libext.c"
}

@test "a component's dlopen finds the libraries linked -Wl,--dl-openable, embedded with what they need" {
	build_ext
	# libext.so calls dlopen: the program is a component all the same
	wasm32-wasi-cc -o useext "$D/useext.c" -L. -lext -Wl,--dl-openable=libplug.so
	is_component useext
	# the runner's loader runs the embedded modules; --jco and jco itself run the component
	run -0 wasm32-wasi-run ./useext
	[ "$output" = "$useext_expected" ]
	run -0 wasm32-wasi-run --jco ./useext
	[ "$output" = "$useext_expected" ]
	run -0 "$JCO" run ./useext
	[ "$output" = "$useext_expected" ]
	# the libraries are in the component, not searched as files
	rm libplug.so libplugdep.so
	run -0 wasm32-wasi-run ./useext
	[ "$output" = "$useext_expected" ]
	# a path names the library by its last component
	run -0 wasm32-wasi-run --jco ./useext plugins/libplug.so
	[ "$output" = "$useext_expected" ]
	run -0 wasm32-wasi-run ./useext plugins/libplug.so
	[ "$output" = "$useext_expected" ]
	assert_no_temporaries
}

@test "-Wl,--dl-openable (or --dl-openable=) takes a soname searched as NEEDED ones are, or a file; one it cannot find fails the link" {
	mkdir plugins
	wasm32-wasi-cc -shared -o plugins/libplugdep.so "$D/libplugdep.c"
	wasm32-wasi-cc -shared -o plugins/libplug.so "$D/libplug.c" -Lplugins -lplugdep
	wasm32-wasi-cc -shared -o libext.so "$D/libext.c"
	wasm32-wasi-cc -o useext "$D/useext.c" -L. -lext -Lplugins -Wl,--dl-openable,libplug.so
	run -0 wasm32-wasi-run --jco ./useext
	[ "$output" = "$useext_expected" ]
	wasm32-wasi-cc -o useext2 "$D/useext.c" -L. -lext -Wl,--dl-openable=plugins/libplug.so,-rpath,plugins
	run -0 wasm32-wasi-run ./useext2
	[ "$output" = "$useext_expected" ]
	# the driver's own spelling
	wasm32-wasi-cc -o useext3 "$D/useext.c" -L. -lext -Lplugins --dl-openable=libplug.so
	run -0 wasm32-wasi-run --jco ./useext3
	[ "$output" = "$useext_expected" ]
	run -2 wasm32-wasi-cc -o bad "$D/useext.c" -L. -lext --dl-openable=
	[ "$output" = "wasm32-wasi-cc: --dl-openable=: expected a library" ]
	run -1 wasm32-wasi-cc -o bad "$D/useext.c" -L. -lext -Wl,--dl-openable=libmissing.so
	[ "$output" = "wasm32-wasi-cc: component-link: libmissing.so: library not found (needed by -Wl,--dl-openable; searched the link's libraries, -L and -rpath directories and \$WASM32_WASI_LIBRARY_PATH)" ]
	run -1 wasm32-wasi-cc -o bad "$D/useext.c" -L. -lext -Wl,--dl-openable="$D/useext.c"
	[ "$output" = "wasm32-wasi-cc: component-link: $D/useext.c: not a dll (named by -Wl,--dl-openable)" ]
	[ ! -e bad ]
	assert_no_temporaries
}

@test "a component's dlopen(NULL) is the program, whose -rdynamic symbols dlsym finds; bad handles are named" {
	wasm32-wasi-cc -rdynamic -o dlself "$D/dlself.c" -ldl
	is_component dlself
	expected="dlopen(NULL): a handle
host_twice: the same pointer, host_twice(4) = 8
host_value: 7
dlsym: dlsym: 12345 is not a handle dlopen gave
dlclose: -1, dlclose: 0 is not a handle dlopen gave"
	run -0 wasm32-wasi-run ./dlself
	[ "$output" = "$expected" ]
	run -0 wasm32-wasi-run --jco ./dlself
	[ "$output" = "$expected" ]
}

@test "libc.so named dl-openable gives RTLD_DEFAULT its symbols; constructors run at start under jco, at dlopen under the loader" {
	wasm32-wasi-cc -shared -o libbase.so "$D/libbase.c"
	wasm32-wasi-cc -shared -o libtop.so "$D/libtop.c" -L. -lbase
	wasm32-wasi-cc -o dl "$D/dl.c" -L. -ldl -Wl,--dl-openable=libtop.so -Wl,--dl-openable=libc.so
	is_component dl
	rest="top_get() is 42, top_value is 42
after writing top_value: 5
base_get, in libtop's scope: missing
dlsym failed: nothing: undefined symbol
the same handle again: yes
puts, found in the global scope
dlclose: 0
destructor of libbase"
	run -0 wasm32-wasi-run --jco ./dl
	[ "$output" = "constructor of libbase
constructor of libtop
dlopen failed: libnowhere.so: not among the component's dl-openable libraries (-Wl,--dl-openable)
dlerror again: null
$rest" ]
	run -0 wasm32-wasi-run ./dl
	[ "$output" = "dlopen failed: libnowhere.so: not among the component's dl-openable libraries (-Wl,--dl-openable)
dlerror again: null
constructor of libbase
constructor of libtop
$rest" ]
}

@test "a plugin that imports from the executable cannot be dl-openable in a component: the link says so" {
	wasm32-wasi-cc --emit=core -rdynamic -o plughost "$D/plughost.c" -ldl
	wasm32-wasi-cc -shared -o plugin.so "$D/plugin.c" plughost
	run -1 wasm32-wasi-cc -rdynamic -o host "$D/plughost.c" -ldl -L. -Wl,--dl-openable=plugin.so
	[ "$output" = "wasm32-wasi-cc: component-link: plughost: an executable, which plugin.so needs: a component cannot embed a library that imports from the executable (link with --emit=core)" ]
	[ ! -e host ]
	assert_no_temporaries
}

@test "a component's dlopen of any other name gives NULL, and dlerror says why, under every runner" {
	build_ext
	wasm32-wasi-cc -o useext "$D/useext.c" -L. -lext
	is_component useext
	expected="dlopen libnowhere.so: libnowhere.so: not among the component's dl-openable libraries (-Wl,--dl-openable)
dlerror again: null
dlopen libplug.so: libplug.so: not among the component's dl-openable libraries (-Wl,--dl-openable)"
	# libplug.so beside the program is no help: a component finds only what it embeds
	run -1 wasm32-wasi-run ./useext
	[ "$output" = "$expected" ]
	run -1 wasm32-wasi-run --jco ./useext
	[ "$output" = "$expected" ]
	# the core module's loader searches files, as before
	wasm32-wasi-cc --emit=core -o useext.core "$D/useext.c" -L. -lext
	run -0 wasm32-wasi-run ./useext.core
	[ "${lines[0]}" = "dlopen libnowhere.so: libnowhere.so: library not found" ]
	[ "${lines[4]}" = "dlsym gives plug_run's own pointer: yes" ]
}

@test "-Wl,--version-script decides what a dll exports; a malformed one is named with its line" {
	source_file vs.c <<-'EOF'
	int json_a(void) { return 1; }
	int json_b(void) { return 2; }
	int helper(void) { return 3; }
	int jansson_version = 4;
	EOF
	printf '/* exported */\nV1 {\n  global: json_*; "jansson_version";\n  local: *;\n};\n' > vs.ver
	wasm32-wasi-cc -shared -o libvs.so vs.c -Wl,--version-script=vs.ver
	run -0 exports libvs.so
	[[ "$output" == *json_a* && "$output" == *json_b* && "$output" == *jansson_version* ]]
	[[ "$output" != *helper* ]]
	wasm32-wasi-cc -shared -o libvs2.so vs.c -Wl,--version-script -Wl,vs.ver
	[ "$(exports libvs2.so)" = "$(exports libvs.so)" ]
	printf '{ global: json_a\n};\n' > bad.ver
	run -1 --separate-stderr wasm32-wasi-cc -shared -o libbad.so vs.c -Wl,--version-script=bad.ver
	[ "$stderr" = "wasm32-wasi-cc: dll-exports: bad.ver:2: ';' expected after a pattern" ]
	[ ! -e libbad.so ]
}

@test "setjmp/longjmp in a dll and in the executable: a dynamic program using exception handling stays a core module" {
	source_file sj.c <<-'EOF'
	#include <setjmp.h>
	static jmp_buf env;
	__attribute__((visibility("default"))) void jump(int v) { longjmp(env, v); }
	__attribute__((visibility("default"))) int try_it(void) { int r = setjmp(env); if (r == 0) jump(7); return r; }
	EOF
	source_file main.c <<-'EOF'
	#include <setjmp.h>
	#include <stdio.h>
	int try_it(void);
	static jmp_buf e;
	int main(void) { int v = setjmp(e); if (!v) longjmp(e, 5); printf("%d %d\n", v, try_it()); return 0; }
	EOF
	wasm32-wasi-cc -shared -o libsj.so sj.c
	wasm32-wasi-cc -o main main.c -L. -lsj
	# a core module (version 1), which the runner's loader runs
	[ "$(od -An -tx1 -j4 -N4 main | tr -d ' ')" = 01000000 ]
	run -0 wasm32-wasi-run main
	[ "$output" = "5 7" ]
}
