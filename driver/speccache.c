/*
 * speccache.c: a spec directory's files, parsed once and kept beside them.
 *
 * Parsing YAML is most of what the driver does before it execs clang for a
 * `-c` (libyaml reads every byte of every comment). `make install` writes
 * DIR/specs.cache: for each *.yaml of DIR in name order, its name, the
 * identity of the file it was parsed from (size, modification time, inode)
 * and its tree. The driver takes the trees from there when the directory
 * still holds exactly those files, unchanged, and the cache was written by
 * this version of the driver; otherwise, or when the cache is unreadable in
 * any way, it parses the YAML as if there were no cache. So a cache can only
 * ever save time: it never changes what the specs say, nor where a message
 * about them points.
 *
 * The format: the line MAGIC, the driver's version and a newline, a u32 count
 * of files, then for each: a string (its name), u64 size, u64 mtime seconds,
 * u32 mtime nanoseconds, u64 inode, and its tree. A node is a byte (its
 * kind), u32 line, u32 column, then a string (scalar), or a u32 count and the
 * items (sequence), or a u32 count and for each a string, u32 line, u32
 * column and a node (mapping). A string is a u32 length, its bytes and a
 * NUL: the trees read from a cache point into it, as read, rather than
 * holding copies. Numbers are little-endian.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "speccache.h"
#include "spec.h"
#include "util.h"

#define MAGIC "wasm32-wasi-cc specs 2 "
#define CACHE_NAME "specs.cache"
/* Bounds on what is read: the spec parser's own depth, and a size no
 * cache of real specs comes near. */
enum { MAX_DEPTH = 64, MAX_CACHE = 64 << 20 };

struct identity {
	uint64_t size, sec, ino;
	uint32_t nsec;
};

static int identify(int dirfd, const char *name, struct identity *id)
{
	struct stat st;

	if (fstatat(dirfd, name, &st, 0) < 0 || !S_ISREG(st.st_mode))
		return -1;
	*id = (struct identity){(uint64_t)st.st_size, (uint64_t)st.st_mtim.tv_sec, (uint64_t)st.st_ino,
	                        (uint32_t)st.st_mtim.tv_nsec};
	return 0;
}

/* --- writing --- */

static void put_u32(FILE *f, uint32_t v)
{
	unsigned char b[4] = {v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24};

	fwrite(b, 1, 4, f);
}

static void put_u64(FILE *f, uint64_t v)
{
	put_u32(f, (uint32_t)v);
	put_u32(f, (uint32_t)(v >> 32));
}

static void put_str(FILE *f, const char *s)
{
	size_t n = strlen(s);

	put_u32(f, (uint32_t)n);
	fwrite(s, 1, n + 1, f);
}

static void put_node(FILE *f, const struct node *n)
{
	fputc(n->kind, f);
	put_u32(f, (uint32_t)n->line);
	put_u32(f, (uint32_t)n->col);
	if (n->kind == NODE_SCALAR) {
		put_str(f, n->str);
		return;
	}
	put_u32(f, (uint32_t)n->len);
	for (size_t i = 0; i < n->len; i++) {
		if (n->kind == NODE_MAP) {
			put_str(f, n->keys[i]);
			put_u32(f, (uint32_t)n->key_locs[i].line);
			put_u32(f, (uint32_t)n->key_locs[i].col);
		}
		put_node(f, n->items[i]);
	}
}

int spec_cache_write(const char *dir, struct dirent **names, int n, char **err)
{
	char *path = xasprintf("%s/%s", dir, CACHE_NAME);
	char *tmp = xasprintf("%s/.%s.XXXXXX", dir, CACHE_NAME);
	int dirfd = open(dir, O_RDONLY | O_DIRECTORY), fd = -1, rc = -1;
	FILE *f = NULL;

	if (dirfd < 0 || (fd = mkstemp(tmp)) < 0 || !(f = fdopen(fd, "wb"))) {
		*err = xasprintf("%s: %s", fd < 0 && dirfd >= 0 ? tmp : dir, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		goto out;
	}
	fputs(MAGIC PACKAGE_VERSION "\n", f);
	put_u32(f, (uint32_t)n);
	for (int i = 0; i < n; i++) {
		char *file = xasprintf("%s/%s", dir, names[i]->d_name);
		struct identity id;
		struct node *doc = spec_parse(file, err);

		free(file);
		if (!doc)
			goto fail;
		if (identify(dirfd, names[i]->d_name, &id) < 0) {
			*err = xasprintf("%s/%s: %s", dir, names[i]->d_name, strerror(errno));
			goto fail;
		}
		put_str(f, names[i]->d_name);
		put_u64(f, id.size);
		put_u64(f, id.sec);
		put_u32(f, id.nsec);
		put_u64(f, id.ino);
		put_node(f, doc);
	}
	if (fflush(f) != 0 || ferror(f) || fchmod(fd, 0644) < 0) {
		*err = xasprintf("%s: %s", tmp, strerror(errno));
		goto fail;
	}
	if (fclose(f) != 0 || rename(tmp, path) < 0) {
		f = NULL;
		*err = xasprintf("%s: %s", path, strerror(errno));
		goto fail;
	}
	f = NULL;
	rc = 0;
	goto out;
fail:
	if (f)
		fclose(f);
	unlink(tmp);
out:
	if (dirfd >= 0)
		close(dirfd);
	free(path);
	free(tmp);
	return rc;
}

/* --- reading --- */

struct reader {
	const unsigned char *p, *end;
	const char *file; /* the file the nodes being read came from */
	int bad;
};

static int have(struct reader *r, size_t n)
{
	if (r->bad || (size_t)(r->end - r->p) < n) {
		r->bad = 1;
		return 0;
	}
	return 1;
}

static uint32_t get_u32(struct reader *r)
{
	uint32_t v;

	if (!have(r, 4))
		return 0;
	v = r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 | (uint32_t)r->p[3] << 24;
	r->p += 4;
	return v;
}

static uint64_t get_u64(struct reader *r)
{
	uint64_t lo = get_u32(r);

	return lo | (uint64_t)get_u32(r) << 32;
}

/* A string, in the cache as read; NULL when the cache is malformed. */
static char *get_str(struct reader *r)
{
	uint32_t n = get_u32(r);
	char *s;

	if (n == UINT32_MAX || !have(r, (size_t)n + 1) || r->p[n] != 0 || memchr(r->p, 0, n)) {
		r->bad = 1;
		return NULL;
	}
	s = (char *)r->p;
	r->p += (size_t)n + 1;
	return s;
}

/* Each item takes at least a kind, a line and a column: a count beyond
 * what is left cannot be right, and is refused before anything is built. */
static uint32_t get_count(struct reader *r)
{
	uint32_t n = get_u32(r);

	if (n > (size_t)(r->end - r->p) / 9)
		r->bad = 1;
	return r->bad ? 0 : n;
}

static struct node *get_node(struct reader *r, int depth)
{
	struct node *n;
	unsigned kind;
	uint32_t line, col, count;

	if (depth > MAX_DEPTH || !have(r, 1)) {
		r->bad = 1;
		return NULL;
	}
	kind = *r->p++;
	line = get_u32(r);
	col = get_u32(r);
	if (r->bad || (kind != NODE_SCALAR && kind != NODE_SEQ && kind != NODE_MAP) || line > INT32_MAX ||
	    col > INT32_MAX) {
		r->bad = 1;
		return NULL;
	}
	n = node_make(kind, r->file, (int)line, (int)col);
	if (kind == NODE_SCALAR) {
		if (!(n->str = get_str(r)))
			goto bad;
		return n;
	}
	count = get_count(r);
	node_reserve(n, count);
	for (uint32_t i = 0; i < count && !r->bad; i++) {
		char *key = NULL;
		struct node_loc loc = {r->file, 0, 0};
		struct node *item;

		if (kind == NODE_MAP) {
			if (!(key = get_str(r)))
				goto bad;
			loc.line = (int)(get_u32(r) & INT32_MAX);
			loc.col = (int)(get_u32(r) & INT32_MAX);
		}
		if (!(item = get_node(r, depth + 1)))
			goto bad;
		node_add(n, key, &loc, item);
	}
	if (!r->bad)
		return n;
bad:
	r->bad = 1;
	return NULL;
}

/* The whole cache file, if it is a regular file of a sane size, in memory
 * the trees own (spec_alloc): they point into it. */
static unsigned char *slurp(int dirfd, size_t *len)
{
	int fd = openat(dirfd, CACHE_NAME, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	unsigned char *buf = NULL;
	size_t got = 0;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 || st.st_size > MAX_CACHE)
		goto out;
	buf = spec_alloc((size_t)st.st_size);
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);

		if (n <= 0) {
			buf = NULL;
			goto out;
		}
		got += (size_t)n;
	}
	*len = got;
out:
	close(fd);
	return buf;
}

int spec_cache_read(struct node **root, const char *dir, struct dirent **names, int n)
{
	static const char header[] = MAGIC PACKAGE_VERSION "\n";
	int dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	size_t len = 0;
	unsigned char *buf = dirfd < 0 ? NULL : slurp(dirfd, &len);
	struct reader r = {buf, buf + len, NULL, 0};
	struct node **docs = NULL;
	int ok = 0;

	if (!buf || len < sizeof(header) - 1 || memcmp(buf, header, sizeof(header) - 1) != 0)
		goto out;
	r.p += sizeof(header) - 1;
	if (get_u32(&r) != (uint32_t)n)
		goto out;
	docs = xcalloc((size_t)n + 1, sizeof(*docs));
	for (int got = 0; got < n; got++) {
		char *name = get_str(&r);
		struct identity want, is;
		char *file;

		want.size = get_u64(&r);
		want.sec = get_u64(&r);
		want.nsec = get_u32(&r);
		want.ino = get_u64(&r);
		if (!name || strcmp(name, names[got]->d_name) != 0 || identify(dirfd, name, &is) < 0 ||
		    is.size != want.size || is.sec != want.sec || is.nsec != want.nsec || is.ino != want.ino)
			goto out;
		/* nodes point at their file name for the life of the tree */
		file = xasprintf("%s/%s", dir, names[got]->d_name);
		r.file = spec_strndup(file, strlen(file));
		free(file);
		docs[got] = get_node(&r, 0);
		if (!docs[got] || docs[got]->kind != NODE_MAP)
			goto out;
	}
	if (r.p != r.end)
		goto out;
	for (int i = 0; i < n; i++)
		spec_layer(root, docs[i]);
	ok = 1;
out:
	/* a cache that could not be used leaves no tree behind: what was read
	 * of it stays in the trees' pool, unreachable, until spec_free */
	free(docs);
	if (dirfd >= 0)
		close(dirfd);
	return ok;
}
