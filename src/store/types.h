#ifndef OV_STORE_TYPES_H
#define OV_STORE_TYPES_H
/* The types of the store interface (store/store.h), shared with the
 * backends (store/backend.h) without the functions. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/fields.h"
#include "core/model.h"
#include "util/diag.h"

typedef enum ov_store_rc {
	OV_STORE_OK = 0,
	OV_STORE_NOTFOUND,  /* the id asked for is not there */
	OV_STORE_CONFLICT,  /* an id to be added is already there, or the
			     * timeline changed since it was read */
	OV_STORE_INVALID,   /* the rows break the schema (a missing link) */
	OV_STORE_ERROR,     /* the database failed: I/O, corrupt, locked */
} ov_store_rc;

/* A look at a recommendation before it is read whole (ov_store_scan's
 * want): brief holds its ref, report and force, and, with timeline, its
 * events of the probe's kinds (date and kind only; a RAG event its rag
 * too) up to events_upto; due
 * is its stored due date; ctx is the scan's.  Returns 1 to have it read
 * whole and passed to the scan's callback, 0 to skip it, -1 to stop the
 * scan. */
typedef int ov_store_want_fn(const ov_rec *brief, ov_day due, void *ctx);

/* Which recommendations ov_store_scan_recs() streams: filters on stored
 * columns only (zero/NULL/OV_DAY_NONE: no filter). */
typedef struct ov_store_scan {
	const char *report, *area, *force; /* equal to */
	ov_day due_before;  /* stored due date strictly before */
	/* Full-text search (NULL or "": none): the recs whose texts hold
	 * every word of q (see ov_store_query's q). */
	const char *q;
	bool timeline;      /* stream the events too (else n_events = 0) */
	ov_day events_upto; /* with timeline: only events dated on or before
			     * (OV_DAY_NONE: all) */
	/* A cheap look first (may be NULL): skipped recs cost a fraction of
	 * a whole read.  probe_kinds: the event kinds want sees, a bit
	 * (1u << kind) per enum ov_event_kind. */
	ov_store_want_fn *want;
	unsigned probe_kinds;
} ov_store_scan;

/* Called once per recommendation, in the store's own order (not sorted
 * for display).  rec is borrowed for the call (bullets are not loaded);
 * due is its stored due date.  Return 0 to go on, -1 to stop (the scan
 * then returns OV_STORE_ERROR without adding a problem: the callback
 * said why). */
typedef int ov_store_rec_fn(const ov_rec *rec, ov_day due, void *ctx);

/*
 * A recommendation's derived state: what app/ folds (core/fold.h) from its
 * whole timeline, kept by the store where a query can read it, so that the
 * register as it stands now is read without folding.  The store stores and
 * reads these values; it never computes them.  Strings are borrowed.
 */
typedef struct ov_store_state {
	enum ov_status status;  /* OV_STATUS_NONE: no CREATED event */
	int status_rank;        /* status's place in the register's order */
	ov_day status_date;
	enum ov_rag rag;        /* OV_RAG_NONE: never rated */
	const char *owner, *closed_by, *basis, *last_update;
	ov_day last_update_date;
	ov_day last_event_date; /* of the timeline's last event; OV_DAY_NONE:
				 * no events */
} ov_store_state;

/*
 * One state interval of a recommendation (core/fold.h: ov_rec_interval),
 * as app/ derived it and the store keeps it: for every day D with
 * from <= D < to (to OV_DAY_NONE: every D from `from` on) the rec's fold
 * as at D is `state`.  state.last_event_date is not kept for an interval
 * (OV_DAY_NONE given and read back).  Strings are borrowed.
 */
typedef struct ov_store_interval {
	ov_day from, to;
	ov_store_state state;
} ov_store_interval;

/*
 * What app/ derives from one recommendation's whole timeline for the
 * store, written in the transaction that writes the timeline: `now`, its
 * state (the fold of the whole timeline, with last_event_date), and
 * `iv[0..n_iv)`, its intervals (in date order, touching, only the last
 * open-ended: core's ov_rec_intervals).  The store writes them as given
 * (it computes none of them), replacing what it kept for the rec, and
 * answers "as at D" from them: the rows of the intervals holding D.
 * Borrowed: the store copies what it keeps.
 */
typedef struct ov_store_derived {
	ov_store_state now;
	const ov_store_interval *iv;
	size_t n_iv;
} ov_store_derived;

/* Called by a rebuild (ov_store_state_rebuild) once per recommendation
 * with its whole timeline (bullets not loaded) and its stored due date:
 * fill *out (out->iv owned by the callback's ctx, good until its next
 * call or the rebuild's end) and return 0, or -1 to stop (nothing is then
 * written). */
typedef int ov_store_fold_fn(const ov_rec *rec, ov_day due,
			     ov_store_derived *out, void *ctx);

/* Called by ov_store_state_each once per recommendation with its whole
 * timeline and what is stored for it: NULL if no state is (or the one
 * stored no longer matches the rec's own columns), else the state and the
 * intervals stored (n_iv 0: none), borrowed for the call.  0 to go on, -1
 * to stop. */
typedef int ov_store_each_fn(const ov_rec *rec, ov_day due,
			     const ov_store_derived *stored, void *ctx);

/* The keys a query of the stored states sorts on, in order; OV_KEY_END
 * ends a shorter list.  REPORT and REF compare bytewise, DUE puts no due
 * date last, STATUS is the status_rank. */
enum ov_store_key {
	OV_KEY_END = 0, OV_KEY_REF, OV_KEY_REPORT, OV_KEY_DUE, OV_KEY_STATUS
};
#define OV_STORE_MAX_KEYS 4

/* Which stored states ov_store_query_states() reads: filters on the
 * stored columns and state only; the app translates its filters into
 * these.  Zero / NULL / OV_DAY_NONE fields do not filter, but statuses
 * always does. */
typedef struct ov_store_query {
	/* The date the rows are as at: each rec's state as at it (from its
	 * stored state where no rec has an event after it, else from the
	 * stored interval holding it); a rec without an interval holding it
	 * (not yet created) is no row.  OV_DAY_NONE: no date, no rows. */
	ov_day as_at;
	unsigned statuses;     /* the statuses that pass, (1u << status)
				* bits; a rec without status never does */
	bool rag_set;
	enum ov_rag rag;       /* with rag_set, OV_RAG_NONE: never rated */
	const char *owner, *report, *area, *force; /* equal to */
	ov_day due_before;     /* stored due date strictly before */
	ov_day status_after;   /* status date strictly after */
	/* Full-text search over each rec's ref, subject, area, text,
	 * finding, response, bullets and its events' texts and bases, as
	 * stored now: the recs holding every word of q (matched after
	 * case folding, without diacritics, stemmed).  q is user text, taken
	 * as words only: no operator or quote in it means anything.  NULL or
	 * blank: no filter; only punctuation: nothing passes. */
	const char *q;
	enum ov_store_key order[OV_STORE_MAX_KEYS];
	size_t offset, limit;  /* rows [offset, offset+limit); limit 0: all */
	/* With no page (offset and limit 0): the rows may come in the
	 * store's own order, the caller sorting them by order (sorting
	 * pointers to rows it made anyway costs less than the database
	 * sorting rows that wide).  order still says what a page would be. */
	bool any_order;
} ov_store_query;

/* One row a query of the stored states answers, borrowed for the call:
 * the rec's scalar fields (no bullets, no events), its stored due date,
 * its stored state, its report's title and plan, and its owner as a
 * person (NULL: no owner, or one who is not a person). */
typedef struct ov_store_state_row {
	const ov_rec *rec;
	ov_day due;
	const ov_store_state *state;
	const char *report_title, *report_plan;
	const ov_person *owner;
} ov_store_state_row;

/* 0 to go on, -1 to stop (the query then fails without a problem of its
 * own: the callback said why). */
typedef int ov_store_row_fn(const ov_store_state_row *row, void *ctx);

/* Row counts of every table, for `summary` and tests. */
typedef struct ov_store_counts {
	size_t forces, people, boards, plans, assessments, reports, recs,
		events, activities, meetings;
} ov_store_counts;

/* An account's row.  role is a code the app defines ("viewer", "owner",
 * "editor", "admin": the schema accepts those); person is a person's id
 * or NULL; force a force's code (the one force whose register the
 * account sees) or NULL (every force); hash is the password hash's text.  Times are unix seconds.
 * The strings are owned by whoever filled the struct (the store for a
 * read: ov_store_account_release). */
typedef struct ov_store_account {
	char *login, *role, *person, *hash;
	bool disabled;
	int64_t created;
	char *force;
} ov_store_account;

typedef struct ov_store_account_list {
	ov_store_account *items; /* by login */
	size_t n;
} ov_store_account_list;

/* A session's row: the digest of its token (never the token), whose it
 * is, when it began and when it was last used (unix seconds). */
typedef struct ov_store_session {
	char *token_hash, *login;
	int64_t created, last_seen;
} ov_store_session;
#endif
