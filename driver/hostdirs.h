/* hostdirs.h: noticing -I, -isystem and -L that name the build machine's own directories. */
#ifndef HOSTDIRS_H
#define HOSTDIRS_H

#include "options.h"
#include "spec.h"

/*
 * Warns once, naming every such flag (or, with -Werror=host-dirs, fails)
 * when a directory flag names one of the spec's `host-dirs` or what is
 * under them, but for wasm32-wasi's own directories there.
 */
void check_host_dirs(const struct invocation *inv, const struct node *spec);

#endif
