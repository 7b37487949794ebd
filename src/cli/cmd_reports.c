/* oversight reports: the inspection reports in the register. */
#include <stdlib.h>
#include <string.h>

#include "cli/opts.h"
#include "cli/table.h"
#include "util/mem.h"

static const char usage[] =
	"usage: oversight [--db PATH] reports\n\n"
	"List the inspection reports: id, publication date, kind, title and\n"
	"how many recommendations the register holds from each.\n";

static size_t count_recs(const ov_dataset *ds, const char *report)
{
	size_t n = 0;

	for (size_t i = 0; i < ds->n_recs; i++)
		if (ds->recs[i].report && strcmp(ds->recs[i].report, report) == 0)
			n++;
	return n;
}

int ov_cmd_reports(ov_cli *cli, int argc, char **argv)
{
	static const char *const head[] = {"Id", "Published", "Kind", "Title",
					   "Recs"};
	static const ov_opt spec[] = {{0}};
	ov_dataset *ds = NULL;
	ov_store *s = NULL;
	ov_table *t;
	size_t npos;
	int rc;

	rc = ov_cli_parse("reports", usage, argc, argv, spec, NULL, 0, &npos);
	if (rc >= 0)
		return rc;
	rc = ov_cli_open(cli, "reports", &s);
	if (rc == OV_EXIT_OK)
		rc = ov_cli_load(s, "reports", &ds);
	if (rc != OV_EXIT_OK)
		goto out;
	t = ov_table_new(5, head);
	ov_table_flex(t, 0);
	ov_table_flex(t, 3);
	for (size_t i = 0; i < ds->n_reports; i++) {
		const ov_report *r = &ds->reports[i];
		char pub[11];
		char *n = ov_xasprintf("%zu", count_recs(ds, r->id));
		const char *cells[5] = {r->id, pub,
					ov_report_kind_code(r->kind), r->title,
					n};

		ov_pdate_format(r->published, pub);
		ov_table_add(t, cells);
		free(n);
	}
	ov_table_print(t, stdout, 80);
	printf("%zu report%s\n", ds->n_reports, ds->n_reports == 1 ? "" : "s");
	ov_table_free(t);
out:
	ov_dataset_free(ds);
	ov_store_close(s);
	return rc;
}
