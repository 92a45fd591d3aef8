#!/usr/bin/env bats
# porting.bats: the defaults ported code expects: setjmp/longjmp, a real
# stack, wasi-libc's emulations, the visibility header.

load test_helper

# Builds NAME.c in every kind: static and dynamic (a dynamic executable),
# whose main calls FUNCTION, and withdll, a dynamic executable whose main
# calls FUNCTION in libNAME.so (NAME.c built with -DDLL, without a main).
build_every_kind() {
	local name=$1 function=$2
	printf 'void %s(void);\nint main(void) { %s(); return 0; }\n' "$function" "$function" > main.c
	wasm32-wasi-cc -o static "$name.c"
	wasm32-wasi-cc --artifact=dynamic-command -o dynamic "$name.c"
	wasm32-wasi-cc -DDLL -shared -o "lib$name.so" "$name.c"
	wasm32-wasi-cc -o withdll main.c -L. "-l$name"
}

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

@test "the default stack is Linux's 8 MiB, in every kind: a 6 MiB local array, 10,000 nested calls, and getrlimit says so" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	source_file big.c <<-'EOF'
	#include <stdio.h>
	#include <string.h>
	#include <sys/resource.h>
	static int use(volatile char *p, int n) { memset((char *)p, 1, n); return p[n - 1] + p[0]; }
	static int big(void) { volatile char buf[6 << 20]; return use(buf, sizeof buf); }
	/* as a parser's nested levels (jq's 10,000 through setpath and flatten) */
	static int nest(volatile int n) { volatile char frame[512]; frame[0] = (char)n; return n ? nest(n - 1) + frame[0] - frame[0] : 0; }
	__attribute__((visibility("default"))) void deep(void)
	{
		struct rlimit r;

		getrlimit(RLIMIT_STACK, &r);
		printf("%d %d %llu MiB\n", big(), nest(10000), (unsigned long long)r.rlim_cur >> 20);
	}
	#ifndef DLL
	int main(void) { deep(); return 0; }
	#endif
	EOF
	build_every_kind big deep
	for kind in static dynamic withdll; do
		run -0 wasm32-wasi-run "./$kind"
		[ "$output" = "2 0 8 MiB" ]
	done
	wasm32-wasi-cc --emit=core -o core big.c
	run -0 wasm32-wasi-run ./core
	[ "$output" = "2 0 8 MiB" ]
}

@test "a stack overflow traps instead of corrupting memory, and says so, as a core module and as a component" {
	source_file deep.c <<-'EOF'
	#include <stdio.h>
	static int down(volatile int n) { volatile char pad[1024]; pad[0] = (char)n; return down(n + 1) + pad[0]; }
	int main(void) { printf("%d\n", down(0)); return 0; }
	EOF
	wasm32-wasi-cc --emit=core -o deep deep.c
	run -134 wasm32-wasi-run deep
	[ "$output" = "wasm32-wasi-run: deep: wasm trap: stack overflow: the program's stack is 8388608 bytes; link with -Wl,-z,stack-size=BYTES for more" ]
	# stripped, optimized (wasm-opt), a component: the stack pointer is found all the same
	wasm32-wasi-cc -O2 -s -Wl,-z,stack-size=65536 -o small deep.c
	run -134 wasm32-wasi-run small
	[ "$output" = "wasm32-wasi-run: small: wasm trap: stack overflow: the program's stack is 65536 bytes; link with -Wl,-z,stack-size=BYTES for more" ]
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

@test "printf and scanf handle long double in a static command, a dll and a dynamic executable" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	source_file ld.c <<-'EOF'
	#include <stdio.h>
	#include <stdlib.h>
	#ifdef LD_DLL
	int show(void)
	#else
	int main(void)
	#endif
	{
		long double x = 0;
		if (sscanf("1e-4930", "%Lg", &x) != 1)
			return 1;
		return printf("%Lg %.3Lf %Lg\n", x, 2.5L / 3, strtold("0x1p16383", NULL)) < 0;
	}
	EOF
	echo 'int show(void); int main(void) { return show(); }' > main.c
	wasm32-wasi-cc -o ld ld.c
	wasm32-wasi-cc -DLD_DLL -shared -o libld.so ld.c
	wasm32-wasi-cc -o ld-dyn main.c -L. -lld
	for prog in ld ld-dyn; do
		run -0 wasm32-wasi-run "$prog"
		[ "$output" = "1e-4930 0.833 5.94866e+4931" ]
	done
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
	# but dlopen's family, which the loader provides to dynamic programs
	llvm-nm-19 --defined-only --extern-only "$BUILD_DIR/runtime/libporting.a" 2>/dev/null |
		awk 'NF == 3 && $2 ~ /[TDBRW]/ && $3 !~ /^porting_/ && $3 !~ /^dl(open|sym|close|error)$/ { print $3 }' |
		sort -u > static
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
	#include <netdb.h>
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
	# gnulib's fts names a function of its own opendirat: wasi-libc's, of
	# another type, is not declared
	source_file fts.c <<-'EOF'
	#include <dirent.h>
	#include <fcntl.h>
	DIR *opendirat(int dir, char const *name, int extra, int *pfd);
	DIR *opendirat(int dir, char const *name, int extra, int *pfd)
	{
		int fd = openat(dir, name, O_RDONLY | O_DIRECTORY | extra);
		*pfd = fd;
		return fd < 0 ? 0 : fdopendir(fd);
	}
	int main(void) { int fd; return opendirat(AT_FDCWD, ".", 0, &fd) && fd > 2 ? 0 : 1; }
	EOF
	wasm32-wasi-cc -Werror -o fts fts.c
	wasm32-wasi-run ./fts
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

@test "the program's name: program_invocation_name, __progname and getprogname come from argv[0] in every kind" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	source_file names.c <<-'EOF'
	#define _GNU_SOURCE
	#include <errno.h>
	#include <stdio.h>
	#include <stdlib.h>
	extern char *__progname, *__progname_full;
	static const char *early;
	__attribute__((constructor)) static void ctor(void) { early = getprogname(); }
	__attribute__((visibility("default"))) void names(void)
	{
		printf("%s %s %s %s %s %s\n", program_invocation_name, program_invocation_short_name,
		       __progname_full, __progname, getprogname(), early);
		setprogname("/a/b/renamed");
		printf("%s %s\n", getprogname(), program_invocation_short_name);
	}
	#ifndef DLL
	int main(void) { names(); return 0; }
	#endif
	EOF
	printf 'void names(void);\nint main(void) { names(); return 0; }\n' > main.c
	mkdir sub
	wasm32-wasi-cc -o sub/static names.c
	wasm32-wasi-cc --emit=core -o sub/core names.c
	wasm32-wasi-cc --artifact=dynamic-command -o sub/dynamic names.c
	wasm32-wasi-cc -DDLL -shared -o libnames.so names.c
	wasm32-wasi-cc -o sub/withdll main.c -L. -lnames
	for kind in static core dynamic withdll; do
		run -0 wasm32-wasi-run "./sub/$kind"
		[ "$output" = "./sub/$kind $kind ./sub/$kind $kind $kind $kind
renamed renamed" ]
	done
}

@test "mmap gives zeroed pages aligned to sysconf(_SC_PAGESIZE), munmap frees them, mprotect is a no-op, in every kind" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	source_file maps.c <<-'EOF'
	#include <errno.h>
	#include <fcntl.h>
	#include <stdint.h>
	#include <stdio.h>
	#include <string.h>
	#include <sys/mman.h>
	#include <unistd.h>
	#define CHECK(c) printf("%s: %s\n", #c, (c) ? "yes" : "NO")
	__attribute__((visibility("default"))) void maps(void)
	{
		long page = sysconf(_SC_PAGESIZE);
		char *p = mmap(0, 3 * page, PROT_READ | PROT_WRITE, MAP_ANONYMOUS | MAP_PRIVATE, -1, 0);
		CHECK(page == 65536 && p != MAP_FAILED && (uintptr_t)p % page == 0);
		CHECK(p[0] == 0 && p[3 * page - 1] == 0);
		memset(p, 7, 3 * page);
		CHECK(mprotect(p, page, PROT_NONE) == 0 && mprotect(p + 2 * page, page, PROT_NONE) == 0);
		CHECK(mprotect(p, 3 * page, PROT_READ | PROT_WRITE) == 0);
		errno = 0;
		CHECK(mprotect(p + 1, page, PROT_READ) == -1 && errno == EINVAL);
		CHECK(mlock(p, page) == 0 && munlock(p, page) == 0 && madvise(p, page, MADV_DONTNEED) == 0);
		/* the head and the tail given back first, as aligning allocators do */
		CHECK(munmap(p, page) == 0 && munmap(p + 2 * page, page) == 0 && p[page] == 7);
		CHECK(munmap(p + page, page) == 0);
		errno = 0;
		CHECK(munmap(p + 1, page) == -1 && errno == EINVAL);
		errno = 0;
		CHECK(mmap(0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED && errno == EINVAL);
		errno = 0;
		CHECK(mmap(0, page, PROT_READ, MAP_ANONYMOUS, -1, 0) == MAP_FAILED && errno == EINVAL);
		int freed = 1;
		for (int i = 0; i < 600 && freed; i++) {
			char *q = mmap(0, 8 << 20, PROT_READ | PROT_WRITE, MAP_ANONYMOUS | MAP_PRIVATE, -1, 0);
			freed = q != MAP_FAILED && munmap(q, 8 << 20) == 0;
		}
		CHECK(freed);
		int fd = open("mapped", O_RDWR | O_CREAT | O_TRUNC, 0644);
		CHECK(fd >= 0 && write(fd, "hello, file", 11) == 11);
		char *f = mmap(0, 11, PROT_READ, MAP_PRIVATE, fd, 0);
		close(fd);
		CHECK(f != MAP_FAILED && (uintptr_t)f % page == 0 && memcmp(f, "hello, file", 11) == 0 && f[11] == 0);
		CHECK(msync(f, 11, MS_SYNC) == 0 && munmap(f, 11) == 0);
		unlink("mapped");
	}
	#ifndef DLL
	int main(void) { maps(); return 0; }
	#endif
	EOF
	printf 'void maps(void);\nint main(void) { maps(); return 0; }\n' > main.c
	wasm32-wasi-cc -o static maps.c
	# wasi-libc's emulation, which -lwasi-emulated-mman names, is replaced in every kind
	wasm32-wasi-cc -o named maps.c -lwasi-emulated-mman
	wasm32-wasi-cc --artifact=dynamic-command -o dynamic maps.c -lwasi-emulated-mman
	wasm32-wasi-cc -DDLL -shared -o libmaps.so maps.c -lwasi-emulated-mman
	wasm32-wasi-cc -o withdll main.c -L. -lmaps
	for kind in static named dynamic withdll; do
		run -0 wasm32-wasi-run "./$kind"
		[ "${#lines[@]}" -eq 15 ]
		[[ "$output" != *": NO"* ]]
	done
	[ ! -e mapped ]
}

@test "sockets and netdb.h: declared as on Linux; what preview1 cannot do fails with its errno, numeric names resolve, in every kind" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	source_file sockets.c <<-'EOF'
	#include <arpa/inet.h>
	#include <errno.h>
	#include <fcntl.h>
	#include <netdb.h>
	#include <netinet/in.h>
	#include <stdio.h>
	#include <string.h>
	#include <sys/socket.h>
	#include <unistd.h>
	#define CHECK(c) printf("%s: %s\n", #c, (c) ? "yes" : "NO")
	__attribute__((visibility("default"))) void sockets(void)
	{
		int one = 1, sv[2];
		struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(80) };
		socklen_t len = sizeof sin;
		struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *ai;
		char host[NI_MAXHOST], serv[NI_MAXSERV];
		struct hostent *he;
		int fd = open("main.c", O_RDONLY); /* a file: the standard streams may be pipes, which preview1 calls sockets */
	
		errno = 0;
		CHECK(socket(AF_INET, SOCK_STREAM, 0) == -1 && errno == EAFNOSUPPORT);
		errno = 0;
		CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1 && errno == EAFNOSUPPORT);
		errno = 0;
		CHECK(bind(-1, (struct sockaddr *)&sin, sizeof sin) == -1 && errno == EBADF);
		errno = 0;
		CHECK(bind(99, (struct sockaddr *)&sin, sizeof sin) == -1 && errno == EBADF);
		errno = 0;
		CHECK(connect(fd, (struct sockaddr *)&sin, sizeof sin) == -1 && errno == ENOTSOCK);
		errno = 0;
		CHECK(listen(fd, 5) == -1 && errno == ENOTSOCK);
		errno = 0;
		CHECK(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == -1 && errno == ENOTSOCK);
		errno = 0;
		CHECK(getsockname(fd, (struct sockaddr *)&sin, &len) == -1 && errno == ENOTSOCK);
		errno = 0;
		CHECK(getpeername(-1, (struct sockaddr *)&sin, &len) == -1 && errno == EBADF);
		errno = 0;
		CHECK(shutdown(fd, SHUT_RDWR) == -1 && errno == ENOTSOCK);
		CHECK(ESHUTDOWN != ENOTCONN && PF_INET == AF_INET && SO_REUSEADDR != SO_TYPE);
		CHECK(getaddrinfo("127.0.0.1", "8080", &hints, &ai) == 0 && ai->ai_family == AF_INET &&
		      ai->ai_socktype == SOCK_STREAM && ai->ai_protocol == IPPROTO_TCP && ai->ai_next == NULL &&
		      ((struct sockaddr_in *)ai->ai_addr)->sin_port == htons(8080) &&
		      getnameinfo(ai->ai_addr, ai->ai_addrlen, host, sizeof host, serv, sizeof serv, 0) == 0);
		printf("%s %s\n", host, serv);
		freeaddrinfo(ai);
		CHECK(getaddrinfo("::1", NULL, &hints, &ai) == 0 && ai->ai_family == AF_INET6 &&
		      getnameinfo(ai->ai_addr, ai->ai_addrlen, host, sizeof host, NULL, 0, NI_NUMERICHOST) == 0);
		printf("%s\n", host);
		freeaddrinfo(ai);
		CHECK(getaddrinfo("localhost", "1", NULL, &ai) == 0 && ai->ai_next && ai->ai_next->ai_next &&
		      ai->ai_next->ai_next->ai_next && !ai->ai_next->ai_next->ai_next->ai_next);
		freeaddrinfo(ai);
		int e = getaddrinfo("example.org", "http", NULL, &ai);
		printf("%d %s\n", e, gai_strerror(e));
		e = getaddrinfo("example.org", NULL, NULL, &ai);
		printf("%d %s\n", e, gai_strerror(e));
		he = gethostbyname("10.1.2.3");
		CHECK(he && he->h_addrtype == AF_INET && he->h_length == 4 && !strcmp(inet_ntoa(*(struct in_addr *)he->h_addr), "10.1.2.3"));
		CHECK(gethostbyname("example.org") == NULL && h_errno == HOST_NOT_FOUND);
		CHECK(getservbyname("http", "tcp") == NULL && getprotobyname("tcp") == NULL);
		printf("%s\n", hstrerror(HOST_NOT_FOUND));
	}
	#ifndef DLL
	int main(void) { sockets(); return 0; }
	#endif
	EOF
	printf 'void sockets(void);\nint main(void) { sockets(); return 0; }\n' > main.c
	# shellcheck disable=SC2046
	wasm32-wasi-cc $(posix_flags) -o static sockets.c
	run -0 wasm32-wasi-run ./static
	[ "${#lines[@]}" -eq 22 ]
	[[ "$output" != *": NO"* ]]
	[ "${lines[12]}" = "127.0.0.1 8080" ]
	[ "${lines[14]}" = "::1" ]
	[ "${lines[16]}" = "-8 Unrecognized service" ]
	[ "${lines[17]}" = "-2 Name does not resolve" ]
	[ "${lines[21]}" = "Unknown host" ]
	static=$output
	# shellcheck disable=SC2046
	wasm32-wasi-cc $(posix_flags) -DDLL -shared -o libsockets.so sockets.c
	wasm32-wasi-cc -o withdll main.c -L. -lsockets
	run -0 wasm32-wasi-run ./withdll
	[ "$output" = "$static" ]
}

@test "S_IFIFO differs from S_IFSOCK (Linux's values) from <sys/stat.h> and <fcntl.h>, and stat's types keep their meaning" {
	source_file types.c <<-'EOF'
	#include <fcntl.h>
	#include <stdio.h>
	#include <sys/stat.h>
	#include <unistd.h>
	_Static_assert(!S_ISFIFO(S_IFSOCK) && !S_ISSOCK(S_IFIFO) && S_ISFIFO(S_IFIFO) && S_ISSOCK(S_IFSOCK), "distinct");
	_Static_assert(S_IFMT == 0170000 && S_IFIFO == 0010000 && S_IFSOCK == 0140000, "Linux's values");
	int main(void)
	{
		struct stat st;
		int fd = open("f", O_CREAT | O_WRONLY, 0644);
		printf("%d %d\n", fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode), (st.st_mode & S_IFMT) == S_IFREG);
		printf("%d\n", stat(".", &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & S_IFMT) == S_IFDIR);
		close(fd);
		unlink("f");
		return 0;
	}
	EOF
	printf '#include <fcntl.h>\n_Static_assert(S_IFIFO == 0x1000 && S_IFMT == 0xf000, "fcntl.h");\n' > fcntl-only.c
	wasm32-wasi-cc -std=c11 -c fcntl-only.c
	wasm32-wasi-cc -std=c11 -o static types.c
	run -0 wasm32-wasi-run ./static
	[ "$output" = "1 1
1" ]
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	wasm32-wasi-cc -std=c11 --artifact=dynamic-command -o dynamic types.c
	run -0 wasm32-wasi-run ./dynamic
	[ "$output" = "1 1
1" ]
	[ ! -e f ]
}

@test "descriptor errors as POSIX says: dup2 to a bad descriptor EBADF, unknown fcntl EINVAL, FD_CLOEXEC round-trips and close forgets it, in every kind" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	source_file fds.c <<-'EOF'
	#include <errno.h>
	#include <fcntl.h>
	#include <stdio.h>
	#include <sys/stat.h>
	#include <unistd.h>
	#define CHECK(c) printf("%s: %s\n", #c, (c) ? "yes" : "NO")
	__attribute__((visibility("default"))) void descriptors(void)
	{
		int fd = open("f", O_CREAT | O_WRONLY, 0644);
		errno = 0;
		CHECK(dup2(fd, -1) == -1 && errno == EBADF);
		errno = 0;
		CHECK(dup2(fd, getdtablesize()) == -1 && errno == EBADF);
		errno = 0;
		CHECK(dup2(-1, fd) == -1 && errno == EBADF);
		CHECK(dup2(fd, fd) == fd);
		errno = 0;
		CHECK(fcntl(fd, 0x7fff) == -1 && errno == EINVAL);
		errno = 0;
		CHECK(fcntl(fd, F_DUPFD, -1) == -1 && errno == EINVAL);
		errno = 0;
		CHECK(fcntl(-1, F_GETFD) == -1 && errno == EBADF);
		CHECK(fcntl(fd, F_GETFD) == 0);
		CHECK(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC);
		CHECK(fcntl(fd, F_SETFD, 0) == 0 && fcntl(fd, F_GETFD) == 0);
		CHECK(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && close(fd) == 0);
		errno = 0;
		CHECK(close(fd) == -1 && errno == EBADF);
		/* the number comes back: it starts without the flag, also after fclose */
		int again = open("f", O_RDONLY);
		CHECK(again == fd && fcntl(fd, F_GETFD) == 0);
		FILE *f = fdopen(fd, "r");
		CHECK(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && fclose(f) == 0 && fcntl(fd, F_GETFD) == -1);
		again = open("f", O_RDONLY);
		CHECK(again == fd && fcntl(fd, F_GETFD) == 0 && close(fd) == 0);
		unlink("f");
	}
	#ifndef DLL
	int main(void) { descriptors(); return 0; }
	#endif
	EOF
	build_every_kind fds descriptors
	for kind in static dynamic withdll; do
		run -0 wasm32-wasi-run "./$kind"
		[ "${#lines[@]}" -eq 15 ]
		[[ "$output" != *": NO"* ]]
	done
	[ ! -e f ]
}

@test "iconv from ISO-8859-1 to UTF-8 works (wasi-libc's traps): mbrtowc and wctomb follow the current locale, in every kind" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	source_file mb.c <<-'EOF'
	#include <errno.h>
	#include <iconv.h>
	#include <locale.h>
	#include <stdio.h>
	#include <stdlib.h>
	#include <string.h>
	#include <wchar.h>
	static void convert(const char *to, const char *from, const char *in, size_t inlen)
	{
		iconv_t cd = iconv_open(to, from);
		char out[256], *ip = (char *)in, *op = out;
		size_t il = inlen, ol = sizeof out, r = iconv(cd, &ip, &il, &op, &ol);
		printf("%s<-%s: %d left %zu:", to, from, (int)r, il);
		for (char *p = out; p < op; p++)
			printf(" %02x", (unsigned char)*p);
		printf("\n");
		iconv_close(cd);
	}
	__attribute__((visibility("default"))) void multibyte(void)
	{
		char latin[200];
		mbstate_t st;
		wchar_t wc;
		char buf[8];
	
		convert("UTF-8", "ISO-8859-1", "caf\xe9 \xff", 6);
		convert("ISO-8859-1", "UTF-8", "caf\xc3\xa9 \xc3\xbf", 8);
		convert("UTF-16LE", "UTF-8", "\xe2\x82\xac\xf0\x9f\x98\x80", 7);
		/* many characters above 0x7f: out of bounds before */
		memset(latin, 0xe9, sizeof latin);
		iconv_t cd = iconv_open("UTF-8", "ISO-8859-1");
		char out[400], *ip = latin, *op = out;
		size_t il = sizeof latin, ol = sizeof out;
		printf("200 bytes: %d %zu %zu\n", (int)iconv(cd, &ip, &il, &op, &ol), il, ol);
		iconv_close(cd);
		/* the C locale: a byte above 0x7f is a code unit; wctomb of a character above 0x7f fails */
		memset(&st, 0, sizeof st);
		printf("C: %d %#x; %d", (int)mbrtowc(&wc, "\xe9", 1, &st), (unsigned)wc, wctomb(buf, 0xe9));
		printf(" %d\n", errno == EILSEQ);
		/* a UTF-8 locale made current by uselocale, in pieces */
		locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
		locale_t old = uselocale(utf8);
		memset(&st, 0, sizeof st);
		int a = (int)mbrtowc(&wc, "\xe2\x82", 2, &st), init = mbsinit(&st);
		int b = (int)mbrtowc(&wc, "\xac", 1, &st);
		printf("UTF-8: %d %d %d %#x %d; %d", a, init, b, (unsigned)wc, mbsinit(&st), wctomb(buf, 0x20ac));
		errno = 0;
		printf(" overlong %d %d", (int)mbrtowc(&wc, "\xc0\x80", 2, &st), errno == EILSEQ);
		printf(" surrogate %d; %d\n", (int)mbrtowc(&wc, "\xed\xa0\x80", 3, &st), (int)mbrtowc(&wc, "", 1, &st));
		uselocale(old);
		freelocale(utf8);
		printf("setlocale %s: %d\n", setlocale(LC_CTYPE, "C.UTF-8"), (int)mbrtowc(&wc, "\xc3\xa9", 2, NULL));
	}
	#ifndef DLL
	int main(void) { multibyte(); return 0; }
	#endif
	EOF
	build_every_kind mb multibyte
	for kind in static dynamic withdll; do
		run -0 wasm32-wasi-run "./$kind"
		[ "$output" = "UTF-8<-ISO-8859-1: 0 left 0: 63 61 66 c3 a9 20 c3 bf
ISO-8859-1<-UTF-8: 0 left 0: 63 61 66 e9 20 ff
UTF-16LE<-UTF-8: 0 left 0: ac 20 3d d8 00 de
200 bytes: 0 0 0
C: 1 0xdfe9; -1 1
UTF-8: -2 0 1 0x20ac 1; 3 overlong -1 1 surrogate -1; 0
setlocale C.UTF-8: 2" ]
	done
}

@test "mbsrtowcs resumes a UTF-8 character that mbrtowc began in another buffer, in every kind" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	source_file split.c <<-'EOF'
	#include <errno.h>
	#include <locale.h>
	#include <stdio.h>
	#include <string.h>
	#include <wchar.h>
	__attribute__((visibility("default"))) void split(void)
	{
		const char *rest = "\x82\xac=\xc3\xa9", *p = rest;
		wchar_t wc, out[8];
		mbstate_t st;

		setlocale(LC_CTYPE, "C.UTF-8");
		memset(&st, 0, sizeof st);
		/* the euro sign, E2 82 AC, split after its first byte */
		printf("mbrtowc %d;", (int)mbrtowc(&wc, "\xe2", 1, &st));
		size_t n = mbsrtowcs(out, &p, 8, &st);
		printf(" mbsrtowcs %d:", (int)n);
		for (size_t i = 0; i < n && n != (size_t)-1; i++)
			printf(" %#x", (unsigned)out[i]);
		printf(" end %d init %d\n", p == NULL, mbsinit(&st));
		/* counting only, and a bad byte after a begun character */
		memset(&st, 0, sizeof st);
		mbrtowc(&wc, "\xc3", 1, &st);
		p = rest + 4;
		printf("count %d;", (int)mbsrtowcs(NULL, &p, 0, &st));
		memset(&st, 0, sizeof st);
		mbrtowc(&wc, "\xe2", 1, &st);
		p = "A";
		errno = 0;
		printf(" bad %d %d stays %d;", (int)mbsrtowcs(out, &p, 8, &st), errno == EILSEQ, *p == 'A');
		/* a full buffer stops where the next character begins */
		p = "\xc3\xa9\xc3\xa9x";
		memset(&st, 0, sizeof st);
		printf(" full %d next %d\n", (int)mbsrtowcs(out, &p, 1, &st), (int)(p - "\xc3\xa9\xc3\xa9x" == 2));
	}
	#ifndef DLL
	int main(void) { split(); return 0; }
	#endif
	EOF
	build_every_kind split split
	for kind in static dynamic withdll; do
		run -0 wasm32-wasi-run "./$kind"
		[ "$output" = "mbrtowc -2; mbsrtowcs 3: 0x20ac 0x3d 0xe9 end 1 init 1
count 1; bad -1 1 stays 1; full 1 next 1" ]
	done
}

@test "mbtowc, mblen, btowc, wctob, wcrtomb and regcomp follow the locale uselocale makes current, in every kind" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	# libmagic compiles its regular expressions, bytes above 0x7f in them,
	# with the C locale made current by uselocale, the global one C.UTF-8
	source_file current.c <<-'EOF'
	#include <locale.h>
	#include <regex.h>
	#include <stdio.h>
	#include <stdlib.h>
	#include <wchar.h>
	static void show(const char *name)
	{
		wchar_t wc = 0;
		char buf[8];
		int n = mbtowc(&wc, "\x8a", 1);
		printf("%s: mbtowc %d %#x, mblen %d, btowc %#x, wctob %d %d,", name, n, (unsigned)wc,
		       mblen("\xc3\xa9", 2), (unsigned)btowc(0x8a), wctob(0xdf8a), wctob(0xe9));
		printf(" wcrtomb %d %d,", (int)wcrtomb(buf, 0xdf8a, NULL), (int)wcrtomb(buf, 0x20ac, NULL));
		regex_t re;
		int r = regcomp(&re, "[=.<>|!^\x8a]{3}", REG_EXTENDED | REG_NOSUB);
		printf(" regcomp %d", r);
		if (r == 0) {
			printf(" regexec %d", regexec(&re, "x\x8a\x8a\x8ay", 0, NULL, 0));
			regfree(&re);
		}
		printf("\n");
	}
	__attribute__((visibility("default"))) void current(void)
	{
		locale_t c = newlocale(LC_CTYPE_MASK, "C", (locale_t)0);
		locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);

		setlocale(LC_CTYPE, "C.UTF-8");
		show("global UTF-8");
		locale_t old = uselocale(c);
		show("current C");
		uselocale(old);
		setlocale(LC_CTYPE, "C");
		show("global C");
		uselocale(utf8);
		show("current UTF-8");
		uselocale(LC_GLOBAL_LOCALE);
		freelocale(c);
		freelocale(utf8);
	}
	#ifndef DLL
	int main(void) { current(); return 0; }
	#endif
	EOF
	build_every_kind current current
	for kind in static dynamic withdll; do
		run -0 wasm32-wasi-run "./$kind"
		[ "$output" = "global UTF-8: mbtowc -1 0, mblen 2, btowc 0xffffffff, wctob -1 -1, wcrtomb -1 3, regcomp 2
current C: mbtowc 1 0xdf8a, mblen 1, btowc 0xdf8a, wctob 138 -1, wcrtomb 1 -1, regcomp 0 regexec 0
global C: mbtowc 1 0xdf8a, mblen 1, btowc 0xdf8a, wctob 138 -1, wcrtomb 1 -1, regcomp 0 regexec 0
current UTF-8: mbtowc -1 0, mblen 2, btowc 0xffffffff, wctob -1 -1, wcrtomb -1 3, regcomp 2" ] ||
			{ echo "$kind: $output"; false; }
	done
}

@test "termios.h is declared: a terminal is described as cooked and stays so, anything else is ENOTTY, as isatty says" {
	source_file tty.c <<-'EOF'
	#include <errno.h>
	#include <stdio.h>
	#include <string.h>
	#include <termios.h>
	#include <unistd.h>
	int main(void)
	{
		struct termios t, raw;
		int r;

		errno = 0;
		r = isatty(0);
		printf("isatty %d %s;", r, r ? "-" : strerror(errno));
		errno = 0;
		r = tcgetattr(0, &t);
		printf(" tcgetattr %d %s\n", r, r ? strerror(errno) : "-");
		if (r == 0) {
			printf("cooked %d echo %d speed %d;", !!(t.c_lflag & ICANON), !!(t.c_lflag & ECHO),
			       cfgetospeed(&t) == B38400);
			printf(" same %d", tcsetattr(0, TCSANOW, &t));
			raw = t;
			cfmakeraw(&raw);
			r = tcsetattr(0, TCSAFLUSH, &raw);
			printf(" raw %d %s; drain %d sid %d\n", r, strerror(errno), tcdrain(0), tcgetsid(0) == getpid());
		}
		r = tcsetattr(99, TCSANOW, &t);
		printf("bad %d %s;", r, strerror(errno));
		memset(&t, 0, sizeof t);
		cfsetspeed(&t, B115200);
		printf(" speeds %d %d; ", cfgetospeed(&t) == B115200, cfgetispeed(&t) == B115200);
		printf("%d %s\n", cfsetospeed(&t, 12345), strerror(errno));
		return 0;
	}
	EOF
	wasm32-wasi-cc -o tty tty.c
	run -0 wasm32-wasi-run tty < /dev/null
	[ "$output" = "isatty 0 Not a tty; tcgetattr -1 Not a tty
bad -1 Bad file descriptor; speeds 1 1; -1 Invalid argument" ]
	# on a terminal (a pseudo-terminal of script's)
	command -v script > /dev/null || skip "no script(1) for a terminal"
	run -0 script -qec 'wasm32-wasi-run tty' /dev/null
	[ "$output" = "isatty 1 -; tcgetattr 0 -"$'\r'"
cooked 1 echo 1 speed 1; same 0 raw -1 Invalid argument; drain 0 sid 1"$'\r'"
bad -1 Bad file descriptor; speeds 1 1; -1 Invalid argument"$'\r' ]
}

@test "local time follows a POSIX TZ rule as glibc's does, in every kind; any other TZ is UTC" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	source_file tz.c <<-'EOF'
	#include <stdio.h>
	#include <stdlib.h>
	#include <time.h>
	/* the epoch, transitions of 2024 in Europe and the United States and a
	   second before each, leap days, 1899, 2100 */
	static const long long instants[] = { 0, 1710054000, 1710053999, 1730613600, 1730613599, 1711846800,
		1711846799, 1729990800, 1729990799, 951782400, 4107542400LL, -2208988800LL, 1735689599 };
	static void zone(const char *tz)
	{
		char buf[64];
		setenv("TZ", tz, 1);
		tzset();
		printf("%s: %s %s %ld %d\n", tz, tzname[0], tzname[1], timezone, daylight);
		for (size_t i = 0; i < sizeof instants / sizeof *instants; i++) {
			time_t t = instants[i];
			struct tm tm = *localtime(&t);
			strftime(buf, sizeof buf, "%a %Y-%m-%d %H:%M:%S %Z %z", &tm);
			printf(" %s", buf);
			if (mktime(&tm) != t)
				printf(" (mktime: %lld)", (long long)mktime(&tm));
			printf("\n");
		}
		/* local times that the changes skip and repeat, with tm_isdst given */
		for (int hour = 1; hour < 4; hour++)
			for (int isdst = 0; isdst < 2; isdst++) {
				struct tm spring = { .tm_year = 124, .tm_mon = 2, .tm_mday = 31, .tm_hour = hour, .tm_min = 30, .tm_isdst = isdst };
				struct tm autumn = { .tm_year = 124, .tm_mon = 9, .tm_mday = 27, .tm_hour = hour, .tm_min = 30, .tm_isdst = isdst };
				long long s = mktime(&spring), a = mktime(&autumn);
				printf(" %d:30 %d: %lld %02d:%02d %d, %lld %02d:%02d %d\n", hour, isdst, s, spring.tm_hour,
				       spring.tm_min, spring.tm_isdst, a, autumn.tm_hour, autumn.tm_min, autumn.tm_isdst);
			}
	}
	__attribute__((visibility("default"))) void zones(int argc, char **argv)
	{
		for (int i = 1; i < argc; i++)
			zone(argv[i]);
	}
	#ifndef DLL
	int main(int argc, char **argv) { zones(argc, argv); return 0; }
	#endif
	EOF
	printf 'void zones(int, char **);\nint main(int c, char **v) { zones(c, v); return 0; }\n' > main.c
	# glibc's answers are the reference (it reads the same rules)
	local rules=(UTC0 EST5EDT EST5EDT,M3.2.0,M11.1.0 CET-1CEST,M3.5.0,M10.5.0/3 AEST-10AEDT,M10.1.0,M4.1.0/3
		'<+0330>-3:30' NZST-12NZDT,M9.5.0,M4.1.0/3 IST-1GMT0,M10.5.0,M3.5.0/1 XXX3YYY,J60/0,J300/25
		ABC+1:30DEF+0:30,100/1,200/-1 '<-03>3<-02>,M3.5.0/-2,M10.5.0/-1')
	gcc -o native tz.c
	./native "${rules[@]}" > expected
	grep -q '^CET-1CEST,M3.5.0,M10.5.0/3: CET CEST -3600 1$' expected
	grep -q '^ Sun 2024-03-31 03:00:00 CEST +0200$' expected
	wasm32-wasi-cc -o static tz.c
	wasm32-wasi-cc --artifact=dynamic-command -o dynamic tz.c
	wasm32-wasi-cc -DDLL -shared -o libtz.so tz.c
	wasm32-wasi-cc -o withdll main.c -L. -ltz
	for kind in static dynamic withdll; do
		wasm32-wasi-run "./$kind" "${rules[@]}" > "$kind.out"
		diff expected "$kind.out"
	done
	# unset, empty, a zone file's name, malformed: UTC; daylight all year
	# (RFC 8536), where glibc differs
	wasm32-wasi-cc --env=TZ -o env tz.c
	for tz in '' Europe/Paris :Europe/Paris EST 'EST5EDT,M13.1.0,M1.1.0' 'A5'; do
		run -0 env TZ="$tz" wasm32-wasi-run ./env "$tz"
		[ "${lines[0]}" = "$tz: UTC UTC 0 0" ]
		[ "${lines[1]}" = " Thu 1970-01-01 00:00:00 UTC +0000" ]
	done
	run -0 wasm32-wasi-run ./static 'EST5EDT4,0/0,J365/25'
	[ "${lines[0]}" = "EST5EDT4,0/0,J365/25: EST EDT 18000 1" ]
	[ "${lines[1]}" = " Wed 1969-12-31 20:00:00 EDT -0400" ]
	[ "${lines[13]}" = " Tue 2024-12-31 19:59:59 EDT -0400" ]
	# TZ is read at each call, and only when declared: by --env=, or found in
	# the source, the porting layer's getenv("TZ") being linked in
	# (doc/typed-main.md)
	source_file declared.c <<-'EOF'
	#include <stdio.h>
	#include <time.h>
	int main(void)
	{
		char buf[64];
		time_t t = 1719835200;
		strftime(buf, sizeof buf, "%H:%M %Z", localtime(&t));
		puts(buf);
		return 0;
	}
	EOF
	wasm32-wasi-cc --env=TZ -o declared declared.c
	wasm32-wasi-cc -o found declared.c
	wasm32-wasi-cc -fno-env-from-source -o undeclared declared.c
	run -0 env TZ=CET-1CEST,M3.5.0,M10.5.0/3 wasm32-wasi-run ./declared
	[ "$output" = "14:00 CEST" ]
	run -0 env TZ=CET-1CEST,M3.5.0,M10.5.0/3 wasm32-wasi-run ./found
	[ "$output" = "14:00 CEST" ]
	run -0 env TZ=CET-1CEST,M3.5.0,M10.5.0/3 wasm32-wasi-run ./undeclared
	[ "$output" = "12:00 UTC" ]
}

@test "readlink truncates into a buffer too small, as POSIX says (node refuses it), and descriptor -1 is EBADF (node says EINVAL), in every kind" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	source_file rl.c <<-'EOF'
	#include <errno.h>
	#include <fcntl.h>
	#include <stdio.h>
	#include <string.h>
	#include <unistd.h>
	__attribute__((visibility("default"))) void links(void)
	{
		char buf[16] = "................";
		symlink("abcdefgh", "lnk");
		printf("%zd %.16s\n", readlink("lnk", buf, 4), buf);
		printf("%zd %.16s\n", readlink("lnk", buf, 8), buf);
		/* the rest of a larger buffer is unspecified (node puts a null there) */
		printf("%zd %.8s\n", readlinkat(AT_FDCWD, "lnk", buf, 9), buf);
		errno = 0;
		printf("%zd %d\n", readlink("missing", buf, 1), errno == ENOENT);
		unlink("lnk");
		errno = 0;
		printf("%d %d\n", close(-1), errno == EBADF);
		errno = 0;
		printf("%d %d\n", (int)write(-1, "x", 1), errno == EBADF);
		errno = 0;
		printf("%d %d\n", fsync(-1), errno == EBADF);
	}
	#ifndef DLL
	int main(void) { links(); return 0; }
	#endif
	EOF
	build_every_kind rl links
	for kind in static dynamic withdll; do
		run -0 wasm32-wasi-run "./$kind"
		[ "$output" = "$(printf '%s\n' '4 abcd............' '8 abcdefgh........' '8 abcdefgh' '-1 1' '-1 1' '-1 1' '-1 1')" ]
	done
	[ ! -e lnk ]
}

@test "dup, dup2, dup3 and F_DUPFD give a directory a second descriptor (fts, as in grep -r, needs one), and a file one; fchdir fails with ENOSYS, in every kind" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	source_file dup.c <<-'EOF'
	#include <dirent.h>
	#include <errno.h>
	#include <fcntl.h>
	#include <stdio.h>
	#include <string.h>
	#include <sys/stat.h>
	#include <unistd.h>
	static int has_f(int dir)
	{
		struct stat st;
		return fstatat(dir, "f", &st, 0) == 0 && S_ISREG(st.st_mode);
	}
	__attribute__((visibility("default"))) void duplicates(void)
	{
		mkdir("d", 0777);
		close(open("d/f", O_CREAT | O_WRONLY, 0644));
		int d = open("d", O_RDONLY | O_DIRECTORY);
		int a = dup(d), b = fcntl(d, F_DUPFD_CLOEXEC, 20), c = fcntl(d, F_DUPFD, 0);
		printf("dup: %d, F_DUPFD_CLOEXEC from 20: %d %d, F_DUPFD: %d\n", a > d, b >= 20,
		       fcntl(b, F_GETFD) == FD_CLOEXEC && fcntl(a, F_GETFD) == 0, c > d && c != a);
		close(d);
		printf("after closing the first: %d %d %d\n", has_f(a), has_f(b), has_f(c));
		DIR *dir = fdopendir(b);
		struct dirent *e;
		int found = 0;
		while ((e = readdir(dir)))
			found |= strcmp(e->d_name, "f") == 0;
		printf("fdopendir of a duplicate: %d\n", found && closedir(dir) == 0);
		printf("dup2 to a free number: %d %d\n", dup2(a, 30) == 30, has_f(30));
		int f = open("d/f", O_RDONLY);
		printf("dup2 onto an open descriptor: %d %d\n", dup2(a, f) == f, has_f(f));
		printf("dup3: %d %d\n", dup3(a, 31, 0) == 31, has_f(31));
		int file = open("d/f", O_RDONLY);
		printf("a file: %d", dup(file) > file);
		printf(" %d", fcntl(file, F_DUPFD, 0) > file);
		printf(" %d\n", dup2(file, 32) == 32 && fcntl(32, F_GETFD) == 0);
		/* the working directory is a path: fchdir cannot change it */
		errno = 0;
		printf("fchdir: %d", fchdir(a) == -1 && errno == ENOSYS);
		errno = 0;
		printf(" %d\n", fchdir(file) == -1 && errno == ENOTDIR);
		unlink("d/f");
		rmdir("d");
	}
	#ifndef DLL
	int main(void) { duplicates(); return 0; }
	#endif
	EOF
	build_every_kind dup duplicates
	for kind in static dynamic withdll; do
		run -0 wasm32-wasi-run "./$kind"
		[ "$output" = "dup: 1, F_DUPFD_CLOEXEC from 20: 1 1, F_DUPFD: 1
after closing the first: 1 1 1
fdopendir of a duplicate: 1
dup2 to a free number: 1 1
dup2 onto an open descriptor: 1 1
dup3: 1 1
a file: 1 1 1
fchdir: 1 1" ]
	done
	[ ! -e d ]
}

@test "what the runner's own WASI gives: dup of a file or stream sharing its offset, pipe with poll and select, readdir's . and .., times set to now, an absolute sleep, in every kind" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	cp "$FIXTURES/porting/runner-posix.c" .
	build_every_kind runner-posix runner_posix
	local kind
	for kind in static dynamic withdll; do
		run -0 wasm32-wasi-run "./$kind"
		[ "${#lines[@]}" -eq 27 ]
		[[ "$output" != *": NO"* ]]
		[ "${lines[0]}" = "copy >= 0 && copy != fd: yes" ]
		[ "${lines[26]}" = "clock_gettime(CLOCK_MONOTONIC, &now) == 0 && ns(&now) >= ns(&deadline): yes" ]
	done
	assert_only_files runner-posix.c librunner-posix.so main.c static dynamic withdll
}

@test "a signal whose default action terminates says so on standard error, status 128+N, in every kind" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	source_file fatal.c <<-'EOF'
	#include <signal.h>
	#include <stdio.h>
	__attribute__((visibility("default"))) void fatal(void)
	{
		puts("before");
		fflush(stdout);
		raise(SIGTERM);
		puts("after");
	}
	#ifndef DLL
	int main(void) { fatal(); return 0; }
	#endif
	EOF
	build_every_kind fatal fatal
	local kind
	for kind in static dynamic withdll; do
		run -143 --separate-stderr wasm32-wasi-run "./$kind"
		[ "$output" = before ]
		[ "$stderr" = "Program received fatal signal: Terminated" ]
	done
}

@test "what CPython's test_os and test_posix ask of one process: its nice value and groups are kept, the parent's scheduler EPERM, memfd_create's MFD_CLOEXEC, the CLD_ codes, the thread's own CPU clock, in every kind" {
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	source_file proc.c <<-'EOF'
	#define _GNU_SOURCE
	#include <errno.h>
	#include <fcntl.h>
	#include <grp.h>
	#include <limits.h>
	#include <pthread.h>
	#include <sched.h>
	#include <signal.h>
	#include <stdio.h>
	#include <sys/mman.h>
	#include <sys/resource.h>
	#include <time.h>
	#include <unistd.h>
	__attribute__((visibility("default"))) void process(void)
	{
		gid_t g[NGROUPS_MAX + 1] = {7, 3, 5};
		printf("nice: %d", getpriority(PRIO_PROCESS, 0));
		printf(" %d", setpriority(PRIO_PROCESS, getpid(), 1));
		printf(" %d %d", getpriority(PRIO_PROCESS, 0), getpriority(PRIO_PGRP, getpid()));
		printf(" %d", nice(3));
		printf(" %d", nice(100));
		printf(" %d", setpriority(PRIO_USER, 0, -100) == 0 ? getpriority(PRIO_PROCESS, 0) : 99);
		errno = 0;
		printf(" other: %d %d", getpriority(PRIO_PROCESS, getpid() + 1), errno == ESRCH);
		errno = 0;
		printf(" %d %d\n", setpriority(7, 0, 0), errno == EINVAL);
		printf("groups: %d", getgroups(0, NULL));
		printf(" %d", setgroups(3, g));
		g[0] = g[1] = g[2] = 0;
		printf(" %d: %d %d %d", getgroups(3, g), (int)g[0], (int)g[1], (int)g[2]);
		errno = 0;
		printf(" %d %d", getgroups(2, g), errno == EINVAL);
		errno = 0;
		printf(" %d %d", setgroups(NGROUPS_MAX + 1, g), errno == EINVAL);
		printf(" initgroups: %d %d", initgroups("nobody", 42), getgroups(NGROUPS_MAX, g));
		printf(" %d", (int)g[0]);
		printf(" %d %d\n", setgroups(0, NULL), getgroups(0, NULL));
		errno = 0;
		printf("sched: %d", sched_getscheduler(0) == SCHED_OTHER);
		printf(" parent %d %d", sched_getscheduler(getppid()), errno == EPERM);
		errno = 0;
		printf(" other %d %d", sched_getscheduler(getpid() + 1), errno == ESRCH);
		errno = 0;
		printf(" negative %d %d\n", sched_getscheduler(-1), errno == EINVAL);
		int m = memfd_create("m", MFD_CLOEXEC), n = memfd_create("n", 0);
		printf("memfd: %d %d\n", fcntl(m, F_GETFD) == FD_CLOEXEC, fcntl(n, F_GETFD) == 0);
		close(m);
		close(n);
		printf("CLD: %d %d %d %d %d %d\n", CLD_EXITED, CLD_KILLED, CLD_DUMPED, CLD_TRAPPED, CLD_STOPPED,
		       CLD_CONTINUED);
		clockid_t c;
		struct timespec t1, t2;
		printf("thread clock: %d", pthread_getcpuclockid(pthread_self(), &c));
		printf(" %d", c != CLOCK_THREAD_CPUTIME_ID);
		printf(" %d %d", clock_gettime(c, &t1), clock_gettime(c, &t2));
		printf(" %d %d\n", t1.tv_sec < t2.tv_sec || (t1.tv_sec == t2.tv_sec && t1.tv_nsec <= t2.tv_nsec),
		       clock_getres(c, &t1));
	}
	#ifndef DLL
	int main(void) { process(); return 0; }
	#endif
	EOF
	build_every_kind proc process
	local kind
	for kind in static dynamic withdll; do
		run -0 wasm32-wasi-run "./$kind"
		[ "$output" = "nice: 0 0 1 1 4 19 -20 other: -1 1 -1 1
groups: 0 0 3: 7 3 5 -1 1 -1 1 initgroups: 0 1 42 0 0
sched: 1 parent -1 1 other -1 1 negative -1 1
memfd: 1 1
CLD: 1 2 3 4 5 6
thread clock: 0 1 0 0 1 0" ]
	done
}

@test "open with O_CREAT of a name ending in '/' fails with EISDIR, as on Linux, whatever is there (shutil.copyfile counts on it)" {
	source_file slash.c <<-'EOF'
	#include <errno.h>
	#include <fcntl.h>
	#include <stdio.h>
	#include <string.h>
	#include <sys/stat.h>
	#include <unistd.h>
	int main(void)
	{
		const char *names[] = {"new/", "d/", "f/", "d/new/"};
		mkdir("d", 0777);
		close(open("f", O_CREAT | O_WRONLY, 0644));
		for (int i = 0; i < 4; i++) {
			errno = 0;
			int w = open(names[i], O_CREAT | O_WRONLY | O_TRUNC, 0644);
			int w_errno = errno;
			errno = 0;
			int r = open(names[i], O_CREAT | O_RDONLY, 0644);
			printf("%s: %d %s, %d %s\n", names[i], w, strerror(w_errno), r, strerror(errno));
		}
		printf("new made: %d\n", access("new", F_OK) == 0);
		return 0;
	}
	EOF
	wasm32-wasi-cc -o slash slash.c
	run -0 wasm32-wasi-run ./slash
	[ "$output" = "new/: -1 Is a directory, -1 Is a directory
d/: -1 Is a directory, -1 Is a directory
f/: -1 Is a directory, -1 Is a directory
d/new/: -1 Is a directory, -1 Is a directory
new made: 0" ]
}
