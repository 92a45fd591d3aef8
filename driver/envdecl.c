/* envdecl.c: the --env declaration, a custom section naming the variables a command may read. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"
#include "util.h"

/*
 * Typed Main Level 0: the environment variables a command reads are fixed
 * at link time. The names go into a custom section at the top level of the
 * artifact, core module or component alike (both allow custom sections
 * anywhere), so that any tool can read them without knowing the layout:
 *
 *   section id 0, size, name "wasm32-wasi-cc.env", vec(name)
 *
 * where vec and name are the binary format's own: a LEB128 count, then per
 * name a LEB128 length and UTF-8 bytes.
 */
#define SECTION_NAME "wasm32-wasi-cc.env"

struct bytes {
	unsigned char *p;
	size_t len, cap;
};

static void put(struct bytes *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2;
		b->p = xreallocarray(b->p, b->cap, 1);
	}
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

static void put_leb(struct bytes *b, size_t v)
{
	do {
		unsigned char c = v & 0x7f;

		v >>= 7;
		if (v)
			c |= 0x80;
		put(b, &c, 1);
	} while (v);
}

static void put_name(struct bytes *b, const char *s)
{
	put_leb(b, strlen(s));
	put(b, s, strlen(s));
}

static int read_all(const char *path, struct bytes *b, char **err)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		goto fail;
	for (;;) {
		if (b->cap - b->len < 65536) {
			b->cap = b->cap * 2 + 65536;
			b->p = xreallocarray(b->p, b->cap, 1);
		}
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
	return -1;
}

static int write_all(const char *path, const struct bytes *b, char **err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	size_t off = 0;

	if (fd < 0)
		goto fail;
	while (off < b->len) {
		ssize_t n = write(fd, b->p + off, b->len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto fail;
		off += (size_t)n;
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

/* declare-env INPUT OUTPUT [NAME...]: OUTPUT is INPUT with the section appended. */
int builtin_declare_env(int argc, char **argv, char **err)
{
	static const unsigned char magic[4] = {0, 'a', 's', 'm'};
	struct bytes module = {0}, payload = {0}, header = {0};
	int r = -1;

	if (argc < 3) {
		*err = xstrdup("usage: declare-env INPUT OUTPUT [NAME...]");
		return -1;
	}
	if (read_all(argv[1], &module, err) < 0)
		goto out;
	if (module.len < 8 || memcmp(module.p, magic, 4) != 0) {
		*err = xasprintf("%s: not a WebAssembly module or component", argv[1]);
		goto out;
	}
	put_name(&payload, SECTION_NAME);
	put_leb(&payload, (size_t)(argc - 3));
	for (int i = 3; i < argc; i++)
		put_name(&payload, argv[i]);
	put(&header, "", 1); /* custom section id */
	put_leb(&header, payload.len);
	put(&module, header.p, header.len);
	put(&module, payload.p, payload.len);
	r = write_all(argv[2], &module, err);
out:
	free(module.p);
	free(payload.p);
	free(header.p);
	return r;
}
