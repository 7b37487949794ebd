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

static int by_date(const void *a, const void *b)
{
	const ov_meeting *x = *(const ov_meeting *const *)a;
	const ov_meeting *y = *(const ov_meeting *const *)b;

	if (x->date != y->date)
		return (x->date > y->date) - (x->date < y->date);
	return strcmp(x->id, y->id);
}

int ov_cmd_meetings(ov_cli *cli, int argc, char **argv)
{
	static const char *const head[] = {"Date", "Committee", "Item",
					   "Title", "Id"};
	static const ov_opt spec[] = {{0}};
	const ov_meeting **order = NULL;
	ov_dataset *ds = NULL;
	ov_store *s = NULL;
	ov_table *t;
	size_t npos;
	int rc;

	rc = ov_cli_parse("meetings", usage, argc, argv, spec, NULL, 0,
			  &npos);
	if (rc >= 0)
		return rc;
	rc = ov_cli_open(cli, "meetings", &s);
	if (rc == OV_EXIT_OK)
		rc = ov_cli_load(s, "meetings", &ds);
	if (rc != OV_EXIT_OK)
		goto out;
	order = ov_xcalloc(ds->n_meetings + 1, sizeof *order);
	for (size_t i = 0; i < ds->n_meetings; i++)
		order[i] = &ds->meetings[i];
	qsort(order, ds->n_meetings, sizeof *order, by_date);
	t = ov_table_new(5, head);
	ov_table_flex(t, 1);
	ov_table_flex(t, 3);
	ov_table_flex(t, 4);
	for (size_t i = 0; i < ds->n_meetings; i++) {
		const ov_meeting *m = order[i];
		char day[11];
		const char *cells[5] = {day, m->committee, m->agenda_item,
					m->title, m->id};

		ov_date_format(m->date, day);
		ov_table_add(t, cells);
	}
	ov_table_print(t, stdout, 80);
	printf("%zu meeting%s\n", ds->n_meetings,
	       ds->n_meetings == 1 ? "" : "s");
	ov_table_free(t);
out:
	free(order);
	ov_dataset_free(ds);
	ov_store_close(s);
	return rc;
}
