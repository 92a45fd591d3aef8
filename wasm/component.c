/* component.c: the sections of a component: finding them, reading core instances, shifting indices. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "wasm.h"

int wasm_component_find(const unsigned char *bytes, size_t len, unsigned id, struct wasm_section *out, char **err)
{
	struct wasm_section *s;
	const struct wasm_section *found;
	size_t n;

	if (wasm_sections(bytes, len, WASM_COMPONENT, &s, &n, err) < 0)
		return -1;
	if ((found = wasm_find_section(s, n, id)))
		*out = *found;
	free(s);
	return found != NULL;
}

/*
 * Shifting the core module and core instance indices of a component's
 * top-level sections, for a writer that inserts modules and instances
 * before existing ones. Sorts (Binary.md): 0x00 then a core sort (0x00
 * func, 0x01 table, 0x02 memory, 0x03 global, 0x10 type, 0x11 module, 0x12
 * instance), or a component sort (0x01 func .. 0x05 instance).
 */
static uint32_t shifted(const struct wasm_shift *sh, unsigned core_sort, uint32_t idx)
{
	if (core_sort == WASM_CORE_SORT_MODULE && idx >= sh->module_from)
		return idx + sh->module_by;
	if (core_sort == WASM_CORE_SORT_INSTANCE && idx >= sh->instance_from)
		return idx + sh->instance_by;
	return idx;
}

/* What copies one item from c to out, shifting the indices it holds. */
typedef void copier(struct wasm_cursor *c, const struct wasm_shift *sh, struct wasm_buf *out);

/* A core sort byte and an index, copied with the index shifted. */
static void core_sortidx(struct wasm_cursor *c, const struct wasm_shift *sh, struct wasm_buf *out)
{
	unsigned sort = wasm_byte(c);
	uint32_t idx = wasm_u32(c);

	wasm_put_byte(out, sort);
	wasm_put_u32(out, shifted(sh, sort, idx));
}

/* A component sortidx, copied with a core module or instance index shifted. */
static void sortidx(struct wasm_cursor *c, const struct wasm_shift *sh, struct wasm_buf *out)
{
	unsigned sort = wasm_byte(c);

	wasm_put_byte(out, sort);
	if (sort == 0x00)
		core_sortidx(c, sh, out);
	else
		wasm_put_u32(out, wasm_u32(c));
}

/* A name, copied (sh unused: a copier). */
static void copy_name(struct wasm_cursor *c, const struct wasm_shift *sh, struct wasm_buf *out)
{
	struct wasm_name n = wasm_get_name(c);

	wasm_put_name(out, n.p, n.len);
}

static void alias_entry(struct wasm_cursor *c, const struct wasm_shift *sh, struct wasm_buf *out)
{
	unsigned sort = wasm_byte(c), target;

	wasm_put_byte(out, sort);
	if (sort == 0x00)
		wasm_put_byte(out, wasm_byte(c));
	target = wasm_byte(c);
	wasm_put_byte(out, target);
	switch (target) {
	case 0x00: /* a component instance's export */
		wasm_put_u32(out, wasm_u32(c));
		copy_name(c, sh, out);
		break;
	case 0x01: /* a core instance's export */
		wasm_put_u32(out, shifted(sh, WASM_CORE_SORT_INSTANCE, wasm_u32(c)));
		copy_name(c, sh, out);
		break;
	case 0x02: /* outer */
		wasm_put_u32(out, wasm_u32(c));
		wasm_put_u32(out, wasm_u32(c));
		break;
	default:
		if (!wasm_failed(c)) {
			c->pos--;
			wasm_fail(c, "alias target 0x%02x is not known", target);
		}
	}
}

static void aliases(struct wasm_cursor *c, const struct wasm_shift *sh, struct wasm_buf *out)
{
	uint32_t n = wasm_count(c);

	wasm_put_u32(out, n);
	for (uint32_t i = 0; i < n && !wasm_failed(c); i++)
		alias_entry(c, sh, out);
}

/* An exportname': a byte (0x00, or 0x01 with a version), then the name. */
static void exportname(struct wasm_cursor *c, const struct wasm_shift *sh, struct wasm_buf *out)
{
	unsigned kind = wasm_byte(c);

	if (kind > 1)
		wasm_fail(c, "export name kind 0x%02x is not known", kind);
	wasm_put_byte(out, kind);
	copy_name(c, sh, out);
}

/* A vector of (name, index) pairs, copied. */
static void copy_pairs(struct wasm_cursor *c, const struct wasm_shift *sh, struct wasm_buf *out, copier *name,
                       copier *index)
{
	uint32_t count = wasm_count(c);

	wasm_put_u32(out, count);
	for (uint32_t k = 0; k < count && !wasm_failed(c); k++) {
		name(c, sh, out);
		index(c, sh, out);
	}
}

/* n entries of a core instance section (core) or an instance section: instantiations, or of exports. */
static void instance_entries(struct wasm_cursor *c, uint32_t n, int core, const struct wasm_shift *sh,
                             struct wasm_buf *out)
{
	copier *index = core ? core_sortidx : sortidx;

	for (uint32_t i = 0; i < n && !wasm_failed(c); i++) {
		unsigned kind = wasm_byte(c);

		wasm_put_byte(out, kind);
		if (kind == 0x00) {
			uint32_t module = wasm_u32(c);

			wasm_put_u32(out, core ? shifted(sh, WASM_CORE_SORT_MODULE, module) : module);
			copy_pairs(c, sh, out, copy_name, index);
		} else if (kind == 0x01) {
			copy_pairs(c, sh, out, core ? copy_name : exportname, index);
		} else {
			wasm_fail(c, "%sinstance kind 0x%02x is not known", core ? "core " : "", kind);
		}
	}
}

static void instances(struct wasm_cursor *c, int core, const struct wasm_shift *sh, struct wasm_buf *out)
{
	uint32_t n = wasm_count(c);

	wasm_put_u32(out, n);
	instance_entries(c, n, core, sh, out);
}

static void exports(struct wasm_cursor *c, const struct wasm_shift *sh, struct wasm_buf *out)
{
	uint32_t n = wasm_count(c);

	wasm_put_u32(out, n);
	for (uint32_t i = 0; i < n && !wasm_failed(c); i++) {
		unsigned typed;

		exportname(c, sh, out);
		sortidx(c, sh, out);
		typed = wasm_byte(c);
		if (typed != 0x00)
			wasm_fail(c, "an export with a type ascription is not supported");
		wasm_put_byte(out, typed);
	}
}

int wasm_component_shift(const unsigned char *bytes, const struct wasm_section *s, const struct wasm_shift *sh,
                         struct wasm_buf *out, char **err)
{
	struct wasm_error e = {0};
	struct wasm_cursor c = wasm_cursor(bytes, s->payload, s->end, &e);
	struct wasm_buf payload = {0};

	if (s->id == WASM_COMPONENT_CORE_INSTANCE || s->id == WASM_COMPONENT_INSTANCE) {
		instances(&c, s->id == WASM_COMPONENT_CORE_INSTANCE, sh, &payload);
	} else if (s->id == WASM_COMPONENT_ALIAS) {
		aliases(&c, sh, &payload);
	} else if (s->id == WASM_COMPONENT_EXPORT) {
		exports(&c, sh, &payload);
	} else {
		wasm_put(out, bytes + s->start, s->end - s->start);
		return 0;
	}
	wasm_expect_end(&c, "section");
	if (wasm_failed(&c)) {
		*err = wasm_error_str(&e);
		wasm_error_free(&e);
		wasm_buf_free(&payload);
		return -1;
	}
	wasm_put_section(out, s->id, &payload);
	wasm_buf_free(&payload);
	return 0;
}

int wasm_read_core_instances(const unsigned char *bytes, const struct wasm_section *s,
                             struct wasm_core_instance **out, size_t *n, char **err)
{
	struct wasm_error e = {0};
	struct wasm_cursor c = wasm_cursor(bytes, s->payload, s->end, &e);
	uint32_t count = wasm_count(&c);

	*out = NULL;
	*n = 0;
	for (uint32_t i = 0; i < count && !wasm_failed(&c); i++) {
		struct wasm_core_instance *in = WASM_PUSH(*out, *n);
		uint32_t nargs;

		in->start = c.pos;
		in->kind = wasm_byte(&c);
		if (in->kind == 0x00)
			in->module = wasm_u32(&c);
		else if (in->kind != 0x01)
			wasm_fail(&c, "core instance kind 0x%02x is not known", in->kind);
		nargs = wasm_count(&c);
		for (uint32_t k = 0; k < nargs && !wasm_failed(&c); k++) {
			struct wasm_core_arg *a = WASM_PUSH(in->args, in->nargs);

			a->name = wasm_get_name(&c);
			a->sort = wasm_byte(&c);
			a->index = wasm_u32(&c);
		}
		in->end = c.pos;
	}
	wasm_expect_end(&c, "core instance section");
	if (wasm_failed(&c)) {
		*err = wasm_error_str(&e);
		wasm_error_free(&e);
		wasm_core_instances_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void wasm_core_instances_free(struct wasm_core_instance *in, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(in[i].args);
	free(in);
}

int wasm_alias_counts(const unsigned char *bytes, const struct wasm_section *s, uint32_t *modules,
                      uint32_t *instances, char **err)
{
	struct wasm_error e = {0};
	struct wasm_cursor c = wasm_cursor(bytes, s->payload, s->end, &e);
	struct wasm_buf copy = {0};
	const struct wasm_shift none = {0, 0, 0, 0};
	uint32_t n = wasm_count(&c);

	for (uint32_t i = 0; i < n && !wasm_failed(&c); i++) {
		size_t at = copy.len;

		alias_entry(&c, &none, &copy);
		if (!wasm_failed(&c) && copy.p[at] == 0x00) {
			*modules += copy.p[at + 1] == WASM_CORE_SORT_MODULE;
			*instances += copy.p[at + 1] == WASM_CORE_SORT_INSTANCE;
		}
	}
	wasm_buf_free(&copy);
	wasm_expect_end(&c, "alias section");
	if (wasm_failed(&c)) {
		*err = wasm_error_str(&e);
		wasm_error_free(&e);
		return -1;
	}
	return 0;
}

int wasm_core_instances_shift(const unsigned char *bytes, const struct wasm_section *s, size_t from, size_t to,
                              const struct wasm_shift *sh, struct wasm_buf *out, char **err)
{
	struct wasm_core_instance *in;
	struct wasm_error e = {0};
	struct wasm_cursor c;
	struct wasm_buf payload = {0};
	size_t count;
	int r = 0;

	if (wasm_read_core_instances(bytes, s, &in, &count, err) < 0)
		return -1;
	if (to > count)
		to = count;
	if (from >= to) {
		wasm_core_instances_free(in, count);
		return 0;
	}
	c = wasm_cursor(bytes, in[from].start, in[to - 1].end, &e);
	wasm_core_instances_free(in, count);
	wasm_put_u32(&payload, (uint32_t)(to - from));
	instance_entries(&c, (uint32_t)(to - from), 1, sh, &payload);
	if (wasm_expect_end(&c, "section")) {
		wasm_put_section(out, WASM_COMPONENT_CORE_INSTANCE, &payload);
	} else {
		*err = wasm_error_str(&e);
		r = -1;
	}
	wasm_error_free(&e);
	wasm_buf_free(&payload);
	return r;
}
