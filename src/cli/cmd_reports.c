/* oversight reports: the inspection reports in the register. */
#include <stdlib.h>

#include "cli/command.h"
#include "cli/table.h"
#include "util/mem.h"

static const char usage[] =
	"usage: oversight [--db PATH] reports\n\n"
	"List the inspection reports: id, publication date, kind, title and\n"
	"how many recommendations the register holds from each.\n";

OV_CLI_CALL(call, ov_report_list, ov_app_reports(a, r, d))

OV_CLI_SHOW(show, ov_report_list)
{
	static const char *const head[] = {"Id", "Published", "Kind", "Title",
					   "Recs"};
	const ov_dataset *ds = r->ds;
	ov_table *t = ov_table_new(5, head);

	ov_table_flex(t, 0);
	ov_table_flex(t, 3);
	for (size_t i = 0; i < ds->n_reports; i++) {
		const ov_report *rep = &ds->reports[i];
		char pub[11];
		char *n = ov_xasprintf("%zu", r->n_recs[i]);
		const char *cells[5] = {rep->id, pub,
					ov_report_kind_code(rep->kind),
					rep->title, n};

		ov_pdate_format(rep->published, pub);
		ov_table_add(t, cells);
		free(n);
	}
	ov_table_done(t, "report", "reports");
}

OV_CLI_RELEASE(release, ov_report_list, ov_report_list_release(r))

const ov_cli_command ov_cmd_reports = {
	.name = "reports", .summary = "list inspection reports",
	.usage = usage, .req_size = sizeof(ov_report_list), .call = call,
	.show = show, .release = release,
};
