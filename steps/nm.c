/* nm.c: wasm32-wasi-nm: llvm-nm, plus -D, which lists what a dll exports as nm lists a shared library's dynamic symbols. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"
#include "libraries.h"
#include "util.h"
#include "wasm/wasm.h"

#ifndef LLVM_NM
#define LLVM_NM "llvm-nm"
#endif

/*
 * A dll has no ELF dynamic symbol table: what it offers is its exports.
 * Build systems ask `nm -D libx.so` for them (libtool, jansson's
 * check-exports), so -D (--dynamic) prints each export of a dll the way
 * nm prints a defined symbol: functions as T, data (a global holding the
 * address) as D, with the address field zero. Everything else, and -D on
 * what is not a dll, is llvm-nm's.
 */
static int is_dynamic_flag(const char *a)
{
	return strcmp(a, "-D") == 0 || strcmp(a, "--dynamic") == 0;
}

/* The exports of the dll at path; 0 when it is not a dll, -1 when it cannot be read. */
static int print_exports(const char *path, int many)
{
	struct wasm_buf b;
	struct wasm_module m = {0};
	char *err = NULL;

	if (file_read(path, &b, &err) < 0) {
		fprintf(stderr, "%s: %s\n", progname, err);
		free(err);
		return -1;
	}
	if (!library_is_dynamic(library_kind(b.p, b.len, NULL))) {
		free(b.p);
		return 0;
	}
	if (wasm_read_module(&m, b.p, b.len, &err) < 0) {
		fprintf(stderr, "%s: %s: %s\n", progname, path, err);
		free(err);
		free(b.p);
		return -1;
	}
	if (many)
		printf("\n%s:\n", path);
	for (uint32_t i = 0; i < m.nexports; i++) {
		const struct wasm_export *e = &m.exports[i];
		char *name = wasm_name_str(e->name);

		if (e->kind == WASM_FUNC || e->kind == WASM_GLOBAL)
			printf("%08x %c %s\n", 0, e->kind == WASM_FUNC ? 'T' : 'D', name);
		free(name);
	}
	wasm_module_free(&m);
	free(b.p);
	return 1;
}

int main(int argc, char **argv)
{
	int dynamic = 0, files = 0, status = 0;

	progname = "wasm32-wasi-nm";
	for (int i = 1; i < argc; i++) {
		if (is_dynamic_flag(argv[i]))
			dynamic = 1;
		else if (argv[i][0] != '-')
			files++;
	}
	if (dynamic && files > 0) {
		/* the dlls here; llvm-nm gets the rest, if any */
		char **rest = xcalloc((size_t)argc + 1, sizeof(*rest));
		int nrest = 0, others = 0;

		rest[nrest++] = (char *)LLVM_NM;
		for (int i = 1; i < argc; i++) {
			int r = argv[i][0] == '-' ? 0 : print_exports(argv[i], files > 1);

			if (r < 0)
				status = 1;
			if (r == 0) {
				rest[nrest++] = argv[i];
				others += argv[i][0] != '-';
			}
		}
		if (!others) {
			if (fflush(stdout) != 0 || ferror(stdout))
				fatal("standard output:");
			return status;
		}
		fflush(stdout);
		argv = rest;
	} else {
		argv[0] = (char *)LLVM_NM;
	}
	execvp(argv[0], argv);
	fatal("%s: cannot run it (install the Debian package llvm-19):", argv[0]);
}
