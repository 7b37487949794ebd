/* /national/grades: PEEL grades per question across forces as at ?as-at
 * (default today): how many forces had each grade, and each force's
 * grade (its latest assessment by then, carry-forward as core/peel.h).
 * An account bound to a force sees its own force alone. */
#include <stdio.h>
#include <stdlib.h>

#include "app/national.h"
#include "core/enums.h"
#include "util/date.h"
#include "util/mem.h"
#include "web/layout.h"

static void as_at_form(ov_page *p)
{
	ov_html_open(&p->h, "form", "method", "get", "action",
	             "/national/grades", "class", "app-filter", NULL);
	ov_page_input(p, "as-at", "As at (YYYY-MM-DD)", "text",
	              ov_web_query(p->q, "as-at"), "Empty for today");
	ov_page_form_close(p, "Show", true);
}

static const char *slot_label(size_t k)
{
	return k + 1 < OV_NAT_GRADES ? ov_grade_label((enum ov_grade)k)
	                             : "Not known";
}

static void distribution(ov_page *p, const ov_national_grades *g)
{
	const char *heads[2 + OV_NAT_GRADES] = {"No.", "Question"};

	for (size_t k = 0; k < OV_NAT_GRADES; k++)
		heads[2 + k] = slot_label(k);
	ov_html_open(&p->h, "div", "class", "app-table-wrap", "tabindex", "0",
	             "role", "region", "aria-label",
	             "How many forces had each grade", NULL);
	ov_page_table_open_num(p, "How many forces had each grade", heads,
	                       2 + OV_NAT_GRADES, 2);
	for (size_t q = 0; q < g->n_questions; q++) {
		char num[16];

		snprintf(num, sizeof num, "%d", g->questions[q]->number);
		ov_page_row_open(p);
		ov_page_cell(p, num);
		ov_page_cell(p, g->questions[q]->text);
		for (size_t k = 0; k < OV_NAT_GRADES; k++)
			ov_page_cell_num(p, g->dist[q][k]);
		ov_page_row_close(p);
	}
	ov_page_table_close(p);
	ov_html_close(&p->h, "div");
}

static void grade_cell(ov_page *p, const ov_national_grades *g, size_t f,
                       const ov_peel_cell *c)
{
	ov_page_cell_open(p);
	ov_html_text(&p->h, c->grade == OV_GRADE_NONE
	                        ? "Not known"
	                        : ov_grade_label(c->grade));
	if (c->from && c->from != g->current[f]) {
		char *tag =
		    ov_xasprintf("Carried forward from %s",
		                 c->from->label ? c->from->label : c->from->id);

		ov_html_text(&p->h, " ");
		ov_page_tag(p, tag, "grey");
		free(tag);
	}
	ov_page_cell_close(p);
}

/* A table per force: its assessment and each question's grade. */
static void each_force(ov_page *p, const ov_national_grades *g)
{
	static const char *const heads[] = {"No.", "Question", "Grade"};

	for (size_t f = 0; f < g->n_forces; f++) {
		const ov_force *fo = g->forces[f];
		const ov_assessment *a = g->current[f];
		char *cap = ov_xasprintf(
		    "%s: %s", fo->name ? fo->name : fo->code,
		    a ? (a->label ? a->label : a->id) : "no assessment yet");

		ov_html_open(&p->h, "div", "class", "app-table-wrap",
		             "tabindex", "0", "role", "region", "aria-label",
		             cap, NULL);
		ov_page_table_open(p, cap, heads, 3);
		for (size_t q = 0; q < g->n_questions; q++) {
			char num[16];

			snprintf(num, sizeof num, "%d",
			         g->questions[q]->number);
			ov_page_row_open(p);
			ov_page_cell(p, num);
			ov_page_cell(p, g->questions[q]->text);
			grade_cell(p, g, f, &g->cells[q * g->n_forces + f]);
			ov_page_row_close(p);
		}
		ov_page_table_close(p);
		ov_html_close(&p->h, "div");
		free(cap);
	}
}

int ov_page_national_grades(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	ov_national_grades g = {0};
	const char *force = NULL;
	char day[11], *caption = NULL;
	ov_day as_at;
	ov_page p;

	if (ov_web_query_day(q, OV_WEB_PAGE, "as-at", q->today, &as_at, &d) ==
	        0 &&
	    ov_web_scope_force(q, &force, &d) == 0)
		ov_app_grades_across(q->app, as_at, force, &g, &d);
	if (d.n && ov_diag_kind(&d) != OV_PROB_INPUT) {
		ov_page_problem(q, r, "The PEEL grades cannot be shown", &d);
		goto out;
	}
	ov_page_begin(&p, q, r, "PEEL grades across forces", "national",
	              d.n ? &d : NULL);
	if (d.n) {
		r->status = ov_web_status(&d);
		ov_page_h1(&p, NULL, "PEEL grades across forces");
		as_at_form(&p);
		ov_page_end(&p);
		goto out;
	}
	ov_date_format(as_at, day);
	caption = ov_xasprintf("As at %s", day);
	ov_page_h1(&p, caption, "PEEL grades across forces");
	as_at_form(&p);
	ov_page_para(&p, "Each force's grades are those of its latest PEEL "
	                 "assessment on or before the date; a question that "
	                 "assessment did not inspect shows the grade it last "
	                 "had (carried forward).");
	distribution(&p, &g);
	each_force(&p, &g);
	ov_page_end(&p);
out:
	free(caption);
	ov_national_grades_release(&g);
	ov_diag_release(&d);
	return 0;
}
