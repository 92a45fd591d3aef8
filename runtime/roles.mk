## runtime/roles.mk: the standard roles built for the target: command-rt (crt1-command.o) and liballoc.
wasmlib_DATA += runtime/crt1-command.o runtime/liballoc.a
LIBALLOC_OBJECTS = runtime/alloc.o runtime/atexit.o
CLEANFILES += runtime/crt1-command.o runtime/liballoc.a $(LIBALLOC_OBJECTS) runtime/atexit-shared.o
EXTRA_DIST += runtime/crt1-command.c runtime/alloc.c runtime/atexit.c bench/alloc.sh bench/malloc-heavy.c

# -fno-builtin: clang takes malloc for the C library's, which it may call in
# place of a malloc and a memset (calloc) and which, it assumes, touches no
# global such as errno; inside the allocator neither may be assumed.
ROLES_CFLAGS = $(WASM_RUNTIME_CFLAGS) -fno-builtin

runtime/crt1-command.o: runtime/crt1-command.c
	$(AM_V_CC)$(MKDIR_P) runtime && $(WASM_CLANG) $(ROLES_CFLAGS) -c -o $@ $(srcdir)/runtime/crt1-command.c
runtime/alloc.o: runtime/alloc.c
	$(AM_V_CC)$(MKDIR_P) runtime && $(WASM_CLANG) $(ROLES_CFLAGS) -c -o $@ $(srcdir)/runtime/alloc.c
runtime/atexit.o: runtime/atexit.c
	$(AM_V_CC)$(MKDIR_P) runtime && $(WASM_CLANG) $(ROLES_CFLAGS) -c -o $@ $(srcdir)/runtime/atexit.c
# The same for libc.so (runtime/libc-so.mk): position-independent, exported.
runtime/atexit-shared.o: runtime/atexit.c
	$(AM_V_CC)$(MKDIR_P) runtime && $(WASM_CLANG) $(ROLES_CFLAGS) -fPIC -fvisibility=default -c -o $@ \
	  $(srcdir)/runtime/atexit.c
runtime/liballoc.a: $(LIBALLOC_OBJECTS)
	$(AM_V_GEN)rm -f $@ && $(WASM_AR) rcs $@ $(LIBALLOC_OBJECTS)
