/* hostdirs.c: -I, -isystem and -L naming a host system directory, said once (as emcc does). */
#include <stdlib.h>
#include <string.h>

#include "hostdirs.h"

/* path with repeated and trailing slashes and "." components dropped (allocated). */
static char *tidy(const char *path)
{
	char *out = xmalloc(strlen(path) + 2), *o = out;

	for (const char *p = path; *p;) {
		const char *end = strchr(p, '/');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n && !(n == 1 && p[0] == '.')) {
			*o++ = '/';
			memcpy(o, p, n);
			o += n;
		}
		p += n + (end != NULL);
	}
	if (o == out)
		*o++ = '/';
	*o = 0;
	return out;
}

/* dir is root or below it. */
static int under(const char *dir, const char *root)
{
	size_t n = strlen(root);

	while (n > 1 && root[n - 1] == '/')
		n--;
	return strncmp(dir, root, n) == 0 && (dir[n] == 0 || dir[n] == '/');
}

/* A component named for the target (/usr/include/wasm32-wasi, .../wasm32-wasi-cc/...) is ours. */
static int for_wasm(const char *dir)
{
	for (const char *p = dir; (p = strchr(p, '/')); p++)
		if (strncmp(p + 1, "wasm32", 6) == 0 || strncmp(p + 1, "wasi", 4) == 0)
			return 1;
	return 0;
}

static int is_host_dir(const char *dir, const struct node *spec)
{
	const struct node *roots = node_get(spec, "host-dirs");
	const struct node *resource = node_get(node_get(spec, "vars"), "resource-dir");
	int host = 0;
	char *d;

	if (dir[0] != '/')
		return 0;
	d = tidy(dir);
	for (size_t i = 0; roots && roots->kind == NODE_SEQ && i < roots->len && !host; i++)
		host = roots->items[i]->kind == NODE_SCALAR && under(d, roots->items[i]->str);
	/* clang's own headers serve every target */
	if (host && (for_wasm(d) || (resource && resource->kind == NODE_SCALAR && under(d, resource->str))))
		host = 0;
	free(d);
	return host;
}

void check_host_dirs(const struct invocation *inv, const struct node *spec)
{
	struct strvec named = {0};
	char *list = NULL;

	if (inv->host_dirs == HOST_DIRS_OFF)
		return;
	for (size_t i = 0; i + 1 < inv->dir_flags.len; i += 2) {
		const char *flag = inv->dir_flags.v[i], *dir = inv->dir_flags.v[i + 1];

		/* -I/usr/include, -isystem /usr/include: as they are written */
		if (is_host_dir(dir, spec))
			strvec_push(&named, xasprintf("%s%s%s", flag, strlen(flag) > 2 ? " " : "", dir));
	}
	if (named.len == 0)
		return;
	for (size_t i = 0; i < named.len; i++) {
		char *longer = list ? xasprintf("%s%s%s", list, i + 1 == named.len ? " and " : ", ", named.v[i])
		                    : xstrdup(named.v[i]);

		free(list);
		list = longer;
	}
	if (inv->host_dirs == HOST_DIRS_ERROR)
		fatal("%s %s: %s headers and libraries are the build machine's, not wasm32-wasi's (-Werror=host-dirs)",
		      list, named.len > 1 ? "name host system directories" : "names a host system directory",
		      named.len > 1 ? "their" : "its");
	warn("%s %s: %s headers and libraries are the build machine's, not wasm32-wasi's "
	     "(-Wno-host-dirs: no warning; -Werror=host-dirs: an error)",
	     list, named.len > 1 ? "name host system directories" : "names a host system directory",
	     named.len > 1 ? "their" : "its");
	free(list);
	for (size_t i = 0; i < named.len; i++)
		free((char *)named.v[i]);
	strvec_free(&named);
}
