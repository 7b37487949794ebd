/* The store contract (contract.h). */
#include "contract.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "core/fold.h"
#include "fixture/fixture.h"
#include "io/json.h"
#include "store/store.h"
#include "tap.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/mem.h"

static const contract_backend *be;

static ov_store *open_fresh(const char *what, char **db)
{
	ov_diag d = OV_DIAG_INIT;
	ov_store *s = NULL;

	*db = be->fresh_db(what);
	if (ov_store_open(*db, true, &s, &d) != OV_STORE_OK)
		ov_diag_print(&d, stdout, "# ");
	ov_diag_release(&d);
	return s;
}

/* The due dates ds's recs get (app/ computes them for an import). */
static ov_day *dues(const ov_dataset *ds)
{
	ov_day *due = ov_xcalloc(ds->n_recs + 1, sizeof *due);

	for (size_t i = 0; i < ds->n_recs; i++)
		due[i] = ov_rec_due(&ds->recs[i],
				    ov_dataset_find_report(ds, ds->recs[i].report));
	return due;
}

/* The state of a rec as the store must keep it: the fold of its whole
 * timeline (the test's own oracle; app/ has its own), the status's rank
 * its enum value. */
static void state_of(const ov_rec *r, ov_store_state *v)
{
	ov_rec_state st;
	ov_day last = OV_DAY_NONE;

	for (size_t i = 0; i < r->n_events; i++)
		if (last == OV_DAY_NONE || r->events[i].date > last)
			last = r->events[i].date;
	ov_rec_fold(r, last, &st);
	*v = (ov_store_state){st.status, (int)st.status, st.status_date,
			      st.rag, st.owner, st.closed_by, st.basis,
			      st.last_update, st.last_update_date, last};
}

/* A rec's state intervals as the store must keep them: core's
 * (ov_rec_intervals), each state with its status's rank. */
static void intervals_of(const ov_rec *r, ov_store_interval *iv,
			 ov_store_derived *out)
{
	ov_rec_interval *ri = NULL;
	size_t n = ov_rec_intervals(r, &ri);

	state_of(r, &out->now);
	for (size_t k = 0; k < n; k++) {
		const ov_rec_state *st = &ri[k].state;

		iv[k] = (ov_store_interval){
			ri[k].from, ri[k].to,
			{st->status, (int)st->status, st->status_date, st->rag,
			 st->owner, st->closed_by, st->basis, st->last_update,
			 st->last_update_date, OV_DAY_NONE}};
	}
	out->iv = iv;
	out->n_iv = n;
	free(ri);
}

/* What an import of ds gives the store; free derived->iv's block (the
 * first rec's) and the array with derived_free. */
typedef struct derived_set {
	ov_store_derived *d;
	ov_store_interval *iv;
} derived_set;

static derived_set states(const ov_dataset *ds)
{
	derived_set v;
	size_t total = 0, at = 0;

	for (size_t i = 0; i < ds->n_recs; i++)
		total += ds->recs[i].n_events;
	v.d = ov_xcalloc(ds->n_recs + 1, sizeof *v.d);
	v.iv = ov_xcalloc(total + 1, sizeof *v.iv);
	for (size_t i = 0; i < ds->n_recs; i++) {
		intervals_of(&ds->recs[i], v.iv + at, &v.d[i]);
		at += v.d[i].n_iv;
	}
	return v;
}

static void derived_free(derived_set *v)
{
	free(v->d);
	free(v->iv);
}

static ov_store_rc import(ov_store *s, const ov_dataset *ds, bool replace,
			  ov_diag *d)
{
	ov_day *due = dues(ds);
	derived_set st = states(ds);
	ov_store_rc rc = ov_store_import(s, ds, due, st.d, replace, NULL, NULL,
					 d);

	free(due);
	derived_free(&st);
	return rc;
}

/* The whole store as its canonical export: "nothing was written" is the
 * same export before and after. */
static char *snapshot(ov_store *s)
{
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *ds = NULL;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (ov_store_load(s, NULL, OV_LOAD_ALL, &ds, &d) != OV_STORE_OK ||
	    ov_json_write(ds, f, &d) != 0)
		fputs("(cannot export)", f);
	fclose(f);
	ov_dataset_free(ds);
	ov_diag_release(&d);
	return text;
}

static void unchanged(ov_store *s, const char *before, const char *what)
{
	char *now = snapshot(s);

	tap_ok(strcmp(now, before) == 0, what);
	free(now);
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
	ov_day *due = dues(ds);
	derived_set st = states(ds);
	size_t last = 0;
	ov_store_counts c;

	tap_is_int(ov_store_import(s, ds, due, st.d, false, on_progress, &last,
				   &d),
		   OV_STORE_OK, "import the small dataset");
	tap_is_int((long long)last, (long long)ds->n_recs,
		   "... progress reported the end");
	ov_store_count(s, &c, &d);
	tap_ok(c.forces == 2 && c.people == 3 && c.boards == 1 &&
		       c.plans == 2 && c.assessments == 1 && c.reports == 2 &&
		       c.recs == 4 && c.events == 16 && c.activities == 2 &&
		       c.meetings == 1,
	       "counts after import");
	tap_is_int(ov_store_load(s, NULL, OV_LOAD_ALL, &got, &d), OV_STORE_OK,
		   "load all");
	tap_is_int(got ? fx_diff(ds, got) : -1, 0,
		   "loaded dataset equals the imported one, field by field");
	ov_dataset_free(got);
	tap_is_int(ov_store_load(s, "XYZ", OV_LOAD_ALL, &got, &d),
		   OV_STORE_OK, "load one force");
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
	tap_is_int(ov_store_load(s, NULL, OV_LOAD(OV_ENT_PERSON), &got, &d),
		   OV_STORE_OK, "load the people alone");
	tap_ok(got && got->n_people == 3 && got->n_recs == 0 &&
		       got->n_forces == 0,
	       "... nothing else");
	ov_dataset_free(got);
	free(due);
	derived_free(&st);
	ov_diag_release(&d);
}

static ov_dataset *rec_only(const char *ref, const char *report)
{
	ov_dataset *ds = ov_dataset_new();
	size_t i = fx_add_rec(ds, ref, report, "WMP", NULL, NULL,
			      "2017-11-01");

	fx_set(&ds->recs[i].timescale, "Within six months");
	return ds;
}

static void test_conflicts(ov_store *s, const ov_dataset *ds)
{
	ov_diag d = OV_DIAG_INIT;
	char *before = snapshot(s);
	ov_dataset *two = rec_only("SF-R09", "R-SF");
	ov_dataset *bad;
	ov_rec *r;

	tap_is_int(import(s, ds, false, &d), OV_STORE_CONFLICT,
		   "import again: CONFLICT");
	tap_ok(fx_has_msg(&d, "force 'WMP' is already in the database"),
	       "... naming the entity and id");
	tap_is_int(ov_diag_kind(&d), OV_PROB_CONFLICT, "... a conflict");
	unchanged(s, before, "... nothing written (same export)");
	ov_diag_release(&d);

	/* A new rec and one already there: the new one must not stay. */
	fx_add_rec(two, "SF-R01", "R-SF", "WMP", NULL, NULL, "2017-11-01");
	tap_is_int(import(s, two, false, &d), OV_STORE_CONFLICT,
		   "new rec plus existing one: CONFLICT");
	tap_ok(fx_has_msg(&d, "recommendation 'SF-R01'"), "... names the rec");
	unchanged(s, before, "... new rec rolled back too");
	ov_diag_release(&d);
	ov_dataset_free(two);

	bad = rec_only("SF-R10", "R-MISSING");
	tap_is_int(import(s, bad, false, &d), OV_STORE_INVALID,
		   "rec of a report not stored: INVALID");
	tap_ok(fx_has_msg(&d, "recommendation 'SF-R10' cannot be stored"),
	       "... names the rec");
	unchanged(s, before, "... nothing written");
	ov_diag_release(&d);
	ov_dataset_free(bad);

	/* Links are checked once, before commit: a dangling one deep in a
	 * timeline still names its rec, and nothing is written. */
	bad = rec_only("SF-R12", "R-SF");
	r = &bad->recs[0];
	fx_ev_owner(r, "2017-11-02", "p-nobody");
	tap_is_int(import(s, bad, false, &d), OV_STORE_INVALID,
		   "event owner not a person: INVALID");
	tap_ok(fx_has_msg(&d, "recommendation event 'SF-R12' cannot be stored"),
	       "... names the rec");
	unchanged(s, before, "... nothing written");
	ov_diag_release(&d);
	r->events[1].date = fx_day("2030-01-01");
	tap_is_int(ov_store_rec_append(s, "SF-R01", 9, &r->events[1], 1,
					NULL, &d),
		   OV_STORE_INVALID,
		   "append naming no person: INVALID (links are on again "
		   "after the import)");
	tap_ok(fx_has_msg(&d, "FOREIGN KEY"), "... the link check caught it");
	unchanged(s, before, "... nothing appended");
	ov_diag_release(&d);
	ov_dataset_free(bad);

	bad = rec_only("SF-R11", "R-SF");
	bad->recs[0].events[0].kind = (enum ov_event_kind)99;
	tap_is_int(import(s, bad, false, &d), OV_STORE_INVALID,
		   "event with a kind out of range: INVALID");
	unchanged(s, before, "... nothing written");
	ov_diag_release(&d);
	ov_dataset_free(bad);
	free(before);
}

static void test_replace(ov_store *s, const ov_dataset *ds)
{
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *got = NULL;

	tap_is_int(import(s, ds, true, &d), OV_STORE_OK,
		   "import with replace");
	ov_store_load(s, NULL, OV_LOAD_ALL, &got, &d);
	tap_is_int(got ? fx_diff(ds, got) : -1, 0, "... same data back");
	ov_dataset_free(got);
	ov_diag_release(&d);
}

static void test_get(ov_store *s, const ov_dataset *ds)
{
	ov_diag d = OV_DIAG_INIT;
	ov_rec r;
	ov_person p;

	ov_rec_init(&r);
	tap_is_int(ov_store_get(s, OV_ENT_REC, "NOPE", &r, &d),
		   OV_STORE_NOTFOUND, "get a missing ref: NOTFOUND");
	tap_ok(fx_has_msg(&d, "no recommendation 'NOPE'") &&
		       ov_diag_kind(&d) == OV_PROB_NOTFOUND,
	       "... a not-found problem naming it");
	ov_diag_release(&d);
	tap_is_int(ov_store_get(s, OV_ENT_REC, "SF-R01", &r, &d), OV_STORE_OK,
		   "get SF-R01");
	tap_is_int(fx_diff_rec(&r, ov_dataset_find_rec(ds, "SF-R01")), 0,
		   "... equals what was imported, bullets and timeline too");
	ov_rec_release(&r);
	memset(&p, 0, sizeof p);
	tap_is_int(ov_store_get(s, OV_ENT_PERSON, "p-acc", &p, &d),
		   OV_STORE_OK, "get a person");
	tap_ok(ov_shape_diff(&ov_shape_person, &p,
			     ov_dataset_find_person(ds, "p-acc"), NULL,
			     NULL) == 0,
	       "... the person imported");
	ov_person_release(&p);
	tap_is_int(ov_store_exists(s, OV_ENT_PERSON, "p-acc", &d),
		   OV_STORE_OK, "exists: a person there");
	tap_is_int(ov_store_exists(s, OV_ENT_PERSON, "ghost", &d),
		   OV_STORE_NOTFOUND, "exists: a person not there");
	tap_is_int(ov_store_exists(s, OV_ENT_MEETING, "nope", &d),
		   OV_STORE_NOTFOUND, "exists: a meeting not there");
	ov_diag_release(&d);
}

static size_t n_events(ov_store *s, const char *ref)
{
	ov_diag d = OV_DIAG_INIT;
	ov_rec r;
	size_t n = 0;

	ov_rec_init(&r);
	if (ov_store_get(s, OV_ENT_REC, ref, &r, &d) == OV_STORE_OK)
		n = r.n_events;
	ov_rec_release(&r);
	ov_diag_release(&d);
	return n;
}

/* The store appends what it is given at the end of the timeline if the
 * timeline is as the caller read it; the rules are the app's. */
static void test_append(ov_store *s)
{
	ov_diag d = OV_DIAG_INIT;
	size_t n = n_events(s, "SF-R01");
	ov_rec tmp, got;
	char *before;

	ov_rec_init(&tmp);
	ov_rec_init(&got);
	fx_event(&tmp, "2018-08-01", OV_EV_UPDATE, "J", "same day as last");
	fx_event(&tmp, "2018-09-01", OV_EV_PROPOSED, "J", "proposed");
	tap_is_int(ov_store_rec_append(s, "SF-R01", n, tmp.events, 2, NULL,
					&d),
		   OV_STORE_OK, "append two events");
	tap_is_int((long long)n_events(s, "SF-R01"), (long long)n + 2,
		   "... stored");
	ov_store_get(s, OV_ENT_REC, "SF-R01", &got, &d);
	tap_ok(got.n_events == n + 2 &&
		       got.events[n + 1].kind == OV_EV_PROPOSED &&
		       !strcmp(got.events[n].text, "same day as last"),
	       "... at the end, in order, whole");
	ov_rec_release(&got);
	before = snapshot(s);
	tap_is_int(ov_store_rec_append(s, "SF-R01", n, tmp.events, 2, NULL,
					&d),
		   OV_STORE_CONFLICT,
		   "append against a timeline read before it changed: "
		   "CONFLICT");
	tap_ok(ov_diag_kind(&d) == OV_PROB_CONFLICT &&
		       fx_has_msg(&d, "nothing recorded"),
	       "... a conflict saying nothing was recorded");
	unchanged(s, before, "... nothing written");
	ov_diag_release(&d);
	tap_is_int(ov_store_rec_append(s, "NOPE", 0, tmp.events, 1, NULL, &d),
		   OV_STORE_NOTFOUND, "append to a missing rec: NOTFOUND");
	unchanged(s, before, "... nothing written");
	ov_diag_release(&d);
	ov_rec_release(&tmp);
	free(before);
}

/* A meeting is replaced whole, its reviews and documents with it, or
 * not at all. */
static void test_meeting_replace(ov_store *s)
{
	ov_diag d = OV_DIAG_INIT;
	ov_meeting m, got;
	char *before;

	ov_meeting_init(&m);
	ov_meeting_init(&got);
	if (ov_store_get(s, OV_ENT_MEETING, "jac-2018-09-27", &m, &d) !=
	    OV_STORE_OK) {
		tap_ok(0, "get the meeting to replace");
		ov_diag_release(&d);
		return;
	}
	fx_set(&m.purpose, "A new purpose");
	free(m.background);
	m.background = NULL;
	for (size_t i = 0; i < m.n_reviews; i++) {
		free(m.reviews[i].report);
		free(m.reviews[i].intro);
		free(m.reviews[i].narrative);
	}
	m.n_reviews = 0;
	fx_add_review(&m, "R-NCPI", "Only this one");
	fx_add_document(&m, "A third document");
	tap_is_int(ov_store_meeting_replace(s, &m, &d), OV_STORE_OK,
		   "replace a meeting");
	tap_is_int(ov_store_get(s, OV_ENT_MEETING, m.id, &got, &d),
		   OV_STORE_OK, "... read it back");
	tap_ok(ov_shape_diff(&ov_shape_meeting, &got, &m, NULL, NULL) == 0,
	       "... field by field what was stored: one review, three "
	       "documents, no background");
	ov_meeting_release(&got);
	before = snapshot(s);
	fx_set(&m.reviews[0].report, "R-GHOST");
	tap_is_int(ov_store_meeting_replace(s, &m, &d), OV_STORE_INVALID,
		   "a review of a report not there: INVALID");
	tap_ok(ov_diag_kind(&d) == OV_PROB_INPUT &&
		       fx_has_msg(&d, "meeting review"),
	       "... bad input naming the review");
	unchanged(s, before, "... nothing written");
	ov_diag_release(&d);
	fx_set(&m.reviews[0].report, "R-SF");
	fx_set(&m.id, "nope");
	tap_is_int(ov_store_meeting_replace(s, &m, &d), OV_STORE_NOTFOUND,
		   "replace a meeting not there: NOTFOUND");
	tap_ok(ov_diag_kind(&d) == OV_PROB_NOTFOUND &&
		       fx_has_msg(&d, "no meeting 'nope'"),
	       "... a not-found problem naming it");
	unchanged(s, before, "... nothing written");
	ov_diag_release(&d);
	ov_meeting_release(&m);
	free(before);
}

typedef struct seen {
	ov_buf refs;
	size_t events;
} seen;

static int see(const ov_rec *rec, ov_day due, void *ctx)
{
	seen *sn = ctx;

	(void)due;
	ov_buf_printf(&sn->refs, "%s%s", sn->refs.len ? " " : "", rec->ref);
	sn->events += rec->n_events;
	return 0;
}

static void is_scan(ov_store *s, const ov_store_scan *q, const char *want,
		    long long want_events, const char *name)
{
	ov_diag d = OV_DIAG_INIT;
	seen sn = {OV_BUF_INIT, 0};
	ov_store_rc rc = ov_store_scan_recs(s, q, see, &sn, &d);

	tap_ok(rc == OV_STORE_OK && !strcmp(ov_buf_str(&sn.refs), want) &&
		       (want_events < 0 ||
			(long long)sn.events == want_events),
	       name);
	if (rc != OV_STORE_OK || strcmp(ov_buf_str(&sn.refs), want))
		printf("#   got '%s' (%zu events), want '%s'\n",
		       ov_buf_str(&sn.refs), sn.events, want);
	ov_buf_release(&sn.refs);
	ov_diag_release(&d);
}

/* The scan's column filters; the order is the store's own, so the
 * expectations compare sets written in that order for this backend's
 * fixture (the recs were imported in ref order). */
static void test_scan(ov_store *s)
{
	ov_store_scan q;

	ov_store_scan_init(&q);
	is_scan(s, &q, "NCPI-F01 SF-R01 SF-R02 XYZ-R01", 0,
		"scan all, no timeline: every rec, no events");
	q.timeline = true;
	is_scan(s, &q, "NCPI-F01 SF-R01 SF-R02 XYZ-R01", 16,
		"with timelines: all 16 events");
	q.events_upto = fx_day("2017-12-31");
	is_scan(s, &q, "NCPI-F01 SF-R01 SF-R02 XYZ-R01", -1,
		"events up to a date: every rec still streamed");
	ov_store_scan_init(&q);
	q.report = "R-SF";
	is_scan(s, &q, "SF-R01 SF-R02 XYZ-R01", -1, "report filter");
	q.force = "XYZ";
	is_scan(s, &q, "XYZ-R01", -1, "report and force");
	ov_store_scan_init(&q);
	q.area = "Leadership";
	is_scan(s, &q, "SF-R01 XYZ-R01", -1, "area filter");
	ov_store_scan_init(&q);
	q.due_before = fx_day("2018-06-30");
	is_scan(s, &q, "SF-R01 XYZ-R01", -1, "stored due date before");
	ov_store_scan_init(&q);
	q.report = "' OR 1=1 --";
	is_scan(s, &q, "", -1, "a filter value is bound, never SQL");
	ov_store_scan_init(&q);
	q.q = "leadership";
	is_scan(s, &q, "SF-R01 XYZ-R01", -1, "search words in the scan");
	q.timeline = true;
	q.force = "XYZ";
	is_scan(s, &q, "XYZ-R01", 2, "... with a column filter, timelines");
	q.q = "NEAR(";
	is_scan(s, &q, "", -1, "... an operator of FTS5 is a word here");
}

/* ---- the stored state, at the store's own interface ---- */

static int same_text(const char *a, const char *b)
{
	return a ? b && !strcmp(a, b) : !b;
}

static int same_stored(const ov_store_state *a, const ov_store_state *b)
{
	return a->status == b->status && a->status_rank == b->status_rank &&
	       a->status_date == b->status_date && a->rag == b->rag &&
	       same_text(a->owner, b->owner) &&
	       same_text(a->closed_by, b->closed_by) &&
	       same_text(a->basis, b->basis) &&
	       same_text(a->last_update, b->last_update) &&
	       a->last_update_date == b->last_update_date &&
	       a->last_event_date == b->last_event_date;
}

typedef struct stored_check {
	size_t recs, same, missing;
	ov_store_interval *iv; /* room for the oracle's intervals */
	size_t cap;
} stored_check;

static int same_intervals(const ov_store_derived *a, const ov_store_derived *b)
{
	if (a->n_iv != b->n_iv)
		return 0;
	for (size_t k = 0; k < a->n_iv; k++)
		if (a->iv[k].from != b->iv[k].from ||
		    a->iv[k].to != b->iv[k].to ||
		    !same_stored(&a->iv[k].state, &b->iv[k].state))
			return 0;
	return 1;
}

/* Each stored state and its intervals against the test's own fold of the
 * timeline the store streams with them, and core's intervals. */
static int check_stored(const ov_rec *rec, ov_day due,
			const ov_store_derived *stored, void *ctx)
{
	stored_check *c = ctx;
	ov_store_derived want;

	(void)due;
	c->recs++;
	OV_GROW(c->iv, c->cap, rec->n_events + 1);
	intervals_of(rec, c->iv, &want);
	if (!stored)
		c->missing++;
	else if (same_stored(&stored->now, &want.now) &&
		 same_intervals(stored, &want))
		c->same++;
	else
		printf("#   %s: stored state differs (%zu intervals stored, "
		       "%zu folded)\n", rec->ref, stored->n_iv, want.n_iv);
	return 0;
}

static int states_match(ov_store *s, size_t want_recs)
{
	ov_diag d = OV_DIAG_INIT;
	stored_check c = {0, 0, 0, NULL, 0};
	int ok = ov_store_state_each(s, check_stored, &c, &d) == OV_STORE_OK &&
		 c.recs == want_recs && c.same == want_recs;

	if (!ok)
		printf("#   %zu recs, %zu same, %zu missing\n", c.recs, c.same,
		       c.missing);
	ov_diag_print(&d, stdout, "#   ");
	ov_diag_release(&d);
	free(c.iv);
	return ok;
}

/* The rebuild's fold: ctx is a stored_check whose room it uses. */
static int fold_oracle(const ov_rec *rec, ov_day due, ov_store_derived *out,
		       void *ctx)
{
	stored_check *c = ctx;

	(void)due;
	OV_GROW(c->iv, c->cap, rec->n_events + 1);
	intervals_of(rec, c->iv, out);
	return 0;
}

typedef struct page {
	ov_buf refs;
	const ov_store_state_row *first; /* not kept past the call */
	int sf_r01_ok;
} page;

static int on_row(const ov_store_state_row *row, void *ctx)
{
	page *pg = ctx;

	ov_buf_printf(&pg->refs, "%s%s", pg->refs.len ? " " : "",
		      row->rec->ref);
	if (!strcmp(row->rec->ref, "SF-R01"))
		pg->sf_r01_ok =
			row->state->status == OV_STATUS_OPEN &&
			row->state->rag == OV_RAG_RED &&
			!strcmp(row->state->owner, "p-acc") && row->owner &&
			!strcmp(row->owner->name, "Jane Smith") &&
			row->report_title &&
			!strncmp(row->report_title, "Stolen freedom", 14) &&
			!strcmp(row->report_plan, "pl-fvip") &&
			row->due != OV_DAY_NONE && row->rec->n_events == 0 &&
			!strcmp(row->rec->text, "Forces should review their "
						"governance.");
	return 0;
}

static int on_row_none(const ov_store_state_row *row, void *ctx)
{
	(void)row;
	(void)ctx;
	return 0;
}

static void query_init(ov_store_query *q, const char *as_at)
{
	memset(q, 0, sizeof *q);
	q->as_at = fx_day(as_at);
	q->statuses = (1u << (OV_STATUS_NA + 1)) - 1;
	q->due_before = OV_DAY_NONE;
	q->status_after = OV_DAY_NONE;
	q->order[0] = OV_KEY_REPORT;
	q->order[1] = OV_KEY_REF;
}

/* The page's refs, "-" when the store would not answer, "ERROR". */
static char *query(ov_store *s, const ov_store_query *q, size_t *total,
		   int *sf_r01_ok)
{
	ov_diag d = OV_DIAG_INIT;
	page pg = {OV_BUF_INIT, NULL, 0};
	bool answered = false;
	ov_store_rc rc = ov_store_query_states(s, q, on_row, &pg, total,
					       &answered, &d);

	if (rc != OV_STORE_OK) {
		ov_diag_print(&d, stdout, "#   ");
		ov_buf_reset(&pg.refs);
		ov_buf_puts(&pg.refs, "ERROR");
	} else if (!answered) {
		ov_buf_puts(&pg.refs, "-");
	}
	if (sf_r01_ok)
		*sf_r01_ok = pg.sf_r01_ok;
	ov_diag_release(&d);
	return ov_buf_detach(&pg.refs);
}

static void is_query(ov_store *s, const ov_store_query *q, const char *want,
		     long long want_total, const char *name)
{
	size_t total = 0;
	char *got = query(s, q, &total, NULL);

	tap_ok(!strcmp(got, want) && (want_total < 0 ||
				      (long long)total == want_total),
	       name);
	if (strcmp(got, want) || (want_total >= 0 &&
				  (long long)total != want_total))
		printf("#   got '%s' (total %zu), want '%s' (%lld)\n", got,
		       total, want, want_total);
	free(got);
}

static uint64_t generation(ov_store *s)
{
	ov_diag d = OV_DIAG_INIT;
	uint64_t g = 0;

	if (ov_store_generation(s, &g, &d) != OV_STORE_OK)
		ov_diag_print(&d, stdout, "#   ");
	ov_diag_release(&d);
	return g;
}

static int index_ok(ov_store *s)
{
	ov_diag d = OV_DIAG_INIT;
	bool ok = false;

	if (ov_store_index_check(s, &ok, &d) != OV_STORE_OK)
		ov_diag_print(&d, stdout, "#   ");
	ov_diag_release(&d);
	return ok;
}

static int cmp_ref(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The refs of a query in any order (q->any_order), sorted: the same set
 * as in order. */
static char *sorted_refs(char *refs)
{
	char *w[64], *save = NULL, *out;
	size_t n = 0;
	ov_buf b = OV_BUF_INIT;

	for (char *t = strtok_r(refs, " ", &save); t && n < 64;
	     t = strtok_r(NULL, " ", &save))
		w[n++] = t;
	qsort(w, n, sizeof *w, cmp_ref);
	for (size_t i = 0; i < n; i++)
		ov_buf_printf(&b, "%s%s", i ? " " : "", w[i]);
	out = ov_buf_detach(&b);
	free(refs);
	return out;
}

/* The whole list in the store's own order: the same rows, each as in
 * order (its report and owner too), and its count; a page keeps its
 * order. */
static void test_any_order(ov_store *s)
{
	static const char *const dates[] = {"2030-01-01", "2018-07-31"};
	static const char *const names[] = {
	    "any order, from the states: every rec, total 4, a row with its "
	    "owner and report",
	    "any order, from the intervals: every rec, total 4, a row with "
	    "its owner and report"};
	ov_store_query q;
	size_t total = 0;
	int sf_ok = 0;
	char *got;

	for (size_t i = 0; i < 2; i++) {
		query_init(&q, dates[i]);
		q.any_order = true;
		got = sorted_refs(query(s, &q, &total, &sf_ok));
		tap_ok(!strcmp(got, "NCPI-F01 SF-R01 SF-R02 XYZ-R01") &&
			       total == 4 && sf_ok,
		       names[i]);
		if (strcmp(got, "NCPI-F01 SF-R01 SF-R02 XYZ-R01") ||
		    total != 4 || !sf_ok)
			printf("#   got '%s' (total %zu, row %d)\n", got, total,
			       sf_ok);
		free(got);
	}
	query_init(&q, "2030-01-01");
	q.any_order = true;
	q.owner = "p-dci";
	is_query(s, &q, "NCPI-F01", 1, "any order, filtered by owner");
	query_init(&q, "2030-01-01");
	q.any_order = true;
	q.order[0] = OV_KEY_REF;
	q.order[1] = OV_KEY_END;
	q.offset = 1;
	q.limit = 2;
	is_query(s, &q, "SF-R01 SF-R02", 4,
		 "any order with a page: the page in order, total 4");
}

/* The state as an import left it (fx_small with its states). */
static void test_state_store(ov_store *s)
{
	ov_diag d = OV_DIAG_INIT;
	ov_store_query q;
	uint64_t g0 = generation(s);
	bool stale = true;
	size_t total = 0;
	int sf_ok = 0;
	char *got;
	ov_event ev;

	tap_ok(ov_store_state_stale(s, &stale, &d) == OV_STORE_OK && !stale,
	       "after an import with states, the state is not stale");
	tap_ok(states_match(s, 4),
	       "... every stored state is the fold of its timeline");
	tap_ok(index_ok(s), "... and the search index and counts hold them");
	query_init(&q, "2030-01-01");
	got = query(s, &q, &total, &sf_ok);
	tap_ok(!strcmp(got, "NCPI-F01 SF-R01 SF-R02 XYZ-R01") && total == 4,
	       "query the states: every rec, by report then ref, total 4");
	free(got);
	tap_ok(sf_ok, "... a row: its state, owner as a person, report's "
		      "title and plan, the rec's columns without events");
	q.as_at = fx_day("2018-07-31");
	is_query(s, &q, "NCPI-F01 SF-R01 SF-R02 XYZ-R01", 4,
		 "as at a date before the latest event: answered (from the "
		 "intervals)");
	q.as_at = fx_day("2018-08-01");
	is_query(s, &q, "NCPI-F01 SF-R01 SF-R02 XYZ-R01", 4,
		 "as at the latest event's date: answered");
	q.as_at = fx_day("2000-01-01");
	is_query(s, &q, "", 0, "as at a date before every event: no rows");
	q.as_at = OV_DAY_NONE;
	is_query(s, &q, "", 0, "as at no date: no rows");
	query_init(&q, "2030-01-01");
	q.statuses = 1u << OV_STATUS_OPEN;
	q.order[0] = OV_KEY_REF;
	q.order[1] = OV_KEY_END;
	q.offset = 1;
	q.limit = 1;
	is_query(s, &q, "SF-R01", 3, "open ones by ref, the second page of "
				     "one, total 3");
	query_init(&q, "2030-01-01");
	q.statuses = 0;
	is_query(s, &q, "", 0, "no status passes: nothing");
	query_init(&q, "2030-01-01");
	q.rag_set = true;
	q.rag = OV_RAG_NONE;
	is_query(s, &q, "NCPI-F01 SF-R02", 2, "never rated");
	q.rag = OV_RAG_GREEN;
	is_query(s, &q, "XYZ-R01", 1, "green");
	query_init(&q, "2030-01-01");
	q.owner = "p-dci";
	is_query(s, &q, "NCPI-F01", 1, "owner");
	q.owner = "' OR 1=1 --";
	is_query(s, &q, "", 0, "a filter value is bound, never SQL");
	query_init(&q, "2030-01-01");
	q.report = "R-SF";
	q.force = "WMP";
	q.area = "Leadership";
	is_query(s, &q, "SF-R01", 1, "report, force and area");
	query_init(&q, "2030-01-01");
	q.due_before = fx_day("2018-06-30");
	q.order[0] = OV_KEY_DUE;
	is_query(s, &q, "XYZ-R01 SF-R01", 2, "due before (strictly), by due");
	query_init(&q, "2030-01-01");
	q.order[0] = OV_KEY_DUE;
	q.order[1] = OV_KEY_REPORT;
	q.order[2] = OV_KEY_REF;
	is_query(s, &q, "XYZ-R01 SF-R01 SF-R02 NCPI-F01", 4,
		 "by due date, none last");
	q.order[0] = OV_KEY_STATUS;
	is_query(s, &q, "NCPI-F01 SF-R01 XYZ-R01 SF-R02", 4,
		 "by status rank, then report, ref");
	query_init(&q, "2030-01-01");
	q.status_after = fx_day("2018-01-31");
	is_query(s, &q, "SF-R01 SF-R02", 2, "status date after");
	query_init(&q, "2030-01-01");
	q.q = "slavery";
	is_query(s, &q, "SF-R01", 1, "search: a word of the subject");
	q.q = "restarted GAP";
	is_query(s, &q, "SF-R01", 1,
		 "search: words of two updates, any case");
	q.q = "later report";
	is_query(s, &q, "SF-R02", 1, "search: the words of a basis");
	q.q = "bullet";
	is_query(s, &q, "SF-R01", 1, "search: a bullet's word, stemmed");
	q.q = "sf-r02";
	is_query(s, &q, "SF-R02", 1, "search: a ref");
	q.q = "   ";
	is_query(s, &q, "NCPI-F01 SF-R01 SF-R02 XYZ-R01", 4,
		 "search: blank words do not filter");
	q.q = "\"*\" --";
	is_query(s, &q, "", 0, "search: punctuation only finds nothing");
	tap_is_int((long long)generation(s), (long long)g0,
		   "reads leave the generation as it was");
	ov_event_init(&ev);
	ev.date = fx_day("2030-01-01");
	ev.kind = OV_EV_UPDATE;
	ev.author = "x";
	ev.text = "words";
	tap_is_int(ov_store_rec_append(s, "SF-R01", 1, &ev, 1, NULL, &d),
		   OV_STORE_CONFLICT, "an append that conflicts...");
	tap_is_int((long long)generation(s), (long long)g0,
		   "... leaves the generation as it was");
	tap_ok(ov_store_state_stale(s, &stale, &d) == OV_STORE_OK && !stale,
	       "... and the state not stale");
	ov_diag_release(&d);
}

/* After appends without a state (test_append): stale until a rebuild. */
static void test_state_rebuild(ov_store *s)
{
	ov_diag d = OV_DIAG_INIT;
	ov_store_query q;
	uint64_t g0 = generation(s);
	bool stale = false;
	size_t n = 0;
	stored_check room = {0, 0, 0, NULL, 0};

	tap_ok(ov_store_state_stale(s, &stale, &d) == OV_STORE_OK && stale,
	       "an append without a state marks the state stale");
	query_init(&q, "2099-01-01");
	is_query(s, &q, "-", 0, "... and a stale state answers no query");
	tap_is_int(ov_store_state_rebuild(s, true, fold_oracle, &room, &n, &d),
		   OV_STORE_OK, "rebuild the stale state");
	tap_ok(n == 4 && ov_store_state_stale(s, &stale, &d) == OV_STORE_OK &&
		       !stale,
	       "... every rec, no longer stale");
	tap_ok(states_match(s, 4), "... each the fold of its timeline");
	tap_ok(index_ok(s), "... the search index (with the appended words) and counts");
	q.q = "same day as last";
	is_query(s, &q, "SF-R01", 1,
		 "... which a search finds, every word (NCPI-F01 has only "
		 "'same day')");
	tap_ok(generation(s) > g0, "a rebuild counts as a write");
	g0 = generation(s);
	tap_is_int(ov_store_state_rebuild(s, true, fold_oracle, &room, &n, &d),
		   OV_STORE_OK, "rebuild only if stale, when it is not");
	tap_ok(n == 0 && generation(s) == g0, "... does nothing");
	ov_diag_print(&d, stdout, "#   ");
	ov_diag_release(&d);
	free(room.iv);
}

/* What a look saw: "REF:kind[=rag],..." per rec; it asks for none
 * whole. */
static int look_at(const ov_rec *brief, ov_day due, void *ctx)
{
	ov_buf *b = ctx;

	(void)due;
	ov_buf_printf(b, "%s%s:", b->len ? " " : "", brief->ref);
	for (size_t i = 0; i < brief->n_events; i++) {
		const ov_event *e = &brief->events[i];

		ov_buf_printf(b, "%s%s%s%s", i ? "," : "",
			      ov_event_kind_code(e->kind),
			      e->rag == OV_RAG_NONE ? "" : "=",
			      e->rag == OV_RAG_NONE ? "" : ov_rag_code(e->rag));
	}
	return 0;
}

/* The look asked for no rec whole: reaching here fails the scan. */
static int not_asked(const ov_rec *rec, ov_day due, void *ctx)
{
	(void)rec, (void)due, (void)ctx;
	return -1;
}

static void is_look(ov_store *s, const char *report, unsigned kinds,
		    const char *want, const char *name)
{
	ov_diag d = OV_DIAG_INIT;
	ov_buf b = OV_BUF_INIT;
	ov_store_scan q;
	ov_store_rc rc;

	ov_store_scan_init(&q);
	q.report = report;
	q.timeline = true;
	q.events_upto = fx_day("2018-07-15");
	q.want = look_at;
	q.probe_kinds = kinds;
	rc = ov_store_scan_recs(s, &q, not_asked, &b, &d);
	tap_ok(rc == OV_STORE_OK && !strcmp(ov_buf_str(&b), want), name);
	if (rc != OV_STORE_OK || strcmp(ov_buf_str(&b), want))
		printf("#   got '%s'\n#  want '%s'\n", ov_buf_str(&b), want);
	ov_buf_release(&b);
	ov_diag_release(&d);
}

/* The look sees the kinds asked for, up to the date, and the RAG of RAG
 * events, with a column filter and without. */
static void test_look(ov_store *s)
{
	is_look(s, NULL, 1u << OV_EV_RAG,
		"NCPI-F01: SF-R01:rag=amber,rag=red SF-R02: XYZ-R01:rag=green",
		"a look at RAG events sees their RAG");
	is_look(s, "R-SF", ov_status_event_kinds() | 1u << OV_EV_RAG,
		"SF-R01:created,rag=amber,closure-proposed,closed,reopened,"
		"rag=red SF-R02:created,superseded XYZ-R01:created,rag=green",
		"... with the status events, for one report");
	is_look(s, NULL, ov_status_event_kinds(),
		"NCPI-F01:created SF-R01:created,closure-proposed,closed,"
		"reopened SF-R02:created,superseded XYZ-R01:created",
		"a look at the status events alone");
}

/* Every code of every enum goes in and comes back. */
static void test_all_codes(void)
{
	char *db;
	ov_store *s = open_fresh("codes", &db);
	ov_dataset *ds = fx_small(), *got = NULL;
	ov_diag d = OV_DIAG_INIT;
	ov_rec *r = &ds->recs[0];
	ov_report *rep = &ds->reports[0];
	ov_question *q = &ds->assessments[0].questions[2];
	ov_activity *a = &ds->activities[0];
	int ok = s != NULL;

	for (int k = 0; k <= OV_EV_NA; k++)
		fx_event(r, "2019-01-01", (enum ov_event_kind)k, "x", NULL);
	for (int i = 0; ok && i < 8; i++) {
		r->kind = (enum ov_rec_kind)(i % 3);
		r->addressee = (enum ov_addressee)i;
		rep->kind = (enum ov_report_kind)i;
		rep->style = (enum ov_style)(i % 2);
		q->grade = (enum ov_grade)(i % 7);
		ds->assessments[0].scale = (enum ov_scale)(i % 2);
		a->kind = (enum ov_activity_kind)(i % 7);
		r->events[2].rag = (enum ov_rag)(i % 3);
		ok = import(s, ds, true, &d) == OV_STORE_OK &&
		     ov_store_load(s, NULL, OV_LOAD_ALL, &got, &d) ==
			     OV_STORE_OK &&
		     fx_diff(ds, got) == 0;
		ov_dataset_free(got);
		got = NULL;
	}
	tap_ok(ok, "every enum code is accepted by the schema and read back");
	ov_diag_print(&d, stdout, "# ");
	ov_store_close(s);
	ov_dataset_free(ds);
	ov_diag_release(&d);
	free(db);
}

/* ---- the register over this backend, through the app layer ---- */

static int same_str(const char *a, const char *b)
{
	return a ? b && !strcmp(a, b) : !b;
}

static int same_state(const ov_rec_row *row, const ov_rec_state *st)
{
	return row->status == st->status &&
	       row->status_date == st->status_date && row->rag == st->rag &&
	       same_str(row->owner, st->owner) &&
	       same_str(row->closed_by, st->closed_by) &&
	       same_str(row->basis, st->basis) &&
	       same_str(row->last_update, st->last_update) &&
	       row->last_update_date == st->last_update_date;
}

static const ov_rec_row *find_row(const ov_register *r, const char *ref)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(r->rows[i].ref, ref))
			return &r->rows[i];
	return NULL;
}

/* For each date, every rec the register lists folds the same in core,
 * and every rec the core fold says exists is listed; overdue agrees. */
static int fold_matches_at(ov_app *a, const ov_dataset *ds, ov_day at)
{
	ov_diag d = OV_DIAG_INIT;
	ov_register all = {0}, od = {0};
	ov_rec_filter f;
	int bad = 0;

	ov_rec_filter_init(&f, at);
	bad += ov_app_register(a, &f, &all, &d) != 0;
	f.overdue = true;
	bad += ov_app_register(a, &f, &od, &d) != 0;
	for (size_t i = 0; i < ds->n_recs; i++) {
		const ov_rec *r = &ds->recs[i];
		const ov_rec_row *row = find_row(&all, r->ref);
		ov_day due = ov_rec_due(r, ov_dataset_find_report(ds,
								 r->report));
		ov_rec_state st;

		ov_rec_fold(r, at, &st);
		if (st.status == OV_STATUS_NONE) {
			bad += row != NULL;
			continue;
		}
		if (!row || !same_state(row, &st)) {
			printf("# %s differs at day %d\n", r->ref, (int)at);
			bad++;
		}
		bad += ov_rec_overdue(&st, due, at) !=
		       (find_row(&od, r->ref) != NULL);
	}
	ov_register_release(&all);
	ov_register_release(&od);
	ov_diag_release(&d);
	return bad;
}

static int store_answers(const char *db, ov_day at);

static void test_fold(void)
{
	char *db;
	ov_store *s = open_fresh("fold", &db);
	ov_dataset *ds = fx_random(12345, 300);
	ov_diag d = OV_DIAG_INIT;
	ov_app *a = NULL;
	int bad = 0, dates = 0;

	tap_is_int(s ? (int)import(s, ds, false, &d) : -1, OV_STORE_OK,
		   "import 300 random timelines");
	ov_store_close(s);
	tap_is_int(ov_app_open(db, &a, &d), 0, "open it as the register");
	for (ov_day at = fx_day("2015-12-01");
	     a && at < fx_day("2019-06-01"); at += 9, dates++) {
		bad += fold_matches_at(a, ds, at);
		if (!store_answers(db, at)) {
			printf("# the store did not answer as at day %d\n",
			       (int)at);
			bad++;
		}
	}
	tap_ok(bad == 0 && dates > 100,
	       "the register (from the stored intervals) equals ov_rec_fold "
	       "for every rec at ~140 dates (status, RAG, owner, closure, "
	       "update, overdue)");
	ov_app_close(a);
	ov_dataset_free(ds);
	ov_diag_release(&d);
	free(db);
}

/* ---- the two ways of reading the register give the same rows ---- */

/* Filter number i of the table below on f (as at `at`); its name, or NULL
 * past the end. */
static const char *set_filter(int i, ov_rec_filter *f, ov_day at)
{
	static const char *const statuses[] = {
		"open", "closure-proposed", "closed", "superseded",
		"not-applicable"};
	static const char *const rags[] = {"red", "amber", "green", "none"};
	static const char *const words[] = {
		"found", "done do", "2017", "' OR 1=1 --", "\"", "*",
		"NEAR(", "FOUND*", "2016 03", "it."};
	ov_diag d = OV_DIAG_INIT;
	const char *name = NULL;

	ov_rec_filter_init(f, at);
	if (i == 0)
		name = "no filter";
	else if (i <= 5)
		ov_rec_filter_set(f, "status", statuses[i - 1], &d),
			name = "a status";
	else if (i <= 9)
		ov_rec_filter_set(f, "rag", rags[i - 6], &d), name = "a RAG";
	else if (i <= 12)
		f->owner = i == 10 ? "p-acc" : i == 11 ? "p-sme" : "p-dci",
		name = "an owner";
	else if (i <= 14)
		f->report = i == 13 ? "R-SF" : "R-NCPI", name = "a report";
	else if (i <= 16)
		f->area = i == 15 ? "A" : "B", name = "an area";
	else if (i <= 18)
		f->force = i == 17 ? "WMP" : "XYZ", name = "a force";
	else if (i == 19)
		f->overdue = true, name = "overdue";
	else if (i == 20)
		f->due_before = fx_day("2017-01-01"), name = "due before";
	else if (i == 21)
		f->closed_since_set = true, f->closed_since = at - 300,
		name = "closed since";
	else if (i == 22)
		f->status_set = true, f->status = OV_STATUS_OPEN,
		f->rag_set = true, f->rag = OV_RAG_RED,
		name = "open and red";
	else if (i == 23)
		f->overdue = true, f->force = "XYZ", f->owner = "p-acc",
		name = "overdue, force, owner";
	else if (i == 24)
		f->overdue = true, f->due_before = fx_day("2017-03-01"),
		name = "overdue and due before";
	else if (i <= 34)
		ov_rec_filter_set(f, "q", words[i - 25], &d),
			name = "search words";
	else if (i == 35)
		f->q = "found", f->status_set = true,
		f->status = OV_STATUS_CLOSED, name = "search and status";
	else if (i == 36)
		f->q = "do", f->closed_since_set = true,
		f->closed_since = at - 500, f->area = "A",
		name = "search, closed since, area";
	else if (i == 37)
		f->rag_set = true, f->rag = OV_RAG_NONE, f->status_set = true,
		f->status = OV_STATUS_PROPOSED, name = "never rated, proposed";
	ov_diag_print(&d, stdout, "#   bad filter: ");
	ov_diag_release(&d);
	return name;
}

/* The columns of two rows, as the register's JSON writes them. */
static int same_row(const ov_rec_row *a, const ov_rec_row *b)
{
	char ba[11], bb[11];

	for (size_t c = 0; c < ov_rec_row_ncols; c++)
		if (!same_str(ov_rec_row_get(a, c, ba),
			      ov_rec_row_get(b, c, bb))) {
			printf("#   %s: column %s: '%s' != '%s'\n", a->ref,
			       ov_rec_row_name(c),
			       ov_rec_row_get(a, c, ba) ? ba : "(null)",
			       ov_rec_row_get(b, c, bb) ? bb : "(null)");
			return 0;
		}
	return 1;
}

/* f read from the stored state and by folding: the same page, rows and
 * total.  Returns 1 if they differ (printing how). */
static int paths_differ(ov_app *a, const ov_rec_filter *f, const char *name)
{
	ov_diag d = OV_DIAG_INIT;
	ov_rec_filter ff = *f;
	ov_register st = {0}, fo = {0};
	int bad = 0;

	ff.fold = true;
	if (ov_app_register(a, f, &st, &d) != 0 ||
	    ov_app_register(a, &ff, &fo, &d) != 0) {
		ov_diag_print(&d, stdout, "#   ");
		bad = 1;
	} else if (st.n != fo.n || st.total != fo.total) {
		bad = 1;
	} else {
		for (size_t i = 0; i < st.n && !bad; i++)
			bad = !same_row(&st.rows[i], &fo.rows[i]);
	}
	if (bad)
		printf("#   %s, sort %d, page %zu+%zu: state %zu of %zu, "
		       "fold %zu of %zu\n", name, (int)f->sort, f->offset,
		       f->limit, st.n, st.total, fo.n, fo.total);
	ov_register_release(&st);
	ov_register_release(&fo);
	ov_diag_release(&d);
	return bad;
}

/* Every filter and order at `at`, on the first n_pages of these pages;
 * the number of cases that differ. */
static int compare_paths(ov_app *a, ov_day at, size_t n_pages, int *cases)
{
	static const size_t pages[][2] = {{0, 0}, {13, 25}, {0, 7},
					  {250, 50}, {100000, 5}};
	int bad = 0;
	ov_rec_filter f;
	const char *name;

	for (int i = 0; (name = set_filter(i, &f, at)); i++)
		for (int sort = 0; sort < OV_SORT_N; sort++)
			for (size_t p = 0; p < n_pages && p < 5; p++) {
				set_filter(i, &f, at);
				f.sort = (enum ov_reg_sort)sort;
				f.offset = pages[p][0];
				f.limit = pages[p][1];
				bad += paths_differ(a, &f, name);
				(*cases)++;
			}
	return bad;
}

static ov_day latest_event(const ov_dataset *ds)
{
	ov_day last = OV_DAY_NONE;

	for (size_t i = 0; i < ds->n_recs; i++)
		for (size_t k = 0; k < ds->recs[i].n_events; k++)
			if (ds->recs[i].events[k].date > last)
				last = ds->recs[i].events[k].date;
	return last;
}

/* Whether the store answers from the state as at `at`. */
static int store_answers(const char *db, ov_day at)
{
	ov_diag d = OV_DIAG_INIT;
	ov_store *s = NULL;
	ov_store_query q;
	size_t total = 0;
	bool answered = false;

	query_init(&q, "2030-01-01");
	q.as_at = at;
	q.limit = 1;
	if (ov_store_open(db, false, &s, &d) != OV_STORE_OK ||
	    ov_store_query_states(s, &q, on_row_none, NULL, &total,
				  &answered, &d) != OV_STORE_OK)
		ov_diag_print(&d, stdout, "#   ");
	ov_store_close(s);
	ov_diag_release(&d);
	return answered;
}

static int state_clean(ov_app *a, size_t want)
{
	ov_diag d = OV_DIAG_INIT;
	ov_state_check c;
	int ok = ov_app_state_check(a, &c, &d) == 0 && c.n == 0 &&
		 c.checked == want && c.index_ok;

	if (!ok)
		printf("#   checked %zu, %zu differ (first %s), search %s\n",
		       c.checked, c.n, c.n ? c.refs[0] : "-",
		       c.index_ok ? "ok" : "NOT ok");
	ov_diag_print(&d, stdout, "#   ");
	ov_state_check_release(&c);
	ov_diag_release(&d);
	return ok;
}

/* One random event recorded through the app on a random rec, dated `at`
 * (after every event there is), and on the test's copy of the rec. */
static int record_random(ov_app *a, ov_dataset *ds, ov_day at,
			 unsigned *seed)
{
	static const char *const rags[] = {"red", "amber", "green"};
	ov_rec *r = &ds->recs[(size_t)rand_r(seed) % ds->n_recs];
	ov_rec_state st;
	ov_diag d = OV_DIAG_INIT;
	ov_recorded done;
	char date[11], note[40];
	enum ov_event_kind k;
	enum ov_rag code;
	int rc;

	ov_rec_fold(r, at, &st);
	do
		k = (enum ov_event_kind)(1 + rand_r(seed) % 8);
	while (!ov_event_allowed(st.status, k));
	ov_date_format(at, date);
	snprintf(note, sizeof note, "zebra note %u", (unsigned)rand_r(seed));
	if (k == OV_EV_UPDATE || k == OV_EV_RAG || k == OV_EV_OWNER) {
		ov_rec_update u = {at, "Tester", NULL, NULL, NULL};
		const char *rag = rags[rand_r(seed) % 3];
		const char *owner = rand_r(seed) % 2 ? "p-acc" : "p-sme";

		if (k == OV_EV_UPDATE)
			u.note = note;
		else if (k == OV_EV_RAG)
			u.rag = rag;
		else
			u.owner = owner;
		rc = ov_app_rec_update(a, r->ref, &u, &done, &d);
		if (!rc && k == OV_EV_UPDATE)
			fx_event(r, date, k, "Tester", note);
		else if (!rc && k == OV_EV_RAG && ov_rag_parse(rag, &code) == 0)
			fx_ev_rag(r, date, code);
		else if (!rc)
			fx_ev_owner(r, date, owner);
	} else {
		ov_rec_transition t = {k, at, "HMICFRS", note, "a basis"};

		bool basis = k == OV_EV_CLOSED || k == OV_EV_SUPERSEDED ||
			     k == OV_EV_NA;

		t.basis = basis ? "a basis" : NULL;
		rc = ov_app_rec_transition(a, r->ref, &t, &done, &d);
		if (!rc && basis)
			fx_ev_basis(r, date, k, "HMICFRS", "a basis")->text =
				ov_xstrdup(note);
		else if (!rc)
			fx_event(r, date, k, "HMICFRS", note);
	}
	ov_diag_print(&d, stdout, "#   ");
	ov_diag_release(&d);
	return rc;
}

static void test_paths(unsigned seed, size_t n)
{
	char *db, *json, *name = ov_xasprintf("paths-%u", seed);
	ov_store *s = open_fresh(name, &db);
	ov_dataset *ds = fx_random(seed, n);
	ov_diag d = OV_DIAG_INIT;
	ov_import_stats stats;
	ov_app *a = NULL;
	FILE *f;
	ov_day latest = latest_event(ds);
	int bad = 0, cases = 0, failed = 0, fd;

	ov_store_close(s);
	free(name);
	/* Not beside the database: a server's has no directory. */
	json = ov_xstrdup("/tmp/ov-contract-XXXXXX.json");
	fd = mkstemps(json, 5);
	f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f || ov_json_write(ds, f, &d) != 0)
		tap_diag("cannot write the random register");
	if (f)
		fclose(f);
	name = ov_xasprintf("seed %u: %zu random timelines imported through "
			    "the app", seed, n);
	tap_ok(ov_app_open(db, &a, &d) == 0 &&
		       ov_app_import(a, json, false, NULL, NULL, &stats, &d) == 0,
	       name);
	free(name);
	if (!a)
		goto out;
	tap_ok(state_clean(a, n),
	       "... each stored state is the fold of its timeline, the "
	       "search index whole");
	tap_ok(store_answers(db, latest) && store_answers(db, latest - 1) &&
		       store_answers(db, latest - 700),
	       "... the store answers as at the latest event and before it");
	bad = compare_paths(a, latest, 5, &cases);
	bad += compare_paths(a, latest + 400, 1, &cases);
	name = ov_xasprintf("... stored state and fold give the same rows "
			    "and totals: %d filters x 4 orders x 5 pages as "
			    "at the latest event, and every row 400 days "
			    "later (%d cases)", cases / 24, cases);
	tap_ok(bad == 0 && cases > 500, name);
	free(name);
	cases = 0;
	bad = 0;
	/* Every row at three earlier dates (the whole list: every interval
	 * holding the date), pages at the first. */
	for (int k = 0; k < 3; k++)
		bad += compare_paths(a, latest - 1 - 250 * k, k ? 1 : 2,
				     &cases);
	name = ov_xasprintf("... the intervals and the fold give the same "
			    "rows and totals as at 3 earlier dates (%d "
			    "cases)", cases);
	tap_ok(bad == 0 && cases > 500, name);
	free(name);
	for (int i = 0; i < 120; i++)
		failed += record_random(a, ds, latest + 1 + i / 3, &seed) != 0;
	latest += 1 + 119 / 3;
	tap_ok(failed == 0, "120 random events recorded through the app");
	tap_ok(state_clean(a, n), "... each stored state still the fold, "
				  "the search index whole");
	cases = 0;
	bad = compare_paths(a, latest, 2, &cases);
	tap_ok(bad == 0, "... and the two ways still give the same rows");
	bad = compare_paths(a, latest - 20, 1, &cases);
	bad += compare_paths(a, latest - 33, 1, &cases);
	tap_ok(bad == 0, "... also as at dates among the appended events "
			 "(from the intervals the appends rewrote)");
	tap_ok(store_answers(db, latest) && store_answers(db, latest - 1),
	       "... as at the new latest event and before it from what is "
	       "stored");
out:
	ov_app_close(a);
	ov_dataset_free(ds);
	ov_diag_release(&d);
	remove(json);
	free(json);
	free(db);
}

static char *refs(ov_app *a, const ov_rec_filter *f, size_t *total)
{
	ov_diag d = OV_DIAG_INIT;
	ov_register r = {0};
	ov_buf b = OV_BUF_INIT;

	if (ov_app_register(a, f, &r, &d) != 0)
		ov_buf_puts(&b, "ERROR");
	for (size_t i = 0; i < r.n; i++)
		ov_buf_printf(&b, "%s%s", i ? " " : "", r.rows[i].ref);
	if (total)
		*total = r.total;
	ov_register_release(&r);
	ov_diag_release(&d);
	return ov_buf_detach(&b);
}

static void is_refs(ov_app *a, const ov_rec_filter *f, const char *want,
		    const char *name)
{
	char *got = refs(a, f, NULL);

	tap_is_str(got, want, name);
	free(got);
}

static void test_register_states(ov_app *a)
{
	ov_diag d = OV_DIAG_INIT;
	ov_register r = {0};
	const ov_rec_row *row;
	ov_rec_filter f;

	ov_rec_filter_init(&f, fx_day("2016-01-01"));
	is_refs(a, &f, "", "as at a date before any creation: nothing");
	ov_rec_filter_init(&f, fx_day("2017-12-31"));
	is_refs(a, &f, "NCPI-F01 SF-R01 SF-R02",
		"as at 2017-12-31: created ones, by report then ref");
	ov_rec_filter_init(&f, fx_day("2018-04-15"));
	ov_app_register(a, &f, &r, &d);
	row = find_row(&r, "SF-R01");
	tap_ok(row && row->status == OV_STATUS_PROPOSED &&
		       row->status_date == fx_day("2018-03-01") &&
		       row->rag == OV_RAG_AMBER && !strcmp(row->owner, "p-acc") &&
		       !strcmp(row->owner_name, "Jane Smith, ACC Crime") &&
		       !strcmp(row->last_update, "Work started") &&
		       !row->closed_by && !row->basis &&
		       !strcmp(row->plan, "pl-fvip") &&
		       !strcmp(row->report_title, "Stolen freedom: the "
			       "policing response to modern slavery and human "
			       "trafficking"),
	       "SF-R01 before closure: proposed, amber, owner, last update");
	tap_ok(row && row->due == ov_date_add_months(fx_day("2017-10-24"), 6),
	       "... due from the timescale and publication");
	row = find_row(&r, "SF-R02");
	tap_ok(row && row->status == OV_STATUS_SUPERSEDED &&
		       !strcmp(row->basis, "Replaced by a later report") &&
		       !strcmp(row->plan, "pl-other") && !row->owner &&
		       !row->owner_name && row->rag == OV_RAG_NONE,
	       "SF-R02: superseded, own plan, no owner, no RAG");
	ov_register_release(&r);
	ov_rec_filter_init(&f, fx_day("2018-05-01"));
	ov_app_register(a, &f, &r, &d);
	row = find_row(&r, "SF-R01");
	tap_ok(row && row->status == OV_STATUS_CLOSED &&
		       !strcmp(row->closed_by, "HMICFRS") &&
		       !strcmp(row->basis, "Evidence reviewed"),
	       "SF-R01 on the day of closure: closed, by HMICFRS, basis");
	ov_register_release(&r);
	ov_rec_filter_init(&f, fx_day("2018-07-01"));
	ov_app_register(a, &f, &r, &d);
	row = find_row(&r, "SF-R01");
	tap_ok(row && row->status == OV_STATUS_OPEN &&
		       row->status_date == fx_day("2018-07-01") &&
		       !row->closed_by && !row->basis && row->rag == OV_RAG_RED,
	       "SF-R01 reopened: open, closure cleared, red (same-day tie)");
	row = find_row(&r, "NCPI-F01");
	tap_ok(row && !strcmp(row->last_update, "Same day") &&
		       !strcmp(row->owner_name, "DCI Public Protection") &&
		       !row->plan && !row->text &&
		       row->addressee == OV_AD_ALL_FORCES &&
		       row->kind == OV_RK_AFI,
	       "NCPI-F01: update, title-only owner, no plan, no text");
	ov_register_release(&r);
	ov_diag_release(&d);
}

static void filter(ov_rec_filter *f, const char *name, const char *v)
{
	ov_diag d = OV_DIAG_INIT;

	if (ov_rec_filter_set(f, name, v, &d) != 0)
		ov_diag_print(&d, stdout, "# ");
	ov_diag_release(&d);
}

static void test_register_filters(ov_app *a)
{
	ov_diag d = OV_DIAG_INIT;
	ov_day at = fx_day("2018-07-15");
	ov_rec_filter f;
	size_t total = 0;
	char *got;

	ov_rec_filter_init(&f, at);
	filter(&f, "status", "open");
	is_refs(a, &f, "NCPI-F01 SF-R01 XYZ-R01", "status open");
	filter(&f, "status", "superseded");
	is_refs(a, &f, "SF-R02", "status superseded");
	filter(&f, "status", "closed");
	is_refs(a, &f, "", "status closed (none after the reopen)");
	ov_rec_filter_init(&f, at);
	filter(&f, "rag", "red");
	is_refs(a, &f, "SF-R01", "rag red");
	filter(&f, "rag", "none");
	is_refs(a, &f, "NCPI-F01 SF-R02", "no rag given");
	ov_rec_filter_init(&f, at);
	filter(&f, "report", "R-SF");
	is_refs(a, &f, "SF-R01 SF-R02 XYZ-R01", "report");
	ov_rec_filter_init(&f, at);
	filter(&f, "owner", "p-acc");
	is_refs(a, &f, "SF-R01", "owner");
	ov_rec_filter_init(&f, at);
	filter(&f, "area", "Leadership");
	is_refs(a, &f, "SF-R01 XYZ-R01", "area");
	filter(&f, "force", "XYZ");
	is_refs(a, &f, "XYZ-R01", "area and force");
	ov_rec_filter_init(&f, at);
	filter(&f, "overdue", NULL);
	is_refs(a, &f, "SF-R01 XYZ-R01", "overdue: live and due before as_at");
	ov_rec_filter_init(&f, fx_day("2018-04-24"));
	f.overdue = true;
	is_refs(a, &f, "XYZ-R01", "overdue is strict: not on the due day");
	ov_rec_filter_init(&f, at);
	filter(&f, "due-before", "2018-06-30");
	is_refs(a, &f, "SF-R01 XYZ-R01", "due before (strictly)");
	ov_rec_filter_init(&f, fx_day("2018-06-01"));
	f.closed_since_set = true;
	f.closed_since = fx_day("2018-04-30");
	is_refs(a, &f, "SF-R01", "closed since, closure inside the window");
	f.closed_since = fx_day("2018-05-01");
	is_refs(a, &f, "", "closed since excludes the start day");
	ov_rec_filter_init(&f, at);
	f.limit = 2;
	got = refs(a, &f, &total);
	tap_ok(!strcmp(got, "NCPI-F01 SF-R01") && total == 4,
	       "a page of two, and the total of four");
	free(got);
	f.offset = 2;
	is_refs(a, &f, "SF-R02 XYZ-R01", "the second page");
	f.offset = 9;
	is_refs(a, &f, "", "a page past the end is empty");
	ov_rec_filter_init(&f, at);
	filter(&f, "sort", "due");
	is_refs(a, &f, "XYZ-R01 SF-R01 SF-R02 NCPI-F01",
		"sort by due date, none last");
	tap_is_int(ov_rec_filter_set(&f, "status", "shut", &d), -1,
		   "a bad status is refused");
	tap_ok(d.n == 1 && d.p[0].kind == OV_PROB_INPUT &&
		       !strcmp(d.p[0].where, "status") &&
		       strstr(d.p[0].what, "'shut' is not one of"),
	       "... a bad-input problem at the field, message apart");
	ov_diag_release(&d);
	tap_is_int(ov_rec_filter_set(&f, "as-at", "2018-02-30", &d), -1,
		   "a bad date is refused");
	tap_is_int(ov_rec_filter_set(&f, "colour", "red", &d), -1,
		   "an unknown filter is refused");
	ov_diag_release(&d);
}

/* The app's rules on events, over this backend: refusals write
 * nothing. */
static void test_record(ov_app *a, ov_store *s)
{
	ov_diag d = OV_DIAG_INIT;
	ov_rec_update u = {fx_day("2018-01-01"), "J", "too early", NULL, NULL};
	ov_rec_transition t = {OV_EV_CLOSED, ov_date_today(), "HMICFRS",
			       NULL, "x"};
	ov_recorded done;
	char *before = snapshot(s);

	tap_is_int(ov_app_rec_update(a, "SF-R01", &u, &done, &d), -1,
		   "an update dated before the last event is refused");
	tap_ok(fx_has_msg(&d, "is before the previous event"), "... saying why");
	ov_diag_release(&d);
	tap_is_int(ov_app_rec_transition(a, "SF-R02", &t, &done, &d), -1,
		   "closing a superseded rec is refused");
	tap_ok(fx_has_msg(&d, "'closed' event cannot follow status "
			   "'superseded'"), "... saying why");
	ov_diag_release(&d);
	u = (ov_rec_update){ov_date_today(), "J", NULL, NULL, "ghost"};
	tap_is_int(ov_app_rec_update(a, "SF-R01", &u, &done, &d), -1,
		   "an owner who is not a person is refused");
	tap_ok(d.n && !strcmp(d.p[0].where, "owner"), "... at the owner");
	ov_diag_release(&d);
	unchanged(s, before, "refusals write nothing");
	u = (ov_rec_update){ov_date_today(), "J", "Later", "green",
			    "p-acc"};
	tap_is_int(ov_app_rec_update(a, "SF-R01", &u, &done, &d), 0,
		   "an update with note, RAG and owner is recorded");
	tap_ok(done.n == 3 && done.kinds[0] == OV_EV_UPDATE &&
		       done.kinds[1] == OV_EV_RAG &&
		       done.kinds[2] == OV_EV_OWNER,
	       "... as three events in order");
	ov_diag_release(&d);
	free(before);
}

static void test_register(const char *db, ov_store *s)
{
	ov_diag d = OV_DIAG_INIT;
	ov_app *a = NULL;

	tap_is_int(ov_app_open(db, &a, &d), 0, "open the register");
	if (a) {
		test_register_states(a);
		test_register_filters(a);
		test_record(a, s);
	}
	ov_app_close(a);
	ov_diag_release(&d);
}

void contract_run(const contract_backend *b)
{
	ov_dataset *ds = fx_small();
	ov_diag d = OV_DIAG_INIT;
	char *db;
	ov_store *s;

	be = b;
	printf("# the store contract, backend %s\n", b->name);
	s = open_fresh("contract", &db);
	tap_ok(s != NULL, "create a database");
	tap_ok(s && ov_store_schema_version(s) >= 1, "... schema version set");
	if (s) {
		test_import_load(s, ds);
		test_conflicts(s, ds);
		test_replace(s, ds);
		test_get(s, ds);
		test_meeting_replace(s);
		test_scan(s);
		test_look(s);
		test_state_store(s);
		test_any_order(s);
		test_register(db, s);
		test_append(s);
		test_state_rebuild(s);
	}
	ov_store_close(s);
	ov_store_close(NULL);
	test_all_codes();
	test_fold();
	contract_accounts(b);
	test_paths(12345, 300);
	test_paths(777, 120);
	ov_dataset_free(ds);
	ov_diag_release(&d);
	free(db);
}
