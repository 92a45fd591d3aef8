/* dylink.c: the dylink.0 custom section of dlls and dynamic executables (doc/dynamic-linking-abi.md). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "wasm.h"

static void name_list(struct wasm_cursor *c, struct wasm_name **names, uint32_t *n)
{
	uint32_t count = wasm_count(c);

	*names = wasm_xrealloc(*names, (size_t)*n + count, sizeof(**names));
	for (uint32_t i = 0; i < count && !wasm_failed(c); i++)
		(*names)[(*n)++] = wasm_get_name(c);
}

int wasm_read_dylink(struct wasm_cursor *c, struct wasm_dylink *d)
{
	memset(d, 0, sizeof(*d));
	while (c->pos < c->end && !wasm_failed(c)) {
		struct wasm_subsection *s = WASM_PUSH(d->subs, d->nsubs);
		uint32_t size, n;
		struct wasm_cursor sub;

		s->id = wasm_byte(c);
		size = wasm_u32(c);
		sub = wasm_sub(c, size, "dylink.0 subsection");
		s->payload = sub.pos;
		s->end = sub.end;
		switch (s->id) {
		case WASM_DYLINK_MEM_INFO:
			d->mem_size = wasm_u32(&sub);
			d->mem_align = wasm_u32(&sub);
			d->table_size = wasm_u32(&sub);
			d->table_align = wasm_u32(&sub);
			break;
		case WASM_DYLINK_NEEDED:
			name_list(&sub, &d->needed, &d->nneeded);
			break;
		case WASM_DYLINK_RUNTIME_PATH:
			name_list(&sub, &d->runpath, &d->nrunpath);
			break;
		case WASM_DYLINK_EXPORT_INFO:
			n = wasm_count(&sub);
			for (uint32_t i = 0; i < n && !wasm_failed(&sub); i++) {
				struct wasm_dylink_export *e = WASM_PUSH(d->exports, d->nexports);

				e->name = wasm_get_name(&sub);
				e->flags = wasm_u32(&sub);
			}
			break;
		case WASM_DYLINK_IMPORT_INFO:
			n = wasm_count(&sub);
			for (uint32_t i = 0; i < n && !wasm_failed(&sub); i++) {
				struct wasm_dylink_import *im = WASM_PUSH(d->imports, d->nimports);

				im->module = wasm_get_name(&sub);
				im->field = wasm_get_name(&sub);
				im->flags = wasm_u32(&sub);
			}
			break;
		default:
			sub.pos = sub.end; /* a subsection of a later convention: kept as it is */
		}
		wasm_expect_end(&sub, "dylink.0 subsection");
	}
	return wasm_failed(c) ? -1 : 0;
}

void wasm_dylink_free(struct wasm_dylink *d)
{
	free(d->needed);
	free(d->runpath);
	free(d->imports);
	free(d->exports);
	free(d->subs);
	memset(d, 0, sizeof(*d));
}

int wasm_module_dylink(const unsigned char *bytes, size_t len, struct wasm_dylink *d, char **err)
{
	struct wasm_section *s;
	const struct wasm_section *dy;
	struct wasm_error e = {0};
	size_t n;
	int r = 0;

	memset(d, 0, sizeof(*d));
	if (wasm_sections(bytes, len, WASM_CORE_MODULE, &s, &n, err) < 0)
		return -1;
	if ((dy = wasm_find_custom(s, n, "dylink.0"))) {
		struct wasm_cursor c = wasm_cursor(bytes, dy->content, dy->end, &e);

		r = 1;
		if (wasm_read_dylink(&c, d) < 0) {
			char *why = wasm_error_str(&e);

			*err = wasm_xasprintf("custom section 'dylink.0': %s", why);
			free(why);
			wasm_error_free(&e);
			wasm_dylink_free(d);
			r = -1;
		}
	}
	free(s);
	return r;
}

uint32_t wasm_dylink_import_flags(const struct wasm_dylink *d, struct wasm_name module, struct wasm_name field)
{
	for (uint32_t i = 0; i < d->nimports; i++)
		if (wasm_name_equal(d->imports[i].module, module) && wasm_name_equal(d->imports[i].field, field))
			return d->imports[i].flags;
	return 0;
}

void wasm_put_name_list(struct wasm_buf *b, unsigned id, char *const *names, size_t n)
{
	struct wasm_buf list = {0};

	if (!n)
		return;
	wasm_put_u32(&list, (uint32_t)n);
	for (size_t i = 0; i < n; i++)
		wasm_put_str(&list, names[i]);
	wasm_put_section(b, id, &list);
	wasm_buf_free(&list);
}

void wasm_put_dylink_relinked(struct wasm_buf *b, const unsigned char *bytes, const struct wasm_dylink *d,
                              char *const *needed, size_t nneeded, char *const *runpath, size_t nrunpath)
{
	struct wasm_buf payload = {0};
	int needed_done = 0;

	for (size_t i = 0; i < d->nsubs; i++) {
		const struct wasm_subsection *s = &d->subs[i];

		if (s->id >= WASM_DYLINK_NEEDED && !needed_done) {
			wasm_put_name_list(&payload, WASM_DYLINK_NEEDED, needed, nneeded);
			needed_done = 1;
		}
		if (s->id == WASM_DYLINK_NEEDED || s->id == WASM_DYLINK_RUNTIME_PATH)
			continue;
		wasm_put_section_bytes(&payload, s->id, bytes + s->payload, s->end - s->payload);
	}
	if (!needed_done)
		wasm_put_name_list(&payload, WASM_DYLINK_NEEDED, needed, nneeded);
	wasm_put_name_list(&payload, WASM_DYLINK_RUNTIME_PATH, runpath, nrunpath);
	wasm_put_custom(b, "dylink.0", &payload);
	wasm_buf_free(&payload);
}
