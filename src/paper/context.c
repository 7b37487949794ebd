/* What the paper's builders share (paper/context.h). */
#include "paper/context.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* In (prev, m->date]: after the last meeting, up to this one. */
bool ov_pctx_in_window(const ov_pctx *c, ov_day d)
{
	return d != OV_DAY_NONE && d <= c->m->date &&
	       (c->prev == OV_DAY_NONE || d > c->prev);
}

bool ov_pctx_same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* Compare refs so that "R9" sorts before "R10". */
int ov_pctx_natural_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			char *ea, *eb;
			unsigned long x = strtoul(a, &ea, 10);
			unsigned long y = strtoul(b, &eb, 10);

			if (x != y)
				return x < y ? -1 : 1;
			a = ea;
			b = eb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

int ov_pctx_rec_cmp(const void *x, const void *y)
{
	const ov_rec *a = *(const ov_rec *const *)x;
	const ov_rec *b = *(const ov_rec *const *)y;

	return ov_pctx_natural_cmp(a->ref, b->ref);
}

/* Counts of the kinds of recs[0..n) into k[3]. */
void ov_pctx_count_kinds(const ov_rec *const *recs, size_t n, size_t k[3])
{
	k[0] = k[1] = k[2] = 0;
	for (size_t i = 0; i < n; i++)
		if ((int)recs[i]->kind >= 0 && recs[i]->kind <= OV_RK_AFI)
			k[recs[i]->kind]++;
}

int ov_pctx_act_cmp(const void *x, const void *y)
{
	const ov_activity *a = *(const ov_activity *const *)x;
	const ov_activity *b = *(const ov_activity *const *)y;

	ov_day af = ov_activity_start(a), bf = ov_activity_start(b);
	ov_day at = ov_activity_end(a), bt = ov_activity_end(b);

	if (af != bf)
		return af < bf ? -1 : 1;
	if (at != bt)
		return at < bt ? -1 : 1;
	return strcmp(a->id ? a->id : "", b->id ? b->id : "");
}
