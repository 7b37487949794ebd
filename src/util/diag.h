#ifndef OV_UTIL_DIAG_H
#define OV_UTIL_DIAG_H
/*
 * Diagnostics: an ordered list of error messages.  Validation appends one
 * message per problem and goes on, so a user sees every problem at once;
 * other layers append one message and return -1.  A message says where
 * (a file, a JSON path, a command-line option) and what was expected.
 *
 * Initialise with OV_DIAG_INIT; release with ov_diag_release().  Messages
 * are owned by the list.  At most OV_DIAG_MAX messages are kept; later ones
 * are counted in `dropped` so a huge bad file cannot use unbounded memory.
 */
#include <stdio.h>
#include <stddef.h>

#define OV_DIAG_MAX 1000

typedef struct ov_diag {
	char **msg;
	size_t n, cap;
	size_t dropped;
} ov_diag;

#define OV_DIAG_INIT {NULL, 0, 0, 0}

void ov_diag_add(ov_diag *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Number of problems recorded, including dropped ones. */
size_t ov_diag_count(const ov_diag *d);
/* Print each message as "PREFIX: message\n" (prefix may be NULL). */
void ov_diag_print(const ov_diag *d, FILE *f, const char *prefix);
void ov_diag_release(ov_diag *d);

#endif
