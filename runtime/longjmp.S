/*
 * longjmp.S: the throwing half of setjmp/longjmp. __wasm_longjmp(env, val)
 * stores {env, val ? val : 1} in env's payload words (offsets 8 and 12 of
 * struct jmp_state in setjmp.c) and throws the __c_longjmp tag with their
 * address, which the code clang generated around each setjmp catches.
 * Written here because clang 19 cannot define the tag from C.
 */
	.globl	__c_longjmp
	.tagtype	__c_longjmp i32
__c_longjmp:

	.globl	__wasm_longjmp
	.type	__wasm_longjmp,@function
__wasm_longjmp:
	.functype	__wasm_longjmp (i32, i32) -> ()
	local.get	0
	local.get	0
	i32.store	8
	local.get	0
	local.get	1
	local.get	1
	i32.eqz
	i32.add
	i32.store	12
	local.get	0
	i32.const	8
	i32.add
	throw	__c_longjmp
	unreachable
	end_function
