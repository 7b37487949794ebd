/* oversight meetings: the committee meetings the register writes papers
 * for, in date order. */
#include <stdlib.h>
#include <string.h>

#include "cli/opts.h"
#include "cli/table.h"
#include "util/mem.h"

static const char usage[] =
	"usage: oversight [--db PATH] meetings\n\n"
	"List the committee meetings: date, committee, agenda item, title\n"
	"and id (for 'oversight paper').\n";

static int call(ov_app *a, void *ctx, ov_diag *d)
{
	return ov_app_meetings(a, ctx, d);
}

static void print(const ov_list *l)
{
	static const char *const head[] = {"Date", "Committee", "Item",
					   "Title", "Id"};
	ov_table *t = ov_table_new(5, head);

	ov_table_flex(t, 1);
	ov_table_flex(t, 3);
	ov_table_flex(t, 4);
	for (size_t i = 0; i < l->n; i++) {
		const ov_meeting *m = l->items[i];
		char day[11];
		const char *cells[5] = {day, m->committee, m->agenda_item,
					m->title, m->id};

		ov_date_format(m->date, day);
		ov_table_add(t, cells);
	}
	ov_table_print(t, stdout, 80);
	printf("%zu meeting%s\n", l->n, l->n == 1 ? "" : "s");
	ov_table_free(t);
}

int ov_cmd_meetings(ov_cli *cli, int argc, char **argv)
{
	static const ov_opt spec[] = {{0}};
	ov_list l = {0};
	size_t npos;
	int rc;

	rc = ov_cli_parse("meetings", usage, argc, argv, spec, NULL, 0,
			  &npos);
	if (rc >= 0)
		return rc;
	rc = ov_cli_run(cli, "meetings", spec, call, &l);
	if (rc == OV_EXIT_OK) {
		print(&l);
		rc = ov_cli_flush("meetings", rc);
	}
	ov_list_release(&l);
	return rc;
}
