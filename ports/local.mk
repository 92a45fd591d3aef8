## ports/local.mk: wasm32-wasi-port and its recipes (doc/ports.md).
bin_SCRIPTS += ports/wasm32-wasi-port
portsdir = $(pkgdatadir)/ports
dist_ports_DATA = ports/deb-src-entries ports/zlib.port ports/libpng.port
EXTRA_DIST += ports/wasm32-wasi-port.in
CLEANFILES += ports/wasm32-wasi-port

ports/wasm32-wasi-port: ports/wasm32-wasi-port.in Makefile
	$(AM_V_GEN)$(MKDIR_P) ports && rm -f $@ $@.tmp && \
	$(edit) $(srcdir)/ports/wasm32-wasi-port.in > $@.tmp && chmod +x $@.tmp && mv $@.tmp $@
