#ifndef OV_STORE_SQLITE_TABLES_H
#define OV_STORE_SQLITE_TABLES_H
/*
 * Private to the SQLite backend: where each entity of the field tables
 * (core/fields.h) lives in the schema (sqlite/schema.c), and the SQL made
 * from the two.  A top-level entity is one table whose columns are its
 * scalar fields (ov_field_col names them); each STRV or OBJV field is a
 * child table keyed by (parent, seq).  Statements are made once per call
 * into an ov_buf; values are always bound, never written into the SQL.
 */
#include <stdbool.h>

#include "core/fields.h"
#include "store/sqlite/sq.h"
#include "util/buf.h"

typedef struct sq_child {
	const char *key;        /* the parent's STRV/OBJV field */
	const char *table;      /* "events" */
	const char *parent_col; /* "rec" */
	const char *value_col;  /* STRV: the string's column ("text") */
	const char *daynum_col; /* a date column kept as a day number */
	const char *noun;       /* for messages: "recommendation event" */
} sq_child;

typedef struct sq_table {
	const char *table;     /* "recommendations" */
	const char *noun;      /* for messages: "recommendation" */
	const ov_shape *shape;
	const char *force_col; /* the column naming the force, or NULL */
	/* Children hang from the integer `id` column (recommendations),
	 * not from the text id. */
	bool rowid_parent;
	/* A derived column written after the fields (recommendations: due). */
	const char *extra_col;
	const sq_child *children;
	size_t n_children;
} sq_table;

/* The table of a top-level entity. */
const sq_table *sq_table_of(enum ov_entity_id ent);
/* The id column (the shape's first field). */
const char *sq_key_col(const sq_table *t);
/* The field a child table holds. */
const ov_field *sq_child_field(const sq_table *t, const sq_child *c);
/* The child table holding t's field `key` ("timeline"), or NULL. */
const sq_child *sq_child_of(const sq_table *t, const char *key);
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
