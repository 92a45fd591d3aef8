## fuzz/local.mk: libFuzzer harnesses of the spec loader, of the wasm reader and the
## builtins that read objects, and of the WIT parser. Built and run on demand, not by make check:
## `make fuzz-run FUZZ_SECONDS=60` runs each for that long from the seed corpus
## (fuzz/corpus), keeping what it finds in fuzz/work-*; .ci/run does.
FUZZ_SECONDS = 60
FUZZ_CFLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-I$(top_builddir) -I$(srcdir) -I$(srcdir)/driver -I$(srcdir)/lib -I$(srcdir)/steps -I$(srcdir)/steps/complink
fuzz_spec_sources = $(srcdir)/fuzz/fuzz-spec.c $(srcdir)/driver/spec.c $(srcdir)/driver/schema.c \
	$(srcdir)/driver/template.c $(srcdir)/lib/util.c $(srcdir)/lib/pool.c
fuzz_wasm_sources = $(srcdir)/fuzz/fuzz-wasm.c $(WASM_LIB_C:%=$(srcdir)/%) \
	$(srcdir)/lib/fileio.c $(srcdir)/lib/util.c $(srcdir)/steps/check-exports.c \
	$(srcdir)/steps/dll-exports.c $(srcdir)/steps/versionscript.c $(srcdir)/steps/declare-env.c \
	$(srcdir)/steps/scan-env.c
fuzz_wit_sources = $(srcdir)/fuzz/fuzz-wit.c $(srcdir)/steps/wit.c $(srcdir)/steps/witabi.c \
	$(srcdir)/steps/witc.c $(srcdir)/steps/witenc.c $(srcdir)/steps/witjson.c \
	$(WASM_LIB_C:%=$(srcdir)/%) $(srcdir)/lib/fileio.c $(srcdir)/lib/util.c
EXTRA_DIST += fuzz/fuzz-spec.c fuzz/fuzz-wasm.c fuzz/fuzz-wit.c fuzz/corpus
CLEANFILES += fuzz/fuzz-spec fuzz/fuzz-wasm fuzz/fuzz-wit fuzz/probe

# libFuzzer comes with clang's runtime libraries for the host.
fuzz/probe:
	$(AM_V_GEN)$(MKDIR_P) fuzz && \
	echo 'int LLVMFuzzerTestOneInput(const char *p, unsigned long n) { return p && n; }' | \
	$(WASM_CLANG) -fsanitize=fuzzer -x c - -o $@ 2> /dev/null || \
	{ echo "make fuzz needs libFuzzer: install the Debian package libclang-rt-19-dev" >&2; exit 1; }
# libyaml as the driver has it: the system's (LIBS), or its source (lib/local.mk)
fuzz/fuzz-spec: fuzz/probe $(fuzz_spec_sources)
	$(AM_V_CCLD)$(WASM_CLANG) $(FUZZ_CFLAGS) $(YAML_CPPFLAGS) $(LIBYAML_CFLAGS) -o $@ $(fuzz_spec_sources) \
	  $(libyaml_sources) $(LIBS)
fuzz/fuzz-wasm: fuzz/probe $(fuzz_wasm_sources)
	$(AM_V_CCLD)$(WASM_CLANG) $(FUZZ_CFLAGS) -o $@ $(fuzz_wasm_sources)
fuzz/fuzz-wit: fuzz/probe $(fuzz_wit_sources)
	$(AM_V_CCLD)$(WASM_CLANG) $(FUZZ_CFLAGS) -o $@ $(fuzz_wit_sources)

fuzz: fuzz/fuzz-spec fuzz/fuzz-wasm fuzz/fuzz-wit
# The driver allocates freely and frees little (it is short-lived), so leaks
# are not looked for; the specs of the tree seed the spec harness too, and the
# typed-main fixtures the WIT one.
fuzz-run: fuzz
	@for h in spec wasm wit; do \
	  $(MKDIR_P) fuzz/work-$$h || exit 1; \
	  seeds="$(srcdir)/fuzz/corpus/$$h"; test $$h = spec && seeds="$$seeds $(srcdir)/specs"; \
	  test $$h = wit && seeds="$$seeds $(srcdir)/tests/fixtures/typed-main"; \
	  echo "fuzz-$$h: $(FUZZ_SECONDS) s"; \
	  ASAN_OPTIONS=detect_leaks=0 fuzz/fuzz-$$h -max_total_time=$(FUZZ_SECONDS) -max_len=8192 \
	    -print_final_stats=1 -artifact_prefix=fuzz/ fuzz/work-$$h $$seeds > fuzz/fuzz-$$h.log 2>&1 || \
	    { tail -50 fuzz/fuzz-$$h.log; exit 1; }; \
	  grep -E '^stat::number_of_executed_units|^Done' fuzz/fuzz-$$h.log; \
	done
clean-fuzz:
	rm -rf fuzz/work-spec fuzz/work-wasm fuzz/work-wit fuzz/fuzz-spec.log fuzz/fuzz-wasm.log fuzz/fuzz-wit.log
.PHONY: fuzz fuzz-run clean-fuzz
