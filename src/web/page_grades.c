/* /grades: a PEEL assessment's table with carry-forward (core/peel.h),
 * chosen by ?assessment=ID, or the force's latest on or before ?as-at
 * (default today); ?force=CODE when the register holds several forces. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/enums.h"
#include "util/date.h"
#include "util/mem.h"
#include "web/layout.h"

/* What a cell says, as the paper says it: the grade's label, "To be
 * inspected in November", or "Not known".  A fresh string.  Where a
 * carried grade came from is shown beside it (grade_cell). */
static char *grade_text(const ov_peel_cell *c)
{
	int y, m, d;

	if (c->grade == OV_GRADE_NONE)
		return ov_xstrdup("Not known");
	if (c->grade == OV_GRADE_TBI && c->inspect.prec >= OV_PREC_MONTH) {
		ov_date_to_ymd(c->inspect.day, &y, &m, &d);
		return ov_xasprintf("%s in %s", ov_grade_label(c->grade),
		                    ov_month_name(m));
	}
	return ov_xstrdup(ov_grade_label(c->grade));
}

static void grade_cell(ov_page *p, const ov_assessment *a,
                       const ov_peel_cell *c)
{
	char *text = grade_text(c);

	ov_page_cell_open(p);
	ov_html_text(&p->h, text);
	if (c->from && c->from != a) {
		char *tag =
		    ov_xasprintf("Carried forward from %s",
		                 c->from->label ? c->from->label : c->from->id);

		ov_html_text(&p->h, " ");
		ov_page_tag(p, tag, "grey");
		free(tag);
	}
	ov_page_cell_close(p);
	free(text);
}

static void grid(ov_page *p, const ov_assessment *a, const ov_peel_cell *cells)
{
	static const char *const heads[] = {"No.", "Pillar", "Question",
	                                    "Grade"};
	bool flagged = false, carried = false;
	char num[16];

	ov_html_open(&p->h, "div", "class", "app-table-wrap", NULL);
	ov_page_table_open(p, a->label ? a->label : a->id, heads,
	                   sizeof heads / sizeof heads[0]);
	for (size_t i = 0; i < a->n_questions; i++) {
		const ov_question *qn = &a->questions[i];
		char *text = ov_xasprintf("%s%s", qn->text ? qn->text : "",
		                          qn->flagged ? "*" : "");

		snprintf(num, sizeof num, "%d", qn->number);
		ov_page_row_open(p);
		ov_page_cell(p, num);
		ov_page_cell(p, qn->pillar ? qn->pillar : "");
		ov_page_cell(p, text);
		grade_cell(p, a, &cells[i]);
		ov_page_row_close(p);
		flagged |= qn->flagged;
		carried |= cells[i].from && cells[i].from != a;
		free(text);
	}
	ov_page_table_close(p);
	ov_html_close(&p->h, "div");
	if (flagged && a->flag_note) {
		char *note = ov_xasprintf("* %s", a->flag_note);

		ov_page_para(p, note);
		free(note);
	}
	if (carried)
		ov_page_para(p,
		             "This assessment did not inspect the questions "
		             "marked “Carried forward”: each shows the grade "
		             "from the latest earlier assessment of the force "
		             "that graded it.");
}

static int by_date(const void *x, const void *y)
{
	const ov_assessment *a = *(const ov_assessment *const *)x,
	                    *b = *(const ov_assessment *const *)y;

	if (a->date.day != b->date.day)
		return (a->date.day > b->date.day) - (a->date.day < b->date.day);
	return strcmp(a->id, b->id);
}

/* A GET form to pick another assessment of the same force. */
static void chooser(ov_page *p, const ov_grades *g)
{
	const ov_dataset *ds = g->ds;
	const ov_assessment **mine =
	    ov_xcalloc(ds->n_assessments + 1, sizeof *mine);
	const char **opts = ov_xcalloc(2 * ds->n_assessments + 1, sizeof *opts);
	char **labels = ov_xcalloc(ds->n_assessments + 1, sizeof *labels);
	size_t n = 0;

	for (size_t i = 0; i < ds->n_assessments; i++)
		if (ds->assessments[i].force && g->a->force &&
		    strcmp(ds->assessments[i].force, g->a->force) == 0)
			mine[n++] = &ds->assessments[i];
	qsort(mine, n, sizeof *mine, by_date);
	for (size_t i = 0; i < n; i++) {
		char day[11];

		ov_pdate_format(mine[i]->date, day);
		labels[i] = ov_xasprintf(
		    "%s (%s)", mine[i]->label ? mine[i]->label : mine[i]->id,
		    day);
		opts[2 * i] = mine[i]->id;
		opts[2 * i + 1] = labels[i];
	}
	ov_html_open(&p->h, "form", "method", "get", "action", "/grades", NULL);
	ov_page_select(p, "assessment", "Assessment", opts, g->a->id);
	ov_page_form_close(p, "Show grades", true);
	for (size_t i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	free(opts);
	free(mine);
}

/* After a bad request: the parameters as fields, with the user's input
 * kept, for the error summary to link to. */
static void ask(ov_page *p)
{
	const ov_web_req *q = p->q;

	ov_html_open(&p->h, "form", "method", "get", "action", "/grades", NULL);
	ov_page_input(p, "assessment", "Assessment id", "text",
	              ov_web_query(q, "assessment"),
	              "Leave empty for the latest");
	ov_page_input(p, "force", "Force code", "text",
	              ov_web_query(q, "force"),
	              "Needed when the register holds several forces");
	ov_page_input(p, "as-at", "As at (YYYY-MM-DD)", "text",
	              ov_web_query(q, "as-at"),
	              "The latest assessment on or before this date; empty for "
	              "today");
	ov_page_form_close(p, "Show grades", false);
}

static void facts(ov_page *p, const ov_grades *g)
{
	const ov_assessment *a = g->a;
	const ov_force *f = ov_dataset_find_force(g->ds, a->force);
	char day[11], year[16];

	ov_pdate_format(a->date, day);
	snprintf(year, sizeof year, "%d", a->year);
	ov_page_summary_open(p);
	ov_page_summary_row(p, "Force", f && f->name ? f->name : a->force);
	ov_page_summary_row(p, "Assessment", a->id);
	ov_page_summary_row(p, "PEEL year", a->year > 0 ? year : NULL);
	ov_page_summary_row(p, "Grades as they stood on", day);
	ov_page_summary_row(p, "Scale", ov_scale_label(a->scale));
	ov_page_summary_close(p);
}

int ov_page_grades(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	ov_grades g = {0};
	const char *force = NULL;
	ov_day as_at;
	ov_page p;

	if (ov_web_query_day(q, OV_WEB_PAGE, "as-at", q->today, &as_at, &d) ==
	        0 &&
	    ov_web_scope_force(q, &force, &d) == 0)
		ov_app_grades(q->app, ov_web_query(q, "assessment"), force,
		              as_at, &g, &d);
	if (d.n && (ov_diag_kind(&d) == OV_PROB_RUNTIME ||
	            ov_diag_kind(&d) == OV_PROB_FORBIDDEN)) {
		ov_page_problem(q, r, "The PEEL grades cannot be shown", &d);
		goto out;
	}
	if (d.n) {
		r->status = ov_web_status(&d);
		ov_page_begin(&p, q, r, "PEEL grades", "grades", &d);
		ov_page_h1(&p, NULL, "PEEL grades");
		ask(&p);
		ov_page_end(&p);
		goto out;
	}
	ov_page_begin(&p, q, r, "PEEL grades", "grades", NULL);
	ov_page_h1(&p, "PEEL grades", g.a->label ? g.a->label : g.a->id);
	facts(&p, &g);
	chooser(&p, &g);
	grid(&p, g.a, g.cells);
	ov_page_end(&p);
out:
	ov_grades_release(&g);
	ov_diag_release(&d);
	return 0;
}
