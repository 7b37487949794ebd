/* The listings: reports, a PEEL table, activities, meetings, and the
 * summary.  Each loads only the entities it shows. */
#include "app/app.h"
#include "app/common.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

/* ---- reports ---- */

typedef struct tally_ctx {
	const ov_dataset *ds;
	size_t *n;
} tally_ctx;

static int tally_report(const ov_rec *rec, ov_day due, void *ctx)
{
	tally_ctx *t = ctx;
	const ov_report *r = ov_dataset_find_report(t->ds, rec->report);

	(void)due;
	if (r)
		t->n[r - t->ds->reports]++;
	return 0;
}

int ov_app_reports(ov_app *a, ov_report_list *out, ov_diag *d)
{
	ov_store_scan q;
	tally_ctx t;

	memset(out, 0, sizeof *out);
	if (app_load(a, NULL, OV_LOAD(OV_ENT_REPORT), &out->ds, d) < 0)
		return -1;
	out->n_recs = ov_xcalloc(out->ds->n_reports + 1, sizeof *out->n_recs);
	t = (tally_ctx){out->ds, out->n_recs};
	ov_store_scan_init(&q);
	/* Counted from the scan's first look (ref, report, force), so no
	 * rec is read whole. */
	q.want = tally_report;
	if (ov_store_scan_recs(a->s, &q, tally_report, &t, d) !=
	    OV_STORE_OK) {
		ov_report_list_release(out);
		return -1;
	}
	return 0;
}

/* A listing's result is a dataset and an array over it. */
static void result_release(ov_dataset **ds, void *arr)
{
	ov_dataset_free(*ds);
	*ds = NULL;
	free(*(void **)arr);
	*(void **)arr = NULL;
}

void ov_report_list_release(ov_report_list *l)
{
	if (l)
		result_release(&l->ds, &l->n_recs);
}

/* ---- grades ---- */

static int pick_assessment(ov_grades *g, const char *id, const char *force,
			   ov_day as_at, ov_diag *d)
{
	char day[11];

	if (id) {
		/* A force given too must be known and be the assessment's:
		 * it is not silently ignored. */
		if (force && app_pick_force(g->ds, force, &force, d) < 0)
			return -1;
		g->a = ov_dataset_find_assessment(g->ds, id);
		if (!g->a) {
			ov_diag_at(d, OV_PROB_NOTFOUND, "assessment",
				   "no assessment '" OV_DIAG_Q "'",
				   OV_DIAG_QV(id));
			return -1;
		}
		if (force && (!g->a->force || strcmp(g->a->force, force))) {
			ov_diag_at(d, OV_PROB_INPUT, "force",
				   "assessment '" OV_DIAG_Q "' is not of force "
				   "'%s'", OV_DIAG_QV(id), force);
			g->a = NULL;
			return -1;
		}
		return 0;
	}
	if (app_pick_force(g->ds, force, &force, d) < 0)
		return -1;
	g->a = ov_peel_current(g->ds, force, as_at);
	if (g->a)
		return 0;
	ov_date_format(as_at, day);
	ov_diag_at(d, OV_PROB_NOTFOUND, "as-at",
		   "no PEEL assessment of %s on or before %s", force, day);
	return -1;
}

int ov_app_grades(ov_app *a, const char *id, const char *force, ov_day as_at,
		  ov_grades *out, ov_diag *d)
{
	memset(out, 0, sizeof *out);
	if (app_load(a, NULL,
		     OV_LOAD(OV_ENT_FORCE) | OV_LOAD(OV_ENT_ASSESSMENT),
		     &out->ds, d) < 0)
		return -1;
	if (pick_assessment(out, id, force, as_at, d) < 0) {
		ov_grades_release(out);
		return -1;
	}
	out->cells = ov_xcalloc(out->a->n_questions + 1, sizeof *out->cells);
	ov_peel_table(out->ds, out->a, out->cells);
	return 0;
}

void ov_grades_release(ov_grades *g)
{
	if (g)
		result_release(&g->ds, &g->cells);
}

/* ---- activities and meetings ---- */

/* Listings are by date, then id. */
static int by_day_id(ov_day a, const char *a_id, ov_day b, const char *b_id)
{
	if (a != b)
		return (a > b) - (a < b);
	return strcmp(a_id, b_id);
}

static int act_by_date(const void *a, const void *b)
{
	const ov_activity *x = *(const ov_activity *const *)a,
			  *y = *(const ov_activity *const *)b;

	return by_day_id(ov_activity_start(x), x->id, ov_activity_start(y),
			 y->id);
}

static int meeting_by_date(const void *a, const void *b)
{
	const ov_meeting *x = *(const ov_meeting *const *)a,
			 *y = *(const ov_meeting *const *)b;

	return by_day_id(x->date, x->id, y->date, y->id);
}

/* An activity overlaps [from, to] (either end may be open). */
static bool overlaps(const ov_activity *a, ov_day from, ov_day to,
		     const char *force)
{
	ov_day end = ov_activity_end(a);

	if (force && (!a->force || strcmp(a->force, force) != 0))
		return false;
	if (from != OV_DAY_NONE && end < from)
		return false;
	return to == OV_DAY_NONE || ov_activity_start(a) <= to;
}

int ov_app_activities(ov_app *a, ov_day from, ov_day to, const char *force,
		      ov_list *out, ov_diag *d)
{
	memset(out, 0, sizeof *out);
	if (from != OV_DAY_NONE && to != OV_DAY_NONE && to < from) {
		ov_diag_at(d, OV_PROB_INPUT, "to",
			   "the end of the period is before its start");
		return -1;
	}
	if (app_load(a, NULL,
		     OV_LOAD(OV_ENT_FORCE) | OV_LOAD(OV_ENT_ACTIVITY),
		     &out->ds, d) < 0)
		return -1;
	if (force && app_pick_force(out->ds, force, &force, d) < 0) {
		ov_list_release(out);
		return -1;
	}
	out->items = ov_xcalloc(out->ds->n_activities + 1, sizeof *out->items);
	for (size_t i = 0; i < out->ds->n_activities; i++)
		if (overlaps(&out->ds->activities[i], from, to, force))
			out->items[out->n++] = &out->ds->activities[i];
	qsort(out->items, out->n, sizeof *out->items, act_by_date);
	return 0;
}

int ov_app_meetings(ov_app *a, ov_list *out, ov_diag *d)
{
	memset(out, 0, sizeof *out);
	if (app_load(a, NULL, OV_LOAD(OV_ENT_MEETING), &out->ds, d) < 0)
		return -1;
	out->items = ov_xcalloc(out->ds->n_meetings + 1, sizeof *out->items);
	for (size_t i = 0; i < out->ds->n_meetings; i++)
		out->items[out->n++] = &out->ds->meetings[i];
	qsort(out->items, out->n, sizeof *out->items, meeting_by_date);
	return 0;
}

void ov_list_release(ov_list *l)
{
	if (l)
		result_release(&l->ds, &l->items);
}

/* ---- summary ---- */

/* The counts of one register row: each row carries the folded status
 * (and its date) the rules of core/fold.h need. */
void app_summary_count_row(const ov_rec_row *row, ov_summary *s)
{
	ov_rec_state st = {.status = row->status,
			   .status_date = row->status_date};

	s->recs++;
	s->closed_recent += ov_rec_closed_since(&st, s->since);
	if (row->status >= 0 && row->status <= OV_STATUS_NA)
		s->by_status[row->status]++;
	if (!ov_status_is_live(row->status))
		return;
	s->live++;
	if (row->rag >= 0 && row->rag <= OV_RAG_GREEN)
		s->by_rag[row->rag]++;
	else
		s->unrated++;
	s->overdue += ov_rec_overdue(&st, row->due, s->as_at);
}

bool app_summary_published(const ov_report *r, ov_day as_at)
{
	return r->published.day == OV_DAY_NONE || r->published.day <= as_at;
}

static bool of_force(const char *code, const char *force)
{
	return !force || (code && strcmp(code, force) == 0);
}

void app_summary_count_dataset(ov_summary *s, const ov_dataset *ds,
			       const char *force)
{
	for (size_t i = 0; !force && i < ds->n_reports; i++)
		s->reports += app_summary_published(&ds->reports[i], s->as_at);
	for (size_t i = 0; i < ds->n_activities; i++)
		s->activities += ov_activity_start(&ds->activities[i]) <=
					 s->as_at &&
				 of_force(ds->activities[i].force, force);
	for (size_t i = 0; i < ds->n_meetings; i++)
		s->meetings += ds->meetings[i].date <= s->as_at &&
			       of_force(ds->meetings[i].force, force);
	if (force) {
		s->peel = ov_xcalloc(2, sizeof *s->peel);
		s->peel[0] = ov_peel_current(ds, force, s->as_at);
		return;
	}
	s->peel = ov_xcalloc(ds->n_forces + 1, sizeof *s->peel);
	for (size_t i = 0; i < ds->n_forces; i++)
		s->peel[i] = ov_peel_current(ds, ds->forces[i].code, s->as_at);
}

int ov_app_summary(ov_app *a, ov_day as_at, ov_summary *out, ov_diag *d)
{
	const unsigned what =
		OV_LOAD(OV_ENT_FORCE) | OV_LOAD(OV_ENT_ASSESSMENT) |
		OV_LOAD(OV_ENT_REPORT) | OV_LOAD(OV_ENT_ACTIVITY) |
		OV_LOAD(OV_ENT_MEETING);
	ov_register all = {0};
	ov_rec_filter f;
	int rc = -1;

	memset(out, 0, sizeof *out);
	out->as_at = as_at;
	out->since = ov_date_add_months(as_at, -3);
	if (app_load(a, NULL, what, &out->ds, d) < 0)
		return -1;
	ov_rec_filter_init(&f, as_at);
	if (ov_app_register(a, &f, &all, d) < 0)
		goto out;
	for (size_t i = 0; i < all.n; i++)
		app_summary_count_row(&all.rows[i], out);
	app_summary_count_dataset(out, out->ds, NULL);
	rc = 0;
out:
	ov_register_release(&all);
	if (rc)
		ov_summary_release(out);
	return rc;
}

void ov_summary_release(ov_summary *s)
{
	if (s)
		result_release(&s->ds, &s->peel);
}
