/* crt1-command.c: the command's entry point, _start, after wasi-libc's crt1-command.c. */
#include <stdlib.h>

void __wasm_call_ctors(void);
int __main_void(void);
/*
 * The program's name, from the porting layer's progname.c, which only a
 * program that uses the name links (a weak reference does not pull it). A
 * dynamic program's libc.so sets it before any module's constructors.
 */
#ifndef COMMAND_RT_DYNAMIC
void __porting_set_progname(void) __attribute__((weak));
#endif

/*
 * A command runs once per instance: a second call would run the constructors
 * again over live state, so it traps. main's return goes through exit(), so
 * that the atexit handlers, destructors and stdio flush run exactly as for an
 * exit() anywhere else; a trap unwinds past all of it and nothing runs.
 */
__attribute__((export_name("_start")))
void _start(void)
{
	static volatile int started;

	if (started)
		__builtin_trap();
	started = 1;
#ifndef COMMAND_RT_DYNAMIC
	if (__porting_set_progname)
		__porting_set_progname();
#endif
	/* synthesized by wasm-ld; calling it here stops wasm-ld from wrapping _start */
	__wasm_call_ctors();
	/* clang names main(void) __main_void; for main(argc, argv), libc's
	 * __main_void fetches the arguments and calls it */
	exit(__main_void());
}
