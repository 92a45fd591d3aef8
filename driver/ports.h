/* ports.h: where wasm32-wasi-port installs libraries, and what --use-port=NAME adds. */
#ifndef PORTS_H
#define PORTS_H

#include "options.h"
#include "spec.h"

/*
 * The port prefixes, searched in this order; the first is where
 * wasm32-wasi-port installs: $WASM32_WASI_PORTS alone when set; else the
 * user's ($HOME/.local/wasm32-wasi, unless root) then the system's (the
 * spec's `ports-prefix`). The one definition of both.
 */
void port_dirs(const struct invocation *inv, const struct node *spec, struct strvec *dirs);

/*
 * The search words of the port prefixes that exist: -isystem DIR/include,
 * -LDIR/lib and -rpath DIR/lib, for ${port-includes},
 * ${port-library-dirs} and ${port-rpath} (rpath may be NULL). The last
 * records the prefixes in a dynamic executable's or dll's RUNTIME_PATH,
 * where the runner's loader finds the ports' dlls, as ld.so finds
 * /usr/local/lib's.
 */
void port_search_words(const struct invocation *inv, const struct node *spec,
                       struct strvec *includes, struct strvec *libdirs, struct strvec *rpath);

/*
 * --use-port=NAME...: the compile flags and link words of each installed
 * port, from its .pc file (share/wasm32-wasi-port/NAME.pc, which requires
 * the library's own), added to inv. A port not installed is fatal.
 */
void use_ports(struct invocation *inv, const struct node *spec);

#endif
