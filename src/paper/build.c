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
#include "paper/context.h"
#include "paper/sections.h"
#include "paper/tree.h"
#include "paper/words.h"
#include "util/buf.h"
#include "util/mem.h"

/* The builders' shared context (paper/context.h), by its short name. */
typedef ov_pctx ctx;

/* The date of the closest meeting of m's committee before m (dir < 0) or
 * after it (dir > 0); OV_DAY_NONE if none. */
static ov_day nearest_meeting(const ov_dataset *ds, const ov_meeting *m,
			      int dir)
{
	ov_day best = OV_DAY_NONE;

	for (size_t i = 0; i < ds->n_meetings; i++) {
		const ov_meeting *o = &ds->meetings[i];

		if (!ov_pctx_same(o->force, m->force) ||
		    !ov_pctx_same(o->committee, m->committee) ||
		    o->date == OV_DAY_NONE)
			continue;
		if (dir < 0 && o->date < m->date &&
		    (best == OV_DAY_NONE || o->date > best))
			best = o->date;
		if (dir > 0 && o->date > m->date &&
		    (best == OV_DAY_NONE || o->date < best))
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

/* The heading: agenda item, committee, date, title (the layout's heading
 * for it replaces the title). */
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
	s = c->sp->heading ? ov_xstrdup(c->sp->heading)
			   : upper(m->title ? m->title : "HMICFRS update");
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
	/* As `grades` says it (cli/cmd_grades.c). */
	if (cell->grade == OV_GRADE_NONE)
		return ov_xstrdup("Not known");
	return ov_xstrdup(ov_grade_label(cell->grade));
}

/* The force as a heading names it: its short name as its papers write
 * it, else its name; its code only when the register has neither. */
static const char *force_words(const ctx *c, const char *code)
{
	const ov_force *f = ov_dataset_find_force(c->ds, code);

	if (f && f->short_name)
		return f->short_name;
	if (f && f->name)
		return f->name;
	return code ? code : "";
}

/* "Overall grade: Good" and the pillars' own grades, when given. */
static void peel_overall(ctx *c, const ov_assessment *a, const char *h2)
{
	const char *hdr[2] = {"Pillar", h2};
	const double width[2] = {2, 2};
	ov_block *t;

	if (a->overall != OV_GRADE_NONE) {
		char *s = ov_xasprintf("Overall grade: %s",
				       ov_grade_label(a->overall));
		ov_paper_para(c->p, s);
		free(s);
	}
	if (a->n_pillars == 0)
		return;
	t = ov_paper_table(c->p, 2, hdr, width);
	for (size_t i = 0; i < a->n_pillars; i++) {
		ov_inline *row = ov_doc_table_row(t);
		ov_peel_cell cell = {a->pillars[i].grade, a->pillars[i].inspect,
				     NULL};
		char *g = grade_text(&cell);

		ov_inline_add(&row[0], a->pillars[i].name, false, false);
		ov_inline_add(&row[1], g, false, false);
		free(g);
	}
}

static void peel_table(ctx *c)
{
	const ov_assessment *a = ov_dataset_find_assessment(c->ds,
							    c->m->assessment);
	ov_peel_cell *cells;
	const char *hdr[3];
	const double width3[3] = {1.2, 3, 2}, width2[2] = {3, 2};
	char *h1, *h2, *first;
	size_t flen, col;
	bool pillars = false;
	ov_block *t;
	const char *last_pillar = NULL;

	if (!a)
		return;
	first = a->label ? a->label : "PEEL";
	flen = strcspn(first, " ");
	h1 = ov_xasprintf("%.*s Key Questions", (int)flen, first);
	h2 = ov_xasprintf("%s %s", force_words(c, a->force),
			  a->label ? a->label : "");
	peel_overall(c, a, h2);
	for (size_t i = 0; i < a->n_questions; i++)
		pillars |= a->questions[i].pillar != NULL;
	cells = ov_xcalloc(a->n_questions + 1, sizeof *cells);
	ov_peel_table(c->ds, a, cells);
	/* No Pillar column when no question names a pillar. */
	col = pillars ? 1 : 0;
	hdr[0] = "Pillar";
	hdr[col] = h1;
	hdr[col + 1] = h2;
	t = a->n_questions == 0 ? NULL
	    : ov_paper_table(c->p, col + 2, hdr, pillars ? width3 : width2);
	for (size_t i = 0; t && i < a->n_questions; i++) {
		const ov_question *q = &a->questions[i];
		ov_inline *row = ov_doc_table_row(t);
		char *qt = ov_xasprintf("%d. %s%s", q->number,
					q->text ? q->text : "",
					q->flagged ? "*" : "");
		char *g = grade_text(&cells[i]);

		/* The pillar is printed once, on its first row. */
		if (pillars && !ov_pctx_same(last_pillar, q->pillar))
			ov_inline_add(&row[0], q->pillar, false, false);
		last_pillar = q->pillar;
		ov_inline_add(&row[col], qt, false, false);
		ov_inline_add(&row[col + 1], g, false, false);
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

			if (!ov_pctx_same(rec->report, rep->id) ||
			    !ov_pctx_same(rec->force, c->m->force))
				continue;
			ov_rec_fold(rec, c->m->date, &s);
			if (s.status != OV_STATUS_CLOSED ||
			    !ov_pctx_in_window(c, s.status_date))
				continue;
			hit = ov_xrealloc(hit, (n + 1) * sizeof *hit);
			st = ov_xrealloc(st, (n + 1) * sizeof *st);
			hit[n] = rec;
			st[n++] = s;
		}
		if (n) {
			size_t kinds[3];
			char *num, *s;
			ov_block *list;

			ov_pctx_count_kinds(hit, n, kinds);
			num = ov_kinds_words(kinds);
			s = ov_xasprintf("%s: %s closed by HMICFRS",
					 rep->title ? rep->title : rep->id,
					 num);
			ov_paper_para_bold(c->p, s);
			free(s);
			free(num);
			list = ov_paper_list(c->p);
			for (size_t k = 0; k < n; k++) {
				char *when = ov_day_words(st[k].status_date,
						       st[k].status_precision);
				char *subj = ov_rec_name(hit[k]);

				s = ov_xasprintf("%s (%s) \u2013 closed by %s, %s",
						 subj, hit[k]->ref,
						 st[k].closed_by
						 ? st[k].closed_by : "HMICFRS",
						 when);
				ov_list_add(list, s);
				free(s);
				free(when);
				free(subj);
			}
		}
		free(hit);
		free(st);
	}
}

static void sec_purpose(ctx *c)
{
	ov_paper_markdown(c->p, c->m->purpose, 3);
}

static void sec_peel(ctx *c)
{
	peel_table(c);
	ov_paper_markdown(c->p, c->m->peel_note, 3);
}

static void sec_closures(ctx *c)
{
	ov_paper_markdown(c->p, c->m->closures_note, 3);
	closures(c);
}

static void sec_background(ctx *c)
{
	ov_paper_markdown(c->p, c->m->background, 3);
	peel_table(c);
	ov_paper_markdown(c->p, c->m->peel_note, 3);
	ov_paper_markdown(c->p, c->m->closures_note, 3);
	closures(c);
}

static void sec_activities(ctx *c)
{
	const ov_dataset *ds = c->ds;
	const ov_activity **acts = NULL;
	size_t n = 0;
	int cur_y = 0, cur_m = 0;
	ov_block *list = NULL;
	int my, mm, md;

	ov_paper_markdown(c->p, c->m->activities_note, 3);
	for (size_t i = 0; i < ds->n_activities; i++) {
		const ov_activity *a = &ds->activities[i];
		ov_day from = ov_activity_start(a), to = ov_activity_end(a);

		if (!ov_pctx_same(a->force, c->m->force) || from == OV_DAY_NONE ||
		    from > c->m->date ||
		    (c->prev != OV_DAY_NONE && to <= c->prev))
			continue;
		acts = ov_xrealloc(acts, (n + 1) * sizeof *acts);
		acts[n++] = a;
	}
	if (n)
		qsort(acts, n, sizeof *acts, ov_pctx_act_cmp);
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
		/* "During the month: subject" when the day is not known. */
		line = ov_xasprintf("%s%s %s%s%s%s", days,
				    a->from.prec == OV_PREC_DAY ? "" : ":",
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

/* A bullet for each entity of kind ent that line() gives a line (the
 * section's "none" sentence is the layout's, ov_paper_build's). */
static void list_section(ctx *c, enum ov_entity_id ent, line_fn *line)
{
	const ov_entity *t = &ov_entities[ent];
	const char *arr = ov_entity_array(t, c->ds);
	size_t n = ov_entity_count(t, c->ds);
	ov_block *list = NULL;

	for (size_t i = 0; i < n; i++) {
		char *s = line(c, arr + i * t->shape->size);

		if (!s)
			continue;
		if (!list)
			list = ov_paper_list(c->p);
		ov_list_add(list, s);
		free(s);
	}
}

/* "TITLE (received DATE)" for a report received since the last meeting. */
static char *received_line(ctx *c, const void *e)
{
	const ov_report *r = e;
	char *when, *line;

	if (!ov_pctx_in_window(c, r->received))
		return NULL;
	when = ov_date_long(r->received);
	line = ov_xasprintf("%s (received %s)", r->title ? r->title : r->id,
			    when);
	free(when);
	return line;
}

static void sec_received(ctx *c)
{
	list_section(c, OV_ENT_REPORT, received_line);
}

/* "REPORT: SUBJECT (REF)" for a recommendation of this force that was
 * live and graded red on the meeting date. */
static char *red_line(ctx *c, const void *e)
{
	const ov_rec *rec = e;
	const ov_report *rep;
	ov_rec_state s;
	char *name, *line;

	if (!ov_pctx_same(rec->force, c->m->force))
		return NULL;
	ov_rec_fold(rec, c->m->date, &s);
	if (!ov_status_is_live(s.status) || s.rag != OV_RAG_RED)
		return NULL;
	rep = ov_dataset_find_report(c->ds, rec->report);
	name = ov_rec_name(rec);
	line = ov_xasprintf("%s: %s (%s)",
			    rep && rep->short_name ? rep->short_name
			    : rep && rep->title ? rep->title
			    : rec->report ? rec->report : "",
			    name, rec->ref);
	free(name);
	return line;
}

static void sec_red(ctx *c)
{
	list_section(c, OV_ENT_REC, red_line);
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

		if (!ov_pctx_same(rec->report, rep->id) ||
		    !ov_pctx_same(rec->force, c->m->force))
			continue;
		ov_rec_fold(rec, c->m->date, &s);
		if (s.status == OV_STATUS_NONE)
			continue;
		v = ov_xrealloc(v, (*n + 1) * sizeof *v);
		v[(*n)++] = rec;
	}
	if (*n)
		qsort(v, *n, sizeof *v, ov_pctx_rec_cmp);
	return v;
}

/* The first letter in lower case, unless the first word is an acronym
 * ("PEEL inspection" stays; "Thematic inspection" becomes "thematic"). */
static void lower_first(char *s)
{
	if (s && *s && !isupper((unsigned char)s[1]))
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
	size_t kinds[3];

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
	ov_pctx_count_kinds(recs, n, kinds);
	wn = ov_kinds_words(kinds);
	wnat = ov_number_words((int)national);
	wforce = ov_number_words((int)(n - national));
	ov_buf_printf(&b, "The report outlined %s", wn);
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
	} else if (n == 1) {
		ov_buf_puts(&b, ", for the force");
	} else if (kinds[OV_RK_REC] == n) {
		ov_buf_puts(&b, ", all of them force recommendations");
	} else {
		ov_buf_puts(&b, ", all of them for the force");
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

/* Does the text already state its timescale ("...the force should
 * immediately...", "Within six months, forces should...")?  Then it is
 * not prefixed with it again.  Case is ignored. */
static bool states_timescale(const char *text, const char *timescale)
{
	size_t n = strlen(timescale);

	while (n && strchr(" ,.", timescale[n - 1]))
		n--;
	for (const char *t = text; n && *t; t++)
		if (strncasecmp(t, timescale, n) == 0)
			return true;
	return n == 0;
}

static void rec_body(ctx *c, const ov_report *r, const ov_rec *rec)
{
	if (r->style == OV_STYLE_FINDINGS) {
		ov_paper_markdown(c->p, rec->finding, 5);
		ov_paper_markdown(c->p, rec->text, 5);
		ov_paper_markdown(c->p, rec->response, 5);
	} else if (rec->text) {
		if (rec->timescale && !states_timescale(rec->text,
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

/* "Status as at 27th September 2018: closed by HMICFRS on 6th September
 * 2018." and the owner, for a reviewed recommendation when the layout
 * asks for it. */
static void rec_status(ctx *c, const ov_rec *rec)
{
	ov_rec_state st;
	ov_buf b = OV_BUF_INIT;
	char *as_at = ov_date_long(c->m->date), *when;
	const ov_person *who;

	ov_rec_fold(rec, c->m->date, &st);
	when = ov_when_words(st.status_date, st.status_precision);
	ov_buf_printf(&b, "Status as at %s: ", as_at);
	switch (st.status) {
	case OV_STATUS_CLOSED:
		ov_buf_printf(&b, "closed by %s %s",
			      st.closed_by ? st.closed_by : "HMICFRS", when);
		break;
	case OV_STATUS_SUPERSEDED:
		ov_buf_printf(&b, "superseded %s by %s", when,
			      st.basis ? st.basis : "a later inspection");
		break;
	case OV_STATUS_NA:
		ov_buf_printf(&b, "not applicable to this force (%s)",
			      st.basis ? st.basis : "no reason recorded");
		break;
	case OV_STATUS_PROPOSED:
		ov_buf_printf(&b, "closure proposed %s, awaiting "
			      "HMICFRS sign-off", when);
		break;
	default:
		ov_buf_puts(&b, "open");
		break;
	}
	who = ov_status_is_live(st.status)
	      ? ov_dataset_find_person(c->ds, st.owner) : NULL;
	if (who) {
		char *w = ov_person_display(who);

		ov_buf_printf(&b, "; owner: %s", w);
		free(w);
	} else if (ov_status_is_live(st.status)) {
		ov_buf_puts(&b, "; awaiting allocation (no owner yet)");
	}
	ov_buf_puts(&b, ".");
	ov_paper_para(c->p, ov_buf_str(&b));
	ov_buf_release(&b);
	free(as_at);
	free(when);
}

static void rec_entry(ctx *c, const ov_report *r, const ov_rec *rec)
{
	rec_body(c, r, rec);
	if (c->sp->status)
		rec_status(c, rec);
}

static bool shown_in_review(const ov_report *r, const ov_rec *rec)
{
	return r->style == OV_STYLE_FINDINGS ||
	       !ov_addressee_is_national(rec->addressee);
}

/* Index in recs of the cause of concern rec answers, or n. */
static size_t cause_of(const ov_rec **recs, size_t n, const ov_rec *rec)
{
	for (size_t i = 0; rec->cause && i < n; i++)
		if (ov_pctx_same(recs[i]->ref, rec->cause))
			return i;
	return n;
}

/* A cause of concern, then the recommendations that answer it. */
static void cause_entry(ctx *c, const ov_report *r, const ov_rec **recs,
			size_t n, size_t i, bool *done)
{
	size_t k[3] = {0, 0, 0};
	char *w, *s;

	ov_paper_para_bold(c->p, "Cause of concern");
	rec_entry(c, r, recs[i]);
	for (size_t j = 0; j < n; j++)
		if (cause_of(recs, n, recs[j]) == i &&
		    (int)recs[j]->kind >= 0 && recs[j]->kind <= OV_RK_AFI)
			k[recs[j]->kind]++;
	if (k[OV_RK_REC] + k[OV_RK_AFI] == 0)
		return;
	w = ov_kinds_words(k);
	s = ov_xasprintf("Answering this cause of concern, %s:", w);
	ov_paper_para_bold(c->p, s);
	free(s);
	free(w);
	for (size_t j = 0; j < n; j++)
		if (!done[j] && cause_of(recs, n, recs[j]) == i) {
			done[j] = true;
			rec_entry(c, r, recs[j]);
		}
}

/* The force's recommendations grouped by area, areas in order of their
 * first ref; a cause of concern is followed by those that answer it. */
static void review_areas(ctx *c, const ov_report *r, const ov_rec **recs,
			 size_t n)
{
	bool *done = ov_xcalloc(n ? n : 1, sizeof *done);

	/* Those answering a cause of concern are shown with it. */
	for (size_t i = 0; i < n; i++)
		if (cause_of(recs, n, recs[i]) < n &&
		    !shown_in_review(r, recs[cause_of(recs, n, recs[i])]))
			done[i] = true;
	for (size_t i = 0; i < n; i++) {
		if (done[i] || !shown_in_review(r, recs[i]) ||
		    cause_of(recs, n, recs[i]) < n)
			continue;
		if (recs[i]->area)
			ov_paper_heading(c->p, 4, recs[i]->area);
		for (size_t j = i; j < n; j++) {
			if (done[j] || !shown_in_review(r, recs[j]) ||
			    cause_of(recs, n, recs[j]) < n)
				continue;
			if (j != i && !ov_pctx_same(recs[j]->area, recs[i]->area) &&
			    (recs[j]->area || recs[i]->area))
				continue;
			done[j] = true;
			if (recs[j]->kind == OV_RK_CAUSE)
				cause_entry(c, r, recs, n, j, done);
			else
				rec_entry(c, r, recs[j]);
		}
	}
	free(done);
}

/* "All eleven recommendations of this report are closed." */
static void review_all_closed(ctx *c, const ov_rec **recs, size_t n)
{
	size_t k[3];
	char *w, *s;

	for (size_t i = 0; i < n; i++) {
		ov_rec_state st;

		ov_rec_fold(recs[i], c->m->date, &st);
		if (st.status != OV_STATUS_CLOSED)
			return;
	}
	if (n == 0)
		return;
	ov_pctx_count_kinds(recs, n, k);
	w = ov_kinds_words(k);
	/* "The report's one recommendation is closed.", "Both
	 * recommendations of this report are closed.", "All eleven
	 * recommendations of this report are closed." */
	if (n == 1)
		s = ov_xasprintf("The report's %s is closed.", w);
	else if (n == 2 && (k[0] == 2 || k[1] == 2 || k[2] == 2))
		s = ov_xasprintf("Both %s of this report are closed.",
				 strchr(w, ' ') + 1);
	else
		s = ov_xasprintf("All %s of this report are closed.", w);
	ov_paper_para(c->p, s);
	free(s);
	free(w);
}

static void sec_reviews(ctx *c)
{
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
		if (c->sp->status)
			review_all_closed(c, recs, n);
		ov_paper_markdown(c->p, rv->intro, 4);
		review_areas(c, r, recs, n);
		ov_paper_markdown(c->p, rv->narrative, 4);
		free(recs);
	}
}

static void sec_recommendations(ctx *c)
{
	ov_paper_markdown(c->p, c->m->recommendations, 3);
}

/* Only the lines that have a value: no "Name:" without a name. */
static void sec_contact(ctx *c)
{
	const ov_person *who = ov_dataset_find_person(c->ds, c->m->contact);
	char *s;

	if (!who)
		return;
	if (who->name) {
		s = ov_xasprintf("Name: %s", who->name);
		ov_paper_para(c->p, s);
		free(s);
	}
	if (who->title) {
		s = ov_xasprintf("Title: %s", who->title);
		ov_paper_para(c->p, s);
		free(s);
	}
}

static void sec_documents(ctx *c)
{
	ov_block *list;

	if (c->m->n_documents == 0)
		return;
	list = ov_paper_list(c->p);
	for (size_t i = 0; i < c->m->n_documents; i++)
		ov_list_add(list, c->m->documents[i]);
}

/* ---- the layout ------------------------------------------------------ */

typedef void sec_fn(ctx *c);

/* Each section's builder and what the seed's paper prints for it by
 * default: its heading (NULL: none), its sentence when it has nothing to
 * report (NULL: nothing), and whether it is left out then. */
typedef struct sec_def {
	sec_fn *fn;
	const char *heading;
	const char *none;
	bool omit;
} sec_def;

static const sec_def defs[] = {
	[OV_SEC_HEADING] = {sec_heading, NULL, NULL, false},
	[OV_SEC_PURPOSE] = {sec_purpose, "1. PURPOSE OF REPORT", NULL, false},
	[OV_SEC_BACKGROUND] = {sec_background, "2. BACKGROUND", NULL, false},
	[OV_SEC_PEEL] = {sec_peel, "PEEL grades", NULL, true},
	[OV_SEC_CLOSURES] = {sec_closures,
			     "Recommendations closed since the last meeting",
			     "No recommendations have been closed since the "
			     "last meeting.", false},
	[OV_SEC_ACTIVITIES] = {sec_activities,
			       "Inspections completed since the last meeting",
			       NULL, false},
	[OV_SEC_FORTHCOMING] = {ov_sec_forthcoming, "Forthcoming inspections",
				"No inspection activity is yet planned.",
				false},
	[OV_SEC_RECEIVED] = {sec_received,
			     "Inspection reports received since the last "
			     "meeting", "None received", false},
	[OV_SEC_RED] = {sec_red,
			"Outstanding recommendations currently graded Red",
			"There are no recommendations currently graded as "
			"red.", false},
	[OV_SEC_COUNTS] = {ov_sec_counts, "Status of recommendations",
			   "The register holds no recommendations.", false},
	[OV_SEC_TIMELINE] = {ov_sec_timeline, "Closedown timeline",
			     "There are no open recommendations.", false},
	[OV_SEC_OVERDUE] = {ov_sec_overdue,
			    "Recommendations past their target date",
			    "No open recommendation is past its target date.",
			    false},
	[OV_SEC_DUE_SOON] = {ov_sec_due_soon,
			     "Recommendations due before the next meeting",
			     "No open recommendation is due before the next "
			     "meeting.", false},
	[OV_SEC_OVERVIEW] = {ov_sec_overview,
			     "Overview of activity since the {previous} "
			     "meeting",
			     "There has been no activity since the last "
			     "meeting.", false},
	[OV_SEC_REVIEWS] = {sec_reviews, "Overview of reports for review",
			    "No reports for review.", false},
	[OV_SEC_RECOMMENDATIONS] = {sec_recommendations, "3. RECOMMENDATIONS",
				    NULL, false},
	[OV_SEC_CONTACT] = {sec_contact, "CONTACT OFFICER", NULL, true},
	[OV_SEC_DOCUMENTS] = {sec_documents, "BACKGROUND DOCUMENTS", "None",
			      false},
};
_Static_assert(sizeof defs / sizeof defs[0] == OV_SEC_DOCUMENTS + 1,
	       "a builder for every section");

/* The seed's paper: the layout of a meeting whose register holds none. */
static const ov_section_spec default_sections[] = {
	{.section = OV_SEC_HEADING},	     {.section = OV_SEC_PURPOSE},
	{.section = OV_SEC_BACKGROUND},      {.section = OV_SEC_ACTIVITIES},
	{.section = OV_SEC_RECEIVED},	     {.section = OV_SEC_RED},
	{.section = OV_SEC_REVIEWS},	     {.section = OV_SEC_RECOMMENDATIONS},
	{.section = OV_SEC_CONTACT},	     {.section = OV_SEC_DOCUMENTS},
};

/* The heading with "{previous}" as the previous meeting's month ("June";
 * "June 2017" in another year; "last" when there was none). */
static char *heading_text(const ctx *c, const char *h)
{
	const char *at = strstr(h, "{previous}");
	char *month, *s;
	int y, m, d, my, mm, md;

	if (!at)
		return ov_xstrdup(h);
	if (c->prev == OV_DAY_NONE) {
		month = ov_xstrdup("last");
	} else {
		ov_date_to_ymd(c->prev, &y, &m, &d);
		ov_date_to_ymd(c->m->date, &my, &mm, &md);
		month = y == my ? ov_xstrdup(ov_month_name(m))
			: ov_xasprintf("%s %d", ov_month_name(m), y);
	}
	s = ov_xasprintf("%.*s%s%s", (int)(at - h), h, month,
			 at + strlen("{previous}"));
	free(month);
	return s;
}

/* One section as its layout entry says: its heading, what it reports,
 * and, when it reports nothing, its sentence; with no sentence (or with
 * omit) it is left out, heading and all, except in the default layout,
 * which prints the seed paper's headings even when empty. */
static void build_section(ctx *c, const ov_section_spec *sp)
{
	const sec_def *def;
	const char *h, *none;
	size_t mark = c->p->n, body;

	if ((int)sp->section < 0 || sp->section > OV_SEC_DOCUMENTS)
		return; /* validation refuses it */
	def = &defs[sp->section];
	c->sp = sp;
	h = sp->heading ? sp->heading : def->heading;
	if (h && sp->section != OV_SEC_HEADING) {
		char *t = heading_text(c, h);

		ov_paper_heading(c->p, 2, t);
		free(t);
	}
	body = c->p->n;
	def->fn(c);
	if (c->p->n > body)
		return;
	none = sp->none ? sp->none : def->none;
	if (sp->omit || (!sp->none && def->omit) ||
	    (!none && !c->keep_empty))
		ov_paper_truncate(c->p, mark);
	else if (none)
		ov_paper_markdown(c->p, none, 3);
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
	const ov_layout *layout;
	const ov_section_spec *secs;
	size_t n;

	*out = NULL;
	if (!ds || !m || m->date == OV_DAY_NONE) {
		ov_diag_add(d, "paper: no meeting (or a meeting without a date)");
		return -1;
	}
	c.ds = ds;
	c.m = m;
	c.prev = nearest_meeting(ds, m, -1);
	c.next = nearest_meeting(ds, m, 1);
	c.p = ov_paper_new();
	layout = ov_dataset_layout_for(ds, m);
	c.keep_empty = layout == NULL;
	secs = layout ? layout->sections : default_sections;
	n = layout ? layout->n_sections
		   : sizeof default_sections / sizeof default_sections[0];
	fill_meta(&c);
	for (size_t i = 0; i < n; i++)
		build_section(&c, &secs[i]);
	*out = c.p;
	return 0;
}
