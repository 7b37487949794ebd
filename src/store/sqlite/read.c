/* The SQLite backend: loads, point reads and counts.  Rows are read into
 * the model through the statements sqlite/tables.c makes from the field
 * tables, column i into field i (sq_col_field). */
#include "store/sqlite/read.h"

#include <stdlib.h>
#include <string.h>

#include "store/sqlite/sq.h"
#include "store/sqlite/tables.h"
#include "util/buf.h"
#include "util/mem.h"

/* Append one element of sh to the array *arr (count *n, capacity *cap)
 * and set it to "nothing given". */
static void *push(void *arr, size_t *n, size_t *cap, const ov_shape *sh)
{
	char **a = arr;

	if (*n + 1 > *cap) {
		*cap = *cap ? 2 * *cap : 8;
		*a = ov_xrealloc(*a, *cap * sh->size);
	}
	ov_shape_init(sh, *a + (*n)++ * sh->size);
	return *a + (*n - 1) * sh->size;
}

/* A query over one table, its rows read by fn; `key` bound to ?1 if the
 * statement has a parameter. */
typedef int row_fn(sqlite3_stmt *st, void *ctx);

static ov_store_rc each_row(sq *s, const char *sql, const char *key,
			    row_fn *fn, void *ctx, const char *noun,
			    ov_diag *d)
{
	sqlite3_stmt *st = NULL;
	ov_store_rc rc = sq_prepare(s, sql, &st, d);
	int step;

	if (rc)
		goto out;
	if (sqlite3_bind_parameter_count(st) >= 1 &&
	    sq_bind_str(st, 1, key) != SQLITE_OK) {
		rc = sq_fail(s, d, "cannot bind a value");
		goto out;
	}
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (fn(st, ctx) < 0) {
			rc = sq_damaged(s, d, noun, NULL);
			goto out;
		}
	}
	if (step != SQLITE_DONE)
		rc = sq_fail(s, d, "cannot read");
out:
	sqlite3_finalize(st);
	return rc;
}

/* Filling one table's array (top) or its children's (child rows come in
 * their parents' id order, as the parents do). */
typedef struct filler {
	const sq_table *t;
	const sq_child *c;
	char **arr;    /* the parents' array */
	size_t *n;     /* its count */
	size_t cap;    /* top: of *arr; child: of the current parent's */
	size_t cur;    /* child: the current parent */
} filler;

static int row_top(sqlite3_stmt *st, void *ctx)
{
	filler *fl = ctx;
	void *elem = push(fl->arr, fl->n, &fl->cap, fl->t->shape);

	return sq_fields(st, 0, fl->t->shape, elem, NULL, false) < 0 ? -1 : 0;
}

/* Walk forward to the parent named in column 0. */
static void *find_parent(filler *fl, const char *key)
{
	const ov_shape *sh = fl->t->shape;
	size_t start = fl->cur;

	while (fl->cur < *fl->n &&
	       strcmp(ov_shape_id(sh, *fl->arr + fl->cur * sh->size), key) < 0)
		fl->cur++;
	if (fl->cur >= *fl->n ||
	    strcmp(ov_shape_id(sh, *fl->arr + fl->cur * sh->size), key))
		return NULL;
	if (fl->cur != start)
		fl->cap = 0;
	return *fl->arr + fl->cur * sh->size;
}

static int row_child(sqlite3_stmt *st, void *ctx)
{
	filler *fl = ctx;
	void *parent = find_parent(fl, sq_col_text(st, 0));
	const ov_field *f = sq_child_field(fl->t, fl->c);
	size_t *n;
	char **arr;

	if (!parent)
		return -1;
	arr = ov_field_ptr(f, parent);
	n = (size_t *)((char *)parent + f->count_off);
	if (*n == 0)
		fl->cap = 0;
	if (f->type == OV_F_STRV) {
		static const ov_shape str = {"a string", sizeof(char *),
					     NULL, 0};
		char **v = push(arr, n, &fl->cap, &str);
		*v = sq_col_str(st, 1);
		return *v ? 0 : -1;
	}
	return sq_fields(st, 1, f->sub, push(arr, n, &fl->cap, f->sub), fl->c,
			 false) < 0 ? -1 : 0;
}

/* Entity t's rows (where: on "x", ?1 = key) into the array at *arr with
 * count *n, then each child table's. */
static ov_store_rc fill(sq *s, const sq_table *t, const char *where,
			const char *key, char **arr, size_t *n, ov_diag *d)
{
	ov_buf sql = OV_BUF_INIT;
	filler fl = {t, NULL, arr, n, 0, 0};
	ov_store_rc rc;

	sq_sql_select(&sql, t, where);
	rc = each_row(s, ov_buf_str(&sql), key, row_top, &fl, t->noun, d);
	for (size_t c = 0; c < t->n_children && !rc; c++) {
		fl.c = &t->children[c];
		fl.cap = fl.cur = 0;
		sq_sql_select_child(&sql, t, fl.c, where);
		rc = each_row(s, ov_buf_str(&sql), key, row_child, &fl,
			      fl.c->noun, d);
	}
	ov_buf_release(&sql);
	return rc;
}

/* A read transaction, so the load sees one consistent state even while
 * another process writes.  The force filter is added only when a force is
 * asked for ("?1 IS NULL OR ..." would make SQLite scan every row). */
ov_store_rc sq_load(void *impl, const char *force, unsigned what,
		    ov_dataset *ds, ov_diag *d)
{
	sq *s = impl;
	ov_store_rc rc = sq_begin(s, false, d);
	char *where = NULL;

	for (size_t i = 0; i < ov_n_entities && !rc; i++) {
		const sq_table *t = sq_table_of(i);
		const ov_entity *en = &ov_entities[i];

		if (!(what & (1u << i)))
			continue;
		free(where);
		where = force && t->force_col
				? ov_xasprintf("x.%s = ?1", t->force_col)
				: NULL;
		rc = fill(s, t, where, force, (char **)((char *)ds + en->off),
			  (size_t *)((char *)ds + en->count_off), d);
	}
	free(where);
	sq_rollback(s);
	return rc;
}

static const ov_entity *entity_of(enum ov_entity_id ent)
{
	return &ov_entities[ent];
}

ov_store_rc sq_get(void *impl, enum ov_entity_id ent, const char *id,
		   void *out, ov_diag *d)
{
	sq *s = impl;
	const sq_table *t = sq_table_of(ent);
	char *arr = NULL, *where = ov_xasprintf("x.%s = ?1", sq_key_col(t));
	size_t n = 0;
	ov_store_rc rc = sq_begin(s, false, d);

	if (!rc)
		rc = fill(s, t, where, id, &arr, &n, d);
	sq_rollback(s);
	if (!rc && n == 0) {
		ov_diag_at(d, OV_PROB_NOTFOUND, NULL, "no %s '%s' in %s",
			   t->noun, id, s->path);
		rc = OV_STORE_NOTFOUND;
	}
	if (!rc)
		memcpy(out, arr, entity_of(ent)->shape->size);
	else
		for (size_t i = 0; i < n; i++)
			ov_shape_release(t->shape, arr + i * t->shape->size);
	free(arr);
	free(where);
	return rc;
}

ov_store_rc sq_exists(void *impl, enum ov_entity_id ent, const char *id,
		      ov_diag *d)
{
	sq *s = impl;
	const sq_table *t = sq_table_of(ent);
	char *sql = ov_xasprintf("SELECT 1 FROM %s WHERE %s = ?1", t->table,
				 sq_key_col(t));
	sqlite3_stmt *st = NULL;
	bool found;
	ov_store_rc rc = sq_query(s, sql, id, &st, &found, "cannot read", d);

	if (!rc && !found) {
		ov_diag_at(d, OV_PROB_NOTFOUND, NULL, "no %s with id '%s'",
			   t->noun, id);
		rc = OV_STORE_NOTFOUND;
	}
	sqlite3_finalize(st);
	free(sql);
	return rc;
}

ov_store_rc sq_count(void *impl, ov_store_counts *out, ov_diag *d)
{
	static const char *const sql =
		"SELECT (SELECT count(*) FROM forces),"
		" (SELECT count(*) FROM people), (SELECT count(*) FROM boards),"
		" (SELECT count(*) FROM plans),"
		" (SELECT count(*) FROM assessments),"
		" (SELECT count(*) FROM reports),"
		" (SELECT count(*) FROM recommendations),"
		" (SELECT count(*) FROM events),"
		" (SELECT count(*) FROM activities),"
		" (SELECT count(*) FROM meetings)";
	size_t *field[] = {&out->forces, &out->people, &out->boards,
			   &out->plans, &out->assessments, &out->reports,
			   &out->recs, &out->events, &out->activities,
			   &out->meetings};
	sqlite3_stmt *st = NULL;
	bool found;
	ov_store_rc rc = sq_query(impl, sql, NULL, &st, &found,
				  "cannot count rows", d);

	memset(out, 0, sizeof *out);
	for (int i = 0; !rc && found && i < 10; i++)
		*field[i] = (size_t)sqlite3_column_int64(st, i);
	sqlite3_finalize(st);
	return rc;
}
