/* oversight reports: the inspection reports in the register, or one
 * report across forces (the national view, app/national.h). */
#include <stddef.h>
#include <stdlib.h>

#include "cli/command.h"
#include "cli/national.h"
#include "cli/opts.h"
#include "cli/table.h"
#include "util/mem.h"

static const char usage[] =
	"usage: oversight [--db PATH] reports\n"
	"       oversight [--db PATH] reports --across-forces --report ID\n"
	"                 [--as-at D] [--force CODE] [--format table|json|csv]\n\n"
	"List the inspection reports: id, publication date, kind, title and\n"
	"how many recommendations the register holds from each.\n\n"
	"With --across-forces, the national report --report ID across the\n"
	"forces whose\n"
	"registers hold its recommendations, as it stood on --as-at (default\n"
	"today): each recommendation with how many forces hold it and how\n"
	"many have it open, closure proposed, closed or overdue (json and csv\n"
	"also give superseded and not applicable).  The forces' copies of a\n"
	"recommendation are recognised by their words: the same report, kind,\n"
	"area and text (without text: area and subject); each is listed under\n"
	"its lowest ref.  --force CODE counts that force only.\n";

typedef struct req {
	const char *report, *force, *format;
	bool across;
	ov_day as_at;
	enum ov_nat_fmt fmt;
	ov_report_list list;
	ov_national_report nr;
} req;

static const ov_cli_arg args[] = {
	{"across-forces", 0, OV_ARG_FLAG, offsetof(req, across)},
	{"report", 0, OV_ARG_STR, offsetof(req, report)},
	{"as-at", 0, OV_ARG_TODAY, offsetof(req, as_at)},
	{"force", 0, OV_ARG_STR, offsetof(req, force)},
	{"format", 0, OV_ARG_STR, offsetof(req, format)},
};

/* The other options belong to --across-forces. */
static int check(const ov_cli_ctx *c, void *ctx)
{
	req *r = ctx;
	int f;

	if (!r->across && (r->report || r->force || r->format)) {
		ov_cli_err(c->cmd->name, "--%s needs --across-forces",
		           r->report  ? "report"
		           : r->force ? "force"
		                      : "format");
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
            r->across ? ov_app_report_across(a, r->report, r->as_at,
                                             r->force, &r->nr, d)
                      : ov_app_reports(a, &r->list, d))

static void show_list(const ov_report_list *r)
{
	static const char *const head[] = {"Id", "Published", "Kind", "Title",
					   "Recs"};
	const ov_dataset *ds = r->ds;
	ov_table *t = ov_table_new(5, head);

	ov_table_flex(t, 0);
	ov_table_flex(t, 3);
	for (size_t i = 0; i < ds->n_reports; i++) {
		const ov_report *rep = &ds->reports[i];
		char pub[11];
		char *n = ov_xasprintf("%zu", r->n_recs[i]);
		const char *cells[5] = {rep->id, pub,
					ov_report_kind_code(rep->kind),
					rep->title, n};

		ov_pdate_format(rep->published, pub);
		ov_table_add(t, cells);
		free(n);
	}
	ov_table_done(t, "report", "reports");
}

OV_CLI_SHOW(show, req)
{
	if (r->across)
		ov_nat_print_report(&r->nr, r->fmt);
	else
		show_list(&r->list);
}

OV_CLI_RELEASE(release, req,
               (ov_report_list_release(&r->list),
                ov_national_report_release(&r->nr)))

const ov_cli_command ov_cmd_reports = {
	.name = "reports", .summary = "list inspection reports",
	.usage = usage, .args = OV_CLI_ARGS(args), .req_size = sizeof(req),
	.check = check, .call = call, .show = show, .release = release,
};
