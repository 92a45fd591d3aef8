/*
 * time.h: wasi-libc's, with the time-zone names it leaves out. Local time
 * follows a POSIX TZ rule ("CET-1CEST,M3.5.0,M10.5.0/3"); WASI has no
 * time-zone database, so any other TZ is UTC (runtime/porting/tzset.c;
 * doc/porting.md).
 */
#ifndef __wasm32_wasi_cc_time_h
#define __wasm32_wasi_cc_time_h

#ifndef _WASI_EMULATED_PROCESS_CLOCKS
#define _WASI_EMULATED_PROCESS_CLOCKS
#endif
#include_next <time.h>

#ifdef __cplusplus
extern "C" {
#endif

void tzset(void);
extern char *tzname[2];
extern int daylight;
extern long timezone;

#ifdef __cplusplus
}
#endif

#endif
