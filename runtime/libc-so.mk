## runtime/libc-so.mk: the shared roles of dynamic programs: libc.so, the C library as a dll, from wasi-libc's
## source built position-independent, and liballoc.so, the allocator that provides their state.

# Makes the weak aliases of libc.so's objects strong (its opening comment
# says why); runs at build time only.
noinst_PROGRAMS += runtime/strong-aliases
runtime_strong_aliases_SOURCES = runtime/strong-aliases.c lib/util.c lib/util.h
runtime_strong_aliases_LDADD = wasm/libwasm.a
# configure finds the source (--with-wasi-libc-source=DIR; install-deps.sh
# fetches Debian's into /usr/local/src/wasi-libc). Without it there is no
# libc.so, and no dlls or dynamic executables.
if HAVE_WASI_LIBC_SOURCE
wasmlib_DATA += runtime/libc.so runtime/liballoc.so runtime/libc_nonshared.a runtime/crt1-command-pic.o
CLEANFILES += runtime/libc.so runtime/liballoc.so runtime/libc_nonshared.a runtime/libc-pic.a runtime/libc-pic.a.tmp \
	runtime/crt1-command-pic.o runtime/build-libs.yaml

# The driver links both, with the specs of the source tree and this
# layered over them: the build's runtime as ${libdir}, and libc.so made of
# libc-pic.a alone (the dll's roles, but libc.so itself). Whole archives
# record no names passed to getenv (-fno-env-from-source): a program would
# declare libc's TZ, TMPDIR, LANG... whatever it calls (doc/typed-main.md).
runtime/build-libs.yaml: Makefile
	$(AM_V_GEN)$(MKDIR_P) runtime && \
	printf '%s\n' '# build-libs.yaml: how the build links libc.so and liballoc.so (generated).' \
	  'vars:' '  libdir: $(abs_top_builddir)/runtime' 'artifacts:' '  dll:' \
	  '    roles: [liballoc-so, builtins]' > $@
BUILD_LIBS_DRIVER = WASM32_WASI_CC_SPECDIR='$(abs_top_srcdir)/specs:$(abs_top_builddir)/specs' \
	driver/wasm32-wasi-cc --specs=runtime/build-libs.yaml -fno-env-from-source

# liballoc as the allocator artifact (specs/allocator.yaml). Both shared
# roles are linked -O2, so that wasm-opt takes them as it takes a static
# program's copy of the same code: unoptimized, a dynamic program's every
# malloc and free was 6 % slower (bench/dynamic.sh).
runtime/liballoc.so: runtime/liballoc.a runtime/build-libs.yaml driver/wasm32-wasi-cc $(specs_DATA)
	$(AM_V_GEN)$(BUILD_LIBS_DRIVER) --artifact=allocator -s -O2 -o $@

# command-rt for dynamic executables: the same start file, position-independent;
# libc.so sets the program's name (runtime/porting/progname.c).
runtime/crt1-command-pic.o: runtime/crt1-command.c
	$(AM_V_CC)$(MKDIR_P) runtime && $(WASM_CLANG) $(ROLES_CFLAGS) -DCOMMAND_RT_DYNAMIC -fPIC -c -o $@ $(srcdir)/runtime/crt1-command.c

LIBC_PIC = $(abs_top_builddir)/runtime/libc-pic
LIBC_PIC_A = $(LIBC_PIC)/sysroot/lib/wasm32-wasi/libc.a
# -fvisibility=default: libc.so exports its public symbols (newer wasi-libc
# builds its PIC copies so too). Only the final symbol check of wasi-libc's
# own Makefile fails for a PIC build (PIC adds __memory_base and the like),
# so the archive is made by name rather than by the default target.
LIBC_PIC_MAKE = $(MAKE) -C '$(WASI_LIBC_SOURCE)' CC='$(WASM_CLANG)' AR='$(WASM_AR)' NM='$(WASM_NM)' \
	EXTRA_CFLAGS='-O2 -DNDEBUG -fPIC -fvisibility=default' \
	OBJDIR='$(LIBC_PIC)/build' SYSROOT='$(LIBC_PIC)/sysroot'
# The start-up objects that call main stay in each executable (glibc's
# libc_nonshared.a, in spirit): a dll cannot import from the program.
LIBC_NONSHARED_OBJECTS = __main_void.o __main_argc_argv.o __original_main.o
# What liballoc.so defines instead: malloc and its family, and the errno
# malloc sets, which must be the one errno of the process; what the
# porting layer replaces (runtime/porting/fcntl.c: fcntl and close;
# runtime/porting/multibyte.c: mbrtowc, mbsrtowcs, mbtowc, btowc, wctob, wcrtomb and
# wctomb; runtime/porting/socket.c:
# shutdown; runtime/porting/tzset.c: __tz.o, local time;
# runtime/porting/readlink.c: readlinkat.o; runtime/porting/utimens.c:
# utimensat.o and futimens.o; runtime/porting/libc_state.c and
# progname.c: libc.o); and what runtime/atexit.c
# defines instead, as for static programs (atexit, and the thread_local
# destructors that exit runs first).
LIBC_REPLACED_OBJECTS = dlmalloc.o errno.o fcntl.o close.o mbrtowc.o mbsrtowcs.o mbtowc.o btowc.o wctob.o \
	wcrtomb.o wctomb.o shutdown.o __tz.o readlinkat.o \
	utimensat.o futimens.o atexit.o libc.o

# wasi-libc's emulations that dynamic programs get from libc.so as static
# ones get them from the porting role (signals and mmap are the porting
# layer's own).
LIBC_PIC_EMULATIONS = $(LIBC_PIC)/sysroot/lib/wasm32-wasi/libwasi-emulated-getpid.a \
	$(LIBC_PIC)/sysroot/lib/wasm32-wasi/libwasi-emulated-process-clocks.a

# printf and scanf with long double (%Lf), as the libc role links them for
# static programs (specs/roles.yaml): their members replace libc's own, of the
# same names without .long-double.
LIBC_PIC_LONG_DOUBLE = $(LIBC_PIC)/sysroot/lib/wasm32-wasi/libc-printscan-long-double.a

# One run of wasi-libc's make for all of it: each run copies its headers
# again (include_dirs is phony), which two runs at once would garble. Run
# again when this file changes what it asks for (wasi-libc's make is
# incremental).
runtime/libc-pic.stamp: $(srcdir)/runtime/libc-so.mk
	+$(AM_V_GEN)$(LIBC_PIC_MAKE) include_dirs > /dev/null && \
	$(LIBC_PIC_MAKE) '$(LIBC_PIC_A)' $(LIBC_PIC_EMULATIONS) '$(LIBC_PIC_LONG_DOUBLE)' > /dev/null && touch $@
$(LIBC_PIC_A) $(LIBC_PIC_EMULATIONS) $(LIBC_PIC_LONG_DOUBLE): runtime/libc-pic.stamp
	@test -f '$@'

runtime/libc_nonshared.a: $(LIBC_PIC_A)
	$(AM_V_GEN)rm -rf $@ $@.d && $(MKDIR_P) $@.d && \
	(cd $@.d && $(WASM_AR) x '$(LIBC_PIC_A)' $(LIBC_NONSHARED_OBJECTS)) && \
	$(WASM_AR) crs $@ $(addprefix $@.d/,$(LIBC_NONSHARED_OBJECTS)) && rm -rf $@.d
runtime/libc-pic.a: $(LIBC_PIC_A) $(LIBC_PIC_LONG_DOUBLE) runtime/strong-aliases$(EXEEXT) Makefile
	$(AM_V_GEN)rm -rf $@ $@.d && cp '$(LIBC_PIC_A)' $@.tmp && \
	$(WASM_AR) d $@.tmp $(LIBC_NONSHARED_OBJECTS) $(LIBC_REPLACED_OBJECTS) \
	  $$($(WASM_AR) t '$(LIBC_PIC_LONG_DOUBLE)' | sed 's/\.long-double\.o$$/.o/') && \
	$(MKDIR_P) $@.d && (cd $@.d && $(WASM_AR) x '$(LIBC_PIC_LONG_DOUBLE)') && \
	$(WASM_AR) rs $@.tmp $@.d/*.o && rm -rf $@.d && \
	runtime/strong-aliases$(EXEEXT) $@.tmp > /dev/null && mv $@.tmp $@
# Linked by the driver itself, as a dll of no user objects: libc's public
# symbols are exported, its imports get the two-level namespace (malloc and
# errno from liballoc.so). All of libc is in it (a dll cannot know what its
# users need), with the porting layer and wasi-libc's emulations, so that a
# dynamic program finds every function a static one finds: 559 KB stripped
# (-s) and optimized (-O2).
runtime/libc.so: runtime/libc-pic.a runtime/libporting-shared.a $(LIBC_PIC_EMULATIONS) runtime/atexit-shared.o \
		runtime/liballoc.so runtime/build-libs.yaml driver/wasm32-wasi-cc $(specs_DATA)
	$(AM_V_GEN)$(BUILD_LIBS_DRIVER) -shared -s -O2 -o $@ runtime/atexit-shared.o -Wl,--whole-archive runtime/libc-pic.a \
	  runtime/libporting-shared.a $(LIBC_PIC_EMULATIONS) -Wl,--no-whole-archive
endif

# The PIC build of wasi-libc, under the build tree.
clean-libc-pic:
	rm -rf runtime/libc-pic runtime/libc-pic.stamp
