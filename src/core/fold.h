#ifndef OV_CORE_FOLD_H
#define OV_CORE_FOLD_H
/*
 * The timeline fold: a recommendation's status, RAG, owner and last update
 * as at a date are computed from its events up to and including that date,
 * never stored.  Events are applied in array order (which is date order,
 * ties in the order given).
 *
 *   CREATED           status = OPEN
 *   UPDATE            last_update = text, last_update_date = date
 *   RAG               rag = rag
 *   OWNER             owner = owner
 *   PROPOSED          status = PROPOSED
 *   CLOSED            status = CLOSED, closed_by = author, basis
 *   REOPENED          status = OPEN (closed_by, basis cleared)
 *   SUPERSEDED / NA   status = SUPERSEDED / NA, basis
 * status_date is the date of the last event that changed status.
 */
#include <stdbool.h>

#include "core/model.h"

typedef struct ov_rec_state {
	enum ov_status status; /* OV_STATUS_NONE before the CREATED event */
	ov_day status_date;
	enum ov_rag rag;       /* OV_RAG_NONE if never set */
	const char *owner;     /* person id, borrowed from the rec; may be NULL */
	const char *closed_by; /* author of the CLOSED event, borrowed */
	const char *basis;     /* of CLOSED/SUPERSEDED/NA, borrowed */
	const char *last_update; /* text of the last UPDATE, borrowed */
	ov_day last_update_date;
} ov_rec_state;

/* Fold rec's events dated on or before as_at into *out.  Pointers in *out
 * borrow from rec and live as long as it does. */
void ov_rec_fold(const ov_rec *rec, ov_day as_at, ov_rec_state *out);

/*
 * A recommendation's history as state intervals: the fold as at every day
 * at once, so that a store can answer "as at D" by a range lookup instead
 * of folding.  Interval k holds the days [from, to) (to OV_DAY_NONE: every
 * day from `from` on; only the last interval is open-ended), and for every
 * day D in it ov_rec_fold(rec, D) gives exactly `state`.  The intervals are
 * in date order and touch (interval k's to is k+1's from); each starts on
 * an event's date.  A day before the first interval folds to nothing (no
 * event yet: status OV_STATUS_NONE); a rec without events has none.  Two
 * intervals next to each other never hold the same state (an event that
 * changes nothing, an owner given again, lengthens the interval instead).
 * The state holds everything the fold gives: status and its date, RAG,
 * owner, closed-by, basis, last update and its date (the due date is the
 * rec's own, not the timeline's).
 */
typedef struct ov_rec_interval {
	ov_day from, to;
	ov_rec_state state; /* strings borrowed from the rec */
} ov_rec_interval;

/* rec's intervals into *out, a new array the caller frees with free()
 * (never NULL, even for none); returns how many.  Timelines out of date
 * order fold as ov_rec_fold does (it stops at the first event after the
 * date), so the intervals are those of the fold even then. */
size_t ov_rec_intervals(const ov_rec *rec, ov_rec_interval **out);

/* Whether two folded states are the same (strings compared by value). */
bool ov_rec_state_equal(const ov_rec_state *a, const ov_rec_state *b);

/* True for the statuses that still need work: OPEN and PROPOSED. */
bool ov_status_is_live(enum ov_status s);

/* Overdue as at a date: live, with a due date strictly before as_at. */
bool ov_rec_overdue(const ov_rec_state *st, ov_day due, ov_day as_at);

/* Closed by HMICFRS after since (as the fold left it): the "closures this
 * quarter" of a paper or summary. */
bool ov_rec_closed_since(const ov_rec_state *st, ov_day since);

/* Whether event kind k may follow status s (OV_STATUS_NONE: nothing yet).
 * CREATED only first; PROPOSED only from OPEN; CLOSED from OPEN or
 * PROPOSED; REOPENED from any ended status or PROPOSED; SUPERSEDED and NA
 * from OPEN or PROPOSED; UPDATE, RAG, OWNER from any existing status. */
bool ov_event_allowed(enum ov_status s, enum ov_event_kind k);

/* Whether an event of kind k changes the status (all but UPDATE, RAG and
 * OWNER), and the set of those kinds as bits (1u << kind): folding only
 * them gives the status and status date the whole timeline gives. */
bool ov_event_changes_status(enum ov_event_kind k);
unsigned ov_status_event_kinds(void);

/* Status after event kind k (unchanged for UPDATE, RAG, OWNER). */
enum ov_status ov_event_next_status(enum ov_status s, enum ov_event_kind k);

#endif
