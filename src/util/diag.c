#include "util/diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "util/buf.h"
#include "util/mem.h"

void ov_diag_add(ov_diag *d, const char *fmt, ...)
{
	ov_buf b = OV_BUF_INIT;
	va_list ap;

	if (d->n >= OV_DIAG_MAX) {
		d->dropped++;
		return;
	}
	va_start(ap, fmt);
	ov_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	OV_GROW(d->msg, d->cap, d->n + 1);
	d->msg[d->n++] = ov_buf_detach(&b);
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
	for (size_t i = 0; i < d->n; i++)
		free(d->msg[i]);
	free(d->msg);
	d->msg = NULL;
	d->n = d->cap = d->dropped = 0;
}
