#!/usr/bin/env bats
# porting.bats: the defaults ported code expects: setjmp/longjmp, a real
# stack, wasi-libc's emulations, the visibility header.

load test_helper

@test "setjmp and longjmp work across frames, and longjmp(env, 0) returns 1" {
	wasm32-wasi-cc --emit=core -O2 -o jumps "$FIXTURES/porting/jumps.c"
	run -0 wasm32-wasi-run jumps
	[ "${lines[0]}" = "inner caught 50 at depth 5" ]
	[ "${lines[1]}" = "outer caught 1" ]
	[ "${#lines[@]}" -eq 2 ]
}

@test "a setjmp program built as the default component runs: its command module, since jco lacks exception handling" {
	wasm32-wasi-cc -O2 -o jumps "$FIXTURES/porting/jumps.c"
	# a component (layer 1, version 0xd), not a core module
	[ "$(od -An -tx1 -j4 -N4 jumps | tr -d ' ')" = 0d000100 ]
	run -0 wasm32-wasi-run jumps
	[ "$output" = "inner caught 50 at depth 5
outer caught 1" ]
}

@test "signals, getpid, process clocks and mmap are emulated without extra flags" {
	wasm32-wasi-cc --emit=core -o emulated "$FIXTURES/porting/emulated.c"
	run -0 wasm32-wasi-run emulated
	[ "$output" = "signal handled: yes
getpid positive: yes
clock works: yes
times works: yes
mmap zeroed: yes" ]
}

@test "the default stack holds a 512 KiB local array" {
	source_file big.c <<-'EOF'
	#include <string.h>
	static int use(volatile char *p, int n) { memset((char *)p, 1, n); return p[n - 1] + p[0]; }
	int main(void) { volatile char buf[512 * 1024]; return use(buf, sizeof buf); }
	EOF
	wasm32-wasi-cc --emit=core -o big big.c
	run -2 wasm32-wasi-run big
}

@test "a stack overflow traps instead of corrupting memory" {
	source_file deep.c <<-'EOF'
	#include <stdio.h>
	static int down(volatile int n) { volatile char pad[1024]; pad[0] = (char)n; return down(n + 1) + pad[0]; }
	int main(void) { printf("%d\n", down(0)); return 0; }
	EOF
	wasm32-wasi-cc --emit=core -o deep deep.c
	run -134 wasm32-wasi-run deep
	[[ "$output" == *"memory access out of bounds"* ]]
}

@test "wasi/toolchain.h is found and its macros compile" {
	source_file vis.c <<-'EOF'
	#include <wasi/toolchain.h>
	WASM_PUBLIC int shown(void) { return 1; }
	WASM_EXPORT("renamed") int named(void) { return 2; }
	WASM_IMPORT("host", "get") int get(void);
	int main(void) { return shown() + named() + get(); }
	EOF
	wasm32-wasi-cc -c vis.c
	run -0 wasm-objdump -x vis.o
	[[ "$output" == *"<get> <- host.get"* ]]
	[[ "$output" == *'<named> -> "renamed"'* ]]
	[[ "$output" == *"<shown> func=1 [ binding=global vis=default ]"* ]]
}

# The POSIX layer (runtime/porting/, runtime/include/): posix.c checks each
# function against doc/porting.md's table and prints one line per check.

posix_flags() {
	echo -std=c99 -Werror=implicit-function-declaration -fstack-protector-strong -O2
}

@test "the POSIX layer: a C99 file using it compiles, links and runs as a static command" {
	# shellcheck disable=SC2046
	wasm32-wasi-cc $(posix_flags) -o posix "$FIXTURES/porting/posix.c"
	run -0 wasm32-wasi-run posix
	[ "${lines[-1]}" = "0 failed" ]
	[ "${#lines[@]}" -eq 42 ]
	[[ "$output" != *FAILED* ]]
	assert_no_temporaries
}

@test "the POSIX layer: the same file as a dll called from a dynamic executable gives the same output" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	# shellcheck disable=SC2046
	wasm32-wasi-cc $(posix_flags) --emit=core -o posix "$FIXTURES/porting/posix.c"
	# shellcheck disable=SC2046
	wasm32-wasi-cc $(posix_flags) -DPOSIX_DLL -shared -o libposix.so "$FIXTURES/porting/posix.c"
	wasm32-wasi-cc -o posix-dyn "$FIXTURES/porting/posix-main.c" -L. -lposix
	run -0 wasm32-wasi-run posix
	static=$output
	run -0 wasm32-wasi-run posix-dyn
	[ "$output" = "$static" ]
	[ "${lines[-1]}" = "0 failed" ]
}

@test "the POSIX layer links in a statically-linked library and in a dynamic executable's own code" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	source_file uses.c <<-'EOF'
	#include <pthread.h>
	#include <signal.h>
	#include <stdio.h>
	#include <sys/wait.h>
	#include <unistd.h>
	static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	static int got;
	static void on(int s) { got = s; }
	__attribute__((visibility("default"))) int check(void)
	{
		struct sigaction sa = { .sa_handler = on };
		sigaction(SIGTERM, &sa, 0);
		raise(SIGTERM);
		return pthread_mutex_lock(&m) == 0 && pthread_mutex_lock(&m) == EDEADLK &&
		       waitpid(-1, 0, 0) == -1 && got == SIGTERM && getuid() == 0;
	}
	int main(void) { printf("%d\n", check()); return 0; }
	EOF
	sed -i '1i #include <errno.h>' uses.c
	wasm32-wasi-cc --artifact=dynamic-command -o dyn uses.c
	run -0 wasm32-wasi-run dyn
	[ "$output" = 1 ]
	wasm32-wasi-cc -mexec-model=reactor -o lib.wasm uses.c
	run -0 node --no-warnings -e '
		const { WASI } = require("node:wasi");
		const wasi = new WASI({ version: "preview1" });
		const m = new WebAssembly.Module(require("fs").readFileSync("lib.wasm"));
		const i = new WebAssembly.Instance(m, wasi.getImportObject());
		wasi.initialize(i);
		console.log(i.exports.check());'
	[ "$output" = 1 ]
}

# (porting_* are the layer's internal helpers, hidden)
@test "libc.so exports every function of the porting layer that static programs link" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	llvm-nm-19 --defined-only --extern-only "$BUILD_DIR/runtime/libporting.a" 2>/dev/null |
		awk 'NF == 3 && $2 ~ /[TDBRW]/ && $3 !~ /^porting_/ { print $3 }' | sort -u > static
	[ "$(wc -l < static)" -gt 200 ]
	node -e '
		const m = new WebAssembly.Module(require("fs").readFileSync(process.argv[1]));
		for (const e of WebAssembly.Module.exports(m)) console.log(e.name);' \
		"$BUILD_DIR/runtime/libc.so" | sort -u > shared
	run -0 comm -23 static shared
	[ "$output" = "" ]
}

@test "headers wasi-libc lacks are the porting layer's, and -std=c99 socket headers compile" {
	source_file h.c <<-'EOF'
	#include <arpa/inet.h>
	#include <grp.h>
	#include <netinet/in.h>
	#include <pthread.h>
	#include <pwd.h>
	#include <sched.h>
	#include <semaphore.h>
	#include <sys/socket.h>
	#include <sys/wait.h>
	#include <threads.h>
	int main(void) { return 0; }
	EOF
	run -0 wasm32-wasi-cc -std=c99 -pedantic-errors -Wno-c11-extensions -fsyntax-only -H h.c
	[[ "$output" == *"/include/pthread.h"* ]]
	[[ "$output" != *"/usr/include/pthread.h"* ]]
	[[ "$output" != *"/usr/include/x86_64"* ]]
}

@test "-fstack-protector-strong: a smashed stack traps with one line" {
	source_file smash.c <<-'EOF'
	#include <string.h>
	static void copy(const char *s) { char buf[8]; strcpy(buf, s); }
	int main(int argc, char **argv) { (void)argc; copy(argv[1]); return 0; }
	EOF
	wasm32-wasi-cc -fstack-protector-strong -O0 --emit=core -o smash smash.c
	run -0 wasm32-wasi-run smash short
	run -134 --separate-stderr wasm32-wasi-run smash 0123456789012345678901234567890123456789
	[ "${stderr_lines[0]}" = "*** stack smashing detected ***: terminated" ]
	[ "${stderr_lines[1]}" = "wasm32-wasi-run: smash: wasm trap: unreachable" ]
}

@test "-pthread defines _REENTRANT and no more: a dll using a mutex and errno links and runs" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	source_file pt.c <<-'EOF'
	#include <errno.h>
	#include <pthread.h>
	#ifndef _REENTRANT
	#error -pthread defines _REENTRANT
	#endif
	static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	__attribute__((visibility("default"))) int locked(void)
	{
		errno = 0;
		return pthread_mutex_lock(&m) == 0 && pthread_mutex_trylock(&m) == EBUSY && errno == 0;
	}
	EOF
	printf '#include <stdio.h>\nint locked(void);\nint main(void) { printf("%%d\\n", locked()); return 0; }\n' > main.c
	wasm32-wasi-cc -pthread -shared -o libpt.so pt.c
	wasm32-wasi-cc -pthread -o main main.c -L. -lpt
	run -0 wasm32-wasi-run main
	[ "$output" = 1 ]
}

@test "-lwasi-emulated-signal, as wasi-libc advises, links with the layer's signals in every kind" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	source_file sig.c <<-'EOF'
	#include <signal.h>
	#include <stdio.h>
	#include <string.h>
	static void on(int s) { printf("got %s\n", strsignal(s)); }
	int main(void)
	{
		struct sigaction sa = { .sa_handler = on };
		sigaction(SIGUSR1, &sa, 0);
		raise(SIGUSR1);
		signal(SIGUSR2, on);
		raise(SIGUSR2);
		return 0;
	}
	EOF
	wasm32-wasi-cc -o sig sig.c -lwasi-emulated-signal
	run -0 wasm32-wasi-run sig
	[ "$output" = "got User defined signal 1
got User defined signal 2" ]
	wasm32-wasi-cc --artifact=dynamic-command -o sig-dyn sig.c -lwasi-emulated-signal -lwasi-emulated-getpid
	run -0 wasm32-wasi-run sig-dyn
	[ "$output" = "got User defined signal 1
got User defined signal 2" ]
}
