#ifndef OV_STORE_SQLITE_SQ_H
#define OV_STORE_SQLITE_SQ_H
/*
 * Private to the SQLite backend (src/store/sqlite/): its handle and the
 * helpers every file of it uses.  Nothing here leaves src/store/sqlite.
 *
 * Helpers that can fail append "PATH: what: sqlite's message" to d (a
 * runtime problem) and return OV_STORE_ERROR, unless they say otherwise.
 */
#include <sqlite3.h>

#include "core/fields.h"
#include "store/types.h"

/* Which kept statement (sq.kept). */
enum sq_kept { SQ_KEPT_META, SQ_KEPT_ACCOUNT, SQ_KEPT_SESSION, SQ_KEPT_N };

typedef struct sq {
	sqlite3 *db;
	char *path;
	/* Set once the schema has store_meta (after the migrations): from
	 * then on every write transaction's commit adds one to the data's
	 * generation (sq_commit). */
	bool generations;
	/* Opened read-only: this user may read the file but not write it
	 * or its directory (sqlite/open.c).  No write transaction starts
	 * (sq_begin says why), so the stored state is not rebuilt either. */
	bool read_only;
	/* The open transaction is a write one whose commit counts (not one
	 * begun with sq_begin_private). */
	bool bump;
	/* FTS5's unicode61 tokenizer, for splitting search words
	 * (sqlite/search.c); made when first needed, freed on close. */
	fts5_tokenizer tok;
	Fts5Tokenizer *tok_inst;
	/* The statements every web request runs, prepared once per handle
	 * (sq_query_kept), finalized on close. */
	sqlite3_stmt *kept[SQ_KEPT_N];
} sq;

/* A runtime problem for the last failure on s->db; OV_STORE_ERROR. */
ov_store_rc sq_fail(sq *s, ov_diag *d, const char *what);
/* "the database has a value that is not valid" for a row of `what`. */
ov_store_rc sq_damaged(sq *s, ov_diag *d, const char *what, const char *id);
ov_store_rc sq_prepare(sq *s, const char *sql, sqlite3_stmt **st,
		       ov_diag *d);
/* Run fixed SQL that carries no values (BEGIN, COMMIT, migrations). */
ov_store_rc sq_exec(sq *s, const char *sql, ov_diag *d);
/* BEGIN IMMEDIATE (write) or BEGIN (read).  A write transaction's commit
 * adds one to the generation (see sq.bump). */
ov_store_rc sq_begin(sq *s, bool write, ov_diag *d);
/* A write transaction whose commit leaves the generation as it is: for
 * rows no cached page shows (accounts, sessions, sign-in failures), so
 * that signing in and a session's touch do not empty the web's cache. */
ov_store_rc sq_begin_private(sq *s, ov_diag *d);
ov_store_rc sq_commit(sq *s, ov_diag *d);
/* Roll back if a transaction is open; never fails the caller. */
void sq_rollback(sq *s);

/* Binding.  Each returns sqlite's result code (SQLITE_OK on success), so
 * callers can OR a row's binds together and check once.  NULL strings,
 * OV_DAY_NONE and OV_PREC_NONE bind SQL NULL.  Strings are not copied:
 * they must stay valid until the statement is reset or finalized. */
int sq_bind_str(sqlite3_stmt *st, int i, const char *v);
int sq_bind_int(sqlite3_stmt *st, int i, long long v);
/* A day as ISO text, or as its number with daynum. */
int sq_bind_day(sqlite3_stmt *st, int i, ov_day v, bool daynum);
/* Member f of elem, as its type says (see core/fields.h); daynum for a
 * date column stored as a day number. */
int sq_bind_field(sqlite3_stmt *st, int i, const ov_field *f,
		  const void *elem, bool daynum);

/* Reading.  sq_col_text: "" for NULL, borrowed until the next step. */
const char *sq_col_text(sqlite3_stmt *st, int i);
char *sq_col_str(sqlite3_stmt *st, int i);
/* A day stored as text or (daynum) as a number; OV_DAY_NONE for NULL.
 * Returns 0, or -1 for a value that cannot be a day. */
int sq_col_day(sqlite3_stmt *st, int i, bool daynum, ov_day *out);
/* Column i into member f of elem; 0, or -1 for a value the field cannot
 * hold (a damaged database). */
int sq_col_field(sqlite3_stmt *st, int i, const ov_field *f, void *elem,
		 bool daynum);

/* Prepare sql, bind key as ?1 (when not NULL) and step once: OV_STORE_OK
 * with *found true and *st on the first row, or *found false (no row);
 * else a failure naming `what` and *st NULL.  The caller finalizes *st. */
ov_store_rc sq_query(sq *s, const char *sql, const char *key,
		     sqlite3_stmt **st, bool *found, const char *what,
		     ov_diag *d);

/* sq_query with the handle's kept statement `slot` for sql (always the
 * same text for a slot): prepared on first use, then only reset.  The
 * caller hands *st back with sq_done, never finalizes it. */
ov_store_rc sq_query_kept(sq *s, enum sq_kept slot, const char *sql,
			  const char *key, sqlite3_stmt **st, bool *found,
			  const char *what, ov_diag *d);
/* Done with a statement from sq_query or sq_query_kept (NULL is fine). */
void sq_done(sq *s, sqlite3_stmt *st);
/* Finalize the kept statements (before closing the connection). */
void sq_kept_release(sq *s);

/* Step a statement that writes: OV_STORE_OK on SQLITE_DONE; a primary
 * key or unique clash is OV_STORE_CONFLICT, another constraint
 * OV_STORE_INVALID, each with a problem naming `entity` 'id'.  The
 * statement is reset and its bindings cleared either way. */
ov_store_rc sq_step_write(sq *s, sqlite3_stmt *st, const char *entity,
			  const char *id, ov_diag *d);

#endif
