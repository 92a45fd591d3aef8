## specs/local.mk: the spec files, installed under $(pkgdatadir)/specs.
static_specs = \
	specs/allocator.yaml \
	specs/allocators.yaml \
	specs/command.yaml \
	specs/dll.yaml \
	specs/dynamic.yaml \
	specs/library.yaml \
	specs/linker.yaml \
	specs/roles.yaml \
	specs/steps.yaml \
	specs/typed-command.yaml
specs_DATA += $(static_specs) specs/toolchain.yaml
EXTRA_DIST += $(static_specs) specs/toolchain.yaml.in
CLEANFILES += specs/toolchain.yaml

specs/toolchain.yaml: specs/toolchain.yaml.in Makefile
	$(AM_V_GEN)$(MKDIR_P) specs && rm -f $@ $@.tmp && \
	$(edit) $(srcdir)/specs/toolchain.yaml.in > $@.tmp && mv $@.tmp $@

# The installed specs parsed once (driver/speccache.c): the driver reads the
# cache instead of the YAML while the files stay as installed.
install-spec-cache: driver/wasm32-wasi-cc$(EXEEXT)
	driver/wasm32-wasi-cc$(EXEEXT) -write-spec-cache='$(DESTDIR)$(specsdir)'
uninstall-spec-cache:
	rm -f '$(DESTDIR)$(specsdir)/specs.cache'
.PHONY: install-spec-cache uninstall-spec-cache
