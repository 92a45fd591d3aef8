/*
 * stack_chk.c: what -fstack-protector's checks call. The guard is a random
 * value set by a constructor that runs before any other (the functions
 * active then, the start code and the constructor runner, are not
 * protected); a smashed stack traps after one line on standard error.
 */
#include <stdint.h>
#include <unistd.h>

uintptr_t __stack_chk_guard = 0xff0a0000;

/* before every other constructor: priorities up to 100 are the implementation's */
__attribute__((constructor(0)))
static void __init_stack_chk_guard(void)
{
	uintptr_t g;

	if (getentropy(&g, sizeof g) == 0)
		__stack_chk_guard = g & ~(uintptr_t)0xff; /* a NUL byte stops string overflows */
}

_Noreturn void __stack_chk_fail(void)
{
	static const char msg[] = "*** stack smashing detected ***: terminated\n";

	write(2, msg, sizeof msg - 1);
	__builtin_trap();
}
