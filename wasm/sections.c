/* sections.c: the header and the section framing of modules and components. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "wasm.h"

enum wasm_binary wasm_binary_kind(const unsigned char *bytes, size_t len)
{
	if (len < WASM_HEADER_SIZE || memcmp(bytes, wasm_magic, 4) != 0)
		return WASM_NOT_WASM;
	if (memcmp(bytes + 4, wasm_module_version, 4) == 0)
		return WASM_CORE_MODULE;
	if (memcmp(bytes + 4, wasm_component_version, 4) == 0)
		return WASM_COMPONENT;
	return WASM_OTHER_VERSION;
}

/* Why bytes are not the binary wanted, allocated; NULL when they are. */
static char *header_problem(const unsigned char *bytes, size_t len, enum wasm_binary want)
{
	enum wasm_binary k = wasm_binary_kind(bytes, len);

	if (k == WASM_NOT_WASM)
		return wasm_xasprintf("is not a WebAssembly %s", want == WASM_COMPONENT ? "component" : "module");
	if (k == WASM_OTHER_VERSION)
		return wasm_xasprintf("has WebAssembly version 0x%02x%02x%02x%02x, not 1", bytes[7], bytes[6],
		                      bytes[5], bytes[4]);
	if (want == WASM_CORE_MODULE && k == WASM_COMPONENT)
		return wasm_xasprintf("is a component, not a core module");
	if (want == WASM_COMPONENT && k == WASM_CORE_MODULE)
		return wasm_xasprintf("is a core module, not a component");
	return NULL;
}

int wasm_sections(const unsigned char *bytes, size_t len, enum wasm_binary want, struct wasm_section **out,
                  size_t *n, char **err)
{
	struct wasm_error e = {0};
	struct wasm_cursor c = wasm_cursor(bytes, WASM_HEADER_SIZE, len, &e);

	*out = NULL;
	*n = 0;
	if ((*err = header_problem(bytes, len, want)))
		return -1;
	while (c.pos < c.end && !wasm_failed(&c)) {
		struct wasm_section s = {0};
		uint32_t size;

		s.start = c.pos;
		s.id = wasm_byte(&c);
		size = wasm_u32(&c);
		if (wasm_failed(&c))
			break;
		if (size > wasm_left(&c)) {
			wasm_fail(&c, "section %u of %u bytes ends past the end of the file (%zu bytes left)", s.id, size,
			          wasm_left(&c));
			break;
		}
		s.payload = s.content = c.pos;
		s.end = c.pos + size;
		if (s.id == 0) {
			struct wasm_cursor cc = wasm_cursor(bytes, s.payload, s.end, &e);

			s.name = wasm_get_name(&cc);
			s.content = cc.pos;
		}
		*WASM_PUSH(*out, *n) = s;
		c.pos = s.end;
	}
	if (wasm_failed(&c)) {
		*err = wasm_error_str(&e);
		wasm_error_free(&e);
		free(*out);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

const struct wasm_section *wasm_find_custom(const struct wasm_section *s, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (s[i].id == 0 && wasm_name_is(s[i].name, name))
			return &s[i];
	return NULL;
}

const struct wasm_section *wasm_find_section(const struct wasm_section *s, size_t n, unsigned id)
{
	for (size_t i = 0; i < n; i++)
		if (s[i].id == id)
			return &s[i];
	return NULL;
}

int wasm_has_custom(const unsigned char *bytes, size_t len, const char *name)
{
	struct wasm_section *s;
	size_t n;
	char *err;
	int r;

	if (wasm_sections(bytes, len, WASM_CORE_MODULE, &s, &n, &err) < 0) {
		free(err);
		return 0;
	}
	r = wasm_find_custom(s, n, name) != NULL;
	free(s);
	return r;
}
