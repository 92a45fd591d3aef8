/* fileio.c: whole files in and out, for the builtin steps. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "util.h"

int file_read(const char *path, struct wasm_buf *b, char **err)
{
	int fd = open(path, O_RDONLY);
	struct stat st;

	memset(b, 0, sizeof(*b));
	if (fd < 0 || fstat(fd, &st) < 0)
		goto fail;
	b->cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 65536;
	b->p = xmalloc(b->cap);
	for (;;) {
		ssize_t n;

		if (b->len == b->cap)
			b->p = xreallocarray(b->p, b->cap *= 2, 1);
		n = read(fd, b->p + b->len, b->cap - b->len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto fail;
		if (n == 0)
			break;
		b->len += (size_t)n;
	}
	close(fd);
	return 0;
fail:
	*err = xasprintf("%s: %s", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	free(b->p);
	memset(b, 0, sizeof(*b));
	return -1;
}

int file_write(const char *path, const void *p, size_t n, char **err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	const unsigned char *q = p;

	if (fd < 0)
		goto fail;
	while (n > 0) {
		ssize_t w = write(fd, q, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			goto fail;
		q += w;
		n -= (size_t)w;
	}
	if (close(fd) < 0) {
		fd = -1;
		goto fail;
	}
	return 0;
fail:
	*err = xasprintf("%s: %s", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	return -1;
}
