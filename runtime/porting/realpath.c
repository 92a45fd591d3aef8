/*
 * realpath.c: the canonical absolute path of a file, which wasi-libc (2022)
 * leaves out: relative paths start at getcwd() (wasi-libc's emulated working
 * directory), and each component is checked with lstat, "." and ".." are
 * resolved, and symbolic links are followed (at most 40: ELOOP).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_LINKS 40

/* Appends the n bytes at s to the path of length *len in out (PATH_MAX). */
static int append(char *out, size_t *len, const char *s, size_t n)
{
	if (*len + n >= PATH_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(out + *len, s, n);
	*len += n;
	out[*len] = 0;
	return 0;
}

char *realpath(const char *restrict path, char *restrict resolved)
{
	char out[PATH_MAX], rest[PATH_MAX], target[PATH_MAX];
	size_t len = 0, links = 0;
	char *p;

	if (!path) {
		errno = EINVAL;
		return NULL;
	}
	if (!*path) {
		errno = ENOENT;
		return NULL;
	}
	if (strlen(path) >= sizeof rest) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	strcpy(rest, path);
	if (*path == '/') {
		strcpy(out, "/");
		len = 1;
	} else if (!getcwd(out, sizeof out)) {
		return NULL;
	} else {
		len = strlen(out);
	}
	for (p = rest; *p;) {
		char *name = p;
		size_t n = strcspn(p, "/");
		struct stat st;

		p += n;
		while (*p == '/')
			p++;
		if (n == 0 || (n == 1 && name[0] == '.'))
			continue;
		if (n == 2 && name[0] == '.' && name[1] == '.') {
			while (len > 1 && out[len - 1] != '/')
				len--;
			if (len > 1)
				len--;
			out[len] = 0;
			continue;
		}
		size_t parent = len;

		if ((len > 1 && append(out, &len, "/", 1) < 0) || append(out, &len, name, n) < 0)
			return NULL;
		if (lstat(out, &st) < 0)
			return NULL;
		if (S_ISLNK(st.st_mode)) {
			ssize_t t;

			if (++links > MAX_LINKS) {
				errno = ELOOP;
				return NULL;
			}
			if ((t = readlink(out, target, sizeof target - 1)) < 0)
				return NULL;
			/* the rest of the path goes after the link's target */
			if ((size_t)t + 1 + strlen(p) >= sizeof target) {
				errno = ENAMETOOLONG;
				return NULL;
			}
			target[t] = '/';
			strcpy(target + t + 1, p);
			strcpy(rest, target);
			p = rest;
			len = target[0] == '/' ? 1 : parent;
			out[len] = 0;
		} else if (*p && !S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			return NULL;
		}
	}
	if (!resolved && !(resolved = malloc(len + 1)))
		return NULL;
	memcpy(resolved, out, len + 1);
	return resolved;
}
