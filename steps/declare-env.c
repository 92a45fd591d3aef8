/* declare-env.c: the --env declaration, a custom section naming the variables a command may read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "builtins.h"
#include "dlls.h"
#include "fileio.h"
#include "util.h"
#include "wasm/wasm.h"

/*
 * Typed Main Level 0: the environment variables a command reads are fixed
 * at link time. The names go into a custom section at the top level of the
 * artifact, core module or component alike (both allow custom sections
 * anywhere), so that any tool can read them without knowing the layout:
 *
 *   section id 0, size, name "wasm32-wasi-cc.env", vec(name)
 *
 * where vec and name are the binary format's own: a LEB128 count, then per
 * name a LEB128 length and UTF-8 bytes (wasm/custom.c writes it).
 *
 * The names are the --env names, in their order, then those that the
 * scan-env step found in the source (scan-env.c) and that --env did not
 * name, sorted: from the section wasm32-wasi-cc.env-source of the module,
 * or of each module a component embeds (the dlls of a dynamic executable
 * too). --no-source (-fno-env-from-source) leaves those out.
 */

/* Is s well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF)? */
static int utf8_valid(const unsigned char *s)
{
	while (*s) {
		unsigned c = *s, n, cp;

		if (c < 0x80) {
			s++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			n = 1, cp = c & 0x1f;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2, cp = c & 0x0f;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 3, cp = c & 0x07;
		else
			return 0;
		for (unsigned i = 1; i <= n; i++) {
			if ((s[i] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i] & 0x3f);
		}
		if ((n == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (n == 3 && (cp < 0x10000 || cp > 0x10ffff)))
			return 0;
		s += n + 1;
	}
	return 1;
}

char *env_name_printable(const char *s)
{
	int high = !utf8_valid((const unsigned char *)s);
	char *out = xmalloc(strlen(s) * 4 + 1), *o = out;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7f || (high && *p >= 0x80))
			o += sprintf(o, "\\x%02x", *p);
		else
			*o++ = (char)*p;
	}
	*o = '\0';
	return out;
}

/*
 * A declared name is a name in wasm's sense (UTF-8), and one that the
 * environment and the runner can hold and print on one line: not empty,
 * no '=' (nor NUL, which argv cannot hold), no control character.
 */
const char *env_name_problem(const char *name)
{
	if (!*name)
		return "is empty";
	if (strchr(name, '='))
		return "contains '='";
	for (const char *p = name; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return "contains a control character";
	if (!utf8_valid((const unsigned char *)name))
		return "is not UTF-8";
	return NULL;
}

static int has_name(const struct strvec *names, const char *name)
{
	for (size_t i = 0; i < names->len; i++)
		if (strcmp(names->v[i], name) == 0)
			return 1;
	return 0;
}

/* The names of an env-source section (c over its contents) into names, without duplicates. */
static int section_names(struct wasm_cursor *c, struct strvec *names)
{
	uint32_t n = wasm_count(c);

	for (uint32_t i = 0; i < n && !wasm_failed(c); i++) {
		struct wasm_name w = wasm_get_name(c);
		char *name = wasm_failed(c) ? NULL : wasm_name_dup(w);

		if (!wasm_failed(c) && (!name || env_name_problem(name)))
			wasm_fail(c, "section %s names no environment variable", WASM_ENV_SOURCE_SECTION);
		if (name && !wasm_failed(c) && !has_name(names, name))
			strvec_push(names, name);
		else
			free(name);
	}
	return wasm_expect_end(c, WASM_ENV_SOURCE_SECTION) ? 0 : -1;
}

/* A dll's soname, to name it in a message, from a module's sections; NULL when it has none. */
static char *soname(const unsigned char *bytes, const struct wasm_section *s, size_t n)
{
	const struct wasm_section *so = wasm_find_custom(s, n, WASM_SONAME_SECTION);
	struct wasm_error e = {0};
	struct wasm_cursor c;
	struct wasm_name w;
	char *name = NULL;

	if (!so)
		return NULL;
	c = wasm_cursor(bytes, so->content, so->end, &e);
	w = wasm_get_name(&c);
	if (!wasm_failed(&c))
		name = wasm_name_str(w);
	wasm_error_free(&e);
	return name;
}

/* Components nest this deep at most, here. */
#define MAX_NESTING 8

/*
 * The names found in the source that bytes[0..len) records: a core
 * module's section, or those of the modules a component embeds. -1 with
 * *why set to the whole message: one about file itself names it, one
 * about an embedded dll its soname.
 */
static int source_names(const char *file, const unsigned char *bytes, size_t len, int depth, struct strvec *names,
                        char **why)
{
	struct wasm_section *s;
	size_t n;
	int component = wasm_binary_kind(bytes, len) == WASM_COMPONENT, r = 0;
	char *msg = NULL;

	if (wasm_sections(bytes, len, component ? WASM_COMPONENT : WASM_CORE_MODULE, &s, &n, &msg) < 0) {
		*why = depth ? xasprintf("an embedded module: %s", msg) : xasprintf("%s: %s", file, msg);
		free(msg);
		return -1;
	}
	for (size_t i = 0; i < n && r == 0; i++) {
		if (!component && s[i].id == WASM_SEC_CUSTOM && wasm_name_is(s[i].name, WASM_ENV_SOURCE_SECTION)) {
			struct wasm_error e = {0};
			struct wasm_cursor c = wasm_cursor(bytes, s[i].content, s[i].end, &e);

			if ((r = section_names(&c, names)) < 0) {
				char *so = depth ? soname(bytes, s, n) : NULL;

				msg = wasm_error_str(&e);
				if (!depth)
					*why = xasprintf("%s: %s", file, msg);
				else
					*why = xasprintf("%s: %s", so ? so : "an embedded module", msg);
				free(so);
				free(msg);
			}
			wasm_error_free(&e);
		} else if (component && (s[i].id == WASM_COMPONENT_CORE_MODULE ||
		                         (s[i].id == WASM_COMPONENT_COMPONENT && depth < MAX_NESTING))) {
			r = source_names(file, bytes + s[i].payload, s[i].end - s[i].payload, depth + 1, names, why);
		}
	}
	free(s);
	return r;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* declare-env [--no-source] INPUT OUTPUT [NAME...]: OUTPUT is INPUT with the section appended. */
int builtin_declare_env(int argc, char **argv, char **err)
{
	struct wasm_buf module = {0};
	struct wasm_buf out = {0};
	struct strvec found = {0}, all = {0};
	int r = -1, source = 1;

	if (argc > 1 && strcmp(argv[1], "--no-source") == 0) {
		source = 0;
		argc--;
		argv++;
	}
	if (argc < 3) {
		*err = xstrdup("usage: declare-env [--no-source] INPUT OUTPUT [NAME...]");
		return -1;
	}
	if (file_read(argv[1], &module, err) < 0)
		goto out;
	if (wasm_binary_kind(module.p, module.len) == WASM_NOT_WASM) {
		*err = xasprintf("%s: not a WebAssembly module or component", argv[1]);
		goto out;
	}
	for (int i = 3; i < argc; i++) {
		const char *problem = env_name_problem(argv[i]);

		if (problem) {
			char *name = env_name_printable(argv[i]);

			*err = xasprintf("environment variable name '%s' %s", name, problem);
			free(name);
			goto out;
		}
		if (!has_name(&all, argv[i]))
			strvec_push(&all, argv[i]);
	}
	if (source && source_names(argv[1], module.p, module.len, 0, &found, err) < 0)
		goto out;
	if (found.len)
		qsort(found.v, found.len, sizeof(*found.v), by_name);
	for (size_t i = 0; i < found.len; i++)
		if (!has_name(&all, found.v[i]))
			strvec_push(&all, found.v[i]);
	wasm_put(&out, module.p, module.len);
	wasm_put_env_section(&out, all.v, all.len);
	r = file_write(argv[2], out.p, out.len, err);
out:
	for (size_t i = 0; i < found.len; i++)
		free(found.v[i]);
	strvec_free(&found);
	strvec_free(&all);
	free(module.p);
	wasm_buf_free(&out);
	return r;
}

void env_print_declared(FILE *f, const char *file, const struct strvec *given)
{
	struct wasm_buf b = {0};
	struct wasm_section *s = NULL;
	const struct wasm_section *sec;
	size_t n = 0;
	char *why = NULL;
	struct stat st;

	if (!file)
		return;
	/* a FIFO given as -o has been read already, by someone else */
	if (stat(file, &st) < 0 || !S_ISREG(st.st_mode))
		return;
	if (file_read(file, &b, &why) < 0 || wasm_sections(b.p, b.len, 0, &s, &n, &why) < 0)
		goto out;
	if ((sec = wasm_find_custom(s, n, WASM_ENV_SECTION))) {
		struct wasm_error e = {0};
		struct wasm_cursor c = wasm_cursor(b.p, sec->content, sec->end, &e);
		uint32_t count = wasm_count(&c);

		for (uint32_t i = 0; i < count && !wasm_failed(&c); i++) {
			struct wasm_name w = wasm_get_name(&c);
			char *name = wasm_failed(&c) ? NULL : wasm_name_dup(w);
			char *shown;

			if (!name)
				break;
			shown = env_name_printable(name);
			fprintf(f, "declared environment variable: %s%s\n", shown,
			        has_name(given, name) ? "" : " (from the source)");
			free(shown);
			free(name);
		}
		wasm_error_free(&e);
	}
out:
	free(why);
	free(s);
	free(b.p);
}
