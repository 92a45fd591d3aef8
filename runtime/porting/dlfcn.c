/*
 * dlfcn.c: dlopen and its family in a program that has no loader: a static
 * command or library (libporting.a only; never in libc.so, since in a
 * dynamic executable the loader of wasm32-wasi-run provides them). No
 * library can be loaded: dlopen returns NULL and dlerror says why;
 * dlsym finds nothing.
 */
#include <dlfcn.h>
#include <stdio.h>

static char message[320];
static int pending;

static void fail(const char *what, const char *name)
{
	snprintf(message, sizeof message, "%s%s%s: a static program loads no library (link it with -ldl, or a dll, to make it dynamic)",
	         what, name ? " " : "", name ? name : "");
	pending = 1;
}

void *dlopen(const char *name, int mode)
{
	(void)mode;
	fail("dlopen", name);
	return NULL;
}

void *dlsym(void *__restrict handle, const char *__restrict name)
{
	(void)handle;
	fail("dlsym", name);
	return NULL;
}

/* No handle can exist. */
int dlclose(void *handle)
{
	(void)handle;
	snprintf(message, sizeof message, "dlclose: not a handle dlopen returned");
	pending = 1;
	return -1;
}

/* The last error, once; NULL when there was none since. */
char *dlerror(void)
{
	if (!pending)
		return NULL;
	pending = 0;
	return message;
}
