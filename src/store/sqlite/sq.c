/* The SQLite backend's helpers: errors, transactions, binding and
 * reading values by field type (core/fields.h). */
#include "store/sqlite/sq.h"

#include <stdint.h>
#include <stdlib.h>

#include "util/mem.h"

ov_store_rc sq_fail(sq *s, ov_diag *d, const char *what)
{
	ov_diag_add(d, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
	return OV_STORE_ERROR;
}

ov_store_rc sq_damaged(sq *s, ov_diag *d, const char *what, const char *id)
{
	ov_diag_add(d, "%s: %s%s%s%s has a stored value that is not valid "
		    "(database damaged?)", s->path, what, id ? " '" : "",
		    id ? id : "", id ? "'" : "");
	return OV_STORE_ERROR;
}

ov_store_rc sq_prepare(sq *s, const char *sql, sqlite3_stmt **st,
		       ov_diag *d)
{
	if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK) {
		*st = NULL;
		return sq_fail(s, d, "cannot prepare a statement");
	}
	return OV_STORE_OK;
}

ov_store_rc sq_exec(sq *s, const char *sql, ov_diag *d)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return sq_fail(s, d, "cannot run a statement");
	return OV_STORE_OK;
}

/* IMMEDIATE takes the write lock now, so a busy database fails (after the
 * busy timeout) before any work rather than at COMMIT. */
ov_store_rc sq_begin(sq *s, bool write, ov_diag *d)
{
	if (write && s->read_only) {
		ov_diag_add(d, "%s: cannot write: this user may read the "
			    "database but not write it (or its directory)",
			    s->path);
		return OV_STORE_ERROR;
	}
	if (sqlite3_exec(s->db, write ? "BEGIN IMMEDIATE" : "BEGIN", NULL,
			 NULL, NULL) != SQLITE_OK)
		return sq_fail(s, d, "cannot start a transaction");
	s->bump = write && s->generations;
	return OV_STORE_OK;
}

ov_store_rc sq_begin_private(sq *s, ov_diag *d)
{
	ov_store_rc rc = sq_begin(s, true, d);

	s->bump = false;
	return rc;
}

/* The generation is a row, not PRAGMA data_version: data_version only
 * changes for a connection when another connection commits (never for its
 * own commits) and its values mean nothing across connections, while the
 * web's handles (one per thread) must agree on one number.  The row is
 * written in the transaction it counts, so it commits or rolls back with
 * the data. */
ov_store_rc sq_commit(sq *s, ov_diag *d)
{
	bool bump = s->bump;

	s->bump = false;
	if (bump && sqlite3_exec(s->db,
				 "UPDATE store_meta SET value = value + 1"
				 " WHERE key = 'generation'",
				 NULL, NULL, NULL) != SQLITE_OK) {
		ov_store_rc rc = sq_fail(s, d, "cannot count the write");
		sq_rollback(s);
		return rc;
	}
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		ov_store_rc rc = sq_fail(s, d, "cannot commit");
		sq_rollback(s);
		return rc;
	}
	return OV_STORE_OK;
}

void sq_rollback(sq *s)
{
	s->bump = false;
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int sq_bind_str(sqlite3_stmt *st, int i, const char *v)
{
	if (!v)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

int sq_bind_int(sqlite3_stmt *st, int i, long long v)
{
	return sqlite3_bind_int64(st, i, v);
}

int sq_bind_day(sqlite3_stmt *st, int i, ov_day v, bool daynum)
{
	char buf[11];

	if (v == OV_DAY_NONE)
		return sqlite3_bind_null(st, i);
	if (daynum)
		return sqlite3_bind_int64(st, i, v);
	ov_date_format(v, buf);
	return sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

static int bind_pdate(sqlite3_stmt *st, int i, ov_pdate v)
{
	char buf[11];

	if (v.prec == OV_PREC_NONE || v.day == OV_DAY_NONE)
		return sqlite3_bind_null(st, i);
	ov_pdate_format(v, buf);
	return sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

int sq_bind_field(sqlite3_stmt *st, int i, const ov_field *f,
		  const void *elem, bool daynum)
{
	const void *m = ov_field_cptr(f, elem);
	const char *code;

	switch (f->type) {
	case OV_F_STR:
		return sq_bind_str(st, i, *(char *const *)m);
	case OV_F_DATE:
		return sq_bind_day(st, i, *(const ov_day *)m, daynum);
	case OV_F_PDATE:
		return bind_pdate(st, i, *(const ov_pdate *)m);
	case OV_F_INT:
		if (f->has_none && *(const int *)m == f->none)
			return sqlite3_bind_null(st, i);
		return sq_bind_int(st, i, *(const int *)m);
	case OV_F_BOOL:
		return sq_bind_int(st, i, *(const bool *)m);
	case OV_F_ENUM:
		code = f->en->code(m);
		return sq_bind_str(st, i, *code ? code : NULL);
	case OV_F_STRV:
	case OV_F_OBJV:
		break;
	}
	return SQLITE_MISUSE;
}

const char *sq_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

char *sq_col_str(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? ov_xstrdup((const char *)t) : NULL;
}

int sq_col_day(sqlite3_stmt *st, int i, bool daynum, ov_day *out)
{
	int type = sqlite3_column_type(st, i);
	sqlite3_int64 v;

	*out = OV_DAY_NONE;
	if (type == SQLITE_NULL)
		return 0;
	if (!daynum)
		return ov_date_parse(sq_col_text(st, i), out) < 0 ? -1 : 0;
	if (type != SQLITE_INTEGER)
		return -1;
	v = sqlite3_column_int64(st, i);
	if (v <= OV_DAY_NONE || v > INT32_MAX)
		return -1;
	*out = (ov_day)v;
	return 0;
}

static int col_int(sqlite3_stmt *st, int i, const ov_field *f, int *m)
{
	sqlite3_int64 v;

	if (sqlite3_column_type(st, i) == SQLITE_NULL) {
		*m = f->none;
		return f->has_none ? 0 : -1;
	}
	if (sqlite3_column_type(st, i) != SQLITE_INTEGER)
		return -1;
	v = sqlite3_column_int64(st, i);
	if (v < f->min || v > f->max)
		return -1;
	*m = (int)v;
	return 0;
}

int sq_col_field(sqlite3_stmt *st, int i, const ov_field *f, void *elem,
		 bool daynum)
{
	void *m = ov_field_ptr(f, elem);
	bool null = sqlite3_column_type(st, i) == SQLITE_NULL;

	switch (f->type) {
	case OV_F_STR:
		*(char **)m = sq_col_str(st, i);
		return 0;
	case OV_F_DATE:
		return sq_col_day(st, i, daynum, m);
	case OV_F_PDATE:
		if (null) {
			*(ov_pdate *)m = OV_PDATE_NONE;
			return 0;
		}
		return ov_pdate_parse(sq_col_text(st, i), m) < 0 ? -1 : 0;
	case OV_F_INT:
		return col_int(st, i, f, m);
	case OV_F_BOOL:
		*(bool *)m = sqlite3_column_int(st, i) != 0;
		return 0;
	case OV_F_ENUM:
		if (null)
			return f->required ? -1 : 0;
		return f->en->set(m, sq_col_text(st, i)) < 0 ? -1 : 0;
	case OV_F_STRV:
	case OV_F_OBJV:
		break;
	}
	return -1;
}

ov_store_rc sq_query(sq *s, const char *sql, const char *key,
		     sqlite3_stmt **st, bool *found, const char *what,
		     ov_diag *d)
{
	ov_store_rc rc = sq_prepare(s, sql, st, d);
	int step;

	*found = false;
	if (rc)
		return rc;
	if (key && sq_bind_str(*st, 1, key) != SQLITE_OK) {
		rc = sq_fail(s, d, "cannot bind a value");
		goto fail;
	}
	step = sqlite3_step(*st);
	*found = step == SQLITE_ROW;
	if (step == SQLITE_ROW || step == SQLITE_DONE)
		return OV_STORE_OK;
	rc = sq_fail(s, d, what);
fail:
	sqlite3_finalize(*st);
	*st = NULL;
	return rc;
}

ov_store_rc sq_query_kept(sq *s, enum sq_kept slot, const char *sql,
			  const char *key, sqlite3_stmt **st, bool *found,
			  const char *what, ov_diag *d)
{
	int step;

	*found = false;
	*st = NULL;
	if (!s->kept[slot] &&
	    sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
			       &s->kept[slot], NULL) != SQLITE_OK) {
		s->kept[slot] = NULL;
		return sq_fail(s, d, "cannot prepare a statement");
	}
	*st = s->kept[slot];
	if (key && sq_bind_str(*st, 1, key) != SQLITE_OK) {
		sq_done(s, *st);
		*st = NULL;
		return sq_fail(s, d, "cannot bind a value");
	}
	step = sqlite3_step(*st);
	*found = step == SQLITE_ROW;
	if (step == SQLITE_ROW || step == SQLITE_DONE)
		return OV_STORE_OK;
	sq_done(s, *st);
	*st = NULL;
	return sq_fail(s, d, what);
}

void sq_done(sq *s, sqlite3_stmt *st)
{
	if (!st)
		return;
	for (int i = 0; i < SQ_KEPT_N; i++) {
		if (s->kept[i] == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return;
		}
	}
	sqlite3_finalize(st);
}

void sq_kept_release(sq *s)
{
	for (int i = 0; i < SQ_KEPT_N; i++) {
		sqlite3_finalize(s->kept[i]);
		s->kept[i] = NULL;
	}
}

ov_store_rc sq_step_write(sq *s, sqlite3_stmt *st, const char *entity,
			  const char *id, ov_diag *d)
{
	int rc = sqlite3_step(st);
	ov_store_rc out = OV_STORE_OK;

	if (rc == SQLITE_DONE)
		goto out;
	if (rc == SQLITE_CONSTRAINT_PRIMARYKEY ||
	    rc == SQLITE_CONSTRAINT_UNIQUE) {
		ov_diag_at(d, OV_PROB_CONFLICT, NULL,
			   "%s: %s '%s' is already in the database", s->path,
			   entity, id ? id : "");
		out = OV_STORE_CONFLICT;
	} else if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		ov_diag_at(d, OV_PROB_INPUT, NULL,
			   "%s: %s '%s' cannot be stored: %s", s->path, entity,
			   id ? id : "", sqlite3_errmsg(s->db));
		out = OV_STORE_INVALID;
	} else {
		ov_diag_add(d, "%s: cannot store %s '%s': %s", s->path, entity,
			    id ? id : "", sqlite3_errmsg(s->db));
		out = OV_STORE_ERROR;
	}
out:
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return out;
}
