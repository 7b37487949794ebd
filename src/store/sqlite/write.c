/* The SQLite backend: import, append and replacing a meeting.  Every row
 * is written through the statements sqlite/tables.c makes from the field
 * tables, its values bound by field type (sq_bind_field), each bind's
 * result checked. */
#include "store/sqlite/write.h"

#include <stdlib.h>
#include <string.h>

#include "store/sqlite/search.h"
#include "store/sqlite/sq.h"
#include "store/sqlite/state.h"
#include "store/sqlite/tables.h"
#include "util/buf.h"

#define MAX_CHILDREN 2

/* One prepared INSERT per table, reused for every row of an import, and
 * the one writing a rec's state. */
typedef struct importer {
	sq *s;
	ov_diag *d;
	sqlite3_stmt *top[OV_ENT_N];
	sqlite3_stmt *child[OV_ENT_N][MAX_CHILDREN];
	sq_put put;
} importer;

/* Children first, so no foreign key is ever left dangling; the search
 * index (which reads the recs' texts to take entries out) before all. */
static const char *const delete_all_sql =
	"INSERT INTO rec_search (rec_search) VALUES ('delete-all');"
	"DELETE FROM rec_interval; DELETE FROM rec_state;"
	"DELETE FROM layout_sections; DELETE FROM layouts;"
	"DELETE FROM pillars;"
	"DELETE FROM documents; DELETE FROM reviews; DELETE FROM meetings;"
	"DELETE FROM activities; DELETE FROM events; DELETE FROM bullets;"
	"DELETE FROM recommendations; DELETE FROM questions;"
	"DELETE FROM assessments; DELETE FROM reports; DELETE FROM plans;"
	"DELETE FROM boards; DELETE FROM people; DELETE FROM forces;";

static void importer_release(importer *im)
{
	sq_put_release(&im->put);
	for (int e = 0; e < OV_ENT_N; e++) {
		sqlite3_finalize(im->top[e]);
		for (int c = 0; c < MAX_CHILDREN; c++)
			sqlite3_finalize(im->child[e][c]);
	}
}

/* The INSERTs of entity e and its children. */
static ov_store_rc prepare_entity(importer *im, enum ov_entity_id e)
{
	const sq_table *t = sq_table_of(e);
	ov_buf sql = OV_BUF_INIT;
	ov_store_rc rc;

	sq_sql_insert(&sql, t, NULL);
	rc = sq_prepare(im->s, ov_buf_str(&sql), &im->top[e], im->d);
	for (size_t c = 0; c < t->n_children && !rc; c++) {
		sq_sql_insert(&sql, t, &t->children[c]);
		rc = sq_prepare(im->s, ov_buf_str(&sql), &im->child[e][c],
				im->d);
	}
	ov_buf_release(&sql);
	return rc;
}

static ov_store_rc prepare_all(importer *im)
{
	ov_store_rc rc = OV_STORE_OK;

	for (int e = 0; e < OV_ENT_N && !rc; e++)
		rc = prepare_entity(im, e);
	return rc;
}

static ov_store_rc bind_failed(importer *im)
{
	return sq_fail(im->s, im->d, "cannot bind a value");
}

/* Bind the parent key (a rowid or the id string) and seq. */
static int bind_parent(sqlite3_stmt *st, const sq_table *t, const char *id,
		       sqlite3_int64 rowid, size_t seq)
{
	int bad = t->rowid_parent ? sq_bind_int(st, 1, rowid)
				  : sq_bind_str(st, 1, id);

	return bad | sq_bind_int(st, 2, (long long)seq);
}

/* The rows of child c of the element elem (id / rowid). */
static ov_store_rc put_child(importer *im, sqlite3_stmt *st,
			     const sq_table *t, const sq_child *c,
			     const void *elem, const char *id,
			     sqlite3_int64 rowid)
{
	const ov_field *f = sq_child_field(t, c);
	const char *arr = *(char *const *)ov_field_cptr(f, elem);
	size_t n = *(const size_t *)((const char *)elem + f->count_off);
	ov_store_rc rc = OV_STORE_OK;

	for (size_t k = 0; k < n && !rc; k++) {
		int bad = bind_parent(st, t, id, rowid, k);

		if (f->type == OV_F_STRV)
			bad |= sq_bind_str(st, 3, ((char *const *)arr)[k]);
		else
			bad |= sq_fields(st, 3, f->sub,
					 (void *)(arr + k * f->sub->size), c,
					 true) < 0;
		rc = bad ? bind_failed(im)
			 : sq_step_write(im->s, st, c->noun, id, im->d);
	}
	return rc;
}

/* One entity and its children.  extra: the value of t->extra_col;
 * *rowid_out: the row's id. */
static ov_store_rc put_row(importer *im, enum ov_entity_id e,
			   const void *elem, ov_day extra,
			   sqlite3_int64 *rowid_out)
{
	const sq_table *t = sq_table_of(e);
	sqlite3_stmt *st = im->top[e];
	const char *id = ov_shape_id(t->shape, elem);
	int at = sq_fields(st, 1, t->shape, (void *)elem, NULL, true);
	ov_store_rc rc;
	sqlite3_int64 rowid;

	if (at > 0 && t->extra_col)
		at = sq_bind_day(st, at, extra, false) ? -1 : at + 1;
	rc = at < 0 ? bind_failed(im)
		    : sq_step_write(im->s, st, t->noun, id, im->d);
	rowid = sqlite3_last_insert_rowid(im->s->db);
	*rowid_out = rowid;
	for (size_t c = 0; c < t->n_children && !rc; c++)
		rc = put_child(im, im->child[e][c], t, &t->children[c], elem,
			       id, rowid);
	return rc;
}

static ov_store_rc put_all(importer *im, const ov_dataset *ds,
			   const ov_day *due, const ov_store_derived *state,
			   void (*progress)(size_t, size_t, void *), void *arg)
{
	ov_store_rc rc = OV_STORE_OK;

	for (size_t i = 0; i < ov_n_entities && !rc; i++) {
		const ov_entity *en = &ov_entities[i];
		const char *arr = *(char *const *)((const char *)ds + en->off);
		size_t n = *(const size_t *)((const char *)ds + en->count_off);
		bool recs = (enum ov_entity_id)i == OV_ENT_REC;

		for (size_t k = 0; k < n && !rc; k++) {
			sqlite3_int64 rowid = 0;

			rc = put_row(im, i, arr + k * en->shape->size,
				     recs && due ? due[k] : OV_DAY_NONE,
				     &rowid);
			if (recs && state && !rc)
				rc = sq_put_derived(im->s, &im->put, rowid,
						    NULL, &state[k], im->d);
			if (recs && progress && !rc &&
			    ((k + 1) % 4096 == 0 || k + 1 == n))
				progress(k + 1, n, arg);
		}
	}
	return rc;
}

/* Where a table's rows say which entity they belong to, for naming one
 * that breaks a link.  events and bullets have no rowid; of their links
 * only an event's owner can break (their rec is the one just written). */
typedef struct link_table {
	const char *table, *entity, *id_col;
} link_table;

static const link_table link_tables[] = {
	{"boards", "board", "id"},
	{"plans", "plan", "id"},
	{"assessments", "assessment", "id"},
	{"questions", "assessment question", "assessment"},
	{"reports", "report", "id"},
	{"recommendations", "recommendation", "ref"},
	{"activities", "activity", "id"},
	{"meetings", "meeting", "id"},
	{"reviews", "meeting review", "meeting"},
	{"documents", "meeting document", "meeting"},
	{"accounts", "account", "login"},
	{"events", "recommendation event", NULL},
	{"bullets", "recommendation bullet", NULL},
};

static const char *const bad_owner_sql =
	"SELECT r.ref FROM events e JOIN recommendations r ON r.id = e.rec"
	" WHERE e.owner IS NOT NULL"
	" AND NOT EXISTS (SELECT 1 FROM people p WHERE p.id = e.owner)"
	" LIMIT 1";

/* The id of the row foreign_key_check named, or NULL (then "?").  The
 * SQL is made from the fixed names above, never from data. */
static char *broken_id(importer *im, const link_table *lt,
		       sqlite3_int64 rowid, bool has_rowid)
{
	ov_buf sql = OV_BUF_INIT;
	sqlite3_stmt *st = NULL;
	char *id = NULL;

	if (lt && lt->id_col && has_rowid)
		ov_buf_printf(&sql, "SELECT %s FROM %s WHERE rowid = ?1",
			      lt->id_col, lt->table);
	else if (lt && !strcmp(lt->table, "events"))
		ov_buf_puts(&sql, bad_owner_sql);
	if (sql.len && sqlite3_prepare_v2(im->s->db, ov_buf_str(&sql), -1,
					  &st, NULL) == SQLITE_OK) {
		if (sqlite3_bind_parameter_count(st) == 1 &&
		    sqlite3_bind_int64(st, 1, rowid) != SQLITE_OK)
			goto out;
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sq_col_str(st, 0);
	}
out:
	sqlite3_finalize(st);
	ov_buf_release(&sql);
	return id;
}

/* Foreign keys are off while an import writes (checking them INSERT by
 * INSERT was a fifth of its time) and checked here, over the whole
 * database, before it commits: nothing with a dangling link commits.
 * The first broken link is named like a failed INSERT would be. */
static ov_store_rc check_links(importer *im)
{
	sqlite3_stmt *st = NULL;
	ov_store_rc rc = sq_prepare(im->s, "PRAGMA foreign_key_check", &st,
				    im->d);
	const link_table *lt = NULL;
	char *id;
	int step;

	if (rc)
		return rc;
	step = sqlite3_step(st);
	if (step == SQLITE_DONE)
		goto out;
	if (step != SQLITE_ROW) {
		rc = sq_fail(im->s, im->d, "cannot check links");
		goto out;
	}
	for (size_t i = 0; i < sizeof link_tables / sizeof *link_tables; i++)
		if (!strcmp(sq_col_text(st, 0), link_tables[i].table))
			lt = &link_tables[i];
	id = broken_id(im, lt, sqlite3_column_int64(st, 1),
		       sqlite3_column_type(st, 1) != SQLITE_NULL);
	ov_diag_at(im->d, OV_PROB_INPUT, NULL,
		   "%s: %s '%s' cannot be stored: FOREIGN KEY constraint "
		   "failed (no such row in %s)", im->s->path,
		   lt ? lt->entity : sq_col_text(st, 0), id ? id : "?",
		   sq_col_text(st, 2));
	free(id);
	rc = OV_STORE_INVALID;
out:
	sqlite3_finalize(st);
	return rc;
}

/* The largest rec id there is: an import's recs get larger ones. */
static ov_store_rc last_rec_id(sq *s, sqlite3_int64 *out, ov_diag *d)
{
	sqlite3_stmt *st = NULL;
	bool found;
	ov_store_rc rc = sq_query(s, "SELECT ifnull(max(id), 0) FROM"
				  " recommendations", NULL, &st, &found,
				  "cannot read the register", d);

	*out = !rc && found ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc;
}

ov_store_rc sq_import(void *impl, const ov_dataset *ds, const ov_day *due,
		      const ov_store_derived *state, bool replace,
		      void (*progress)(size_t, size_t, void *), void *arg,
		      ov_diag *d)
{
	importer im = {.s = impl, .d = d};
	ov_store_rc rc = prepare_all(&im);
	sqlite3_int64 last = 0;
	sq_indexes saved;

	if (!rc)
		rc = sq_put_prepare(im.s, false, false, &im.put, d);

	/* Outside the transaction: the pragma is a no-op inside one. */
	if (!rc)
		rc = sq_exec(im.s, "PRAGMA foreign_keys = OFF", d);
	if (!rc)
		rc = sq_begin(im.s, true, d);
	if (rc)
		goto out;
	if (replace)
		rc = sq_exec(im.s, delete_all_sql, d);
	if (!rc)
		rc = last_rec_id(im.s, &last, d);
	memset(&saved, 0, sizeof saved);
	if (!rc && state)
		rc = sq_state_indexes_off(im.s, ds->n_recs, &saved, d);
	if (!rc)
		rc = put_all(&im, ds, due, state, progress, arg);
	if (sq_state_indexes_on(im.s, &saved, !rc, d) && !rc)
		rc = OV_STORE_ERROR;
	if (!rc && ds->n_recs)
		rc = sq_search_add_after(im.s, last, d);
	if (!rc && !state && ds->n_recs)
		rc = sq_state_mark_stale(im.s, d);
	if (!rc)
		rc = check_links(&im);
	if (!rc)
		rc = sq_commit(im.s, d);
out:
	if (rc)
		sq_rollback(im.s);
	if (sqlite3_exec(im.s->db, "PRAGMA foreign_keys = ON", NULL, NULL,
			 NULL) != SQLITE_OK && !rc)
		rc = sq_fail(im.s, d, "cannot turn foreign keys back on");
	importer_release(&im);
	return rc;
}

/* ---- append ---- */

static const char *const tip_sql =
	"SELECT r.id, (SELECT count(*) FROM events e WHERE e.rec = r.id)"
	" FROM recommendations r WHERE r.ref = ?1";

/* The rec's row id and number of events, inside the write transaction. */
static ov_store_rc read_tip(sq *s, const char *ref, sqlite3_int64 *id,
			    size_t *n, ov_diag *d)
{
	sqlite3_stmt *st = NULL;
	bool found;
	ov_store_rc rc = sq_query(s, tip_sql, ref, &st, &found,
				  "cannot read a timeline", d);

	if (!rc && !found) {
		ov_diag_at(d, OV_PROB_NOTFOUND, NULL,
			   "no recommendation '%s' in %s", ref, s->path);
		rc = OV_STORE_NOTFOUND;
	} else if (!rc) {
		*id = sqlite3_column_int64(st, 0);
		*n = (size_t)sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Whether evs add words to the rec's texts (rec_search_text indexes an
 * event's text, basis and reason). */
static bool adds_text(const ov_event *evs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((evs[i].text && *evs[i].text) ||
		    (evs[i].basis && *evs[i].basis) ||
		    (evs[i].reason && *evs[i].reason))
			return true;
	return false;
}

ov_store_rc sq_rec_append(void *impl, const char *ref, size_t n_before,
			  const ov_event *evs, size_t n,
			  const ov_store_derived *state, ov_diag *d)
{
	sq *s = impl;
	const sq_table *t = sq_table_of(OV_ENT_REC);
	const sq_child *c = sq_child_of(t, "timeline");
	ov_buf sql = OV_BUF_INIT;
	sqlite3_stmt *st = NULL;
	sq_put put = {NULL, NULL, NULL};
	sqlite3_int64 id = 0;
	size_t have = 0;
	bool text = adds_text(evs, n);
	ov_store_rc rc;

	sq_sql_insert(&sql, t, c);
	rc = sq_prepare(s, ov_buf_str(&sql), &st, d);
	if (!rc && state)
		rc = sq_put_prepare(s, false, true, &put, d);
	if (!rc)
		rc = sq_begin(s, true, d);
	if (!rc)
		rc = read_tip(s, ref, &id, &have, d);
	if (!rc && have != n_before) {
		ov_diag_at(d, OV_PROB_CONFLICT, NULL,
			   "%s: the timeline changed while the new events "
			   "were checked (%zu events, expected %zu); nothing "
			   "recorded, try again", ref, have, n_before);
		rc = OV_STORE_CONFLICT;
	}
	/* The rec's entry leaves the index with the text it was made from,
	 * and comes back with the new events' words. */
	if (!rc && text)
		rc = sq_search_drop(s, id, d);
	for (size_t i = 0; i < n && !rc; i++) {
		int bad = bind_parent(st, t, NULL, id, have + i);

		bad |= sq_fields(st, 3, &ov_shape_event, (void *)&evs[i], c,
				 true) < 0;
		rc = bad ? sq_fail(s, d, "cannot bind a value")
			 : sq_step_write(s, st, c->noun, ref, d);
	}
	if (!rc && text)
		rc = sq_search_add(s, id, d);
	if (!rc)
		rc = state ? sq_put_derived(s, &put, id, NULL, state, d)
			   : sq_state_mark_stale(s, d);
	if (!rc)
		rc = sq_commit(s, d);
	if (rc)
		sq_rollback(s);
	sq_put_release(&put);
	sqlite3_finalize(st);
	ov_buf_release(&sql);
	return rc;
}

/* ---- replacing one meeting ---- */

/* Delete the rows of child c (NULL: of the table itself) that belong to
 * id, a text key (meetings' children hang from the id, not a rowid); the
 * number of rows deleted in *n.  The SQL is made from the table's fixed
 * names; the id is bound. */
static ov_store_rc delete_rows(sq *s, const sq_table *t, const sq_child *c,
			       const char *id, int *n, ov_diag *d)
{
	ov_buf sql = OV_BUF_INIT;
	sqlite3_stmt *st = NULL;
	ov_store_rc rc;

	ov_buf_printf(&sql, "DELETE FROM %s WHERE %s = ?1",
		      c ? c->table : t->table,
		      c ? c->parent_col : sq_key_col(t));
	rc = sq_prepare(s, ov_buf_str(&sql), &st, d);
	if (!rc && sq_bind_str(st, 1, id) != SQLITE_OK)
		rc = sq_fail(s, d, "cannot bind a value");
	if (!rc)
		rc = sq_step_write(s, st, c ? c->noun : t->noun, id, d);
	*n = sqlite3_changes(s->db);
	sqlite3_finalize(st);
	ov_buf_release(&sql);
	return rc;
}

/* The children first, then the row (whether or not foreign keys
 * cascade); then the new rows through the import's INSERTs, foreign keys
 * on, so a review of a missing report fails at its INSERT. */
ov_store_rc sq_meeting_replace(void *impl, const ov_meeting *m, ov_diag *d)
{
	sqlite3_int64 rowid;
	importer im = {.s = impl, .d = d};
	const sq_table *t = sq_table_of(OV_ENT_MEETING);
	ov_store_rc rc = prepare_entity(&im, OV_ENT_MEETING);
	int n = 0;

	if (!m->id) {
		ov_diag_at(d, OV_PROB_NOTFOUND, NULL, "no meeting id given");
		rc = OV_STORE_NOTFOUND;
	}
	if (!rc)
		rc = sq_begin(im.s, true, d);
	for (size_t c = 0; c < t->n_children && !rc; c++)
		rc = delete_rows(im.s, t, &t->children[c], m->id, &n, d);
	if (!rc)
		rc = delete_rows(im.s, t, NULL, m->id, &n, d);
	if (!rc && n == 0) {
		ov_diag_at(d, OV_PROB_NOTFOUND, NULL, "no meeting '%s' in %s",
			   m->id, im.s->path);
		rc = OV_STORE_NOTFOUND;
	}
	if (!rc)
		rc = put_row(&im, OV_ENT_MEETING, m, OV_DAY_NONE, &rowid);
	if (!rc)
		rc = sq_commit(im.s, d);
	if (rc)
		sq_rollback(im.s);
	importer_release(&im);
	return rc;
}
