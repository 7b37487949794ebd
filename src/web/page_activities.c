/* /activities: inspection activities (insight visits, observations, file
 * reviews...) by month, those overlapping ?from= and ?to= (each
 * inclusive, YYYY-MM-DD, open when empty), of ?force= if given. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/enums.h"
#include "paper/words.h"
#include "util/date.h"
#include "util/mem.h"
#include "web/layout.h"

static void filter_form(ov_page *p)
{
	ov_html *h = &p->h;

	ov_html_open(h, "form", "method", "get", "action", "/activities",
	             "class", "app-filter", NULL);
	ov_html_open(h, "div", "class", "govuk-grid-row", NULL);
	ov_page_column_input(p, "one-third", "from", "From (YYYY-MM-DD)",
	                     ov_web_query(p->q, "from"));
	ov_page_column_input(p, "one-third", "to", "To (YYYY-MM-DD)",
	                     ov_web_query(p->q, "to"));
	ov_page_column_input(p, "one-third", "force", "Force code",
	                     ov_web_query(p->q, "force"));
	ov_html_close(h, "div");
	ov_page_form_close(p, "Show activities", false);
}

/* What came back: the feedback, when, and to whom it went. */
static void feedback_cell(ov_page *p, const ov_activity *a)
{
	char day[11];
	bool any = false;

	ov_page_cell_open(p);
	if (a->feedback) {
		ov_html_text(&p->h, a->feedback);
		any = true;
	}
	if (a->feedback_date != OV_DAY_NONE) {
		ov_date_format(a->feedback_date, day);
		ov_html_text(&p->h, any ? " (received " : "Received ");
		ov_html_text(&p->h, day);
		ov_html_text(&p->h, any ? ")" : "");
		any = true;
	}
	if (a->passed_to) {
		ov_html_text(&p->h, any ? " Passed to " : "Passed to ");
		ov_html_text(&p->h, a->passed_to);
		any = true;
	}
	if (!any)
		ov_html_text(&p->h, "—");
	ov_page_cell_close(p);
}

static void month_open(ov_page *p, int y, int m)
{
	static const char *const heads[] = {"Days", "Subject", "Kind", "Place",
	                                    "Feedback"};
	char *title = ov_xasprintf("%s %d", ov_month_name(m), y);

	ov_page_h2(p, title);
	ov_html_open(&p->h, "div", "class", "app-table-wrap", NULL);
	ov_page_table_open(p, NULL, heads, sizeof heads / sizeof heads[0]);
	free(title);
}

static void month_close(ov_page *p)
{
	ov_page_table_close(p);
	ov_html_close(&p->h, "div");
}

/* Each activity under the month it began in, its days written as the
 * paper writes them under a month heading ("9th & 10th"). */
static void months(ov_page *p, const ov_list *l)
{
	int cur_y = 0, cur_m = 0;

	for (size_t i = 0; i < l->n; i++) {
		const ov_activity *a = l->items[i];
		int y, m, dd;
		char *days;

		ov_date_to_ymd(ov_activity_start(a), &y, &m, &dd);
		if (y != cur_y || m != cur_m) {
			if (cur_y)
				month_close(p);
			month_open(p, y, m);
			cur_y = y;
			cur_m = m;
		}
		days = ov_pdate_range(a->from, a->to);
		ov_page_row_open(p);
		ov_page_cell(p, days);
		ov_page_cell(p, a->subject ? a->subject : "—");
		ov_page_cell(p, ov_activity_kind_label(a->kind));
		ov_page_cell(p, a->place ? a->place : "—");
		feedback_cell(p, a);
		ov_page_row_close(p);
		free(days);
	}
	if (cur_y)
		month_close(p);
}

int ov_page_activities(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	ov_list l = {0};
	const char *force = NULL;
	ov_day from, to;
	ov_page p;
	char line[64];
	int bad =
	    ov_web_query_day(q, OV_WEB_PAGE, "from", OV_DAY_NONE, &from, &d);

	bad |= ov_web_query_day(q, OV_WEB_PAGE, "to", OV_DAY_NONE, &to, &d);
	bad |= ov_web_scope_force(q, &force, &d);
	if (!bad &&
	    ov_app_activities(q->app, from, to, force, &l, &d) < 0 &&
	    ov_diag_kind(&d) == OV_PROB_RUNTIME) {
		ov_page_problem(q, r, "The activities cannot be read", &d);
		goto out;
	}
	if (d.n)
		r->status = ov_web_status(&d);
	ov_page_begin(&p, q, r, "Inspection activities", "activities", &d);
	ov_page_h1(&p, NULL, "Inspection activities");
	filter_form(&p);
	if (!d.n) {
		if (l.n == 0)
			snprintf(line, sizeof line,
			         "No activities match these filters.");
		else
			snprintf(line, sizeof line, "%zu activit%s", l.n,
			         l.n == 1 ? "y" : "ies");
		ov_html_open(&p.h, "p", "class", "govuk-body", "role", "status",
		             NULL);
		ov_html_text(&p.h, line);
		ov_html_close(&p.h, "p");
		months(&p, &l);
	}
	ov_page_end(&p);
out:
	ov_list_release(&l);
	ov_diag_release(&d);
	return 0;
}
