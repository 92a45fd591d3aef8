/* versionscript.c: reading an ELF version script's global: patterns, for the dll export rule. */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "util.h"
#include "versionscript.h"

/*
 * GNU ld's version scripts: `{ global: a; b*; local: *; };`, or the same
 * blocks named by a version (`V1 { ... }; V2 { ... } V1;`). A block's
 * patterns are global until `local:` says otherwise; a pattern is a glob
 * (fnmatch), or a quoted name matched as it is. Comments are C's and '#' to
 * the end of the line. Patterns in `extern "C++" { ... }` name demangled
 * C++ symbols, which an object's symbol table does not hold: they are read
 * and match nothing. Versions themselves mean nothing for wasm.
 */
struct lexer {
	const char *p, *end, *file;
	int line;
	char *err;
};

enum token { T_END, T_WORD, T_STRING, T_LBRACE, T_RBRACE, T_SEMI, T_COLON, T_ERROR };

static void skip_space(struct lexer *lx)
{
	while (lx->p < lx->end) {
		if (*lx->p == '\n') {
			lx->line++;
			lx->p++;
		} else if (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\r') {
			lx->p++;
		} else if (*lx->p == '#') {
			while (lx->p < lx->end && *lx->p != '\n')
				lx->p++;
		} else if (lx->end - lx->p >= 2 && lx->p[0] == '/' && lx->p[1] == '*') {
			for (lx->p += 2; lx->p < lx->end && !(lx->p[0] == '*' && lx->p + 1 < lx->end && lx->p[1] == '/');
			     lx->p++)
				lx->line += *lx->p == '\n';
			lx->p = lx->p < lx->end ? lx->p + 2 : lx->end;
		} else {
			break;
		}
	}
}

/* The next token; a word or string's text in *text (allocated). */
static enum token next(struct lexer *lx, char **text)
{
	const char *start;

	skip_space(lx);
	if (lx->p >= lx->end)
		return T_END;
	switch (*lx->p) {
	case '{': lx->p++; return T_LBRACE;
	case '}': lx->p++; return T_RBRACE;
	case ';': lx->p++; return T_SEMI;
	case ':': lx->p++; return T_COLON;
	case '"':
		start = ++lx->p;
		while (lx->p < lx->end && *lx->p != '"' && *lx->p != '\n')
			lx->p++;
		if (lx->p >= lx->end || *lx->p != '"') {
			lx->err = xasprintf("%s:%d: unterminated string", lx->file, lx->line);
			return T_ERROR;
		}
		*text = xstrndup(start, (size_t)(lx->p++ - start));
		return T_STRING;
	}
	start = lx->p;
	while (lx->p < lx->end && !strchr(" \t\r\n{};:\"#", *lx->p))
		lx->p++;
	*text = xstrndup(start, (size_t)(lx->p - start));
	return T_WORD;
}

static int fail(struct lexer *lx, const char *what)
{
	if (!lx->err)
		lx->err = xasprintf("%s:%d: %s", lx->file, lx->line, what);
	return -1;
}

/* The patterns of one block, up to its closing brace; cxx: inside extern "C++". */
static int read_block(struct lexer *lx, struct version_script *vs, int cxx)
{
	int global = 1;

	for (;;) {
		char *text = NULL;
		enum token t = next(lx, &text);

		if (t == T_RBRACE)
			return 0;
		if (t == T_ERROR)
			return -1;
		if (t == T_END)
			return fail(lx, "'}' expected before the end of the file");
		if (t != T_WORD && t != T_STRING) {
			free(text);
			return fail(lx, "a pattern, 'global:' or 'local:' expected");
		}
		if (t == T_WORD && (strcmp(text, "global") == 0 || strcmp(text, "local") == 0)) {
			global = strcmp(text, "global") == 0;
			free(text);
			if (next(lx, &text) != T_COLON)
				return fail(lx, "':' expected after 'global' or 'local'");
			continue;
		}
		if (t == T_WORD && strcmp(text, "extern") == 0) {
			free(text);
			if (next(lx, &text) != T_STRING || next(lx, &(char *){NULL}) != T_LBRACE)
				return fail(lx, "extern \"LANGUAGE\" { expected");
			if (read_block(lx, vs, cxx || strcmp(text, "C") != 0) < 0)
				return -1;
			free(text);
			if (next(lx, &text) != T_SEMI)
				return fail(lx, "';' expected after an extern block");
			continue;
		}
		if (next(lx, &(char *){NULL}) != T_SEMI) {
			free(text);
			return fail(lx, "';' expected after a pattern");
		}
		if (cxx || !global) {
			free(text);
			continue;
		}
		/* a quoted name is matched as it is: its glob characters escaped */
		if (t == T_STRING) {
			char *q = xmalloc(2 * strlen(text) + 1), *o = q;

			for (const char *s = text; *s; s++) {
				if (strchr("*?[\\", *s))
					*o++ = '\\';
				*o++ = *s;
			}
			*o = 0;
			free(text);
			text = q;
		}
		strvec_push(&vs->global, text);
	}
}

int version_script_read(const char *path, struct version_script *vs, char **err)
{
	struct wasm_buf b;
	struct lexer lx;

	if (file_read(path, &b, err) < 0)
		return -1;
	lx = (struct lexer){(const char *)b.p, (const char *)b.p + b.len, path, 1, NULL};
	vs->given = 1;
	for (;;) {
		char *text = NULL;
		enum token t = next(&lx, &text);

		if (t == T_END)
			break;
		if (t == T_WORD) { /* a version's name */
			free(text);
			t = next(&lx, &text);
		}
		if (t != T_LBRACE || read_block(&lx, vs, 0) < 0) {
			fail(&lx, "'{' expected");
			break;
		}
		/* the versions it depends on, then ';' */
		while ((t = next(&lx, &text)) == T_WORD)
			free(text);
		if (t != T_SEMI) {
			fail(&lx, "';' expected after a version's block");
			break;
		}
	}
	free(b.p);
	if (lx.err) {
		*err = lx.err;
		return -1;
	}
	return 0;
}

int version_script_exports(const struct version_script *vs, const char *name)
{
	for (size_t i = 0; i < vs->global.len; i++)
		if (fnmatch(vs->global.v[i], name, 0) == 0)
			return 1;
	return 0;
}

void version_script_free(struct version_script *vs)
{
	for (size_t i = 0; i < vs->global.len; i++)
		free((char *)vs->global.v[i]);
	strvec_free(&vs->global);
}
