#ifndef OV_STORE_STORE_H
#define OV_STORE_STORE_H
/*
 * The store: the only module that speaks SQL.  This interface names no
 * database's type; behind it sit backends (store/backend.h), one chosen by
 * the `db` string given to ov_store_open(): a `postgresql://` or
 * `postgres://` URI is PostgreSQL, anything else a path to an SQLite file.
 *
 * A backend stores and streams rows.  It holds no domain rule: it does not
 * fold timelines, decide which event may follow which, derive due dates,
 * filter on derived state, sort for display or format names.  Those live
 * in core/ and app/, once.
 *
 * Conventions: every function returns an ov_store_rc.  On anything but
 * OV_STORE_OK it has appended one problem to `d` (of the matching kind,
 * util/diag.h) saying what failed and which id, where it matters; nothing
 * was written.  Out-parameters are owned by the caller and freed with the
 * matching free function (all of which accept NULL).  A handle is for one
 * thread at a time.
 */
#include <stdint.h>

#include "store/types.h"

typedef struct ov_store ov_store;

/* Open the database named by db and migrate it to the current schema.
 * With create (init alone), a missing SQLite file is made and an empty
 * one adopted; without it, a missing or empty file is OV_STORE_NOTFOUND
 * ("... run 'oversight init' first").  A file that is not an oversight
 * database is OV_STORE_ERROR with or without create, and is not written
 * to.  A file this process may read but not write is opened read-only
 * (ov_store_read_only).  A PostgreSQL database with no tables is
 * "empty" in the same way (create gives it the schema); one whose tables
 * are not oversight's is OV_STORE_ERROR, left as it was; a server that
 * cannot be reached or refuses the login is OV_STORE_ERROR, the message
 * naming the URI without its password. */
ov_store_rc ov_store_open(const char *db, bool create, ov_store **out,
			  ov_diag *d);
void ov_store_close(ov_store *s);
/* Whether the database was opened read-only (this user may read it but
 * not write it): every write then fails, saying so. */
bool ov_store_read_only(ov_store *s);
/* Schema version after migrations, -1 if it cannot be read. */
int ov_store_schema_version(ov_store *s);
/* The database's name for messages (a path; a URI without password). */
const char *ov_store_name(const ov_store *s);
/* The files the register lives in, which no output may replace: for
 * SQLite the database and its -wal, -shm and -journal companions (whether
 * or not they exist now); none for a server.  A NULL-terminated list
 * owned by s. */
const char *const *ov_store_files(const ov_store *s);

/* Add a whole, already validated dataset in one transaction.  due[i] is
 * the derived due date of ds->recs[i] (OV_DAY_NONE: none), kept for the
 * register's due filters; derived[i] its state and state intervals as
 * app/ derived them from its whole timeline (store/types.h:
 * ov_store_derived), kept for the register's queries as at any date
 * (derived NULL: the stored state is marked stale, see
 * ov_store_state_stale).  The search index
 * takes each rec's texts.  With replace, everything in the store is
 * deleted first (same transaction).  Without it, any id already present
 * is OV_STORE_CONFLICT and nothing is written.  progress, if not NULL, is
 * called now and then with (done, total) recommendations written. */
ov_store_rc ov_store_import(ov_store *s, const ov_dataset *ds,
			    const ov_day *due, const ov_store_derived *derived,
			    bool replace,
			    void (*progress)(size_t done, size_t total, void *),
			    void *arg, ov_diag *d);

/* Which entities ov_store_load() reads: a bit per ov_entity_id. */
#define OV_LOAD(ent) (1u << (ent))
#define OV_LOAD_ALL ((1u << OV_ENT_N) - 1)

/* Load the entities in `what` into a new sorted dataset (one read
 * transaction).  With force non-NULL, only the entities that name that
 * force (people, boards, plans and reports are shared, loaded whole). */
ov_store_rc ov_store_load(ov_store *s, const char *force, unsigned what,
			  ov_dataset **out, ov_diag *d);

/* One entity by id into *out, a struct of ent's shape that the caller
 * owns and releases (ov_shape_release, or the entity's release
 * function); a recommendation comes with its bullets and timeline.
 * OV_STORE_NOTFOUND if absent. */
ov_store_rc ov_store_get(ov_store *s, enum ov_entity_id ent, const char *id,
			 void *out, ov_diag *d);
/* OV_STORE_OK if an entity with that id exists, else OV_STORE_NOTFOUND
 * (with a problem naming it). */
ov_store_rc ov_store_exists(ov_store *s, enum ov_entity_id ent,
			    const char *id, ov_diag *d);

/* Append evs to the end of ref's timeline in one transaction, provided
 * the timeline still holds n_before events (what the caller validated the
 * new events against); otherwise OV_STORE_CONFLICT and nothing written.
 * In the same transaction the rec's stored state and intervals become
 * *derived's (derived from the whole timeline with evs; the intervals
 * replace every one kept for the rec; NULL: the stored state is marked
 * stale) and its texts are indexed again. */
ov_store_rc ov_store_rec_append(ov_store *s, const char *ref,
				size_t n_before, const ov_event *evs, size_t n,
				const ov_store_derived *derived, ov_diag *d);

/* Replace meeting m->id with m, its reviews and documents too, in one
 * transaction: OV_STORE_NOTFOUND (a problem naming it) if there is no
 * such meeting; a review of a report that is not there, or another broken
 * link, is OV_STORE_INVALID.  Either way nothing is written. */
ov_store_rc ov_store_meeting_replace(ov_store *s, const ov_meeting *m,
				     ov_diag *d);

/* Filters of a scan (ov_store_scan, store/types.h) set to none. */
void ov_store_scan_init(ov_store_scan *q);

/* Stream the recommendations that pass q to fn (ov_store_rec_fn,
 * store/types.h), in one read transaction. */
ov_store_rc ov_store_scan_recs(ov_store *s, const ov_store_scan *q,
			       ov_store_rec_fn *fn, void *ctx, ov_diag *d);

/* Row counts of every table (ov_store_counts, store/types.h). */
ov_store_rc ov_store_count(ov_store *s, ov_store_counts *out, ov_diag *d);

/* ---- accounts, sessions, sign-in failures ----
 * Rows only: which roles exist, what a valid login or password is, how
 * long a session lives and how many failures are too many are the app's
 * (app/accounts.c), passed in as values. */

/* Add an account (every field of acc; the strings are copied).  A login
 * already taken is OV_STORE_CONFLICT; a person who is not in the register
 * or a role the schema does not know is OV_STORE_INVALID. */
ov_store_rc ov_store_account_add(ov_store *s, const ov_store_account *acc,
				 ov_diag *d);
/* The account called login into *out (released with
 * ov_store_account_release); OV_STORE_NOTFOUND if there is none. */
ov_store_rc ov_store_account_get(ov_store *s, const char *login,
				 ov_store_account *out, ov_diag *d);
/* Every account, by login. */
ov_store_rc ov_store_accounts(ov_store *s, ov_store_account_list *out,
			      ov_diag *d);
/* A new password hash, or the account disabled (or enabled again); either
 * deletes every session of the account, in the same transaction.
 * OV_STORE_NOTFOUND if there is no such account. */
ov_store_rc ov_store_account_set_hash(ov_store *s, const char *login,
				      const char *hash, ov_diag *d);
ov_store_rc ov_store_account_set_disabled(ov_store *s, const char *login,
					  bool disabled, ov_diag *d);
void ov_store_account_release(ov_store_account *acc);
void ov_store_account_list_release(ov_store_account_list *l);

/* Add a session (its token_hash must be new: else OV_STORE_CONFLICT; its
 * login must be an account: else OV_STORE_INVALID).  In the same
 * transaction every session last seen before idle_before or created
 * before created_before is deleted: they have expired. */
ov_store_rc ov_store_session_add(ov_store *s, const ov_store_session *sess,
				 int64_t idle_before, int64_t created_before,
				 ov_diag *d);
/* The session with this token digest into *out (released with
 * ov_store_session_release); OV_STORE_NOTFOUND if there is none. */
ov_store_rc ov_store_session_get(ov_store *s, const char *token_hash,
				 ov_store_session *out, ov_diag *d);
/* Set the session's last_seen; OV_STORE_NOTFOUND if it is gone. */
ov_store_rc ov_store_session_touch(ov_store *s, const char *token_hash,
				   int64_t last_seen, ov_diag *d);
/* Delete the session if there is one (none is OV_STORE_OK). */
ov_store_rc ov_store_session_delete(ov_store *s, const char *token_hash,
				    ov_diag *d);
void ov_store_session_release(ov_store_session *sess);

/* Record a failed sign-in as login (may be NULL: a login that cannot
 * exist) from addr (may be NULL) at `at`; failures before prune_before
 * are deleted in the same transaction. */
ov_store_rc ov_store_failure_add(ov_store *s, const char *login,
				 const char *addr, int64_t at,
				 int64_t prune_before, ov_diag *d);
/* The failures at or after since as login, and from addr, in one read
 * (a NULL login or addr counts 0). */
ov_store_rc ov_store_failure_count(ov_store *s, const char *login,
				   const char *addr, int64_t since,
				   size_t *by_login, size_t *by_addr,
				   ov_diag *d);
/* Forget login's failures (after it signed in). */
ov_store_rc ov_store_failure_clear(ov_store *s, const char *login,
				   ov_diag *d);

/* ---- the stored state (ov_store_state, store/types.h) ---- */

/* The recs that pass q as at q->as_at, read from what is stored (each
 * rec's state if no rec has an event after q->as_at, else its interval
 * holding q->as_at: a range lookup, from <= as_at < to, never a fold), in
 * q->order (with q->any_order and no page: in the store's own order), the
 * page q asks for to fn, and in *total how many pass over
 * all pages; one read transaction.  Unless the stored state is stale
 * (ov_store_state_stale) the store answers for any date; if it is stale,
 * or a backend cannot answer for that date, *answered is false and
 * nothing is read (the caller folds).  OV_STORE_OK either way. */
ov_store_rc ov_store_query_states(ov_store *s, const ov_store_query *q,
				  ov_store_row_fn *fn, void *ctx,
				  size_t *total, bool *answered, ov_diag *d);

/* Whether the stored state must be rebuilt (a migration added it to a
 * database that held recommendations, or a write came without it). */
ov_store_rc ov_store_state_stale(ov_store *s, bool *out, ov_diag *d);

/* In one write transaction: forget every stored state and interval and
 * the search index, pass every rec with its whole timeline to fold and
 * store the state and intervals it gives, index every rec's texts, clear
 * the stale mark.  With
 * only_stale, nothing is done unless the state is stale (checked inside
 * the transaction, so two processes do not both rebuild).  *n (may be
 * NULL): recs rebuilt. */
ov_store_rc ov_store_state_rebuild(ov_store *s, bool only_stale,
				   ov_store_fold_fn *fold, void *ctx,
				   size_t *n, ov_diag *d);

/* Pass every rec with its whole timeline and its stored state and
 * intervals to fn, in one read transaction (for checking them against the
 * fold). */
ov_store_rc ov_store_state_each(ov_store *s, ov_store_each_fn *fn,
				void *ctx, ov_diag *d);

/* Whether what the store keeps to answer queries fast, the search index,
 * any counts of states and any copies of the recs' columns next to the
 * intervals, holds exactly what the recs' texts, columns and stored
 * states say now (*ok): the backend's own check of them. */
ov_store_rc ov_store_index_check(ov_store *s, bool *ok, ov_diag *d);

/* The data's generation: a number that every committed write transaction
 * changes (import, append, rebuild, and any later writer through the
 * backend), the same for every connection to the database.  A cache of
 * anything read from the store is good while the generation is the one it
 * was read at. */
ov_store_rc ov_store_generation(ov_store *s, uint64_t *out, ov_diag *d);

/* Keep at most about `bytes` of the database in this handle's memory (a
 * server holds a handle per request in flight; the default suits one
 * process reading the whole register once). */
ov_store_rc ov_store_limit_memory(ov_store *s, size_t bytes, ov_diag *d);

#endif
