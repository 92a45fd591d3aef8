/*
 * arpa/nameser.h: wasi-libc's constants, types and macros of DNS messages,
 * without the functions that parse them (ns_initparse, ns_parserr, ns_get16
 * ...) and the flag table ns_msg_getflag reads, which wasi-libc declares
 * and does not define: there is no resolver to use them with, and a
 * configure test that only compiles must find them missing.
 */
#ifndef __wasm32_wasi_cc_arpa_nameser_h
#define __wasm32_wasi_cc_arpa_nameser_h

#define _ns_flagdata __wasm32_wasi_cc_hidden__ns_flagdata
#define ns_get16 __wasm32_wasi_cc_hidden_ns_get16
#define ns_get32 __wasm32_wasi_cc_hidden_ns_get32
#define ns_put16 __wasm32_wasi_cc_hidden_ns_put16
#define ns_put32 __wasm32_wasi_cc_hidden_ns_put32
#define ns_initparse __wasm32_wasi_cc_hidden_ns_initparse
#define ns_parserr __wasm32_wasi_cc_hidden_ns_parserr
#define ns_skiprr __wasm32_wasi_cc_hidden_ns_skiprr
#define ns_name_uncompress __wasm32_wasi_cc_hidden_ns_name_uncompress
#include_next <arpa/nameser.h>
#undef _ns_flagdata
#undef ns_get16
#undef ns_get32
#undef ns_put16
#undef ns_put32
#undef ns_initparse
#undef ns_parserr
#undef ns_skiprr
#undef ns_name_uncompress
#undef ns_msg_getflag

#endif
