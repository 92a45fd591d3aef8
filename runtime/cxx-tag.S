/*
 * cxx-tag.S: __cpp_exception, the tag C++ exceptions are thrown with, once
 * per program. In position-independent code clang 19 leaves it undefined for
 * the runtime to define (in other code it defines it weakly itself); this is
 * that definition, linked into every static C++ program with exceptions and
 * into libc++.so, which exports it to the dlls and executables of a dynamic
 * program, so that all of them throw and catch the same tag. Assembly, since
 * clang 19 cannot define a tag from C or C++ (as for __c_longjmp).
 *
 * A constructor refers to the tag, so that the linker keeps it even in a
 * program whose only exception handling is cleanup (catch_all, rethrow: no
 * tag): a module with a tag section is one that uses exception handling, to
 * whoever runs it (wasm32-wasi-run runs such a command's module under node,
 * since jco cannot translate it). Its try catches nothing: it throws only if
 * the stack pointer were 0, which it never is, but which no optimizer can
 * rule out, so that wasm-opt keeps the tag too.
 */
	.globaltype	__stack_pointer, i32
	.globl	__cpp_exception
	.tagtype	__cpp_exception i32
__cpp_exception:

	.section	.text.__cpp_exception_never,"",@
	.type	__cpp_exception_never,@function
__cpp_exception_never:
	.functype	__cpp_exception_never () -> ()
	i32.const	0
	throw	__cpp_exception
	unreachable
	end_function

	.section	.text.__cpp_exception_keep,"",@
	.type	__cpp_exception_keep,@function
__cpp_exception_keep:
	.functype	__cpp_exception_keep () -> ()
	try
	block
	global.get	__stack_pointer
	br_if	0
	call	__cpp_exception_never
	end_block
	catch	__cpp_exception
	drop
	end_try
	end_function

	.section	.init_array,"",@
	.p2align	2
	.int32	__cpp_exception_keep
