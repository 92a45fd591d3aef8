/*
 * wasi/toolchain.h: symbol visibility for wasm32-wasi-cc, as doc/design.md names it.
 *
 * hidden (the default): visible to other translation units of the same
 *   module, never exported from it.
 * WASM_PUBLIC: exported from a library or dll (clang calls this "default"
 *   visibility). A command exports nothing but its entry point.
 * WASM_EXPORT("name"): public, under the export name given.
 * WASM_IMPORT("module", "name"): a function imported from a module by name.
 */
#ifndef _WASI_TOOLCHAIN_H
#define _WASI_TOOLCHAIN_H

#define WASM_PUBLIC __attribute__((__visibility__("default")))
#define WASM_EXPORT(name) __attribute__((__visibility__("default"), __export_name__(name)))
#define WASM_IMPORT(module, name) __attribute__((__import_module__(module), __import_name__(name)))

#endif
