/* oversight activities: insight visits, observations, file reviews... in
 * date order, optionally those overlapping a period. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli/command.h"
#include "cli/table.h"
#include "util/mem.h"

static const char usage[] =
	"usage: oversight [--db PATH] activities [--from D] [--to D] "
	"[--force CODE]\n\n"
	"List inspection activities (insight visits, observations, file\n"
	"reviews, interviews, audits...) that took place, wholly or partly,\n"
	"between --from and --to (each inclusive, YYYY-MM-DD; both open by\n"
	"default), for one force if --force is given.\n";

typedef struct req {
	ov_day from, to;
	const char *force;
	ov_list l;
} req;

static const ov_cli_arg args[] = {
	{"from", 0, OV_ARG_DATE, offsetof(req, from)},
	{"to", 0, OV_ARG_DATE, offsetof(req, to)},
	{"force", 0, OV_ARG_STR, offsetof(req, force)},
};

OV_CLI_CALL(call, req,
	    ov_app_activities(a, r->from, r->to, r->force, &r->l, d))

OV_CLI_SHOW(show, req)
{
	const ov_list *l = &r->l;
	static const char *const head[] = {"Dates", "Kind", "Subject",
					   "Place"};
	ov_table *t = ov_table_new(4, head);

	ov_table_flex(t, 2);
	ov_table_flex(t, 3);
	for (size_t i = 0; i < l->n; i++) {
		const ov_activity *a = l->items[i];
		char from[11], to[11];
		char *dates;
		const char *cells[4];

		ov_pdate_format(a->from, from);
		ov_pdate_format(a->to, to);
		dates = a->to.prec == OV_PREC_NONE || strcmp(from, to) == 0
				? ov_xstrdup(from)
				: ov_xasprintf("%s to %s", from, to);
		cells[0] = dates;
		cells[1] = ov_activity_kind_label(a->kind);
		cells[2] = a->subject;
		cells[3] = a->place;
		ov_table_add(t, cells);
		free(dates);
	}
	ov_table_done(t, "activity", "activities");
}

OV_CLI_RELEASE(release, req, ov_list_release(&r->l))

const ov_cli_command ov_cmd_activities = {
	.name = "activities", .summary = "list inspection activities",
	.usage = usage, .args = OV_CLI_ARGS(args), .req_size = sizeof(req),
	.call = call, .show = show, .release = release,
};
