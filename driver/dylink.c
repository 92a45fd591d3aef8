/* dylink.c: the two-level namespace of dlls and dynamic executables, fixed after the link. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"
#include "fileio.h"
#include "util.h"
#include "wasm.h"

/*
 * wasm-ld imports everything a position-independent module leaves
 * undefined from `env` (functions) or `GOT.mem`/`GOT.func` (addresses), and
 * records the dlls it linked against (NEEDED, in dylink.0) by file name.
 * The libraries of the link are those dlls, and the allocator: a module
 * without dylink.0 that exports its memory (provides-state + library, see
 * specs/allocator.yaml), which wasm-ld cannot take as an input. This step
 * rewrites, in the linked module:
 *
 *  - each import of a symbol from `env` to the module name of the library
 *    that defines it: "." when the module defines it itself (wasm-ld imports
 *    weak and default-visibility definitions so that they could be
 *    preempted; here they are not), else the soname of the first library on
 *    the link line that exports it;
 *  - each `GOT.mem` and `GOT.func` import likewise, to "GOT.mem/PROVIDER"
 *    and "GOT.func/PROVIDER" (PROVIDER being "." or a soname);
 *  - the state (memory, __indirect_function_table, __stack_pointer), to the
 *    allocator that exports it;
 *  - NEEDED, to the libraries' sonames, and RUNTIME_PATH, to the -rpath
 *    directories (the loader searches them for NEEDED libraries).
 *
 * What the loader itself provides stays in `env`: each module's
 * __memory_base and __table_base, __heap_base and __heap_end, the state
 * when no library on the link line exports it, and dlopen and its family
 * when none defines them. A weak symbol nobody defines stays in `env` too
 * (the loader resolves it to null: address 0, or a function that traps).
 * Any other symbol nobody defines is an error. Imports from other modules
 * (WASM_IMPORT, wasi_snapshot_preview1) are left alone.
 *
 * A dll's soname is recorded in a custom section "wasm32-wasi-cc.soname"
 * (a name), the output's basename unless the link words say -soname NAME;
 * a dll without that section is known by its file's basename.
 */
#define SONAME_SECTION "wasm32-wasi-cc.soname"

static const char *const loader_provides[] = {
	"memory", "__indirect_function_table", "__stack_pointer", "__memory_base",
	"__table_base", "__heap_base", "__heap_end",
};

/* What the loader defines for dynamic programs (runtime/include/dlfcn.h). */
static const char *const loader_functions[] = {"dlopen", "dlsym", "dlclose", "dlerror"};

/* Of the loader's state, what an allocator on the link line provides instead. */
static const char *const allocator_provides[] = {
	"memory", "__indirect_function_table", "__stack_pointer",
};

/* A section of a core module. */
struct section {
	unsigned id;
	size_t start, payload, end; /* id byte, contents, one past */
	struct wasm_name custom;    /* a custom section's name */
	size_t custom_payload;      /* where a custom section's contents follow its name */
};

/* The sections of a core module; -1 when malformed. */
static int sections(const unsigned char *b, size_t len, struct section **out, size_t *n)
{
	static const unsigned char magic[8] = {0, 'a', 's', 'm', 1, 0, 0, 0};
	struct wasm_cursor c = {b, 8, len, 0};
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	if (len < 8 || memcmp(b, magic, 8) != 0)
		return -1;
	while (c.pos < c.end) {
		struct section s = {0};
		uint32_t size;

		s.start = c.pos;
		s.id = wasm_get_byte(&c);
		size = wasm_get_u32(&c);
		if (c.bad || size > c.end - c.pos)
			return -1;
		s.payload = c.pos;
		s.end = c.pos + size;
		if (s.id == 0) {
			struct wasm_cursor cc = {b, s.payload, s.end, 0};

			s.custom = wasm_get_name(&cc);
			if (cc.bad)
				return -1;
			s.custom_payload = cc.pos;
		}
		if (*n == cap) {
			cap = cap * 2 + 16;
			*out = xreallocarray(*out, cap, sizeof(**out));
		}
		(*out)[(*n)++] = s;
		c.pos = s.end;
	}
	return 0;
}

static const struct section *find_custom(const struct section *s, size_t n, const char *nm)
{
	for (size_t i = 0; i < n; i++)
		if (s[i].id == 0 && wasm_name_is(s[i].custom, nm))
			return &s[i];
	return NULL;
}

/* A library on the link line (a dll or the allocator): its soname and the names it exports. */
struct dll {
	char *soname;
	unsigned char *bytes;
	struct wasm_module m;
};

static int exports_name(const struct wasm_module *m, struct wasm_name n)
{
	for (uint32_t i = 0; i < m->nexports; i++)
		if (wasm_name_equal(m->exports[i].name, n))
			return 1;
	return 0;
}

/* Whether m, a module without dylink.0, is an allocator: it exports its memory. */
static int is_allocator(const struct wasm_module *m)
{
	const struct wasm_export *e = wasm_find_export(m, "memory");

	return e && e->kind == WASM_MEMORY;
}

/*
 * Reads path as a library when it is one (a core module with dylink.0, or
 * an allocator): 1, 0 when not, -1 on error.
 */
static int read_dll(const char *path, struct dll *d, char **err)
{
	struct section *s = NULL;
	size_t n;
	const struct section *so;
	struct bytes file;
	char *why = NULL;
	int dll, r = 0;

	memset(d, 0, sizeof(*d));
	if (file_read(path, &file, &why) < 0) {
		free(why); /* not readable: not a library */
		return 0;
	}
	d->bytes = file.p;
	/* not a module, or a relocatable object */
	if (sections(d->bytes, file.len, &s, &n) < 0 || find_custom(s, n, "linking"))
		goto out;
	dll = find_custom(s, n, "dylink.0") != NULL;
	if (wasm_read_module(&d->m, d->bytes, file.len, &why) < 0) {
		if (dll) { /* else some other file: not ours to judge */
			*err = xasprintf("%s: %s", path, why);
			r = -1;
		}
		free(why);
		goto out;
	}
	if (!dll && !is_allocator(&d->m))
		goto out;
	if ((so = find_custom(s, n, SONAME_SECTION))) {
		struct wasm_cursor c = {d->bytes, so->custom_payload, so->end, 0};
		struct wasm_name nm = wasm_get_name(&c);

		if (c.bad) {
			*err = xasprintf("%s: malformed custom section '%s'", path, SONAME_SECTION);
			r = -1;
			goto out;
		}
		d->soname = xstrndup(nm.p, nm.len);
	} else {
		d->soname = xstrdup(base_name(path));
	}
	r = 1;
out:
	free(s);
	if (r <= 0) {
		wasm_module_free(&d->m);
		free(d->bytes);
		d->bytes = NULL;
	}
	return r;
}

/* -lNAME through the -L directories: libNAME.so, then libNAME.wasm, as wasm-ld searches. */
static char *find_library(const char *lib, const struct strvec *dirs)
{
	static const char *const suffixes[] = {".so", ".wasm"};

	for (size_t i = 0; i < dirs->len; i++)
		for (size_t k = 0; k < LEN(suffixes); k++) {
			char *p = xasprintf("%s/lib%s%s", dirs->v[i], lib, suffixes[k]);

			if (access(p, F_OK) == 0)
				return p;
			free(p);
		}
	return NULL;
}

/*
 * The IMPORT_INFO flags of (module, field) in a dylink.0 payload; 0 when not
 * listed. wasm-ld lists a weak symbol reached through GOT.mem or GOT.func
 * under env.
 */
static uint32_t import_flags(const unsigned char *b, const struct section *dy,
                             struct wasm_name module, struct wasm_name field)
{
	struct wasm_cursor c = {b, dy->custom_payload, dy->end, 0};

	while (c.pos < c.end && !c.bad) {
		unsigned type = wasm_get_byte(&c);
		uint32_t size = wasm_get_u32(&c);
		struct wasm_cursor sub;

		if (c.bad || size > c.end - c.pos)
			return 0;
		sub = (struct wasm_cursor){b, c.pos, c.pos + size, 0};
		c.pos += size;
		if (type != 4)
			continue;
		for (uint32_t n = wasm_get_u32(&sub), i = 0; i < n && !sub.bad; i++) {
			struct wasm_name m = wasm_get_name(&sub), f = wasm_get_name(&sub);
			uint32_t flags = wasm_get_u32(&sub);

			if (!sub.bad && wasm_name_equal(m, module) && wasm_name_equal(f, field))
				return flags;
		}
	}
	return 0;
}

/* A NEEDED subsection (type 2) listing the libraries' sonames; nothing when there are none. */
static void put_needed(struct bytes *payload, const struct dll *dlls, size_t ndlls)
{
	struct bytes needed = {0};

	if (!ndlls)
		return;
	wasm_emit_u32(&needed, (uint32_t)ndlls);
	for (size_t i = 0; i < ndlls; i++)
		wasm_emit_name(&needed, dlls[i].soname, strlen(dlls[i].soname));
	bytes_put(payload, "\2", 1);
	wasm_emit_u32(payload, (uint32_t)needed.len);
	bytes_put(payload, needed.p, needed.len);
	free(needed.p);
}

/* Pushes copies of the ':'-separated directories of list, empty ones dropped. */
static void push_dirs(struct strvec *sv, const char *list)
{
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ":");

		if (n)
			strvec_push(sv, xstrndup(p, n));
		p += n + (p[n] == ':');
	}
}

/* A RUNTIME_PATH subsection (type 5) listing the -rpath directories; nothing when there are none. */
static void put_runpath(struct bytes *payload, const struct strvec *runpath)
{
	struct bytes dirs = {0};

	if (!runpath->len)
		return;
	wasm_emit_u32(&dirs, (uint32_t)runpath->len);
	for (size_t i = 0; i < runpath->len; i++)
		wasm_emit_name(&dirs, runpath->v[i], strlen(runpath->v[i]));
	bytes_put(payload, "\5", 1);
	wasm_emit_u32(payload, (uint32_t)dirs.len);
	bytes_put(payload, dirs.p, dirs.len);
	free(dirs.p);
}

/* dylink.0 with NEEDED and RUNTIME_PATH replaced; -1 when malformed. */
static int rewrite_dylink(const unsigned char *b, const struct section *dy, const struct dll *dlls,
                          size_t ndlls, const struct strvec *runpath, struct bytes *out)
{
	struct wasm_cursor c = {b, dy->custom_payload, dy->end, 0};
	struct bytes payload = {0};
	int needed_done = 0;

	wasm_emit_name(&payload, "dylink.0", 8);
	while (c.pos < c.end) {
		unsigned type = wasm_get_byte(&c);
		uint32_t size = wasm_get_u32(&c);
		size_t start = c.pos;

		if (c.bad || size > c.end - c.pos) {
			free(payload.p);
			return -1;
		}
		c.pos += size;
		if (type == 2 || (type > 2 && !needed_done)) {
			put_needed(&payload, dlls, ndlls);
			needed_done = 1;
			if (type == 2)
				continue;
		}
		if (type == 5) /* written last */
			continue;
		bytes_put(&payload, (unsigned char[]){(unsigned char)type}, 1);
		wasm_emit_u32(&payload, size);
		bytes_put(&payload, b + start, size);
	}
	if (!needed_done)
		put_needed(&payload, dlls, ndlls);
	put_runpath(&payload, runpath);
	bytes_put(out, "", 1);
	wasm_emit_u32(out, (uint32_t)payload.len);
	bytes_put(out, payload.p, payload.len);
	free(payload.p);
	return 0;
}

static int name_in(struct wasm_name n, const char *const *names, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (wasm_name_is(n, names[i]))
			return 1;
	return 0;
}

static int provided_by_loader(struct wasm_name n)
{
	return name_in(n, loader_provides, LEN(loader_provides));
}

/* The allocator on the link line that exports the state n, or NULL. */
static const char *state_provider(const struct dll *dlls, size_t ndlls, struct wasm_name n)
{
	if (!name_in(n, allocator_provides, LEN(allocator_provides)))
		return NULL;
	for (size_t i = 0; i < ndlls; i++)
		if (is_allocator(&dlls[i].m) && exports_name(&dlls[i].m, n))
			return dlls[i].soname;
	return NULL;
}

/* The module name for an import of symbol n, or NULL when nobody defines it. */
static const char *provider(const struct wasm_module *self, const struct dll *dlls, size_t ndlls,
                            struct wasm_name n)
{
	if (exports_name(self, n))
		return ".";
	for (size_t i = 0; i < ndlls; i++)
		if (exports_name(&dlls[i].m, n))
			return dlls[i].soname;
	return NULL;
}

/* The import section rewritten; -1 with *err set on an undefined symbol or a malformed section. */
static int rewrite_imports(const unsigned char *b, const struct section *imp,
                           const struct section *dy, const struct wasm_module *self,
                           const struct dll *dlls, size_t ndlls,
                           const char *needed_by, struct bytes *out, char **err)
{
	struct wasm_cursor c = {b, imp->payload, imp->end, 0};
	struct bytes payload = {0};
	uint32_t n = wasm_get_u32(&c);

	wasm_emit_u32(&payload, n);
	for (uint32_t i = 0; i < n && !c.bad; i++) {
		struct wasm_name module = wasm_get_name(&c), field = wasm_get_name(&c);
		size_t desc = c.pos;
		unsigned kind = wasm_get_byte(&c), flags;
		const char *who;
		char *newmod = NULL;

		switch (kind) {
		case WASM_FUNC:
			wasm_get_u32(&c);
			break;
		case WASM_TABLE:
		case WASM_MEMORY:
			if (kind == WASM_TABLE)
				wasm_get_byte(&c); /* the reference type, then limits */
			flags = wasm_get_byte(&c);
			wasm_skip_leb(&c);
			if (flags & WASM_LIMITS_MAX)
				wasm_skip_leb(&c);
			if (flags & WASM_LIMITS_PAGESIZE)
				wasm_get_u32(&c);
			break;
		case WASM_GLOBAL:
			wasm_get_byte(&c);
			wasm_get_byte(&c);
			break;
		case WASM_TAG:
			wasm_get_byte(&c);
			wasm_get_u32(&c);
			break;
		default:
			c.bad = 1;
		}
		if (c.bad)
			break;
		if (wasm_name_is(module, "env") || wasm_name_is(module, "GOT.mem") ||
		    wasm_name_is(module, "GOT.func")) {
			int env = wasm_name_is(module, "env");

			if (env && (who = state_provider(dlls, ndlls, field))) {
				newmod = xstrdup(who);
			} else if (!(env && provided_by_loader(field)) &&
			           !(wasm_name_is(module, "GOT.mem") && provided_by_loader(field))) {
				who = provider(self, dlls, ndlls, field);
				if (who && env)
					newmod = xstrdup(who);
				else if (who)
					newmod = xasprintf("%.*s/%s", (int)module.len, module.p, who);
				else if (!(env && name_in(field, loader_functions, LEN(loader_functions))) &&
				         !(dy && ((import_flags(b, dy, module, field) |
				                   import_flags(b, dy, (struct wasm_name){"env", 3}, field)) & 1))) {
					char *s = wasm_name_str(field);

					*err = xasprintf("undefined symbol '%s' (needed by %s)", s, needed_by);
					free(s);
					free(payload.p);
					return -1;
				}
			}
		}
		if (newmod) {
			wasm_emit_name(&payload, newmod, strlen(newmod));
			free(newmod);
		} else {
			wasm_emit_name(&payload, module.p, module.len);
		}
		wasm_emit_name(&payload, field.p, field.len);
		bytes_put(&payload, b + desc, c.pos - desc);
	}
	if (c.bad || c.pos != c.end) {
		*err = xstrdup("malformed import section");
		free(payload.p);
		return -1;
	}
	bytes_put(out, "\2", 1);
	wasm_emit_u32(out, (uint32_t)payload.len);
	bytes_put(out, payload.p, payload.len);
	free(payload.p);
	return 0;
}

/*
 * dylink [--dll] -o OUTPUT INPUT WORD...: OUTPUT is the linked INPUT with
 * its imports, NEEDED and RUNTIME_PATH rewritten; the WORDs are the link's
 * (libraries, -L, -l, -soname, -rpath). With --dll, OUTPUT also gets its
 * soname section.
 */
int builtin_dylink(int argc, char **argv, char **err)
{
	struct dll *dlls = NULL;
	size_t ndlls = 0, nsec = 0, len = 0;
	struct strvec dirs = {0}, runpath = {0};
	struct section *secs = NULL;
	struct wasm_module self = {0};
	struct bytes in = {0}, out = {0};
	unsigned char *bytes = NULL;
	const char *soname = NULL, *output, *input;
	const struct section *dy;
	int is_dll = 0, i = 1, r = -1;

	if (i < argc && strcmp(argv[i], "--dll") == 0) {
		is_dll = 1;
		i++;
	}
	if (argc - i < 3 || strcmp(argv[i], "-o") != 0) {
		*err = xstrdup("usage: dylink [--dll] -o OUTPUT INPUT [WORD...]");
		return -1;
	}
	output = argv[i + 1];
	input = argv[i + 2];
	for (int k = i + 3; k < argc; k++) {
		const char *w = argv[k];

		if (strcmp(w, "-L") == 0 && k + 1 < argc)
			strvec_push(&dirs, argv[++k]);
		else if (has_prefix(w, "-L"))
			strvec_push(&dirs, w + 2);
		else if ((strcmp(w, "-soname") == 0 || strcmp(w, "--soname") == 0) && k + 1 < argc)
			soname = argv[++k];
		else if (has_prefix(w, "-soname="))
			soname = w + 8;
		else if (has_prefix(w, "--soname="))
			soname = w + 9;
		else if ((strcmp(w, "-rpath") == 0 || strcmp(w, "--rpath") == 0) && k + 1 < argc)
			push_dirs(&runpath, argv[++k]);
		else if (has_prefix(w, "-rpath=") || has_prefix(w, "--rpath="))
			push_dirs(&runpath, strchr(w, '=') + 1);
	}
	for (int k = i + 3; k < argc; k++) {
		const char *w = argv[k];
		char *path = NULL;
		int got;

		if (strcmp(w, "-L") == 0 || strcmp(w, "-soname") == 0 || strcmp(w, "--soname") == 0 ||
		    strcmp(w, "-rpath") == 0 || strcmp(w, "--rpath") == 0 || strcmp(w, "-o") == 0) {
			k++;
			continue;
		}
		if (has_prefix(w, "-l") && w[2])
			path = find_library(w + 2, &dirs);
		else if (w[0] != '-')
			path = xstrdup(w);
		if (!path)
			continue;
		dlls = xreallocarray(dlls, ndlls + 1, sizeof(*dlls));
		got = read_dll(path, &dlls[ndlls], err);
		free(path);
		if (got < 0)
			goto out;
		if (got > 0)
			ndlls++;
	}
	if (file_read(input, &in, err) < 0)
		goto out;
	bytes = in.p;
	len = in.len;
	if (sections(bytes, len, &secs, &nsec) < 0 || wasm_read_module(&self, bytes, len, err) < 0) {
		char *e = *err;

		*err = e ? xasprintf("%s: %s", input, e) : xasprintf("%s: malformed module", input);
		free(e);
		goto out;
	}
	dy = find_custom(secs, nsec, "dylink.0");
	bytes_put(&out, bytes, 8);
	for (size_t k = 0; k < nsec; k++) {
		const struct section *s = &secs[k];

		if (s == dy) {
			if (rewrite_dylink(bytes, s, dlls, ndlls, &runpath, &out) < 0) {
				*err = xasprintf("%s: malformed custom section 'dylink.0'", input);
				goto out;
			}
		} else if (s->id == WASM_SEC_IMPORT) {
			if (rewrite_imports(bytes, s, dy, &self, dlls, ndlls, base_name(output), &out, err) < 0)
				goto out;
		} else if (!(s->id == 0 && wasm_name_is(s->custom, SONAME_SECTION))) {
			bytes_put(&out, bytes + s->start, s->end - s->start);
		}
	}
	if (is_dll) {
		struct bytes sec = {0};
		const char *so = soname ? soname : base_name(output);

		wasm_emit_name(&sec, SONAME_SECTION, strlen(SONAME_SECTION));
		wasm_emit_name(&sec, so, strlen(so));
		bytes_put(&out, "", 1);
		wasm_emit_u32(&out, (uint32_t)sec.len);
		bytes_put(&out, sec.p, sec.len);
		free(sec.p);
	}
	if (file_write(output, out.p, out.len, err) < 0)
		goto out;
	r = 0;
out:
	for (size_t k = 0; k < ndlls; k++) {
		free(dlls[k].soname);
		free(dlls[k].bytes);
		wasm_module_free(&dlls[k].m);
	}
	free(dlls);
	strvec_free(&dirs);
	for (size_t k = 0; k < runpath.len; k++)
		free(runpath.v[k]);
	strvec_free(&runpath);
	free(secs);
	wasm_module_free(&self);
	free(bytes);
	free(out.p);
	return r;
}
