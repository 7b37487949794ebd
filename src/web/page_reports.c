/* /reports: every inspection report; /reports/ID: one report's facts and
 * its recommendations as they stand today. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/enums.h"
#include "util/date.h"
#include "util/mem.h"
#include "web/layout.h"

/* A partial date as the data gives it ("2017", "2017-02", "2017-02-14"),
 * or NULL when none: the summary list shows a dash. */
static const char *pdate(ov_pdate d, char buf[11])
{
	ov_pdate_format(d, buf);
	return *buf ? buf : NULL;
}

int ov_page_reports(ov_web_req *q, ov_web_resp *r)
{
	static const char *const heads[] = {"Report", "Kind", "Published",
	                                    "Recommendations"};
	ov_diag d = OV_DIAG_INIT;
	ov_report_list reps = {0};
	ov_page p;
	char buf[11], line[64];

	if (ov_app_reports(q->app, &reps, &d) < 0) {
		ov_page_problem(q, r, "The reports cannot be read", &d);
		goto out;
	}
	ov_page_begin(&p, q, r, "Inspection reports", "reports", NULL);
	ov_page_h1(&p, NULL, "Inspection reports");
	snprintf(line, sizeof line, "%zu inspection report%s",
	         reps.ds->n_reports, reps.ds->n_reports == 1 ? "" : "s");
	ov_html_open(&p.h, "p", "class", "govuk-body", "role", "status", NULL);
	ov_html_text(&p.h, line);
	ov_html_close(&p.h, "p");
	ov_html_open(&p.h, "div", "class", "app-table-wrap", NULL);
	ov_page_table_open(&p, NULL, heads, sizeof heads / sizeof heads[0]);
	for (size_t i = 0; i < reps.ds->n_reports; i++) {
		const ov_report *rep = &reps.ds->reports[i];
		char *href = ov_page_href("/reports", rep->id, NULL);
		const char *pub = pdate(rep->published, buf);

		ov_page_row_open(&p);
		ov_page_cell_open(&p);
		ov_page_link(&p, href, rep->title ? rep->title : rep->id);
		ov_page_cell_close(&p);
		ov_page_cell(&p, ov_report_kind_label(rep->kind));
		ov_page_cell(&p, pub ? pub : "—");
		ov_page_cell_num(&p, reps.n_recs[i]);
		ov_page_row_close(&p);
		free(href);
	}
	ov_page_table_close(&p);
	ov_html_close(&p.h, "div");
	ov_page_end(&p);
out:
	ov_report_list_release(&reps);
	ov_diag_release(&d);
	return 0;
}

/* "-1 unknown" counts show as a dash. */
static void count_row(ov_page *p, const char *key, int n)
{
	char buf[16];

	if (n < 0) {
		ov_page_summary_row(p, key, NULL);
		return;
	}
	snprintf(buf, sizeof buf, "%d", n);
	ov_page_summary_row(p, key, buf);
}

/* Text (the summary's Markdown source) as paragraphs, one per block
 * between blank lines; the text itself is shown as written. */
static void paragraphs(ov_page *p, const char *text)
{
	const char *s = text;

	while (*s) {
		const char *end = strstr(s, "\n\n");
		size_t n = end ? (size_t)(end - s) : strlen(s);
		char *para = ov_xstrndup(s, n);

		if (*para) {
			ov_html_open(&p->h, "p", "class", "govuk-body", NULL);
			ov_html_text(&p->h, para);
			ov_html_close(&p->h, "p");
		}
		free(para);
		s += n;
		while (*s == '\n')
			s++;
	}
}

static void facts(ov_page *p, const ov_report *rep)
{
	char a[11], b[11];
	const char *from, *to;
	char *s;

	ov_page_summary_open(p);
	ov_page_summary_row(p, "Title", rep->title);
	ov_page_summary_row(p, "Short name", rep->short_name);
	ov_page_summary_row(p, "Kind", ov_report_kind_label(rep->kind));
	ov_page_summary_row(p, "Written as", ov_style_label(rep->style));
	ov_page_summary_row(p, "Published", pdate(rep->published, a));
	from = pdate(rep->fieldwork_from, a);
	to = pdate(rep->fieldwork_to, b);
	if (from && to && strcmp(from, to) != 0)
		s = ov_xasprintf("%s to %s", from, to);
	else
		s = from ? ov_xstrdup(from) : NULL;
	ov_page_summary_row(p, "Fieldwork", s);
	free(s);
	ov_date_format(rep->received, a);
	ov_page_summary_row(p, "Received", a);
	count_row(p, "Forces in scope", rep->forces_in_scope);
	count_row(p, "Forces visited", rep->forces_fieldwork);
	from = pdate(rep->force_fieldwork_when, a);
	s = !rep->force_fieldwork ? ov_xstrdup("No")
	    : from                ? ov_xasprintf("Yes, %s", from)
	                          : ov_xstrdup("Yes");
	ov_page_summary_row(p, "Fieldwork in this force", s);
	free(s);
	ov_page_summary_row(p, "Plan", rep->plan);
	if (rep->summary && *rep->summary) {
		ov_page_summary_start(p, "Summary");
		paragraphs(p, rep->summary);
		ov_page_summary_end(p);
	} else {
		ov_page_summary_row(p, "Summary", NULL);
	}
	ov_page_summary_close(p);
}

int ov_page_report(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	ov_report_list reps = {0};
	ov_register reg = {0};
	ov_rec_filter f;
	const ov_report *rep;
	ov_page p;
	char line[96], today[11];

	if (ov_app_reports(q->app, &reps, &d) < 0) {
		ov_page_problem(q, r, "The reports cannot be read", &d);
		goto out;
	}
	rep = ov_dataset_find_report(reps.ds, q->param);
	if (!rep) {
		ov_diag_at(&d, OV_PROB_NOTFOUND, "report",
		           "There is no inspection report '%s'", q->param);
		ov_page_problem(q, r, "Report not found", &d);
		goto out;
	}
	ov_rec_filter_init(&f, q->today);
	f.report = rep->id;
	/* An account bound to a force: its own recommendations of it. */
	ov_app_scope_force(q->sess ? &q->sess->who : NULL, NULL, &f.force,
	                   &d);
	if (ov_app_register(q->app, &f, &reg, &d) < 0) {
		ov_page_problem(q, r, "The register cannot be read", &d);
		goto out;
	}
	ov_page_begin(&p, q, r, rep->short_name ? rep->short_name : rep->id,
	              "reports", NULL);
	ov_page_h1(&p, "Inspection report", rep->title ? rep->title : rep->id);
	facts(&p, rep);
	ov_page_h2(&p, "Recommendations");
	ov_date_format(q->today, today);
	if (reg.total == 0)
		snprintf(line, sizeof line,
		         "The register holds no recommendations from this "
		         "report as at %s.",
		         today);
	else
		snprintf(line, sizeof line, "%zu recommendation%s as at %s",
		         reg.total, reg.total == 1 ? "" : "s", today);
	ov_page_para(&p, line);
	if (reg.n)
		ov_page_register_table(&p, &reg, false);
	ov_page_end(&p);
out:
	ov_register_release(&reg);
	ov_report_list_release(&reps);
	ov_diag_release(&d);
	return 0;
}
