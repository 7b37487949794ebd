/* /national: the national view's summary, each force's figures as at
 * ?as-at (default today), with the links to the reports across forces and
 * the PEEL grades across forces.  An account bound to a force sees its own
 * force alone (ov_web_scope_force). */
#include <stdlib.h>

#include "app/national.h"
#include "core/enums.h"
#include "util/date.h"
#include "util/mem.h"
#include "web/layout.h"

/* The date form every national page has; action: where it goes. */
static void as_at_form(ov_page *p, const char *action)
{
	ov_html_open(&p->h, "form", "method", "get", "action", action, "class",
	             "app-filter", NULL);
	ov_page_input(p, "as-at", "As at (YYYY-MM-DD)", "text",
	              ov_web_query(p->q, "as-at"), "Empty for today");
	ov_page_form_close(p, "Show", true);
}

static void force_table(ov_page *p, const ov_national_summary *ns)
{
	static const char *const heads[] = {"Force",
	                                    "PEEL assessment",
	                                    "Recommendations",
	                                    "Open",
	                                    "Closure proposed",
	                                    "Closed",
	                                    "Superseded or not applicable",
	                                    "Overdue",
	                                    "Red",
	                                    "Amber",
	                                    "Green",
	                                    "Closed in the last quarter"};
	enum { NC = sizeof heads / sizeof heads[0] };

	ov_html_open(&p->h, "div", "class", "app-table-wrap", "tabindex", "0",
	             "role", "region", "aria-label", "Each force's register",
	             NULL);
	ov_page_table_open_num(p, "Each force's register", heads, NC, 2);
	for (size_t i = 0; i < ns->n; i++) {
		const ov_force_summary *f = &ns->forces[i];
		const ov_summary *s = &f->s;
		const ov_assessment *a = s->peel[0];

		ov_page_row_open(p);
		ov_page_cell(p,
		             f->force->name ? f->force->name : f->force->code);
		ov_page_cell(p, a ? (a->label ? a->label : a->id) : "None");
		ov_page_cell_num(p, s->recs);
		ov_page_cell_num(p, s->by_status[OV_STATUS_OPEN]);
		ov_page_cell_num(p, s->by_status[OV_STATUS_PROPOSED]);
		ov_page_cell_num(p, s->by_status[OV_STATUS_CLOSED]);
		ov_page_cell_num(p, s->by_status[OV_STATUS_SUPERSEDED] +
		                        s->by_status[OV_STATUS_NA]);
		ov_page_cell_num(p, s->overdue);
		ov_page_cell_num(p, s->by_rag[OV_RAG_RED]);
		ov_page_cell_num(p, s->by_rag[OV_RAG_AMBER]);
		ov_page_cell_num(p, s->by_rag[OV_RAG_GREEN]);
		ov_page_cell_num(p, s->closed_recent);
		ov_page_row_close(p);
	}
	ov_page_table_close(p);
	ov_html_close(&p->h, "div");
}

/* Each report, a link to it across forces (with the same date). */
static void report_links(ov_page *p, const ov_national_summary *ns)
{
	const ov_dataset *ds = ns->ds;
	const char *as_at = ov_web_query(p->q, "as-at");

	ov_page_h2(p, "Reports across forces");
	ov_html_open(&p->h, "ul", "class", "govuk-list", NULL);
	for (size_t i = 0; i < ds->n_reports; i++) {
		const ov_report *rep = &ds->reports[i];
		char *base = ov_page_href("/national/reports", rep->id, NULL);
		ov_buf b = OV_BUF_INIT;

		ov_buf_puts(&b, base);
		if (as_at) {
			ov_buf_puts(&b, "?as-at=");
			ov_web_urlenc(&b, as_at);
		}
		ov_html_open(&p->h, "li", NULL);
		ov_page_link(p, ov_buf_str(&b),
		             rep->title ? rep->title : rep->id);
		ov_html_close(&p->h, "li");
		ov_buf_release(&b);
		free(base);
	}
	ov_html_close(&p->h, "ul");
}

int ov_page_national(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	ov_national_summary ns = {0};
	const char *force = NULL;
	char day[11], *caption = NULL;
	ov_day as_at;
	ov_page p;

	if (ov_web_query_day(q, OV_WEB_PAGE, "as-at", q->today, &as_at, &d) ==
	        0 &&
	    ov_web_scope_force(q, &force, &d) == 0)
		ov_app_summary_by_force(q->app, as_at, force, &ns, &d);
	if (d.n && ov_diag_kind(&d) != OV_PROB_INPUT) {
		ov_page_problem(q, r, "The national view cannot be shown", &d);
		goto out;
	}
	ov_page_begin(&p, q, r, "National view", "national", d.n ? &d : NULL);
	if (d.n) {
		r->status = ov_web_status(&d);
		ov_page_h1(&p, NULL, "National view");
		as_at_form(&p, "/national");
		ov_page_end(&p);
		goto out;
	}
	ov_date_format(as_at, day);
	caption = ov_xasprintf("As at %s", day);
	ov_page_h1(&p, caption, "National view");
	as_at_form(&p, "/national");
	force_table(&p, &ns);
	ov_html_open(&p.h, "p", "class", "govuk-body", NULL);
	ov_page_link(&p, "/national/grades", "PEEL grades across forces");
	ov_html_close(&p.h, "p");
	report_links(&p, &ns);
	ov_page_end(&p);
out:
	free(caption);
	ov_national_summary_release(&ns);
	ov_diag_release(&d);
	return 0;
}
