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

# The runner is a script and its parts, installed in $(runmodulesdir). The
# build tree's runner uses the parts in the source tree, so that the tests and
# the benches run it uninstalled; the installed one is written again at
# install time, naming the installed parts.
runmodulesdir = $(pkgdatadir)/run
dist_runmodules_DATA = runtime/run/report.js runtime/run/wasm.js runtime/run/sandbox.js \
	runtime/run/wasi.js runtime/run/random.js runtime/run/loader.js runtime/run/component.js runtime/run/argv.js \
	runtime/run/libraries.js runtime/run/cachedir.js runtime/run/codecache.js runtime/run/esm.js \
	runtime/run/signature.js runtime/run/wave.js runtime/run/typedmain.js
# What the runner's path rule costs.
EXTRA_DIST += bench/run.sh bench/paths.c bench/typed-run.sh
runtime/wasm32-wasi-run: runtime/wasm32-wasi-run.in Makefile
	$(AM_V_GEN)$(MKDIR_P) runtime && rm -f $@ $@.tmp && \
	$(edit) -e 's|@runmodulesdir[@]|$(abs_top_srcdir)/runtime/run|g' \
	  $(srcdir)/runtime/wasm32-wasi-run.in > $@.tmp && chmod +x $@.tmp && mv $@.tmp $@
# wasm32-wasi-run-binfmt, a link to the runner, is the interpreter that
# wasm32-wasi-binfmt registers: started by that name, the runner takes
# binfmt_misc's words (PROGRAM ARGV0 ARGS, the P flag) instead of options.
noinst_SCRIPTS = runtime/wasm32-wasi-run-binfmt
CLEANFILES += runtime/wasm32-wasi-run-binfmt
runtime/wasm32-wasi-run-binfmt: runtime/wasm32-wasi-run
	$(AM_V_GEN)rm -f $@ && $(LN_S) wasm32-wasi-run $@
install-exec-hook: install-runner
install-runner:
	$(edit) -e 's|@runmodulesdir[@]|$(runmodulesdir)|g' $(srcdir)/runtime/wasm32-wasi-run.in \
	  > $(DESTDIR)$(bindir)/wasm32-wasi-run.tmp && \
	chmod +x $(DESTDIR)$(bindir)/wasm32-wasi-run.tmp && \
	mv $(DESTDIR)$(bindir)/wasm32-wasi-run.tmp $(DESTDIR)$(bindir)/wasm32-wasi-run
	rm -f $(DESTDIR)$(bindir)/wasm32-wasi-run-binfmt && \
	$(LN_S) wasm32-wasi-run $(DESTDIR)$(bindir)/wasm32-wasi-run-binfmt
uninstall-hook: uninstall-runner-binfmt
uninstall-runner-binfmt:
	rm -f $(DESTDIR)$(bindir)/wasm32-wasi-run-binfmt
.PHONY: install-runner uninstall-runner-binfmt
