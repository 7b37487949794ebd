/* The sections on the register as at the meeting (paper/sections.h). */
#include "paper/sections.h"

#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "paper/tree.h"
#include "paper/words.h"
#include "util/buf.h"
#include "util/mem.h"

/* A live or ended rec of this force that existed on the meeting date,
 * with its fold and due dates. */
typedef struct recrow {
	const ov_rec *rec;
	const ov_report *rep;
	ov_rec_state st;
	ov_day due;       /* ov_rec_due: the target as set */
	ov_day effective; /* the revised target when moved */
} recrow;

static int recrow_due_cmp(const void *x, const void *y)
{
	const recrow *a = x, *b = y;

	if (a->effective != b->effective) {
		if (a->effective == OV_DAY_NONE || b->effective == OV_DAY_NONE)
			return a->effective == OV_DAY_NONE ? 1 : -1;
		return a->effective < b->effective ? -1 : 1;
	}
	return ov_pctx_natural_cmp(a->rec->ref, b->rec->ref);
}

/* The force's recs as at the meeting, in report then ref order (live
 * ones only when live); sorted by due date when by_due.  Caller frees. */
static recrow *register_rows(ov_pctx *c, bool live, bool by_due, size_t *n)
{
	const ov_rec **v = NULL;
	recrow *rows;
	size_t k = 0;

	for (size_t i = 0; i < c->ds->n_recs; i++)
		if (ov_pctx_same(c->ds->recs[i].force, c->m->force)) {
			v = ov_xrealloc(v, (k + 1) * sizeof *v);
			v[k++] = &c->ds->recs[i];
		}
	if (k)
		qsort(v, k, sizeof *v, ov_pctx_rec_cmp);
	rows = ov_xcalloc(k + 1, sizeof *rows);
	*n = 0;
	for (size_t i = 0; i < k; i++) {
		recrow *r = &rows[*n];

		r->rec = v[i];
		ov_rec_fold(v[i], c->m->date, &r->st);
		if (r->st.status == OV_STATUS_NONE ||
		    (live && !ov_status_is_live(r->st.status)))
			continue;
		r->rep = ov_dataset_find_report(c->ds, v[i]->report);
		r->due = ov_rec_due(v[i], r->rep);
		r->effective = ov_rec_effective_due(&r->st, r->due);
		(*n)++;
	}
	free(v);
	if (by_due && *n)
		qsort(rows, *n, sizeof *rows, recrow_due_cmp);
	return rows;
}

static const char *report_words(const ov_report *rep, const ov_rec *rec)
{
	return rep && rep->short_name ? rep->short_name
	       : rep && rep->title    ? rep->title
	                              : rec->report;
}

/* Counts by status as the committee reads them. */
enum {
	ST_PROGRESS,
	ST_UNALLOCATED,
	ST_PENDING,
	ST_CLOSED,
	ST_SUPERSEDED,
	ST_NA,
	ST_N
};

static int status_bucket(const ov_rec_state *st)
{
	switch (st->status) {
	case OV_STATUS_OPEN:
		return st->owner ? ST_PROGRESS : ST_UNALLOCATED;
	case OV_STATUS_PROPOSED:
		return ST_PENDING;
	case OV_STATUS_CLOSED:
		return ST_CLOSED;
	case OV_STATUS_SUPERSEDED:
		return ST_SUPERSEDED;
	default:
		return ST_NA;
	}
}

/* "130 in progress, 27 awaiting allocation (no owner yet), 20 closed and
 * 17 pending sign-off": the counts that are not zero. */
static char *counts_words(const size_t n[ST_N])
{
	static const char *const what[ST_N] = {
	    "in progress",      "awaiting allocation (no owner yet)",
	    "pending sign-off", "closed",
	    "superseded",       "not applicable"};
	ov_buf b = OV_BUF_INIT;
	size_t parts = 0, done = 0;

	for (int i = 0; i < ST_N; i++)
		parts += n[i] > 0;
	for (int i = 0; i < ST_N; i++) {
		if (!n[i])
			continue;
		ov_buf_printf(&b, "%s%zu %s",
		              done == 0           ? ""
		              : done + 1 == parts ? " and "
		                                  : ", ",
		              n[i], what[i]);
		done++;
	}
	return ov_buf_detach(&b);
}

void ov_sec_counts(ov_pctx *c)
{
	size_t n, all[ST_N] = {0}, k[3] = {0, 0, 0};
	recrow *rows = register_rows(c, false, false, &n);
	char *as_at, *w, *cw, *s;
	ov_block *list = NULL;

	for (size_t i = 0; i < n; i++) {
		all[status_bucket(&rows[i].st)]++;
		if ((int)rows[i].rec->kind >= 0 &&
		    rows[i].rec->kind <= OV_RK_AFI)
			k[rows[i].rec->kind]++;
	}
	if (n) {
		as_at = ov_date_long(c->m->date);
		w = ov_kinds_words(k);
		cw = counts_words(all);
		s = ov_xasprintf("As at %s the register holds %s: %s.", as_at,
		                 w, cw);
		ov_paper_para(c->p, s);
		free(s);
		free(cw);
		free(w);
		free(as_at);
	}
	/* Then report by report, in the rows' (report, ref) order. */
	for (size_t i = 0; i < n;) {
		size_t per[ST_N] = {0}, j = i;

		while (j < n &&
		       ov_pctx_same(rows[j].rec->report, rows[i].rec->report))
			per[status_bucket(&rows[j++].st)]++;
		if (!list)
			list = ov_paper_list(c->p);
		cw = counts_words(per);
		s = ov_xasprintf("%s: %s",
		                 report_words(rows[i].rep, rows[i].rec), cw);
		ov_list_add(list, s);
		free(s);
		free(cw);
		i = j;
	}
	free(rows);
}

static int rec_report_cmp(const void *x, const void *y)
{
	const recrow *a = x, *b = y;
	int r = strcmp(a->rec->report ? a->rec->report : "",
	               b->rec->report ? b->rec->report : "");

	return r ? r : ov_pctx_natural_cmp(a->rec->ref, b->rec->ref);
}

/* The closedown timeline: each live rec with its target and, where the
 * force moved it, the revised target and why.  The revised columns
 * appear only when some target was revised. */
void ov_sec_timeline(ov_pctx *c)
{
	size_t n;
	recrow *rows = register_rows(c, true, true, &n);
	bool revised = false;
	const char *hdr[5] = {"Report", "Recommendation", "Target date",
	                      "Revised target", "Reason"};
	const double width[5] = {1.5, 3, 1.3, 1.3, 2};
	ov_block *t;

	for (size_t i = 0; i < n; i++)
		revised |= rows[i].st.target != OV_DAY_NONE;
	t = n ? ov_paper_table(c->p, revised ? 5 : 3, hdr, width) : NULL;
	for (size_t i = 0; i < n; i++) {
		ov_inline *row = ov_doc_table_row(t);
		char *name = ov_rec_name(rows[i].rec);
		char *who = ov_xasprintf("%s (%s)", name, rows[i].rec->ref);
		char *due = rows[i].due == OV_DAY_NONE
		                ? ov_xstrdup("None set")
		                : ov_date_long(rows[i].due);

		ov_inline_add(&row[0], report_words(rows[i].rep, rows[i].rec),
		              false, false);
		ov_inline_add(&row[1], who, false, false);
		ov_inline_add(&row[2], due, false, false);
		if (revised && rows[i].st.target != OV_DAY_NONE) {
			char *rv = ov_date_long(rows[i].st.target);

			ov_inline_add(&row[3], rv, false, false);
			ov_inline_add(&row[4], rows[i].st.target_reason, false,
			              false);
			free(rv);
		}
		free(name);
		free(who);
		free(due);
	}
	free(rows);
}

/* Live recs whose target (the revised one when moved) is in
 * [from, to]: a bullet each. */
static void due_list(ov_pctx *c, ov_day from, ov_day to)
{
	size_t n;
	recrow *rows = register_rows(c, true, true, &n);
	ov_block *list = NULL;

	for (size_t i = 0; i < n; i++) {
		char *name, *when, *s;

		if (rows[i].effective == OV_DAY_NONE ||
		    (from != OV_DAY_NONE && rows[i].effective < from) ||
		    rows[i].effective > to)
			continue;
		if (!list)
			list = ov_paper_list(c->p);
		name = ov_rec_name(rows[i].rec);
		when = ov_date_long(rows[i].effective);
		s = ov_xasprintf("%s: %s (%s) \u2013 target %s%s",
		                 report_words(rows[i].rep, rows[i].rec), name,
		                 rows[i].rec->ref, when,
		                 rows[i].st.target != OV_DAY_NONE ? " (revised)"
		                                                  : "");
		ov_list_add(list, s);
		free(s);
		free(when);
		free(name);
	}
	free(rows);
}

void ov_sec_overdue(ov_pctx *c)
{
	due_list(c, OV_DAY_NONE, c->m->date - 1);
}

/* Up to the next meeting of the committee, or three months on when none
 * is in the register (committees meet quarterly). */
void ov_sec_due_soon(ov_pctx *c)
{
	ov_day to = c->next != OV_DAY_NONE ? c->next
	                                   : ov_date_add_months(c->m->date, 3);

	due_list(c, c->m->date, to);
}

/* What one event did, for the overview of activity; NULL for what the
 * overview does not report. */
static char *event_words(const ov_pctx *c, const ov_event *e)
{
	char *when = ov_when_words(e->date, e->precision), *s = NULL, *t;
	const ov_person *p;

	switch (e->kind) {
	case OV_EV_CREATED:
		s = ov_xasprintf("received %s", when);
		break;
	case OV_EV_PROPOSED:
		s = ov_xasprintf("closure proposed %s", when);
		break;
	case OV_EV_CLOSED:
		s = ov_xasprintf("closed by %s %s",
		                 e->author ? e->author : "HMICFRS", when);
		break;
	case OV_EV_REOPENED:
		s = ov_xasprintf("reopened %s", when);
		break;
	case OV_EV_SUPERSEDED:
		s = ov_xasprintf("superseded %s: %s", when, e->basis);
		break;
	case OV_EV_NA:
		s = ov_xasprintf("found not applicable %s: %s", when, e->basis);
		break;
	case OV_EV_TARGET:
		t = ov_date_long(e->target);
		s = ov_xasprintf("target revised %s to %s: %s", when, t,
		                 e->reason);
		free(t);
		break;
	case OV_EV_OWNER:
		p = ov_dataset_find_person(c->ds, e->owner);
		t = p ? ov_person_display(p) : ov_xstrdup(e->owner);
		s = ov_xasprintf("allocated to %s %s", t, when);
		free(t);
		break;
	case OV_EV_UPDATE:
		s = ov_xasprintf("update %s: %s", when, e->text);
		break;
	case OV_EV_RAG:
		s = ov_xasprintf("rated %s %s", ov_rag_label(e->rag), when);
		break;
	}
	free(when);
	return s;
}

/* Report by report, what happened to its recommendations since the
 * previous meeting. */
void ov_sec_overview(ov_pctx *c)
{
	size_t n;
	recrow *rows = register_rows(c, false, false, &n);
	const char *cur = NULL;
	ov_block *list = NULL;

	qsort(rows, n, sizeof *rows, rec_report_cmp);
	for (size_t i = 0; i < n; i++) {
		const ov_rec *rec = rows[i].rec;

		for (size_t k = 0; k < rec->n_events; k++) {
			const ov_event *e = &rec->events[k];
			char *what, *name, *s;

			if (!ov_pctx_in_window(c, e->date) ||
			    !(what = event_words(c, e)))
				continue;
			if (!ov_pctx_same(cur, rec->report)) {
				const ov_report *r = rows[i].rep;

				ov_paper_heading(c->p, 3,
				                 r && r->title ? r->title
				                               : rec->report);
				list = ov_paper_list(c->p);
				cur = rec->report;
			}
			name = ov_rec_name(rec);
			s = ov_xasprintf("%s (%s): %s", name, rec->ref, what);
			ov_list_add(list, s);
			free(s);
			free(name);
			free(what);
		}
	}
	free(rows);
}

/* Activities starting after the meeting, and the questions of its PEEL
 * table still to be inspected after it. */
void ov_sec_forthcoming(ov_pctx *c)
{
	const ov_assessment *a =
	    ov_dataset_find_assessment(c->ds, c->m->assessment);
	const ov_activity **acts = NULL;
	ov_block *list = NULL;
	size_t n = 0;

	for (size_t i = 0; i < c->ds->n_activities; i++) {
		const ov_activity *x = &c->ds->activities[i];

		if (ov_pctx_same(x->force, c->m->force) &&
		    ov_activity_start(x) != OV_DAY_NONE &&
		    ov_activity_start(x) > c->m->date) {
			acts = ov_xrealloc(acts, (n + 1) * sizeof *acts);
			acts[n++] = x;
		}
	}
	if (n)
		qsort(acts, n, sizeof *acts, ov_pctx_act_cmp);
	for (size_t i = 0; i < n; i++) {
		char *from = ov_pdate_words(acts[i]->from), *to = NULL, *s;

		if (acts[i]->to.prec != OV_PREC_NONE &&
		    (acts[i]->to.day != acts[i]->from.day ||
		     acts[i]->to.prec != acts[i]->from.prec))
			to = ov_pdate_words(acts[i]->to);
		if (!list)
			list = ov_paper_list(c->p);
		s = ov_xasprintf("%s%s%s: %s%s%s%s", from, to ? " \u2013 " : "",
		                 to ? to : "", acts[i]->subject,
		                 acts[i]->place ? " (" : "",
		                 acts[i]->place ? acts[i]->place : "",
		                 acts[i]->place ? ")" : "");
		ov_list_add(list, s);
		free(s);
		free(from);
		free(to);
	}
	free(acts);
	for (size_t i = 0; a && i < a->n_questions; i++) {
		const ov_question *q = &a->questions[i];
		char *when, *s;

		if (q->grade != OV_GRADE_TBI ||
		    q->inspect.prec == OV_PREC_NONE ||
		    ov_pdate_last_day(q->inspect) <= c->m->date)
			continue;
		if (!list)
			list = ov_paper_list(c->p);
		when = ov_pdate_words(q->inspect);
		s = ov_xasprintf("PEEL: %s \u2013 to be inspected in %s",
		                 q->text, when);
		ov_list_add(list, s);
		free(s);
		free(when);
	}
}
