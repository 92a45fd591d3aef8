/* builtins.c: the table of steps the driver can run in-process. */
#include <string.h>

#include "builtins.h"
#include "util.h"

static const struct {
	const char *name;
	builtin_fn *fn;
} builtins[] = {
	{"declare-env", builtin_declare_env},
	{"check-exports", builtin_check_exports},
	{"component-link", builtin_component_link},
	{"component-wrap", builtin_component_wrap},
	{"dll-exports", builtin_dll_exports},
	{"dylink", builtin_dylink},
	{"scan-env", builtin_scan_env},
	{"wit-embed", builtin_wit_embed},
	{"wit-glue", builtin_wit_glue},
	{"wit-header", builtin_wit_header},
	{"wit-main", builtin_wit_main},
};

builtin_fn *find_builtin(const char *name)
{
	for (size_t i = 0; i < LEN(builtins); i++)
		if (strcmp(builtins[i].name, name) == 0)
			return builtins[i].fn;
	return NULL;
}
