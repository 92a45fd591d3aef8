## ports/local.mk: wasm32-wasi-port and its recipes (doc/ports.md).
bin_SCRIPTS += ports/wasm32-wasi-port
portsdir = $(pkgdatadir)/ports
dist_ports_DATA = ports/deb-src-entries \
	ports/bzip2.port ports/expat.port ports/freetype.port ports/libjpeg-turbo.port \
	ports/libpng.port ports/libxml2.port ports/oniguruma.port ports/openssl.port \
	ports/sqlite3.port ports/xz.port ports/zlib.port ports/zstd.port
EXTRA_DIST += ports/wasm32-wasi-port.in
CLEANFILES += ports/wasm32-wasi-port

ports/wasm32-wasi-port: ports/wasm32-wasi-port.in Makefile
	$(AM_V_GEN)$(MKDIR_P) ports && rm -f $@ $@.tmp && \
	$(edit) $(srcdir)/ports/wasm32-wasi-port.in > $@.tmp && chmod +x $@.tmp && mv $@.tmp $@
