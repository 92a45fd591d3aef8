## wasm/local.mk: the one library that reads and writes WebAssembly binaries, and its unit tests.
noinst_LIBRARIES += wasm/libwasm.a
# (the fuzz harness of fuzz/local.mk compiles the same files)
WASM_LIB_C = \
	wasm/buf.c \
	wasm/builder.c \
	wasm/code.c \
	wasm/component.c \
	wasm/comptype.c \
	wasm/compwriter.c \
	wasm/cursor.c \
	wasm/custom.c \
	wasm/dylink0.c \
	wasm/exportindex.c \
	wasm/grow.c \
	wasm/instr.c \
	wasm/linking.c \
	wasm/module.c \
	wasm/names.c \
	wasm/sections.c
wasm_libwasm_a_SOURCES = wasm/wasm.h wasm/internal.h $(WASM_LIB_C)

# Plain exit status (Automake's test driver); the program prints TAP lines for a reader.
check_PROGRAMS = wasm/test-wasm
wasm_test_wasm_SOURCES = wasm/test-wasm.c
wasm_test_wasm_LDADD = wasm/libwasm.a
TESTS += wasm/test-wasm

# The fixture that wasm/ writes and both readers read (tests/wasm.bats, with runtime/run/wasm.js).
check_PROGRAMS += wasm/wasm-summary
wasm_wasm_summary_SOURCES = wasm/summary.c
wasm_wasm_summary_LDADD = wasm/libwasm.a
