/* summary.c: the test fixture that wasm/ writes, and what wasm/ reads of a binary as runtime/run/wasm.js reads it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasm.h"

/*
 * wasm-summary --fixture OUT: writes tests/fixtures/wasm/fixture.wasm, a
 * component made with the writer: two core modules (an executable with a
 * stack pointer, a dll with dylink.0, its soname and export index), core instances, an
 * alias, and the custom sections the runner reads.
 * wasm-summary FILE: prints what the runner reads of FILE (its kind, its
 * sections, the declared environment, the embedded libraries and, of each
 * core module, dylink.0, tags and the stack pointer), line for line as
 * tests/fixtures/wasm/summary.js prints it with runtime/run/wasm.js.
 */

static void die(const char *what, const char *why)
{
	fprintf(stderr, "wasm-summary: %s: %s\n", what, why);
	exit(1);
}

/* ---------------------------------------------------------------- fixture */

static void executable(struct wasm_buf *out)
{
	static const struct wasm_functype void_fn = {NULL, NULL, 0, 0};
	struct wasm_builder b = {0};
	struct wasm_buf body = {0};

	wasm_builder_global(&b, WASM_I32, 1, 65536); /* wasm-ld's stack pointer, first */
	wasm_builder_export(&b, (struct wasm_name){"base", 4}, WASM_GLOBAL, wasm_builder_global(&b, WASM_I32, 0, 1024));
	wasm_call(&body, 1);
	wasm_builder_export(&b, (struct wasm_name){"_start", 6}, WASM_FUNC, wasm_builder_func(&b, &void_fn, &body));
	wasm_buf_free(&body);
	wasm_op(&body, WASM_OP_UNREACHABLE);
	wasm_builder_func(&b, &void_fn, &body);
	b.memory = 1;
	wasm_builder_finish(&b, out);
	wasm_buf_free(&body);
}

static void dll(struct wasm_buf *out)
{
	static const unsigned char i32[] = {WASM_I32};
	static const struct wasm_functype get = {NULL, i32, 0, 1};
	char *needed[] = {"libc.so"}, *runpath[] = {"$ORIGIN/lib"};
	struct wasm_builder b = {0};
	struct wasm_buf module = {0}, dylink = {0}, sub = {0}, body = {0};
	struct wasm_import base = {.name = {"__memory_base", 13}, .kind = WASM_GLOBAL, .valtype = WASM_I32};
	struct wasm_module m;
	char *err = NULL;

	wasm_builder_import(&b, "env", &base);
	wasm_global_get(&body, 0);
	wasm_i32_const(&body, 16);
	wasm_op(&body, WASM_OP_I32_ADD);
	wasm_builder_export(&b, (struct wasm_name){"get", 3}, WASM_FUNC, wasm_builder_func(&b, &get, &body));
	wasm_builder_finish(&b, &module);
	wasm_put_u32(&sub, 16); /* memory size and alignment, table size and alignment */
	wasm_put_u32(&sub, 2);
	wasm_put_u32(&sub, 1);
	wasm_put_u32(&sub, 0);
	wasm_put_section(&dylink, WASM_DYLINK_MEM_INFO, &sub);
	wasm_put_name_list(&dylink, WASM_DYLINK_NEEDED, needed, 1);
	wasm_put_name_list(&dylink, WASM_DYLINK_RUNTIME_PATH, runpath, 1);
	/* dylink.0 first, the soname and the export index last */
	wasm_put_header(out, 0);
	wasm_put_custom(out, "dylink.0", &dylink);
	wasm_put(out, module.p + WASM_HEADER_SIZE, module.len - WASM_HEADER_SIZE);
	wasm_put_soname_section(out, "libx.so");
	if (wasm_read_module(&m, module.p, module.len, &err) < 0)
		die("the fixture's dll", err);
	wasm_put_export_index_section(out, &m, module.p);
	wasm_module_free(&m);
	wasm_buf_free(&module);
	wasm_buf_free(&dylink);
	wasm_buf_free(&sub);
	wasm_buf_free(&body);
}

static void fixture(const char *path)
{
	char *env[] = {"HOME", "LANG"};
	const struct wasm_library libs[] = {{{"", 0}, 0}, {{"libx.so", 7}, 1}};
	struct wasm_buf out = {0}, m = {0}, s = {0};
	struct wasm_core_args a = {0};
	FILE *f;

	wasm_put_header(&out, 1);
	executable(&m);
	wasm_put_section(&out, WASM_COMPONENT_CORE_MODULE, &m);
	dll(&m);
	wasm_put_section(&out, WASM_COMPONENT_CORE_MODULE, &m);
	/* the executable's instance; its global base as the dll's __memory_base; the dll's instance */
	wasm_put_u32(&s, 1);
	wasm_put_core_instantiate(&s, 0, &a);
	wasm_put_section(&out, WASM_COMPONENT_CORE_INSTANCE, &s);
	wasm_put_u32(&s, 1);
	wasm_put_alias_core_export(&s, WASM_GLOBAL, 0, "base");
	wasm_put_section(&out, WASM_COMPONENT_ALIAS, &s);
	wasm_put_u32(&s, 2);
	wasm_core_arg_str(&a, "__memory_base", WASM_GLOBAL, 0);
	wasm_put_core_instance_exports(&s, &a);
	wasm_core_arg_str(&a, "env", WASM_CORE_SORT_INSTANCE, 1);
	wasm_put_core_instantiate(&s, 1, &a);
	wasm_put_section(&out, WASM_COMPONENT_CORE_INSTANCE, &s);
	wasm_put_u32(&s, 1);
	wasm_put_alias_core_export(&s, WASM_FUNC, 2, "get");
	wasm_put_section(&out, WASM_COMPONENT_ALIAS, &s);
	wasm_put_env_section(&out, env, 2);
	wasm_put_libraries_section(&out, libs, 2);
	if (!(f = fopen(path, "wb")) || fwrite(out.p, 1, out.len, f) != out.len || fclose(f) != 0)
		die(path, "cannot write");
	wasm_buf_free(&out);
	wasm_buf_free(&m);
	wasm_buf_free(&s);
}

/* ---------------------------------------------------------------- summary */

static void print_name(struct wasm_name n)
{
	printf(" %.*s", (int)n.len, n.p);
}

/* The contents of custom section name as a cursor; 0 when there is none. */
static int custom(const unsigned char *p, const struct wasm_section *s, size_t n, const char *name,
                  struct wasm_cursor *c, struct wasm_error *e)
{
	const struct wasm_section *found = wasm_find_custom(s, n, name);

	if (found)
		*c = wasm_cursor(p, found->content, found->end, e);
	return found != NULL;
}

/* The export index of m (read from p), and the exports found through it by their names. */
static void index_summary(const char *what, const unsigned char *p, const struct wasm_module *m)
{
	const struct wasm_section *s = wasm_find_section(m->sections, m->nsections, WASM_SEC_EXPORT);
	struct wasm_export_index index;
	struct wasm_error e = {0};
	struct wasm_cursor c;

	if (!custom(p, m->sections, m->nsections, WASM_EXPORT_INDEX_SECTION, &c, &e)) {
		printf("export index: none\n");
		return;
	}
	if (wasm_read_export_index_section(&c, &index) < 0)
		die(what, wasm_error_str(&e));
	printf("export index: %u exports in %u slots, found:", index.count, index.nslots);
	for (uint32_t i = 0; s && i < m->nexports; i++) {
		const struct wasm_name *n = &m->exports[i].name;

		if (wasm_export_index_find(&index, p + s->payload, s->end - s->payload, n->p, n->len) >= 0)
			printf(" %.*s", (int)n->len, n->p);
	}
	printf("\n");
}

static void module_summary(const char *what, const unsigned char *p, size_t len)
{
	struct wasm_module m;
	struct wasm_dylink d;
	char *err = NULL;
	int got, imports_global = 0;

	if (wasm_read_module(&m, p, len, &err) < 0 || (got = wasm_module_dylink(p, len, &d, &err)) < 0)
		die(what, err);
	printf("tags: %s\n", wasm_find_section(m.sections, m.nsections, WASM_SEC_TAG) ? "yes" : "no");
	/* wasm-ld's stack pointer: the first global, defined, mutable, i32, of a constant below 2^31 */
	for (uint32_t i = 0; i < m.nimports; i++)
		imports_global |= m.imports[i].kind == WASM_GLOBAL;
	if (!imports_global && m.nglobals && m.globals[0].valtype == WASM_I32 && m.globals[0].mut && m.globals[0].has_value &&
	    m.globals[0].value >= 0 && m.globals[0].value < INT32_MAX)
		printf("stack pointer: global 0, %lld bytes\n", (long long)m.globals[0].value);
	else
		printf("stack pointer: none\n");
	if (got) {
		printf("dylink: memory %u align %u, table %u align %u\nneeded:", d.mem_size, d.mem_align, d.table_size,
		       d.table_align);
		for (uint32_t i = 0; i < d.nneeded; i++)
			print_name(d.needed[i]);
		printf("\nrunpath:");
		for (uint32_t i = 0; i < d.nrunpath; i++)
			print_name(d.runpath[i]);
		printf("\n");
		wasm_dylink_free(&d);
	} else {
		printf("dylink: none\n");
	}
	index_summary(what, p, &m);
	wasm_module_free(&m);
}

static void summary(const char *what, const unsigned char *p, size_t len)
{
	enum wasm_binary kind = wasm_binary_kind(p, len);
	struct wasm_section *s;
	struct wasm_error e = {0};
	struct wasm_cursor c;
	struct wasm_library *libs = NULL;
	uint32_t count;
	size_t n, nmodules = 0;
	char *err = NULL;

	if (kind != WASM_CORE_MODULE && kind != WASM_COMPONENT)
		die(what, "neither a core module nor a component");
	if (wasm_sections(p, len, 0, &s, &n, &err) < 0)
		die(what, err);
	printf("%s, sections:", kind == WASM_COMPONENT ? "component" : "core module");
	for (size_t i = 0; i < n; i++)
		printf(" %u", s[i].id);
	printf("\nenv:");
	if (custom(p, s, n, WASM_ENV_SECTION, &c, &e)) {
		struct wasm_name *names;

		if (wasm_read_env_section(&c, &names, &count) < 0)
			die(what, wasm_error_str(&e));
		for (uint32_t i = 0; i < count; i++)
			print_name(names[i]);
		free(names);
	}
	printf("\nlibraries:");
	if (custom(p, s, n, WASM_LIBRARIES_SECTION, &c, &e) && wasm_read_libraries_section(&c, &libs, &count) < 0)
		die(what, wasm_error_str(&e));
	if (libs) {
		for (uint32_t i = 0; i < count; i++)
			printf(" '%.*s' module %u", (int)libs[i].name.len, libs[i].name.p, libs[i].module);
		free(libs);
	} else {
		printf(" none");
	}
	printf("\n");
	if (kind == WASM_CORE_MODULE)
		module_summary(what, p, len);
	for (size_t i = 0; kind == WASM_COMPONENT && i < n; i++) {
		if (s[i].id != WASM_COMPONENT_CORE_MODULE)
			continue;
		printf("core module %zu:\n", nmodules++);
		summary(what, p + s[i].payload, s[i].end - s[i].payload);
	}
	free(s);
}

int main(int argc, char **argv)
{
	FILE *f;
	struct wasm_buf b = {0};
	char chunk[4096];
	size_t got;

	if (argc == 3 && strcmp(argv[1], "--fixture") == 0) {
		fixture(argv[2]);
		return 0;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: wasm-summary FILE | wasm-summary --fixture OUTPUT\n");
		return 2;
	}
	if (!(f = fopen(argv[1], "rb")))
		die(argv[1], "cannot open");
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		wasm_put(&b, chunk, got);
	fclose(f);
	summary(argv[1], b.p, b.len);
	wasm_buf_free(&b);
	return ferror(stdout) || fflush(stdout) ? 1 : 0;
}
