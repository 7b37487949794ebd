/* oversight export: the register as JSON (the interchange format), CSV or
 * an XLSX tracker (app/app.h: ov_app_export). */
#include <stdio.h>
#include <string.h>

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
	enum ov_export_fmt fmt;
	ov_day as_at;
	const char *out;
} req;

static int parse_format(const char *s, enum ov_export_fmt *out)
{
	if (!s || strcmp(s, "json") == 0)
		*out = OV_EXPORT_JSON;
	else if (strcmp(s, "csv") == 0)
		*out = OV_EXPORT_CSV;
	else if (strcmp(s, "xlsx") == 0)
		*out = OV_EXPORT_XLSX;
	else
		return -1;
	return 0;
}

static int call(ov_app *a, void *ctx, ov_diag *d)
{
	const req *r = ctx;

	return ov_app_export(a, r->fmt, r->as_at, r->out, d);
}

int ov_cmd_export(ov_cli *cli, int argc, char **argv)
{
	const char *format = NULL, *as_at_s = NULL;
	req r = {OV_EXPORT_JSON, OV_DAY_NONE, NULL};
	const ov_opt spec[] = {
		{"output", 'o', true, &r.out, NULL},
		{"format", 0, true, &format, NULL},
		{"as-at", 0, true, &as_at_s, NULL},
		{0},
	};
	size_t npos;
	int rc;

	rc = ov_cli_parse("export", usage, argc, argv, spec, NULL, 0, &npos);
	if (rc >= 0)
		return rc;
	if (parse_format(format, &r.fmt) != 0) {
		ov_cli_err("export", "--format: '%s' is not one of json, xlsx, "
			   "csv", format);
		return OV_EXIT_USAGE;
	}
	if (ov_cli_date("export", "as-at", as_at_s, ov_date_today(),
			&r.as_at) != 0)
		return OV_EXIT_USAGE;
	if (r.fmt == OV_EXPORT_JSON && as_at_s) {
		ov_cli_err("export", "--as-at applies to csv and xlsx; json "
			   "holds the whole timeline");
		return OV_EXIT_USAGE;
	}
	if (!r.out)
		r.out = "-";
	return ov_cli_run(cli, "export", spec, call, &r);
}
