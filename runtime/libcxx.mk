## runtime/libcxx.mk: C++ with exceptions: libunwind, libc++abi and libc++ from LLVM's source, with
## wasm exception handling and position-independent, and libc++.so for dynamic programs (doc/cxx.md).
EXTRA_DIST += runtime/build-libcxx.sh runtime/libunwind-wasm.patch runtime/cxx-tag.S bench/cxx-size.sh
dist_doc_DATA += doc/cxx.md
# configure finds the source (--with-llvm-runtimes-source=DIR; install-deps.sh
# extracts Debian's into /usr/local/src/llvm-runtimes-19). Without it C++ has
# no exceptions and links Debian's libc++, as -fno-exceptions does.
if HAVE_LLVM_RUNTIMES_SOURCE
# runtime/libcxx/: include/c++/v1 (the headers, __config_site included) and
# lib/ (the archives), installed as $(pkglibdir)/libcxx.
noinst_DATA = runtime/libcxx.stamp
CLEANFILES += runtime/libcxx.stamp runtime/cxx-tag.o
LIBCXX_PATCHES = $(srcdir)/runtime/libunwind-wasm.patch

runtime/cxx-tag.o: runtime/cxx-tag.S
	$(AM_V_CC)$(MKDIR_P) runtime && $(WASM_CLANG) $(WASM_RUNTIME_CFLAGS) -mexception-handling -c -o $@ \
	  $(srcdir)/runtime/cxx-tag.S

# The build, or a copy from the cache (--with-libcxx-cache; see the script);
# then the exception tag, which the libcxx role links whole.
runtime/libcxx.stamp: $(srcdir)/runtime/build-libcxx.sh $(LIBCXX_PATCHES) runtime/cxx-tag.o Makefile
	+$(AM_V_GEN)LLVM_RUNTIMES_SOURCE='$(LLVM_RUNTIMES_SOURCE)' WASM_CLANG='$(WASM_CLANG)' \
	  WASM_AR='$(WASM_AR)' WASM_RANLIB='$(WASM_RANLIB)' CMAKE='$(CMAKE)' PATCH='$(PATCH)' MAKE='$(MAKE)' \
	  CLANG_RESOURCE_DIR='$(CLANG_RESOURCE_DIR)' WASI_SYSROOT='$(WASI_SYSROOT)' \
	  WASI_LIBC_VERSION='$(WASI_LIBC_VERSION)' LIBCXX_CACHE='$(LIBCXX_CACHE)' \
	  $(SHELL) $(srcdir)/runtime/build-libcxx.sh runtime/libcxx runtime/libcxx-build $(LIBCXX_PATCHES) && \
	cp runtime/cxx-tag.o runtime/libcxx/lib/ && touch $@

install-libcxx: runtime/libcxx.stamp
	$(MKDIR_P) '$(DESTDIR)$(pkglibdir)/libcxx'
	cp -R runtime/libcxx/include runtime/libcxx/lib '$(DESTDIR)$(pkglibdir)/libcxx/'
	chmod -R u+w,go-w,a+rX '$(DESTDIR)$(pkglibdir)/libcxx'
uninstall-libcxx:
	rm -rf '$(DESTDIR)$(pkglibdir)/libcxx'

if HAVE_WASI_LIBC_SOURCE
# libc++ as a dll, linked as libc.so is (runtime/libc-so.mk): one copy of
# libc++, libc++abi and libunwind per process, so that every module has the
# same type_info objects, the same exception tag and the same landing-pad
# context. The driver links it as a dll of no user objects against the
# build's libc.so and liballoc.so.
wasmlib_DATA += runtime/libc++.so
CLEANFILES += runtime/libc++.so runtime/build-cxx.yaml
runtime/build-cxx.yaml: Makefile
	$(AM_V_GEN)$(MKDIR_P) runtime && \
	printf '%s\n' '# build-cxx.yaml: how the build links libc++.so (generated).' \
	  'vars:' '  libdir: $(abs_top_builddir)/runtime' > $@
runtime/libc++.so: runtime/libcxx.stamp runtime/libc.so runtime/liballoc.so runtime/build-cxx.yaml \
		driver/wasm32-wasi-cc $(specs_DATA)
	$(AM_V_GEN)WASM32_WASI_CC_SPECDIR='$(abs_top_srcdir)/specs:$(abs_top_builddir)/specs' \
	  driver/wasm32-wasi-cc --specs=runtime/build-cxx.yaml -fno-env-from-source -shared -s -o $@ -Wl,--whole-archive \
	  runtime/libcxx/lib/libc++.a runtime/libcxx/lib/libc++abi.a runtime/libcxx/lib/libunwind.a \
	  -Wl,--no-whole-archive runtime/libcxx/lib/cxx-tag.o
endif
else
install-libcxx:
uninstall-libcxx:
endif

install-data-local: install-libcxx
uninstall-local: uninstall-libcxx
clean-libcxx:
	rm -rf runtime/libcxx runtime/libcxx-build
.PHONY: install-libcxx uninstall-libcxx clean-libcxx
