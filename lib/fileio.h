/* fileio.h: whole files in and out, for the builtin steps. */
#ifndef FILEIO_H
#define FILEIO_H

#include <stddef.h>

#include "wasm/wasm.h"

/* Reads the whole file into b (b->p allocated). Returns 0, or -1 with *err set ("PATH: why"). */
int file_read(const char *path, struct wasm_buf *b, char **err);

/* Writes n bytes at p as the whole of path (created 0666 & ~umask). Returns 0, or -1 with *err set. */
int file_write(const char *path, const void *p, size_t n, char **err);

#endif
