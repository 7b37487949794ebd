/*
 * The PostgreSQL backend: import, append and replacing a meeting.
 *
 * An import is one transaction that loads each table with COPY (text
 * format), its columns those of the shared map (store/tables.h) and its
 * values written by field type; the server checks every key and link as
 * the rows arrive, and a refused row (named by its line: the entity and
 * id it came from) rolls the whole import back.
 *
 * An append locks its recommendation's row (SELECT ... FOR UPDATE) before
 * it counts the timeline: two processes appending to one rec take turns,
 * the second counting the first's events once it has committed, so its
 * n_before check (the events the caller validated against) refuses a
 * stale append rather than interleave it.  See docs/architecture.md.
 */
#include <stdlib.h>
#include <string.h>

#include "store/pg/ops.h"
#include "util/mem.h"

/* Children first, so no link is left dangling mid-way (the statement
 * checks its links at its end anyway). */
static const char *const delete_all_sql =
    "DELETE FROM rec_search; DELETE FROM rec_interval;"
    " DELETE FROM rec_state;"
    " DELETE FROM layout_sections; DELETE FROM layouts;"
    " DELETE FROM pillars;"
    " DELETE FROM documents; DELETE FROM reviews; DELETE FROM meetings;"
    " DELETE FROM activities; DELETE FROM events; DELETE FROM bullets;"
    " DELETE FROM recommendations; DELETE FROM questions;"
    " DELETE FROM assessments; DELETE FROM reports; DELETE FROM plans;"
    " DELETE FROM boards; DELETE FROM people; DELETE FROM forces;";

/* One line of a COPY: the element it came from (its scalar fields
 * those of sh) and the id that names it in messages. */
typedef struct line {
	const char *id;
	const ov_shape *sh;
	const void *elem;
} line;

typedef struct importer {
	pg *s;
	ov_diag *d;
	const ov_dataset *ds;
	const ov_day *due;
	const ov_store_derived *state;
	long long first_id; /* of the import's first rec */
	ov_buf row;
	line *lines; /* what each line of the COPY came from */
	size_t n_lines, cap_lines;
	void (*progress)(size_t, size_t, void *);
	void *arg;
} importer;

static void line_of(importer *im, const char *id, const ov_shape *sh,
                    const void *elem)
{
	OV_GROW(im->lines, im->cap_lines, im->n_lines + 1);
	im->lines[im->n_lines++] = (line){id, sh, elem};
}

/* The scalar field of sh whose column is col, or NULL. */
static const ov_field *field_of_col(const ov_shape *sh, const char *col)
{
	for (size_t k = 0; sh && col && k < sh->n_fields; k++)
		if (ov_store_is_scalar(&sh->fields[k]) &&
		    !strcmp(ov_field_col(&sh->fields[k]), col))
			return &sh->fields[k];
	return NULL;
}

/* Whether elem's column col (of shape sh) holds val. */
static bool holds(const ov_shape *sh, const void *elem, const char *col,
                  const char *val)
{
	const ov_field *f = field_of_col(sh, col);
	char *t = f && val ? pg_field_text(f, elem) : NULL;
	bool same = t && !strcmp(t, val);

	free(t);
	return same;
}

/* The id of the line the server refused: by number, or the first whose
 * column col holds val (a broken link is named by its key alone). */
static const char *line_name(void *ctx, long n, const char *col,
                             const char *val)
{
	importer *im = ctx;

	if (n >= 1 && (size_t)n <= im->n_lines)
		return im->lines[n - 1].id;
	for (size_t i = 0; i < im->n_lines; i++)
		if (holds(im->lines[i].sh, im->lines[i].elem, col, val))
			return im->lines[i].id;
	return NULL;
}

/* The id naming the first element of entity e (or of its child c) whose
 * column col holds val; NULL if none does. */
static const char *find_holder(const importer *im, enum ov_entity_id e,
                               const ov_store_child *c, const char *col,
                               const char *val)
{
	const ov_entity *en = &ov_entities[e];
	const ov_store_table *t = ov_store_table_of(e);
	const char *arr = *(char *const *)((const char *)im->ds + en->off);
	size_t n = *(const size_t *)((const char *)im->ds + en->count_off);
	const ov_field *f = c ? ov_store_child_field(t, c) : NULL;

	for (size_t k = 0; k < n; k++) {
		const char *elem = arr + k * t->shape->size;
		const char *items;
		size_t m;

		if (!c) {
			if (holds(t->shape, elem, col, val))
				return ov_shape_id(t->shape, elem);
			continue;
		}
		if (f->type != OV_F_OBJV)
			continue;
		items = *(char *const *)ov_field_cptr(f, elem);
		m = *(const size_t *)(elem + f->count_off);
		for (size_t j = 0; j < m; j++)
			if (holds(f->sub, items + j * f->sub->size, col, val))
				return ov_shape_id(t->shape, elem);
	}
	return NULL;
}

/* A broken link found when a bulk import made the links again: the
 * entity of the table, and the first row of the import whose column
 * holds the missing key. */
static void bulk_name(void *ctx, const PGresult *res, const char *table,
                      const char **noun, const char **id)
{
	importer *im = ctx;
	char *col = NULL, *val = NULL;

	pg_error_key(res, &col, &val);
	for (int e = 0; e < OV_ENT_N && !*noun; e++) {
		const ov_store_table *t = ov_store_table_of(e);

		if (!strcmp(t->table, table)) {
			*noun = t->noun;
			*id = find_holder(im, e, NULL, col, val);
		}
		for (size_t c = 0; c < t->n_children && !*noun; c++) {
			if (strcmp(t->children[c].table, table))
				continue;
			*noun = t->children[c].noun;
			*id = find_holder(im, e, &t->children[c], col, val);
		}
	}
	free(col);
	free(val);
}

/* The scalar fields of sh, tab-separated; lead: a tab before the first
 * too. */
static void put_fields(ov_buf *b, const ov_shape *sh, const void *elem,
                       bool lead)
{
	for (size_t i = 0; i < sh->n_fields; i++) {
		if (!ov_store_is_scalar(&sh->fields[i]))
			continue;
		if (lead)
			ov_buf_putc(b, '\t');
		lead = true;
		pg_copy_field(b, &sh->fields[i], elem);
	}
}

static void put_day(ov_buf *b, ov_day v)
{
	char buf[11];

	if (v == OV_DAY_NONE) {
		ov_buf_puts(b, "\\N");
		return;
	}
	ov_date_format(v, buf);
	ov_buf_puts(b, buf);
}

static ov_store_rc copy_start(importer *im, const char *table, const char *cols)
{
	char *sql = ov_xasprintf("COPY %s (%s) FROM STDIN", table, cols);
	ov_store_rc rc = pg_copy_begin(im->s, sql, im->d);

	free(sql);
	im->n_lines = 0;
	ov_buf_reset(&im->row);
	return rc;
}

/* The end of a row from elem (fields sh) named id; false if the
 * connection failed. */
static bool row_done(importer *im, const char *id, const ov_shape *sh,
                     const void *elem)
{
	ov_buf_putc(&im->row, '\n');
	line_of(im, id, sh, elem);
	return pg_copy_send(im->s, &im->row, false) == 0;
}

/* The rows of entity e's own table. */
static ov_store_rc copy_top(importer *im, enum ov_entity_id e, const char *arr,
                            size_t n)
{
	const ov_store_table *t = ov_store_table_of(e);
	ov_buf cols = OV_BUF_INIT;
	size_t ncols;
	bool ok = true;
	ov_store_rc rc;

	if (t->rowid_parent)
		ov_buf_puts(&cols, "id, ");
	ov_store_sql_row_cols(&cols, t, NULL, &ncols);
	rc = copy_start(im, t->table, ov_buf_str(&cols));
	ov_buf_release(&cols);
	if (rc)
		return rc;
	for (size_t k = 0; k < n && ok; k++) {
		const void *elem = arr + k * t->shape->size;

		if (t->rowid_parent)
			ov_buf_printf(&im->row, "%lld\t",
			              im->first_id + (long long)k);
		put_fields(&im->row, t->shape, elem, false);
		if (t->extra_col) {
			ov_buf_putc(&im->row, '\t');
			put_day(&im->row, im->due ? im->due[k] : OV_DAY_NONE);
		}
		ok = row_done(im, ov_shape_id(t->shape, elem), t->shape, elem);
		if (e == OV_ENT_REC && im->progress &&
		    ((k + 1) % 4096 == 0 || k + 1 == n))
			im->progress(k + 1, n, im->arg);
	}
	return pg_copy_end(im->s, &im->row, ok, t->noun, line_name, im, im->d);
}

/* The rows of child table c of entity e (parent key, seq, fields). */
static ov_store_rc copy_child(importer *im, enum ov_entity_id e,
                              const ov_store_child *c, const char *arr,
                              size_t n)
{
	const ov_store_table *t = ov_store_table_of(e);
	const ov_field *f = ov_store_child_field(t, c);
	ov_buf cols = OV_BUF_INIT;
	size_t ncols, rows = 0;
	bool ok = true;
	ov_store_rc rc;

	ov_store_sql_row_cols(&cols, t, c, &ncols);
	for (size_t k = 0; k < n; k++)
		rows +=
		    *(const size_t *)(arr + k * t->shape->size + f->count_off);
	rc = rows ? copy_start(im, c->table, ov_buf_str(&cols)) : OV_STORE_OK;
	ov_buf_release(&cols);
	if (rc || !rows)
		return rc;
	for (size_t k = 0; k < n && ok; k++) {
		const char *elem = arr + k * t->shape->size;
		const char *id = ov_shape_id(t->shape, elem);
		const char *items = *(char *const *)ov_field_cptr(f, elem);
		size_t m = *(const size_t *)(elem + f->count_off);

		for (size_t j = 0; j < m && ok; j++) {
			if (t->rowid_parent)
				ov_buf_printf(&im->row, "%lld",
				              im->first_id + (long long)k);
			else
				pg_copy_value(&im->row, id);
			ov_buf_printf(&im->row, "\t%zu\t", j);
			const void *it = f->type == OV_F_STRV
			                     ? NULL
			                     : items + j * f->sub->size;

			if (f->type == OV_F_STRV)
				pg_copy_value(&im->row,
				              ((char *const *)items)[j]);
			else
				put_fields(&im->row, f->sub, it, false);
			ok = row_done(im, id, it ? f->sub : NULL, it);
		}
	}
	return pg_copy_end(im->s, &im->row, ok, c->noun, line_name, im, im->d);
}

/* The recs' states, each with its copies of the rec's columns. */
static ov_store_rc copy_states(importer *im)
{
	const ov_dataset *ds = im->ds;
	pg_params p = {0};
	bool ok = true;
	ov_store_rc rc = copy_start(im, "rec_state",
	                            "rec, ref, report, force, area, due, "
	                            "status, status_rank, status_date, rag, "
	                            "owner, closed_by, basis, last_update, "
	                            "last_update_date, last_event_date");

	if (rc)
		return rc;
	for (size_t k = 0; k < ds->n_recs && ok; k++) {
		const ov_rec *r = &ds->recs[k];

		ov_buf_printf(&im->row, "%lld\t", im->first_id + (long long)k);
		pg_copy_value(&im->row, r->ref);
		ov_buf_putc(&im->row, '\t');
		pg_copy_value(&im->row, r->report);
		ov_buf_putc(&im->row, '\t');
		pg_copy_value(&im->row, r->force);
		ov_buf_putc(&im->row, '\t');
		pg_copy_value(&im->row, r->area);
		ov_buf_putc(&im->row, '\t');
		put_day(&im->row, im->due ? im->due[k] : OV_DAY_NONE);
		pg_params_release(&p);
		pg_state_params(&p, &im->state[k].now);
		for (int i = 0; i < p.n; i++) {
			ov_buf_putc(&im->row, '\t');
			pg_copy_value(&im->row, p.v[i]);
		}
		ok = row_done(im, r->ref, NULL, NULL);
	}
	pg_params_release(&p);
	return pg_copy_end(im->s, &im->row, ok, "recommendation state",
	                   line_name, im, im->d);
}

/* The recs' state intervals. */
static ov_store_rc copy_intervals(importer *im)
{
	const ov_dataset *ds = im->ds;
	pg_params p = {0};
	bool ok = true;
	ov_store_rc rc = copy_start(im, "rec_interval",
	                            "rec, from_day, to_day, status, "
	                            "status_rank, status_date, rag, owner, "
	                            "closed_by, basis, last_update, "
	                            "last_update_date");

	if (rc)
		return rc;
	for (size_t k = 0; k < ds->n_recs && ok; k++) {
		const ov_store_derived *v = &im->state[k];

		for (size_t j = 0; j < v->n_iv && ok; j++) {
			pg_params_release(&p);
			pg_interval_params(&p, &v->iv[j]);
			ov_buf_printf(&im->row, "%lld",
			              im->first_id + (long long)k);
			for (int i = 0; i < p.n; i++) {
				ov_buf_putc(&im->row, '\t');
				pg_copy_value(&im->row, p.v[i]);
			}
			ok = row_done(im, ds->recs[k].ref, NULL, NULL);
		}
	}
	pg_params_release(&p);
	return pg_copy_end(im->s, &im->row, ok, "recommendation state interval",
	                   line_name, im, im->d);
}

/* The recs' search terms (pg/search.c). */
static ov_store_rc copy_terms(importer *im)
{
	const ov_dataset *ds = im->ds;
	ov_buf terms = OV_BUF_INIT;
	bool ok = true;
	ov_store_rc rc = copy_start(im, "rec_search", "rec, terms");

	if (rc)
		return rc;
	for (size_t k = 0; k < ds->n_recs && ok; k++) {
		if (pg_words_rec(im->s, &ds->recs[k], im->d) < 0)
			ok = false;
		pg_words_take(im->s, &terms);
		ov_buf_printf(&im->row, "%lld\t", im->first_id + (long long)k);
		pg_copy_value(&im->row, ov_buf_str(&terms));
		ok = ok && row_done(im, ds->recs[k].ref, NULL, NULL);
	}
	ov_buf_release(&terms);
	return pg_copy_end(im->s, &im->row, ok, "recommendation", line_name, im,
	                   im->d);
}

static ov_store_rc copy_all(importer *im)
{
	ov_store_rc rc = OV_STORE_OK;

	for (size_t i = 0; i < ov_n_entities && !rc; i++) {
		const ov_entity *en = &ov_entities[i];
		const ov_store_table *t = ov_store_table_of(i);
		const char *arr =
		    *(char *const *)((const char *)im->ds + en->off);
		size_t n =
		    *(const size_t *)((const char *)im->ds + en->count_off);

		if (!n)
			continue;
		rc = copy_top(im, i, arr, n);
		for (size_t c = 0; c < t->n_children && !rc; c++)
			rc = copy_child(im, i, &t->children[c], arr, n);
	}
	if (!rc && im->ds->n_recs && im->state)
		rc = copy_states(im);
	if (!rc && im->ds->n_recs && im->state)
		rc = copy_intervals(im);
	if (!rc && im->ds->n_recs)
		rc = copy_terms(im);
	return rc;
}

/* An account whose person or force a replace import deleted and did
 * not add again: named as SQLite names a broken link, nothing
 * committed. */
static ov_store_rc check_accounts(pg *s, ov_diag *d)
{
	PGresult *res = NULL;
	ov_store_rc rc =
	    pg_run(s,
	           "SELECT a.login, CASE WHEN a.person IS NOT NULL AND NOT"
	           " EXISTS (SELECT 1 FROM people p WHERE p.id = a.person)"
	           " THEN 'people' ELSE 'forces' END FROM accounts a"
	           " WHERE (a.person IS NOT NULL AND NOT EXISTS (SELECT 1"
	           " FROM people p WHERE p.id = a.person)) OR (a.force IS"
	           " NOT NULL AND NOT EXISTS (SELECT 1 FROM forces f"
	           " WHERE f.code = a.force))"
	           " ORDER BY a.login LIMIT 1",
	           NULL, &res, "cannot check the accounts", NULL, NULL, d);

	if (!rc && PQntuples(res) == 1) {
		ov_diag_at(d, OV_PROB_INPUT, NULL,
		           "%s: account '%s' cannot be stored: FOREIGN KEY "
		           "constraint failed (no such row in %s)",
		           s->name, PQgetvalue(res, 0, 0),
		           PQgetvalue(res, 0, 1));
		rc = OV_STORE_INVALID;
	}
	PQclear(res);
	if (!rc)
		rc = pg_do(s, "SET CONSTRAINTS ALL IMMEDIATE", NULL,
		           "cannot check the links", "account", "?", d);
	return rc;
}

/* The largest rec id there is (an import's recs get larger ones) and
 * how many recs there are. */
static ov_store_rc last_rec_id(pg *s, long long *out, size_t *n, ov_diag *d)
{
	PGresult *res = NULL;
	ov_store_rc rc =
	    pg_run(s,
	           "SELECT coalesce(max(id), 0), count(*) FROM"
	           " recommendations",
	           NULL, &res, "cannot read the register", NULL, NULL, d);

	*out = rc ? 0 : atoll(PQgetvalue(res, 0, 0));
	*n = rc ? 0 : (size_t)atoll(PQgetvalue(res, 0, 1));
	PQclear(res);
	return rc;
}

ov_store_rc pg_import(void *impl, const ov_dataset *ds, const ov_day *due,
                      const ov_store_derived *state, bool replace,
                      void (*progress)(size_t, size_t, void *), void *arg,
                      ov_diag *d)
{
	importer im = {.s = impl,
	               .d = d,
	               .ds = ds,
	               .due = due,
	               .state = state,
	               .row = OV_BUF_INIT,
	               .progress = progress,
	               .arg = arg};
	long long last = 0;
	size_t have = 0;
	pg_bulk bulk = {NULL, 0, 0};
	bool is_bulk = false;
	ov_store_rc rc = pg_begin(im.s, true, d);

	/* One import at a time: two would pick the same rec ids. */
	if (!rc)
		rc = pg_do(im.s,
		           "LOCK TABLE recommendations IN SHARE ROW"
		           " EXCLUSIVE MODE",
		           NULL, "cannot lock the register", NULL, NULL, d);
	if (!rc)
		rc = last_rec_id(im.s, &last, &have, d);
	/* Bulk: at least as many new recs as there are (after a replace,
	 * none).  Before anything is deleted: a table with pending checks
	 * cannot be altered. */
	is_bulk = ds->n_recs > 0 && (replace || ds->n_recs >= have);
	if (!rc && is_bulk)
		rc = pg_bulk_off(im.s, &bulk, d);
	if (!rc && replace)
		rc = pg_do(im.s, "SET CONSTRAINTS ALL DEFERRED", NULL,
		           "cannot defer the links", NULL, NULL, d);
	if (!rc && replace)
		rc = pg_do(im.s, delete_all_sql, NULL,
		           "cannot empty the database", "person", "?", d);
	if (!rc && replace)
		rc = last_rec_id(im.s, &last, &have, d);
	im.first_id = last + 1;
	if (!rc)
		rc = copy_all(&im);
	if (!rc && is_bulk)
		rc = pg_bulk_on(im.s, &bulk, bulk_name, &im, d);
	if (!rc && !state && ds->n_recs)
		rc = pg_state_mark_stale(im.s, d);
	if (!rc && replace)
		rc = check_accounts(im.s, d);
	if (!rc)
		rc = pg_commit(im.s, d);
	if (rc)
		pg_rollback(im.s);
	ov_buf_release(&im.row);
	free(im.lines);
	pg_bulk_release(&bulk);
	return rc;
}

/* ---- append ---- */

/* Whether evs add words to the rec's texts. */
static bool adds_text(const ov_event *evs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((evs[i].text && *evs[i].text) ||
		    (evs[i].basis && *evs[i].basis) ||
		    (evs[i].reason && *evs[i].reason))
			return true;
	return false;
}

/* The rec's row locked, its id and its number of events.  Two
 * statements: under READ COMMITTED the count, run after the lock is
 * granted, sees the events of the writer that held it. */
static ov_store_rc lock_tip(pg *s, const char *ref, long long *id, size_t *n,
                            ov_diag *d)
{
	pg_params p = {0};
	PGresult *res = NULL;
	ov_store_rc rc;

	pg_p_str(&p, ref);
	rc = pg_run(s,
	            "SELECT id FROM recommendations WHERE ref = $1"
	            " FOR UPDATE",
	            &p, &res, "cannot read a timeline", NULL, NULL, d);
	if (!rc && PQntuples(res) == 0) {
		ov_diag_at(d, OV_PROB_NOTFOUND, NULL,
		           "no recommendation '%s' in %s", ref, s->name);
		rc = OV_STORE_NOTFOUND;
	}
	if (!rc)
		*id = atoll(PQgetvalue(res, 0, 0));
	PQclear(res);
	res = NULL;
	pg_params_release(&p);
	if (rc)
		return rc;
	pg_p_int(&p, *id);
	rc = pg_run(s, "SELECT count(*) FROM events WHERE rec = $1", &p, &res,
	            "cannot read a timeline", NULL, NULL, d);
	if (!rc)
		*n = (size_t)atoll(PQgetvalue(res, 0, 0));
	PQclear(res);
	pg_params_release(&p);
	return rc;
}

static ov_store_rc put_event(pg *s, const char *sql, long long id, size_t seq,
                             const ov_event *ev, const char *ref, ov_diag *d)
{
	pg_params p = {0};
	ov_store_rc rc;

	pg_p_int(&p, id);
	pg_p_int(&p, (long long)seq);
	pg_fields_params(&p, &ov_shape_event, ev);
	rc = pg_do(s, sql, &p, "cannot store an event", "recommendation event",
	           ref, d);
	pg_params_release(&p);
	return rc;
}

ov_store_rc pg_rec_append(void *impl, const char *ref, size_t n_before,
                          const ov_event *evs, size_t n,
                          const ov_store_derived *state, ov_diag *d)
{
	pg *s = impl;
	const ov_store_table *t = ov_store_table_of(OV_ENT_REC);
	ov_buf sql = OV_BUF_INIT;
	long long id = 0;
	size_t have = 0;
	ov_store_rc rc = pg_begin(s, true, d);

	ov_store_sql_insert(&sql, t, ov_store_child_of(t, "timeline"), "$");
	if (!rc)
		rc = lock_tip(s, ref, &id, &have, d);
	if (!rc && have != n_before) {
		ov_diag_at(d, OV_PROB_CONFLICT, NULL,
		           "%s: the timeline changed while the new events "
		           "were checked (%zu events, expected %zu); nothing "
		           "recorded, try again",
		           ref, have, n_before);
		rc = OV_STORE_CONFLICT;
	}
	for (size_t i = 0; i < n && !rc; i++)
		rc = put_event(s, ov_buf_str(&sql), id, have + i, &evs[i], ref,
		               d);
	if (!rc && adds_text(evs, n))
		rc = pg_search_reindex(s, id, d);
	if (!rc)
		rc = state ? pg_put_derived(s, id, NULL, state, true, d)
		           : pg_state_mark_stale(s, d);
	if (!rc)
		rc = pg_commit(s, d);
	if (rc)
		pg_rollback(s);
	ov_buf_release(&sql);
	return rc;
}

/* ---- replacing one meeting ---- */

/* Delete the rows of child c (NULL: of the table) that belong to id; *n
 * the rows deleted. */
static ov_store_rc delete_rows(pg *s, const ov_store_table *t,
                               const ov_store_child *c, const char *id, long *n,
                               ov_diag *d)
{
	char *sql = ov_xasprintf("DELETE FROM %s WHERE %s = $1",
	                         c ? c->table : t->table,
	                         c ? c->parent_col : ov_store_key_col(t));
	pg_params p = {0};
	PGresult *res = NULL;
	ov_store_rc rc;

	pg_p_str(&p, id);
	rc = pg_run(s, sql, &p, &res, "cannot delete", c ? c->noun : t->noun,
	            id, d);
	*n = rc ? 0 : atol(PQcmdTuples(res));
	PQclear(res);
	pg_params_release(&p);
	free(sql);
	return rc;
}

/* The meeting's row and its children's, by INSERT. */
static ov_store_rc put_meeting(pg *s, const ov_meeting *m, ov_diag *d)
{
	const ov_store_table *t = ov_store_table_of(OV_ENT_MEETING);
	ov_buf sql = OV_BUF_INIT;
	pg_params p = {0};
	ov_store_rc rc;

	ov_store_sql_insert(&sql, t, NULL, "$");
	pg_fields_params(&p, t->shape, m);
	rc = pg_do(s, ov_buf_str(&sql), &p, "cannot store a meeting", t->noun,
	           m->id, d);
	for (size_t c = 0; c < t->n_children && !rc; c++) {
		const ov_store_child *ch = &t->children[c];
		const ov_field *f = ov_store_child_field(t, ch);
		const char *items = *(char *const *)ov_field_cptr(f, m);
		size_t k = *(const size_t *)((const char *)m + f->count_off);

		ov_store_sql_insert(&sql, t, ch, "$");
		for (size_t j = 0; j < k && !rc; j++) {
			pg_params_release(&p);
			pg_p_str(&p, m->id);
			pg_p_int(&p, (long long)j);
			if (f->type == OV_F_STRV)
				pg_p_str(&p, ((char *const *)items)[j]);
			else
				pg_fields_params(&p, f->sub,
				                 items + j * f->sub->size);
			rc =
			    pg_do(s, ov_buf_str(&sql), &p,
			          "cannot store a meeting", ch->noun, m->id, d);
		}
	}
	pg_params_release(&p);
	ov_buf_release(&sql);
	return rc;
}

ov_store_rc pg_meeting_replace(void *impl, const ov_meeting *m, ov_diag *d)
{
	pg *s = impl;
	const ov_store_table *t = ov_store_table_of(OV_ENT_MEETING);
	ov_store_rc rc = OV_STORE_OK;
	long n = 0;

	if (!m->id) {
		ov_diag_at(d, OV_PROB_NOTFOUND, NULL, "no meeting id given");
		return OV_STORE_NOTFOUND;
	}
	rc = pg_begin(s, true, d);
	for (size_t c = 0; c < t->n_children && !rc; c++)
		rc = delete_rows(s, t, &t->children[c], m->id, &n, d);
	if (!rc)
		rc = delete_rows(s, t, NULL, m->id, &n, d);
	if (!rc && n == 0) {
		ov_diag_at(d, OV_PROB_NOTFOUND, NULL, "no meeting '%s' in %s",
		           m->id, s->name);
		rc = OV_STORE_NOTFOUND;
	}
	if (!rc)
		rc = put_meeting(s, m, d);
	if (!rc)
		rc = pg_commit(s, d);
	if (rc)
		pg_rollback(s);
	return rc;
}
