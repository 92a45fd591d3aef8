/*
 * tmpfile.c: temporary files, which wasi-libc lacks: the mkstemp family,
 * mkdtemp, mktemp, tmpfile, tmpnam and tempnam, and memfd_create's
 * anonymous file (wasi-libc declares it in sys/mman.h, defines none).
 */
#define _WASI_EMULATED_MMAN
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * WASI has no temporary directory of its own: $TMPDIR or /tmp when the
 * program may write there (the runner grants what its arguments name),
 * else the current directory.
 */
static const char *temp_dir(void)
{
	const char *d = getenv("TMPDIR");

	if (d && *d && access(d, W_OK) == 0)
		return d;
	if (access("/tmp", W_OK) == 0)
		return "/tmp";
	return ".";
}

/* Replaces the six X's at x with random letters and digits. */
static int randomize(char *x)
{
	static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	unsigned char r[6];

	if (getentropy(r, sizeof r) < 0)
		return -1;
	for (int i = 0; i < 6; i++)
		x[i] = chars[r[i] % (sizeof chars - 1)];
	return 0;
}

/* The six X's before a suffix of suffixlen bytes, or NULL (EINVAL). */
static char *find_x(char *template, int suffixlen)
{
	size_t n = strlen(template);

	if (suffixlen < 0 || n < 6 + (size_t)suffixlen ||
	    memcmp(template + n - suffixlen - 6, "XXXXXX", 6) != 0) {
		errno = EINVAL;
		return NULL;
	}
	return template + n - suffixlen - 6;
}

/* Tries names until create() makes one that did not exist. */
static int make_unique(char *template, int suffixlen, int (*create)(const char *))
{
	char *x = find_x(template, suffixlen);

	if (!x)
		return -1;
	for (int tries = 0; tries < 100; tries++) {
		int r;

		if (randomize(x) < 0)
			return -1;
		if ((r = create(template)) >= 0 || errno != EEXIST)
			return r;
	}
	memcpy(x, "XXXXXX", 6);
	errno = EEXIST;
	return -1;
}

/* open's flags for the mkostemp family: O_RDWR, O_CREAT and O_EXCL, plus the caller's */
static int extra_flags;

static int create_file(const char *path)
{
	return open(path, O_RDWR | O_CREAT | O_EXCL | extra_flags, 0600);
}

/* Only checks that the name is free: mktemp's name may be taken by the time it is used. */
static int name_is_free(const char *path)
{
	struct stat st;

	if (lstat(path, &st) == 0) {
		errno = EEXIST;
		return -1;
	}
	return errno == ENOENT ? 0 : -1;
}

static int create_dir(const char *path)
{
	return mkdir(path, 0700);
}

int mkostemps(char *template, int suffixlen, int flags)
{
	int fd;

	extra_flags = flags & ~O_ACCMODE;
	fd = make_unique(template, suffixlen, create_file);
	extra_flags = 0;
	return fd;
}

int mkostemp(char *template, int flags)
{
	return mkostemps(template, 0, flags);
}

int mkstemps(char *template, int suffixlen)
{
	return mkostemps(template, suffixlen, 0);
}

int mkstemp(char *template)
{
	return mkstemps(template, 0);
}

char *mkdtemp(char *template)
{
	return make_unique(template, 0, create_dir) < 0 ? NULL : template;
}

/* On failure the template becomes the empty string, as POSIX had it. */
char *mktemp(char *template)
{
	if (make_unique(template, 0, name_is_free) < 0)
		*template = 0;
	return template;
}

FILE *tmpfile(void)
{
	char path[4096];
	FILE *f;
	int fd;

	if ((size_t)snprintf(path, sizeof path, "%s/tmpfXXXXXX", temp_dir()) >= sizeof path) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	if ((fd = mkstemp(path)) < 0)
		return NULL;
	unlink(path); /* gone when closed, as tmpfile's file is */
	if (!(f = fdopen(fd, "w+")))
		close(fd);
	return f;
}

/*
 * An anonymous file: one made in the temporary directory and unlinked at
 * once, so that it goes when its descriptor is closed. The name is only a
 * label on Linux; no sealing (MFD_ALLOW_SEALING is accepted, F_ADD_SEALS
 * does not exist), no huge pages (EINVAL).
 */
int memfd_create(const char *name, unsigned flags)
{
	char path[4096];
	int fd;

	if (!name || strlen(name) > 249 || (flags & ~(unsigned)(MFD_CLOEXEC | MFD_ALLOW_SEALING))) {
		errno = EINVAL;
		return -1;
	}
	if ((size_t)snprintf(path, sizeof path, "%s/memfdXXXXXX", temp_dir()) >= sizeof path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if ((fd = mkostemp(path, 0)) < 0)
		return -1;
	unlink(path);
	/* O_CLOEXEC is 0: the flag is the layer's fcntl's */
	if ((flags & MFD_CLOEXEC) && fcntl(fd, F_SETFD, FD_CLOEXEC) < 0) {
		int error = errno;

		close(fd);
		errno = error;
		return -1;
	}
	return fd;
}

/* As C says: a name that is not a file now; s, if given, holds L_tmpnam bytes. */
char *tmpnam(char *s)
{
	static char buf[4096];
	struct stat st;
	char *p = s ? s : buf;

	for (int tries = 0; tries < 100; tries++) {
		/* L_tmpnam is 4096 (runtime/include/stdio.h) */
		if ((size_t)snprintf(p, 4096, "%s/tmpnXXXXXX", temp_dir()) >= 4096)
			return NULL;
		if (randomize(p + strlen(p) - 6) < 0)
			return NULL;
		if (stat(p, &st) < 0 && errno == ENOENT)
			return p;
	}
	return NULL;
}

/* A name in dir (or $TMPDIR, or the temporary directory) starting with pfx. */
char *tempnam(const char *dir, const char *pfx)
{
	const char *env = getenv("TMPDIR");
	char *p;
	size_t n;

	if (env && *env && access(env, W_OK) == 0)
		dir = env;
	else if (!dir || access(dir, W_OK) != 0)
		dir = temp_dir();
	if (!pfx)
		pfx = "temp";
	n = strlen(dir) + strlen(pfx) + 9;
	if (!(p = malloc(n)))
		return NULL;
	snprintf(p, n, "%s/%.5sXXXXXX", dir, pfx);
	if (make_unique(p, 0, name_is_free) < 0) {
		free(p);
		return NULL;
	}
	return p;
}
