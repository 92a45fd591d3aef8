## runtime/local.mk: the host side of running what the driver makes.
bin_SCRIPTS = runtime/wasm32-wasi-run runtime/wasm32-wasi-pkg-config \
	runtime/wasm32-wasi-configure runtime/wasm32-wasi-binfmt
EXTRA_DIST += runtime/wasm32-wasi-run.in runtime/wasm32-wasi-pkg-config.in \
	runtime/wasm32-wasi-configure.in runtime/wasm32-wasi-binfmt.in runtime/config.site
CLEANFILES += $(bin_SCRIPTS)
pkgdata_DATA += runtime/config.site

# The scripts are made from their .in files by $(edit).
runtime/wasm32-wasi-configure: runtime/wasm32-wasi-configure.in Makefile
	$(AM_V_GEN)$(MKDIR_P) runtime && rm -f $@ $@.tmp && \
	$(edit) $(srcdir)/runtime/wasm32-wasi-configure.in > $@.tmp && chmod +x $@.tmp && mv $@.tmp $@
runtime/wasm32-wasi-binfmt: runtime/wasm32-wasi-binfmt.in Makefile
	$(AM_V_GEN)$(MKDIR_P) runtime && rm -f $@ $@.tmp && \
	$(edit) $(srcdir)/runtime/wasm32-wasi-binfmt.in > $@.tmp && chmod +x $@.tmp && mv $@.tmp $@

runtime/wasm32-wasi-pkg-config: runtime/wasm32-wasi-pkg-config.in Makefile
	$(AM_V_GEN)$(MKDIR_P) runtime && rm -f $@ $@.tmp && \
	$(edit) $(srcdir)/runtime/wasm32-wasi-pkg-config.in > $@.tmp && chmod +x $@.tmp && mv $@.tmp $@

runtime/wasm32-wasi-run: runtime/wasm32-wasi-run.in Makefile
	$(AM_V_GEN)$(MKDIR_P) runtime && rm -f $@ $@.tmp && \
	$(edit) $(srcdir)/runtime/wasm32-wasi-run.in > $@.tmp && chmod +x $@.tmp && mv $@.tmp $@
