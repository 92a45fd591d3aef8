/* info.h: what the driver says about itself and its toolchain (--help, -print-*...). */
#ifndef INFO_H
#define INFO_H

#include <stdio.h>

#include "options.h"
#include "spec.h"

/* Answers one of the query options on standard output. */
void answer_query(const struct query *q, const struct invocation *inv, const struct node *spec);

/* The banner -v and --version print. */
void print_version(FILE *f, const struct invocation *inv, const struct node *spec);

#endif
