/* respfile.c: @file arguments, expanded as GCC does. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

/*
 * A response file naming itself would never end, and files that each name
 * the next twice would double the work at every level: the nesting, the
 * files read (as GCC's 2000) and the words and bytes they give are bounded.
 */
enum { MAX_NESTING = 32, MAX_FILES = 2000, MAX_WORDS = 1 << 20 };
#define MAX_BYTES ((size_t)64 << 20)

static size_t nfiles, nwords, nbytes;

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, r;

	if (!f)
		return NULL;
	do {
		if (cap - n < 4096) {
			cap = cap ? cap * 2 : 8192;
			buf = xreallocarray(buf, cap, 1);
		}
		r = fread(buf + n, 1, cap - n - 1, f);
		n += r;
	} while (r > 0);
	if (ferror(f))
		fatal("%s:", path);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/*
 * Words are separated by white space; single and double quotes group, and a
 * backslash takes the next character literally.
 */
static void split_words(const char *s, struct strvec *out)
{
	char *word = xmalloc(strlen(s) + 1);

	while (*s) {
		char quote = 0, *w = word;

		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v')
			s++;
		if (!*s)
			break;
		for (; *s; s++) {
			if (*s == '\\' && s[1]) {
				*w++ = *++s;
			} else if (quote) {
				if (*s == quote)
					quote = 0;
				else
					*w++ = *s;
			} else if (*s == '\'' || *s == '"') {
				quote = *s;
			} else if (strchr(" \t\n\r\f\v", *s)) {
				break;
			} else {
				*w++ = *s;
			}
		}
		strvec_push(out, xstrndup(word, (size_t)(w - word)));
	}
	free(word);
}

static void expand(const char *arg, struct strvec *out, int depth)
{
	struct strvec words = {0};
	size_t len;
	char *text;

	if (arg[0] != '@' || !(text = read_file(arg + 1, &len))) {
		/* an unreadable @file stays a word, as with GCC */
		strvec_push(out, arg);
		return;
	}
	if (depth >= MAX_NESTING)
		fatal("%s: response files nested too deeply", arg + 1);
	if (++nfiles > MAX_FILES)
		fatal("%s: too many @-files (more than %d)", arg + 1, MAX_FILES);
	if ((nbytes += len) > MAX_BYTES)
		fatal("%s: response files hold more than %zu MiB", arg + 1, MAX_BYTES >> 20);
	if (memchr(text, '\0', len))
		fatal("%s: response file holds a NUL byte", arg + 1);
	split_words(text, &words);
	if ((nwords += words.len) > MAX_WORDS)
		fatal("%s: response files give more than %d words", arg + 1, MAX_WORDS);
	for (size_t i = 0; i < words.len; i++)
		expand(words.v[i], out, depth + 1);
	strvec_free(&words);
	free(text);
}

void expand_response_files(int *argc, char ***argv)
{
	struct strvec out = {0};
	int any = 0;

	for (int i = 1; i < *argc; i++)
		any |= (*argv)[i][0] == '@';
	if (!any)
		return;
	strvec_push(&out, (*argv)[0]);
	for (int i = 1; i < *argc; i++)
		expand((*argv)[i], &out, 0);
	*argc = (int)out.len;
	*argv = out.v;
}
