/* oversight export: the register as JSON (the interchange format), CSV or
 * an XLSX tracker.  Files are written whole or not at all. */
#include <stdio.h>
#include <string.h>

#include "cli/opts.h"
#include "io/csv.h"
#include "io/json.h"
#include "io/xlsx.h"
#include "util/file.h"

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

enum fmt { FMT_JSON, FMT_CSV, FMT_XLSX };

static int parse_format(const char *s, enum fmt *out)
{
	if (!s || strcmp(s, "json") == 0)
		*out = FMT_JSON;
	else if (strcmp(s, "csv") == 0)
		*out = FMT_CSV;
	else if (strcmp(s, "xlsx") == 0)
		*out = FMT_XLSX;
	else
		return -1;
	return 0;
}

/* JSON or CSV through an ov_outfile; returns 0 or -1 with d filled. */
static int write_text(const ov_dataset *ds, enum fmt fmt, ov_day as_at,
		      const char *path, ov_diag *d)
{
	ov_outfile o;
	int r;

	if (ov_outfile_open(&o, path, d) != 0)
		return -1;
	r = fmt == FMT_JSON ? ov_json_write(ds, o.f, d)
			    : ov_csv_write_recs(ds, as_at, o.f, d);
	if (r != 0) {
		ov_outfile_abort(&o);
		return -1;
	}
	return ov_outfile_commit(&o, d);
}

int ov_cmd_export(ov_cli *cli, int argc, char **argv)
{
	const char *out = NULL, *format = NULL, *as_at_s = NULL;
	const ov_opt spec[] = {
		{"output", 'o', true, &out, NULL},
		{"format", 0, true, &format, NULL},
		{"as-at", 0, true, &as_at_s, NULL},
		{0},
	};
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *ds = NULL;
	ov_store *s = NULL;
	enum fmt fmt;
	ov_day as_at;
	size_t npos;
	int rc;

	rc = ov_cli_parse("export", usage, argc, argv, spec, NULL, 0, &npos);
	if (rc >= 0)
		return rc;
	if (parse_format(format, &fmt) != 0) {
		ov_cli_err("export", "--format: '%s' is not one of json, xlsx, "
			   "csv", format);
		return OV_EXIT_USAGE;
	}
	if (ov_cli_date("export", "as-at", as_at_s, ov_date_today(),
			&as_at) != 0)
		return OV_EXIT_USAGE;
	if (fmt == FMT_JSON && as_at_s) {
		ov_cli_err("export", "--as-at applies to csv and xlsx; json "
			   "holds the whole timeline");
		return OV_EXIT_USAGE;
	}
	if (fmt == FMT_XLSX && (!out || strcmp(out, "-") == 0)) {
		ov_cli_err("export", "--format xlsx needs -o FILE");
		return OV_EXIT_USAGE;
	}
	rc = ov_cli_open(cli, "export", &s);
	if (rc == OV_EXIT_OK)
		rc = ov_cli_load(s, "export", &ds);
	if (rc != OV_EXIT_OK)
		goto out;
	if (fmt == FMT_XLSX ? ov_xlsx_write(ds, as_at, out, &d)
			    : write_text(ds, fmt, as_at, out ? out : "-", &d)) {
		ov_cli_diag("export", &d);
		rc = OV_EXIT_RUNTIME;
	}
out:
	ov_store_close(s);
	ov_dataset_free(ds);
	ov_diag_release(&d);
	return rc;
}
