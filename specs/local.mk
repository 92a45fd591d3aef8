## specs/local.mk: the spec files, installed under $(pkgdatadir)/specs.
specs_DATA += \
	specs/allocator.yaml \
	specs/library.yaml \
	specs/allocators.yaml \
	specs/command.yaml \
	specs/dll.yaml \
	specs/dynamic.yaml \
	specs/linker.yaml \
	specs/roles.yaml \
	specs/steps.yaml \
	specs/toolchain.yaml
EXTRA_DIST += \
	specs/allocator.yaml \
	specs/library.yaml \
	specs/allocators.yaml \
	specs/command.yaml \
	specs/dll.yaml \
	specs/dynamic.yaml \
	specs/linker.yaml \
	specs/roles.yaml \
	specs/steps.yaml \
	specs/toolchain.yaml.in
CLEANFILES += specs/toolchain.yaml

specs/toolchain.yaml: specs/toolchain.yaml.in Makefile
	$(AM_V_GEN)$(MKDIR_P) specs && rm -f $@ $@.tmp && \
	$(edit) $(srcdir)/specs/toolchain.yaml.in > $@.tmp && mv $@.tmp $@
