/* wrap-gen.c: at build time, the stand-in modules of the wrap templates and the templates' index. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasm/wasm.h"

/*
 * wrap-gen module ADAPTER PREVIEW1 OUT [--export NAME]... (NAME... | --all)
 *   writes OUT, a core module that imports the NAMEd functions from
 *   wasi_snapshot_preview1 with the types ADAPTER (jco's preview1 command
 *   adapter) exports them with, and exports "memory", "_start" and each
 *   --export NAME, functions of the types the adapter imports them with from
 *   __main_module__; `jco new OUT --wasi-command` makes a template of it.
 *   PREVIEW1 lists the preview1 functions (those wasi-libc imports), one a
 *   line; --all takes them all.
 * wrap-gen index TEMPLATE...
 *   prints the index the component-wrap builtin reads (steps/component-wrap.c): one
 *   line per template, smallest first, with what its stand-in module exports
 *   besides "memory" and "_start", and the functions it imports.
 */

#define PREVIEW1 "wasi_snapshot_preview1"

/* "wrap-gen: MESSAGE" (a format ending in ':' gets strerror(errno)), and exit with status. */
__attribute__((noreturn, format(printf, 2, 3))) static void die(int status, const char *fmt, ...)
{
	int saved = errno;
	size_t n = strlen(fmt);
	va_list ap;

	fflush(stdout);
	fputs("wrap-gen: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (n && fmt[n - 1] == ':')
		fprintf(stderr, " %s", strerror(saved));
	fputc('\n', stderr);
	exit(status);
}
#define fatal(...) die(1, __VA_ARGS__)
#define usage_error(...) die(2, __VA_ARGS__)

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (!p)
		fatal("out of memory");
	return p;
}

/* A list of strings that it does not own. */
struct list {
	char **v;
	size_t len;
};

static void push(struct list *l, char *s)
{
	char **v = realloc(l->v, (l->len + 1) * sizeof(*v));

	if (!v)
		fatal("out of memory");
	l->v = v;
	l->v[l->len++] = s;
}

static struct wasm_buf read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct wasm_buf b = {0};
	char chunk[65536];
	size_t n;

	if (!f)
		fatal("%s:", path);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		wasm_put(&b, chunk, n);
	if (ferror(f))
		fatal("%s:", path);
	fclose(f);
	return b;
}

static void read_module(struct wasm_module *m, const unsigned char *p, size_t len, const char *what)
{
	char *err;

	if (wasm_read_module(m, p, len, &err) < 0)
		fatal("%s: %s", what, err);
}

/* The lines of the file into v (blank ones skipped), pointing into *b. */
static void read_lines(const char *path, struct wasm_buf *b, struct list *v)
{
	char *s;

	*b = read_file(path);
	wasm_put_byte(b, '\0');
	for (s = strtok((char *)b->p, "\n"); s; s = strtok(NULL, "\n"))
		push(v, s);
}

static int listed(const struct list *v, const char *s)
{
	for (size_t i = 0; i < v->len; i++)
		if (strcmp(v->v[i], s) == 0)
			return 1;
	return 0;
}

/* The type the adapter imports __main_module__.NAME with: what the main module must export. */
static const struct wasm_functype *main_export_type(const struct wasm_module *adapter,
                                                    const char *adapter_path, const char *name)
{
	for (uint32_t i = 0; i < adapter->nimports; i++) {
		const struct wasm_import *im = &adapter->imports[i];

		if (im->kind == WASM_FUNC && wasm_name_is(im->module, "__main_module__") && wasm_name_is(im->name, name))
			return &adapter->types[im->type];
	}
	fatal("%s: the adapter imports no function __main_module__.%s", adapter_path, name);
}

static int make_module(int argc, char **argv)
{
	struct wasm_buf adapter_bytes, list, out = {0}, body = {0};
	struct list preview1 = {0}, names = {0}, exports = {0};
	struct wasm_builder b = {0};
	struct wasm_module adapter;
	int i = 4;
	FILE *f;

	if (argc < 5)
		usage_error("usage: wrap-gen module ADAPTER PREVIEW1 OUT [--export NAME]... (NAME... | --all)");
	adapter_bytes = read_file(argv[1]);
	read_module(&adapter, adapter_bytes.p, adapter_bytes.len, argv[1]);
	read_lines(argv[2], &list, &preview1);
	push(&exports, "_start");
	for (; i + 1 < argc && strcmp(argv[i], "--export") == 0; i += 2)
		push(&exports, argv[i + 1]);
	if (i + 1 == argc && strcmp(argv[i], "--all") == 0)
		for (size_t k = 0; k < preview1.len; k++)
			push(&names, preview1.v[k]);
	else
		for (; i < argc; i++)
			push(&names, argv[i]);

	/* imported functions first, then one defined function per export, its body unreachable */
	for (size_t k = 0; k < names.len; k++) {
		const struct wasm_export *e = wasm_find_export(&adapter, names.v[k]);
		const struct wasm_functype *t = NULL;

		if (!listed(&preview1, names.v[k]))
			fatal("%s: %s is not a preview1 function wasi-libc imports", argv[2], names.v[k]);
		for (size_t j = 0; j < k; j++)
			if (strcmp(names.v[j], names.v[k]) == 0)
				fatal("%s is named twice", names.v[k]);
		if (!e || e->kind != WASM_FUNC || !(t = wasm_func_type(&adapter, e->index)))
			fatal("%s: the adapter does not export the function %s", argv[1], names.v[k]);
		wasm_builder_import_func(&b, PREVIEW1, (struct wasm_name){names.v[k], strlen(names.v[k])}, t);
	}
	wasm_op(&body, WASM_OP_UNREACHABLE);
	for (size_t k = 0; k < exports.len; k++) {
		uint32_t fn = wasm_builder_func(&b, main_export_type(&adapter, argv[1], exports.v[k]), &body);

		wasm_builder_export(&b, (struct wasm_name){exports.v[k], strlen(exports.v[k])}, WASM_FUNC, fn);
	}
	b.memory = 1;
	wasm_builder_finish(&b, &out);

	if (!(f = fopen(argv[3], "wb")) || fwrite(out.p, 1, out.len, f) != out.len || fclose(f) != 0)
		fatal("%s:", argv[3]);
	wasm_module_free(&adapter);
	free(adapter_bytes.p);
	free(list.p);
	wasm_buf_free(&out);
	wasm_buf_free(&body);
	free(preview1.v);
	free(names.v);
	free(exports.v);
	return 0;
}

struct template {
	const char *path;
	size_t size;
	struct wasm_buf exports, names;
};

/* Names go into a line of words: lower-case letters, digits and '_' only. */
static int plain_name(struct wasm_name n)
{
	if (n.len == 0)
		return 0;
	for (size_t i = 0; i < n.len; i++)
		if (!strchr("abcdefghijklmnopqrstuvwxyz0123456789_", n.p[i]) || n.p[i] == '\0')
			return 0;
	return 1;
}

static int by_size(const void *a, const void *b)
{
	const struct template *x = a, *y = b;

	return (x->size > y->size) - (x->size < y->size);
}

static int make_index(int argc, char **argv)
{
	struct template *t = xcalloc((size_t)argc, sizeof(*t));
	int n = argc - 1;

	if (n < 1)
		usage_error("usage: wrap-gen index TEMPLATE...");
	for (int i = 0; i < n; i++) {
		struct wasm_buf b = read_file(argv[i + 1]);
		struct wasm_module m;
		struct wasm_section sp;
		char *err;
		int found = wasm_component_find(b.p, b.len, WASM_COMPONENT_CORE_MODULE, &sp, &err);

		if (found <= 0)
			fatal("%s: %s", argv[i + 1], found < 0 ? err : "has no core module");
		read_module(&m, b.p + sp.payload, sp.end - sp.payload, argv[i + 1]);
		t[i].path = argv[i + 1];
		t[i].size = b.len;
		for (uint32_t k = 0; k < m.nexports; k++) {
			struct wasm_name nm = m.exports[k].name;

			if (wasm_name_is(nm, "memory") || wasm_name_is(nm, "_start"))
				continue;
			if (!plain_name(nm))
				fatal("%s: its module's export %u is not a plain name", argv[i + 1], k);
			if (t[i].exports.len)
				wasm_put_byte(&t[i].exports, ',');
			wasm_put(&t[i].exports, nm.p, nm.len);
		}
		if (!t[i].exports.len)
			wasm_put_byte(&t[i].exports, '-');
		wasm_put_byte(&t[i].exports, '\0');
		for (uint32_t k = 0; k < m.nimports; k++) {
			struct wasm_name nm = m.imports[k].name;

			if (m.imports[k].kind != WASM_FUNC || !wasm_name_is(m.imports[k].module, PREVIEW1) ||
			    !plain_name(nm))
				fatal("%s: its module's import %u is not a plain " PREVIEW1 " function", argv[i + 1], k);
			wasm_put_byte(&t[i].names, ' ');
			wasm_put(&t[i].names, nm.p, nm.len);
		}
		wasm_put_byte(&t[i].names, '\0');
		wasm_module_free(&m);
		free(b.p);
	}
	qsort(t, (size_t)n, sizeof(*t), by_size);
	printf("# index: the wrap templates, smallest first (generated by wrap-gen from them).\n"
	       "# FILE SIZE EXPORTS NAME...: EXPORTS are what a module put into FILE must export\n"
	       "# besides memory and _start (comma-separated, - for none), NAMEs the " PREVIEW1 "\n"
	       "# functions it may import.\n");
	for (int i = 0; i < n; i++)
		printf("%s %zu %s%s\n", strrchr(t[i].path, '/') ? strrchr(t[i].path, '/') + 1 : t[i].path, t[i].size, (char *)t[i].exports.p,
		       (char *)t[i].names.p);
	if (fflush(stdout) != 0 || ferror(stdout))
		fatal("write error on standard output:");
	for (int i = 0; i < n; i++) {
		free(t[i].exports.p);
		free(t[i].names.p);
	}
	free(t);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "module") == 0)
		return make_module(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "index") == 0)
		return make_index(argc - 1, argv + 1);
	usage_error("usage: wrap-gen module ADAPTER PREVIEW1 OUT (NAME... | --all) | wrap-gen index TEMPLATE...");
}
