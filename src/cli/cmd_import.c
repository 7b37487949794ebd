/* oversight import: read an oversight/1 document, validate all of it, then
 * add it to the store in one transaction (all or nothing). */
#include <stdio.h>
#include <unistd.h>

#include "cli/opts.h"
#include "io/json.h"

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

static size_t count_events(const ov_dataset *ds)
{
	size_t n = 0;

	for (size_t i = 0; i < ds->n_recs; i++)
		n += ds->recs[i].n_events;
	return n;
}

int ov_cmd_import(ov_cli *cli, int argc, char **argv)
{
	bool replace = false;
	const ov_opt spec[] = {{"replace", 0, false, NULL, &replace}, {0}};
	const char *path = NULL;
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *ds = NULL;
	ov_store *s = NULL;
	ov_store_rc src;
	bool tty;
	size_t npos;
	int rc;

	rc = ov_cli_parse("import", usage, argc, argv, spec, &path, 1, &npos);
	if (rc >= 0)
		return rc;
	if (!path) {
		ov_cli_err("import", "no FILE given");
		ov_cli_usage_hint("import");
		return OV_EXIT_USAGE;
	}
	if (ov_json_read_file(path, &ds, &d) != 0) {
		ov_cli_diag("import", &d);
		ov_cli_err("import", "%s: %zu problem%s; nothing imported",
			   path, ov_diag_count(&d),
			   ov_diag_count(&d) == 1 ? "" : "s");
		rc = OV_EXIT_USAGE;
		goto out;
	}
	rc = ov_cli_open(cli, "import", &s);
	if (rc != OV_EXIT_OK)
		goto out;
	tty = isatty(STDERR_FILENO);
	src = ov_store_import(s, ds, replace, tty ? progress : NULL, NULL, &d);
	if (tty)
		fputc('\n', stderr);
	if (src != OV_STORE_OK) {
		ov_cli_diag("import", &d);
		ov_cli_err("import", "nothing imported");
		rc = ov_cli_store_exit(src);
		goto out;
	}
	printf("imported %s: %zu reports, %zu recommendations (%zu events), "
	       "%zu people, %zu assessments, %zu activities, %zu meetings%s\n",
	       path, ds->n_reports, ds->n_recs, count_events(ds),
	       ds->n_people, ds->n_assessments, ds->n_activities,
	       ds->n_meetings, replace ? " (register replaced)" : "");
	rc = OV_EXIT_OK;
out:
	ov_store_close(s);
	ov_dataset_free(ds);
	ov_diag_release(&d);
	return rc;
}
