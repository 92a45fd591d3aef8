/*
 * multibyte.c: mbrtowc, mbsrtowcs, mbtowc, btowc, wctob, wcrtomb and wctomb
 * in the current locale, in place of wasi-libc's (removed from libc.so;
 * ahead of libc.a in static links). wasi-libc's follow only the global
 * locale (setlocale), not the one that uselocale makes current, which is
 * the one musl's iconv switches to UTF-8 around its calls to mbrtowc and
 * wctomb: from ISO-8859-1 to UTF-8, wctomb then failed on every character
 * above 0x7f and iconv, not checking, moved its output pointer backwards,
 * out of the buffer. libmagic compiles its regular expressions with the C
 * locale made current, and musl's regcomp reads them with mbtowc: a byte
 * above 0x7f was invalid UTF-8 there. Here UTF-8 applies whenever the
 * current locale's codeset is UTF-8; otherwise (the C locale) a byte above
 * 0x7f is a code unit of its own, as in musl. mblen, mbrlen, wcsrtombs and
 * wcstombs, musl's, come here.
 */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

/* musl's representation of a byte that is not a character in the C locale */
#define CODEUNIT(b) ((wchar_t)(0xdfff & (signed char)(b)))
#define IS_CODEUNIT(c) ((unsigned)(c) - 0xdf80 < 0x80)

/*
 * Whether the current locale's codeset is UTF-8, without nl_langinfo (whose
 * tables cost every printf about 800 bytes): the global locale's is what
 * MB_CUR_MAX tells; a locale that uselocale made current is musl's struct
 * __locale_struct, whose first member is the LC_CTYPE category's map, NULL
 * in the C locale (what musl's nl_langinfo(CODESET) reads).
 */
_Static_assert(LC_CTYPE == 0, "musl's locale: cat[LC_CTYPE] comes first");

/*
 * musl's uselocale, by its own name: uselocale is a weak alias, which
 * wasm-ld makes libc.so import from itself, and every call through such an
 * import goes through the loader's JavaScript (30 ns more a call).
 */
locale_t __uselocale(locale_t);

static int utf8(void)
{
	locale_t loc = __uselocale((locale_t)0);

	if (loc == LC_GLOBAL_LOCALE)
		return MB_CUR_MAX > 1;
	return *(const void *const *)loc != NULL;
}

/*
 * The state of an incomplete character: the first word is its value so far
 * with the number of bytes still needed above bit 24 (never 0 while
 * incomplete, so mbsinit works), the second the range the next byte must be
 * in (lowest | highest << 8), which rules out overlong forms, surrogates and
 * values above 0x10ffff.
 */
size_t mbrtowc(wchar_t *__restrict wc, const char *__restrict src, size_t n, mbstate_t *__restrict st)
{
	static mbstate_t internal;
	const unsigned char *s = (const unsigned char *)src;
	unsigned *state, value, need, lo, hi;
	size_t used = 0;
	wchar_t dummy;

	state = (unsigned *)(st ? st : &internal);
	if (!s) {
		/* mbrtowc(0, "", 1, st): the end of the string */
		if (state[0])
			goto ilseq;
		return 0;
	}
	if (!wc)
		wc = &dummy;
	if (n == 0)
		return (size_t)-2;
	value = state[0] & 0xffffff;
	need = state[0] >> 24;
	lo = state[1] & 0xff;
	hi = state[1] >> 8 & 0xff;
	if (need == 0) {
		unsigned b = s[0];

		if (b < 0x80)
			return (*wc = (wchar_t)b) != 0;
		if (!utf8()) {
			*wc = CODEUNIT(b);
			return 1;
		}
		used = 1;
		lo = 0x80;
		hi = 0xbf;
		if (b >= 0xc2 && b <= 0xdf) {
			need = 1;
			value = b & 0x1f;
		} else if (b >= 0xe0 && b <= 0xef) {
			need = 2;
			value = b & 0x0f;
			lo = b == 0xe0 ? 0xa0 : 0x80;
			hi = b == 0xed ? 0x9f : 0xbf;
		} else if (b >= 0xf0 && b <= 0xf4) {
			need = 3;
			value = b & 0x07;
			lo = b == 0xf0 ? 0x90 : 0x80;
			hi = b == 0xf4 ? 0x8f : 0xbf;
		} else {
			goto ilseq;
		}
	}
	for (; used < n; used++) {
		unsigned b = s[used];

		if (b < lo || b > hi)
			goto ilseq;
		value = value << 6 | (b & 0x3f);
		lo = 0x80;
		hi = 0xbf;
		if (--need == 0) {
			state[0] = state[1] = 0;
			*wc = (wchar_t)value;
			return used + 1;
		}
	}
	state[0] = value | need << 24;
	state[1] = lo | hi << 8;
	return (size_t)-2;
ilseq:
	state[0] = state[1] = 0;
	errno = EILSEQ;
	return (size_t)-1;
}

/*
 * Through mbrtowc, so that it resumes from the state a partial mbrtowc left
 * (a character split across two buffers): musl's reads the state in its own
 * form, and failed there. mbsnrtowcs and mbstowcs, musl's, come here.
 */
size_t mbsrtowcs(wchar_t *__restrict ws, const char **__restrict src, size_t wn,
                 mbstate_t *__restrict st)
{
	static mbstate_t internal;
	const char *s = *src;
	size_t count = 0;

	if (!st)
		st = &internal;
	for (; !ws || count < wn; count++) {
		wchar_t wc;
		/* 4 bytes complete any character; a NUL inside one ends it as EILSEQ */
		size_t r = mbrtowc(&wc, s, 4, st);

		if (r == (size_t)-1) {
			if (ws)
				*src = s;
			return r;
		}
		if (r == 0) {
			if (ws) {
				ws[count] = 0;
				*src = NULL;
			}
			return count;
		}
		if (ws)
			ws[count] = wc;
		s += r;
	}
	*src = s;
	return count;
}

/* A whole character of at most n bytes, with no state to carry. */
int mbtowc(wchar_t *__restrict wc, const char *__restrict src, size_t n)
{
	mbstate_t st = { 0 };
	size_t r;

	if (!src)
		return 0; /* no shift states */
	if (n == 0)
		goto ilseq;
	r = mbrtowc(wc, src, n, &st);
	if (r == (size_t)-2)
		goto ilseq; /* incomplete within n bytes */
	return (int)r;
ilseq:
	errno = EILSEQ;
	return -1;
}

wint_t btowc(int c)
{
	unsigned b = (unsigned char)c;

	if (b < 0x80)
		return b;
	return c != EOF && !utf8() ? (wint_t)CODEUNIT(b) : WEOF;
}

int wctob(wint_t c)
{
	if (c < 0x80)
		return (int)c;
	return IS_CODEUNIT(c) && !utf8() ? (unsigned char)c : EOF;
}

size_t wcrtomb(char *__restrict s, wchar_t wc, mbstate_t *__restrict st)
{
	int n;

	(void)st; /* no shift states, no partial characters */
	if (!s)
		return 1;
	n = wctomb(s, wc);
	return n < 0 ? (size_t)-1 : (size_t)n;
}

int wctomb(char *s, wchar_t wc)
{
	unsigned c = (unsigned)wc;

	if (!s)
		return 0; /* no shift states */
	if (c < 0x80) {
		*s = (char)c;
		return 1;
	}
	if (!utf8()) {
		/* only a code unit (see CODEUNIT) is a byte of its own */
		if (!IS_CODEUNIT(c))
			goto ilseq;
		*s = (char)c;
		return 1;
	}
	if (c < 0x800) {
		s[0] = (char)(0xc0 | c >> 6);
		s[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0xd800 || (c >= 0xe000 && c < 0x10000)) {
		s[0] = (char)(0xe0 | c >> 12);
		s[1] = (char)(0x80 | (c >> 6 & 0x3f));
		s[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	if (c >= 0x10000 && c < 0x110000) {
		s[0] = (char)(0xf0 | c >> 18);
		s[1] = (char)(0x80 | (c >> 12 & 0x3f));
		s[2] = (char)(0x80 | (c >> 6 & 0x3f));
		s[3] = (char)(0x80 | (c & 0x3f));
		return 4;
	}
ilseq:
	errno = EILSEQ;
	return -1;
}
