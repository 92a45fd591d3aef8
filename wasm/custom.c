/* custom.c: the project's own custom sections: the declared environment, a dll's soname, a component's libraries. */
#include <string.h>

#include "internal.h"
#include "wasm.h"

void wasm_put_env_section(struct wasm_buf *b, char *const *names, size_t n)
{
	struct wasm_buf c = {0};

	wasm_put_u32(&c, (uint32_t)n);
	for (size_t i = 0; i < n; i++)
		wasm_put_str(&c, names[i]);
	wasm_put_custom(b, WASM_ENV_SECTION, &c);
	wasm_buf_free(&c);
}

void wasm_put_soname_section(struct wasm_buf *b, const char *soname)
{
	struct wasm_buf c = {0};

	wasm_put_str(&c, soname);
	wasm_put_custom(b, WASM_SONAME_SECTION, &c);
	wasm_buf_free(&c);
}

void wasm_put_libraries_section(struct wasm_buf *b, const struct wasm_library *libs, size_t n)
{
	struct wasm_buf c = {0};

	wasm_put_u32(&c, (uint32_t)n);
	for (size_t i = 0; i < n; i++) {
		wasm_put_name(&c, libs[i].name.p, libs[i].name.len);
		wasm_put_u32(&c, libs[i].module);
	}
	wasm_put_custom(b, WASM_LIBRARIES_SECTION, &c);
	wasm_buf_free(&c);
}

int wasm_read_env_section(struct wasm_cursor *c, struct wasm_name **names, uint32_t *n)
{
	uint32_t count = wasm_count(c);

	*names = NULL;
	*n = 0;
	for (uint32_t i = 0; i < count && !wasm_failed(c); i++)
		*WASM_PUSH(*names, *n) = wasm_get_name(c);
	return wasm_expect_end(c, "the names") ? 0 : -1;
}

int wasm_read_soname_section(struct wasm_cursor *c, struct wasm_name *soname)
{
	*soname = wasm_get_name(c);
	return wasm_expect_end(c, "the soname") ? 0 : -1;
}

int wasm_read_libraries_section(struct wasm_cursor *c, struct wasm_library **libs, uint32_t *n)
{
	uint32_t count = wasm_count(c);

	*libs = NULL;
	*n = 0;
	for (uint32_t i = 0; i < count && !wasm_failed(c); i++) {
		struct wasm_library *l = WASM_PUSH(*libs, *n);

		l->name = wasm_get_name(c);
		l->module = wasm_u32(c);
	}
	return wasm_expect_end(c, "the libraries") ? 0 : -1;
}
