/* oversight summary: the register in a dozen lines, as it stood on a
 * date (what `make run` prints). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/command.h"
#include "cli/national.h"
#include "cli/opts.h"
#include "cli/table.h"
#include "util/mem.h"

static const char usage[] =
	"usage: oversight [--db PATH] summary [--as-at D]\n"
	"       oversight [--db PATH] summary --by-force [--as-at D]\n"
	"                 [--force CODE] [--format table|json|csv]\n\n"
	"Summarise the register as it stood on --as-at (default today):\n"
	"reports published by then, recommendations by status and by RAG,\n"
	"overdue ones, closures in the last quarter, activities, meetings and\n"
	"the current PEEL assessment of each force.\n\n"
	"With --by-force, the same figures for each force (the national\n"
	"view; --force CODE: that force only): its recommendations by status\n"
	"and RAG, overdue, closed in the last quarter, the reports published\n"
	"by then that its register holds recommendations of, its activities,\n"
	"meetings and current PEEL assessment (json and csv give every figure;\n"
	"the table the main ones).\n";

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
	bool by_force;
	const char *force, *format;
	enum ov_nat_fmt fmt;
	ov_summary s;
	ov_national_summary ns;
} req;

static const ov_cli_arg args[] = {
	{"as-at", 0, OV_ARG_TODAY, offsetof(req, as_at)},
	{"by-force", 0, OV_ARG_FLAG, offsetof(req, by_force)},
	{"force", 0, OV_ARG_STR, offsetof(req, force)},
	{"format", 0, OV_ARG_STR, offsetof(req, format)},
};

/* --force and --format belong to --by-force. */
static int check(const ov_cli_ctx *c, void *ctx)
{
	req *r = ctx;
	int f;

	if (!r->by_force && (r->force || r->format)) {
		ov_cli_err(c->cmd->name, "--%s needs --by-force",
		           r->force ? "force" : "format");
		ov_cli_usage_hint(c->cmd->name);
		return OV_EXIT_USAGE;
	}
	f = ov_cli_choice(c->cmd->name, "format", r->format, ov_nat_formats);
	if (f < 0)
		return OV_EXIT_USAGE;
	r->fmt = (enum ov_nat_fmt)f;
	return -1;
}

OV_CLI_CALL(call, req,
            r->by_force
                ? ov_app_summary_by_force(a, r->as_at, r->force, &r->ns, d)
                : ov_app_summary(a, r->as_at, &r->s, d))

OV_CLI_SHOW(show, req)
{
	char day[11];

	if (r->by_force) {
		ov_nat_print_summary(&r->ns, r->fmt);
		return;
	}
	ov_date_format(r->as_at, day);
	printf("Register as at %s\n", day);
	print_tally(&r->s);
	line("Inspection reports", r->s.reports);
	line("Activities", r->s.activities);
	line("Committee meetings", r->s.meetings);
	print_peel(&r->s);
}

OV_CLI_RELEASE(release, req,
               (ov_summary_release(&r->s),
                ov_national_summary_release(&r->ns)))

const ov_cli_command ov_cmd_summary = {
	.name = "summary", .summary = "summarise the register as at a date",
	.usage = usage, .args = OV_CLI_ARGS(args), .req_size = sizeof(req),
	.check = check, .call = call, .show = show, .release = release,
};
