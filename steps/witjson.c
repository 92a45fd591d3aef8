/* witjson.c: the world's signature as JSON, for the runner (the wasm32-wasi-cc.main custom section). */
#include <stdio.h>
#include <string.h>

#include "wit.h"

/*
 * The format is the contract of doc/typed-main.md: primitives are strings;
 * list, option, result and tuple are objects of one key; named types are
 * expanded where they are used, with their WIT name and docs (WIT types are
 * not recursive, so the expansion ends); aliases are their target.
 */

static void put(struct wasm_buf *b, const char *s)
{
	wasm_put(b, s, strlen(s));
}

static void string(struct wasm_buf *b, const char *s)
{
	if (!s) {
		put(b, "null");
		return;
	}
	wasm_put_byte(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		char esc[8];

		if (*p == '"' || *p == '\\') {
			wasm_put_byte(b, '\\');
			wasm_put_byte(b, *p);
		} else if (*p == '\n') {
			put(b, "\\n");
		} else if (*p == '\t') {
			put(b, "\\t");
		} else if (*p < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", *p);
			put(b, esc);
		} else {
			wasm_put_byte(b, *p);
		}
	}
	wasm_put_byte(b, '"');
}

static void type(struct wasm_buf *b, const struct wit_type *t);

static void opt_type(struct wasm_buf *b, const struct wit_type *t)
{
	if (t)
		type(b, t);
	else
		put(b, "null");
}

static void names(struct wasm_buf *b, const struct wit_type *t)
{
	wasm_put_byte(b, '[');
	for (size_t i = 0; i < t->nfields; i++) {
		if (i)
			put(b, ", ");
		string(b, t->fields[i].name);
	}
	wasm_put_byte(b, ']');
}

/* {"KIND": name, "docs": ..., "KEY": [ */
static void named(struct wasm_buf *b, const char *kind, const struct wit_type *t, const char *key)
{
	put(b, "{\"");
	put(b, kind);
	put(b, "\": ");
	string(b, t->name);
	put(b, ", \"docs\": ");
	string(b, t->docs);
	put(b, ", \"");
	put(b, key);
	put(b, "\": ");
}

/* [{"name": ..., "type": ..., "docs": ...}, ...] */
static void fields(struct wasm_buf *b, const struct wit_type *t)
{
	wasm_put_byte(b, '[');
	for (size_t i = 0; i < t->nfields; i++) {
		if (i)
			put(b, ", ");
		put(b, "{\"name\": ");
		string(b, t->fields[i].name);
		put(b, ", \"type\": ");
		opt_type(b, t->fields[i].type);
		put(b, ", \"docs\": ");
		string(b, t->fields[i].docs);
		wasm_put_byte(b, '}');
	}
	wasm_put_byte(b, ']');
}

static void type(struct wasm_buf *b, const struct wit_type *t)
{
	t = wit_dealias(t);
	if (WIT_PRIMITIVE(t->kind)) {
		string(b, wit_prim_names[t->kind]);
		return;
	}
	switch (t->kind) {
	case WIT_LIST:
	case WIT_OPTION:
		put(b, t->kind == WIT_LIST ? "{\"list\": " : "{\"option\": ");
		type(b, t->elem);
		break;
	case WIT_RESULT:
		put(b, "{\"result\": {\"ok\": ");
		opt_type(b, t->elem);
		put(b, ", \"err\": ");
		opt_type(b, t->err);
		wasm_put_byte(b, '}');
		break;
	case WIT_TUPLE:
		put(b, "{\"tuple\": [");
		for (size_t i = 0; i < t->nfields; i++) {
			if (i)
				put(b, ", ");
			type(b, t->fields[i].type);
		}
		wasm_put_byte(b, ']');
		break;
	case WIT_RECORD:
		named(b, "record", t, "fields");
		fields(b, t);
		break;
	case WIT_VARIANT:
		named(b, "variant", t, "cases");
		fields(b, t);
		break;
	case WIT_ENUM:
		named(b, "enum", t, "cases");
		names(b, t);
		break;
	default: /* WIT_FLAGS */
		named(b, "flags", t, "names");
		names(b, t);
		break;
	}
	wasm_put_byte(b, '}');
}

void wit_write_json(const struct wit_world *w, struct wasm_buf *b)
{
	put(b, "{\"package\": ");
	string(b, w->package);
	put(b, ", \"world\": ");
	string(b, w->name);
	put(b, ", \"docs\": ");
	string(b, w->docs);
	put(b, ",\n \"functions\": [");
	for (size_t i = 0; i < w->nfuncs; i++) {
		const struct wit_func *f = &w->funcs[i];

		put(b, i ? ",\n  " : "\n  ");
		put(b, "{\"name\": ");
		string(b, f->name);
		put(b, ", \"docs\": ");
		string(b, f->docs);
		put(b, ",\n   \"params\": [");
		for (size_t k = 0; k < f->nparams; k++) {
			if (k)
				put(b, ", ");
			put(b, "{\"name\": ");
			string(b, f->params[k].name);
			put(b, ", \"type\": ");
			type(b, f->params[k].type);
			wasm_put_byte(b, '}');
		}
		put(b, "],\n   \"result\": ");
		opt_type(b, f->result);
		wasm_put_byte(b, '}');
	}
	put(b, "\n ]}\n");
}
