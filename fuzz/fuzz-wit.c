/* fuzz-wit.c: a libFuzzer harness for the WIT parser and what is made from a world: header, glue, component type, JSON. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "wit.h"

/*
 * An input is one .wit file, read from a memory file. A world that loads is
 * made into everything the driver makes of it; each must succeed, and the
 * component type must be a component that starts as wasm_world_metadata says.
 */
int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t n)
{
	struct wit_world w;
	struct wasm_buf b = {0};
	char path[64], *err = NULL;
	int fd = memfd_create("wit", 0);

	if (fd < 0 || write(fd, bytes, n) != (ssize_t)n)
		abort();
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	if (wit_load(path, &w, &err) < 0) {
		free(err);
		close(fd);
		return 0;
	}
	close(fd);
	if (wit_write_header(&w, &b, &err) < 0 || wit_write_glue(&w, &b, &err) < 0)
		abort();
	b.len = 0;
	if (wit_encode_world(&w, &b, &err) < 0 || wasm_binary_kind(b.p, b.len) != WASM_COMPONENT)
		abort();
	b.len = 0;
	wit_write_json(&w, &b);
	wasm_buf_free(&b);
	wit_free(&w);
	return 0;
}
