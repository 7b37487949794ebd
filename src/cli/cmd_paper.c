/*
 * oversight paper --meeting DATE [--committee NAME] [--force CODE]
 *                 --format md|html|pdf [-o FILE]
 * Writes the committee paper for a meeting, from the data as it stood on
 * the meeting date.  Output goes through ov_outfile: on any error no
 * partial file is left.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/cli.h"
#include "paper/doc.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/file.h"

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

/* The meeting on `date` (of `committee`, `force` if given); when none or
 * several match, a message listing the meetings there are. */
static const ov_meeting *find_meeting(const ov_dataset *ds, ov_day date,
				      const char *committee, const char *force,
				      const char *date_s)
{
	const ov_meeting *hit = NULL;
	const char *named = committee;
	size_t n = 0;
	ov_buf list = OV_BUF_INIT;

	for (size_t i = 0; i < ds->n_meetings; i++) {
		const ov_meeting *m = &ds->meetings[i];
		char iso[11];

		if ((!committee || (m->committee &&
				    strcasecmp(m->committee, committee) == 0)) &&
		    (!force || (m->force && strcmp(m->force, force) == 0))) {
			if (!named)
				named = m->committee;
			ov_date_format(m->date, iso);
			ov_buf_printf(&list, "%s%s", list.len ? ", " : "", iso);
			if (m->date == date) {
				hit = m;
				n++;
			}
		}
	}
	if (n == 1) {
		ov_buf_release(&list);
		return hit;
	}
	if (n == 0)
		fprintf(stderr, "oversight paper: no meeting of the %s on %s; "
			"meetings on: %s\n",
			named ? named : "committee", date_s,
			list.len ? ov_buf_str(&list) : "(none)");
	else
		fprintf(stderr, "oversight paper: %zu meetings on %s; say "
			"which with --committee NAME or --force CODE\n", n,
			date_s);
	ov_buf_release(&list);
	return NULL;
}

int ov_cmd_paper(ov_cli *cli, int argc, char **argv)
{
	const char *date_s = NULL, *committee = NULL, *force = NULL;
	const char *format = NULL, *out_path = "-";
	int (*render)(const ov_paper *, FILE *, ov_diag *) = NULL;
	ov_diag d = OV_DIAG_INIT;
	ov_store *st = NULL;
	ov_dataset *ds = NULL;
	ov_paper *paper = NULL;
	ov_outfile of = {0};
	const ov_meeting *m;
	ov_day date;
	int rc = OV_EXIT_USAGE;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **dst = strcmp(a, "--meeting") == 0 ? &date_s
			: strcmp(a, "--committee") == 0 ? &committee
			: strcmp(a, "--force") == 0 ? &force
			: strcmp(a, "--format") == 0 ? &format
			: (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0)
			? &out_path : NULL;

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return OV_EXIT_OK;
		}
		if (!dst)
			return usage(stderr),
			       fail(OV_EXIT_USAGE, "unknown option '%s'", a);
		if (i + 1 >= argc)
			return fail(OV_EXIT_USAGE, "%s needs a value", a);
		*dst = argv[++i];
	}
	if (!date_s)
		return usage(stderr), fail(OV_EXIT_USAGE, "%s",
					   "--meeting DATE is required");
	if (ov_date_parse(date_s, &date) < 0)
		return fail(OV_EXIT_USAGE, "--meeting: '%s' is not a date "
			    "(expected YYYY-MM-DD)", date_s);
	if (!format || strcmp(format, "md") == 0)
		render = ov_paper_render_md;
	else if (strcmp(format, "html") == 0)
		render = ov_paper_render_html;
	else if (strcmp(format, "pdf") == 0)
		render = ov_paper_render_pdf;
	else
		return fail(OV_EXIT_USAGE, "--format: '%s' is not one of md, "
			    "html, pdf", format);
	if (render == ov_paper_render_pdf && strcmp(out_path, "-") == 0 &&
	    isatty(STDOUT_FILENO))
		return fail(OV_EXIT_USAGE, "%s", "--format pdf: will not write "
			    "a PDF to a terminal; use -o FILE");

	rc = OV_EXIT_RUNTIME;
	if (ov_store_open(cli->db_path, false, &st, &d) != OV_STORE_OK ||
	    ov_store_load(st, force, &ds, &d) != OV_STORE_OK)
		goto out;
	m = find_meeting(ds, date, committee, force, date_s);
	if (!m) {
		rc = OV_EXIT_USAGE;
		goto out;
	}
	if (ov_paper_build(ds, m, &paper, &d) < 0)
		goto out;
	if (ov_outfile_open(&of, out_path, &d) < 0)
		goto out;
	if (render(paper, of.f, &d) < 0) {
		ov_outfile_abort(&of);
		goto out;
	}
	if (ov_outfile_commit(&of, &d) < 0)
		goto out;
	rc = OV_EXIT_OK;
out:
	ov_diag_print(&d, stderr, "oversight paper");
	ov_diag_release(&d);
	ov_paper_free(paper);
	ov_dataset_free(ds);
	ov_store_close(st);
	return rc;
}
