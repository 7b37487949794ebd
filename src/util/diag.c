#include "util/diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "util/buf.h"
#include "util/mem.h"
#include "util/utf8.h"


int ov_diag_qlen(const char *s)
{
	bool more;
	size_t all = ov_utf8_prefix(s, OV_DIAG_QUOTE_MAX, &more);

	return more ? (int)ov_utf8_prefix(s, OV_DIAG_QUOTE_MAX - 1, &more)
		    : (int)all;
}

const char *ov_diag_qtail(const char *s)
{
	bool more;

	ov_utf8_prefix(s, OV_DIAG_QUOTE_MAX, &more);
	return more ? "\xe2\x80\xa6" : "";
}

void ov_diag_vat(ov_diag *d, enum ov_problem_kind kind, const char *where,
		 const char *fmt, va_list ap)
{
	ov_buf b = OV_BUF_INIT;
	ov_problem *p;

	if (d->n >= OV_DIAG_MAX) {
		d->dropped++;
		return;
	}
	ov_buf_vprintf(&b, fmt, ap);
	OV_GROW(d->msg, d->cap, d->n + 1);
	d->p = ov_xrealloc(d->p, d->cap * sizeof *d->p);
	p = &d->p[d->n];
	p->kind = kind;
	p->where = ov_xstrdup(where);
	p->what = ov_buf_detach(&b);
	d->msg[d->n++] = where ? ov_xasprintf("%s: %s", where, p->what)
			       : ov_xstrdup(p->what);
}

void ov_diag_at(ov_diag *d, enum ov_problem_kind kind, const char *where,
		const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ov_diag_vat(d, kind, where, fmt, ap);
	va_end(ap);
}

void ov_diag_add(ov_diag *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ov_diag_vat(d, OV_PROB_RUNTIME, NULL, fmt, ap);
	va_end(ap);
}

enum ov_problem_kind ov_diag_kind(const ov_diag *d)
{
	return d->n ? d->p[0].kind : OV_PROB_RUNTIME;
}

const char *ov_problem_kind_code(enum ov_problem_kind k)
{
	static const char *const codes[OV_PROB_N] = {
		"runtime",	   "bad-input", "not-found", "conflict",
		"unauthenticated", "forbidden", "limit"};

	return k >= 0 && k < OV_PROB_N ? codes[k] : "";
}

size_t ov_diag_count(const ov_diag *d)
{
	return d->n + d->dropped;
}

void ov_diag_print(const ov_diag *d, FILE *f, const char *prefix)
{
	for (size_t i = 0; i < d->n; i++) {
		if (prefix)
			fprintf(f, "%s: %s\n", prefix, d->msg[i]);
		else
			fprintf(f, "%s\n", d->msg[i]);
	}
	if (d->dropped)
		fprintf(f, "%s%s(and %zu more problems not shown)\n",
			prefix ? prefix : "", prefix ? ": " : "", d->dropped);
}

void ov_diag_release(ov_diag *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->msg[i]);
		free(d->p[i].where);
		free(d->p[i].what);
	}
	free(d->msg);
	free(d->p);
	d->msg = NULL;
	d->p = NULL;
	d->n = d->cap = d->dropped = 0;
}
