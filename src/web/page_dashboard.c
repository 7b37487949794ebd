/* /: the dashboard.  Counts overall and per report, open recommendations
 * over time, PEEL grades across assessments; each chart with its text
 * alternative and the table behind it.  The content is cached until the
 * register changes (web/cache.h), so a busy dashboard does not re-read
 * the register per request. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/dashboard.h"
#include "core/enums.h"
#include "paper/words.h"
#include "util/mem.h"
#include "web/cache.h"
#include "web/chart.h"
#include "web/layout.h"

static pthread_mutex_t building = PTHREAD_MUTEX_INITIALIZER;

static void count_item(ov_page *p, size_t n, const char *label,
                       const char *href)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%zu", n);
	ov_html_open(&p->h, "li", NULL);
	ov_html_open(&p->h, "span", "class", "app-count", NULL);
	ov_html_text(&p->h, buf);
	ov_html_close(&p->h, "span");
	ov_page_link(p, href, label);
	ov_html_close(&p->h, "li");
}

static void headline(ov_page *p, const ov_dash_counts *n)
{
	ov_page_h2(p, "The register today");
	ov_html_open(&p->h, "ul", "class", "app-counts", NULL);
	count_item(p, n->by_status[OV_STATUS_OPEN], "Open",
	           "/recommendations?status=open");
	count_item(p, n->by_status[OV_STATUS_PROPOSED], "Closure proposed",
	           "/recommendations?status=closure-proposed");
	count_item(p, n->by_status[OV_STATUS_CLOSED], "Closed",
	           "/recommendations?status=closed");
	count_item(p, n->overdue, "Overdue", "/recommendations?overdue=yes");
	count_item(p, n->due_soon, "Due in the next 30 days",
	           "/recommendations?sort=due");
	ov_html_close(&p->h, "ul");
	ov_page_h2(p, "RAG ratings of live recommendations");
	ov_html_open(&p->h, "ul", "class", "app-counts", NULL);
	count_item(p, n->by_rag[OV_RAG_RED], "Red", "/recommendations?rag=red");
	count_item(p, n->by_rag[OV_RAG_AMBER], "Amber",
	           "/recommendations?rag=amber");
	count_item(p, n->by_rag[OV_RAG_GREEN], "Green",
	           "/recommendations?rag=green");
	count_item(p, n->unrated, "Not rated", "/recommendations?rag=none");
	ov_html_close(&p->h, "ul");
}

#define MAX_REPORT_ROWS 25

static int by_live(const void *a, const void *b)
{
	const ov_dash_report *x = *(const ov_dash_report *const *)a;
	const ov_dash_report *y = *(const ov_dash_report *const *)b;

	if (x->n.live != y->n.live)
		return x->n.live < y->n.live ? 1 : -1;
	return strcmp(x->report->id, y->report->id);
}

/* The reports the table shows: all of them, or on a register of many
 * (a national one) those with the most live recommendations. */
static size_t pick_reports(const ov_dashboard *db, const ov_dash_report ***out)
{
	const ov_dash_report **v = ov_xcalloc(db->n_reports + 1, sizeof *v);

	for (size_t i = 0; i < db->n_reports; i++)
		v[i] = &db->reports[i];
	if (db->n_reports > MAX_REPORT_ROWS)
		qsort(v, db->n_reports, sizeof *v, by_live);
	*out = v;
	return db->n_reports > MAX_REPORT_ROWS ? MAX_REPORT_ROWS
	                                       : db->n_reports;
}

static void per_report(ov_page *p, const ov_dashboard *db)
{
	static const char *const heads[] = {
	    "Report", "Open",    "Closure proposed",
	    "Closed", "Overdue", "Due in 30 days",
	    "Red",    "Amber",   "Green"};

	const ov_dash_report **shown;
	size_t n = pick_reports(db, &shown);

	if (n < db->n_reports) {
		char *line = ov_xasprintf(
		    "The %zu of %zu reports with the most live "
		    "recommendations; every report is under Reports.",
		    n, db->n_reports);

		ov_page_para(p, line);
		free(line);
	}
	ov_html_open(&p->h, "div", "class", "app-table-wrap", NULL);
	ov_page_table_open_num(p, "By report", heads,
	                       sizeof heads / sizeof heads[0], 1);
	for (size_t i = 0; i < n; i++) {
		const ov_dash_report *r = shown[i];
		char *href = ov_page_href("/reports", r->report->id, NULL);

		ov_page_row_open(p);
		ov_page_cell_open(p);
		ov_page_link(p, href,
		             r->report->short_name ? r->report->short_name
		                                   : r->report->title);
		ov_page_cell_close(p);
		ov_page_cell_num(p, r->n.by_status[OV_STATUS_OPEN]);
		ov_page_cell_num(p, r->n.by_status[OV_STATUS_PROPOSED]);
		ov_page_cell_num(p, r->n.by_status[OV_STATUS_CLOSED]);
		ov_page_cell_num(p, r->n.overdue);
		ov_page_cell_num(p, r->n.due_soon);
		ov_page_cell_num(p, r->n.by_rag[OV_RAG_RED]);
		ov_page_cell_num(p, r->n.by_rag[OV_RAG_AMBER]);
		ov_page_cell_num(p, r->n.by_rag[OV_RAG_GREEN]);
		ov_page_row_close(p);
		free(href);
	}
	ov_page_table_close(p);
	ov_html_close(&p->h, "div");
	free(shown);
}

/* A details element holding the table behind a chart. */
static void details_open(ov_page *p, const char *summary)
{
	ov_html_open(&p->h, "details", "class", "govuk-details", NULL);
	ov_html_open(&p->h, "summary", "class", "govuk-details__summary", NULL);
	ov_html_open(&p->h, "span", "class", "govuk-details__summary-text",
	             NULL);
	ov_html_text(&p->h, summary);
	ov_html_close(&p->h, "span");
	ov_html_close(&p->h, "summary");
	ov_html_open(&p->h, "div", "class", "govuk-details__text", NULL);
}

static void details_close(ov_page *p)
{
	ov_html_close(&p->h, "div");
	ov_html_close(&p->h, "details");
}

static void series(ov_page *p, const ov_dashboard *db)
{
	static const char *const heads[] = {"Date", "Open recommendations"};
	ov_day *x;
	size_t *y, lo = (size_t)-1, hi = 0;
	char b[11], *alt;

	ov_page_h2(p, "Open recommendations over time");
	if (!db->n_series) {
		ov_page_para(p, "No recommendations yet.");
		return;
	}
	x = ov_xcalloc(db->n_series, sizeof *x);
	y = ov_xcalloc(db->n_series, sizeof *y);
	for (size_t i = 0; i < db->n_series; i++) {
		x[i] = db->series[i].day;
		y[i] = db->series[i].open;
		lo = y[i] < lo ? y[i] : lo;
		hi = y[i] > hi ? y[i] : hi;
	}
	ov_date_format(x[0], b);
	alt = ov_xasprintf("Line chart of open recommendations at the end of "
	                   "each month from %s: %zu now, between %zu and %zu "
	                   "over the period.",
	                   b, y[db->n_series - 1], lo, hi);
	ov_chart_line(&p->h, alt, x, y, db->n_series);
	ov_page_para(p, alt);
	details_open(p, "Table of open recommendations over time");
	ov_page_table_open_num(p, NULL, heads, 2, 1);
	for (size_t i = 0; i < db->n_series; i++) {
		ov_page_row_open(p);
		ov_date_format(x[i], b);
		ov_page_cell(p, b);
		ov_page_cell_num(p, y[i]);
		ov_page_row_close(p);
	}
	ov_page_table_close(p);
	details_close(p);
	free(alt);
	free(x);
	free(y);
}

/* A cell's words: the grade, "To be inspected in <month>", or nothing. */
static char *grade_words(const ov_dash_grade *g)
{
	if (!g->asked && g->cell.grade == OV_GRADE_NONE)
		return ov_xstrdup("");
	if (g->cell.grade == OV_GRADE_TBI &&
	    g->cell.inspect.day != OV_DAY_NONE) {
		char *when = ov_pdate_words(g->cell.inspect);
		char *s = ov_xasprintf("To be inspected in %s", when);

		free(when);
		return s;
	}
	if (g->cell.grade == OV_GRADE_NONE)
		return ov_xstrdup("");
	return ov_xstrdup(ov_grade_label(g->cell.grade));
}

/* A grade's shade in the grid: the real grades from Inadequate (2) to
 * Outstanding (5); anything else light grey, nothing white. */
static int shade_of(const ov_dash_grade *g)
{
	switch (g->cell.grade) {
	case OV_GRADE_OUTSTANDING:
		return 5;
	case OV_GRADE_GOOD:
		return 4;
	case OV_GRADE_ADEQUATE:
	case OV_GRADE_RI:
		return 3;
	case OV_GRADE_INADEQUATE:
		return 2;
	case OV_GRADE_NONE:
		return 0;
	default:
		return 1;
	}
}

/* The grid's short words for a cell: the grade, "TBI", a trailing "*"
 * when carried forward. */
static char *grade_short(const ov_dash_grade *g)
{
	static const char *const shorts[] = {
	    [OV_GRADE_OUTSTANDING] = "Outstanding",
	    [OV_GRADE_GOOD] = "Good",
	    [OV_GRADE_ADEQUATE] = "Adequate",
	    [OV_GRADE_RI] = "Req. impr.",
	    [OV_GRADE_INADEQUATE] = "Inadequate",
	    [OV_GRADE_TBI] = "To inspect",
	    [OV_GRADE_NOT_GRADED] = "Not graded"};

	if (g->cell.grade < 0 || g->cell.grade > OV_GRADE_NOT_GRADED)
		return ov_xstrdup("");
	return ov_xasprintf("%s%s", shorts[g->cell.grade],
	                    g->cell.from ? " *" : "");
}

static void peel_chart(ov_page *p, const ov_dash_peel *pf)
{
	size_t na = pf->n_assessments, nq = pf->n_questions;
	const char **rows = ov_xcalloc(nq ? nq : 1, sizeof *rows);
	const char **cols = ov_xcalloc(na ? na : 1, sizeof *cols);
	char **text = ov_xcalloc(nq * na + 1, sizeof *text);
	int *shade = ov_xcalloc(nq * na + 1, sizeof *shade);
	char *alt = ov_xasprintf(
	    "Grid of PEEL grades of %s: %zu questions (rows) across %zu "
	    "assessments (columns); * marks a grade carried forward. The "
	    "table below gives every grade in words.",
	    pf->force->code, nq, na);

	for (size_t a = 0; a < na; a++)
		cols[a] = pf->assessments[a]->label;
	for (size_t q = 0; q < nq; q++) {
		rows[q] = pf->questions[q]->text;
		for (size_t a = 0; a < na; a++) {
			text[q * na + a] = grade_short(&pf->grades[q * na + a]);
			shade[q * na + a] = shade_of(&pf->grades[q * na + a]);
		}
	}
	ov_chart_grid(&p->h, alt, rows, nq, cols, na, (const char *const *)text,
	              shade);
	ov_page_para(p, alt);
	for (size_t k = 0; k < nq * na; k++)
		free(text[k]);
	free(text);
	free(shade);
	free(rows);
	free(cols);
	free(alt);
}

static void peel_force(ov_page *p, const ov_dash_peel *pf)
{
	size_t na = pf->n_assessments, nq = pf->n_questions;
	const char **heads = ov_xcalloc(na + 2, sizeof *heads);
	char *title =
	    ov_xasprintf("PEEL grades of %s",
	                 pf->force->name ? pf->force->name : pf->force->code);

	ov_page_h2(p, title);
	heads[0] = "Pillar";
	heads[1] = "Question";
	for (size_t a = 0; a < na; a++)
		heads[a + 2] = pf->assessments[a]->label;
	peel_chart(p, pf);
	ov_html_open(&p->h, "div", "class", "app-table-wrap", NULL);
	ov_page_table_open(p, NULL, heads, na + 2);
	for (size_t q = 0; q < nq; q++) {
		ov_page_row_open(p);
		ov_page_cell(p, pf->questions[q]->pillar);
		ov_page_cell(p, pf->questions[q]->text);
		for (size_t a = 0; a < na; a++) {
			const ov_dash_grade *g = &pf->grades[q * na + a];
			char *w = grade_words(g);

			ov_page_cell_open(p);
			ov_html_text(&p->h, *w ? w : "—");
			if (g->cell.from) {
				char *from =
				    ov_xasprintf(" (carried forward from %s)",
				                 g->cell.from->label);

				ov_html_open(&p->h, "span", "class",
				             "govuk-body-s", NULL);
				ov_html_text(&p->h, from);
				ov_html_close(&p->h, "span");
				free(from);
			}
			ov_page_cell_close(p);
			free(w);
		}
		ov_page_row_close(p);
	}
	ov_page_table_close(p);
	ov_html_close(&p->h, "div");
	free(title);
	free(heads);
}

static int content(ov_page *p, ov_web_req *q, const char *force, ov_diag *d)
{
	ov_dashboard db;

	memset(&db, 0, sizeof db);
	if (ov_app_dashboard_for(q->app, q->today, force, &db, d) < 0)
		return -1;
	headline(p, &db.all);
	series(p, &db);
	per_report(p, &db);
	for (size_t i = 0; i < db.n_peel; i++)
		peel_force(p, &db.peel[i]);
	ov_dashboard_release(&db);
	return 0;
}

int ov_page_dashboard(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	const char *force = NULL;
	char *key;
	ov_page p;
	size_t from;

	/* An account bound to a force sees its own (the key says which). */
	if (ov_web_scope_force(q, &force, &d) < 0) {
		ov_page_problem(q, r, "The dashboard cannot be shown", &d);
		ov_diag_release(&d);
		return 0;
	}
	key = ov_xasprintf("/\n%s", force ? force : "");
	ov_page_begin(&p, q, r, "Dashboard", "dashboard", NULL);
	ov_page_h1(&p, NULL, "Dashboard");
	from = r->body.len;
	if (!ov_web_cache_get(q, key, &r->body)) {
		/* One request makes it while the others wait for it: many at
		 * once would each read the whole register. */
		pthread_mutex_lock(&building);
		if (!ov_web_cache_get(q, key, &r->body)) {
			if (content(&p, q, force, &d) < 0) {
				pthread_mutex_unlock(&building);
				ov_page_problem(
				    q, r, "The register cannot be read", &d);
				ov_diag_release(&d);
				free(key);
				return 0;
			}
			ov_web_cache_put(q, key, r->body.data + from,
			                 r->body.len - from);
		}
		pthread_mutex_unlock(&building);
	}
	ov_page_end(&p);
	ov_diag_release(&d);
	free(key);
	return 0;
}
