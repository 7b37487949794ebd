/*
 * The committee paper from the register (DESIGN.md, "What the paper
 * holds"), computed from the data as it stood on the meeting date.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/fields.h"
#include "core/fold.h"
#include "core/peel.h"
#include "paper/tree.h"
#include "paper/words.h"
#include "util/buf.h"
#include "util/mem.h"

/* What every section needs: the data, the meeting, the window. */
typedef struct ctx {
	const ov_dataset *ds;
	const ov_meeting *m;
	ov_day prev;   /* previous meeting's date, OV_DAY_NONE if none */
	ov_paper *p;
} ctx;

/* In (prev, m->date]: after the last meeting, up to this one. */
static bool in_window(const ctx *c, ov_day d)
{
	return d != OV_DAY_NONE && d <= c->m->date &&
	       (c->prev == OV_DAY_NONE || d > c->prev);
}

static bool same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static ov_day previous_meeting(const ov_dataset *ds, const ov_meeting *m)
{
	ov_day best = OV_DAY_NONE;

	for (size_t i = 0; i < ds->n_meetings; i++) {
		const ov_meeting *o = &ds->meetings[i];

		if (same(o->force, m->force) &&
		    same(o->committee, m->committee) && o->date < m->date &&
		    (best == OV_DAY_NONE || o->date > best))
			best = o->date;
	}
	return best;
}

static char *upper(const char *s)
{
	char *u = ov_xstrdup(s ? s : "");

	for (char *q = u; *q; q++)
		*q = (char)toupper((unsigned char)*q);
	return u;
}

/* Compare refs so that "R9" sorts before "R10". */
static int natural_cmp(const char *a, const char *b)
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

static int rec_ptr_cmp(const void *x, const void *y)
{
	const ov_rec *a = *(const ov_rec *const *)x;
	const ov_rec *b = *(const ov_rec *const *)y;

	return natural_cmp(a->ref, b->ref);
}

/* 1. The heading: agenda item, committee, date, title. */
static void sec_heading(ctx *c)
{
	const ov_meeting *m = c->m;
	char *s;

	if (m->agenda_item) {
		s = ov_xasprintf("Agenda Item %s", m->agenda_item);
		ov_paper_para_bold(c->p, s);
		free(s);
	}
	s = upper(m->committee);
	ov_paper_para_bold(c->p, s);
	free(s);
	ov_paper_para_bold(c->p, c->p->meta.date_text);
	s = upper(m->title ? m->title : "HMICFRS update");
	ov_paper_heading(c->p, 1, s);
	free(s);
}

/* "To be inspected in November" or the grade's label. */
static char *grade_text(const ov_peel_cell *cell)
{
	int y, mo, d;

	if (cell->grade == OV_GRADE_TBI) {
		if (cell->inspect.prec >= OV_PREC_MONTH) {
			ov_date_to_ymd(cell->inspect.day, &y, &mo, &d);
			return ov_xasprintf("To be inspected in %s",
					    ov_month_name(mo));
		}
		return ov_xstrdup("To be inspected");
	}
	if (cell->grade == OV_GRADE_NONE)
		return ov_xstrdup("");
	return ov_xstrdup(ov_grade_label(cell->grade));
}

static void peel_table(ctx *c)
{
	const ov_assessment *a = ov_dataset_find_assessment(c->ds,
							    c->m->assessment);
	ov_peel_cell *cells;
	const char *hdr[3];
	const double width[3] = {1.2, 3, 2};
	char *h1, *h2, *first;
	size_t flen;
	ov_block *t;
	const char *last_pillar = NULL;

	if (!a || a->n_questions == 0)
		return;
	cells = ov_xcalloc(a->n_questions, sizeof *cells);
	ov_peel_table(c->ds, a, cells);
	first = a->label ? a->label : "PEEL";
	flen = strcspn(first, " ");
	h1 = ov_xasprintf("%.*s Key Questions", (int)flen, first);
	h2 = ov_xasprintf("%s %s", a->force ? a->force : "",
			  a->label ? a->label : "");
	hdr[0] = "Pillar";
	hdr[1] = h1;
	hdr[2] = h2;
	t = ov_paper_table(c->p, 3, hdr, width);
	for (size_t i = 0; i < a->n_questions; i++) {
		const ov_question *q = &a->questions[i];
		ov_inline *row = ov_doc_table_row(t);
		char *qt = ov_xasprintf("%d. %s%s", q->number,
					q->text ? q->text : "",
					q->flagged ? "*" : "");
		char *g = grade_text(&cells[i]);

		/* The pillar is printed once, on its first row. */
		if (!same(last_pillar, q->pillar))
			ov_inline_add(&row[0], q->pillar, false, false);
		last_pillar = q->pillar;
		ov_inline_add(&row[1], qt, false, false);
		ov_inline_add(&row[2], g, false, false);
		free(qt);
		free(g);
	}
	if (a->flag_note) {
		char *s = ov_xasprintf("* %s", a->flag_note);
		ov_paper_para(c->p, s);
		free(s);
	}
	free(h1);
	free(h2);
	free(cells);
}

/* Closures since the last meeting, grouped by report. */
static void closures(ctx *c)
{
	const ov_dataset *ds = c->ds;

	for (size_t r = 0; r < ds->n_reports; r++) {
		const ov_report *rep = &ds->reports[r];
		const ov_rec **hit = NULL;
		ov_rec_state *st = NULL;
		size_t n = 0;

		for (size_t i = 0; i < ds->n_recs; i++) {
			const ov_rec *rec = &ds->recs[i];
			ov_rec_state s;

			if (!same(rec->report, rep->id) ||
			    !same(rec->force, c->m->force))
				continue;
			ov_rec_fold(rec, c->m->date, &s);
			if (s.status != OV_STATUS_CLOSED ||
			    !in_window(c, s.status_date))
				continue;
			hit = ov_xrealloc(hit, (n + 1) * sizeof *hit);
			st = ov_xrealloc(st, (n + 1) * sizeof *st);
			hit[n] = rec;
			st[n++] = s;
		}
		if (n) {
			char *num = ov_number_words((int)n);
			char *s = ov_xasprintf(
				"%s: %s recommendation%s closed by HMICFRS",
				rep->title ? rep->title : rep->id, num,
				n == 1 ? "" : "s");
			ov_block *list;

			ov_paper_para_bold(c->p, s);
			free(s);
			free(num);
			list = ov_paper_list(c->p);
			for (size_t k = 0; k < n; k++) {
				char *when = ov_date_long(st[k].status_date);
				const char *subj = hit[k]->subject
						   ? hit[k]->subject
						   : hit[k]->area;

				s = ov_xasprintf("%s (%s) \u2013 closed by %s, %s",
						 subj ? subj : "", hit[k]->ref,
						 st[k].closed_by
						 ? st[k].closed_by : "HMICFRS",
						 when);
				ov_list_add(list, s);
				free(s);
				free(when);
			}
		}
		free(hit);
		free(st);
	}
}

static void sec_background(ctx *c)
{
	ov_paper_heading(c->p, 2, "1. PURPOSE OF REPORT");
	ov_paper_markdown(c->p, c->m->purpose, 3);
	ov_paper_heading(c->p, 2, "2. BACKGROUND");
	ov_paper_markdown(c->p, c->m->background, 3);
	peel_table(c);
	ov_paper_markdown(c->p, c->m->peel_note, 3);
	ov_paper_markdown(c->p, c->m->closures_note, 3);
	closures(c);
}

static int act_cmp(const void *x, const void *y)
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

static void sec_activities(ctx *c)
{
	const ov_dataset *ds = c->ds;
	const ov_activity **acts = NULL;
	size_t n = 0;
	int cur_y = 0, cur_m = 0;
	ov_block *list = NULL;
	int my, mm, md;

	ov_paper_heading(c->p, 2, "Inspections completed since the last meeting");
	ov_paper_markdown(c->p, c->m->activities_note, 3);
	for (size_t i = 0; i < ds->n_activities; i++) {
		const ov_activity *a = &ds->activities[i];
		ov_day from = ov_activity_start(a), to = ov_activity_end(a);

		if (!same(a->force, c->m->force) || from == OV_DAY_NONE ||
		    from > c->m->date ||
		    (c->prev != OV_DAY_NONE && to <= c->prev))
			continue;
		acts = ov_xrealloc(acts, (n + 1) * sizeof *acts);
		acts[n++] = a;
	}
	if (n)
		qsort(acts, n, sizeof *acts, act_cmp);
	ov_date_to_ymd(c->m->date, &my, &mm, &md);
	for (size_t i = 0; i < n; i++) {
		const ov_activity *a = acts[i];
		int y, mo, d;
		char *days, *line;

		ov_date_to_ymd(ov_activity_start(a), &y, &mo, &d);
		if (y != cur_y || mo != cur_m) {
			char *h = y == my
				  ? ov_xstrdup(ov_month_name(mo))
				  : ov_xasprintf("%s %d", ov_month_name(mo), y);

			ov_paper_heading(c->p, 3, h);
			free(h);
			list = ov_paper_list(c->p);
			cur_y = y;
			cur_m = mo;
		}
		days = ov_pdate_range(a->from, a->to);
		/* The seed writes places both ways ("visit WV", "observation
		 * (BE)"); brackets always read unambiguously. */
		line = ov_xasprintf("%s %s%s%s%s", days,
				    a->subject ? a->subject : "",
				    a->place ? " (" : "",
				    a->place ? a->place : "",
				    a->place ? ")" : "");
		ov_list_add(list, line);
		free(days);
		free(line);
	}
	free(acts);
	ov_paper_markdown(c->p, c->m->activities_after, 3);
}

/* The line a list section shows for entity e, or NULL to leave it out. */
typedef char *line_fn(ctx *c, const void *e);

/* A section under heading: a bullet for each entity of kind ent that line()
 * gives a line, or the sentence none when it gives none. */
static void list_section(ctx *c, enum ov_entity_id ent, const char *heading,
			 const char *none, line_fn *line)
{
	const ov_entity *t = &ov_entities[ent];
	const char *arr = ov_entity_array(t, c->ds);
	size_t n = ov_entity_count(t, c->ds);
	ov_block *list = NULL;

	ov_paper_heading(c->p, 2, heading);
	for (size_t i = 0; i < n; i++) {
		char *s = line(c, arr + i * t->shape->size);

		if (!s)
			continue;
		if (!list)
			list = ov_paper_list(c->p);
		ov_list_add(list, s);
		free(s);
	}
	if (!list)
		ov_paper_para(c->p, none);
}

/* "TITLE (received DATE)" for a report received since the last meeting. */
static char *received_line(ctx *c, const void *e)
{
	const ov_report *r = e;
	char *when, *line;

	if (!in_window(c, r->received))
		return NULL;
	when = ov_date_long(r->received);
	line = ov_xasprintf("%s (received %s)", r->title ? r->title : r->id,
			    when);
	free(when);
	return line;
}

static void sec_received(ctx *c)
{
	list_section(c, OV_ENT_REPORT,
		     "Inspection reports received since the last meeting",
		     "None received", received_line);
}

/* "REPORT: SUBJECT (REF)" for a recommendation of this force that was
 * live and graded red on the meeting date. */
static char *red_line(ctx *c, const void *e)
{
	const ov_rec *rec = e;
	const ov_report *rep;
	ov_rec_state s;

	if (!same(rec->force, c->m->force))
		return NULL;
	ov_rec_fold(rec, c->m->date, &s);
	if (!ov_status_is_live(s.status) || s.rag != OV_RAG_RED)
		return NULL;
	rep = ov_dataset_find_report(c->ds, rec->report);
	return ov_xasprintf("%s: %s (%s)",
			    rep && rep->short_name ? rep->short_name
			    : rep && rep->title ? rep->title
			    : rec->report ? rec->report : "",
			    rec->subject ? rec->subject
			    : rec->area ? rec->area : "",
			    rec->ref);
}

static void sec_red(ctx *c)
{
	list_section(c, OV_ENT_REC,
		     "Outstanding recommendations currently graded Red",
		     "There are no recommendations currently graded as red.",
		     red_line);
}

/* Recommendations of a report in this force's register that existed on
 * the meeting date, in natural ref order.  Caller frees the array. */
static const ov_rec **report_recs(ctx *c, const ov_report *rep, size_t *n)
{
	const ov_rec **v = NULL;

	*n = 0;
	for (size_t i = 0; i < c->ds->n_recs; i++) {
		const ov_rec *rec = &c->ds->recs[i];
		ov_rec_state s;

		if (!same(rec->report, rep->id) ||
		    !same(rec->force, c->m->force))
			continue;
		ov_rec_fold(rec, c->m->date, &s);
		if (s.status == OV_STATUS_NONE)
			continue;
		v = ov_xrealloc(v, (*n + 1) * sizeof *v);
		v[(*n)++] = rec;
	}
	if (*n)
		qsort(v, *n, sizeof *v, rec_ptr_cmp);
	return v;
}

static void lower_first(char *s)
{
	if (s && *s)
		*s = (char)tolower((unsigned char)*s);
}

/* "This was a thematic inspection that took place between October 2016
 * and March 2017 with the report published 2017. ..." from the facts the
 * data holds; nothing when it holds none of them. */
static void review_facts(ctx *c, const ov_report *r)
{
	ov_buf b = OV_BUF_INIT;
	const ov_force *f = ov_dataset_find_force(c->ds, c->m->force);
	char *kind, *w1, *w2;

	if (r->fieldwork_from.prec == OV_PREC_NONE && r->forces_in_scope < 0)
		return;
	kind = ov_xstrdup(ov_report_kind_label(r->kind));
	lower_first(kind);
	ov_buf_printf(&b, "This was %s %s", strchr("aeiou", kind[0]) &&
		      kind[0] ? "an" : "a", kind);
	if (r->fieldwork_from.prec != OV_PREC_NONE) {
		w1 = ov_pdate_words(r->fieldwork_from);
		w2 = ov_pdate_words(r->fieldwork_to);
		if (r->fieldwork_to.prec != OV_PREC_NONE)
			ov_buf_printf(&b, " that took place between %s and %s",
				      w1, w2);
		else
			ov_buf_printf(&b, " that took place in %s", w1);
		free(w1);
		free(w2);
	}
	if (r->published.prec != OV_PREC_NONE) {
		w1 = ov_pdate_words(r->published);
		ov_buf_printf(&b, " with the report published %s", w1);
		free(w1);
	}
	ov_buf_puts(&b, ".");
	if (r->forces_in_scope >= 0) {
		w1 = r->forces_in_scope > 20 ? ov_xasprintf("%d",
				r->forces_in_scope)
			: ov_number_words(r->forces_in_scope);
		ov_buf_printf(&b, " The methodology for the inspection looked "
			      "at documents and data from %s%s forces",
			      r->forces_in_scope == 43 ? "all " : "", w1);
		free(w1);
		if (r->forces_fieldwork >= 0) {
			w1 = ov_number_words(r->forces_fieldwork);
			ov_buf_printf(&b, " and conducted fieldwork in %s", w1);
			free(w1);
		}
		ov_buf_puts(&b, ".");
	}
	if (r->force_fieldwork) {
		const char *fname = f && f->name ? f->name : c->m->force;

		ov_buf_printf(&b, " %s ", fname);
		if (r->forces_fieldwork > 0) {
			w1 = ov_number_words(r->forces_fieldwork);
			ov_buf_printf(&b, "was one of the %s forces selected and "
				      "was subject to fieldwork", w1);
			free(w1);
		} else {
			ov_buf_puts(&b, "was subject to fieldwork");
		}
		if (r->force_fieldwork_when.prec != OV_PREC_NONE) {
			w1 = ov_pdate_words(r->force_fieldwork_when);
			ov_buf_printf(&b, " in %s", w1);
			free(w1);
		}
		ov_buf_puts(&b, ".");
	}
	ov_paper_para(c->p, ov_buf_str(&b));
	ov_buf_release(&b);
	free(kind);
}

/* Distinct national addressees, "the NCA and College of Policing". */
static void review_counts(ctx *c, const ov_rec **recs, size_t n)
{
	size_t national = 0;
	bool seen[OV_AD_OTHER + 1] = {false};
	const char *names[OV_AD_OTHER + 1];
	size_t nn = 0;
	ov_buf b = OV_BUF_INIT;
	char *wn, *wnat, *wforce;

	for (size_t i = 0; i < n; i++) {
		enum ov_addressee a = recs[i]->addressee;

		if (!ov_addressee_is_national(a))
			continue;
		national++;
		if ((int)a >= 0 && a <= OV_AD_OTHER && !seen[a]) {
			seen[a] = true;
			names[nn++] = a == OV_AD_NCA ? "NCA"
				      : a == OV_AD_NPCC ? "NPCC"
				      : a == OV_AD_CPS ? "CPS"
				      : ov_addressee_label(a);
		}
	}
	wn = ov_number_words((int)n);
	wnat = ov_number_words((int)national);
	wforce = ov_number_words((int)(n - national));
	ov_buf_printf(&b, "The report outlined %s recommendation%s", wn,
		      n == 1 ? "" : "s");
	if (national) {
		ov_buf_printf(&b, " with %s assigned to national functions",
			      wnat);
		for (size_t i = 0; i < nn; i++)
			ov_buf_printf(&b, "%s%s", i == 0 ? " such as the "
				      : i + 1 == nn ? " and " : ", ",
				      names[i]);
		if (n > national)
			ov_buf_printf(&b, " and the remaining %s being all "
				      "force recommendations", wforce);
	} else {
		ov_buf_puts(&b, ", all of them force recommendations");
	}
	ov_buf_puts(&b, ".");
	ov_paper_para(c->p, ov_buf_str(&b));
	ov_buf_release(&b);
	free(wn);
	free(wnat);
	free(wforce);
}

static void review_plan(ctx *c, const ov_report *r)
{
	const ov_plan *pl = ov_dataset_find_plan(c->ds, r->plan);
	const ov_board *bd;
	ov_buf b = OV_BUF_INIT;

	if (!pl || !pl->name)
		return;
	ov_buf_printf(&b, "All recommendations are being addressed as part "
		      "of the %s", pl->name);
	bd = ov_dataset_find_board(c->ds, pl->board);
	if (bd && bd->name) {
		const ov_person *ch = ov_dataset_find_person(c->ds, bd->chair);

		ov_buf_printf(&b, " which is managed through the %s", bd->name);
		if (ch && (ch->title || ch->name))
			ov_buf_printf(&b, " chaired by %s",
				      ch->title ? ch->title : ch->name);
	}
	ov_buf_puts(&b, ".");
	ov_paper_para(c->p, ov_buf_str(&b));
	ov_buf_release(&b);
}

/* Starts with the timescale phrase (ignoring case)? */
static bool starts_with_ci(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

static void rec_body(ctx *c, const ov_report *r, const ov_rec *rec)
{
	if (r->style == OV_STYLE_FINDINGS) {
		ov_paper_markdown(c->p, rec->finding, 5);
		ov_paper_markdown(c->p, rec->text, 5);
		ov_paper_markdown(c->p, rec->response, 5);
	} else if (rec->text) {
		if (rec->timescale && !starts_with_ci(rec->text,
						      rec->timescale)) {
			char *s = ov_xasprintf("%s, %s", rec->timescale,
					       rec->text);
			ov_paper_para(c->p, s);
			free(s);
		} else {
			ov_paper_para(c->p, rec->text);
		}
	}
	if (rec->n_bullets) {
		ov_block *list = ov_paper_list(c->p);

		for (size_t i = 0; i < rec->n_bullets; i++)
			ov_list_add(list, rec->bullets[i]);
	}
}

/* The force's recommendations grouped by area, areas in order of their
 * first ref. */
static void review_areas(ctx *c, const ov_report *r, const ov_rec **recs,
			 size_t n)
{
	bool *done = ov_xcalloc(n ? n : 1, sizeof *done);

	for (size_t i = 0; i < n; i++) {
		if (done[i] || (r->style != OV_STYLE_FINDINGS &&
				ov_addressee_is_national(recs[i]->addressee)))
			continue;
		if (recs[i]->area)
			ov_paper_heading(c->p, 4, recs[i]->area);
		for (size_t j = i; j < n; j++) {
			if (done[j] || (r->style != OV_STYLE_FINDINGS &&
					ov_addressee_is_national(
						recs[j]->addressee)))
				continue;
			if (j != i && !same(recs[j]->area, recs[i]->area) &&
			    (recs[j]->area || recs[i]->area))
				continue;
			done[j] = true;
			rec_body(c, r, recs[j]);
		}
	}
	free(done);
}

static void sec_reviews(ctx *c)
{
	ov_paper_heading(c->p, 2, "Overview of reports for review");
	if (c->m->n_reviews == 0)
		ov_paper_para(c->p, "No reports for review.");
	for (size_t i = 0; i < c->m->n_reviews; i++) {
		const ov_review *rv = &c->m->reviews[i];
		const ov_report *r = ov_dataset_find_report(c->ds, rv->report);
		const ov_rec **recs;
		size_t n;
		char *h;

		if (!r)
			continue; /* validation guarantees it exists */
		h = r->short_name ? ov_xasprintf("%s: %s", r->short_name,
						 r->title ? r->title : "")
			: ov_xstrdup(r->title ? r->title : r->id);
		ov_paper_heading(c->p, 3, h);
		free(h);
		/* People's summary when there is one, else the facts. */
		if (r->summary && *r->summary)
			ov_paper_markdown(c->p, r->summary, 4);
		else
			review_facts(c, r);
		recs = report_recs(c, r, &n);
		if (r->style != OV_STYLE_FINDINGS) {
			if (n)
				review_counts(c, recs, n);
			review_plan(c, r);
		}
		ov_paper_markdown(c->p, rv->intro, 4);
		review_areas(c, r, recs, n);
		ov_paper_markdown(c->p, rv->narrative, 4);
		free(recs);
	}
}

static void sec_end(ctx *c)
{
	const ov_person *who = ov_dataset_find_person(c->ds, c->m->contact);
	char *s;

	ov_paper_heading(c->p, 2, "3. RECOMMENDATIONS");
	ov_paper_markdown(c->p, c->m->recommendations, 3);
	ov_paper_heading(c->p, 2, "CONTACT OFFICER");
	s = ov_xasprintf("Name: %s", who && who->name ? who->name : "");
	ov_paper_para(c->p, s);
	free(s);
	s = ov_xasprintf("Title: %s", who && who->title ? who->title : "");
	ov_paper_para(c->p, s);
	free(s);
	ov_paper_heading(c->p, 2, "BACKGROUND DOCUMENTS");
	if (c->m->n_documents == 0) {
		ov_paper_para(c->p, "None");
	} else {
		ov_block *list = ov_paper_list(c->p);

		for (size_t i = 0; i < c->m->n_documents; i++)
			ov_list_add(list, c->m->documents[i]);
	}
}

static void fill_meta(ctx *c)
{
	const ov_force *f = ov_dataset_find_force(c->ds, c->m->force);
	const ov_person *who = ov_dataset_find_person(c->ds, c->m->contact);
	ov_paper_meta *mt = &c->p->meta;
	char iso[11];

	ov_date_format(c->m->date, iso);
	mt->title = ov_xstrdup(c->m->title ? c->m->title : "HMICFRS update");
	mt->force_code = ov_xstrdup(c->m->force);
	mt->force_name = ov_xstrdup(f ? f->name : NULL);
	mt->author = ov_xstrdup(who ? who->name : NULL);
	mt->committee = ov_xstrdup(c->m->committee);
	mt->date_text = ov_date_long(c->m->date);
	mt->date_iso = ov_xstrdup(iso);
	mt->agenda_item = ov_xstrdup(c->m->agenda_item);
}

int ov_paper_build(const ov_dataset *ds, const ov_meeting *m, ov_paper **out,
		   ov_diag *d)
{
	ctx c;

	*out = NULL;
	if (!ds || !m || m->date == OV_DAY_NONE) {
		ov_diag_add(d, "paper: no meeting (or a meeting without a date)");
		return -1;
	}
	c.ds = ds;
	c.m = m;
	c.prev = previous_meeting(ds, m);
	c.p = ov_paper_new();
	fill_meta(&c);
	sec_heading(&c);
	sec_background(&c);
	sec_activities(&c);
	sec_received(&c);
	sec_red(&c);
	sec_reviews(&c);
	sec_end(&c);
	*out = c.p;
	return 0;
}
