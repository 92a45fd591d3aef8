/* ports.c: the port prefixes (where wasm32-wasi-port installs, what the driver searches) and --use-port. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pcfile.h"
#include "ports.h"

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

void port_dirs(const struct invocation *inv, const struct node *spec, struct strvec *dirs)
{
	const char *only = getenv("WASM32_WASI_PORTS"), *home = getenv("HOME");
	const struct node *system = node_get(node_get(spec, "vars"), "ports-prefix");

	(void)inv;
	if (only && *only) {
		strvec_push(dirs, xstrdup(only));
		return;
	}
	if (geteuid() != 0 && home && *home)
		strvec_push(dirs, xasprintf("%s/.local/wasm32-wasi", home));
	if (system && system->kind == NODE_SCALAR && *system->str)
		strvec_push(dirs, xstrdup(system->str));
}

void port_search_words(const struct invocation *inv, const struct node *spec,
                       struct strvec *includes, struct strvec *libdirs, struct strvec *rpath)
{
	struct strvec dirs = {0};

	port_dirs(inv, spec, &dirs);
	for (size_t i = 0; i < dirs.len; i++) {
		char *inc = xasprintf("%s/include", dirs.v[i]), *lib = xasprintf("%s/lib", dirs.v[i]);

		if (is_dir(inc)) {
			strvec_push(includes, "-isystem");
			strvec_push(includes, inc);
		} else {
			free(inc);
		}
		if (is_dir(lib)) {
			strvec_push(libdirs, xasprintf("-L%s", lib));
			if (rpath) {
				strvec_push(rpath, "-rpath");
				strvec_push(rpath, xstrdup(lib));
			}
		}
		free(lib);
		free(dirs.v[i]);
	}
	strvec_free(&dirs);
}

void use_ports(struct invocation *inv, const struct node *spec)
{
	struct strvec dirs = {0}, pcdirs = {0}, cflags = {0}, libs = {0};

	if (inv->ports.len == 0)
		return;
	port_dirs(inv, spec, &dirs);
	for (size_t i = 0; i < dirs.len; i++) {
		strvec_push(&pcdirs, xasprintf("%s/lib/pkgconfig", dirs.v[i]));
		strvec_push(&pcdirs, xasprintf("%s/share/pkgconfig", dirs.v[i]));
	}
	for (size_t k = 0; k < inv->ports.len; k++) {
		const char *name = inv->ports.v[k];
		char *path = NULL, *err;

		for (size_t i = 0; i < dirs.len && !path; i++) {
			path = xasprintf("%s/share/wasm32-wasi-port/%s.pc", dirs.v[i], name);
			if (access(path, F_OK) < 0) {
				free(path);
				path = NULL;
			}
		}
		if (!path)
			fatal("--use-port=%s: %s is not installed: run 'wasm32-wasi-port install %s'", name, name, name);
		if ((err = pc_read(path, &pcdirs, &cflags, &libs)))
			fatal("--use-port=%s: %s", name, err);
		free(path);
	}
	for (size_t i = 0; i < cflags.len; i++)
		strvec_push(&inv->compile_args, cflags.v[i]);
	/* after everything the user named, as a -l of theirs would be */
	for (size_t i = 0; i < libs.len; i++)
		add_link_word(inv, libs.v[i]);
	strvec_free(&cflags);
	strvec_free(&libs);
	strvec_free(&pcdirs);
	strvec_free(&dirs);
}
