/* envdecl.c: the --env declaration, a custom section naming the variables a command may read. */
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "fileio.h"
#include "util.h"
#include "wasm/wasm.h"

/*
 * Typed Main Level 0: the environment variables a command reads are fixed
 * at link time. The names go into a custom section at the top level of the
 * artifact, core module or component alike (both allow custom sections
 * anywhere), so that any tool can read them without knowing the layout:
 *
 *   section id 0, size, name "wasm32-wasi-cc.env", vec(name)
 *
 * where vec and name are the binary format's own: a LEB128 count, then per
 * name a LEB128 length and UTF-8 bytes.
 */
#define SECTION_NAME "wasm32-wasi-cc.env"

/* declare-env INPUT OUTPUT [NAME...]: OUTPUT is INPUT with the section appended. */
int builtin_declare_env(int argc, char **argv, char **err)
{
	struct bytes module = {0};
	struct wasm_buf out = {0}, names = {0};
	int r = -1;

	if (argc < 3) {
		*err = xstrdup("usage: declare-env INPUT OUTPUT [NAME...]");
		return -1;
	}
	if (file_read(argv[1], &module, err) < 0)
		goto out;
	if (wasm_binary_kind(module.p, module.len) == WASM_NOT_WASM) {
		*err = xasprintf("%s: not a WebAssembly module or component", argv[1]);
		goto out;
	}
	wasm_put(&out, module.p, module.len);
	wasm_put_u32(&names, (uint32_t)(argc - 3));
	for (int i = 3; i < argc; i++)
		wasm_put_str(&names, argv[i]);
	wasm_put_custom(&out, SECTION_NAME, &names);
	r = file_write(argv[2], out.p, out.len, err);
out:
	free(module.p);
	wasm_buf_free(&out);
	wasm_buf_free(&names);
	return r;
}
