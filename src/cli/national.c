/* Printing the national view (cli/national.h).  Counts come worked out
 * from app/national.h; this file only lays them out.  JSON is shaped as
 * the other listings (two-space indent); CSV through io/csv.h. */
#include "cli/national.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/table.h"
#include "io/csv.h"
#include "io/json.h"
#include "util/mem.h"

const char *const ov_nat_formats[] = {"table", "json", "csv", NULL};

#define N_STATUS (OV_STATUS_NA + 1)
#define N_RAG (OV_RAG_GREEN + 1)

/* ---- helpers ---- */

static void jkey(int indent, const char *key)
{
	printf("%*s", indent, "");
	ov_json_put_string(stdout, key);
	fputs(": ", stdout);
}

/* "key": "value" (null for NULL), then sep ("," or ""). */
static void jstr(int indent, const char *key, const char *v, const char *sep)
{
	jkey(indent, key);
	if (v)
		ov_json_put_string(stdout, v);
	else
		fputs("null", stdout);
	printf("%s\n", sep);
}

static void jnum(int indent, const char *key, size_t n, const char *sep)
{
	jkey(indent, key);
	printf("%zu%s\n", n, sep);
}

static void csv_num(size_t n)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%zu", n);
	ov_csv_field(stdout, buf, false);
}

static char *num(size_t n)
{
	return ov_xasprintf("%zu", n);
}

static const char *assessment_name(const ov_assessment *a)
{
	return a ? (a->label ? a->label : a->id) : NULL;
}

/* ---- summary by force ---- */

static void summary_json(const ov_national_summary *ns)
{
	char day[11], since[11];

	ov_date_format(ns->as_at, day);
	ov_date_format(ns->since, since);
	printf("{\n");
	jstr(2, "as_at", day, ",");
	jstr(2, "closed_since", since, ",");
	jkey(2, "forces");
	fputs(ns->n ? "[\n" : "[]\n", stdout);
	for (size_t i = 0; i < ns->n; i++) {
		const ov_summary *s = &ns->forces[i].s;

		printf("    {\n");
		jstr(6, "force", ns->forces[i].force->code, ",");
		jstr(6, "name", ns->forces[i].force->name, ",");
		jnum(6, "recs", s->recs, ",");
		for (int st = 0; st < N_STATUS; st++)
			jnum(6, ov_status_code(st), s->by_status[st], ",");
		jnum(6, "live", s->live, ",");
		jnum(6, "overdue", s->overdue, ",");
		for (int r = 0; r < N_RAG; r++)
			jnum(6, ov_rag_code(r), s->by_rag[r], ",");
		jnum(6, "rag_not_set", s->unrated, ",");
		jnum(6, "closed_recent", s->closed_recent, ",");
		jnum(6, "reports", s->reports, ",");
		jnum(6, "activities", s->activities, ",");
		jnum(6, "meetings", s->meetings, ",");
		jstr(6, "peel", s->peel[0] ? s->peel[0]->id : NULL, "");
		printf("    }%s\n", i + 1 < ns->n ? "," : "");
	}
	if (ns->n)
		printf("  ]\n");
	printf("}\n");
}

static void summary_csv(const ov_national_summary *ns)
{
	static const char *const tail[] = {"live", "overdue"};
	static const char *const after[] = {"rag_not_set", "closed_recent",
	                                    "reports",     "activities",
	                                    "meetings",    "peel"};

	ov_csv_field(stdout, "force", true);
	ov_csv_field(stdout, "recs", false);
	for (int st = 0; st < N_STATUS; st++)
		ov_csv_field(stdout, ov_status_code(st), false);
	for (size_t k = 0; k < 2; k++)
		ov_csv_field(stdout, tail[k], false);
	for (int r = 0; r < N_RAG; r++)
		ov_csv_field(stdout, ov_rag_code(r), false);
	for (size_t k = 0; k < sizeof after / sizeof *after; k++)
		ov_csv_field(stdout, after[k], false);
	ov_csv_end(stdout);
	for (size_t i = 0; i < ns->n; i++) {
		const ov_summary *s = &ns->forces[i].s;

		ov_csv_field(stdout, ns->forces[i].force->code, true);
		csv_num(s->recs);
		for (int st = 0; st < N_STATUS; st++)
			csv_num(s->by_status[st]);
		csv_num(s->live);
		csv_num(s->overdue);
		for (int r = 0; r < N_RAG; r++)
			csv_num(s->by_rag[r]);
		csv_num(s->unrated);
		csv_num(s->closed_recent);
		csv_num(s->reports);
		csv_num(s->activities);
		csv_num(s->meetings);
		ov_csv_field(stdout, s->peel[0] ? s->peel[0]->id : NULL, false);
		ov_csv_end(stdout);
	}
}

static void summary_table(const ov_national_summary *ns)
{
	static const char *const head[] = {
	    "Force",   "Recs", "Open",  "Proposed", "Closed", "Ended",
	    "Overdue", "Red",  "Amber", "Green",    "Recent"};
	enum { NC = sizeof head / sizeof *head };
	ov_table *t = ov_table_new(NC, head);
	char day[11], since[11];

	ov_date_format(ns->as_at, day);
	ov_date_format(ns->since, since);
	printf("Register as at %s, by force (Ended: superseded or not "
	       "applicable;\nRecent: closed since %s)\n\n",
	       day, since);
	ov_table_flex(t, 0);
	for (size_t i = 0; i < ns->n; i++) {
		const ov_summary *s = &ns->forces[i].s;
		size_t v[NC - 1] = {s->recs,
		                    s->by_status[OV_STATUS_OPEN],
		                    s->by_status[OV_STATUS_PROPOSED],
		                    s->by_status[OV_STATUS_CLOSED],
		                    s->by_status[OV_STATUS_SUPERSEDED] +
		                        s->by_status[OV_STATUS_NA],
		                    s->overdue,
		                    s->by_rag[OV_RAG_RED],
		                    s->by_rag[OV_RAG_AMBER],
		                    s->by_rag[OV_RAG_GREEN],
		                    s->closed_recent};
		char *cells[NC];

		cells[0] = ov_xstrdup(ns->forces[i].force->code);
		for (size_t k = 1; k < NC; k++)
			cells[k] = num(v[k - 1]);
		ov_table_add(t, (const char *const *)cells);
		for (size_t k = 0; k < NC; k++)
			free(cells[k]);
	}
	ov_table_done(t, "force", "forces");
}

void ov_nat_print_summary(const ov_national_summary *s, enum ov_nat_fmt f)
{
	if (f == OV_NAT_JSON)
		summary_json(s);
	else if (f == OV_NAT_CSV)
		summary_csv(s);
	else
		summary_table(s);
}

/* ---- a report across forces ---- */

static void report_json(const ov_national_report *r)
{
	char day[11];

	ov_date_format(r->as_at, day);
	printf("{\n");
	jstr(2, "report", r->report->id, ",");
	jstr(2, "title", r->report->title, ",");
	jstr(2, "as_at", day, ",");
	jnum(2, "forces", r->forces, ",");
	jkey(2, "recommendations");
	fputs(r->n ? "[\n" : "[]\n", stdout);
	for (size_t i = 0; i < r->n; i++) {
		const ov_national_rec *nr = &r->recs[i];

		printf("    {\n");
		jstr(6, "ref", nr->first->ref, ",");
		jstr(6, "area", nr->first->area, ",");
		jstr(6, "subject", nr->first->subject, ",");
		jstr(6, "kind", ov_rec_kind_code(nr->first->kind), ",");
		jstr(6, "text", nr->first->text, ",");
		jnum(6, "forces", nr->forces, ",");
		for (int st = 0; st < N_STATUS; st++)
			jnum(6, ov_status_code(st), nr->by_status[st], ",");
		jnum(6, "overdue", nr->overdue, "");
		printf("    }%s\n", i + 1 < r->n ? "," : "");
	}
	if (r->n)
		printf("  ]\n");
	printf("}\n");
}

static void report_csv(const ov_national_report *r)
{
	ov_csv_field(stdout, "ref", true);
	ov_csv_field(stdout, "area", false);
	ov_csv_field(stdout, "forces", false);
	for (int st = 0; st < N_STATUS; st++)
		ov_csv_field(stdout, ov_status_code(st), false);
	ov_csv_field(stdout, "overdue", false);
	ov_csv_field(stdout, "text", false);
	ov_csv_end(stdout);
	for (size_t i = 0; i < r->n; i++) {
		const ov_national_rec *nr = &r->recs[i];

		ov_csv_field(stdout, nr->first->ref, true);
		ov_csv_field(stdout, nr->first->area, false);
		csv_num(nr->forces);
		for (int st = 0; st < N_STATUS; st++)
			csv_num(nr->by_status[st]);
		csv_num(nr->overdue);
		ov_csv_field(stdout,
		             nr->first->text ? nr->first->text
		                             : nr->first->subject,
		             false);
		ov_csv_end(stdout);
	}
}

static void report_table(const ov_national_report *r)
{
	static const char *const head[] = {
	    "Ref", "Area", "Forces", "Open", "Proposed", "Closed", "Overdue"};
	enum { NC = sizeof head / sizeof *head };
	ov_table *t = ov_table_new(NC, head);
	char day[11], *line;

	ov_date_format(r->as_at, day);
	line =
	    ov_xasprintf("Report %s\n%s\nAs at %s, %zu force%s hold%s its "
	                 "recommendations",
	                 r->report->id, r->report->title, day, r->forces,
	                 r->forces == 1 ? "" : "s", r->forces == 1 ? "s" : "");
	ov_term_puts(line, stdout);
	fputs("\n\n", stdout);
	free(line);
	ov_table_flex(t, 0);
	ov_table_flex(t, 1);
	for (size_t i = 0; i < r->n; i++) {
		const ov_national_rec *nr = &r->recs[i];
		size_t v[NC - 2] = {nr->forces, nr->by_status[OV_STATUS_OPEN],
		                    nr->by_status[OV_STATUS_PROPOSED],
		                    nr->by_status[OV_STATUS_CLOSED],
		                    nr->overdue};
		char *cells[NC] = {ov_xstrdup(nr->first->ref),
		                   ov_xstrdup(nr->first->area)};

		for (size_t k = 2; k < NC; k++)
			cells[k] = num(v[k - 2]);
		ov_table_add(t, (const char *const *)cells);
		for (size_t k = 0; k < NC; k++)
			free(cells[k]);
	}
	ov_table_done(t, "recommendation", "recommendations");
}

void ov_nat_print_report(const ov_national_report *r, enum ov_nat_fmt f)
{
	if (f == OV_NAT_JSON)
		report_json(r);
	else if (f == OV_NAT_CSV)
		report_csv(r);
	else
		report_table(r);
}

/* ---- grades across forces ---- */

/* The code of a distribution slot: a grade's, or "not-known". */
static const char *slot_code(size_t k)
{
	return k + 1 < OV_NAT_GRADES ? ov_grade_code((enum ov_grade)k)
	                             : "not-known";
}

static const char *cell_code(const ov_peel_cell *c)
{
	return c->grade == OV_GRADE_NONE ? "not-known"
	                                 : ov_grade_code(c->grade);
}

static const char *carried(const ov_national_grades *g, size_t f,
                           const ov_peel_cell *c)
{
	return c->from && c->from != g->current[f] ? c->from->id : NULL;
}

static void grades_json(const ov_national_grades *g)
{
	char day[11];

	ov_date_format(g->as_at, day);
	printf("{\n");
	jstr(2, "as_at", day, ",");
	jkey(2, "forces");
	fputs(g->n_forces ? "[\n" : "[],\n", stdout);
	for (size_t f = 0; f < g->n_forces; f++) {
		printf("    {\n");
		jstr(6, "force", g->forces[f]->code, ",");
		jstr(6, "assessment", g->current[f] ? g->current[f]->id : NULL,
		     "");
		printf("    }%s\n", f + 1 < g->n_forces ? "," : "");
	}
	printf("%s", g->n_forces ? "  ],\n" : "");
	jkey(2, "questions");
	fputs(g->n_questions ? "[\n" : "[]\n", stdout);
	for (size_t q = 0; q < g->n_questions; q++) {
		const ov_question *qn = g->questions[q];

		printf("    {\n");
		jstr(6, "key", qn->key, ",");
		jnum(6, "number", (size_t)qn->number, ",");
		jstr(6, "pillar", qn->pillar, ",");
		jstr(6, "text", qn->text, ",");
		jkey(6, "distribution");
		printf("{\n");
		for (size_t k = 0; k < OV_NAT_GRADES; k++)
			jnum(8, slot_code(k), g->dist[q][k],
			     k + 1 < OV_NAT_GRADES ? "," : "");
		printf("      },\n");
		jkey(6, "grades");
		printf(g->n_forces ? "{\n" : "{}\n");
		for (size_t f = 0; f < g->n_forces; f++) {
			const ov_peel_cell *c = &g->cells[q * g->n_forces + f];

			jkey(8, g->forces[f]->code);
			printf("{\"grade\": ");
			ov_json_put_string(stdout, cell_code(c));
			printf(", \"carried_from\": ");
			if (carried(g, f, c))
				ov_json_put_string(stdout, carried(g, f, c));
			else
				fputs("null", stdout);
			printf("}%s\n", f + 1 < g->n_forces ? "," : "");
		}
		if (g->n_forces)
			printf("      }\n");
		printf("    }%s\n", q + 1 < g->n_questions ? "," : "");
	}
	if (g->n_questions)
		printf("  ]\n");
	printf("}\n");
}

static void grades_csv(const ov_national_grades *g)
{
	static const char *const head[] = {
	    "key",        "number", "question",    "force",
	    "assessment", "grade",  "carried_from"};

	for (size_t k = 0; k < sizeof head / sizeof *head; k++)
		ov_csv_field(stdout, head[k], k == 0);
	ov_csv_end(stdout);
	for (size_t q = 0; q < g->n_questions; q++)
		for (size_t f = 0; f < g->n_forces; f++) {
			const ov_peel_cell *c = &g->cells[q * g->n_forces + f];

			ov_csv_field(stdout, g->questions[q]->key, true);
			csv_num((size_t)g->questions[q]->number);
			ov_csv_field(stdout, g->questions[q]->text, false);
			ov_csv_field(stdout, g->forces[f]->code, false);
			ov_csv_field(stdout,
			             g->current[f] ? g->current[f]->id : NULL,
			             false);
			ov_csv_field(stdout, cell_code(c), false);
			ov_csv_field(stdout, carried(g, f, c), false);
			ov_csv_end(stdout);
		}
}

/* The distribution: a row per question, a column per grade. */
static void grades_dist(const ov_national_grades *g)
{
	static const char *const head[] = {"No.",  "Question", "Out",  "Good",
	                                   "Adeq", "RI",       "Inad", "TBI",
	                                   "NG",   "None"};
	enum { NC = sizeof head / sizeof *head };
	ov_table *t = ov_table_new(NC, head);

	ov_table_flex(t, 1);
	for (size_t q = 0; q < g->n_questions; q++) {
		char *cells[NC] = {num((size_t)g->questions[q]->number),
		                   ov_xstrdup(g->questions[q]->text)};

		for (size_t k = 0; k < OV_NAT_GRADES; k++)
			cells[2 + k] = num(g->dist[q][k]);
		ov_table_add(t, (const char *const *)cells);
		for (size_t k = 0; k < NC; k++)
			free(cells[k]);
	}
	ov_table_print(t, stdout, 80);
	ov_table_free(t);
	fputs("\nOut: Outstanding, Adeq: Adequate (peel-2021 only), RI: "
	      "Requires improvement,\nInad: Inadequate, TBI: To be "
	      "inspected, NG: Not graded, None: no grade known\n\n",
	      stdout);
}

/* Each force's grade: a row per question and force. */
static void grades_each(const ov_national_grades *g)
{
	static const char *const head[] = {"Force", "No.", "Grade",
	                                   "Assessment"};
	ov_table *t = ov_table_new(4, head);

	ov_table_flex(t, 2);
	ov_table_flex(t, 3);
	for (size_t q = 0; q < g->n_questions; q++)
		for (size_t f = 0; f < g->n_forces; f++) {
			const ov_peel_cell *c = &g->cells[q * g->n_forces + f];
			const char *from = carried(g, f, c);
			char *n = num((size_t)g->questions[q]->number);
			char *grade =
			    from ? ov_xasprintf("%s (carried from %s)",
			                        ov_grade_label(c->grade),
			                        assessment_name(c->from))
			         : ov_xstrdup(c->grade == OV_GRADE_NONE
			                          ? "Not known"
			                          : ov_grade_label(c->grade));
			const char *cells[4] = {g->forces[f]->code, n, grade,
			                        assessment_name(g->current[f])};

			ov_table_add(t, cells);
			free(n);
			free(grade);
		}
	ov_table_done(t, "grade", "grades");
}

static void grades_table(const ov_national_grades *g)
{
	char day[11];

	ov_date_format(g->as_at, day);
	printf("PEEL grades across %zu force%s as at %s (each force's latest "
	       "assessment)\n\n",
	       g->n_forces, g->n_forces == 1 ? "" : "s", day);
	grades_dist(g);
	grades_each(g);
}

void ov_nat_print_grades(const ov_national_grades *g, enum ov_nat_fmt f)
{
	if (f == OV_NAT_JSON)
		grades_json(g);
	else if (f == OV_NAT_CSV)
		grades_csv(g);
	else
		grades_table(g);
}
