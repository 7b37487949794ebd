#ifndef OV_STORE_TABLES_H
#define OV_STORE_TABLES_H
/*
 * Private to src/store: where each entity of the field tables
 * (core/fields.h) lives in a backend's schema, the same for every backend,
 * and the SQL made from the two.  A top-level entity is one table whose
 * columns are its scalar fields (ov_field_col names them); each STRV or
 * OBJV field is a child table keyed by (parent, seq).  A new field is a
 * new column in each backend's migrations and nothing here.  Statements
 * are made into an ov_buf, their parameters in the backend's own style
 * (SQLite "?1", PostgreSQL "$1"); values are always bound, never written
 * into the SQL.
 */
#include <stdbool.h>

#include "core/fields.h"
#include "util/buf.h"

typedef struct ov_store_child {
	const char *key;        /* the parent's STRV/OBJV field */
	const char *table;      /* "events" */
	const char *parent_col; /* "rec" */
	const char *value_col;  /* STRV: the string's column ("text") */
	/* A date column SQLite keeps as a day number (PostgreSQL: a date
	 * like every other). */
	const char *daynum_col;
	const char *noun; /* for messages: "recommendation event" */
} ov_store_child;

typedef struct ov_store_table {
	const char *table; /* "recommendations" */
	const char *noun;  /* for messages: "recommendation" */
	const ov_shape *shape;
	const char *force_col; /* the column naming the force, or NULL */
	/* Children hang from the integer `id` column (recommendations),
	 * not from the text id. */
	bool rowid_parent;
	/* A derived column written after the fields (recommendations: due). */
	const char *extra_col;
	const ov_store_child *children;
	size_t n_children;
} ov_store_table;

/* The table of a top-level entity. */
const ov_store_table *ov_store_table_of(enum ov_entity_id ent);
/* The id column (the shape's first field). */
const char *ov_store_key_col(const ov_store_table *t);
/* The field a child table holds. */
const ov_field *ov_store_child_field(const ov_store_table *t,
                                     const ov_store_child *c);
/* The child table holding t's field `key` ("timeline"), or NULL. */
const ov_store_child *ov_store_child_of(const ov_store_table *t,
                                        const char *key);
/* Whether f has a column of its own (not a STRV or OBJV child table). */
bool ov_store_is_scalar(const ov_field *f);

/* A backend's parameter style: "?" (SQLite) or "$" (PostgreSQL). */
typedef const char *ov_store_param_style;

/* The scalar columns of sh, each as PREFIX.col (prefix NULL: bare),
 * comma-separated after n columns already written; returns the new n. */
size_t ov_store_sql_cols(ov_buf *b, const ov_shape *sh, const char *prefix,
                         size_t n);
/* The column list of one row of t (the scalar fields, then extra_col),
 * or of child c (parent, seq, then the fields), "a, b, c"; *n the number
 * of columns. */
void ov_store_sql_row_cols(ov_buf *b, const ov_store_table *t,
                           const ov_store_child *c, size_t *n);
/* INSERT of one row of t or of child c, columns as ov_store_sql_row_cols,
 * parameters 1.. in that order. */
void ov_store_sql_insert(ov_buf *b, const ov_store_table *t,
                         const ov_store_child *c, ov_store_param_style p);
/* SELECT of t's scalar fields (in field order) from "x", with `where`
 * (may be NULL) and order by the id. */
void ov_store_sql_select(ov_buf *b, const ov_store_table *t, const char *where);
/* SELECT of child c's rows: the parent's id, then its fields, joined to
 * the parent as "x", with `where` (on x, may be NULL), in parent id then
 * seq order. */
void ov_store_sql_select_child(ov_buf *b, const ov_store_table *t,
                               const ov_store_child *c, const char *where);

#endif
