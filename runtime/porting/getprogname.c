/* getprogname.c: getprogname and setprogname (BSD), over musl's __progname (progname.c). */
#include <stdlib.h>
#include <string.h>

#include "progname.h"

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
