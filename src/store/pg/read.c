/* The PostgreSQL backend: loads, point reads and counts, through the
 * SELECTs the shared map of entities to tables makes (store/tables.h),
 * column i into field i (pg_fields_read). */
#include <stdlib.h>
#include <string.h>

#include "store/pg/ops.h"
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

typedef struct filler {
	const ov_store_table *t;
	const ov_store_child *c;
	char **arr;
	size_t *n;
	size_t cap, cur;
} filler;

typedef int row_fn(const PGresult *res, int r, filler *fl);

static int row_top(const PGresult *res, int r, filler *fl)
{
	void *elem = push(fl->arr, fl->n, &fl->cap, fl->t->shape);

	return pg_fields_read(res, r, 0, fl->t->shape, elem) < 0 ? -1 : 0;
}

/* Walk forward to the parent named in column 0 (rows come in parent id
 * order, bytewise: the columns are COLLATE "C"). */
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

static int row_child(const PGresult *res, int r, filler *fl)
{
	const char *key = pg_val(res, r, 0);
	void *parent = key ? find_parent(fl, key) : NULL;
	const ov_field *f = ov_store_child_field(fl->t, fl->c);
	size_t *n;
	char **arr;

	if (!parent)
		return -1;
	arr = ov_field_ptr(f, parent);
	n = (size_t *)((char *)parent + f->count_off);
	if (*n == 0)
		fl->cap = 0;
	if (f->type == OV_F_STRV) {
		static const ov_shape str = {"a string", sizeof(char *), NULL,
		                             0};
		char **v = push(arr, n, &fl->cap, &str);
		const char *t = pg_val(res, r, 1);

		*v = t ? ov_xstrdup(t) : NULL;
		return *v ? 0 : -1;
	}
	return pg_fields_read(res, r, 1, f->sub,
	                      push(arr, n, &fl->cap, f->sub)) < 0
	           ? -1
	           : 0;
}

static ov_store_rc each_row(pg *s, const char *sql, const char *key, row_fn *fn,
                            filler *fl, const char *noun, ov_diag *d)
{
	pg_params p = {0};
	pg_cursor c = {0};
	ov_store_rc rc;
	int step = 0;

	if (key)
		pg_p_str(&p, key);
	rc = pg_cur_open(s, &c, "ov_load", sql, &p, d);
	while (!rc && (step = pg_cur_next(s, &c, d)) == 1)
		if (fn(c.res, c.row, fl) < 0)
			rc = pg_damaged(s, d, noun, NULL);
	if (!rc && step < 0)
		rc = OV_STORE_ERROR;
	pg_cur_close(s, &c);
	pg_params_release(&p);
	return rc;
}

static ov_store_rc fill(pg *s, const ov_store_table *t, const char *where,
                        const char *key, char **arr, size_t *n, ov_diag *d)
{
	ov_buf sql = OV_BUF_INIT;
	filler fl = {t, NULL, arr, n, 0, 0};
	ov_store_rc rc;

	ov_store_sql_select(&sql, t, where);
	rc = each_row(s, ov_buf_str(&sql), key, row_top, &fl, t->noun, d);
	for (size_t c = 0; c < t->n_children && !rc; c++) {
		fl.c = &t->children[c];
		fl.cap = fl.cur = 0;
		ov_store_sql_select_child(&sql, t, fl.c, where);
		rc = each_row(s, ov_buf_str(&sql), key, row_child, &fl,
		              fl.c->noun, d);
	}
	ov_buf_release(&sql);
	return rc;
}

ov_store_rc pg_load(void *impl, const char *force, unsigned what,
                    ov_dataset *ds, ov_diag *d)
{
	pg *s = impl;
	ov_store_rc rc = pg_begin(s, false, d);
	char *where = NULL;

	for (size_t i = 0; i < ov_n_entities && !rc; i++) {
		const ov_store_table *t = ov_store_table_of(i);
		const ov_entity *en = &ov_entities[i];

		if (!(what & (1u << i)))
			continue;
		free(where);
		where = force && t->force_col
		            ? ov_xasprintf("x.%s = $1", t->force_col)
		            : NULL;
		rc = fill(s, t, where, where ? force : NULL,
		          (char **)((char *)ds + en->off),
		          (size_t *)((char *)ds + en->count_off), d);
	}
	free(where);
	pg_rollback(s);
	return rc;
}

ov_store_rc pg_get(void *impl, enum ov_entity_id ent, const char *id, void *out,
                   ov_diag *d)
{
	pg *s = impl;
	const ov_store_table *t = ov_store_table_of(ent);
	char *arr = NULL;
	char *where = ov_xasprintf("x.%s = $1", ov_store_key_col(t));
	size_t n = 0;
	ov_store_rc rc = pg_begin(s, false, d);

	if (!rc)
		rc = fill(s, t, where, id, &arr, &n, d);
	pg_rollback(s);
	if (!rc && n == 0) {
		ov_diag_at(d, OV_PROB_NOTFOUND, NULL, "no %s '%s' in %s",
		           t->noun, id, s->name);
		rc = OV_STORE_NOTFOUND;
	}
	if (!rc)
		memcpy(out, arr, t->shape->size);
	else
		for (size_t i = 0; i < n; i++)
			ov_shape_release(t->shape, arr + i * t->shape->size);
	free(arr);
	free(where);
	return rc;
}

ov_store_rc pg_exists(void *impl, enum ov_entity_id ent, const char *id,
                      ov_diag *d)
{
	pg *s = impl;
	const ov_store_table *t = ov_store_table_of(ent);
	char *sql = ov_xasprintf("SELECT 1 FROM %s WHERE %s = $1", t->table,
	                         ov_store_key_col(t));
	pg_params p = {0};
	PGresult *res = NULL;
	ov_store_rc rc;

	pg_p_str(&p, id);
	rc = pg_run(s, sql, &p, &res, "cannot read", NULL, NULL, d);
	if (!rc && PQntuples(res) == 0) {
		ov_diag_at(d, OV_PROB_NOTFOUND, NULL, "no %s with id '%s'",
		           t->noun, id);
		rc = OV_STORE_NOTFOUND;
	}
	PQclear(res);
	pg_params_release(&p);
	free(sql);
	return rc;
}

ov_store_rc pg_count(void *impl, ov_store_counts *out, ov_diag *d)
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
	size_t *field[] = {&out->forces,  &out->people,      &out->boards,
	                   &out->plans,   &out->assessments, &out->reports,
	                   &out->recs,    &out->events,      &out->activities,
	                   &out->meetings};
	PGresult *res = NULL;
	ov_store_rc rc =
	    pg_run(impl, sql, NULL, &res, "cannot count rows", NULL, NULL, d);

	memset(out, 0, sizeof *out);
	for (int i = 0; !rc && i < 10; i++)
		*field[i] = (size_t)atoll(PQgetvalue(res, 0, i));
	PQclear(res);
	return rc;
}
