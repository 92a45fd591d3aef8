/* dll-exports.c: the export rule of dlls, read from the symbol tables of the user's objects. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "fileio.h"
#include "util.h"
#include "versionscript.h"
#include "wasm/wasm.h"

/*
 * clang-19 gives wasm symbols hidden visibility by default, so a dll linked
 * as is exports nothing. The rule: if the user's objects define any symbol
 * of default visibility (WASM_PUBLIC, WASM_EXPORT, a visibility attribute)
 * or one marked for export (export_name), the linker exports exactly those
 * (wasm-ld does, for -shared); otherwise, for unannotated code such as
 * zlib, every global (not static) function and data symbol the user's
 * objects define is exported, as an ELF linker would. This step writes the
 * linker's words for the second case into a response file (nothing for the
 * first). Archives and other files on the link line are not the user's
 * objects and are skipped, as are words that name no readable file.
 * A version script (-Wl,--version-script=FILE, which libtool writes for
 * -export-symbols) decides instead: the global symbols its global:
 * patterns match are exported, whatever their visibility. It cannot hide
 * a symbol the source marks public, which wasm-ld exports from a dll.
 *
 * The symbol table is the linking section's (wasm/linking.c).
 */
struct symbols {
	struct strvec global;   /* defined, not local: exported under the ELF-like rule */
	int annotated;          /* some defined symbol is of default visibility or exported */
};

/*
 * The symbols of the object in bytes into s; 0 when it is not a wasm
 * module, -1 with *err set (what is wrong, and where) when it is malformed.
 */
static int scan_object(const unsigned char *bytes, size_t len, struct symbols *s, char **err)
{
	struct wasm_section *secs;
	const struct wasm_section *linking;
	struct wasm_symbol *syms = NULL;
	struct wasm_error e = {0};
	struct wasm_cursor c;
	size_t n, nsyms;

	if (wasm_binary_kind(bytes, len) != WASM_CORE_MODULE)
		return 0;
	if (wasm_sections(bytes, len, WASM_CORE_MODULE, &secs, &n, err) < 0)
		return -1;
	if (!(linking = wasm_find_custom(secs, n, "linking"))) {
		free(secs);
		return 1;
	}
	c = wasm_cursor(bytes, linking->content, linking->end, &e);
	free(secs);
	if (wasm_read_symbols(&c, &syms, &nsyms) < 0) {
		char *why = wasm_error_str(&e);

		*err = xasprintf("custom section 'linking': %s", why);
		free(why);
		wasm_error_free(&e);
		return -1;
	}
	for (size_t i = 0; i < nsyms; i++) {
		const struct wasm_symbol *y = &syms[i];

		if ((y->flags & (WASM_SYM_UNDEFINED | WASM_SYM_BINDING_LOCAL)) || !y->name.len ||
		    (y->kind != WASM_SYMBOL_FUNCTION && y->kind != WASM_SYMBOL_DATA))
			continue;
		if (!(y->flags & WASM_SYM_VISIBILITY_HIDDEN) || (y->flags & WASM_SYM_EXPORTED))
			s->annotated = 1;
		strvec_push(&s->global, xstrndup(y->name.p, y->name.len));
	}
	free(syms);
	return 1;
}

/* The value of --version-script (or -version-script) at argv[*i], or NULL. */
static const char *version_script_arg(int argc, char **argv, int *i)
{
	const char *w = argv[*i] + (argv[*i][1] == '-');

	if (strncmp(w, "-version-script", 15) != 0)
		return NULL;
	if (w[15] == '=')
		return w + 16;
	if (w[15] == '\0' && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

/* dll-exports -o OUTPUT WORD...: the export words for the objects among the words. */
int builtin_dll_exports(int argc, char **argv, char **err)
{
	struct symbols s = {0};
	struct version_script vs = {0};
	FILE *out;
	int r = -1;

	if (argc < 3 || strcmp(argv[1], "-o") != 0) {
		*err = xstrdup("usage: dll-exports -o OUTPUT [WORD...]");
		return -1;
	}
	for (int i = 3; i < argc; i++) {
		struct wasm_buf object;
		const char *script;
		char *why = NULL;

		if ((script = version_script_arg(argc, argv, &i))) {
			if (version_script_read(script, &vs, err) < 0)
				goto out;
			continue;
		}
		if (argv[i][0] == '-')
			continue;
		if (file_read(argv[i], &object, &why) < 0) {
			free(why); /* a library named by -l, say: not one of the user's objects */
			continue;
		}
		if (scan_object(object.p, object.len, &s, &why) < 0) {
			*err = xasprintf("%s: %s", argv[i], why);
			free(why);
			free(object.p);
			goto out;
		}
		free(object.p);
	}
	if (!(out = fopen(argv[2], "w"))) {
		*err = xasprintf("%s: %s", argv[2], strerror(errno));
		goto out;
	}
	for (size_t i = 0; i < s.global.len; i++)
		if (vs.given ? version_script_exports(&vs, s.global.v[i]) : !s.annotated)
			fprintf(out, "--export=%s\n", s.global.v[i]);
	if (fclose(out) != 0) {
		*err = xasprintf("%s: %s", argv[2], strerror(errno));
		goto out;
	}
	r = 0;
out:
	version_script_free(&vs);
	for (size_t i = 0; i < s.global.len; i++)
		free((char *)s.global.v[i]);
	strvec_free(&s.global);
	return r;
}
