/* fuzz-wasm.c: a libFuzzer harness for the wasm reader (wasm/wasm.h) and the builtins that read objects. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "builtins.h"
#include "fileio.h"
#include "wasm/wasm.h"

/*
 * An input is a file such as the driver reads: a core module, a component
 * or an object. It goes through the reader's public API, then through
 * check-exports, dll-exports, declare-env and scan-env as the driver would run them
 * on that file. Whatever they say of it, none may crash or read astray.
 */

/* Our custom sections and the element segments' heads, of a module or a component, read as the driver reads them. */
static void read_sections(const uint8_t *data, size_t size)
{
	struct wasm_section *s = NULL;
	size_t n = 0;
	char *err = NULL;

	if (wasm_sections(data, size, 0, &s, &n, &err) < 0) {
		free(err);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		struct wasm_error e = {0};
		struct wasm_cursor c = wasm_cursor(data, s[i].content, s[i].end, &e);
		struct wasm_name *names = NULL, soname;
		struct wasm_library *libs = NULL;
		uint32_t count, global;
		int32_t addend;

		if (s[i].id == WASM_SEC_CUSTOM && wasm_name_is(s[i].name, WASM_ENV_SECTION))
			(void)wasm_read_env_section(&c, &names, &count);
		else if (s[i].id == WASM_SEC_CUSTOM && wasm_name_is(s[i].name, WASM_SONAME_SECTION))
			(void)wasm_read_soname_section(&c, &soname);
		else if (s[i].id == WASM_SEC_CUSTOM && wasm_name_is(s[i].name, WASM_LIBRARIES_SECTION))
			(void)wasm_read_libraries_section(&c, &libs, &count);
		else if (s[i].id == WASM_SEC_ELEMENT && wasm_count(&c))
			(void)wasm_read_elem_head(&c, &global, &addend);
		free(names);
		free(libs);
		wasm_error_free(&e);
	}
	free(s);
}

/* Every export of m looked up through its export index, if it has one, as the runner looks them up. */
static void find_exports(const struct wasm_module *m, const uint8_t *data)
{
	const struct wasm_section *ix = wasm_find_custom(m->sections, m->nsections, WASM_EXPORT_INDEX_SECTION);
	const struct wasm_section *ex = wasm_find_section(m->sections, m->nsections, WASM_SEC_EXPORT);
	struct wasm_export_index index;
	struct wasm_error e = {0};
	struct wasm_cursor c;

	if (!ix || !ex)
		return;
	c = wasm_cursor(data, ix->content, ix->end, &e);
	if (wasm_read_export_index_section(&c, &index) == 0)
		for (uint32_t i = 0; i < m->nexports; i++)
			(void)wasm_export_index_find(&index, data + ex->payload, ex->end - ex->payload, m->exports[i].name.p,
			                             m->exports[i].name.len);
	wasm_error_free(&e);
}

static void read_module(const uint8_t *data, size_t size)
{
	struct wasm_module m = {0};
	struct wasm_section span;
	struct wasm_dylink dy = {0};
	char *err = NULL;

	if (wasm_read_module(&m, data, size, &err) == 0) {
		for (uint32_t f = 0; f < m.nfuncs; f++) {
			const struct wasm_functype *t = wasm_func_type(&m, f);

			if (t)
				free(wasm_functype_str(t));
		}
		for (uint32_t i = 0; i < m.nexports; i++)
			free(wasm_name_str(m.exports[i].name));
		for (uint32_t i = 0; i < m.ncustoms; i++)
			free(wasm_name_str(m.customs[i]));
		wasm_find_export(&m, "_start");
		find_exports(&m, data);
	}
	free(err);
	wasm_module_free(&m);
	err = NULL;
	if (wasm_component_find(data, size, WASM_COMPONENT_CORE_MODULE, &span, &err) < 0)
		free(err);
	err = NULL;
	if (wasm_module_dylink(data, size, &dy, &err) < 0)
		free(err);
	wasm_dylink_free(&dy);
	(void)wasm_has_custom(data, size, "dylink.0");
	read_sections(data, size);
}

/* A path that names a memory file holding bytes[0..n); *fd to close. */
static void memory_file(const uint8_t *bytes, size_t n, char path[64], int *fd)
{
	*fd = memfd_create("input", 0);
	if (*fd < 0 || write(*fd, bytes, n) != (ssize_t)n)
		abort();
	snprintf(path, 64, "/proc/self/fd/%d", *fd);
}

static void run_builtin(builtin_fn *fn, int argc, char **argv)
{
	char *err = NULL;

	if (fn(argc, argv, &err) < 0)
		free(err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char in[64], out[64];
	int in_fd, out_fd;

	read_module(data, size);

	memory_file(data, size, in, &in_fd);
	memory_file(NULL, 0, out, &out_fd);
	run_builtin(builtin_check_exports, 4, (char *[]){"check-exports", in, "_start", "memory", NULL});
	run_builtin(builtin_dll_exports, 4, (char *[]){"dll-exports", "-o", out, in, NULL});
	run_builtin(builtin_declare_env, 5, (char *[]){"declare-env", in, out, "HOME", "LANG", NULL});
	run_builtin(builtin_scan_env, 5, (char *[]){"scan-env", "--strip-all", "-o", out, in, NULL});
	close(in_fd);
	close(out_fd);
	return 0;
}
