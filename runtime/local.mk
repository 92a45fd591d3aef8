## runtime/local.mk: the host side of running what the driver makes.
bin_SCRIPTS = runtime/wasm32-wasi-run runtime/wasm32-wasi-pkg-config
EXTRA_DIST += runtime/wasm32-wasi-run.in runtime/wasm32-wasi-pkg-config.in
CLEANFILES += runtime/wasm32-wasi-run runtime/wasm32-wasi-pkg-config

runtime/wasm32-wasi-pkg-config: runtime/wasm32-wasi-pkg-config.in Makefile
	$(AM_V_GEN)$(MKDIR_P) runtime && rm -f $@ $@.tmp && \
	$(edit) $(srcdir)/runtime/wasm32-wasi-pkg-config.in > $@.tmp && chmod +x $@.tmp && mv $@.tmp $@

runtime/wasm32-wasi-run: runtime/wasm32-wasi-run.in Makefile
	$(AM_V_GEN)$(MKDIR_P) runtime && rm -f $@ $@.tmp && \
	$(edit) $(srcdir)/runtime/wasm32-wasi-run.in > $@.tmp && chmod +x $@.tmp && mv $@.tmp $@
