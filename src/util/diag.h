#ifndef OV_UTIL_DIAG_H
#define OV_UTIL_DIAG_H
/*
 * Diagnostics: an ordered list of problems.  Validation appends one per
 * problem and goes on, so a user sees every problem at once; other layers
 * append one and return an error.  Each problem keeps apart its kind (bad
 * input, not found, conflict, runtime), where it is (a file and JSON path,
 * a form field or option; may be NULL) and what is wrong, so that a web
 * form can put the message beside its field; msg[i] is the two joined as
 * "WHERE: WHAT", for a terminal.
 *
 * Initialise with OV_DIAG_INIT; release with ov_diag_release().  Messages
 * are owned by the list.  At most OV_DIAG_MAX messages are kept; later ones
 * are counted in `dropped` so a huge bad file cannot use unbounded memory.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>

#define OV_DIAG_MAX 1000

enum ov_problem_kind {
	OV_PROB_RUNTIME = 0, /* the database, a file, memory: not the user's */
	OV_PROB_INPUT,       /* the request is not valid */
	OV_PROB_NOTFOUND,    /* it names something that is not there */
	OV_PROB_CONFLICT,    /* it clashes with what is there */
	OV_PROB_UNAUTH,      /* who asks is not known (not signed in) */
	OV_PROB_FORBIDDEN,   /* who asks may not do this */
	OV_PROB_LIMIT,       /* too many, too big or too often */
	OV_PROB_N
};

typedef struct ov_problem {
	enum ov_problem_kind kind;
	char *where; /* "FILE: $.recommendations[3].text", "--owner"; or NULL */
	char *what;  /* the message alone */
} ov_problem;

typedef struct ov_diag {
	char **msg;      /* "WHERE: WHAT" (or "WHAT") of each problem */
	ov_problem *p;   /* the same problems, parts kept apart */
	size_t n, cap;
	size_t dropped;
} ov_diag;

#define OV_DIAG_INIT {NULL, NULL, 0, 0, 0}

/* A value quoted in a message (what the user gave, or stored text) is cut
 * to OV_DIAG_QUOTE_MAX characters, the last of them "…", so that a 128 KB
 * argument is not echoed whole.  Write the value's conversion as OV_DIAG_Q
 * and its argument as OV_DIAG_QV(s):
 *   ov_diag_at(d, k, "force", "no force '" OV_DIAG_Q "'", OV_DIAG_QV(s));
 * s must be a non-NULL expression without side effects (it is used three
 * times).  ov_diag_qlen is the bytes of s to print (whole UTF-8
 * characters), ov_diag_qtail "…" when s was cut, else "". */
#define OV_DIAG_QUOTE_MAX 80
#define OV_DIAG_Q "%.*s%s"
#define OV_DIAG_QV(s) ov_diag_qlen(s), (s), ov_diag_qtail(s)
int ov_diag_qlen(const char *s);
const char *ov_diag_qtail(const char *s);

/* A runtime problem with no separate place (the message may name one). */
void ov_diag_add(ov_diag *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A problem of a kind at a place (where may be NULL; it is copied). */
void ov_diag_at(ov_diag *d, enum ov_problem_kind kind, const char *where,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void ov_diag_vat(ov_diag *d, enum ov_problem_kind kind, const char *where,
		 const char *fmt, va_list ap);
/* The kind of the first problem (OV_PROB_RUNTIME when there is none). */
enum ov_problem_kind ov_diag_kind(const ov_diag *d);
/* "runtime", "bad-input", "not-found", "conflict", "unauthenticated",
 * "forbidden", "limit". */
const char *ov_problem_kind_code(enum ov_problem_kind k);
/* Number of problems recorded, including dropped ones. */
size_t ov_diag_count(const ov_diag *d);
/* Print each message as "PREFIX: message\n" (prefix may be NULL). */
void ov_diag_print(const ov_diag *d, FILE *f, const char *prefix);
void ov_diag_release(ov_diag *d);

#endif
