/* progname.h: the program's name, musl's __progname, as progname.c defines and sets it. */
#ifndef PORTING_PROGNAME_H
#define PORTING_PROGNAME_H

/* program_invocation_name and program_invocation_short_name are their
 * aliases */
extern char *__progname, *__progname_full;

/* Sets them from argv[0], once (command-rt calls it before any constructor). */
void __porting_set_progname(void);

#endif
