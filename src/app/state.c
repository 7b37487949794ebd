/*
 * The derived state the store keeps for each recommendation: computed
 * here, from core's fold and nothing else, for every write of a timeline
 * (app.c's import, rec.c's record) and for a rebuild; checked here
 * against the fold.  The store only stores and queries it.
 */
#include "app/app.h"
#include "app/common.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

int app_status_rank(enum ov_status s)
{
	return (int)s;
}

void app_state_from(const ov_rec_state *st, ov_store_state *out)
{
	out->status = st->status;
	out->status_rank = app_status_rank(st->status);
	out->status_date = st->status_date;
	out->rag = st->rag;
	out->owner = st->owner;
	out->closed_by = st->closed_by;
	out->basis = st->basis;
	out->last_update = st->last_update;
	out->last_update_date = st->last_update_date;
	out->last_event_date = OV_DAY_NONE;
}

/* The whole timeline: as at its latest date (validation keeps timelines
 * in date order; the maximum is taken all the same, so that a fold as at
 * it can never stop early). */
void app_state_of(const ov_rec *rec, ov_store_state *out)
{
	ov_day last = OV_DAY_NONE;
	ov_rec_state st;

	for (size_t i = 0; i < rec->n_events; i++)
		if (last == OV_DAY_NONE || rec->events[i].date > last)
			last = rec->events[i].date;
	ov_rec_fold(rec, last, &st);
	app_state_from(&st, out);
	out->last_event_date = last;
}

void app_derive(const ov_rec *rec, ov_store_interval *iv, ov_store_derived *out)
{
	ov_rec_interval *ri = NULL;
	size_t n = ov_rec_intervals(rec, &ri);

	app_state_of(rec, &out->now);
	for (size_t k = 0; k < n; k++) {
		iv[k].from = ri[k].from;
		iv[k].to = ri[k].to;
		app_state_from(&ri[k].state, &iv[k].state);
	}
	out->iv = iv;
	out->n_iv = n;
	free(ri);
}

void app_derive_all(const ov_dataset *ds, ov_store_derived *out,
                    ov_store_interval **iv_out)
{
	size_t total = 0, at = 0;
	ov_store_interval *iv;

	for (size_t i = 0; i < ds->n_recs; i++)
		total += ds->recs[i].n_events;
	iv = ov_xcalloc(total + 1, sizeof *iv);
	for (size_t i = 0; i < ds->n_recs; i++) {
		app_derive(&ds->recs[i], iv + at, &out[i]);
		at += out[i].n_iv;
	}
	*iv_out = iv;
}

/* A rebuild's room for one rec's intervals, grown as needed. */
typedef struct fold_buf {
	ov_store_interval *iv;
	size_t cap;
} fold_buf;

static int fold_one(const ov_rec *rec, ov_day due, ov_store_derived *out,
                    void *ctx)
{
	fold_buf *b = ctx;

	(void)due;
	OV_GROW(b->iv, b->cap, rec->n_events + 1);
	app_derive(rec, b->iv, out);
	return 0;
}

static ov_store_rc rebuild(ov_store *s, bool only_stale, size_t *n, ov_diag *d)
{
	fold_buf b = {NULL, 0};
	ov_store_rc rc =
	    ov_store_state_rebuild(s, only_stale, fold_one, &b, n, d);

	free(b.iv);
	return rc;
}

int app_state_fresh(ov_store *s, ov_diag *d)
{
	bool stale = false;

	if (ov_store_state_stale(s, &stale, d) != OV_STORE_OK)
		return -1;
	/* A reader that may not write leaves it stale: the register is
	 * then folded from the timelines (app/register.c), as for a date
	 * the stored state does not answer. */
	if (!stale || ov_store_read_only(s))
		return 0;
	return rebuild(s, true, NULL, d) == OV_STORE_OK ? 0 : -1;
}

int ov_app_state_rebuild(ov_app *a, size_t *n, ov_diag *d)
{
	return rebuild(a->s, false, n, d) == OV_STORE_OK ? 0 : -1;
}

static bool same_str(const char *a, const char *b)
{
	return a ? b && strcmp(a, b) == 0 : !b;
}

static bool same_state(const ov_store_state *a, const ov_store_state *b)
{
	return a->status == b->status && a->status_rank == b->status_rank &&
	       a->status_date == b->status_date && a->rag == b->rag &&
	       same_str(a->owner, b->owner) &&
	       same_str(a->closed_by, b->closed_by) &&
	       same_str(a->basis, b->basis) &&
	       same_str(a->last_update, b->last_update) &&
	       a->last_update_date == b->last_update_date &&
	       a->last_event_date == b->last_event_date;
}

static bool same_intervals(const ov_store_derived *a, const ov_store_derived *b)
{
	if (a->n_iv != b->n_iv)
		return false;
	for (size_t k = 0; k < a->n_iv; k++)
		if (a->iv[k].from != b->iv[k].from ||
		    a->iv[k].to != b->iv[k].to ||
		    !same_state(&a->iv[k].state, &b->iv[k].state))
			return false;
	return true;
}

typedef struct checker {
	ov_state_check *out;
	fold_buf buf;
} checker;

/* The stored state and intervals against what the fold gives now. */
static int check_one(const ov_rec *rec, ov_day due,
                     const ov_store_derived *stored, void *ctx)
{
	checker *k = ctx;
	ov_state_check *c = k->out;
	ov_store_derived folded;

	(void)due;
	c->checked++;
	OV_GROW(k->buf.iv, k->buf.cap, rec->n_events + 1);
	app_derive(rec, k->buf.iv, &folded);
	if (stored && same_state(&stored->now, &folded.now) &&
	    same_intervals(stored, &folded))
		return 0;
	c->refs = ov_xrealloc(c->refs, (c->n + 1) * sizeof *c->refs);
	c->refs[c->n++] = ov_xstrdup(rec->ref);
	return 0;
}

int ov_app_state_check(ov_app *a, ov_state_check *out, ov_diag *d)
{
	checker k = {out, {NULL, 0}};
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (ov_store_state_each(a->s, check_one, &k, d) != OV_STORE_OK ||
	    ov_store_index_check(a->s, &out->index_ok, d) != OV_STORE_OK) {
		ov_state_check_release(out);
		rc = -1;
	}
	free(k.buf.iv);
	return rc;
}

void ov_state_check_release(ov_state_check *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		free(c->refs[i]);
	free(c->refs);
	memset(c, 0, sizeof *c);
}

int ov_app_limit_memory(ov_app *a, size_t bytes, ov_diag *d)
{
	return ov_store_limit_memory(a->s, bytes, d) == OV_STORE_OK ? 0 : -1;
}

int ov_app_generation(ov_app *a, uint64_t *out, ov_diag *d)
{
	*out = 0;
	return ov_store_generation(a->s, out, d) == OV_STORE_OK ? 0 : -1;
}
