#include "core/fold.h"
#include "fixture/fixture.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>

static ov_rec_state fold(const ov_rec *r, const char *as_at)
{
	ov_rec_state st;

	ov_rec_fold(r, fx_day(as_at), &st);
	return st;
}

static void test_empty(void)
{
	ov_rec r;
	ov_rec_state st;

	ov_rec_init(&r);
	ov_rec_fold(&r, fx_day("2018-01-01"), &st);
	tap_is_int(st.status, OV_STATUS_NONE, "no events: status none");
	tap_is_int(st.status_date, OV_DAY_NONE, "no events: no status date");
	tap_is_int(st.rag, OV_RAG_NONE, "no events: no rag");
	tap_ok(!st.owner && !st.closed_by && !st.basis && !st.last_update,
	       "no events: nothing borrowed");
	tap_is_int(st.last_update_date, OV_DAY_NONE, "no events: no update");
	ov_rec_release(&r);
}

/* One recommendation through its whole life. */
static void build_life(ov_rec *r)
{
	ov_rec_init(r);
	fx_event(r, "2017-10-24", OV_EV_CREATED, "HMICFRS", NULL);
	fx_ev_owner(r, "2017-11-01", "p-acc");
	fx_ev_rag(r, "2018-01-10", OV_RAG_AMBER);
	fx_event(r, "2018-03-01", OV_EV_UPDATE, "Jo Bloggs", "Training done");
	fx_event(r, "2018-05-01", OV_EV_PROPOSED, "Jo Bloggs", NULL);
	fx_ev_basis(r, "2018-07-01", OV_EV_CLOSED, "HMICFRS", "Evidence seen");
	fx_ev_basis(r, "2018-08-01", OV_EV_REOPENED, "HMICFRS", "ignored");
	fx_ev_rag(r, "2018-08-01", OV_RAG_RED);
	fx_event(r, "2018-09-01", OV_EV_UPDATE, "Jo Bloggs", "Re-audit");
}

static void test_life(void)
{
	ov_rec r;
	ov_rec_state st;

	build_life(&r);
	st = fold(&r, "2017-10-23");
	tap_is_int(st.status, OV_STATUS_NONE, "before creation: none");
	tap_is_int(st.status_date, OV_DAY_NONE, "before creation: no date");

	st = fold(&r, "2017-10-24");
	tap_is_int(st.status, OV_STATUS_OPEN, "created: open on its day");
	tap_is_int(st.status_date, fx_day("2017-10-24"),
		   "created: status date");
	tap_ok(st.owner == NULL, "created: no owner yet");

	st = fold(&r, "2017-11-01");
	tap_is_str(st.owner, "p-acc", "owner event sets owner");
	tap_ok(st.owner == r.events[1].owner, "owner is borrowed");
	tap_is_int(st.status_date, fx_day("2017-10-24"),
		   "owner event leaves status date");
	tap_is_int(st.rag, OV_RAG_NONE, "no rag before the rag event");

	st = fold(&r, "2018-02-01");
	tap_is_int(st.rag, OV_RAG_AMBER, "rag event sets rag");
	tap_is_int(st.status, OV_STATUS_OPEN, "rag leaves status");
	tap_ok(st.last_update == NULL, "no update yet");

	st = fold(&r, "2018-03-01");
	tap_is_str(st.last_update, "Training done", "update sets last update");
	tap_is_int(st.last_update_date, fx_day("2018-03-01"), "update date");
	tap_is_int(st.status_date, fx_day("2017-10-24"),
		   "update leaves status date");

	st = fold(&r, "2018-06-30");
	tap_is_int(st.status, OV_STATUS_PROPOSED, "closure proposed");
	tap_is_int(st.status_date, fx_day("2018-05-01"),
		   "proposed: status date");
	tap_ok(st.closed_by == NULL, "proposed: not closed by anyone");

	st = fold(&r, "2018-07-01");
	tap_is_int(st.status, OV_STATUS_CLOSED, "closed on the closure day");
	tap_is_str(st.closed_by, "HMICFRS", "closed_by is the author");
	tap_is_str(st.basis, "Evidence seen", "closure basis");
	tap_is_int(st.status_date, fx_day("2018-07-01"), "closed: status date");
	tap_is_int(st.rag, OV_RAG_AMBER, "rag survives closure");
	tap_is_str(st.owner, "p-acc", "owner survives closure");
	tap_is_str(st.last_update, "Training done", "update survives closure");

	st = fold(&r, "2018-08-01");
	tap_is_int(st.status, OV_STATUS_OPEN, "reopened: open");
	tap_ok(st.closed_by == NULL, "reopened: closed_by cleared");
	tap_ok(st.basis == NULL, "reopened: basis cleared");
	tap_is_int(st.status_date, fx_day("2018-08-01"),
		   "reopened: status date");
	tap_is_int(st.rag, OV_RAG_RED, "same-day rag after reopen applies");

	st = fold(&r, "2030-01-01");
	tap_is_str(st.last_update, "Re-audit", "latest update wins");
	tap_is_int(st.last_update_date, fx_day("2018-09-01"),
		   "latest update date");
	tap_is_int(st.status, OV_STATUS_OPEN, "still open at the end");
	ov_rec_release(&r);
}

static void test_ended(void)
{
	ov_rec r;
	ov_rec_state st;

	ov_rec_init(&r);
	fx_event(&r, "2016-01-01", OV_EV_CREATED, "HMICFRS", NULL);
	fx_ev_basis(&r, "2017-01-01", OV_EV_SUPERSEDED, "HMICFRS",
		    "Replaced by PEEL 2017 AFI 3");
	st = fold(&r, "2017-01-01");
	tap_is_int(st.status, OV_STATUS_SUPERSEDED, "superseded");
	tap_is_str(st.basis, "Replaced by PEEL 2017 AFI 3", "superseded basis");
	tap_ok(st.closed_by == NULL, "superseded is not a closure");
	tap_ok(!ov_status_is_live(st.status), "superseded is not live");
	ov_rec_release(&r);

	ov_rec_init(&r);
	fx_event(&r, "2016-01-01", OV_EV_CREATED, "HMICFRS", NULL);
	fx_event(&r, "2016-02-01", OV_EV_PROPOSED, "Jo Bloggs", NULL);
	fx_ev_basis(&r, "2016-03-01", OV_EV_NA, "Jo Bloggs", "No ports here");
	st = fold(&r, "2016-03-01");
	tap_is_int(st.status, OV_STATUS_NA, "not applicable from proposed");
	tap_is_str(st.basis, "No ports here", "not-applicable basis");
	tap_is_int(st.status_date, fx_day("2016-03-01"), "not-applicable date");
	ov_rec_release(&r);

	/* Closed, reopened, proposed again: proposing keeps no old basis. */
	ov_rec_init(&r);
	fx_event(&r, "2016-01-01", OV_EV_CREATED, "HMICFRS", NULL);
	fx_ev_basis(&r, "2016-02-01", OV_EV_CLOSED, "HMICFRS", "Done");
	fx_event(&r, "2016-03-01", OV_EV_REOPENED, "HMICFRS", NULL);
	fx_event(&r, "2016-04-01", OV_EV_PROPOSED, "Jo Bloggs", NULL);
	st = fold(&r, "2016-04-01");
	tap_is_int(st.status, OV_STATUS_PROPOSED, "proposed after reopen");
	tap_ok(st.basis == NULL && st.closed_by == NULL,
	       "reopen cleared the old closure");
	ov_rec_release(&r);
}

static void test_same_day(void)
{
	ov_rec r;
	ov_rec_state st;

	ov_rec_init(&r);
	fx_event(&r, "2018-01-01", OV_EV_CREATED, "HMICFRS", NULL);
	fx_ev_rag(&r, "2018-01-01", OV_RAG_RED);
	fx_ev_rag(&r, "2018-01-01", OV_RAG_GREEN);
	fx_event(&r, "2018-01-01", OV_EV_UPDATE, "A", "first");
	fx_event(&r, "2018-01-01", OV_EV_UPDATE, "B", "second");
	fx_ev_basis(&r, "2018-01-01", OV_EV_CLOSED, "HMICFRS", "same day");
	st = fold(&r, "2018-01-01");
	tap_is_int(st.rag, OV_RAG_GREEN, "same day: later rag in order wins");
	tap_is_str(st.last_update, "second", "same day: later update wins");
	tap_is_int(st.status, OV_STATUS_CLOSED, "same day: closed");
	st = fold(&r, "2017-12-31");
	tap_is_int(st.status, OV_STATUS_NONE, "same day: nothing the day before");
	tap_is_int(st.rag, OV_RAG_NONE, "same day: no rag the day before");
	ov_rec_release(&r);
}

/* Events are in date order, so the fold stops at the first one after
 * as_at even if a (malformed) later element is dated earlier. */
static void test_stops(void)
{
	ov_rec r;
	ov_rec_state st;

	ov_rec_init(&r);
	fx_event(&r, "2018-01-01", OV_EV_CREATED, "HMICFRS", NULL);
	fx_ev_rag(&r, "2018-06-01", OV_RAG_RED);
	fx_ev_rag(&r, "2018-03-01", OV_RAG_GREEN);
	st = fold(&r, "2018-04-01");
	tap_is_int(st.rag, OV_RAG_NONE, "stops at the first later event");
	ov_rec_release(&r);
}

static void test_overdue(void)
{
	ov_rec_state st;

	st.status = OV_STATUS_OPEN;
	tap_ok(ov_rec_overdue(&st, fx_day("2018-01-31"), fx_day("2018-02-01")),
	       "open, due before as-at: overdue");
	tap_ok(!ov_rec_overdue(&st, fx_day("2018-02-01"), fx_day("2018-02-01")),
	       "due on the as-at day: not overdue");
	tap_ok(!ov_rec_overdue(&st, fx_day("2018-03-01"), fx_day("2018-02-01")),
	       "due later: not overdue");
	tap_ok(!ov_rec_overdue(&st, OV_DAY_NONE, fx_day("2018-02-01")),
	       "no due date: never overdue");
	st.status = OV_STATUS_PROPOSED;
	tap_ok(ov_rec_overdue(&st, fx_day("2018-01-31"), fx_day("2018-02-01")),
	       "closure proposed is still overdue");
	st.status = OV_STATUS_CLOSED;
	tap_ok(!ov_rec_overdue(&st, fx_day("2018-01-31"), fx_day("2018-02-01")),
	       "closed: not overdue");
	st.status = OV_STATUS_SUPERSEDED;
	tap_ok(!ov_rec_overdue(&st, fx_day("2018-01-31"), fx_day("2018-02-01")),
	       "superseded: not overdue");
	st.status = OV_STATUS_NA;
	tap_ok(!ov_rec_overdue(&st, fx_day("2018-01-31"), fx_day("2018-02-01")),
	       "not applicable: not overdue");
	st.status = OV_STATUS_NONE;
	tap_ok(!ov_rec_overdue(&st, fx_day("2018-01-31"), fx_day("2018-02-01")),
	       "not yet created: not overdue");
}

static void test_live(void)
{
	tap_ok(ov_status_is_live(OV_STATUS_OPEN), "open is live");
	tap_ok(ov_status_is_live(OV_STATUS_PROPOSED), "proposed is live");
	tap_ok(!ov_status_is_live(OV_STATUS_CLOSED), "closed is not live");
	tap_ok(!ov_status_is_live(OV_STATUS_SUPERSEDED),
	       "superseded is not live");
	tap_ok(!ov_status_is_live(OV_STATUS_NA), "n/a is not live");
	tap_ok(!ov_status_is_live(OV_STATUS_NONE), "none is not live");
}

/* The whole transition table, row by row: statuses NONE, OPEN, PROPOSED,
 * CLOSED, SUPERSEDED, NA; columns in event-kind order CREATED, UPDATE, RAG,
 * OWNER, PROPOSED, CLOSED, REOPENED, SUPERSEDED, NA. */
static void test_allowed(void)
{
	static const enum ov_status st[] = {
		OV_STATUS_NONE,	  OV_STATUS_OPEN,	OV_STATUS_PROPOSED,
		OV_STATUS_CLOSED, OV_STATUS_SUPERSEDED, OV_STATUS_NA,
	};
	static const char *const want[] = {
		"100000000", /* none: only created */
		"011111011", /* open */
		"011101111", /* proposed */
		"011100100", /* closed */
		"011100100", /* superseded */
		"011100100", /* not applicable */
	};
	for (size_t i = 0; i < 6; i++)
		for (int k = 0; k <= OV_EV_NA; k++) {
			char name[96];
			bool w = want[i][k] == '1';

			snprintf(name, sizeof name, "%s after %s: %s",
				 ov_event_kind_code((enum ov_event_kind)k),
				 st[i] == OV_STATUS_NONE
					 ? "nothing"
					 : ov_status_code(st[i]),
				 w ? "allowed" : "refused");
			tap_is_int(ov_event_allowed(st[i],
						    (enum ov_event_kind)k),
				   w, name);
		}
}

static void test_next(void)
{
	tap_is_int(ov_event_next_status(OV_STATUS_NONE, OV_EV_CREATED),
		   OV_STATUS_OPEN, "created -> open");
	tap_is_int(ov_event_next_status(OV_STATUS_OPEN, OV_EV_PROPOSED),
		   OV_STATUS_PROPOSED, "proposed -> proposed");
	tap_is_int(ov_event_next_status(OV_STATUS_PROPOSED, OV_EV_CLOSED),
		   OV_STATUS_CLOSED, "closed -> closed");
	tap_is_int(ov_event_next_status(OV_STATUS_CLOSED, OV_EV_REOPENED),
		   OV_STATUS_OPEN, "reopened -> open");
	tap_is_int(ov_event_next_status(OV_STATUS_OPEN, OV_EV_SUPERSEDED),
		   OV_STATUS_SUPERSEDED, "superseded -> superseded");
	tap_is_int(ov_event_next_status(OV_STATUS_OPEN, OV_EV_NA),
		   OV_STATUS_NA, "not-applicable -> n/a");
	tap_is_int(ov_event_next_status(OV_STATUS_PROPOSED, OV_EV_UPDATE),
		   OV_STATUS_PROPOSED, "update keeps status");
	tap_is_int(ov_event_next_status(OV_STATUS_CLOSED, OV_EV_RAG),
		   OV_STATUS_CLOSED, "rag keeps status");
	tap_is_int(ov_event_next_status(OV_STATUS_OPEN, OV_EV_OWNER),
		   OV_STATUS_OPEN, "owner keeps status");
	tap_is_int(ov_event_next_status(OV_STATUS_NONE, OV_EV_UPDATE),
		   OV_STATUS_NONE, "update before creation keeps none");
}

/* The intervals' shape: in order, touching, each non-empty, only the
 * last open-ended, no two neighbours alike; and for every day of
 * [lo, hi] the fold is the state of the interval holding the day, or
 * nothing before the first.  Returns the number of faults. */
static int intervals_fault(const ov_rec *r, ov_day lo, ov_day hi)
{
	ov_rec_interval *iv = NULL;
	size_t n = ov_rec_intervals(r, &iv), k = 0;
	int bad = 0;

	for (size_t i = 0; i < n; i++) {
		bool last = i + 1 == n;

		bad += last ? iv[i].to != OV_DAY_NONE
			    : iv[i].to != iv[i + 1].from ||
				  iv[i].to <= iv[i].from ||
				  ov_rec_state_equal(&iv[i].state,
						     &iv[i + 1].state);
	}
	for (ov_day d = lo; d <= hi; d++) {
		ov_rec_state st, none;

		ov_rec_fold(r, d, &st);
		while (k < n && iv[k].to != OV_DAY_NONE && iv[k].to <= d)
			k++;
		if (k < n && iv[k].from <= d) {
			bad += !ov_rec_state_equal(&st, &iv[k].state);
		} else {
			ov_rec_fold(NULL, d, &none);
			bad += !ov_rec_state_equal(&st, &none);
		}
	}
	free(iv);
	return bad;
}

static void test_intervals(void)
{
	ov_rec r, empty;
	ov_rec_interval *iv = NULL;
	ov_dataset *ds = fx_random(777, 200);
	size_t n;
	int bad = 0;

	build_life(&r);
	n = ov_rec_intervals(&r, &iv);
	/* Nine events on eight days, of which 2018-08-01 has two. */
	tap_is_int((long long)n, 8, "a life: one interval per event day");
	tap_ok(n == 8 && iv[0].from == fx_day("2017-10-24") &&
		       iv[0].to == fx_day("2017-11-01") &&
		       iv[0].state.status == OV_STATUS_OPEN &&
		       iv[7].to == OV_DAY_NONE &&
		       iv[7].state.rag == OV_RAG_RED,
	       "... [from, to), the last open-ended, the day's last state");
	free(iv);
	tap_is_int(intervals_fault(&r, fx_day("2017-01-01"),
				   fx_day("2019-12-31")),
		   0, "... each day's fold is its interval's state");
	fx_ev_owner(&r, "2018-09-01", "p-acc");
	fx_ev_owner(&r, "2018-10-01", "p-acc");
	n = ov_rec_intervals(&r, &iv);
	free(iv);
	tap_is_int((long long)n, 8,
		   "an owner given again changes nothing: no new interval");
	ov_rec_release(&r);
	ov_rec_init(&empty);
	n = ov_rec_intervals(&empty, &iv);
	tap_ok(n == 0 && iv, "no events: no interval (an array all the same)");
	free(iv);
	for (size_t i = 0; i < ds->n_recs; i++)
		bad += intervals_fault(&ds->recs[i], fx_day("2015-06-01"),
				       fx_day("2019-12-31"));
	tap_is_int(bad, 0, "200 random timelines: every day's fold is its "
			   "interval's state");
	/* Out of date order (validation refuses it; the fold stops at the
	 * first event after the day): still the fold's intervals. */
	build_life(&r);
	r.events[2].date = fx_day("2019-02-01");
	r.events[5].date = fx_day("2017-01-05");
	tap_is_int(intervals_fault(&r, fx_day("2016-12-01"),
				   fx_day("2019-06-30")),
		   0, "a timeline out of date order: the fold's intervals");
	ov_rec_release(&r);
	ov_dataset_free(ds);
}

int main(void)
{
	test_empty();
	test_life();
	test_ended();
	test_same_day();
	test_stops();
	test_overdue();
	test_live();
	test_allowed();
	test_next();
	test_intervals();
	return tap_done();
}
