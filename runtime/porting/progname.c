/* progname.c: getprogname and setprogname (BSD), over musl's __progname, which command-rt sets. */
#include <stdlib.h>
#include <string.h>

#include "progname.h"

/*
 * In libc.so, which a dynamic program instantiates before its dlls: their
 * constructors see the name too (a static command's start has set it before
 * any constructor already).
 */
__attribute__((constructor(101))) static void set_progname(void)
{
	porting_set_progname();
}

const char *getprogname(void)
{
	return __progname;
}

/* as the BSDs: keeps the last component of name, not a copy */
void setprogname(const char *name)
{
	const char *slash = strrchr(name, '/');

	__progname = (char *)(slash ? slash + 1 : name);
}
