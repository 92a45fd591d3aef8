/* atexit.c: functions to call at exit, the last registered first. */
#include <stdlib.h>

/*
 * The liballoc role carries these, not libc: musl's exit() calls the weak
 * __funcs_on_exit, so defining it here, beside atexit, keeps musl's atexit.o
 * (and its calloc) out. The first 32 registrations, which C guarantees,
 * need no allocation.
 */
struct block {
	struct block *prev;
	unsigned n;
	struct {
		void (*f)(void *);
		void *arg, *dso;
	} fn[32];
};

static struct block first, *top = &first;

int __cxa_atexit(void (*f)(void *), void *arg, void *dso);
void __cxa_finalize(void *dso);
void __funcs_on_exit(void);

int __cxa_atexit(void (*f)(void *), void *arg, void *dso)
{
	if (top->n == 32) {
		struct block *b = malloc(sizeof *b);

		if (!b)
			return -1;
		b->prev = top;
		b->n = 0;
		top = b;
	}
	top->fn[top->n].f = f;
	top->fn[top->n].arg = arg;
	top->fn[top->n++].dso = dso;
	return 0;
}

static void call(void *f)
{
	((void (*)(void))f)();
}

int atexit(void (*f)(void))
{
	return __cxa_atexit(call, (void *)f, 0);
}

/* Calls dso's functions (all of them for NULL), newest first, each once. */
void __cxa_finalize(void *dso)
{
	struct block *b;
	unsigned i;

again:
	/* called ones at the top are done with: a registration reuses them */
	while (top->n && !top->fn[top->n - 1].f)
		top->n--;
	if (!top->n && top != &first) {
		b = top;
		top = b->prev;
		free(b);
		goto again;
	}
	for (b = top; b; b = b->prev)
		for (i = b->n; i--;) {
			void (*f)(void *) = b->fn[i].f;

			if (!f || (dso && b->fn[i].dso != dso))
				continue;
			b->fn[i].f = 0;
			f(b->fn[i].arg);
			/* f may have registered more, which come next */
			goto again;
		}
}

void __funcs_on_exit(void)
{
	__cxa_finalize(0);
}
