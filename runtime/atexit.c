/* atexit.c: functions to call at exit, the last registered first; thread_local destructors before them. */
#include <stdlib.h>

/*
 * The liballoc role carries these, not libc: musl's exit() calls the weak
 * __funcs_on_exit, so defining it here, beside atexit, keeps musl's atexit.o
 * (and its calloc) out. The first 32 registrations of each list, which C
 * guarantees, need no allocation.
 */
struct block {
	struct block *prev;
	unsigned n;
	struct {
		void (*f)(void *);
		void *arg, *dso;
	} fn[32];
};

struct list {
	struct block first, *top;
};

/*
 * Two lists: atexit and __cxa_atexit (static destructors), and
 * __cxa_thread_atexit (destructors of thread_local objects, registered
 * when each is first constructed). There is one thread, and C++ destroys
 * its thread_local objects before any static one ([basic.start.term]), so
 * exit runs the second list first; a trap runs neither.
 */
static struct list at_exit = {.top = &at_exit.first};
static struct list at_thread_exit = {.top = &at_thread_exit.first};

int __cxa_atexit(void (*f)(void *), void *arg, void *dso);
int __cxa_thread_atexit(void (*f)(void *), void *obj, void *dso);
void __cxa_finalize(void *dso);
void __funcs_on_exit(void);

static int push(struct list *l, void (*f)(void *), void *arg, void *dso)
{
	if (l->top->n == 32) {
		struct block *b = malloc(sizeof *b);

		if (!b)
			return -1;
		b->prev = l->top;
		b->n = 0;
		l->top = b;
	}
	l->top->fn[l->top->n].f = f;
	l->top->fn[l->top->n].arg = arg;
	l->top->fn[l->top->n++].dso = dso;
	return 0;
}

int __cxa_atexit(void (*f)(void *), void *arg, void *dso)
{
	return push(&at_exit, f, arg, dso);
}

int __cxa_thread_atexit(void (*f)(void *), void *obj, void *dso)
{
	return push(&at_thread_exit, f, obj, dso);
}

static void call(void *f)
{
	((void (*)(void))f)();
}

int atexit(void (*f)(void))
{
	return __cxa_atexit(call, (void *)f, 0);
}

/* Calls l's functions of dso (all of them for NULL), newest first, each once. */
static void run(struct list *l, void *dso)
{
	struct block *b;
	unsigned i;

again:
	/* called ones at the top are done with: a registration reuses them */
	while (l->top->n && !l->top->fn[l->top->n - 1].f)
		l->top->n--;
	if (!l->top->n && l->top != &l->first) {
		b = l->top;
		l->top = b->prev;
		free(b);
		goto again;
	}
	for (b = l->top; b; b = b->prev)
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

void __cxa_finalize(void *dso)
{
	run(&at_exit, dso);
}

void __funcs_on_exit(void)
{
	run(&at_thread_exit, 0);
	run(&at_exit, 0);
}
