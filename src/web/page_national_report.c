/* /national/reports/ID: a national report across forces as at ?as-at
 * (default today): each recommendation (under its lowest ref, the rule
 * of app/national.h) with how many forces hold it and have it open,
 * closure proposed, closed or overdue.  An account bound to a force sees
 * its own force alone. */
#include <stdlib.h>

#include "app/national.h"
#include "core/enums.h"
#include "util/date.h"
#include "util/mem.h"
#include "web/layout.h"

static void as_at_form(ov_page *p)
{
	char *action = ov_page_href("/national/reports", p->q->param, NULL);

	ov_html_open(&p->h, "form", "method", "get", "action", action, "class",
	             "app-filter", NULL);
	ov_page_input(p, "as-at", "As at (YYYY-MM-DD)", "text",
	              ov_web_query(p->q, "as-at"), "Empty for today");
	ov_page_form_close(p, "Show", true);
	free(action);
}

static void rec_table(ov_page *p, const ov_national_report *nr)
{
	static const char *const heads[] = {"Recommendation",
	                                    "Area",
	                                    "Forces holding it",
	                                    "Open",
	                                    "Closure proposed",
	                                    "Closed",
	                                    "Superseded or not applicable",
	                                    "Overdue"};
	enum { NC = sizeof heads / sizeof heads[0] };

	ov_html_open(&p->h, "div", "class", "app-table-wrap", "tabindex", "0",
	             "role", "region", "aria-label",
	             "Its recommendations across forces", NULL);
	ov_page_table_open_num(p, "Its recommendations across forces", heads,
	                       NC, 2);
	for (size_t i = 0; i < nr->n; i++) {
		const ov_national_rec *x = &nr->recs[i];
		char *href =
		    ov_page_href("/recommendations", x->first->ref, NULL);

		ov_page_row_open(p);
		ov_page_cell_open(p);
		ov_page_link(p, href, x->first->ref);
		if (x->first->text || x->first->subject) {
			ov_html_void(&p->h, "br", NULL);
			ov_html_text(&p->h, x->first->text ? x->first->text
			                                   : x->first->subject);
		}
		ov_page_cell_close(p);
		ov_page_cell(p, x->first->area);
		ov_page_cell_num(p, x->forces);
		ov_page_cell_num(p, x->by_status[OV_STATUS_OPEN]);
		ov_page_cell_num(p, x->by_status[OV_STATUS_PROPOSED]);
		ov_page_cell_num(p, x->by_status[OV_STATUS_CLOSED]);
		ov_page_cell_num(p, x->by_status[OV_STATUS_SUPERSEDED] +
		                        x->by_status[OV_STATUS_NA]);
		ov_page_cell_num(p, x->overdue);
		ov_page_row_close(p);
		free(href);
	}
	ov_page_table_close(p);
	ov_html_close(&p->h, "div");
}

int ov_page_national_report(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	ov_national_report nr = {0};
	const char *force = NULL;
	char day[11], *line = NULL;
	ov_day as_at;
	ov_page p;

	if (ov_web_query_day(q, OV_WEB_PAGE, "as-at", q->today, &as_at, &d) ==
	        0 &&
	    ov_web_scope_force(q, &force, &d) == 0)
		ov_app_report_across(q->app, q->param, as_at, force, &nr, &d);
	if (d.n && ov_diag_kind(&d) != OV_PROB_INPUT) {
		ov_page_problem(q, r,
		                "The report cannot be shown across forces", &d);
		goto out;
	}
	ov_page_begin(&p, q, r, "Report across forces", "national",
	              d.n ? &d : NULL);
	if (d.n) {
		r->status = ov_web_status(&d);
		ov_page_h1(&p, NULL, "Report across forces");
		as_at_form(&p);
		ov_page_end(&p);
		goto out;
	}
	ov_date_format(as_at, day);
	line = ov_xasprintf("Across forces, as at %s", day);
	ov_page_h1(&p, line,
	           nr.report->title ? nr.report->title : nr.report->id);
	free(line);
	as_at_form(&p);
	line = ov_xasprintf("%zu force%s hold%s its recommendations. A "
	                    "recommendation is the same in every force's "
	                    "register when its kind, area and words are; it "
	                    "is listed under its lowest reference.",
	                    nr.forces, nr.forces == 1 ? "" : "s",
	                    nr.forces == 1 ? "s" : "");
	ov_page_para(&p, line);
	rec_table(&p, &nr);
	ov_page_end(&p);
out:
	free(line);
	ov_national_report_release(&nr);
	ov_diag_release(&d);
	return 0;
}
