/* witsteps.c: the builtins of a typed command (--wit=): its header, its glue, its world in the core module and its signature in the component. */
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "fileio.h"
#include "util.h"
#include "wit.h"

/*
 *   wit-header WIT OUTPUT         the C header (--emit=header)
 *   wit-glue WIT OUTPUT           the C glue the link compiles
 *   wit-embed WIT INPUT OUTPUT    the linked core module with the world as a
 *                                 component-type custom section, for jco new
 *   wit-main WIT INPUT OUTPUT     the component with the wasm32-wasi-cc.main
 *                                 custom section: the signature as JSON
 */

static int usage(char **err, const char *what)
{
	*err = xasprintf("usage: %s", what);
	return -1;
}

static int write_text(int argc, char **argv, char **err,
                      int (*gen)(const struct wit_world *, struct wasm_buf *, char **))
{
	struct wit_world w;
	struct wasm_buf b = {0};
	int r;

	if (argc != 3)
		return usage(err, "wit-header|wit-glue WIT OUTPUT");
	if (wit_load(argv[1], &w, err) < 0)
		return -1;
	r = gen(&w, &b, err);
	if (r == 0)
		r = file_write(argv[2], b.p, b.len, err);
	wasm_buf_free(&b);
	wit_free(&w);
	return r;
}

int builtin_wit_header(int argc, char **argv, char **err)
{
	return write_text(argc, argv, err, wit_write_header);
}

int builtin_wit_glue(int argc, char **argv, char **err)
{
	return write_text(argc, argv, err, wit_write_glue);
}

/* INPUT with one more custom section, made from the world, as OUTPUT. */
static int append(int argc, char **argv, char **err, enum wasm_binary kind, const char *section)
{
	struct wit_world w;
	struct wasm_buf in = {0};
	struct wasm_buf out = {0}, payload = {0};
	int r = -1;

	if (argc != 4)
		return usage(err, "wit-embed|wit-main WIT INPUT OUTPUT");
	if (wit_load(argv[1], &w, err) < 0)
		return -1;
	if (file_read(argv[2], &in, err) < 0)
		goto out;
	if (wasm_binary_kind(in.p, in.len) != kind) {
		*err = xasprintf("%s: not a WebAssembly %s", argv[2], kind == WASM_COMPONENT ? "component" : "module");
		goto out;
	}
	if (kind == WASM_CORE_MODULE) {
		if (wit_encode_world(&w, &payload, err) < 0)
			goto out;
	} else {
		wit_write_json(&w, &payload);
	}
	wasm_put(&out, in.p, in.len);
	wasm_put_custom(&out, section, &payload);
	r = file_write(argv[3], out.p, out.len, err);
out:
	free(in.p);
	wasm_buf_free(&out);
	wasm_buf_free(&payload);
	wit_free(&w);
	return r;
}

int builtin_wit_embed(int argc, char **argv, char **err)
{
	return append(argc, argv, err, WASM_CORE_MODULE, WASM_WORLD_SECTION);
}

int builtin_wit_main(int argc, char **argv, char **err)
{
	return append(argc, argv, err, WASM_COMPONENT, WASM_MAIN_SECTION);
}
