/*
 * setjmp.h: setjmp and longjmp for wasm32-wasi. wasi-libc has none; clang
 * lowers these calls to WebAssembly exception handling (-mllvm
 * -wasm-enable-sjlj, which the driver always passes), and the runtime in
 * libporting.a provides __wasm_setjmp, __wasm_setjmp_test and __wasm_longjmp.
 */
#ifndef _SETJMP_H
#define _SETJMP_H

#ifdef __cplusplus
extern "C" {
#endif

/* The runtime keeps its bookkeeping in the first words (see runtime/setjmp.c). */
typedef struct __jmp_buf_tag {
	unsigned long __words[8];
} jmp_buf[1];
typedef jmp_buf sigjmp_buf;

int setjmp(jmp_buf) __attribute__((__returns_twice__));
_Noreturn void longjmp(jmp_buf, int);

/* There are no signal masks to save: these are the same calls. */
#define _setjmp(env) setjmp(env)
#define _longjmp(env, val) longjmp(env, val)
#define sigsetjmp(env, savemask) setjmp(env)
#define siglongjmp(env, val) longjmp(env, val)

#ifdef __cplusplus
}
#endif

#endif
