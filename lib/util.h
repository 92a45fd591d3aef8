/* util.h: the one error path, allocation that cannot fail, growable string vectors. */
#ifndef UTIL_H
#define UTIL_H

#include <stdarg.h>
#include <stddef.h>

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Exit statuses: 1 for a failure, 2 for a usage error (as GNU tools do). */
enum { EXIT_FAIL = 1, EXIT_USAGE = 2 };

extern const char *progname;

/* Messages are "progname: fmt"; a format ending in ':' appends strerror(errno). */
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void die(int status);

/* Run before exiting through fatal()/die(): removes temporaries (tempfiles.c). */
extern void (*exit_cleanup)(void);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xreallocarray(void *p, size_t n, size_t m);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* A NULL-terminated, growable array of strings (an argv). */
struct strvec {
	char **v;
	size_t len, cap;
};

void strvec_push(struct strvec *sv, const char *s);     /* pushes s itself, not a copy */
void strvec_append(struct strvec *sv, const struct strvec *from);
void strvec_free(struct strvec *sv);                     /* frees the array, not the strings */

/* Returns the part of path after its last '/'. */
const char *base_name(const char *path);
int has_suffix(const char *s, const char *suffix);
int has_prefix(const char *s, const char *prefix);

#endif
