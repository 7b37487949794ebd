/* oversight export: the register as JSON (the interchange format), CSV or
 * an XLSX tracker (app/app.h: ov_app_export). */
#include <stddef.h>
#include <stdio.h>

#include "cli/command.h"
#include "cli/opts.h"

static const char usage[] =
	"usage: oversight [--db PATH] export [-o FILE] [--format json|xlsx|csv]"
	"\n                                   [--as-at YYYY-MM-DD]\n\n"
	"Write the register.  json (the default) is the whole dataset in the\n"
	"oversight/1 interchange format, which 'import' reads back; csv is\n"
	"the recommendations as they stood on the --as-at date (default\n"
	"today); xlsx is the tracker workbook as at that date and needs -o.\n\n"
	"  -o, --output FILE   write to FILE (default: standard output)\n"
	"  --format F          json, xlsx or csv\n"
	"  --as-at DATE        for csv and xlsx (default: today)\n";

typedef struct req {
	const char *out, *format;
	ov_day as_at;
	enum ov_export_fmt fmt;
} req;

static const ov_cli_arg args[] = {
	{"output", 'o', OV_ARG_STR, offsetof(req, out)},
	{"format", 0, OV_ARG_STR, offsetof(req, format)},
	{"as-at", 0, OV_ARG_DATE, offsetof(req, as_at)},
};

/* In the order of enum ov_export_fmt. */
static const char *const formats[] = {"json", "csv", "xlsx", NULL};

static int check(const ov_cli_ctx *c, void *ctx)
{
	req *r = ctx;
	int f = ov_cli_choice(c->cmd->name, "format", r->format, formats);

	if (f < 0)
		return OV_EXIT_USAGE;
	r->fmt = (enum ov_export_fmt)f;
	if (r->fmt == OV_EXPORT_JSON && r->as_at != OV_DAY_NONE) {
		ov_cli_err(c->cmd->name, "--as-at applies to csv and xlsx; "
			   "json holds the whole timeline");
		return OV_EXIT_USAGE;
	}
	if (r->as_at == OV_DAY_NONE)
		r->as_at = ov_date_today();
	if (!r->out)
		r->out = "-";
	return -1;
}

OV_CLI_CALL(call, req, ov_app_export(a, r->fmt, r->as_at, r->out, d))

const ov_cli_command ov_cmd_export = {
	.name = "export", .usage = usage,
	.summary = "write the register as JSON, CSV or XLSX",
	.args = OV_CLI_ARGS(args), .req_size = sizeof(req), .check = check,
	.call = call,
};
