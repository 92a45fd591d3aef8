## runtime/site-hook.mk: the site file that makes CC=wasm32-wasi-cc ./configure a wasm32-wasi cross build.
EXTRA_DIST += runtime/site-hook.in
CLEANFILES += runtime/site-hook
all-local: runtime/site-hook
runtime/site-hook: runtime/site-hook.in Makefile
	$(AM_V_GEN)$(MKDIR_P) runtime && rm -f $@ $@.tmp && \
	$(edit) $(srcdir)/runtime/site-hook.in > $@.tmp && mv $@.tmp $@

# $(datadir)/config.site is the admin's if it is not ours: kept, with a word.
site_hook_marker = wasm32-wasi-cc site hook
install-site-hook: runtime/site-hook
	@dest='$(DESTDIR)$(datadir)/config.site'; \
	if test -f "$$dest" && ! grep -q '$(site_hook_marker)' "$$dest"; then \
	  echo "warning: $$dest is not wasm32-wasi-cc's and is kept: CC=wasm32-wasi-cc ./configure will need --host=wasm32-wasi" >&2; \
	else \
	  echo " $(MKDIR_P) '$(DESTDIR)$(datadir)'"; $(MKDIR_P) '$(DESTDIR)$(datadir)' && \
	  echo " $(INSTALL_DATA) runtime/site-hook '$$dest'"; $(INSTALL_DATA) runtime/site-hook "$$dest"; \
	fi
uninstall-site-hook:
	@dest='$(DESTDIR)$(datadir)/config.site'; \
	if test -f "$$dest" && grep -q '$(site_hook_marker)' "$$dest"; then echo " rm -f '$$dest'"; rm -f "$$dest"; fi
.PHONY: install-site-hook uninstall-site-hook
