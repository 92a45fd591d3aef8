/* dlls.c: reading the libraries of dynamic programs: which files are libraries, and their sonames. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dlls.h"
#include "fileio.h"

int dll_is_allocator(const struct wasm_module *m)
{
	const struct wasm_export *e = wasm_find_export(m, "memory");

	return e && e->kind == WASM_MEMORY;
}

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
	int dll, r = 0;

	memset(d, 0, sizeof(*d));
	if (file_read(path, &file, &why) < 0) {
		free(why); /* not readable: not a library */
		return 0;
	}
	d->bytes = file.p;
	d->len = file.len;
	d->path = xstrdup(path);
	/* not a module, or a relocatable object */
	if (wasm_binary_kind(file.p, file.len) != WASM_CORE_MODULE || wasm_is_object(file.p, file.len))
		goto out;
	dll = wasm_is_dll(file.p, file.len);
	if (wasm_read_module(&d->m, d->bytes, d->len, &why) < 0 ||
	    (dll && wasm_module_dylink(d->bytes, d->len, &d->dy, &why) < 0)) {
		if (dll) { /* else some other file: not ours to judge */
			*err = xasprintf("%s: %s", path, why);
			r = -1;
		}
		free(why);
		goto out;
	}
	d->allocator = !dll && dll_is_allocator(&d->m);
	if (!dll && !d->allocator)
		goto out;
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

char *dll_find_lib(const char *lib, const struct strvec *dirs)
{
	static const char *const suffixes[] = {".so", ".wasm"};

	for (size_t i = 0; i < dirs->len; i++)
		for (size_t k = 0; k < LEN(suffixes); k++) {
			char *p = xasprintf("%s/lib%s%s", dirs->v[i], lib, suffixes[k]);

			if (access(p, F_OK) == 0)
				return p;
			free(p);
		}
	return NULL;
}
