/* libraries.c: the one model of libraries: what a file is to dynamic linking, where a library is found, the link words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"
#include "libraries.h"

enum library_kind library_kind(const unsigned char *b, size_t len, const struct wasm_module *m)
{
	struct wasm_module own = {0};
	const struct wasm_export *e;
	enum library_kind k = LIBRARY_NONE;
	int dynamic;
	char *err = NULL;

	if (wasm_binary_kind(b, len) != WASM_CORE_MODULE || wasm_has_custom(b, len, "linking"))
		return LIBRARY_NONE;
	dynamic = wasm_has_custom(b, len, "dylink.0");
	if (!m) {
		if (wasm_read_module(&own, b, len, &err) < 0) {
			free(err);
			wasm_module_free(&own);
			return dynamic ? LIBRARY_DLL : LIBRARY_NONE;
		}
		m = &own;
	}
	if (dynamic) {
		e = wasm_find_export(m, "_start");
		k = e && e->kind == WASM_FUNC ? LIBRARY_DYNAMIC_EXECUTABLE : LIBRARY_DLL;
	} else if ((e = wasm_find_export(m, "memory")) && e->kind == WASM_MEMORY) {
		k = LIBRARY_ALLOCATOR;
	}
	wasm_module_free(&own);
	return k;
}

enum library_kind library_file_kind(const char *path)
{
	unsigned char head[WASM_HEADER_SIZE];
	struct wasm_buf b;
	enum library_kind k;
	char *err = NULL;
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return LIBRARY_NONE;
	n = fread(head, 1, sizeof(head), f);
	fclose(f);
	if (wasm_binary_kind(head, n) != WASM_CORE_MODULE || file_read(path, &b, &err) < 0) {
		free(err);
		return LIBRARY_NONE;
	}
	k = library_kind(b.p, b.len, NULL);
	free(b.p);
	return k;
}

int library_is_dynamic(enum library_kind k)
{
	return k == LIBRARY_DLL || k == LIBRARY_DYNAMIC_EXECUTABLE;
}

char *library_search(const char *name, const struct strvec *dirs)
{
	static const char *const suffixes[] = {".so", ".wasm", ".a"};

	for (size_t i = 0; i < dirs->len; i++)
		for (size_t k = 0; k < LEN(suffixes); k++) {
			char *p = xasprintf("%s/lib%s%s", dirs->v[i], name, suffixes[k]);

			if (access(p, F_OK) == 0)
				return p;
			free(p);
		}
	return NULL;
}

char *library_find_soname(const char *soname, const struct strvec *dirs, const char *origin)
{
	for (size_t i = 0; i < dirs->len; i++) {
		const char *dir = strcmp(dirs->v[i], "$ORIGIN") == 0 ? origin : dirs->v[i];
		char *p = xasprintf("%s/%s", dir, soname);

		if (access(p, F_OK) == 0)
			return p;
		free(p);
	}
	return NULL;
}

/* Pushes copies of the ':'-separated directories of list, empty ones dropped. */
static void push_path_list(struct strvec *sv, const char *list)
{
	for (const char *p = list; p && *p;) {
		size_t n = strcspn(p, ":");

		if (n)
			strvec_push(sv, xstrndup(p, n));
		p += n + (p[n] == ':');
	}
}

/* The value of w when it is the option name, joined with '=' (the name ending in '='), or NULL. */
static const char *joined(const char *w, const char *name)
{
	return has_prefix(w, name) ? w + strlen(name) : NULL;
}

/* Whether w is one of the options whose value is the next word (the value is then no library). */
static int takes_next(const char *w)
{
	static const char *const names[] = {"-L", "-rpath", "--rpath", "-soname", "--soname",
	                                    "-dl-openable", "--dl-openable", "-o"};

	for (size_t i = 0; i < LEN(names); i++)
		if (strcmp(w, names[i]) == 0)
			return 1;
	return 0;
}

void link_line_parse(struct link_line *l, int argc, char *const *argv)
{
	memset(l, 0, sizeof(*l));
	for (int k = 0; k < argc; k++) {
		const char *w = argv[k], *v = k + 1 < argc ? argv[k + 1] : NULL;

		if (takes_next(w)) {
			if (!v)
				break;
			k++;
			if (strcmp(w, "-L") == 0)
				strvec_push(&l->libdirs, v);
			else if (strcmp(w, "-rpath") == 0 || strcmp(w, "--rpath") == 0)
				push_path_list(&l->runpath, v);
			else if (strcmp(w, "-soname") == 0 || strcmp(w, "--soname") == 0)
				l->soname = v;
			else if (strcmp(w, "-o") != 0)
				strvec_push(&l->dl_openable, v);
		} else if (has_prefix(w, "-L") && w[2]) {
			strvec_push(&l->libdirs, w + 2);
		} else if ((v = joined(w, "-rpath=")) || (v = joined(w, "--rpath="))) {
			push_path_list(&l->runpath, v);
		} else if ((v = joined(w, "-soname=")) || (v = joined(w, "--soname="))) {
			l->soname = v;
		} else if ((v = joined(w, "-dl-openable=")) || (v = joined(w, "--dl-openable="))) {
			strvec_push(&l->dl_openable, v);
		} else if ((has_prefix(w, "-l") && w[2]) || w[0] != '-') {
			strvec_push(&l->libraries, w);
		}
	}
}

void link_line_free(struct link_line *l)
{
	for (size_t i = 0; i < l->runpath.len; i++)
		free(l->runpath.v[i]);
	strvec_free(&l->runpath);
	strvec_free(&l->libdirs);
	strvec_free(&l->dl_openable);
	strvec_free(&l->libraries);
	memset(l, 0, sizeof(*l));
}

char *link_line_path(const struct link_line *l, const char *w)
{
	return has_prefix(w, "-l") ? library_search(w + 2, &l->libdirs) : xstrdup(w);
}

void link_line_soname_dirs(const struct link_line *l, struct strvec *dirs)
{
	for (size_t i = 0; i < l->libdirs.len; i++)
		strvec_push(dirs, xstrdup(l->libdirs.v[i]));
	for (size_t i = 0; i < l->runpath.len; i++)
		strvec_push(dirs, xstrdup(l->runpath.v[i]));
	push_path_list(dirs, getenv("WASM32_WASI_LIBRARY_PATH"));
}
