/* oversight meetings: the committee meetings the register writes papers
 * for, in date order. */
#include <stdlib.h>

#include "cli/command.h"
#include "cli/table.h"
#include "util/mem.h"

static const char usage[] =
	"usage: oversight [--db PATH] meetings\n\n"
	"List the committee meetings: date, committee, agenda item, title\n"
	"and id (for 'oversight paper').\n";

static int call(const ov_cli_ctx *c, ov_app *a, void *req, ov_diag *d)
{
	(void)c;
	return ov_app_meetings(a, req, d);
}

static void show(const ov_cli_ctx *c, void *req)
{
	static const char *const head[] = {"Date", "Committee", "Item",
					   "Title", "Id"};
	const ov_list *l = req;
	ov_table *t = ov_table_new(5, head);

	(void)c;
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

static void release(void *req)
{
	ov_list_release(req);
}

const ov_cli_command ov_cmd_meetings = {
	.name = "meetings", .summary = "list committee meetings",
	.usage = usage, .req_size = sizeof(ov_list), .call = call,
	.show = show, .release = release,
};
