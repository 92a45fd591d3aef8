/*
 * err.c: the BSD error reporters of <err.h>, which wasi-libc declares but
 * does not define: "PROGRAM: message: strerror(errno)" on standard error
 * (warn, err) or without the errno text (warnx, errx); err and errx then
 * exit with the status given.
 */
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wasi/api.h>

#include "progname.h"

/* progname.c sets it before any constructor; setprogname may change it */
static const char *progname(void)
{
	return __progname ? __progname : "?";
}

static void report(const char *fmt, va_list ap, int errnum)
{
	fprintf(stderr, "%s: ", progname());
	if (fmt) {
		vfprintf(stderr, fmt, ap);
		if (errnum >= 0)
			fputs(": ", stderr);
	}
	if (errnum >= 0)
		fputs(strerror(errnum), stderr);
	fputc('\n', stderr);
}

void vwarn(const char *fmt, va_list ap)
{
	report(fmt, ap, errno);
}

void vwarnx(const char *fmt, va_list ap)
{
	report(fmt, ap, -1);
}

_Noreturn void verr(int status, const char *fmt, va_list ap)
{
	vwarn(fmt, ap);
	exit(status);
}

_Noreturn void verrx(int status, const char *fmt, va_list ap)
{
	vwarnx(fmt, ap);
	exit(status);
}

void warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
}

_Noreturn void err(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verr(status, fmt, ap);
}

_Noreturn void errx(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verrx(status, fmt, ap);
}
