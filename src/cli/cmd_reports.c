/* oversight reports: the inspection reports in the register. */
#include <stdlib.h>

#include "cli/opts.h"
#include "cli/table.h"
#include "util/mem.h"

static const char usage[] =
	"usage: oversight [--db PATH] reports\n\n"
	"List the inspection reports: id, publication date, kind, title and\n"
	"how many recommendations the register holds from each.\n";

static int call(ov_app *a, void *ctx, ov_diag *d)
{
	return ov_app_reports(a, ctx, d);
}

static void print(const ov_report_list *l)
{
	static const char *const head[] = {"Id", "Published", "Kind", "Title",
					   "Recs"};
	const ov_dataset *ds = l->ds;
	ov_table *t = ov_table_new(5, head);

	ov_table_flex(t, 0);
	ov_table_flex(t, 3);
	for (size_t i = 0; i < ds->n_reports; i++) {
		const ov_report *r = &ds->reports[i];
		char pub[11];
		char *n = ov_xasprintf("%zu", l->n_recs[i]);
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
}

int ov_cmd_reports(ov_cli *cli, int argc, char **argv)
{
	static const ov_opt spec[] = {{0}};
	ov_report_list l = {0};
	size_t npos;
	int rc;

	rc = ov_cli_parse("reports", usage, argc, argv, spec, NULL, 0, &npos);
	if (rc >= 0)
		return rc;
	rc = ov_cli_run(cli, "reports", spec, call, &l);
	if (rc == OV_EXIT_OK) {
		print(&l);
		rc = ov_cli_flush("reports", rc);
	}
	ov_report_list_release(&l);
	return rc;
}
