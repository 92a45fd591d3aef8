/* strong-aliases.c: at build time, makes the weak aliases of libc.so's objects strong, in place in their archive. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "wasm/wasm.h"

/*
 * strong-aliases ARCHIVE
 *
 * musl defines many functions twice, as an internal name and a weak alias
 * (__lseek and lseek). wasm-ld imports every weak definition of a dll from
 * the dll itself, so that another module could preempt it; our loader never
 * does (steps/dylink.c names such an import's module ".") and binds it with
 * a JavaScript closure, which each call then goes through. For an object of
 * a dll's archive, nothing is lost by making such an alias strong: a defined
 * function symbol that is weak, and whose function a global, non-weak
 * symbol of the same object defines too. Weak definitions of their own
 * (musl's dummies, aliases of a local function) stay weak, for a strong
 * definition elsewhere to win. The weak bit is the lowest of the flags'
 * first LEB128 byte: clearing it changes no size, so the archive is patched
 * where it lies, member by member, its symbol index unchanged.
 */

static size_t patch_object(unsigned char *bytes, size_t len, const char *where)
{
	struct wasm_section *secs;
	const struct wasm_section *linking;
	struct wasm_symbol *syms;
	struct wasm_error e = {0};
	struct wasm_cursor c;
	size_t n, nsyms, changed = 0;
	char *err = NULL;

	if (wasm_binary_kind(bytes, len) != WASM_CORE_MODULE)
		return 0;
	if (wasm_sections(bytes, len, WASM_CORE_MODULE, &secs, &n, &err) < 0)
		fatal("%s: %s", where, err);
	linking = wasm_find_custom(secs, n, "linking");
	if (!linking) {
		free(secs);
		return 0;
	}
	c = wasm_cursor(bytes, linking->content, linking->end, &e);
	free(secs);
	if (wasm_read_symbols(&c, &syms, &nsyms) < 0)
		fatal("%s: custom section 'linking': %s", where, wasm_error_str(&e));
	for (size_t i = 0; i < nsyms; i++) {
		const struct wasm_symbol *s = &syms[i];

		if (s->kind != WASM_SYMBOL_FUNCTION || (s->flags & (WASM_SYM_UNDEFINED | WASM_SYM_BINDING_LOCAL)) ||
		    !(s->flags & WASM_SYM_BINDING_WEAK))
			continue;
		for (size_t j = 0; j < nsyms; j++) {
			const struct wasm_symbol *t = &syms[j];

			if (t->kind == WASM_SYMBOL_FUNCTION && t->index == s->index &&
			    !(t->flags & (WASM_SYM_UNDEFINED | WASM_SYM_BINDING_LOCAL | WASM_SYM_BINDING_WEAK))) {
				bytes[s->flags_at] &= (unsigned char)~WASM_SYM_BINDING_WEAK;
				changed++;
				break;
			}
		}
	}
	free(syms);
	return changed;
}

/* The decimal field of an ar member header, at most width bytes. */
static size_t ar_field(const unsigned char *h, size_t width)
{
	size_t v = 0;

	for (size_t i = 0; i < width && h[i] >= '0' && h[i] <= '9'; i++)
		v = v * 10 + (size_t)(h[i] - '0');
	return v;
}

int main(int argc, char **argv)
{
	FILE *f;
	unsigned char *bytes;
	long size;
	size_t pos = 8, changed = 0;

	progname = "strong-aliases";
	if (argc != 2)
		usage_error("usage: strong-aliases ARCHIVE");
	if (!(f = fopen(argv[1], "r+b")) || fseek(f, 0, SEEK_END) < 0 || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) < 0)
		fatal("%s:", argv[1]);
	bytes = xcalloc(1, (size_t)size + 1);
	if (fread(bytes, 1, (size_t)size, f) != (size_t)size)
		fatal("%s: cannot read it", argv[1]);
	if (size < 8 || memcmp(bytes, "!<arch>\n", 8) != 0)
		fatal("%s: not an ar archive", argv[1]);
	/* members: a 60-byte header (size in bytes 48..57), data, padding to even */
	while (pos + 60 <= (size_t)size) {
		size_t len = ar_field(bytes + pos + 48, 10), data = pos + 60;

		if (data + len > (size_t)size)
			fatal("%s: a member runs past the end", argv[1]);
		changed += patch_object(bytes + data, len, argv[1]);
		pos = data + len + (len & 1);
	}
	if (fseek(f, 0, SEEK_SET) < 0 || fwrite(bytes, 1, (size_t)size, f) != (size_t)size || fclose(f) != 0)
		fatal("%s:", argv[1]);
	printf("%s: %zu weak aliases made strong\n", argv[1], changed);
	free(bytes);
	return 0;
}
