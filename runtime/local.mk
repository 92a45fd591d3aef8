## runtime/local.mk: the host side of running what the driver makes.
bin_SCRIPTS = runtime/wasm32-wasi-run
EXTRA_DIST += runtime/wasm32-wasi-run.in
CLEANFILES += runtime/wasm32-wasi-run

runtime/wasm32-wasi-run: runtime/wasm32-wasi-run.in Makefile
	$(AM_V_GEN)$(MKDIR_P) runtime && rm -f $@ $@.tmp && \
	$(edit) $(srcdir)/runtime/wasm32-wasi-run.in > $@.tmp && chmod +x $@.tmp && mv $@.tmp $@
