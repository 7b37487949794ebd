#ifndef OV_STORE_SQLITE_TABLES_H
#define OV_STORE_SQLITE_TABLES_H
/*
 * Private to the SQLite backend: the shared map of entities to tables
 * (store/tables.h) with SQLite's binds and reads, and the SQL made from it
 * in SQLite's parameter style.  Values are always bound, never written
 * into the SQL.
 */
#include <stdbool.h>

#include "core/fields.h"
#include "store/sqlite/sq.h"
#include "store/tables.h"
#include "util/buf.h"

/* The description every backend shares (store/tables.h), under the
 * names this backend's files use. */
typedef ov_store_child sq_child;
typedef ov_store_table sq_table;

static inline const sq_table *sq_table_of(enum ov_entity_id ent)
{
	return ov_store_table_of(ent);
}
static inline const char *sq_key_col(const sq_table *t)
{
	return ov_store_key_col(t);
}
static inline const ov_field *sq_child_field(const sq_table *t,
					     const sq_child *c)
{
	return ov_store_child_field(t, c);
}
static inline const sq_child *sq_child_of(const sq_table *t, const char *key)
{
	return ov_store_child_of(t, key);
}
/* Whether column col of child c (NULL: of the parent) is a day number. */
bool sq_is_daynum(const sq_child *c, const ov_field *f);

/* Bind (write true) or read (false) sh's scalar fields of elem, from
 * parameter or column `at` on, in field order; c is the child table they
 * belong to (NULL: a top-level table), for its day-number column.
 * Returns the next parameter or column, or -1 if a bind failed or a
 * stored value does not fit its field. */
int sq_fields(sqlite3_stmt *st, int at, const ov_shape *sh, void *elem,
	      const sq_child *c, bool write);

/* INSERT of one row of t (the scalar fields, then extra_col), or of
 * child c: parent, seq, then the fields.  Parameters ?1... in that order. */
void sq_sql_insert(ov_buf *b, const sq_table *t, const sq_child *c);
/* SELECT of t's scalar fields (in field order) from "x", with `where`
 * (may be NULL) and order by the id. */
void sq_sql_select(ov_buf *b, const sq_table *t, const char *where);
/* SELECT of child c's rows: the parent's id, then its fields, joined to
 * the parent as "x", with `where` (on x, may be NULL), in parent id then
 * seq order. */
void sq_sql_select_child(ov_buf *b, const sq_table *t, const sq_child *c,
			 const char *where);

#endif
