/* wit.c: the WIT parser: a package's world, its exported functions and the types they use. */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "util.h"
#include "wit.h"

/*
 * The subset of WIT (the component model's WIT.md) that Typed Main level 1
 * takes: a `package` declaration, then worlds and interfaces; the world's
 * `export NAME: func(...) -> T;` items, and the types they use, defined in
 * the world itself or in an interface of the package that the world `use`s
 * (`use types.{point, shape as form};`): record, variant, enum, flags and
 * `type` aliases, over the primitives, list, option, result and tuple. Doc
 * comments (`///`) are kept. Imports, interface exports, functions in
 * interfaces, `use` of other packages or within interfaces, `include`,
 * resources, handles, futures, streams and async are refused by name. A file
 * with several worlds is refused too: which one would be meant?
 *
 * Errors are "FILE:LINE:COL: what is wrong", columns counting bytes from 1.
 */

const char *const wit_prim_names[] = {"bool", "s8", "u8", "s16", "u16", "s32", "u32", "s64", "u64",
                                      "f32", "f64", "char", "string"};

enum tok_kind { TOK_EOF, TOK_ID, TOK_PUNCT, TOK_ARROW };

struct tok {
	enum tok_kind kind;
	char punct;
	char *text;     /* TOK_ID: the name, without a leading % */
	int escaped;    /* written %name: never a keyword */
	char *docs;     /* the /// lines before it */
	int line, col;
};

struct parser {
	const char *file;
	const char *src;
	size_t pos, len;
	int line, col;
	struct tok tok;
	struct wit_world *w;
	char *err;
	jmp_buf fail;
	int nworlds;
	struct wit_iface *cur;  /* the interface being read; NULL: the world */
};

__attribute__((format(printf, 4, 5), noreturn)) static void fail_at(struct parser *p, int line, int col,
                                                                   const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	p->err = xasprintf("%s:%d:%d: %s", p->file, line, col, msg);
	free(msg);
	longjmp(p->fail, 1);
}

#define fail(p, ...) fail_at(p, (p)->tok.line, (p)->tok.col, __VA_ARGS__)

/* ------------------------------------------------------------------- lexer */

static int peekc(const struct parser *p, size_t ahead)
{
	return p->pos + ahead < p->len ? (unsigned char)p->src[p->pos + ahead] : -1;
}

static void advance(struct parser *p)
{
	if (p->src[p->pos] == '\n') {
		p->line++;
		p->col = 1;
	} else {
		p->col++;
	}
	p->pos++;
}

static void add_doc_line(struct parser *p, char **docs, size_t start, size_t end)
{
	char *old = *docs;

	if (start < end && p->src[start] == ' ')
		start++;
	while (end > start && (p->src[end - 1] == ' ' || p->src[end - 1] == '\t' || p->src[end - 1] == '\r'))
		end--;
	*docs = old ? xasprintf("%s\n%.*s", old, (int)(end - start), p->src + start)
	            : xasprintf("%.*s", (int)(end - start), p->src + start);
	free(old);
}

/* The lines of a block doc comment's text (slash, two stars), each without its leading blanks and '*'. */
static void block_docs(struct parser *p, char **docs, size_t start, size_t end)
{
	while (start < end) {
		size_t e = start;

		while (e < end && p->src[e] != '\n')
			e++;
		while (start < e && (p->src[start] == ' ' || p->src[start] == '\t'))
			start++;
		if (start < e && p->src[start] == '*')
			start++;
		/* blank first and last lines are the comment's frame */
		if (start < e || (*docs && e < end))
			add_doc_line(p, docs, start, e);
		start = e + 1;
	}
}

/* Whitespace and comments; the /// lines go to *docs (a blank line between them and the token does not matter). */
static void skip_space(struct parser *p, char **docs)
{
	for (;;) {
		int c = peekc(p, 0);

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			advance(p);
		} else if (c == '/' && peekc(p, 1) == '/') {
			int doc = peekc(p, 2) == '/' && peekc(p, 3) != '/';
			size_t start = p->pos + 3;

			while (p->pos < p->len && p->src[p->pos] != '\n')
				advance(p);
			if (doc)
				add_doc_line(p, docs, start, p->pos);
		} else if (c == '/' && peekc(p, 1) == '*') {
			int line = p->line, col = p->col, depth = 0;
			/* a doc comment opens with a slash and two stars, and is not the empty comment */
			int doc = peekc(p, 2) == '*' && peekc(p, 3) != '/';
			size_t start = p->pos + 3;

			do {
				if (p->pos >= p->len)
					fail_at(p, line, col, "unterminated comment");
				if (peekc(p, 0) == '/' && peekc(p, 1) == '*') {
					depth++;
					advance(p);
				} else if (peekc(p, 0) == '*' && peekc(p, 1) == '/') {
					depth--;
					advance(p);
				}
				advance(p);
			} while (depth > 0);
			if (doc)
				block_docs(p, docs, start, p->pos - 2);
		} else {
			return;
		}
	}
}

static int id_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

/* Is s kebab-case: words of [a-z][a-z0-9]* or [A-Z][A-Z0-9]*, joined by single dashes? */
static const char *kebab_problem(const char *s)
{
	const char *w = s;

	for (;;) {
		const char *e = strchr(w, '-');
		size_t n = e ? (size_t)(e - w) : strlen(w);
		int lower = 0, upper = 0;

		if (n == 0)
			return "has an empty word between dashes";
		if (!isalpha((unsigned char)w[0]))
			return "has a word that starts with a digit";
		for (size_t i = 0; i < n; i++) {
			lower |= w[i] >= 'a' && w[i] <= 'z';
			upper |= w[i] >= 'A' && w[i] <= 'Z';
		}
		if (lower && upper)
			return "mixes lower and upper case in a word";
		if (!e)
			return NULL;
		w = e + 1;
	}
}

static void next(struct parser *p)
{
	int c;

	free(p->tok.text);
	free(p->tok.docs);
	memset(&p->tok, 0, sizeof(p->tok));
	skip_space(p, &p->tok.docs);
	p->tok.line = p->line;
	p->tok.col = p->col;
	c = peekc(p, 0);
	if (c < 0) {
		p->tok.kind = TOK_EOF;
		return;
	}
	if (c == '-' && peekc(p, 1) == '>') {
		advance(p);
		advance(p);
		p->tok.kind = TOK_ARROW;
		return;
	}
	if (c == '%' || id_char(c)) {
		size_t start;
		const char *why;

		if (c == '%') {
			p->tok.escaped = 1;
			advance(p);
		}
		start = p->pos;
		while (id_char(peekc(p, 0)))
			advance(p);
		p->tok.kind = TOK_ID;
		p->tok.text = xasprintf("%.*s", (int)(p->pos - start), p->src + start);
		if (!*p->tok.text)
			fail(p, "expected a name after '%%'");
		if ((why = kebab_problem(p->tok.text)) && !(isdigit((unsigned char)*p->tok.text) && !p->tok.escaped))
			fail(p, "'%s' is no WIT name (kebab-case): it %s", p->tok.text, why);
		return;
	}
	if (strchr("{}()<>,:;=./@*_", c)) {
		p->tok.kind = TOK_PUNCT;
		p->tok.punct = (char)c;
		advance(p);
		return;
	}
	if (c >= 0x20 && c < 0x7f)
		fail(p, "unexpected character '%c'", c);
	fail(p, "unexpected byte 0x%02x", (unsigned)c);
}

static const char *tok_str(const struct tok *t)
{
	static char buf[64];

	switch (t->kind) {
	case TOK_EOF:
		return "the end of the file";
	case TOK_ARROW:
		return "'->'";
	case TOK_PUNCT:
		snprintf(buf, sizeof(buf), "'%c'", t->punct);
		return buf;
	default:
		snprintf(buf, sizeof(buf), "'%.40s'", t->text);
		return buf;
	}
}

static int is_punct(const struct parser *p, char c)
{
	return p->tok.kind == TOK_PUNCT && p->tok.punct == c;
}

static int is_kw(const struct parser *p, const char *kw)
{
	return p->tok.kind == TOK_ID && !p->tok.escaped && strcmp(p->tok.text, kw) == 0;
}

static void expect(struct parser *p, char c)
{
	if (!is_punct(p, c))
		fail(p, "expected '%c', found %s", c, tok_str(&p->tok));
	next(p);
}

static int accept(struct parser *p, char c)
{
	if (!is_punct(p, c))
		return 0;
	next(p);
	return 1;
}

static const char *const keywords[] = {
	"use", "type", "func", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "f32", "f64", "float32",
	"float64", "char", "record", "resource", "own", "borrow", "flags", "variant", "enum", "bool", "string",
	"option", "result", "future", "stream", "error-context", "list", "_", "as", "from", "static",
	"interface", "tuple", "import", "export", "world", "package", "constructor", "include", "with", "async",
};

static int is_keyword(const char *s)
{
	for (size_t i = 0; i < LEN(keywords); i++)
		if (strcmp(keywords[i], s) == 0)
			return 1;
	return 0;
}

/* s, owned by the world from now on: a failure anywhere later frees it with the world. */
static char *keep(struct parser *p, char *s)
{
	struct wit_world *w = p->w;

	if (s) {
		w->strings = xreallocarray(w->strings, w->nstrings + 1, sizeof(*w->strings));
		w->strings[w->nstrings++] = s;
	}
	return s;
}

/* A name being defined: an identifier, not a keyword unless %-escaped. The world's. */
static char *name(struct parser *p, const char *what)
{
	char *n;

	if (p->tok.kind != TOK_ID)
		fail(p, "expected %s, found %s", what, tok_str(&p->tok));
	if (!p->tok.escaped && is_keyword(p->tok.text))
		fail(p, "expected %s, found the keyword '%s' (write %%%s for a name)", what, p->tok.text,
		     p->tok.text);
	if (isdigit((unsigned char)p->tok.text[0]))
		fail(p, "expected %s, found %s", what, tok_str(&p->tok));
	n = keep(p, p->tok.text);
	p->tok.text = NULL;
	next(p);
	return n;
}

static char *take_docs(struct parser *p)
{
	char *d = keep(p, p->tok.docs);

	p->tok.docs = NULL;
	return d;
}

/* ------------------------------------------------------------------- types */

static struct wit_type *new_type(struct parser *p, enum wit_kind kind, int line, int col)
{
	struct wit_type *t = xcalloc(1, sizeof(*t));

	t->kind = kind;
	t->line = line;
	t->col = col;
	t->iface = p->cur; /* an anonymous type is named in its interface's namespace */
	t->next = p->w->all;
	p->w->all = t;
	return t;
}

static void add_field(struct wit_type *t, char *name, struct wit_type *type, char *docs)
{
	t->fields = xreallocarray(t->fields, t->nfields + 1, sizeof(*t->fields));
	t->fields[t->nfields++] = (struct wit_field){name, type, docs};
}

static struct wit_type *parse_type(struct parser *p);

static void refuse_type(struct parser *p, const char *what, const char *why)
{
	fail(p, "%s: %s are not supported by Typed Main level 1", what, why);
}

static struct wit_type *parse_type(struct parser *p)
{
	int line = p->tok.line, col = p->tok.col;
	struct wit_type *t;

	if (is_punct(p, '_'))
		fail(p, "'_' is only an ok type of result<_, E>");
	if (p->tok.kind != TOK_ID)
		fail(p, "expected a type, found %s", tok_str(&p->tok));
	if (!p->tok.escaped) {
		for (int k = WIT_BOOL; k <= WIT_STRING; k++)
			if (strcmp(p->tok.text, wit_prim_names[k]) == 0) {
				next(p);
				return new_type(p, (enum wit_kind)k, line, col);
			}
		if (is_kw(p, "float32") || is_kw(p, "float64")) {
			int k = p->tok.text[5] == '3' ? WIT_F32 : WIT_F64;

			next(p);
			return new_type(p, (enum wit_kind)k, line, col);
		}
		if (is_kw(p, "list") || is_kw(p, "option")) {
			t = new_type(p, is_kw(p, "list") ? WIT_LIST : WIT_OPTION, line, col);
			next(p);
			expect(p, '<');
			t->elem = parse_type(p);
			if (t->kind == WIT_LIST && accept(p, ','))
				fail(p, "fixed-length lists are not supported by Typed Main level 1");
			expect(p, '>');
			return t;
		}
		if (is_kw(p, "result")) {
			t = new_type(p, WIT_RESULT, line, col);
			next(p);
			if (!accept(p, '<'))
				return t;
			if (accept(p, '_')) {
				expect(p, ',');
				t->err = parse_type(p);
			} else {
				t->elem = parse_type(p);
				if (accept(p, ','))
					t->err = parse_type(p);
			}
			expect(p, '>');
			return t;
		}
		if (is_kw(p, "tuple")) {
			t = new_type(p, WIT_TUPLE, line, col);
			next(p);
			expect(p, '<');
			do {
				if (is_punct(p, '>') && t->nfields)
					break;
				add_field(t, NULL, parse_type(p), NULL);
			} while (accept(p, ','));
			expect(p, '>');
			return t;
		}
		if (is_kw(p, "borrow") || is_kw(p, "own"))
			refuse_type(p, p->tok.text, "resource handles");
		if (is_kw(p, "future") || is_kw(p, "stream"))
			refuse_type(p, p->tok.text, "async types");
		if (is_kw(p, "error-context"))
			refuse_type(p, p->tok.text, "async types");
	}
	t = new_type(p, WIT_REF, line, col);
	t->name = name(p, "a type");
	return t;
}

/* { a, b, c } of an enum or flags, or { name: T, ... } of a record, or { case(T), ... } of a variant. */
static void parse_body(struct parser *p, struct wit_type *t)
{
	expect(p, '{');
	while (!is_punct(p, '}')) {
		char *docs = take_docs(p), *n;
		struct wit_type *ft = NULL;

		n = name(p, t->kind == WIT_RECORD ? "a field name" : "a case name");
		if (t->kind == WIT_RECORD) {
			expect(p, ':');
			ft = parse_type(p);
		} else if (t->kind == WIT_VARIANT && accept(p, '(')) {
			ft = parse_type(p);
			expect(p, ')');
		}
		for (size_t i = 0; i < t->nfields; i++)
			if (strcmp(t->fields[i].name, n) == 0) {
				add_field(t, n, ft, docs);
				fail(p, "'%s' is defined twice in %s", n, t->name);
			}
		add_field(t, n, ft, docs);
		if (!accept(p, ','))
			break;
	}
	if (t->nfields == 0)
		fail(p, "%s '%s' is empty", t->kind == WIT_RECORD ? "record" : t->kind == WIT_FLAGS ? "flags" :
		     t->kind == WIT_ENUM ? "enum" : "variant", t->name);
	expect(p, '}');
}

static void add_named(struct parser *p, struct wit_type *t)
{
	struct wit_type ***types = p->cur ? &p->cur->types : &p->w->types;
	size_t *n = p->cur ? &p->cur->ntypes : &p->w->ntypes;

	t->iface = p->cur;
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*types)[i]->name, t->name) == 0)
			fail_at(p, t->line, t->col, "type '%s' is defined twice", t->name);
	*types = xreallocarray(*types, *n + 1, sizeof(**types));
	(*types)[(*n)++] = t;
}

/* A type definition at the current token, a keyword; 0 when it is none. */
static int parse_typedef(struct parser *p, char *docs)
{
	static const struct {
		const char *kw;
		enum wit_kind kind;
	} defs[] = {{"record", WIT_RECORD}, {"variant", WIT_VARIANT}, {"enum", WIT_ENUM}, {"flags", WIT_FLAGS},
	            {"type", WIT_ALIAS}};
	int line = p->tok.line, col = p->tok.col;

	if (is_kw(p, "resource"))
		fail(p, "resources are not supported by Typed Main level 1");
	for (size_t i = 0; i < LEN(defs); i++) {
		struct wit_type *t;

		if (!is_kw(p, defs[i].kw))
			continue;
		next(p);
		t = new_type(p, defs[i].kind, line, col);
		t->docs = docs;
		line = p->tok.line, col = p->tok.col;
		t->name = name(p, "a type name");
		t->line = line, t->col = col;
		if (t->kind == WIT_ALIAS) {
			expect(p, '=');
			t->elem = parse_type(p);
			expect(p, ';');
		} else {
			parse_body(p, t);
		}
		if (t->kind == WIT_FLAGS && t->nfields > 32)
			fail_at(p, line, col, "flags '%s' has %zu flags; Typed Main level 1 takes 32 at most", t->name,
			        t->nfields);
		add_named(p, t);
		return 1;
	}
	return 0;
}

/* func(name: T, ...) -> T */
static void parse_func(struct parser *p, struct wit_func *f)
{
	if (is_kw(p, "async"))
		fail(p, "async functions are not supported by Typed Main level 1");
	if (!is_kw(p, "func"))
		fail(p, "expected 'func', found %s", tok_str(&p->tok));
	next(p);
	expect(p, '(');
	while (!is_punct(p, ')')) {
		int line = p->tok.line, col = p->tok.col;
		char *n = name(p, "a parameter name");

		f->params = xreallocarray(f->params, f->nparams + 1, sizeof(*f->params));
		f->params[f->nparams++] = (struct wit_field){n, NULL, NULL};
		for (size_t i = 0; i + 1 < f->nparams; i++)
			if (strcmp(f->params[i].name, n) == 0)
				fail_at(p, line, col, "parameter '%s' is named twice", n);
		expect(p, ':');
		f->params[f->nparams - 1].type = parse_type(p);
		if (!accept(p, ','))
			break;
	}
	expect(p, ')');
	if (p->tok.kind == TOK_ARROW) {
		next(p);
		if (is_punct(p, '('))
			fail(p, "named results are not WIT any more: write one result type");
		f->result = parse_type(p);
	}
}

static void parse_use(struct parser *p);

static void parse_world(struct parser *p, char *docs)
{
	struct wit_world *w = p->w;
	int line = p->tok.line, col = p->tok.col;

	next(p);
	if (++p->nworlds > 1)
		fail_at(p, line, col, "a second world: Typed Main level 1 takes a file with one world");
	w->docs = docs;
	w->name = name(p, "a world name");
	expect(p, '{');
	while (!is_punct(p, '}')) {
		char *d = take_docs(p);

		if (p->tok.kind == TOK_EOF)
			fail(p, "expected '}' to close world '%s', found the end of the file", w->name);
		if (is_kw(p, "export")) {
			struct wit_func *f;
			char *n;

			line = p->tok.line, col = p->tok.col;
			next(p);
			n = name(p, "the name of an exported function");
			if (!accept(p, ':')) {
				fail(p, "exported interfaces are not supported by Typed Main level 1: export a function, "
				        "`export NAME: func(...) -> T;`");
			}
			if (!is_kw(p, "func") && !is_kw(p, "async")) {
				fail(p, "exported interfaces are not supported by Typed Main level 1: export a function, "
				        "`export NAME: func(...) -> T;`");
			}
			for (size_t i = 0; i < w->nfuncs; i++)
				if (strcmp(w->funcs[i].name, n) == 0) {
					fail_at(p, line, col, "function '%s' is exported twice", w->funcs[i].name);
				}
			w->funcs = xreallocarray(w->funcs, w->nfuncs + 1, sizeof(*w->funcs));
			f = memset(&w->funcs[w->nfuncs++], 0, sizeof(*f));
			f->name = n;
			f->docs = d;
			parse_func(p, f);
			expect(p, ';');
		} else if (is_kw(p, "import")) {
			fail(p, "imports are not supported by Typed Main level 1: the program imports only WASI, "
			        "through the C library");
		} else if (is_kw(p, "use")) {
			parse_use(p);
		} else if (is_kw(p, "include")) {
			fail(p, "'include' is not supported by Typed Main level 1");
		} else if (!parse_typedef(p, d)) {
			fail(p, "expected 'export' or a type definition in world '%s', found %s", w->name,
			     tok_str(&p->tok));
		}
	}
	next(p);
}

/* interface NAME { type definitions }: the types a world may use. */
static void parse_interface(struct parser *p, char *docs)
{
	struct wit_iface *f = xcalloc(1, sizeof(*f));
	int line, col;

	p->w->ifaces = xreallocarray(p->w->ifaces, p->w->nifaces + 1, sizeof(*p->w->ifaces));
	p->w->ifaces[p->w->nifaces++] = f;
	f->docs = docs;
	next(p);
	line = p->tok.line, col = p->tok.col;
	f->name = name(p, "an interface name");
	for (size_t i = 0; i + 1 < p->w->nifaces; i++)
		if (strcmp(p->w->ifaces[i]->name, f->name) == 0)
			fail_at(p, line, col, "interface '%s' is defined twice", f->name);
	expect(p, '{');
	p->cur = f;
	while (!is_punct(p, '}')) {
		char *d = take_docs(p);

		if (p->tok.kind == TOK_EOF) {
			fail(p, "expected '}' to close interface '%s', found the end of the file", f->name);
		}
		if (is_kw(p, "use")) {
			fail(p, "'use' within an interface is not supported by Typed Main level 1");
		}
		if (p->tok.kind == TOK_ID && !is_keyword(p->tok.text)) {
			fail(p, "functions in interfaces are not supported by Typed Main level 1: the world exports "
			        "its functions");
		}
		if (!parse_typedef(p, d))
			fail(p, "expected a type definition in interface '%s', found %s", f->name, tok_str(&p->tok));
	}
	p->cur = NULL;
	next(p);
}

/* use IFACE.{a, b as c}; in the world: each name a type of the world that is the interface's. */
static void parse_use(struct parser *p)
{
	int line, col;
	char *iface;

	next(p);
	line = p->tok.line, col = p->tok.col;
	iface = name(p, "an interface name");
	if (is_punct(p, ':') || is_punct(p, '/') || is_punct(p, '@')) {
		fail_at(p, line, col, "'use' of another package's interface is not supported by Typed Main level 1");
	}
	if (!is_punct(p, '.')) {
		fail(p, "expected '.' after the interface's name, found %s", tok_str(&p->tok));
	}
	next(p);
	if (!is_punct(p, '{')) {
		fail(p, "expected '{', found %s", tok_str(&p->tok));
	}
	next(p);
	while (!is_punct(p, '}')) {
		struct wit_type *alias, *ref;
		int l = p->tok.line, c = p->tok.col;

		alias = new_type(p, WIT_ALIAS, l, c);
		ref = new_type(p, WIT_REF, l, c);
		ref->scope = iface;
		alias->elem = ref;
		ref->name = name(p, "a type name");
		if (is_kw(p, "as")) {
			next(p);
			l = p->tok.line, c = p->tok.col;
			alias->name = name(p, "a type name");
			alias->line = l, alias->col = c;
		} else {
			alias->name = ref->name;
		}
		add_named(p, alias);
		if (!accept(p, ','))
			break;
	}
	expect(p, '}');
	expect(p, ';');
}

static void parse_package(struct parser *p)
{
	const char *version = "";
	size_t start = 0, len = 0;
	char *ns, *n;

	next(p);
	ns = name(p, "a package namespace");
	if (!is_punct(p, ':'))
		fail(p, "expected ':' between the package's namespace and name, found %s", tok_str(&p->tok));
	next(p);
	n = name(p, "a package name");
	if (is_punct(p, '@')) {
		/* a semver: its characters, as one run, with the '@' */
		start = p->pos;
		while (p->pos < p->len && (isalnum((unsigned char)p->src[p->pos]) || strchr(".-+", p->src[p->pos])))
			advance(p);
		if (p->pos == start)
			fail(p, "expected a version after '@'");
		version = p->src + start - 1;
		len = p->pos - start + 1;
	}
	p->w->package = keep(p, xasprintf("%s:%s%.*s", ns, n, (int)len, version));
	if (len)
		next(p);
	expect(p, ';');
}

/* --------------------------------------------------------------- resolving */

static struct wit_type *find_in(struct wit_type **types, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(types[i]->name, name) == 0)
			return types[i];
	return NULL;
}

/*
 * A reference replaced by its definition, looked up in scope (an
 * interface's types, or the world's), or, for `use`, in the interface it
 * names; the reference node stays on the list, to be freed.
 */
static void resolve(struct parser *p, struct wit_type **slot, struct wit_iface *scope)
{
	struct wit_type *t = *slot;

	if (!t)
		return;
	if (t->kind == WIT_REF) {
		struct wit_type *d;

		if (t->scope) {
			struct wit_iface *f = NULL;

			for (size_t i = 0; i < p->w->nifaces; i++)
				if (strcmp(p->w->ifaces[i]->name, t->scope) == 0)
					f = p->w->ifaces[i];
			if (!f)
				fail_at(p, t->line, t->col, "interface '%s' is not defined", t->scope);
			f->used = 1;
			if (!(d = find_in(f->types, f->ntypes, t->name)))
				fail_at(p, t->line, t->col, "interface '%s' defines no type '%s'", t->scope, t->name);
		} else if (scope) {
			if (!(d = find_in(scope->types, scope->ntypes, t->name)))
				fail_at(p, t->line, t->col, "type '%s' is not defined in interface '%s'", t->name,
				        scope->name);
		} else if (!(d = find_in(p->w->types, p->w->ntypes, t->name))) {
			fail_at(p, t->line, t->col, "type '%s' is not defined", t->name);
		}
		*slot = d;
		return;
	}
	if (t->name && t->state)
		return; /* a named type: once */
	t->state = 1;
	resolve(p, &t->elem, scope);
	resolve(p, &t->err, scope);
	for (size_t i = 0; i < t->nfields; i++)
		resolve(p, &t->fields[i].type, scope);
}

static void resolve_types(struct parser *p, struct wit_type **types, size_t n, struct wit_iface *scope)
{
	for (size_t i = 0; i < n; i++) {
		struct wit_type *t = types[i];

		resolve(p, &t->elem, scope);
		resolve(p, &t->err, scope);
		for (size_t k = 0; k < t->nfields; k++)
			resolve(p, &t->fields[k].type, scope);
	}
}

/* WIT types are not recursive: a named type may not contain itself (colours: 1 on the path, 2 done). */
static void check_cycle(struct parser *p, struct wit_type *t)
{
	if (!t || t->state == 2)
		return;
	if (t->state == 1)
		fail_at(p, t->line, t->col, "type '%s' contains itself", t->name);
	t->state = 1;
	check_cycle(p, t->elem);
	check_cycle(p, t->err);
	for (size_t i = 0; i < t->nfields; i++)
		check_cycle(p, t->fields[i].type);
	t->state = 2;
}

static void clear_state(struct wit_world *w)
{
	for (struct wit_type *t = w->all; t; t = t->next)
		t->state = 0;
}

static void resolve_all(struct parser *p)
{
	struct wit_world *w = p->w;

	for (size_t i = 0; i < w->nifaces; i++)
		resolve_types(p, w->ifaces[i]->types, w->ifaces[i]->ntypes, w->ifaces[i]);
	resolve_types(p, w->types, w->ntypes, NULL);
	for (size_t i = 0; i < w->nfuncs; i++) {
		for (size_t k = 0; k < w->funcs[i].nparams; k++)
			resolve(p, &w->funcs[i].params[k].type, NULL);
		resolve(p, &w->funcs[i].result, NULL);
	}
	clear_state(w);
	for (size_t i = 0; i < w->nifaces; i++)
		for (size_t k = 0; k < w->ifaces[i]->ntypes; k++)
			check_cycle(p, w->ifaces[i]->types[k]);
	for (size_t i = 0; i < w->ntypes; i++)
		check_cycle(p, w->types[i]);
	clear_state(w);
}

/* ------------------------------------------------------------------ public */

int wit_load(const char *path, struct wit_world *w, char **err)
{
	struct parser p = {0};
	struct wasm_buf b = {0};

	memset(w, 0, sizeof(*w));
	if (file_read(path, &b, err) < 0)
		return -1;
	w->file = xstrdup(path);
	p.file = path;
	p.src = (const char *)b.p;
	p.len = b.len;
	p.line = p.col = 1;
	p.w = w;
	if (memchr(b.p, 0, b.len)) {
		*err = xasprintf("%s: a NUL byte: not a WIT file", path);
		free(b.p);
		wit_free(w);
		return -1;
	}
	if (setjmp(p.fail)) {
		free(p.tok.text);
		free(p.tok.docs);
		free(b.p);
		wit_free(w);
		*err = p.err;
		return -1;
	}
	next(&p);
	if (is_kw(&p, "package")) {
		take_docs(&p);
		parse_package(&p);
	}
	while (p.tok.kind != TOK_EOF) {
		char *docs = take_docs(&p);

		if (is_kw(&p, "world")) {
			parse_world(&p, docs);
		} else if (is_kw(&p, "interface")) {
			parse_interface(&p, docs);
		} else if (is_kw(&p, "package")) {
			fail(&p, "a package declaration must come first, and once");
		} else {
			fail(&p, "expected 'world' or 'interface', found %s", tok_str(&p.tok));
		}
	}
	if (!w->name)
		fail_at(&p, p.tok.line, p.tok.col, "no world: write `world NAME { export run: func(...); }`");
	if (!w->package)
		fail_at(&p, 1, 1, "no package declaration: the file must start with `package NAMESPACE:NAME;`");
	if (w->nfuncs == 0)
		fail_at(&p, 1, 1, "world '%s' exports no function", w->name);
	resolve_all(&p);
	free(p.tok.text);
	free(p.tok.docs);
	free(b.p);
	return 0;
}

void wit_free(struct wit_world *w)
{
	for (struct wit_type *t = w->all, *n; t; t = n) {
		n = t->next;
		free(t->fields);
		free(t);
	}
	for (size_t i = 0; i < w->nifaces; i++) {
		free(w->ifaces[i]->types);
		free(w->ifaces[i]);
	}
	for (size_t i = 0; i < w->nfuncs; i++)
		free(w->funcs[i].params);
	for (size_t i = 0; i < w->nstrings; i++)
		free(w->strings[i]);
	free(w->strings);
	free(w->ifaces);
	free(w->funcs);
	free(w->types);
	free(w->file);
	memset(w, 0, sizeof(*w));
}

const struct wit_type *wit_dealias(const struct wit_type *t)
{
	while (t && t->kind == WIT_ALIAS)
		t = t->elem;
	return t;
}

static const char *const c_keywords[] = {
	"auto", "bool", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
	"extern", "false", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict",
	"return", "short", "signed", "sizeof", "static", "struct", "switch", "true", "typedef", "union",
	"unsigned", "void", "volatile", "while", "alignas", "alignof", "asm", "class", "delete", "new",
	"nullptr", "operator", "private", "protected", "public", "template", "this", "throw", "try",
	"typename", "virtual", "namespace", "using", "catch", "friend", "mutable", "explicit", "export",
	"static_assert", "thread_local", "noexcept", "decltype", "constexpr", "and", "or", "not", "xor",
};

char *wit_c_ident(const char *name, int upper)
{
	char *s = xstrdup(name);

	for (char *c = s; *c; c++)
		*c = *c == '-' ? '_' : (char)(upper ? toupper((unsigned char)*c) : tolower((unsigned char)*c));
	if (!upper)
		for (size_t i = 0; i < LEN(c_keywords); i++)
			if (strcmp(s, c_keywords[i]) == 0) {
				char *e = xasprintf("%s_", s);

				free(s);
				return e;
			}
	return s;
}
