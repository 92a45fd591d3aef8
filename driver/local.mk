## driver/local.mk: the wasm32-wasi-cc program.
bin_PROGRAMS += driver/wasm32-wasi-cc
driver_wasm32_wasi_cc_CPPFLAGS = $(AM_CPPFLAGS) -DSPECDIR='"$(specsdir)"'
driver_wasm32_wasi_cc_SOURCES = \
	driver/main.c \
	driver/info.c driver/info.h \
	driver/builtins.c driver/builtins.h \
	driver/envdecl.c \
	driver/options.c driver/options.h driver/options.def \
	driver/respfile.c \
	driver/spec.c driver/spec.h \
	driver/template.c driver/template.h \
	driver/plan.c driver/plan.h \
	driver/linkargs.c \
	driver/tempfiles.c driver/tempfiles.h \
	driver/run.c driver/run.h \
	driver/util.c driver/util.h
