/*
 * oversight paper --meeting DATE [--committee NAME] [--force CODE]
 *                 --format md|html|pdf [-o FILE]
 * Writes the committee paper for a meeting, from the data as it stood on
 * the meeting date (app/app.h: ov_app_paper); on any error no partial
 * file is left.
 */
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include "cli/command.h"
#include "cli/opts.h"

static const char usage[] =
	"usage: oversight paper --meeting YYYY-MM-DD [--committee NAME] "
	"[--force CODE]\n"
	"                       --format md|html|pdf [-o FILE]\n";

typedef struct req {
	const char *meeting, *committee, *force, *format, *out;
	ov_day date;
	enum ov_paper_fmt fmt;
} req;

static const ov_cli_arg args[] = {
	{"meeting", 0, OV_ARG_STR, offsetof(req, meeting)},
	{"committee", 0, OV_ARG_STR, offsetof(req, committee)},
	{"force", 0, OV_ARG_STR, offsetof(req, force)},
	{"format", 0, OV_ARG_STR, offsetof(req, format)},
	{"output", 'o', OV_ARG_STR, offsetof(req, out)},
};

/* In the order of enum ov_paper_fmt. */
static const char *const formats[] = {"md", "html", "pdf", NULL};

static int check(const ov_cli_ctx *c, void *ctx)
{
	req *r = ctx;
	int f;

	if (!r->meeting) {
		ov_cli_err(c->cmd->name, "--meeting DATE is required");
		ov_cli_usage_hint(c->cmd->name);
		return OV_EXIT_USAGE;
	}
	if (ov_date_parse(r->meeting, &r->date) < 0) {
		ov_cli_err(c->cmd->name, "--meeting: '" OV_DIAG_Q "' is not a "
			   "date (expected YYYY-MM-DD)",
			   OV_DIAG_QV(r->meeting));
		return OV_EXIT_USAGE;
	}
	f = ov_cli_choice(c->cmd->name, "format", r->format, formats);
	if (f < 0)
		return OV_EXIT_USAGE;
	r->fmt = (enum ov_paper_fmt)f;
	if (!r->out)
		r->out = "-";
	if (r->fmt == OV_PAPER_PDF && strcmp(r->out, "-") == 0 &&
	    isatty(STDOUT_FILENO)) {
		ov_cli_err(c->cmd->name, "--format pdf: will not write a PDF "
			   "to a terminal; use -o FILE");
		return OV_EXIT_USAGE;
	}
	return -1;
}

OV_CLI_CALL(call, req,
	    ov_app_paper(a, r->date, r->committee, r->force, r->fmt, r->out,
			 d))

const ov_cli_command ov_cmd_paper = {
	.name = "paper", .usage = usage,
	.summary = "write the committee paper for a meeting",
	.args = OV_CLI_ARGS(args), .req_size = sizeof(req), .check = check,
	.call = call,
};
