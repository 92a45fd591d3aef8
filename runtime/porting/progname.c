/* progname.c: the program's name (musl's __progname and its aliases), set from argv[0] before any constructor. */
#include <stdlib.h>
#include <string.h>
#include <wasi/api.h>

#include "progname.h"

/*
 * musl defines these in libc.o, with the rest of its state; libc_state.c
 * defines that rest, so that the code that fetches the arguments (and the
 * allocator it needs) is linked only into programs that use the name. Such
 * a program links this object, and command-rt's weak reference to
 * __porting_set_progname then finds it.
 */
char *__progname, *__progname_full;
extern char *program_invocation_short_name __attribute__((weak, alias("__progname")));
extern char *program_invocation_name __attribute__((weak, alias("__progname_full")));

/*
 * As musl's __libc_start_main sets them, which wasi-libc's start never runs:
 * __progname_full is argv[0], __progname its last component. Once (libc's
 * __main_void fetches the arguments again for main).
 */
void __porting_set_progname(void)
{
	size_t argc, size;
	char **argv;
	char *buf, *slash;

	if (__progname_full || __wasi_args_sizes_get(&argc, &size) != __WASI_ERRNO_SUCCESS || argc == 0)
		return;
	argv = malloc(argc * sizeof *argv);
	buf = malloc(size);
	if (argv && buf && __wasi_args_get((uint8_t **)argv, (uint8_t *)buf) == __WASI_ERRNO_SUCCESS) {
		__progname_full = argv[0];
		slash = strrchr(argv[0], '/');
		__progname = slash ? slash + 1 : argv[0];
	} else {
		free(buf);
	}
	free(argv);
}

/*
 * A static command's start has called it already. In libc.so, which a
 * dynamic program instantiates before its dlls and the executable, this
 * sets the name before their constructors; in a statically-linked library,
 * when it is initialized.
 */
__attribute__((constructor(101))) static void set_progname(void)
{
	__porting_set_progname();
}
