/* progname.h: setting the program's name from argv[0], shared by command-rt and libc.so's constructor. */
#ifndef PORTING_PROGNAME_H
#define PORTING_PROGNAME_H

#include <stdlib.h>
#include <string.h>
#include <wasi/api.h>

/* libc's (musl's libc.o); program_invocation_name and
 * program_invocation_short_name are their aliases */
extern char *__progname, *__progname_full;

/*
 * The program's name as musl's __libc_start_main sets it, which wasi-libc's
 * start never runs: __progname_full is argv[0], __progname its last
 * component. Once: libc.so's constructor sets it before any dll's
 * constructors, the command's start before its own constructors (libc's
 * __main_void fetches the arguments again for main).
 */
static inline void porting_set_progname(void)
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

#endif
