/*
 * The dashboard (app/dashboard.h).  One scan of the register, and only its
 * look (store/types.h): each rec's status and RAG events, date, kind and
 * RAG, up to as_at; no rec is read whole.  Each look is folded once
 * (ov_rec_fold) for the counts, and its status changes walked once, with
 * core's own rule for each event (ov_event_next_status), into a change of
 * +1 or -1 in the live count in the month of the change; the series is the
 * running sum of those changes, month by month.  That is exact: a rec is
 * live at the end of a month if and only if its last status change on or
 * before that day left it live, and a rec reopened counts again from the
 * month it was reopened.  PEEL grids come from core's carry-forward
 * (ov_peel_table), one assessment at a time.
 */
#include "app/dashboard.h"
#include "app/common.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

/* Months numbered from January OV_YEAR_MIN, so every day the register can
 * hold has one. */
#define N_MONTHS ((OV_YEAR_MAX - OV_YEAR_MIN + 1) * 12)

static int month_of(ov_day day)
{
	int y, m, d;

	ov_date_to_ymd(day, &y, &m, &d);
	return (y - OV_YEAR_MIN) * 12 + (m - 1);
}

typedef struct dash {
	ov_dashboard *out;
	long *delta; /* [N_MONTHS]: change of the live count in a month */
	int first;   /* month of the first creation; INT_MAX: none yet */
} dash;

static void count(ov_dash_counts *c, const ov_rec_state *st, ov_day due,
                  ov_day as_at)
{
	c->recs++;
	if (st->status >= 0 && st->status <= OV_STATUS_NA)
		c->by_status[st->status]++;
	if (!ov_status_is_live(st->status))
		return;
	c->live++;
	c->overdue += ov_rec_overdue(st, due, as_at);
	c->due_soon += due != OV_DAY_NONE && due >= as_at &&
	               due - as_at <= OV_DASH_SOON_DAYS;
	if (st->rag >= 0 && st->rag <= OV_RAG_GREEN)
		c->by_rag[st->rag]++;
	else
		c->unrated++;
}

/* The rec's status changes, in timeline order, as changes of the live
 * count in their months. */
static void changes(dash *g, const ov_rec *rec)
{
	enum ov_status s = OV_STATUS_NONE;

	for (size_t i = 0; i < rec->n_events; i++) {
		const ov_event *e = &rec->events[i];
		enum ov_status next = ov_event_next_status(s, e->kind);
		int mo;

		if (e->date > g->out->as_at)
			break;
		if (ov_status_is_live(s) == ov_status_is_live(next)) {
			s = next;
			continue;
		}
		mo = month_of(e->date);
		if (mo >= 0 && mo < N_MONTHS) {
			g->delta[mo] += ov_status_is_live(next) ? 1 : -1;
			if (s == OV_STATUS_NONE && mo < g->first)
				g->first = mo;
		}
		s = next;
	}
}

/* The look at each rec is all the dashboard needs: it never asks for a
 * rec whole. */
static int look(const ov_rec *brief, ov_day due, void *ctx)
{
	dash *g = ctx;
	ov_dashboard *db = g->out;
	ov_rec_state st;
	const ov_report *r;

	ov_rec_fold(brief, db->as_at, &st);
	if (st.status == OV_STATUS_NONE)
		return 0;
	count(&db->all, &st, due, db->as_at);
	r = ov_dataset_find_report(db->ds, brief->report);
	if (r)
		count(&db->reports[r - db->ds->reports].n, &st, due, db->as_at);
	changes(g, brief);
	return 0;
}

static int never(const ov_rec *rec, ov_day due, void *ctx)
{
	(void)rec, (void)due, (void)ctx;
	return 0;
}

static ov_day month_end(int mo)
{
	return ov_date_month_end(
	    ov_date_from_ymd(OV_YEAR_MIN + mo / 12, mo % 12 + 1, 1));
}

static void make_series(dash *g)
{
	ov_dashboard *db = g->out;
	int last = month_of(db->as_at);
	long live = 0;

	if (g->first == INT_MAX || last < g->first || last >= N_MONTHS)
		return;
	db->series =
	    ov_xcalloc((size_t)(last - g->first + 1), sizeof *db->series);
	for (int mo = 0; mo <= last; mo++) {
		ov_dash_point *p;

		live += g->delta[mo];
		if (mo < g->first)
			continue;
		p = &db->series[db->n_series++];
		p->day = mo < last ? month_end(mo) : db->as_at;
		p->open = live > 0 ? (size_t)live : 0;
	}
}

/* ---- PEEL ---- */

static int by_date_id(const void *pa, const void *pb)
{
	const ov_assessment *a = *(const ov_assessment *const *)pa,
	                    *b = *(const ov_assessment *const *)pb;

	if (a->date.day != b->date.day)
		return (a->date.day > b->date.day) - (a->date.day < b->date.day);
	return strcmp(a->id, b->id);
}

static size_t row_of(const ov_dash_peel *pg, const char *key)
{
	for (size_t i = 0; i < pg->n_questions; i++)
		if (!strcmp(pg->questions[i]->key, key))
			return i;
	return pg->n_questions;
}

/* The rows: the latest assessment's questions first, then those only
 * earlier ones list, each worded as the latest that lists it. */
static void peel_rows(ov_dash_peel *pg, size_t cap)
{
	pg->questions = ov_xcalloc(cap + 1, sizeof *pg->questions);
	for (size_t k = pg->n_assessments; k-- > 0;) {
		const ov_assessment *as = pg->assessments[k];

		for (size_t j = 0; j < as->n_questions; j++) {
			const ov_question *q = &as->questions[j];

			if (q->key && row_of(pg, q->key) == pg->n_questions)
				pg->questions[pg->n_questions++] = q;
		}
	}
}

static void peel_grades(const ov_dataset *ds, ov_dash_peel *pg)
{
	size_t na = pg->n_assessments;

	pg->grades = ov_xcalloc(pg->n_questions * na + 1, sizeof *pg->grades);
	for (size_t i = 0; i < pg->n_questions * na; i++) {
		pg->grades[i].cell.grade = OV_GRADE_NONE;
		pg->grades[i].cell.inspect = OV_PDATE_NONE;
	}
	for (size_t k = 0; k < na; k++) {
		const ov_assessment *as = pg->assessments[k];
		ov_peel_cell *cells =
		    ov_xcalloc(as->n_questions + 1, sizeof *cells);

		ov_peel_table(ds, as, cells);
		for (size_t j = 0; j < as->n_questions; j++) {
			size_t row = as->questions[j].key
			                 ? row_of(pg, as->questions[j].key)
			                 : pg->n_questions;

			if (row == pg->n_questions)
				continue;
			pg->grades[row * na + k].asked = true;
			pg->grades[row * na + k].cell = cells[j];
		}
		free(cells);
	}
}

static void make_peel(ov_dashboard *db, const char *force)
{
	const ov_dataset *ds = db->ds;

	db->peel = ov_xcalloc(ds->n_forces + 1, sizeof *db->peel);
	for (size_t f = 0; f < ds->n_forces; f++) {
		ov_dash_peel *pg = &db->peel[db->n_peel];
		size_t n_q = 0;

		pg->force = &ds->forces[f];
		if (force && strcmp(pg->force->code, force) != 0) {
			memset(pg, 0, sizeof *pg);
			continue;
		}
		pg->assessments =
		    ov_xcalloc(ds->n_assessments + 1, sizeof *pg->assessments);
		for (size_t i = 0; i < ds->n_assessments; i++) {
			const ov_assessment *as = &ds->assessments[i];

			if (!as->force || strcmp(as->force, pg->force->code) ||
			    as->date.day == OV_DAY_NONE || as->date.day > db->as_at)
				continue;
			pg->assessments[pg->n_assessments++] = as;
			n_q += as->n_questions;
		}
		if (!pg->n_assessments) {
			free(pg->assessments);
			memset(pg, 0, sizeof *pg);
			continue;
		}
		qsort(pg->assessments, pg->n_assessments,
		      sizeof *pg->assessments, by_date_id);
		peel_rows(pg, n_q);
		peel_grades(ds, pg);
		db->n_peel++;
	}
}

int ov_app_dashboard(ov_app *a, ov_day as_at, ov_dashboard *out, ov_diag *d)
{
	return ov_app_dashboard_for(a, as_at, NULL, out, d);
}

int ov_app_dashboard_for(ov_app *a, ov_day as_at, const char *force,
                         ov_dashboard *out, ov_diag *d)
{
	const unsigned what = OV_LOAD(OV_ENT_FORCE) | OV_LOAD(OV_ENT_REPORT) |
	                      OV_LOAD(OV_ENT_ASSESSMENT);
	dash g = {.out = out, .first = INT_MAX};
	ov_store_scan q;
	int rc = -1;

	memset(out, 0, sizeof *out);
	out->as_at = as_at;
	if (as_at == OV_DAY_NONE) {
		ov_diag_at(d, OV_PROB_INPUT, "as-at", "is required");
		return -1;
	}
	if (app_load(a, NULL, what, &out->ds, d) < 0)
		return -1;
	if (force && !ov_dataset_find_force(out->ds, force)) {
		ov_diag_at(d, OV_PROB_NOTFOUND, "force",
		           "no force '" OV_DIAG_Q "' in the register",
		           OV_DIAG_QV(force));
		goto out;
	}
	out->n_reports = out->ds->n_reports;
	out->reports = ov_xcalloc(out->n_reports + 1, sizeof *out->reports);
	for (size_t i = 0; i < out->n_reports; i++)
		out->reports[i].report = &out->ds->reports[i];
	g.delta = ov_xcalloc(N_MONTHS, sizeof *g.delta);
	ov_store_scan_init(&q);
	q.timeline = true;
	q.events_upto = as_at;
	q.want = look;
	q.probe_kinds = ov_status_event_kinds() | 1u << OV_EV_RAG;
	q.force = force;
	if (ov_store_scan_recs(a->s, &q, never, &g, d) != OV_STORE_OK)
		goto out;
	make_series(&g);
	make_peel(out, force);
	rc = 0;
out:
	free(g.delta);
	if (rc)
		ov_dashboard_release(out);
	return rc;
}

void ov_dashboard_release(ov_dashboard *db)
{
	if (!db)
		return;
	for (size_t i = 0; i < db->n_peel; i++) {
		free(db->peel[i].assessments);
		free(db->peel[i].questions);
		free(db->peel[i].grades);
	}
	free(db->peel);
	free(db->reports);
	free(db->series);
	ov_dataset_free(db->ds);
	memset(db, 0, sizeof *db);
}
