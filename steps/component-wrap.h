/* wrap.h: the templates of the component wrap (runtime/wrap.mk), for the steps that make command components. */
#ifndef WRAP_H
#define WRAP_H

#include "fileio.h"
#include "wasm/wasm.h"

/*
 * The smallest template in dir that fits the command module m (read from
 * file, named in errors): its bytes into *tmpl and its stand-in module's
 * section into *sp. The rules are steps/component-wrap.c's. -1 with *err set.
 */
int wrap_template(const char *dir, const struct wasm_module *m, const char *file, struct wasm_buf *tmpl,
                  struct wasm_section *sp, char **err);

#endif
