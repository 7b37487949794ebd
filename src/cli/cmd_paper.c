/*
 * oversight paper --meeting DATE [--committee NAME] [--force CODE]
 *                 --format md|html|pdf [-o FILE]
 * Writes the committee paper for a meeting, from the data as it stood on
 * the meeting date (app/app.h: ov_app_paper); on any error no partial
 * file is left.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/opts.h"

static void usage(FILE *f)
{
	fprintf(f, "usage: oversight paper --meeting YYYY-MM-DD "
		   "[--committee NAME] [--force CODE]\n"
		   "                       --format md|html|pdf [-o FILE]\n");
}

static int fail(int rc, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int fail(int rc, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "oversight paper: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return rc;
}

typedef struct req {
	ov_day date;
	const char *committee, *force, *out;
	enum ov_paper_fmt fmt;
} req;

static int call(ov_app *a, void *ctx, ov_diag *d)
{
	const req *r = ctx;

	return ov_app_paper(a, r->date, r->committee, r->force, r->fmt, r->out,
			    d);
}

int ov_cmd_paper(ov_cli *cli, int argc, char **argv)
{
	const char *date_s = NULL, *format = NULL;
	req r = {.out = "-"};
	const ov_opt spec[] = {
		{"meeting", 0, true, &date_s, NULL},
		{"committee", 0, true, &r.committee, NULL},
		{"force", 0, true, &r.force, NULL},
		{"format", 0, true, &format, NULL},
		{"output", 'o', true, &r.out, NULL},
		{0},
	};

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const ov_opt *o = NULL;

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return OV_EXIT_OK;
		}
		for (const ov_opt *s = spec; s->name && !o; s++)
			if ((a[0] == '-' && a[1] == '-' &&
			     strcmp(a + 2, s->name) == 0) ||
			    (s->alias && a[0] == '-' && a[1] == s->alias &&
			     !a[2]))
				o = s;
		if (!o)
			return usage(stderr),
			       fail(OV_EXIT_USAGE, "unknown option '%s'", a);
		if (i + 1 >= argc)
			return fail(OV_EXIT_USAGE, "%s needs a value", a);
		*o->arg = argv[++i];
	}
	if (!date_s)
		return usage(stderr), fail(OV_EXIT_USAGE, "%s",
					   "--meeting DATE is required");
	if (ov_date_parse(date_s, &r.date) < 0)
		return fail(OV_EXIT_USAGE, "--meeting: '%s' is not a date "
			    "(expected YYYY-MM-DD)", date_s);
	if (!format || strcmp(format, "md") == 0)
		r.fmt = OV_PAPER_MD;
	else if (strcmp(format, "html") == 0)
		r.fmt = OV_PAPER_HTML;
	else if (strcmp(format, "pdf") == 0)
		r.fmt = OV_PAPER_PDF;
	else
		return fail(OV_EXIT_USAGE, "--format: '%s' is not one of md, "
			    "html, pdf", format);
	if (r.fmt == OV_PAPER_PDF && strcmp(r.out, "-") == 0 &&
	    isatty(STDOUT_FILENO))
		return fail(OV_EXIT_USAGE, "%s", "--format pdf: will not write "
			    "a PDF to a terminal; use -o FILE");
	return ov_cli_run(cli, "paper", spec, call, &r);
}
