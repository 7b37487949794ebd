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

static int by_date(const void *a, const void *b)
{
	const ov_activity *x = *(const ov_activity *const *)a;
	const ov_activity *y = *(const ov_activity *const *)b;

	if (x->from != y->from)
		return (x->from > y->from) - (x->from < y->from);
	return strcmp(x->id, y->id);
}

static bool wanted(const ov_activity *a, ov_day from, ov_day to,
		   const char *force)
{
	ov_day end = a->to == OV_DAY_NONE ? a->from : a->to;

	if (force && (!a->force || strcmp(a->force, force) != 0))
		return false;
	if (from != OV_DAY_NONE && end < from)
		return false;
	return to == OV_DAY_NONE || a->from <= to;
}

static void print(const ov_activity *const *acts, size_t n)
{
	static const char *const head[] = {"Dates", "Kind", "Subject",
					   "Place"};
	ov_table *t = ov_table_new(4, head);

	ov_table_flex(t, 2);
	ov_table_flex(t, 3);
	for (size_t i = 0; i < n; i++) {
		const ov_activity *a = acts[i];
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
	printf("%zu activit%s\n", n, n == 1 ? "y" : "ies");
	ov_table_free(t);
}

int ov_cmd_activities(ov_cli *cli, int argc, char **argv)
{
	const char *from_s = NULL, *to_s = NULL, *force = NULL;
	const ov_opt spec[] = {
		{"from", 0, true, &from_s, NULL},
		{"to", 0, true, &to_s, NULL},
		{"force", 0, true, &force, NULL},
		{0},
	};
	const ov_activity **acts = NULL;
	ov_dataset *ds = NULL;
	ov_store *s = NULL;
	ov_day from, to;
	size_t n = 0, npos;
	int rc;

	rc = ov_cli_parse("activities", usage, argc, argv, spec, NULL, 0,
			  &npos);
	if (rc >= 0)
		return rc;
	if (ov_cli_date("activities", "from", from_s, OV_DAY_NONE, &from) ||
	    ov_cli_date("activities", "to", to_s, OV_DAY_NONE, &to))
		return OV_EXIT_USAGE;
	if (from != OV_DAY_NONE && to != OV_DAY_NONE && to < from) {
		ov_cli_err("activities", "--to %s is before --from %s", to_s,
			   from_s);
		return OV_EXIT_USAGE;
	}
	rc = ov_cli_open(cli, "activities", &s);
	if (rc == OV_EXIT_OK)
		rc = ov_cli_load(s, "activities", &ds);
	if (rc != OV_EXIT_OK)
		goto out;
	if (force && !ov_dataset_find_force(ds, force)) {
		ov_cli_err("activities", "--force: no force '%s'", force);
		rc = OV_EXIT_USAGE;
		goto out;
	}
	acts = ov_xcalloc(ds->n_activities + 1, sizeof *acts);
	for (size_t i = 0; i < ds->n_activities; i++)
		if (wanted(&ds->activities[i], from, to, force))
			acts[n++] = &ds->activities[i];
	qsort(acts, n, sizeof *acts, by_date);
	print(acts, n);
out:
	free(acts);
	ov_dataset_free(ds);
	ov_store_close(s);
	return rc;
}
