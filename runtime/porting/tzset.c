/*
 * tzset.c: time zones, for wasm32-wasi. WASI has no time-zone database and
 * wasi-libc's localtime is UTC: tzset names it so.
 */
#include <time.h>

static char utc[] = "UTC";
char *tzname[2] = { utc, utc };
int daylight;
long timezone;

void tzset(void)
{
}
