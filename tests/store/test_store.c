/*
 * The SQLite store, in a temporary directory: open/create, import (with
 * conflict, replace and rules broken), load (all, one force), rec_get,
 * append, the register as at a date with every filter, counts, a damaged
 * file and a database from the future.  The SQL fold is checked against
 * ov_rec_fold (core/fold.h) for every rec at many dates.
 */
#include <fcntl.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture/fixture.h"
#include "tap.h"
#include "core/fold.h"
#include "store/store.h"
#include "util/mem.h"

static char *tmpdir;

static char *path_in_tmp(const char *name)
{
	return ov_xasprintf("%s/%s", tmpdir, name);
}

static int has_msg(const ov_diag *d, const char *needle)
{
	for (size_t i = 0; i < d->n; i++)
		if (strstr(d->msg[i], needle))
			return 1;
	for (size_t i = 0; i < d->n; i++)
		printf("#   message: %s\n", d->msg[i]);
	return 0;
}

static ov_store_counts counts(ov_store *s)
{
	ov_store_counts c;
	ov_diag d = OV_DIAG_INIT;

	if (ov_store_count(s, &c, &d) != OV_STORE_OK)
		memset(&c, 0xff, sizeof c);
	ov_diag_release(&d);
	return c;
}

static int same_counts(ov_store_counts a, ov_store_counts b)
{
	return memcmp(&a, &b, sizeof a) == 0;
}

static void test_open(void)
{
	char *p = path_in_tmp("missing.db");
	ov_store *s = NULL;
	ov_diag d = OV_DIAG_INIT;

	tap_is_int(ov_store_open(p, false, &s, &d), OV_STORE_NOTFOUND,
		   "open without create on a missing file: NOTFOUND");
	tap_ok(s == NULL, "... no handle");
	tap_ok(has_msg(&d, "no database at ") &&
		       has_msg(&d, "; run 'oversight init' first"),
	       "... message says to run init");
	tap_ok(access(p, F_OK) != 0, "... and no file was created");
	ov_diag_release(&d);
	free(p);
}

static void test_corrupt(void)
{
	char *p = path_in_tmp("garbage.db");
	FILE *f = fopen(p, "wb");
	ov_store *s = NULL;
	ov_diag d = OV_DIAG_INIT;

	for (int i = 0; i < 8192; i++)
		fputc((i * 7919) & 0xff, f);
	fclose(f);
	tap_is_int(ov_store_open(p, false, &s, &d), OV_STORE_ERROR,
		   "open a file of garbage: ERROR");
	tap_ok(s == NULL && d.n == 1 && has_msg(&d, p),
	       "... one message naming the file");
	tap_ok(has_msg(&d, "not a database"), "... saying it is not one");
	ov_diag_release(&d);
	free(p);
}

static void test_future(void)
{
	char *p = path_in_tmp("future.db");
	sqlite3 *db = NULL;
	ov_store *s = NULL;
	ov_diag d = OV_DIAG_INIT;

	sqlite3_open(p, &db);
	sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(db);
	tap_is_int(ov_store_open(p, false, &s, &d), OV_STORE_ERROR,
		   "database with a newer schema version is refused");
	tap_ok(has_msg(&d, "version 99 is newer"), "... saying why");
	ov_diag_release(&d);
	free(p);
}

static void on_progress(size_t done, size_t total, void *arg)
{
	size_t *last = arg;

	if (done == total)
		*last = done;
}

static void test_import_load(ov_store *s, const ov_dataset *ds)
{
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *got = NULL;
	size_t last = 0;
	ov_store_counts c;

	tap_is_int(ov_store_import(s, ds, false, on_progress, &last, &d),
		   OV_STORE_OK, "import the small dataset");
	tap_is_int((long long)last, (long long)ds->n_recs,
		   "... progress reported the end");
	c = counts(s);
	tap_ok(c.forces == 2 && c.people == 3 && c.boards == 1 &&
		       c.plans == 2 && c.assessments == 1 && c.reports == 2 &&
		       c.recs == 4 && c.events == 16 && c.activities == 2 &&
		       c.meetings == 1,
	       "counts after import");
	tap_is_int(ov_store_load(s, NULL, &got, &d), OV_STORE_OK, "load all");
	tap_is_int(got ? fx_diff(ds, got) : -1, 0,
		   "loaded dataset equals the imported one, field by field");
	ov_dataset_free(got);
	got = NULL;
	tap_is_int(ov_store_load(s, "XYZ", &got, &d), OV_STORE_OK,
		   "load one force");
	if (got) {
		tap_ok(got->n_recs == 1 && !strcmp(got->recs[0].ref, "XYZ-R01"),
		       "... only its recommendations");
		tap_is_int(fx_diff_rec(&got->recs[0],
				       ov_dataset_find_rec(ds, "XYZ-R01")),
			   0, "... whole, with its timeline");
		tap_ok(got->n_activities == 1 && got->n_meetings == 0 &&
			       got->n_assessments == 0,
		       "... its activities, no other force's meetings or "
		       "assessments");
		tap_ok(got->n_forces == 2 && got->n_people == 3 &&
			       got->n_reports == 2 && got->n_plans == 2 &&
			       got->n_boards == 1,
		       "... and all forces, people, boards, plans, reports");
	}
	ov_dataset_free(got);
	ov_diag_release(&d);
}

static ov_dataset *rec_only(const char *ref, const char *report)
{
	ov_dataset *ds = ov_dataset_new();
	ov_rec *r;

	ds->recs = ov_xcalloc(1, sizeof *ds->recs);
	r = &ds->recs[ds->n_recs++];
	ov_rec_init(r);
	r->ref = ov_xstrdup(ref);
	r->report = ov_xstrdup(report);
	r->force = ov_xstrdup("WMP");
	r->timescale = ov_xstrdup("Within six months");
	fx_event(r, "2017-11-01", OV_EV_CREATED, "HMICFRS", NULL);
	return ds;
}

static void test_conflicts(ov_store *s, const ov_dataset *ds)
{
	ov_diag d = OV_DIAG_INIT;
	ov_store_counts before = counts(s);
	ov_dataset *two = rec_only("SF-R09", "R-SF");
	ov_dataset *bad;
	ov_rec *r;

	tap_is_int(ov_store_import(s, ds, false, NULL, NULL, &d),
		   OV_STORE_CONFLICT, "import again: CONFLICT");
	tap_ok(has_msg(&d, "force 'WMP' is already in the database"),
	       "... naming the entity and id");
	tap_ok(same_counts(before, counts(s)), "... nothing written");
	ov_diag_release(&d);

	/* A new rec and one already there: the new one must not stay. */
	two->recs = ov_xrealloc(two->recs, 2 * sizeof *two->recs);
	bad = rec_only("SF-R01", "R-SF");
	two->recs[1] = bad->recs[0];
	two->n_recs = 2;
	bad->n_recs = 0;
	ov_dataset_free(bad);
	tap_is_int(ov_store_import(s, two, false, NULL, NULL, &d),
		   OV_STORE_CONFLICT, "new rec plus existing one: CONFLICT");
	tap_ok(has_msg(&d, "recommendation 'SF-R01'"), "... names the rec");
	tap_ok(same_counts(before, counts(s)), "... new rec rolled back too");
	ov_diag_release(&d);
	ov_dataset_free(two);

	bad = rec_only("SF-R10", "R-MISSING");
	tap_is_int(ov_store_import(s, bad, false, NULL, NULL, &d),
		   OV_STORE_INVALID, "rec of a report not stored: INVALID");
	tap_ok(has_msg(&d, "recommendation 'SF-R10' cannot be stored"),
	       "... names the rec");
	tap_ok(same_counts(before, counts(s)), "... nothing written");
	ov_diag_release(&d);
	ov_dataset_free(bad);

	/* Links are checked once, before commit: a dangling one deep in a
	 * timeline still names its rec, and nothing is written. */
	bad = rec_only("SF-R12", "R-SF");
	r = &bad->recs[0];
	fx_event(r, "2017-11-02", OV_EV_OWNER, "Sam", NULL)->owner =
		ov_xstrdup("p-nobody");
	tap_is_int(ov_store_import(s, bad, false, NULL, NULL, &d),
		   OV_STORE_INVALID, "event owner not a person: INVALID");
	tap_ok(has_msg(&d, "recommendation event 'SF-R12' cannot be stored"),
	       "... names the rec");
	tap_ok(same_counts(before, counts(s)), "... nothing written");
	ov_diag_release(&d);
	r->events[1].date = fx_day("2030-01-01");
	tap_is_int(ov_store_rec_append(s, "SF-R01", &r->events[1], 1, &d),
		   OV_STORE_INVALID,
		   "... and foreign keys are on again after the import");
	tap_ok(has_msg(&d, "FOREIGN KEY"), "... the foreign key caught it");
	tap_ok(same_counts(before, counts(s)), "... nothing appended");
	ov_diag_release(&d);
	ov_dataset_free(bad);

	bad = rec_only("SF-R11", "R-SF");
	r = &bad->recs[0];
	r->events[0].kind = (enum ov_event_kind)99;
	tap_is_int(ov_store_import(s, bad, false, NULL, NULL, &d),
		   OV_STORE_INVALID, "event with a kind out of range: INVALID");
	tap_ok(has_msg(&d, "CHECK constraint"), "... the CHECK caught it");
	tap_ok(same_counts(before, counts(s)), "... nothing written");
	ov_diag_release(&d);
	ov_dataset_free(bad);
}

static int find_row(const ov_rec_row *rows, size_t n, const char *ref)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(rows[i].ref, ref))
			return (int)i;
	return -1;
}

/* A rec whose report is already stored gets its due date from the stored
 * report's publication day. */
static void test_rec_only_import(ov_store *s)
{
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *one = rec_only("SF-R09", "R-SF");
	ov_rec_filter f;
	ov_rec_row *rows = NULL;
	size_t n = 0;
	ov_day want = ov_date_add_months(fx_day("2017-10-24"), 6);
	int i;

	tap_is_int(ov_store_import(s, one, false, NULL, NULL, &d),
		   OV_STORE_OK, "import one rec into a stored report");
	ov_rec_filter_init(&f, fx_day("2019-01-01"));
	f.due_before = want + 1;
	f.report = "R-SF";
	f.force = "WMP";
	ov_store_recs(s, &f, &rows, &n, &d);
	i = find_row(rows, n, "SF-R09");
	tap_ok(i >= 0 && rows[i].due == want,
	       "... its due date comes from the stored report");
	ov_rec_rows_free(rows, n);
	ov_dataset_free(one);
	ov_diag_release(&d);
}

static void test_replace(ov_store *s, const ov_dataset *ds,
			 ov_store_counts want)
{
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *got = NULL;

	tap_is_int(ov_store_import(s, ds, true, NULL, NULL, &d), OV_STORE_OK,
		   "import with replace");
	tap_ok(same_counts(want, counts(s)), "... counts as the first import");
	ov_store_load(s, NULL, &got, &d);
	tap_is_int(got ? fx_diff(ds, got) : -1, 0, "... same data back");
	ov_dataset_free(got);
	ov_diag_release(&d);
}

static void test_rec_get(ov_store *s, const ov_dataset *ds)
{
	ov_diag d = OV_DIAG_INIT;
	ov_rec *r = NULL;

	tap_is_int(ov_store_rec_get(s, "NOPE", &r, &d), OV_STORE_NOTFOUND,
		   "rec_get of a missing ref: NOTFOUND");
	tap_ok(r == NULL && has_msg(&d, "no recommendation 'NOPE'"),
	       "... with a message");
	ov_diag_release(&d);
	tap_is_int(ov_store_rec_get(s, "SF-R01", &r, &d), OV_STORE_OK,
		   "rec_get SF-R01");
	tap_is_int(r ? fx_diff_rec(r, ov_dataset_find_rec(ds, "SF-R01")) : -1,
		   0, "... equals what was imported");
	ov_rec_free(r);
	ov_rec_free(NULL);
	ov_diag_release(&d);
}

static size_t n_events(ov_store *s, const char *ref)
{
	ov_diag d = OV_DIAG_INIT;
	ov_rec *r = NULL;
	size_t n = 0;

	if (ov_store_rec_get(s, ref, &r, &d) == OV_STORE_OK)
		n = r->n_events;
	ov_rec_free(r);
	ov_diag_release(&d);
	return n;
}

static void test_append(ov_store *s)
{
	ov_diag d = OV_DIAG_INIT;
	ov_rec tmp;
	ov_rec *got = NULL;

	ov_rec_init(&tmp);
	fx_event(&tmp, "2018-08-01", OV_EV_UPDATE, "J", "same day as last");
	fx_event(&tmp, "2018-09-01", OV_EV_PROPOSED, "J", "proposed");
	tap_is_int(ov_store_rec_append(s, "SF-R01", tmp.events, 2, &d),
		   OV_STORE_OK, "append two events in order");
	tap_is_int((long long)n_events(s, "SF-R01"), 11, "... stored");
	ov_store_rec_get(s, "SF-R01", &got, &d);
	tap_ok(got && got->events[10].kind == OV_EV_PROPOSED &&
		       !strcmp(got->events[9].text, "same day as last"),
	       "... at the end, in order");
	ov_rec_free(got);
	ov_rec_release(&tmp);

	ov_rec_init(&tmp);
	fx_event(&tmp, "2018-10-01", OV_EV_UPDATE, "J", "fine");
	fx_event(&tmp, "2018-08-31", OV_EV_UPDATE, "J", "too early");
	tap_is_int(ov_store_rec_append(s, "SF-R01", tmp.events, 2, &d),
		   OV_STORE_INVALID, "append out of date order: INVALID");
	tap_ok(has_msg(&d, "SF-R01: new event 2 dated 2018-08-31 is before "
			   "the last event (2018-10-01)"),
	       "... naming rec, event and dates");
	tap_is_int((long long)n_events(s, "SF-R01"), 11,
		   "... and the good first event was not kept");
	ov_diag_release(&d);
	ov_rec_release(&tmp);

	ov_rec_init(&tmp);
	fx_event(&tmp, "2018-10-01", OV_EV_CLOSED, "HMICFRS", NULL)->basis =
		ov_xstrdup("x");
	tap_is_int(ov_store_rec_append(s, "SF-R02", tmp.events, 1, &d),
		   OV_STORE_INVALID, "close a superseded rec: INVALID");
	tap_ok(has_msg(&d, "'closed' event cannot follow status "
			   "'superseded'"), "... saying why");
	tap_is_int((long long)n_events(s, "SF-R02"), 2, "... nothing written");
	ov_diag_release(&d);
	tap_is_int(ov_store_rec_append(s, "NOPE", tmp.events, 1, &d),
		   OV_STORE_NOTFOUND, "append to a missing rec: NOTFOUND");
	ov_diag_release(&d);
	ov_rec_release(&tmp);
}

/* The refs the filter returns, joined with spaces. */
static char *refs(ov_store *s, const ov_rec_filter *f)
{
	ov_diag d = OV_DIAG_INIT;
	ov_rec_row *rows = NULL;
	size_t n = 0;
	char *out = ov_xstrdup("");

	if (ov_store_recs(s, f, &rows, &n, &d) != OV_STORE_OK)
		out = ov_xstrdup("ERROR");
	for (size_t i = 0; i < n; i++) {
		char *t = ov_xasprintf("%s%s%s", out, i ? " " : "",
				       rows[i].ref);
		free(out);
		out = t;
	}
	ov_rec_rows_free(rows, n);
	ov_diag_release(&d);
	return out;
}

static void is_refs(ov_store *s, const ov_rec_filter *f, const char *want,
		    const char *name)
{
	char *got = refs(s, f);

	tap_is_str(got, want, name);
	free(got);
}

static void test_recs_states(ov_store *s)
{
	ov_diag d = OV_DIAG_INIT;
	ov_rec_filter f;
	ov_rec_row *rows = NULL;
	size_t n = 0;
	int i;

	ov_rec_filter_init(&f, fx_day("2016-01-01"));
	is_refs(s, &f, "", "as at a date before any creation: nothing");
	ov_rec_filter_init(&f, fx_day("2017-12-31"));
	is_refs(s, &f, "NCPI-F01 SF-R01 SF-R02",
		"as at 2017-12-31: created ones, by report then ref");
	ov_rec_filter_init(&f, fx_day("2018-04-15"));
	ov_store_recs(s, &f, &rows, &n, &d);
	i = find_row(rows, n, "SF-R01");
	tap_ok(i >= 0 && rows[i].status == OV_STATUS_PROPOSED &&
		       rows[i].status_date == fx_day("2018-03-01") &&
		       rows[i].rag == OV_RAG_AMBER &&
		       !strcmp(rows[i].owner, "p-acc") &&
		       !strcmp(rows[i].owner_name, "Jane Smith, ACC Crime") &&
		       !strcmp(rows[i].last_update, "Work started") &&
		       rows[i].closed_by == NULL && rows[i].basis == NULL &&
		       !strcmp(rows[i].plan, "pl-fvip") &&
		       !strcmp(rows[i].report_title, "Stolen freedom: the "
			       "policing response to modern slavery and human "
			       "trafficking"),
	       "SF-R01 before closure: proposed, amber, owner, last update");
	tap_ok(i >= 0 && rows[i].due == ov_date_add_months(
						fx_day("2017-10-24"), 6),
	       "... due from the timescale and publication");
	i = find_row(rows, n, "SF-R02");
	tap_ok(i >= 0 && rows[i].status == OV_STATUS_SUPERSEDED &&
		       !strcmp(rows[i].basis, "Replaced by a later report") &&
		       !strcmp(rows[i].plan, "pl-other") &&
		       rows[i].owner == NULL && rows[i].owner_name == NULL &&
		       rows[i].rag == OV_RAG_NONE,
	       "SF-R02: superseded, own plan, no owner, no RAG");
	ov_rec_rows_free(rows, n);

	ov_rec_filter_init(&f, fx_day("2018-05-01"));
	ov_store_recs(s, &f, &rows, &n, &d);
	i = find_row(rows, n, "SF-R01");
	tap_ok(i >= 0 && rows[i].status == OV_STATUS_CLOSED &&
		       !strcmp(rows[i].closed_by, "HMICFRS") &&
		       !strcmp(rows[i].basis, "Evidence reviewed"),
	       "SF-R01 on the day of closure: closed, by HMICFRS, basis");
	ov_rec_rows_free(rows, n);

	ov_rec_filter_init(&f, fx_day("2018-07-01"));
	ov_store_recs(s, &f, &rows, &n, &d);
	i = find_row(rows, n, "SF-R01");
	tap_ok(i >= 0 && rows[i].status == OV_STATUS_OPEN &&
		       rows[i].status_date == fx_day("2018-07-01") &&
		       rows[i].closed_by == NULL && rows[i].basis == NULL &&
		       rows[i].rag == OV_RAG_RED,
	       "SF-R01 reopened: open, closure cleared, red (same-day tie)");
	i = find_row(rows, n, "NCPI-F01");
	tap_ok(i >= 0 && !strcmp(rows[i].last_update, "Same day") &&
		       !strcmp(rows[i].owner_name, "DCI Public Protection") &&
		       rows[i].plan == NULL && rows[i].text == NULL &&
		       rows[i].addressee == OV_AD_ALL_FORCES &&
		       rows[i].kind == OV_RK_AFI,
	       "NCPI-F01: update, title-only owner, no plan, no text");
	ov_rec_rows_free(rows, n);
	ov_diag_release(&d);
}

static void test_recs_filters(ov_store *s)
{
	ov_rec_filter f;
	ov_day at = fx_day("2018-07-15");

	ov_rec_filter_init(&f, at);
	f.status_set = true;
	f.status = OV_STATUS_OPEN;
	is_refs(s, &f, "NCPI-F01 SF-R01 XYZ-R01", "status open");
	f.status = OV_STATUS_SUPERSEDED;
	is_refs(s, &f, "SF-R02", "status superseded");
	f.status = OV_STATUS_CLOSED;
	is_refs(s, &f, "", "status closed (none after the reopen)");
	ov_rec_filter_init(&f, at);
	f.rag_set = true;
	f.rag = OV_RAG_RED;
	is_refs(s, &f, "SF-R01", "rag red");
	f.rag = OV_RAG_NONE;
	is_refs(s, &f, "NCPI-F01 SF-R02", "no rag given");
	ov_rec_filter_init(&f, at);
	f.report = "R-SF";
	is_refs(s, &f, "SF-R01 SF-R02 XYZ-R01", "report");
	ov_rec_filter_init(&f, at);
	f.owner = "p-acc";
	is_refs(s, &f, "SF-R01", "owner");
	ov_rec_filter_init(&f, at);
	f.area = "Leadership";
	is_refs(s, &f, "SF-R01 XYZ-R01", "area");
	f.force = "XYZ";
	is_refs(s, &f, "XYZ-R01", "area and force");
	ov_rec_filter_init(&f, at);
	f.overdue = true;
	is_refs(s, &f, "SF-R01 XYZ-R01", "overdue: live and due before as_at");
	ov_rec_filter_init(&f, fx_day("2018-04-24"));
	f.overdue = true;
	is_refs(s, &f, "XYZ-R01", "overdue is strict: not on the due day");
	ov_rec_filter_init(&f, at);
	f.due_before = fx_day("2018-06-30");
	is_refs(s, &f, "SF-R01 XYZ-R01", "due before (strictly)");
	ov_rec_filter_init(&f, fx_day("2018-06-01"));
	f.closed_since_set = true;
	f.closed_since = fx_day("2018-04-30");
	is_refs(s, &f, "SF-R01", "closed since, closure inside the window");
	f.closed_since = fx_day("2018-05-01");
	is_refs(s, &f, "", "closed since excludes the start day");
	ov_rec_filter_init(&f, at);
	f.limit = 2;
	is_refs(s, &f, "NCPI-F01 SF-R01", "limit");
}

/* Every code of every enum goes in and comes back. */
static void test_all_codes(void)
{
	char *p = path_in_tmp("codes.db");
	ov_dataset *ds = fx_small(), *got = NULL;
	ov_store *s = NULL;
	ov_diag d = OV_DIAG_INIT;
	ov_rec *r = &ds->recs[0];
	ov_report *rep = &ds->reports[0];
	ov_question *q = &ds->assessments[0].questions[2];
	ov_activity *a = &ds->activities[0];
	int ok = 1;

	ov_store_open(p, true, &s, &d);
	for (int k = 0; k <= OV_EV_NA; k++)
		fx_event(r, "2019-01-01", (enum ov_event_kind)k, "x", NULL);
	for (int i = 0; ok && i < 8; i++) {
		ov_store_rc rc;
		r->kind = (enum ov_rec_kind)(i % 3);
		r->addressee = (enum ov_addressee)i;
		rep->kind = (enum ov_report_kind)i;
		rep->style = (enum ov_style)(i % 2);
		q->grade = (enum ov_grade)(i % 7);
		ds->assessments[0].scale = (enum ov_scale)(i % 2);
		a->kind = (enum ov_activity_kind)(i % 7);
		r->events[2].rag = (enum ov_rag)(i % 3);
		rc = ov_store_import(s, ds, true, NULL, NULL, &d);
		ok = rc == OV_STORE_OK &&
		     ov_store_load(s, NULL, &got, &d) == OV_STORE_OK &&
		     fx_diff(ds, got) == 0;
		ov_dataset_free(got);
		got = NULL;
	}
	tap_ok(ok, "every enum code is accepted by the schema and read back");
	ov_diag_print(&d, stdout, "# ");
	ov_store_close(s);
	ov_dataset_free(ds);
	ov_diag_release(&d);
	free(p);
}

static int same_state(const ov_rec_row *row, const ov_rec_state *st)
{
	return row->status == st->status &&
	       row->status_date == st->status_date && row->rag == st->rag &&
	       (row->owner ? st->owner && !strcmp(row->owner, st->owner)
			   : !st->owner) &&
	       (row->closed_by ? st->closed_by &&
					 !strcmp(row->closed_by, st->closed_by)
			       : !st->closed_by) &&
	       (row->basis ? st->basis && !strcmp(row->basis, st->basis)
			   : !st->basis) &&
	       (row->last_update ? st->last_update &&
					   !strcmp(row->last_update,
						   st->last_update)
				 : !st->last_update) &&
	       row->last_update_date == st->last_update_date;
}

/* For each date, every rec the SQL returns folds the same in C, and every
 * rec the C fold says exists is returned; overdue agrees too. */
static int fold_matches_at(ov_store *s, const ov_dataset *ds, ov_day at)
{
	ov_diag d = OV_DIAG_INIT;
	ov_rec_filter f;
	ov_rec_row *rows = NULL, *od = NULL;
	size_t n = 0, n_od = 0, j = 0, k = 0;
	int bad = 0;

	ov_rec_filter_init(&f, at);
	ov_store_recs(s, &f, &rows, &n, &d);
	f.overdue = true;
	ov_store_recs(s, &f, &od, &n_od, &d);
	for (size_t i = 0; i < ds->n_recs; i++) {
		const ov_rec *r = &ds->recs[i];
		ov_rec_state st;
		ov_day due = ov_rec_due(r, ov_dataset_find_report(ds,
								 r->report));
		bool is_od;
		ov_rec_fold(r, at, &st);
		if (st.status == OV_STATUS_NONE)
			continue;
		/* rows come by report then ref: look up by ref */
		for (j = 0; j < n && strcmp(rows[j].ref, r->ref); j++)
			;
		if (j == n || !same_state(&rows[j], &st)) {
			printf("# %s differs at day %d\n", r->ref, (int)at);
			bad++;
		}
		is_od = ov_rec_overdue(&st, due, at);
		for (k = 0; k < n_od && strcmp(od[k].ref, r->ref); k++)
			;
		bad += is_od != (k < n_od);
	}
	for (size_t i = 0; i < n; i++) {
		ov_rec_state st;
		ov_rec_fold(ov_dataset_find_rec(ds, rows[i].ref), at, &st);
		bad += st.status == OV_STATUS_NONE;
	}
	ov_rec_rows_free(rows, n);
	ov_rec_rows_free(od, n_od);
	ov_diag_release(&d);
	return bad;
}

static void test_fold(void)
{
	char *p = path_in_tmp("fold.db");
	ov_dataset *ds = fx_random(12345, 300);
	ov_store *s = NULL;
	ov_diag d = OV_DIAG_INIT;
	int bad = 0;

	ov_store_open(p, true, &s, &d);
	tap_is_int(ov_store_import(s, ds, false, NULL, NULL, &d), OV_STORE_OK,
		   "import 300 random timelines");
	for (ov_day at = fx_day("2015-12-01"); at < fx_day("2019-06-01");
	     at += 9)
		bad += fold_matches_at(s, ds, at);
	tap_is_int(bad, 0, "SQL fold equals ov_rec_fold for every rec at "
			   "~140 dates (status, RAG, owner, closure, update, "
			   "overdue)");
	ov_store_close(s);
	ov_dataset_free(ds);
	ov_diag_release(&d);
	free(p);
}

int main(void)
{
	char tmpl[] = "/tmp/ov-test-store-XXXXXX";
	ov_dataset *ds = fx_small();
	ov_store *s = NULL;
	ov_diag d = OV_DIAG_INIT;
	char *p;
	ov_store_counts first;

	tmpdir = mkdtemp(tmpl);
	if (!tmpdir)
		return 1;
	test_open();
	test_corrupt();
	test_future();
	p = path_in_tmp("oversight.db");
	tap_is_int(ov_store_open(p, true, &s, &d), OV_STORE_OK,
		   "create a database");
	tap_is_int(ov_store_schema_version(s), 1, "... schema version 1");
	ov_store_close(s);
	tap_is_int(ov_store_open(p, false, &s, &d), OV_STORE_OK,
		   "open it again without create");
	ov_diag_print(&d, stdout, "# ");
	if (!s)
		return tap_done();
	test_import_load(s, ds);
	first = counts(s);
	test_conflicts(s, ds);
	test_rec_only_import(s);
	test_replace(s, ds, first);
	test_rec_get(s, ds);
	test_recs_states(s);
	test_recs_filters(s);
	test_append(s);
	ov_store_close(s);
	test_all_codes();
	test_fold();
	ov_dataset_free(ds);
	ov_diag_release(&d);
	free(p);
	/* leave nothing behind */
	{
		char *cmd = ov_xasprintf("rm -rf '%s'", tmpdir);
		if (system(cmd) != 0)
			tap_diag("could not remove the temporary directory");
		free(cmd);
	}
	return tap_done();
}
