/* setjmp.c: the bookkeeping half of setjmp/longjmp, called by code clang lowered. */
#include <stdint.h>

/*
 * clang rewrites setjmp(env) into __wasm_setjmp(env, label, id), where id
 * identifies the calling function's activation and label the setjmp call
 * in it; after catching a longjmp it asks __wasm_setjmp_test whether env
 * belongs to this activation, and which label to resume at (0: not ours,
 * rethrow). The longjmp half, which throws, is in longjmp.S.
 */
struct jmp_state {
	void *activation; /* the function invocation that called setjmp */
	uint32_t label;   /* non-zero: which setjmp call in it */
	void *thrown_env; /* longjmp's payload: see longjmp.S */
	int thrown_val;
};

_Static_assert(sizeof(struct jmp_state) <= 8 * sizeof(unsigned long),
               "jmp_buf in setjmp.h must hold the runtime's state");

void __wasm_setjmp(void *env, uint32_t label, void *activation);
uint32_t __wasm_setjmp_test(void *env, void *activation);

void __wasm_setjmp(void *env, uint32_t label, void *activation)
{
	struct jmp_state *s = env;

	s->activation = activation;
	s->label = label;
}

uint32_t __wasm_setjmp_test(void *env, void *activation)
{
	struct jmp_state *s = env;

	return s->activation == activation ? s->label : 0;
}
