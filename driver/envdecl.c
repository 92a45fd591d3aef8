/* envdecl.c: the --env declaration, a custom section naming the variables a command may read. */
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "fileio.h"
#include "util.h"
#include "wasm.h"

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
	static const unsigned char magic[4] = {0, 'a', 's', 'm'};
	struct bytes module = {0}, payload = {0}, header = {0};
	int r = -1;

	if (argc < 3) {
		*err = xstrdup("usage: declare-env INPUT OUTPUT [NAME...]");
		return -1;
	}
	if (file_read(argv[1], &module, err) < 0)
		goto out;
	if (module.len < 8 || memcmp(module.p, magic, 4) != 0) {
		*err = xasprintf("%s: not a WebAssembly module or component", argv[1]);
		goto out;
	}
	wasm_emit_name(&payload, SECTION_NAME, strlen(SECTION_NAME));
	wasm_emit_u32(&payload, (uint32_t)(argc - 3));
	for (int i = 3; i < argc; i++)
		wasm_emit_name(&payload, argv[i], strlen(argv[i]));
	bytes_put(&header, "", 1); /* custom section id */
	wasm_emit_u32(&header, (uint32_t)payload.len);
	bytes_put(&module, header.p, header.len);
	bytes_put(&module, payload.p, payload.len);
	r = file_write(argv[2], module.p, module.len, err);
out:
	free(module.p);
	free(payload.p);
	free(header.p);
	return r;
}
