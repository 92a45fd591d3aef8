## runtime/porting.mk: what ported code and the component adapter expect beyond
## wasi-libc: the POSIX layer (runtime/porting/, its headers in runtime/include/),
## setjmp/longjmp, cabi_realloc.
wasmlib_DATA += runtime/libporting.a runtime/libsetjmp.a runtime/cabi_realloc.o

# The POSIX layer: one idea per file (doc/porting.md has the table of what
# each function does). Position-independent like everything the driver
# compiles, so that libc.so carries the same objects (runtime/libc-so.mk),
# and compiled against our own headers, so that they declare what it defines.
PORTING_COMMON_OBJECTS = runtime/porting/descriptors.o runtime/porting/devfd.o runtime/porting/err.o runtime/porting/fcntl.o runtime/porting/inet.o \
	runtime/porting/misc.o runtime/porting/mman.o runtime/porting/modes.o runtime/porting/mqueue.o runtime/porting/multibyte.o runtime/porting/netdb.o runtime/porting/passwd.o \
	runtime/porting/ppoll.o \
	runtime/porting/process.o runtime/porting/getprogname.o runtime/porting/libc_state.o runtime/porting/progname.o runtime/porting/pthread.o runtime/porting/pthread_attr.o \
	runtime/porting/pthread_sync.o runtime/porting/readlink.o runtime/porting/realpath.o runtime/porting/rlimit.o \
	runtime/porting/sched.o runtime/porting/semaphore.o runtime/porting/signal.o runtime/porting/socket.o runtime/porting/stack_chk.o \
	runtime/porting/system.o runtime/porting/termios.o runtime/porting/threads.o runtime/porting/tmpfile.o \
	runtime/porting/tzset.o runtime/porting/users.o runtime/porting/utimens.o
PORTING_CFLAGS = --target=wasm32-wasi -nostdinc -isystem $(CLANG_RESOURCE_DIR)/include \
	-isystem $(srcdir)/runtime/include -isystem $(WASI_SYSROOT)/include/wasm32-wasi \
	-D_GNU_SOURCE -DLIBC_STATE_SIZE=$(LIBC_STATE_SIZE) -O2 -fPIC -Wall -Wextra -Werror -fno-builtin
# dlopen's family only where no loader provides it: static programs.
PORTING_OBJECTS = $(PORTING_COMMON_OBJECTS) runtime/porting/dlfcn.o
# libc.so carries the same objects with default visibility, so that it
# exports them (clang gives wasm symbols hidden visibility by default), but
# dlopen's: in a dynamic program the loader provides it.
PORTING_SHARED_OBJECTS = $(PORTING_COMMON_OBJECTS:runtime/porting/%=runtime/porting/shared/%)
# setjmp/longjmp use exception handling, which jco cannot translate: apart,
# so that libc.so stays free of it; linked into each module that uses them.
SETJMP_OBJECTS = runtime/setjmp.o runtime/longjmp.o

CLEANFILES += runtime/libporting.a runtime/libporting-shared.a runtime/libsetjmp.a $(PORTING_OBJECTS) \
	$(PORTING_SHARED_OBJECTS) $(SETJMP_OBJECTS) \
	runtime/cabi_realloc.o
# Headers for the target, installed apart from the host's includes.
targetincludedir = $(pkgdatadir)/include
targetinclude_HEADERS = runtime/include/setjmp.h runtime/include/dlfcn.h \
	runtime/include/__mode_t.h runtime/include/__wait_status.h runtime/include/__typedef_sigset_t.h runtime/include/dirent.h runtime/include/errno.h \
	runtime/include/fcntl.h \
	runtime/include/grp.h runtime/include/netdb.h runtime/include/pthread.h \
	runtime/include/pwd.h runtime/include/sched.h runtime/include/signal.h runtime/include/stdio.h \
	runtime/include/stdlib.h runtime/include/termios.h runtime/include/time.h runtime/include/unistd.h \
	runtime/include/__struct_sockaddr.h runtime/include/__struct_sockaddr_in.h \
	runtime/include/__struct_sockaddr_in6.h runtime/include/__struct_sockaddr_storage.h \
	runtime/include/__struct_sockaddr_un.h
targetincludesysdir = $(targetincludedir)/sys
targetincludesys_HEADERS = runtime/include/sys/resource.h runtime/include/sys/socket.h runtime/include/sys/stat.h \
	runtime/include/sys/wait.h
targetincludearpadir = $(targetincludedir)/arpa
targetincludearpa_HEADERS = runtime/include/arpa/inet.h runtime/include/arpa/nameser.h
targetincludewasidir = $(targetincludedir)/wasi
targetincludewasi_HEADERS = runtime/include/wasi/toolchain.h
EXTRA_DIST += runtime/setjmp.c runtime/longjmp.S runtime/cabi_realloc.c runtime/porting/porting.h runtime/porting/progname.h \
	$(PORTING_OBJECTS:.o=.c)

$(PORTING_OBJECTS) $(PORTING_SHARED_OBJECTS): runtime/porting/porting.h runtime/porting/progname.h $(targetinclude_HEADERS) $(targetincludesys_HEADERS) \
	$(targetincludearpa_HEADERS)
runtime/porting/descriptors.o: runtime/porting/descriptors.c
runtime/porting/devfd.o: runtime/porting/devfd.c
runtime/porting/utimens.o: runtime/porting/utimens.c
runtime/porting/err.o: runtime/porting/err.c
runtime/porting/fcntl.o: runtime/porting/fcntl.c
runtime/porting/inet.o: runtime/porting/inet.c
runtime/porting/misc.o: runtime/porting/misc.c
runtime/porting/mqueue.o: runtime/porting/mqueue.c
runtime/porting/ppoll.o: runtime/porting/ppoll.c
runtime/porting/dlfcn.o: runtime/porting/dlfcn.c
runtime/porting/mman.o: runtime/porting/mman.c
runtime/porting/modes.o: runtime/porting/modes.c
runtime/porting/multibyte.o: runtime/porting/multibyte.c
runtime/porting/netdb.o: runtime/porting/netdb.c
runtime/porting/passwd.o: runtime/porting/passwd.c
runtime/porting/process.o: runtime/porting/process.c
runtime/porting/progname.o: runtime/porting/progname.c
runtime/porting/getprogname.o: runtime/porting/getprogname.c
runtime/porting/libc_state.o: runtime/porting/libc_state.c
runtime/porting/pthread.o: runtime/porting/pthread.c
runtime/porting/pthread_attr.o: runtime/porting/pthread_attr.c
runtime/porting/pthread_sync.o: runtime/porting/pthread_sync.c
runtime/porting/readlink.o: runtime/porting/readlink.c
runtime/porting/realpath.o: runtime/porting/realpath.c
runtime/porting/rlimit.o: runtime/porting/rlimit.c
runtime/porting/sched.o: runtime/porting/sched.c
runtime/porting/semaphore.o: runtime/porting/semaphore.c
runtime/porting/signal.o: runtime/porting/signal.c
runtime/porting/socket.o: runtime/porting/socket.c
runtime/porting/stack_chk.o: runtime/porting/stack_chk.c
runtime/porting/system.o: runtime/porting/system.c
runtime/porting/termios.o: runtime/porting/termios.c
runtime/porting/threads.o: runtime/porting/threads.c
runtime/porting/tmpfile.o: runtime/porting/tmpfile.c
runtime/porting/tzset.o: runtime/porting/tzset.c
runtime/porting/users.o: runtime/porting/users.c
$(PORTING_OBJECTS):
	$(AM_V_CC)$(MKDIR_P) runtime/porting && $(WASM_CLANG) $(PORTING_CFLAGS) -c -o $@ $(srcdir)/$(@:.o=.c)
$(PORTING_SHARED_OBJECTS): runtime/porting/shared/%.o: runtime/porting/%.c
	$(AM_V_CC)$(MKDIR_P) runtime/porting/shared && \
	$(WASM_CLANG) $(PORTING_CFLAGS) -fvisibility=default -c -o $@ $(srcdir)/runtime/porting/$(@F:.o=.c)

runtime/setjmp.o: runtime/setjmp.c
	$(AM_V_CC)$(MKDIR_P) runtime && $(WASM_CLANG) $(WASM_RUNTIME_CFLAGS) -fPIC -c -o $@ $(srcdir)/runtime/setjmp.c
runtime/longjmp.o: runtime/longjmp.S
	$(AM_V_CC)$(MKDIR_P) runtime && $(WASM_CLANG) $(WASM_RUNTIME_CFLAGS) -fPIC -mexception-handling -c -o $@ $(srcdir)/runtime/longjmp.S
runtime/cabi_realloc.o: runtime/cabi_realloc.c
	$(AM_V_CC)$(MKDIR_P) runtime && $(WASM_CLANG) $(WASM_RUNTIME_CFLAGS) -c -o $@ $(srcdir)/runtime/cabi_realloc.c
runtime/libporting.a: $(PORTING_OBJECTS) Makefile
	$(AM_V_AR)rm -f $@ && $(WASM_AR) rcs $@ $(PORTING_OBJECTS)
runtime/libporting-shared.a: $(PORTING_SHARED_OBJECTS) Makefile
	$(AM_V_AR)rm -f $@ && $(WASM_AR) rcs $@ $(PORTING_SHARED_OBJECTS)
runtime/libsetjmp.a: $(SETJMP_OBJECTS)
	$(AM_V_AR)rm -f $@ && $(WASM_AR) rcs $@ $(SETJMP_OBJECTS)
