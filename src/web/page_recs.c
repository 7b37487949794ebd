/* /recommendations: the register, filtered by the same names as the
 * command line's options, searched (q), sorted and paged. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/enums.h"
#include "util/mem.h"
#include "web/cache.h"
#include "web/layout.h"

#define PAGE_ROWS 50
#define MAX_PAGE 1000000

/* The query parameters the list understands, in the order links carry
 * them.  All but page go to ov_rec_filter_set. */
static const char *const params[] = {"q",       "status", "rag",
                                     "report",  "owner",  "area",
                                     "overdue", "as-at",  "sort"};
#define N_PARAMS (sizeof params / sizeof params[0])

static int parse_page(const char *s, size_t *out, ov_diag *d)
{
	char *end;
	long v;

	*out = 1;
	if (!s)
		return 0;
	v = strtol(s, &end, 10);
	if (*end || v < 1 || v > MAX_PAGE) {
		ov_diag_at(d, OV_PROB_INPUT, "page",
		           "Page must be a whole number from 1");
		return -1;
	}
	*out = (size_t)v;
	return 0;
}

/* Fill f from the query; every bad parameter is reported. */
static int read_filter(const ov_web_req *q, ov_rec_filter *f, size_t *page,
                       ov_diag *d)
{
	int rc = 0;

	ov_rec_filter_init(f, q->today);
	for (size_t i = 0; i < N_PARAMS; i++) {
		const char *v = ov_web_query(q, params[i]);

		if (v && ov_rec_filter_set(f, params[i], v, d) < 0)
			rc = -1;
	}
	if (ov_web_scope_force(q, &f->force, d) < 0)
		rc = -1;
	if (parse_page(ov_web_query(q, "page"), page, d) < 0)
		rc = -1;
	f->offset = (*page - 1) * PAGE_ROWS;
	f->limit = PAGE_ROWS;
	return rc;
}

/* "/recommendations?..." with the current filters and page p. */
static char *list_href(const ov_web_req *q, size_t page)
{
	ov_buf b = OV_BUF_INIT;
	char sep = '?';

	ov_buf_puts(&b, "/recommendations");
	for (size_t i = 0; i < N_PARAMS; i++) {
		const char *v = ov_web_query(q, params[i]);

		if (!v)
			continue;
		ov_buf_printf(&b, "%c%s=", sep, params[i]);
		ov_web_urlenc(&b, v);
		sep = '&';
	}
	if (page > 1)
		ov_buf_printf(&b, "%cpage=%zu", sep, page);
	return ov_buf_detach(&b);
}

static const char *qv(const ov_web_req *q, const char *name)
{
	const char *v = ov_kvs_get(&q->query, name);

	return v ? v : "";
}

static void filter_form(ov_page *p, const ov_report_list *reps)
{
	static const char *const status_opts[] = {
	    "",           "Any status",       "open",
	    "Open",       "closure-proposed", "Closure proposed",
	    "closed",     "Closed",           "superseded",
	    "Superseded", "not-applicable",   "Not applicable",
	    NULL};
	static const char *const rag_opts[] = {
	    "",      "Any RAG", "red",  "Red",       "amber", "Amber",
	    "green", "Green",   "none", "Not rated", NULL};
	static const char *const sort_opts[] = {
	    "report",   "Report", "ref",    "Reference", "due",
	    "Due date", "status", "Status", NULL};
	ov_html *h = &p->h;
	const char **rep_opts = ov_xcalloc(
	    2 * (reps->ds ? reps->ds->n_reports : 0) + 3, sizeof *rep_opts);
	size_t k = 0;

	rep_opts[k++] = "";
	rep_opts[k++] = "Any report";
	for (size_t i = 0; reps->ds && i < reps->ds->n_reports; i++) {
		rep_opts[k++] = reps->ds->reports[i].id;
		rep_opts[k++] = reps->ds->reports[i].short_name
		                    ? reps->ds->reports[i].short_name
		                    : reps->ds->reports[i].title;
	}
	ov_html_open(h, "form", "method", "get", "action", "/recommendations",
	             "class", "app-filter", NULL);
	ov_page_input(p, "q", "Search texts and updates", "search",
	              qv(p->q, "q"), NULL);
	ov_html_open(h, "div", "class", "govuk-grid-row", NULL);
	ov_page_column_select(p, "one-quarter", "status", "Status", status_opts,
	                      qv(p->q, "status"));
	ov_page_column_select(p, "one-quarter", "rag", "RAG", rag_opts,
	                      qv(p->q, "rag"));
	ov_page_column_select(p, "one-quarter", "report", "Report", rep_opts,
	                      qv(p->q, "report"));
	ov_page_column_select(p, "one-quarter", "sort", "Sort by", sort_opts,
	                      qv(p->q, "sort"));
	ov_html_close(h, "div");
	ov_html_open(h, "div", "class", "govuk-grid-row", NULL);
	ov_page_column_input(p, "one-third", "owner", "Owner (person id)",
	                     qv(p->q, "owner"));
	ov_page_column_input(p, "one-third", "area", "Area", qv(p->q, "area"));
	ov_page_column_input(p, "one-third", "as-at", "As at (YYYY-MM-DD)",
	                     qv(p->q, "as-at"));
	ov_html_close(h, "div");
	ov_html_open(h, "div", "class",
	             "govuk-checkboxes govuk-checkboxes--small", "data-module",
	             "govuk-checkboxes", NULL);
	ov_html_open(h, "div", "class", "govuk-checkboxes__item", NULL);
	ov_html_void(h, "input", "class", "govuk-checkboxes__input", "id",
	             "overdue", "name", "overdue", "type", "checkbox", "value",
	             "yes", *qv(p->q, "overdue") ? "checked" : NULL, "", NULL);
	ov_html_open(h, "label", "class", "govuk-label govuk-checkboxes__label",
	             "for", "overdue", NULL);
	ov_html_text(h, "Overdue only");
	ov_html_close(h, "label");
	ov_html_close(h, "div");
	ov_html_close(h, "div");
	ov_page_form_close(p, "Apply filters", false);
	free(rep_opts);
}

/* The register as a download (/export), in the three formats. */
static void downloads(ov_page *p)
{
	static const char *const links[] = {"/export?format=xlsx",
	                                    "Spreadsheet (XLSX)",
	                                    "/export?format=csv",
	                                    "CSV",
	                                    "/export?format=json",
	                                    "JSON (the whole dataset)",
	                                    NULL};

	ov_html_open(&p->h, "h2", "class", "govuk-heading-s", NULL);
	ov_html_text(&p->h, "Download the register");
	ov_html_close(&p->h, "h2");
	ov_html_open(&p->h, "ul", "class", "govuk-list", NULL);
	for (size_t i = 0; links[i]; i += 2) {
		ov_html_open(&p->h, "li", NULL);
		ov_page_link(p, links[i], links[i + 1]);
		ov_html_close(&p->h, "li");
	}
	ov_html_close(&p->h, "ul");
}

/* The link to the previous or next page: rel is "prev" or "next". */
static void pagination_step(ov_page *p, size_t page, const char *rel,
                            const char *text)
{
	ov_html *h = &p->h;
	char *href = list_href(p->q, page);
	char *cls = ov_xasprintf("govuk-pagination__%s", rel);

	ov_html_open(h, "div", "class", cls, NULL);
	ov_html_open(h, "a", "class", "govuk-link govuk-pagination__link",
	             "href", href, "rel", rel, NULL);
	ov_html_open(h, "span", "class", "govuk-pagination__link-title", NULL);
	ov_html_text(h, text);
	ov_html_close(h, "span");
	ov_html_close(h, "a");
	ov_html_close(h, "div");
	free(cls);
	free(href);
}

static void pagination(ov_page *p, size_t page, size_t total)
{
	ov_html *h = &p->h;
	size_t last = total ? (total + PAGE_ROWS - 1) / PAGE_ROWS : 1;
	char num[32];

	if (last <= 1)
		return;
	ov_html_open(h, "nav", "class", "govuk-pagination", "aria-label",
	             "Pages of recommendations", NULL);
	if (page > 1)
		pagination_step(p, page - 1, "prev", "Previous");
	ov_html_open(h, "ul", "class", "govuk-pagination__list", NULL);
	for (size_t i = 1; i <= last; i++) {
		char *href;
		bool on = i == page;

		/* First, last, and two either side of the current page. */
		if (i != 1 && i != last && (i + 2 < page || i > page + 2)) {
			if (i == 2 || i == last - 1) {
				ov_html_open(h, "li", "class",
				             "govuk-pagination__item "
				             "govuk-pagination__item--ellipses",
				             NULL);
				ov_html_text(h, "⋯");
				ov_html_close(h, "li");
			}
			continue;
		}
		href = list_href(p->q, i);
		snprintf(num, sizeof num, "%zu", i);
		ov_html_open(h, "li", "class",
		             on ? "govuk-pagination__item "
		                  "govuk-pagination__item--current"
		                : "govuk-pagination__item",
		             NULL);
		ov_html_open(h, "a", "class",
		             "govuk-link govuk-pagination__link", "href", href,
		             "aria-label", num, on ? "aria-current" : NULL,
		             "page", NULL);
		ov_html_text(h, num);
		ov_html_close(h, "a");
		ov_html_close(h, "li");
		free(href);
	}
	ov_html_close(h, "ul");
	if (page < last)
		pagination_step(p, page + 1, "next", "Next");
	ov_html_close(h, "nav");
}

/* The list below the heading, for a valid request.  0, or -1 with a
 * runtime problem in d. */
static int list(ov_page *p, ov_web_req *q, const ov_rec_filter *f, size_t page,
                ov_diag *d)
{
	ov_register reg = {0};
	ov_report_list reps = {0};
	char line[160];
	int rc = -1;

	if (ov_app_reports(q->app, &reps, d) < 0 ||
	    ov_app_register(q->app, f, &reg, d) < 0)
		goto out;
	filter_form(p, &reps);
	if (reg.total == 0)
		snprintf(line, sizeof line,
		         "No recommendations match these filters.");
	else
		snprintf(line, sizeof line,
		         "Showing %zu to %zu of %zu recommendations",
		         reg.n ? f->offset + 1 : 0, f->offset + reg.n,
		         reg.total);
	ov_html_open(&p->h, "p", "class", "govuk-body", "role", "status", NULL);
	ov_html_text(&p->h, line);
	ov_html_close(&p->h, "p");
	ov_page_register_table(p, &reg, true);
	pagination(p, page, reg.total);
	rc = 0;
out:
	ov_register_release(&reg);
	ov_report_list_release(&reps);
	return rc;
}

int ov_page_recs(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	ov_rec_filter f;
	ov_report_list reps = {0};
	size_t page = 1, from;
	ov_page p;
	char *key = NULL;

	if (read_filter(q, &f, &page, &d) < 0) {
		/* Bad parameters: the form again, with the problems. */
		if (ov_app_reports(q->app, &reps, &d) < 0 &&
		    ov_diag_kind(&d) == OV_PROB_RUNTIME)
			goto fail;
		r->status = ov_web_status(&d);
		ov_page_begin(&p, q, r, "Recommendations", "recommendations",
		              &d);
		ov_page_h1(&p, NULL, "Recommendations");
		filter_form(&p, &reps);
		ov_page_end(&p);
		goto out;
	}
	ov_page_begin(&p, q, r, "Recommendations", "recommendations", NULL);
	ov_page_h1(&p, NULL, "Recommendations");
	downloads(&p);
	from = r->body.len;
	{
		/* Cached content depends on the scope too (an account bound
		 * to a force asks the same URL for less). */
		char *href = list_href(q, page);

		key = ov_xasprintf("%s\n%s", f.force ? f.force : "", href);
		free(href);
	}
	if (!ov_web_cache_get(q, key, &r->body)) {
		if (list(&p, q, &f, page, &d) < 0)
			goto fail;
		ov_web_cache_put(q, key, r->body.data + from,
		                 r->body.len - from);
	}
	ov_page_end(&p);
	goto out;
fail:
	ov_page_problem(q, r, "The register cannot be read", &d);
out:
	free(key);
	ov_report_list_release(&reps);
	ov_diag_release(&d);
	return 0;
}
