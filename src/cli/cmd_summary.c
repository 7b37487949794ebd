/* oversight summary: the register in a dozen lines, as it stood on a
 * date (what `make run` prints). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/command.h"
#include "cli/table.h"
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
		char *vis = ov_term_text(label, true);

		printf("  %-30s ", vis);
		ov_term_puts(a ? (a->label ? a->label : a->id) : "none",
			     stdout);
		putchar('\n');
		free(vis);
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

static const ov_cli_arg args[] = {
	{"as-at", 0, OV_ARG_TODAY, offsetof(req, as_at)},
};

OV_CLI_CALL(call, req, ov_app_summary(a, r->as_at, &r->s, d))

OV_CLI_SHOW(show, req)
{
	char day[11];

	ov_date_format(r->as_at, day);
	printf("Register as at %s\n", day);
	print_tally(&r->s);
	line("Inspection reports", r->s.reports);
	line("Activities", r->s.activities);
	line("Committee meetings", r->s.meetings);
	print_peel(&r->s);
}

OV_CLI_RELEASE(release, req, ov_summary_release(&r->s))

const ov_cli_command ov_cmd_summary = {
	.name = "summary", .summary = "summarise the register as at a date",
	.usage = usage, .args = OV_CLI_ARGS(args), .req_size = sizeof(req),
	.call = call, .show = show, .release = release,
};
