/* oversight summary: the register in a dozen lines, as it stood on a
 * date (what `make run` prints). */
#include <stdlib.h>

#include "cli/opts.h"
#include "core/peel.h"
#include "util/mem.h"

static const char usage[] =
	"usage: oversight [--db PATH] summary [--as-at D]\n\n"
	"Summarise the register as it stood on --as-at (default today):\n"
	"reports published by then, recommendations by status and by RAG,\n"
	"overdue ones, closures in the last quarter, activities, meetings and\n"
	"the current PEEL assessment of each force.\n";

#define N_STATUS (OV_STATUS_NA + 1)
#define N_RAG (OV_RAG_GREEN + 1)

typedef struct tally {
	size_t recs, by_status[N_STATUS], by_rag[N_RAG], unrated, live,
		overdue;
} tally;

static void count_rows(const ov_rec_row *rows, size_t n, ov_day as_at,
		       tally *t)
{
	for (size_t i = 0; i < n; i++) {
		const ov_rec_row *r = &rows[i];

		t->recs++;
		if (r->status >= 0 && r->status < N_STATUS)
			t->by_status[r->status]++;
		if (!ov_status_is_live(r->status))
			continue;
		t->live++;
		if (r->rag >= 0 && r->rag < N_RAG)
			t->by_rag[r->rag]++;
		else
			t->unrated++;
		if (r->due != OV_DAY_NONE && r->due < as_at)
			t->overdue++;
	}
}

/* Fetch the rows for f; prints the problem and returns the exit status. */
static int query(ov_store *s, const ov_rec_filter *f, ov_rec_row **rows,
		 size_t *n)
{
	ov_diag d = OV_DIAG_INIT;
	ov_store_rc src = ov_store_recs(s, f, rows, n, &d);

	if (src != OV_STORE_OK) {
		*rows = NULL;
		*n = 0;
		ov_cli_diag("summary", &d);
	}
	ov_diag_release(&d);
	return src == OV_STORE_OK ? OV_EXIT_OK : OV_EXIT_RUNTIME;
}

static void line(const char *label, size_t n)
{
	printf("  %-30s %5zu\n", label, n);
}

static void print_dataset_counts(const ov_dataset *ds, ov_day as_at)
{
	size_t reports = 0, acts = 0, meets = 0;

	for (size_t i = 0; i < ds->n_reports; i++)
		if (ds->reports[i].published.day == OV_DAY_NONE ||
		    ds->reports[i].published.day <= as_at)
			reports++;
	for (size_t i = 0; i < ds->n_activities; i++)
		if (ds->activities[i].from <= as_at)
			acts++;
	for (size_t i = 0; i < ds->n_meetings; i++)
		if (ds->meetings[i].date <= as_at)
			meets++;
	line("Inspection reports", reports);
	line("Activities", acts);
	line("Committee meetings", meets);
}

static void print_peel(const ov_dataset *ds, ov_day as_at)
{
	for (size_t i = 0; i < ds->n_forces; i++) {
		const ov_assessment *a =
			ov_peel_current(ds, ds->forces[i].code, as_at);

		char *label = ov_xasprintf("PEEL assessment (%s)",
					   ds->forces[i].code);

		printf("  %-30s %s\n", label,
		       a ? (a->label ? a->label : a->id) : "none");
		free(label);
	}
}

static void print_tally(const tally *t, size_t closed_recent, ov_day since)
{
	char day[11];
	char *label;

	line("Recommendations", t->recs);
	for (int st = 0; st < N_STATUS; st++) {
		label = ov_xasprintf("  %s", ov_status_label(st));
		line(label, t->by_status[st]);
		free(label);
	}
	line("Open or closure proposed", t->live);
	for (int r = 0; r < N_RAG; r++) {
		label = ov_xasprintf("  RAG %s", ov_rag_label(r));
		line(label, t->by_rag[r]);
		free(label);
	}
	line("  RAG not set", t->unrated);
	line("  Overdue", t->overdue);
	ov_date_format(since, day);
	label = ov_xasprintf("Closed since %s", day);
	line(label, closed_recent);
	free(label);
}

int ov_cmd_summary(ov_cli *cli, int argc, char **argv)
{
	const char *as_at_s = NULL;
	const ov_opt spec[] = {{"as-at", 0, true, &as_at_s, NULL}, {0}};
	ov_rec_row *rows = NULL, *closed = NULL;
	size_t n = 0, n_closed = 0, npos;
	ov_dataset *ds = NULL;
	ov_store *s = NULL;
	ov_rec_filter f;
	tally t = {0};
	ov_day as_at, since;
	char day[11];
	int rc;

	rc = ov_cli_parse("summary", usage, argc, argv, spec, NULL, 0, &npos);
	if (rc >= 0)
		return rc;
	if (ov_cli_date("summary", "as-at", as_at_s, ov_date_today(), &as_at))
		return OV_EXIT_USAGE;
	since = ov_date_add_months(as_at, -3);
	rc = ov_cli_open(cli, "summary", &s);
	if (rc == OV_EXIT_OK)
		rc = ov_cli_load(s, "summary", &ds);
	ov_rec_filter_init(&f, as_at);
	if (rc == OV_EXIT_OK)
		rc = query(s, &f, &rows, &n);
	f.closed_since_set = true;
	f.closed_since = since;
	if (rc == OV_EXIT_OK)
		rc = query(s, &f, &closed, &n_closed);
	if (rc != OV_EXIT_OK)
		goto out;
	count_rows(rows, n, as_at, &t);
	ov_date_format(as_at, day);
	printf("Register as at %s\n", day);
	print_tally(&t, n_closed, since);
	print_dataset_counts(ds, as_at);
	print_peel(ds, as_at);
out:
	ov_rec_rows_free(rows, n);
	ov_rec_rows_free(closed, n_closed);
	ov_dataset_free(ds);
	ov_store_close(s);
	return rc;
}
