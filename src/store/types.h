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

/* Row counts of every table, for `summary` and tests. */
typedef struct ov_store_counts {
	size_t forces, people, boards, plans, assessments, reports, recs,
		events, activities, meetings;
} ov_store_counts;

/* An account's row.  role is a code the app defines ("viewer", "owner",
 * "editor", "admin": the schema accepts those); person is a person's id
 * or NULL; hash is the password hash's text.  Times are unix seconds.
 * The strings are owned by whoever filled the struct (the store for a
 * read: ov_store_account_release). */
typedef struct ov_store_account {
	char *login, *role, *person, *hash;
	bool disabled;
	int64_t created;
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
