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
 * since jco cannot translate it). Its try catches nothing.
 */
	.globl	__cpp_exception
	.tagtype	__cpp_exception i32
__cpp_exception:

	.section	.text.__cpp_exception_keep,"",@
	.type	__cpp_exception_keep,@function
__cpp_exception_keep:
	.functype	__cpp_exception_keep () -> ()
	try
	catch	__cpp_exception
	drop
	end_try
	end_function

	.section	.init_array,"",@
	.p2align	2
	.int32	__cpp_exception_keep
