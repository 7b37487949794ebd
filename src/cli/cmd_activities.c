/* oversight activities: insight visits, observations, file reviews... in
 * date order, optionally those overlapping a period. */
#include <stdlib.h>
#include <string.h>

#include "cli/opts.h"
#include "cli/table.h"
#include "util/mem.h"

static const char usage[] =
	"usage: oversight [--db PATH] activities [--from D] [--to D] "
	"[--force CODE]\n\n"
	"List inspection activities (insight visits, observations, file\n"
	"reviews, interviews, audits...) that took place, wholly or partly,\n"
	"between --from and --to (each inclusive, YYYY-MM-DD; both open by\n"
	"default), for one force if --force is given.\n";

static void print(const ov_list *l)
{
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

		ov_date_format(a->from, from);
		ov_date_format(a->to, to);
		dates = a->to == OV_DAY_NONE || a->to == a->from
				? ov_xstrdup(from)
				: ov_xasprintf("%s to %s", from, to);
		cells[0] = dates;
		cells[1] = ov_activity_kind_label(a->kind);
		cells[2] = a->subject;
		cells[3] = a->place;
		ov_table_add(t, cells);
		free(dates);
	}
	ov_table_print(t, stdout, 80);
	printf("%zu activit%s\n", l->n, l->n == 1 ? "y" : "ies");
	ov_table_free(t);
}

typedef struct req {
	ov_day from, to;
	const char *force;
	ov_list l;
} req;

static int call(ov_app *a, void *ctx, ov_diag *d)
{
	req *r = ctx;

	return ov_app_activities(a, r->from, r->to, r->force, &r->l, d);
}

int ov_cmd_activities(ov_cli *cli, int argc, char **argv)
{
	const char *from_s = NULL, *to_s = NULL;
	req r = {0};
	const ov_opt spec[] = {
		{"from", 0, true, &from_s, NULL},
		{"to", 0, true, &to_s, NULL},
		{"force", 0, true, &r.force, NULL},
		{0},
	};
	size_t npos;
	int rc;

	rc = ov_cli_parse("activities", usage, argc, argv, spec, NULL, 0,
			  &npos);
	if (rc >= 0)
		return rc;
	if (ov_cli_date("activities", "from", from_s, OV_DAY_NONE, &r.from) ||
	    ov_cli_date("activities", "to", to_s, OV_DAY_NONE, &r.to))
		return OV_EXIT_USAGE;
	rc = ov_cli_run(cli, "activities", spec, call, &r);
	if (rc == OV_EXIT_OK) {
		print(&r.l);
		rc = ov_cli_flush("activities", rc);
	}
	ov_list_release(&r.l);
	return rc;
}
