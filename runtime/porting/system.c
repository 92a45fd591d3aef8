/* system.c: system(), which wasi-libc declares but cannot have: WASI has no processes. */
#include <errno.h>
#include <stdlib.h>

/*
 * C lets system() say that there is no command processor: system(NULL)
 * returns 0, and a command fails. Lua's os.execute() and many tools' hooks
 * then report "not supported" instead of failing to link.
 */
int system(const char *command)
{
	if (!command)
		return 0;
	errno = ENOSYS;
	return -1;
}
