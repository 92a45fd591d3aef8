/*
 * errno.h: wasi-libc's, with the socket error numbers Linux has and WASI
 * does not (no WASI call returns them; the numbers are Linux's, above every
 * WASI one, and strerror says "No error information" for them).
 */
#ifndef __wasm32_wasi_cc_errno_h
#define __wasm32_wasi_cc_errno_h

#include_next <errno.h>

#ifndef ESOCKTNOSUPPORT
#define ESOCKTNOSUPPORT 94
#endif
#ifndef EPFNOSUPPORT
#define EPFNOSUPPORT 96
#endif
#ifndef ESHUTDOWN
#define ESHUTDOWN 108
#endif
#ifndef ETOOMANYREFS
#define ETOOMANYREFS 109
#endif
#ifndef EHOSTDOWN
#define EHOSTDOWN 112
#endif

#endif
