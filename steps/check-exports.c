/* check-exports.c: check-exports, which refuses a command that exports more than its entry point. */
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "fileio.h"
#include "util.h"
#include "wasm/wasm.h"

/*
 * A command exports nothing but its entry point (doc/design.md, "Symbols
 * and the two-level namespace"). A symbol made public (WASM_EXPORT,
 * -Wl,--export=...) in a command would be a spurious export; the names a
 * command may export are the spec's ${allowed-exports}.
 */
static int allowed(struct wasm_name name, char **list, int n)
{
	for (int i = 0; i < n; i++)
		if (wasm_name_is(name, list[i]))
			return 1;
	return 0;
}

/* check-exports FILE ALLOWED... */
int builtin_check_exports(int argc, char **argv, char **err)
{
	struct wasm_buf b;
	struct wasm_module m = {0};
	struct wasm_buf names = {0};
	size_t count = 0;
	char *msg = NULL;
	int r = -1;

	if (argc < 2) {
		*err = xstrdup("usage: check-exports FILE ALLOWED...");
		return -1;
	}
	if (file_read(argv[1], &b, err) < 0)
		return -1;
	if (wasm_read_module(&m, b.p, b.len, &msg) < 0) {
		*err = xasprintf("%s: %s", argv[1], msg);
		free(msg);
		goto out;
	}
	for (uint32_t i = 0; i < m.nexports; i++) {
		char *name;

		if (allowed(m.exports[i].name, argv + 2, argc - 2))
			continue;
		name = wasm_name_str(m.exports[i].name);
		if (count++)
			wasm_put(&names, ", ", 2);
		wasm_put(&names, "'", 1);
		wasm_put(&names, name, strlen(name));
		wasm_put(&names, "'", 1);
		free(name);
	}
	if (count) {
		wasm_put(&names, "", 1);
		*err = xasprintf("a command exports nothing but its entry point, and this one would also "
		                 "export %s (a library can: -mexec-model=reactor)", (char *)names.p);
		goto out;
	}
	r = 0;
out:
	wasm_module_free(&m);
	free(b.p);
	free(names.p);
	return r;
}
