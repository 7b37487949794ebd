#ifndef OV_STORE_SQLITE_INT_H
#define OV_STORE_SQLITE_INT_H
/*
 * Private to the SQLite store (src/store/sqlite*.c, schema.c): the handle
 * and small helpers shared by the files.  Nothing here leaves src/store.
 *
 * Helpers that can fail append "PATH: what: sqlite's message" to d and
 * return OV_STORE_ERROR (or the rc named).
 */
#include <sqlite3.h>

#include "store/store.h"

struct ov_store {
	sqlite3 *db;
	char *path;
};

/* Newest schema version the code knows (number of migrations). */
int ov_sql_schema_latest(void);
/* Apply the migrations the database lacks; refuse a newer database. */
ov_store_rc ov_sql_migrate(ov_store *s, ov_diag *d);

/* Message for the last failure on s->db; returns OV_STORE_ERROR. */
ov_store_rc ov_sql_fail(ov_store *s, ov_diag *d, const char *what);
ov_store_rc ov_sql_prepare(ov_store *s, const char *sql, sqlite3_stmt **st,
			   ov_diag *d);
/* Run fixed SQL that carries no values (BEGIN, COMMIT, migrations). */
ov_store_rc ov_sql_exec(ov_store *s, const char *sql, ov_diag *d);
ov_store_rc ov_sql_begin(ov_store *s, ov_diag *d);
ov_store_rc ov_sql_commit(ov_store *s, ov_diag *d);
/* Roll back if a transaction is open; never fails the caller. */
void ov_sql_rollback(ov_store *s);

/* Binding: NULL strings, OV_DAY_NONE and OV_PREC_NONE bind SQL NULL.
 * Dates bind as 'YYYY-MM-DD' text, partial dates as 'YYYY[-MM[-DD]]'. */
int ov_sql_bind_str(sqlite3_stmt *st, int i, const char *v);
int ov_sql_bind_day(sqlite3_stmt *st, int i, ov_day v);
int ov_sql_bind_pdate(sqlite3_stmt *st, int i, ov_pdate v);
int ov_sql_bind_int(sqlite3_stmt *st, int i, long long v);
/* Named parameter (":name"); a name absent from the statement is ignored
 * so one binder can serve queries built from optional fragments. */
int ov_sql_bind_named_str(sqlite3_stmt *st, const char *name, const char *v);
int ov_sql_bind_named_day(sqlite3_stmt *st, const char *name, ov_day v);

/* Reading columns.  ov_sql_col_str returns a fresh copy or NULL. */
char *ov_sql_col_str(sqlite3_stmt *st, int i);
ov_day ov_sql_col_day(sqlite3_stmt *st, int i);
ov_pdate ov_sql_col_pdate(sqlite3_stmt *st, int i);
/* The column as text, "" for NULL; borrowed until the next step. */
const char *ov_sql_col_text(sqlite3_stmt *st, int i);

/* Status a fold ends in after an event of this kind code; used to map the
 * last status event of a timeline back to a status. */
enum ov_status ov_sql_status_of_kind(const char *kind_code);

#endif
