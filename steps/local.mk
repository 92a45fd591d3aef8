## steps/local.mk: the steps the driver runs in-process (builtins): argv in, an error string
## out, no printing or exiting. Each file is the step it is named after; the component link is
## a folder of its own (steps/complink/), and libraries.c is the one model of libraries.
noinst_LIBRARIES += steps/libsteps.a
steps_libsteps_a_SOURCES = \
	steps/builtins.c steps/builtins.h \
	steps/check-exports.c \
	steps/declare-env.c steps/scan-env.c \
	steps/dll-exports.c \
	steps/versionscript.c steps/versionscript.h \
	steps/dylink.c \
	steps/dlls.c steps/dlls.h \
	steps/libraries.c steps/libraries.h \
	steps/component-wrap.c steps/component-wrap.h \
	steps/complink/complink.h steps/complink/model.c steps/complink/link.c steps/complink/glue.c \
	steps/complink/splice.c \
	steps/complink/dl.c \
	steps/wit.c steps/wit.h steps/witabi.c steps/witenc.c steps/witc.c steps/witjson.c steps/witsteps.c

# llvm-nm, and -D for a dll's exports; built beside the driver and its other tools.
bin_PROGRAMS += driver/wasm32-wasi-nm
driver_wasm32_wasi_nm_CPPFLAGS = $(AM_CPPFLAGS) -DLLVM_NM='"$(WASM_NM)"'
driver_wasm32_wasi_nm_SOURCES = steps/nm.c
driver_wasm32_wasi_nm_LDADD = steps/libsteps.a lib/libcommon.a wasm/libwasm.a
