/*
 * The national view (app/national.h).  Each figure comes from the
 * register as ov_app_register answers it (the stored state, or the fold
 * for an earlier date) and from core's rules: the summary's counts are
 * app/listings.c's (app_summary_count_row), overdue is core's
 * ov_rec_overdue, PEEL cells are core's carry-forward (ov_peel_table).
 * Nothing here speaks to the store but through app_load and the
 * register.
 */
#include "app/national.h"
#include "app/common.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

/* The forces in scope: every force of ds, or the one named (not found
 * at "force" if ds has no such force).  *out: fresh array of borrowed
 * pointers, by code. */
static int scope_forces(const ov_dataset *ds, const char *force,
                        const ov_force ***out, size_t *n, ov_diag *d)
{
	const ov_force *one = force ? ov_dataset_find_force(ds, force) : NULL;

	*n = 0;
	*out = NULL;
	if (force && !one) {
		ov_diag_at(d, OV_PROB_NOTFOUND, "force",
		           "no force '" OV_DIAG_Q "' in the register",
		           OV_DIAG_QV(force));
		return -1;
	}
	*out = ov_xcalloc(ds->n_forces + 1, sizeof **out);
	for (size_t i = 0; i < ds->n_forces; i++)
		if (!one || &ds->forces[i] == one)
			(*out)[(*n)++] = &ds->forces[i];
	return 0;
}

/* The register as at as_at of force (NULL: all) and report (NULL: all),
 * every row, in ref order. */
static int register_of(ov_app *a, ov_day as_at, const char *force,
                       const char *report, ov_register *out, ov_diag *d)
{
	ov_rec_filter f;

	ov_rec_filter_init(&f, as_at);
	f.force = force;
	f.report = report;
	f.sort = OV_SORT_REF;
	return ov_app_register(a, &f, out, d);
}

static int need_day(ov_day as_at, ov_diag *d)
{
	if (as_at != OV_DAY_NONE)
		return 0;
	ov_diag_at(d, OV_PROB_INPUT, "as-at", "is required");
	return -1;
}

/* ---- the summary by force ---- */

/* The index in ns->forces of code, or ns->n. */
static size_t force_slot(const ov_national_summary *ns, const char *code)
{
	size_t lo = 0, hi = ns->n;

	while (code && lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(ns->forces[mid].force->code, code);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return ns->n;
}

/* Each row into its force's figures; each force's reports are those
 * published by then that its rows come from (seen: [force][report]). */
static void count_by_force(ov_national_summary *ns, const ov_register *reg)
{
	const ov_dataset *ds = ns->ds;
	bool *seen = ov_xcalloc(ns->n * ds->n_reports + 1, sizeof *seen);

	for (size_t i = 0; i < reg->n; i++) {
		const ov_rec_row *row = &reg->rows[i];
		size_t f = force_slot(ns, row->force);
		const ov_report *rep = ov_dataset_find_report(ds, row->report);
		ov_summary *s;

		if (f == ns->n)
			continue;
		s = &ns->forces[f].s;
		app_summary_count_row(row, s);
		if (rep && app_summary_published(rep, ns->as_at) &&
		    !seen[f * ds->n_reports + (size_t)(rep - ds->reports)]) {
			seen[f * ds->n_reports + (size_t)(rep - ds->reports)] =
			    true;
			s->reports++;
		}
	}
	free(seen);
}

int ov_app_summary_by_force(ov_app *a, ov_day as_at, const char *force,
                            ov_national_summary *out, ov_diag *d)
{
	const unsigned what =
	    OV_LOAD(OV_ENT_FORCE) | OV_LOAD(OV_ENT_ASSESSMENT) |
	    OV_LOAD(OV_ENT_REPORT) | OV_LOAD(OV_ENT_ACTIVITY) |
	    OV_LOAD(OV_ENT_MEETING);
	ov_register reg = {0};
	const ov_force **fs = NULL;
	size_t n = 0;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (need_day(as_at, d) < 0)
		return -1;
	out->as_at = as_at;
	out->since = ov_date_add_months(as_at, -3);
	if (app_load(a, NULL, what, &out->ds, d) < 0 ||
	    scope_forces(out->ds, force, &fs, &n, d) < 0)
		goto out;
	out->forces = ov_xcalloc(n + 1, sizeof *out->forces);
	for (; out->n < n; out->n++) {
		ov_force_summary *fsum = &out->forces[out->n];

		fsum->force = fs[out->n];
		fsum->s.as_at = as_at;
		fsum->s.since = out->since;
		app_summary_count_dataset(&fsum->s, out->ds, fsum->force->code);
	}
	if (register_of(a, as_at, force, NULL, &reg, d) < 0)
		goto out;
	count_by_force(out, &reg);
	rc = 0;
out:
	free(fs);
	ov_register_release(&reg);
	if (rc)
		ov_national_summary_release(out);
	return rc;
}

void ov_national_summary_release(ov_national_summary *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		ov_summary_release(&s->forces[i].s);
	free(s->forces);
	ov_dataset_free(s->ds);
	memset(s, 0, sizeof *s);
}

/* ---- a report across forces ---- */

static int cmp_str(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

/* The rule of app/national.h: same kind, area and text; without text,
 * same kind, area and subject (the report is the query's). */
static int same_rec(const ov_rec_row *x, const ov_rec_row *y)
{
	int c = (int)x->kind - (int)y->kind;

	if (!c)
		c = cmp_str(x->area, y->area);
	if (!c)
		c = (x->text == NULL) - (y->text == NULL);
	if (!c)
		c = x->text ? strcmp(x->text, y->text)
		            : cmp_str(x->subject, y->subject);
	return c;
}

/* Rows grouped by the rule, each group by ref, groups by their first
 * ref: sorting by (key, ref) and then the groups by first ref. */
static int row_by_key(const void *pa, const void *pb)
{
	const ov_rec_row *x = *(const ov_rec_row *const *)pa,
	                 *y = *(const ov_rec_row *const *)pb;
	int c = same_rec(x, y);

	return c ? c : strcmp(x->ref, y->ref);
}

static int nat_by_ref(const void *pa, const void *pb)
{
	const ov_national_rec *x = pa, *y = pb;

	return strcmp(x->first->ref, y->first->ref);
}

static void count_copy(ov_national_rec *nr, const ov_rec_row *row, ov_day as_at)
{
	ov_rec_state st = {.status = row->status,
	                   .status_date = row->status_date};

	nr->forces++;
	if (row->status >= 0 && row->status <= OV_STATUS_NA)
		nr->by_status[row->status]++;
	nr->overdue += ov_rec_overdue(&st, row->due, as_at);
}

static int code_cmp(const void *pa, const void *pb)
{
	return cmp_str(*(const char *const *)pa, *(const char *const *)pb);
}

/* Distinct force codes among n (sorted here). */
static size_t distinct(const char **codes, size_t n)
{
	size_t k = 0;

	qsort(codes, n, sizeof *codes, code_cmp);
	for (size_t i = 0; i < n; i++)
		k += i == 0 || cmp_str(codes[i - 1], codes[i]) != 0;
	return k;
}

/* One entry per recommendation, each of its copies counted: forces
 * counts copies (a force whose register held the same words twice would
 * count twice, each copy being a row with its own state); the report's
 * forces counts distinct force codes. */
static void group(ov_national_report *out)
{
	const ov_rec_row **rows = ov_xcalloc(out->reg.n + 1, sizeof *rows);
	const char **codes = ov_xcalloc(out->reg.n + 1, sizeof *codes);

	for (size_t i = 0; i < out->reg.n; i++)
		rows[i] = &out->reg.rows[i];
	qsort(rows, out->reg.n, sizeof *rows, row_by_key);
	out->recs = ov_xcalloc(out->reg.n + 1, sizeof *out->recs);
	for (size_t i = 0; i < out->reg.n; i++) {
		if (i == 0 || same_rec(rows[i - 1], rows[i]) != 0)
			out->recs[out->n++].first = rows[i];
		count_copy(&out->recs[out->n - 1], rows[i], out->as_at);
		codes[i] = rows[i]->force;
	}
	qsort(out->recs, out->n, sizeof *out->recs, nat_by_ref);
	out->forces = distinct(codes, out->reg.n);
	free(rows);
	free(codes);
}

int ov_app_report_across(ov_app *a, const char *report, ov_day as_at,
                         const char *force, ov_national_report *out, ov_diag *d)
{
	const ov_force **fs = NULL;
	size_t n;
	int rc = -1;

	memset(out, 0, sizeof *out);
	out->as_at = as_at;
	if (!report) {
		ov_diag_at(d, OV_PROB_INPUT, "report", "is required");
		return -1;
	}
	if (need_day(as_at, d) < 0 ||
	    app_load(a, NULL, OV_LOAD(OV_ENT_FORCE) | OV_LOAD(OV_ENT_REPORT),
	             &out->ds, d) < 0 ||
	    scope_forces(out->ds, force, &fs, &n, d) < 0)
		goto out;
	out->report = ov_dataset_find_report(out->ds, report);
	if (!out->report) {
		ov_diag_at(d, OV_PROB_NOTFOUND, "report",
		           "no report '" OV_DIAG_Q "' in the register",
		           OV_DIAG_QV(report));
		goto out;
	}
	if (register_of(a, as_at, force, report, &out->reg, d) < 0)
		goto out;
	group(out);
	rc = 0;
out:
	free(fs);
	if (rc)
		ov_national_report_release(out);
	return rc;
}

void ov_national_report_release(ov_national_report *r)
{
	if (!r)
		return;
	free(r->recs);
	ov_register_release(&r->reg);
	ov_dataset_free(r->ds);
	memset(r, 0, sizeof *r);
}

/* ---- PEEL grades across forces ---- */

size_t ov_nat_grade_slot(enum ov_grade g)
{
	if (g >= OV_GRADE_OUTSTANDING && g <= OV_GRADE_NOT_GRADED)
		return (size_t)g;
	return OV_NAT_GRADES - 1;
}

static size_t row_of(const ov_national_grades *g, const char *key)
{
	for (size_t i = 0; i < g->n_questions; i++)
		if (strcmp(g->questions[i]->key, key) == 0)
			return i;
	return g->n_questions;
}

static int question_order(const void *pa, const void *pb)
{
	const ov_question *x = *(const ov_question *const *)pa,
	                  *y = *(const ov_question *const *)pb;

	if (x->number != y->number)
		return (x->number > y->number) - (x->number < y->number);
	return strcmp(x->key, y->key);
}

/* The rows: every key of the current assessments, worded as the first
 * force that lists it. */
static void grade_rows(ov_national_grades *g, size_t cap)
{
	g->questions = ov_xcalloc(cap + 1, sizeof *g->questions);
	for (size_t f = 0; f < g->n_forces; f++) {
		const ov_assessment *as = g->current[f];

		for (size_t j = 0; as && j < as->n_questions; j++) {
			const ov_question *q = &as->questions[j];

			if (q->key && row_of(g, q->key) == g->n_questions)
				g->questions[g->n_questions++] = q;
		}
	}
	qsort(g->questions, g->n_questions, sizeof *g->questions,
	      question_order);
}

static void grade_cells(ov_national_grades *g)
{
	size_t nf = g->n_forces;

	g->cells = ov_xcalloc(g->n_questions * nf + 1, sizeof *g->cells);
	g->dist = ov_xcalloc(g->n_questions + 1, sizeof *g->dist);
	for (size_t i = 0; i < g->n_questions * nf; i++) {
		g->cells[i].grade = OV_GRADE_NONE;
		g->cells[i].inspect = OV_PDATE_NONE;
	}
	for (size_t f = 0; f < nf; f++) {
		const ov_assessment *as = g->current[f];
		ov_peel_cell *cells;

		if (!as)
			continue;
		cells = ov_xcalloc(as->n_questions + 1, sizeof *cells);
		ov_peel_table(g->ds, as, cells);
		for (size_t j = 0; j < as->n_questions; j++) {
			size_t row = as->questions[j].key
			                 ? row_of(g, as->questions[j].key)
			                 : g->n_questions;

			if (row < g->n_questions)
				g->cells[row * nf + f] = cells[j];
		}
		free(cells);
	}
	for (size_t q = 0; q < g->n_questions; q++)
		for (size_t f = 0; f < nf; f++)
			g->dist[q][ov_nat_grade_slot(
			    g->cells[q * nf + f].grade)]++;
}

int ov_app_grades_across(ov_app *a, ov_day as_at, const char *force,
                         ov_national_grades *out, ov_diag *d)
{
	size_t cap = 0;

	memset(out, 0, sizeof *out);
	out->as_at = as_at;
	if (need_day(as_at, d) < 0 ||
	    app_load(a, NULL,
	             OV_LOAD(OV_ENT_FORCE) | OV_LOAD(OV_ENT_ASSESSMENT),
	             &out->ds, d) < 0 ||
	    scope_forces(out->ds, force, &out->forces, &out->n_forces, d) < 0) {
		ov_national_grades_release(out);
		return -1;
	}
	out->current = ov_xcalloc(out->n_forces + 1, sizeof *out->current);
	for (size_t f = 0; f < out->n_forces; f++) {
		out->current[f] =
		    ov_peel_current(out->ds, out->forces[f]->code, as_at);
		cap += out->current[f] ? out->current[f]->n_questions : 0;
	}
	grade_rows(out, cap);
	grade_cells(out);
	return 0;
}

void ov_national_grades_release(ov_national_grades *g)
{
	if (!g)
		return;
	free(g->forces);
	free(g->current);
	free(g->questions);
	free(g->cells);
	free(g->dist);
	ov_dataset_free(g->ds);
	memset(g, 0, sizeof *g);
}
