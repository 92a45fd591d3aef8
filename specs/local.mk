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
