/* oversight summary: the register in a dozen lines, as it stood on a
 * date (what `make run` prints). */
#include <stdlib.h>

#include "cli/opts.h"
#include "util/mem.h"

static const char usage[] =
	"usage: oversight [--db PATH] summary [--as-at D]\n\n"
	"Summarise the register as it stood on --as-at (default today):\n"
	"reports published by then, recommendations by status and by RAG,\n"
	"overdue ones, closures in the last quarter, activities, meetings and\n"
	"the current PEEL assessment of each force.\n";

#define N_STATUS (OV_STATUS_NA + 1)
#define N_RAG (OV_RAG_GREEN + 1)

static void line(const char *label, size_t n)
{
	printf("  %-30s %5zu\n", label, n);
}

static void print_peel(const ov_summary *s)
{
	for (size_t i = 0; i < s->ds->n_forces; i++) {
		const ov_assessment *a = s->peel[i];
		char *label = ov_xasprintf("PEEL assessment (%s)",
					   s->ds->forces[i].code);

		printf("  %-30s %s\n", label,
		       a ? (a->label ? a->label : a->id) : "none");
		free(label);
	}
}

static void print_tally(const ov_summary *s)
{
	char day[11];
	char *label;

	line("Recommendations", s->recs);
	for (int st = 0; st < N_STATUS; st++) {
		label = ov_xasprintf("  %s", ov_status_label(st));
		line(label, s->by_status[st]);
		free(label);
	}
	line("Open or closure proposed", s->live);
	for (int r = 0; r < N_RAG; r++) {
		label = ov_xasprintf("  RAG %s", ov_rag_label(r));
		line(label, s->by_rag[r]);
		free(label);
	}
	line("  RAG not set", s->unrated);
	line("  Overdue", s->overdue);
	ov_date_format(s->since, day);
	label = ov_xasprintf("Closed since %s", day);
	line(label, s->closed_recent);
	free(label);
}

typedef struct req {
	ov_day as_at;
	ov_summary s;
} req;

static int call(ov_app *a, void *ctx, ov_diag *d)
{
	req *r = ctx;

	return ov_app_summary(a, r->as_at, &r->s, d);
}

int ov_cmd_summary(ov_cli *cli, int argc, char **argv)
{
	const char *as_at_s = NULL;
	const ov_opt spec[] = {{"as-at", 0, true, &as_at_s, NULL}, {0}};
	req r = {0};
	char day[11];
	size_t npos;
	int rc;

	rc = ov_cli_parse("summary", usage, argc, argv, spec, NULL, 0, &npos);
	if (rc >= 0)
		return rc;
	if (ov_cli_date("summary", "as-at", as_at_s, ov_date_today(), &r.as_at))
		return OV_EXIT_USAGE;
	rc = ov_cli_run(cli, "summary", spec, call, &r);
	if (rc == OV_EXIT_OK) {
		ov_date_format(r.as_at, day);
		printf("Register as at %s\n", day);
		print_tally(&r.s);
		line("Inspection reports", r.s.reports);
		line("Activities", r.s.activities);
		line("Committee meetings", r.s.meetings);
		print_peel(&r.s);
		rc = ov_cli_flush("summary", rc);
	}
	ov_summary_release(&r.s);
	return rc;
}
