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

OV_CLI_CALL(call, ov_list, ov_app_meetings(a, r, d))

OV_CLI_SHOW(show, ov_list)
{
	static const char *const head[] = {"Date", "Committee", "Item",
					   "Title", "Id"};
	ov_table *t = ov_table_new(5, head);

	ov_table_flex(t, 1);
	ov_table_flex(t, 3);
	ov_table_flex(t, 4);
	for (size_t i = 0; i < r->n; i++) {
		const ov_meeting *m = r->items[i];
		char day[11];
		const char *cells[5] = {day, m->committee, m->agenda_item,
					m->title, m->id};

		ov_date_format(m->date, day);
		ov_table_add(t, cells);
	}
	ov_table_done(t, "meeting", "meetings");
}

OV_CLI_RELEASE(release, ov_list, ov_list_release(r))

const ov_cli_command ov_cmd_meetings = {
	.name = "meetings", .summary = "list committee meetings",
	.usage = usage, .req_size = sizeof(ov_list), .call = call,
	.show = show, .release = release,
};
