## runtime/wrap.mk: the templates of the component-wrap builtin (steps/component-wrap.c; the generator is steps/wrap-gen.c), made once with jco.
# A template is `jco new --wasi-command` of a stand-in module that imports a
# family of preview1 functions; the builtin puts a command module in the
# stand-in's place, in the smallest template whose family covers its imports.
# jco trims the adapter to what the stand-in imports, so a family is a size:
# a template weighs its adapter (jco 1.35.0: exit 10 KB, stdio 32 KB, clock
# 40 KB, open 46 KB, files 58 KB, all 69 KB), the module comes on top; jco's
# own wrap of a printf hello has 26 KB of adapter, of a main alone 7 KB.
#
# The families name functions; their types come from the adapter's exports,
# and wrap-gen refuses a name that is not both an adapter export and a
# function wasi-libc imports (runtime/wrap/preview1.list, from libc.a). `all`
# is every one of those; the others are chosen for what C programs import:
#   exit   main without I/O (argv and environ are read at start-up)
#   stdio  printf, getchar and stdio's buffering queries
#   clock  stdio with clocks, random numbers, sleeping and polling
#   open   clock with preopens, opening files and stat
#   files  open with directories, removing, renaming and syncing
#
# Each family comes twice. FAMILY.wasm is for modules that export
# cabi_realloc (runtime/cabi_realloc.c, the component-adapter-alloc role):
# jco has the adapter allocate its state through it. FAMILY-grow.wasm is for
# modules without it: there the adapter takes pages with memory.grow.
wrap_exit = proc_exit args_get args_sizes_get environ_get environ_sizes_get
wrap_stdio = $(wrap_exit) fd_close fd_fdstat_get fd_fdstat_set_flags fd_seek fd_tell fd_write fd_read
wrap_clock = $(wrap_stdio) clock_res_get clock_time_get random_get sched_yield poll_oneoff
wrap_open = $(wrap_clock) fd_prestat_get fd_prestat_dir_name path_open fd_filestat_get path_filestat_get
wrap_files = $(wrap_open) fd_readdir path_unlink_file path_create_directory path_remove_directory \
	path_rename fd_sync fd_datasync fd_filestat_set_size fd_renumber fd_fdstat_set_rights

wrapdir = $(pkglibdir)/wrap
wrap_templates = runtime/wrap/exit.wasm runtime/wrap/stdio.wasm runtime/wrap/clock.wasm \
	runtime/wrap/open.wasm runtime/wrap/files.wasm runtime/wrap/all.wasm \
	runtime/wrap/exit-grow.wasm runtime/wrap/stdio-grow.wasm runtime/wrap/clock-grow.wasm \
	runtime/wrap/open-grow.wasm runtime/wrap/files-grow.wasm runtime/wrap/all-grow.wasm
wrap_DATA = $(wrap_templates) runtime/wrap/index
CLEANFILES += $(wrap_templates) $(wrap_templates:.wasm=.core) $(wrap_templates:.wasm=.wasm.tmp) \
	runtime/wrap/index runtime/wrap/index.tmp runtime/wrap/preview1.list

EXTRA_DIST += bench/wrap.sh

# Builds the stand-ins; runs at build time only.
noinst_PROGRAMS = steps/wrap-gen
steps_wrap_gen_SOURCES = steps/wrap-gen.c
steps_wrap_gen_LDADD = wasm/libwasm.a

# The adapter `jco new --wasi-command` uses: lib/ of jco's package, next to
# dist/ where the jco command lives. `make WRAP_ADAPTER=FILE` names another.
WRAP_ADAPTER =
wrap_adapter = adapter='$(WRAP_ADAPTER)'; \
	if test -z "$$adapter"; then \
	  jco=`readlink -f '$(JCO)'` && adapter="$${jco%/*}/../lib/wasi_snapshot_preview1.command.wasm"; \
	fi; \
	test -f "$$adapter" || { echo "$@: jco's preview1 command adapter not found ($$adapter); set WRAP_ADAPTER" >&2; exit 1; }

wrap_gen = steps/wrap-gen$(EXEEXT) module "$$adapter" runtime/wrap/preview1.list

# One rule makes them all: per variant the stand-ins, then the templates (jco
# new, six at a time), then the index from the templates themselves. Each
# file appears whole (a rename), for a driver that reads them meanwhile.
runtime/wrap/index: steps/wrap-gen$(EXEEXT) $(srcdir)/runtime/wrap.mk $(top_builddir)/config.status
	$(AM_V_GEN)$(MKDIR_P) runtime/wrap && $(wrap_adapter) && \
	$(WASM_NM) '$(WASI_SYSROOT)/lib/wasm32-wasi/libc.a' 2> /dev/null | \
	  $(SED) -n 's/^ *U __imported_wasi_snapshot_preview1_//p' | LC_ALL=C sort -u > runtime/wrap/preview1.list && \
	test -s runtime/wrap/preview1.list && \
	for r in '--export cabi_realloc' ''; do \
	  if test -n "$$r"; then v=; else v=-grow; fi; \
	  $(wrap_gen) runtime/wrap/exit$$v.core $$r $(wrap_exit) && \
	  $(wrap_gen) runtime/wrap/stdio$$v.core $$r $(wrap_stdio) && \
	  $(wrap_gen) runtime/wrap/clock$$v.core $$r $(wrap_clock) && \
	  $(wrap_gen) runtime/wrap/open$$v.core $$r $(wrap_open) && \
	  $(wrap_gen) runtime/wrap/files$$v.core $$r $(wrap_files) && \
	  $(wrap_gen) runtime/wrap/all$$v.core $$r --all || exit 1; \
	  pids=; for f in exit stdio clock open files all; do \
	    { $(JCO) new runtime/wrap/$$f$$v.core --wasi-command -o runtime/wrap/$$f$$v.wasm.tmp && \
	      mv runtime/wrap/$$f$$v.wasm.tmp runtime/wrap/$$f$$v.wasm; } & pids="$$pids $$!"; \
	  done; \
	  for p in $$pids; do wait $$p || exit 1; done; \
	done && \
	steps/wrap-gen$(EXEEXT) index $(wrap_templates) > $@.tmp && mv $@.tmp $@
$(wrap_templates): runtime/wrap/index
