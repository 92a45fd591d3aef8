/* dlls.c: reading the libraries of dynamic programs (what a library is: libraries.c), and their sonames. */
#include <stdlib.h>
#include <string.h>

#include "dlls.h"
#include "fileio.h"
#include "libraries.h"

/* The soname in the section so of d; -1 with *err set when malformed. */
static int read_soname(struct dll *d, const struct wasm_section *so, char **err)
{
	struct wasm_error e = {0};
	struct wasm_cursor c = wasm_cursor(d->bytes, so->content, so->end, &e);
	struct wasm_name nm;
	char *why;

	if (wasm_read_soname_section(&c, &nm) == 0 && (d->soname = wasm_name_dup(nm)))
		return 0;
	why = e.msg ? wasm_error_str(&e) : xstrdup("the soname contains NUL");
	*err = xasprintf("%s: custom section '%s': %s", d->path, WASM_SONAME_SECTION, why);
	free(why);
	wasm_error_free(&e);
	return -1;
}

int dll_read(const char *path, struct dll *d, char **err)
{
	const struct wasm_section *so;
	struct wasm_buf file;
	char *why = NULL;
	enum library_kind kind;
	int read, r = 0;

	memset(d, 0, sizeof(*d));
	if (file_read(path, &file, &why) < 0) {
		free(why); /* not readable: not a library */
		return 0;
	}
	d->bytes = file.p;
	d->len = file.len;
	d->path = xstrdup(path);
	read = wasm_read_module(&d->m, d->bytes, d->len, &why);
	kind = library_kind(d->bytes, d->len, read == 0 ? &d->m : NULL);
	if (kind == LIBRARY_NONE) /* some other file: not ours to judge */
		goto out;
	if (read < 0 || (library_is_dynamic(kind) && wasm_module_dylink(d->bytes, d->len, &d->dy, &why) < 0)) {
		*err = xasprintf("%s: %s", path, why);
		r = -1;
		goto out;
	}
	d->allocator = kind == LIBRARY_ALLOCATOR;
	if ((so = wasm_find_custom(d->m.sections, d->m.nsections, WASM_SONAME_SECTION))) {
		if (read_soname(d, so, err) < 0) {
			r = -1;
			goto out;
		}
	} else {
		d->soname = xstrdup(base_name(path));
	}
	r = 1;
out:
	free(why);
	if (r <= 0)
		dll_free(d);
	return r;
}

void dll_free(struct dll *d)
{
	free(d->path);
	free(d->soname);
	free(d->bytes);
	wasm_module_free(&d->m);
	wasm_dylink_free(&d->dy);
	memset(d, 0, sizeof(*d));
}
