## lib/local.mk: what the project's C programs share: the one error path and allocation that
## cannot fail (util.c), whole files in and out (fileio.c), memory freed all at once (pool.c).
noinst_LIBRARIES = lib/libcommon.a
lib_libcommon_a_SOURCES = lib/util.c lib/util.h lib/fileio.c lib/fileio.h lib/pool.c lib/pool.h

# libyaml from its source (configure --with-libyaml-source), where the
# compiler cannot link the system's (musl-gcc): its eight files, compiled as
# its own build does, with the version configure read from its configure.ac.
# Its warnings are its own: not ours to make errors of.
libyaml_sources =
if BUILD_LIBYAML
libyaml_sources += $(LIBYAML_SOURCE)/src/api.c $(LIBYAML_SOURCE)/src/dumper.c \
	$(LIBYAML_SOURCE)/src/emitter.c $(LIBYAML_SOURCE)/src/loader.c $(LIBYAML_SOURCE)/src/parser.c \
	$(LIBYAML_SOURCE)/src/reader.c $(LIBYAML_SOURCE)/src/scanner.c $(LIBYAML_SOURCE)/src/writer.c
lib/libyaml.a: $(libyaml_sources)
	$(AM_V_GEN)$(MKDIR_P) lib/yaml && rm -f $@ && \
	for src in $(libyaml_sources); do \
	  u=$${src##*/}; \
	  $(CC) $(CFLAGS) -w $(LIBYAML_CFLAGS) -I$(LIBYAML_SOURCE)/include \
	    -c $$src -o lib/yaml/$${u%.c}.$(OBJEXT) || exit 1; \
	done && \
	$(AR) cr $@ lib/yaml/*.$(OBJEXT) && $(RANLIB) $@
endif
clean-libyaml:
	rm -rf lib/yaml lib/libyaml.a
