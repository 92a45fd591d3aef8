#!/usr/bin/env bats
# declared.bats: every function (and extern variable) any header of the
# sysroot declares, wasi-libc's and the porting layer's, links: a configure
# test that only compiles (CPython's) must not find a function the link then
# lacks. What the layer adds to make it so is checked for its behaviour.

load test_helper

# Every header, in one translation unit: those under bits/ come through
# their parents, and those that only redirect (sys/errno.h) warn.
all_headers() {
	local sysinc=$1 dir h
	printf '#define _GNU_SOURCE 1\n#include <stdint.h>\n#include <stddef.h>\n#include <time.h>\n'
	for dir in "$sysinc" "$TOP_SRCDIR/runtime/include"; do
		(cd "$dir" && find . -name '*.h' -not -path './c++/*' -not -path './bits/*' | sed 's|^\./||')
	done | sort -u | while read -r h; do
		grep -qs '^#warning redirecting' "$sysinc/$h" || printf '#include <%s>\n' "$h"
	done
}

@test "every function and variable the sysroot's headers declare links, static and dynamic" {
	local sysinc
	sysinc=$(wasm32-wasi-cc -print-sysroot)/include/wasm32-wasi
	# arpa/telnet.h's tables are the program's, defined where it asks (AUTH_NAMES...)
	local tables=(-DSLC_NAMES -DAUTH_NAMES -DENCRYPT_NAMES)
	all_headers "$sysinc" > every.c
	wasm32-wasi-cc -fsyntax-only "${tables[@]}" -Xclang -ast-dump=json every.c > ast.json
	node "$FIXTURES/declared/declarations.js" "$sysinc" "$TOP_SRCDIR/runtime/include" < ast.json > names
	[ "$(wc -l < names)" -gt 1300 ]
	grep -qx memfd_create names
	grep -qx environ names
	# Each by its address, but: alloca is __builtin_alloca and setjmp is
	# lowered at its calls, so neither has one; and a dynamic program's loader
	# provides dlopen's family to calls only (an address is a GOT.func import).
	{
		cat every.c
		echo 'void *refs[] = {'
		grep -vx 'alloca\|setjmp\|dlopen\|dlsym\|dlclose\|dlerror' names | sed 's/.*/\t(void *)\&&,/'
		echo '};'
		echo 'static void calls(void) { dlclose(dlopen("x", RTLD_NOW)); dlsym(RTLD_DEFAULT, "x"); dlerror(); }'
		echo 'int main(int argc, char **argv) {'
		echo '	size_t n = 0;'
		echo '	for (size_t i = 0; i < sizeof refs / sizeof *refs; i++) n += *(void *volatile *)&refs[i] != 0;'
		echo '	if (argc > 1) calls();'
		echo '	printf("%zu %s\n", n, argc > 1 ? argv[1] : "");'
		echo '	return 0;'
		echo '}'
	} > links.c
	local want="$(($(wc -l < names) - 6)) " 
	wasm32-wasi-cc "${tables[@]}" -Wno-deprecated-declarations --emit=core -Wl,--error-limit=0 -o static links.c
	run -0 wasm32-wasi-run static
	[ "$output" = "$want" ]
	[ -f "$BUILD_DIR/runtime/libc.so" ] || skip "no libc.so: configure found no wasi-libc source"
	export WASM32_WASI_LIBRARY_PATH=$BUILD_DIR/runtime
	wasm32-wasi-cc "${tables[@]}" -Wno-deprecated-declarations --artifact=dynamic-command --emit=core \
		-Wl,--error-limit=0 -o dynamic links.c
	run -0 wasm32-wasi-run dynamic
	[ "$output" = "$want" ]
}

@test "what the layer adds so that they link behaves as doc/porting.md says" {
	source_file added.c <<-'EOF'
	#define _GNU_SOURCE
	#include <dlfcn.h>
	#include <errno.h>
	#include <fcntl.h>
	#include <mqueue.h>
	#include <poll.h>
	#include <stdio.h>
	#include <stdlib.h>
	#include <string.h>
	#include <stropts.h>
	#include <sys/mman.h>
	#include <sys/socket.h>
	#include <sys/timex.h>
	#include <time.h>
	#include <unistd.h>
	int main(void)
	{
		double loads[3] = {1, 1, 1};
		char buf[16] = "x", user[L_cuserid] = "x";
		unsigned char vec[2];

		/* an anonymous file, gone from every directory */
		int fd = memfd_create("scratch", MFD_CLOEXEC);
		printf("memfd %d %zd", fd >= 3, write(fd, "anonymous", 9));
		lseek(fd, 0, SEEK_SET);
		printf(" %zd %.9s", read(fd, buf, sizeof buf), buf);
		char *m = mmap(NULL, 9, PROT_READ, MAP_PRIVATE, fd, 0);
		printf(" mapped %.9s", m);
		errno = 0;
		printf(" bad flags %d %d\n", memfd_create("x", 0x100), errno == EINVAL);
		printf("loadavg %d %g %g %g\n", getloadavg(loads, 3), loads[0], loads[1], loads[2]);
		/* mremap: shrinks in place, grows by moving with MREMAP_MAYMOVE */
		long page = sysconf(_SC_PAGESIZE);
		char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		strcpy(p, "kept");
		printf("mremap %d", mremap(p, 2 * page, page, 0) == p);
		errno = 0;
		printf(" %d %d", mremap(p, page, 3 * page, 0) == MAP_FAILED, errno == ENOMEM);
		char *q = mremap(p, page, 3 * page, MREMAP_MAYMOVE);
		printf(" %s %d", q, q[3 * page - 1] == 0);
		printf(" mincore %d %d %d\n", mincore(q, 2 * page, vec), vec[0], vec[1]);
		/* a static program has no loader */
		printf("dlopen %d %s; again %d\n", dlopen("libz.so", RTLD_NOW) == NULL, dlerror(), dlerror() == NULL);
		struct pollfd none[1];
		struct timespec ms = {0, 1000000};
		printf("ppoll %d;", ppoll(none, 0, &ms, NULL));
		errno = 0;
		printf(" mq_open %d %d;", (int)mq_open("/q", O_RDONLY), errno == ENOSYS);
		errno = 0;
		printf(" adjtimex %d %d;", adjtimex(&(struct timex){0}), errno == ENOSYS);
		printf(" cuserid '%s' %d;", cuserid(user), cuserid(NULL) == NULL);
		printf(" isastream %d", isastream(1));
		printf(" %d %d\n", isastream(99), errno == EBADF);
		return 0;
	}
	EOF
	wasm32-wasi-cc -o added added.c
	run -0 wasm32-wasi-run added
	[ "$output" = "memfd 1 9 9 anonymous mapped anonymous bad flags -1 1
loadavg 3 0 0 0
mremap 1 1 1 kept 1 mincore 0 1 1
dlopen 1 dlopen libz.so: a static program loads no library (link it with -ldl, or a dll, to make it dynamic); again 1
ppoll 0; mq_open -1 1; adjtimex -1 1; cuserid '' 1; isastream 0 -1 1" ]
}
