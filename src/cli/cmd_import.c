/* oversight import: an oversight/1 document into the register, all or
 * nothing (app/app.h: ov_app_import). */
#include <stdio.h>
#include <unistd.h>

#include "cli/opts.h"

static const char usage[] =
	"usage: oversight [--db PATH] import FILE.json [--replace]\n\n"
	"Add the dataset in FILE.json (\"-\" for standard input) to the\n"
	"database.  The whole document is checked first; on any problem every\n"
	"problem is listed and nothing is written.  Ids already in the\n"
	"database are refused unless --replace, which first deletes\n"
	"everything.\n\n"
	"  --replace   replace the whole register with the document\n";

/* Progress on a terminal only, so logs and pipes stay clean. */
static void progress(size_t done, size_t total, void *arg)
{
	(void)arg;
	fprintf(stderr, "\rimporting: %zu/%zu recommendations", done, total);
	fflush(stderr);
}

typedef struct req {
	const char *path;
	bool replace, tty;
	ov_import_stats stats;
} req;

static int call(ov_app *a, void *ctx, ov_diag *d)
{
	req *r = ctx;
	int rc = ov_app_import(a, r->path, r->replace,
			       r->tty ? progress : NULL, NULL, &r->stats, d);
	size_t n = ov_diag_count(d);

	if (r->tty)
		fputc('\n', stderr);
	if (rc < 0 && ov_diag_kind(d) == OV_PROB_INPUT)
		ov_diag_at(d, OV_PROB_INPUT, r->path,
			   "%zu problem%s; nothing imported", n,
			   n == 1 ? "" : "s");
	else if (rc < 0)
		ov_diag_at(d, OV_PROB_RUNTIME, NULL, "nothing imported");
	return rc;
}

int ov_cmd_import(ov_cli *cli, int argc, char **argv)
{
	req r = {0};
	const ov_opt spec[] = {{"replace", 0, false, NULL, &r.replace}, {0}};
	size_t npos;
	int rc;

	rc = ov_cli_parse("import", usage, argc, argv, spec, &r.path, 1,
			  &npos);
	if (rc >= 0)
		return rc;
	if (!r.path) {
		ov_cli_err("import", "no FILE given");
		ov_cli_usage_hint("import");
		return OV_EXIT_USAGE;
	}
	r.tty = isatty(STDERR_FILENO);
	rc = ov_cli_run(cli, "import", spec, call, &r);
	if (rc != OV_EXIT_OK)
		return rc;
	printf("imported %s: %zu reports, %zu recommendations (%zu events), "
	       "%zu people, %zu assessments, %zu activities, %zu meetings%s\n",
	       r.path, r.stats.reports, r.stats.recs, r.stats.events,
	       r.stats.people, r.stats.assessments, r.stats.activities,
	       r.stats.meetings, r.replace ? " (register replaced)" : "");
	return OV_EXIT_OK;
}
