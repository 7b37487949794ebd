/*
 * The PostgreSQL backend: the stored derived state of each
 * recommendation (rec_state) and the register's queries on it, as the
 * SQLite backend's (sqlite/state.c): values app/ computed are stored,
 * filtered, sorted and counted here; nothing folds.  A query cuts its
 * page from the narrow rec_state rows, then joins the page alone to its
 * recommendation, report and owner.  No table of counts: PostgreSQL
 * counts the rows of an index range itself.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/pg/ops.h"
#include "util/mem.h"

/* ---- writing one state ---- */

#define STATE_SET_COLS                                                         \
	"status, status_rank, status_date, rag, owner, closed_by, basis,"      \
	" last_update, last_update_date, last_event_date"

#define PUT_SQL(key)                                                           \
	"INSERT INTO rec_state (rec, ref, report, force, area, "               \
	"due, " STATE_SET_COLS ")"                                             \
	" SELECT x.id, x.ref, x.report, x.force, x.area, x.due, $2, $3, $4,"   \
	" $5, $6, $7, $8, $9, $10, $11 FROM recommendations x"                 \
	" WHERE x." key " = $1"                                                \
	" ON CONFLICT (rec) DO UPDATE SET ref = excluded.ref,"                 \
	" report = excluded.report, force = excluded.force,"                   \
	" area = excluded.area, due = excluded.due, status = excluded.status," \
	" status_rank = excluded.status_rank,"                                 \
	" status_date = excluded.status_date, rag = excluded.rag,"             \
	" owner = excluded.owner, closed_by = excluded.closed_by,"             \
	" basis = excluded.basis, last_update = excluded.last_update,"         \
	" last_update_date = excluded.last_update_date,"                       \
	" last_event_date = excluded.last_event_date"

/* The nine columns a state and an interval share (status ..
 * last_update_date). */
static void state9(pg_params *p, const ov_store_state *v)
{
	pg_p_str(p, v->status == OV_STATUS_NONE ? NULL
	                                        : ov_status_code(v->status));
	pg_p_int(p, v->status_rank);
	pg_p_day(p, v->status_date);
	pg_p_str(p, v->rag == OV_RAG_NONE ? NULL : ov_rag_code(v->rag));
	pg_p_str(p, v->owner);
	pg_p_str(p, v->closed_by);
	pg_p_str(p, v->basis);
	pg_p_str(p, v->last_update);
	pg_p_day(p, v->last_update_date);
}

void pg_state_params(pg_params *p, const ov_store_state *v)
{
	state9(p, v);
	pg_p_day(p, v->last_event_date);
}

void pg_interval_params(pg_params *p, const ov_store_interval *iv)
{
	pg_p_day(p, iv->from);
	if (iv->to == OV_DAY_NONE)
		pg_p_str(p, "infinity");
	else
		pg_p_day(p, iv->to);
	state9(p, &iv->state);
}

/* By id, or (ref not NULL) by ref. */
static ov_store_rc state_put(pg *s, long long id, const char *ref,
                             const ov_store_state *v, ov_diag *d)
{
	pg_params p = {0};
	ov_store_rc rc;

	if (ref)
		pg_p_str(&p, ref);
	else
		pg_p_int(&p, id);
	pg_state_params(&p, v);
	rc = pg_do(s, ref ? PUT_SQL("ref") : PUT_SQL("id"), &p,
	           "cannot store a state", "recommendation state", ref, d);
	pg_params_release(&p);
	return rc;
}

#define IV_INSERT                                                              \
	"INSERT INTO rec_interval (rec, from_day, to_day, status,"             \
	" status_rank, status_date, rag, owner, closed_by, basis,"             \
	" last_update, last_update_date) "
#define IV_VALUES "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12"

ov_store_rc pg_put_derived(pg *s, long long id, const char *ref,
                           const ov_store_derived *v, bool replace, ov_diag *d)
{
	pg_params p = {0};
	ov_store_rc rc = state_put(s, id, ref, &v->now, d);

	if (ref)
		pg_p_str(&p, ref);
	else
		pg_p_int(&p, id);
	if (!rc && replace)
		rc = pg_do(s,
		           ref ? "DELETE FROM rec_interval WHERE rec ="
		                 " (SELECT id FROM recommendations"
		                 " WHERE ref = $1)"
		               : "DELETE FROM rec_interval WHERE rec = $1",
		           &p, "cannot store the intervals",
		           "recommendation state interval", ref, d);
	for (size_t k = 0; k < v->n_iv && !rc; k++) {
		pg_params_release(&p);
		if (ref)
			pg_p_str(&p, ref);
		else
			pg_p_int(&p, id);
		pg_interval_params(&p, &v->iv[k]);
		rc = pg_do(s,
		           ref ? IV_INSERT
		               "SELECT x.id, " IV_VALUES
		               " FROM recommendations x WHERE x.ref = $1"
		               : IV_INSERT "VALUES ($1, " IV_VALUES ")",
		           &p, "cannot store the intervals",
		           "recommendation state interval", ref, d);
	}
	pg_params_release(&p);
	return rc;
}

ov_store_rc pg_state_mark_stale(pg *s, ov_diag *d)
{
	return pg_do(
	    s, "UPDATE store_meta SET value = 1 WHERE key = 'state_stale'",
	    NULL, "cannot mark the state stale", NULL, NULL, d);
}

/* ---- reading one state ---- */

#define STATE_COLS                                                             \
	"s.status, s.status_rank, s.status_date, s.rag, s.owner,"              \
	" s.closed_by, s.basis, s.last_update, s.last_update_date,"            \
	" s.last_event_date"
enum { STATE_NCOLS = 10 };

/* Columns at.. of row r (STATE_COLS) into *v, strings borrowed from
 * res; -1 for a value that cannot be a state. */
static int read_state(const PGresult *res, int r, int at, ov_store_state *v)
{
	const char *status = pg_val(res, r, at);
	const char *rag = pg_val(res, r, at + 3);
	const char *rank = pg_val(res, r, at + 1);

	v->status = OV_STATUS_NONE;
	v->rag = OV_RAG_NONE;
	if ((status && ov_status_parse(status, &v->status) < 0) ||
	    (rag && ov_rag_parse(rag, &v->rag) < 0))
		return -1;
	v->status_rank = rank ? atoi(rank) : 0;
	v->owner = pg_val(res, r, at + 4);
	v->closed_by = pg_val(res, r, at + 5);
	v->basis = pg_val(res, r, at + 6);
	v->last_update = pg_val(res, r, at + 7);
	if (pg_day_read(pg_val(res, r, at + 2), &v->status_date) < 0 ||
	    pg_day_read(pg_val(res, r, at + 8), &v->last_update_date) < 0 ||
	    pg_day_read(pg_val(res, r, at + 9), &v->last_event_date) < 0)
		return -1;
	return 0;
}

/* ---- the stale mark and the generation ---- */

static ov_store_rc meta(pg *s, const char *key, long long *out, ov_diag *d)
{
	pg_params p = {0};
	PGresult *res = NULL;
	ov_store_rc rc;

	pg_p_str(&p, key);
	rc = pg_run(s, "SELECT value FROM store_meta WHERE key = $1", &p, &res,
	            "cannot read the register's state", NULL, NULL, d);
	if (!rc && PQntuples(res) != 1)
		rc = pg_damaged(s, d, "store_meta", key);
	if (!rc)
		*out = atoll(PQgetvalue(res, 0, 0));
	PQclear(res);
	pg_params_release(&p);
	return rc;
}

ov_store_rc pg_state_stale(void *impl, bool *out, ov_diag *d)
{
	long long v = 0;
	ov_store_rc rc = meta(impl, "state_stale", &v, d);

	*out = rc == OV_STORE_OK && v != 0;
	return rc;
}

ov_store_rc pg_generation(void *impl, uint64_t *out, ov_diag *d)
{
	long long v = 0;
	ov_store_rc rc = meta(impl, "generation", &v, d);

	*out = (uint64_t)v;
	return rc;
}

ov_store_rc pg_index_check(void *impl, bool *ok, ov_diag *d)
{
	pg *s = impl;
	ov_store_rc rc = pg_begin(s, false, d);

	*ok = false;
	if (!rc)
		rc = pg_search_check(s, ok, d);
	pg_rollback(s);
	return rc;
}

/* ---- the register's query ---- */

/* The FROM, WHERE and ORDER BY of a query, and its parameters. */
typedef struct qsql {
	ov_buf from, where, order, terms;
	pg_params p;
	/* Where the states come from: rec_state, or (as_at before the
	 * latest event) the intervals holding as_at, each with its rec's
	 * columns from rec_state; rows keyed by rec, or rec and from_day. */
	ov_buf src;
	bool intervals;
} qsql;

static int add_str(qsql *b, const char *v)
{
	pg_p_str(&b->p, v);
	return b->p.n;
}

static void add_eq(qsql *b, const char *col, const char *v)
{
	if (v)
		ov_buf_printf(&b->where, " AND s.%s = $%d", col, add_str(b, v));
}

static void add_statuses(qsql *b, unsigned statuses)
{
	int n = 0;

	for (int st = 0; st <= OV_STATUS_NA; st++)
		n += (statuses >> st) & 1u;
	if (n == OV_STATUS_NA + 1)
		return;
	if (n == 0) {
		ov_buf_puts(&b->where, " AND false");
		return;
	}
	ov_buf_puts(&b->where, " AND s.status IN (");
	for (int st = 0, k = 0; st <= OV_STATUS_NA; st++)
		if ((statuses >> st) & 1u)
			ov_buf_printf(&b->where, "%s$%d", k++ ? ", " : "",
			              add_str(b, ov_status_code(st)));
	ov_buf_putc(&b->where, ')');
}

static void add_order(qsql *b, const ov_store_query *q)
{
	static const char *const key_sql[] = {
	    [OV_KEY_REF] = "s.ref",
	    [OV_KEY_REPORT] = "s.report",
	    [OV_KEY_DUE] = "(s.due IS NULL), s.due",
	    [OV_KEY_STATUS] = "s.status_rank",
	};

	for (int i = 0; i < OV_STORE_MAX_KEYS && q->order[i] != OV_KEY_END; i++)
		if (q->order[i] > OV_KEY_END && q->order[i] <= OV_KEY_STATUS)
			ov_buf_printf(&b->order, "%s%s",
			              b->order.len ? ", " : "",
			              key_sql[q->order[i]]);
	if (!b->order.len)
		ov_buf_puts(&b->order, "s.rec");
}

/* The intervals holding as_at as rows shaped like rec_state's, with
 * from_day. */
static void interval_src(qsql *b, ov_day as_at)
{
	int at;

	pg_p_day(&b->p, as_at);
	at = b->p.n;
	ov_buf_printf(&b->src,
	              "(SELECT r.rec AS rec, r.ref AS ref, r.report AS report,"
	              " r.force AS force, r.area AS area, r.due AS due,"
	              " i.status AS status, i.status_rank AS status_rank,"
	              " i.status_date AS status_date, i.rag AS rag,"
	              " i.owner AS owner, i.closed_by AS closed_by,"
	              " i.basis AS basis, i.last_update AS last_update,"
	              " i.last_update_date AS last_update_date,"
	              " NULL::date AS last_event_date, i.from_day AS from_day"
	              " FROM rec_interval i JOIN rec_state r ON r.rec = i.rec"
	              " WHERE i.to_day > $%d AND i.from_day <= $%d)",
	              at, at);
}

static int build(pg *s, const ov_store_query *q, qsql *b, ov_diag *d)
{
	int r;

	if (b->intervals)
		interval_src(b, q->as_at);
	else
		ov_buf_puts(&b->src, "rec_state");
	ov_buf_puts(&b->where, "s.status IS NOT NULL");
	add_statuses(b, q->statuses);
	if (q->rag_set && q->rag == OV_RAG_NONE)
		ov_buf_puts(&b->where, " AND s.rag IS NULL");
	else if (q->rag_set)
		add_eq(b, "rag", ov_rag_code(q->rag));
	add_eq(b, "force", q->force);
	add_eq(b, "owner", q->owner);
	add_eq(b, "report", q->report);
	add_eq(b, "area", q->area);
	if (q->due_before != OV_DAY_NONE) {
		pg_p_day(&b->p, q->due_before);
		ov_buf_printf(&b->where, " AND s.due < $%d", b->p.n);
	}
	if (q->status_after != OV_DAY_NONE) {
		pg_p_day(&b->p, q->status_after);
		ov_buf_printf(&b->where, " AND s.status_date > $%d", b->p.n);
	}
	ov_buf_printf(&b->from, "%s s", ov_buf_str(&b->src));
	r = pg_search_terms(s, q->q, &b->terms, d);
	if (r == 1) {
		int at = add_str(b, ov_buf_str(&b->terms));

		ov_buf_reset(&b->from);
		ov_buf_printf(&b->from,
		              "rec_search m JOIN %s s ON s.rec = m.rec"
		              " AND m.terms @> $%d::text[]",
		              ov_buf_str(&b->src), at);
	} else if (r == 2) {
		ov_buf_puts(&b->where, " AND false");
	}
	add_order(b, q);
	return r < 0 ? -1 : 0;
}

/* How the store answers as at as_at: not at all if the state is stale;
 * from rec_state if no rec has an event after as_at; else from the
 * intervals holding as_at. */
enum answer { ANSWER_NONE, ANSWER_STATE, ANSWER_INTERVALS };

static ov_store_rc can_answer(pg *s, ov_day as_at, enum answer *how, ov_diag *d)
{
	PGresult *res = NULL;
	ov_store_rc rc = pg_run(s,
	                        "SELECT (SELECT value FROM store_meta"
	                        " WHERE key = 'state_stale'),"
	                        " (SELECT max(last_event_date) FROM rec_state)",
	                        NULL, &res, "cannot read the register's state",
	                        NULL, NULL, d);
	ov_day latest = OV_DAY_NONE;

	*how = ANSWER_NONE;
	if (!rc && pg_day_read(pg_val(res, 0, 1), &latest) < 0)
		rc = pg_damaged(s, d, "recommendation state", NULL);
	if (!rc && atoll(PQgetvalue(res, 0, 0)) == 0)
		*how = latest == OV_DAY_NONE ||
		               (as_at != OV_DAY_NONE && latest <= as_at)
		           ? ANSWER_STATE
		           : ANSWER_INTERVALS;
	PQclear(res);
	return rc;
}

static ov_store_rc count_rows(pg *s, qsql *b, size_t *total, ov_diag *d)
{
	char *sql = ov_xasprintf("SELECT count(*) FROM %s WHERE %s",
	                         ov_buf_str(&b->from), ov_buf_str(&b->where));
	PGresult *res = NULL;
	ov_store_rc rc = pg_run(s, sql, &b->p, &res,
	                        "cannot count the register", NULL, NULL, d);

	if (!rc)
		*total = (size_t)atoll(PQgetvalue(res, 0, 0));
	PQclear(res);
	free(sql);
	return rc;
}

/* any_order (the whole list, in no order: ov_store_query): nothing is
 * sorted, the server joining as it likes. */
static void page_sql(ov_buf *sql, const qsql *b, bool any_order)
{
	const char *order = any_order ? "" : ov_buf_str(&b->order);

	if (any_order) {
		/* Each passing row joined to its rec as it comes, nothing
		 * read twice; its report and owner from the few read once
		 * (names_load). */
		ov_buf_puts(sql, "SELECT " STATE_COLS ", x.due, ");
		ov_store_sql_cols(sql, &ov_shape_rec, "x", 0);
		ov_buf_printf(sql,
		              " FROM %s JOIN recommendations x ON x.id = s.rec"
		              " WHERE %s LIMIT $%d OFFSET $%d",
		              ov_buf_str(&b->from), ov_buf_str(&b->where),
		              b->p.n + 1, b->p.n + 2);
		return;
	}

	ov_buf_puts(sql, "SELECT " STATE_COLS ", x.due, ");
	ov_store_sql_cols(sql, &ov_shape_rec, "x", 0);
	ov_buf_printf(sql,
	              ", r.title, r.plan, p.id, p.name, p.title FROM"
	              " (SELECT s.rec AS rec%s FROM %s WHERE %s"
	              "%s%s LIMIT $%d OFFSET $%d) pg"
	              " JOIN %s s ON s.rec = pg.rec%s"
	              " JOIN recommendations x ON x.id = pg.rec"
	              " LEFT JOIN reports r ON r.id = x.report"
	              " LEFT JOIN people p ON p.id = s.owner%s%s",
	              b->intervals ? ", s.from_day AS from_day" : "",
	              ov_buf_str(&b->from), ov_buf_str(&b->where),
	              *order ? " ORDER BY " : "", order, b->p.n + 1, b->p.n + 2,
	              ov_buf_str(&b->src),
	              b->intervals ? " AND s.from_day = pg.from_day" : "",
	              *order ? " ORDER BY " : "", order);
}

/* The reports' titles and plans and the people's names and titles, for
 * a whole list: a few hundred rows read once instead of joined to each
 * of tens of thousands (ids in "C" order, as strcmp's). */
typedef struct names {
	PGresult *report, *person;
} names;

static ov_store_rc names_load(pg *s, names *nm, ov_diag *d)
{
	ov_store_rc rc =
	    pg_run(s, "SELECT id, title, plan FROM reports ORDER BY id", NULL,
	           &nm->report, "cannot read the register", NULL, NULL, d);

	if (!rc)
		rc = pg_run(s, "SELECT id, name, title FROM people ORDER BY id",
		            NULL, &nm->person, "cannot read the register", NULL,
		            NULL, d);
	return rc;
}

static void names_release(names *nm)
{
	PQclear(nm->report);
	PQclear(nm->person);
}

/* The row of res whose first column is id, or -1. */
static int name_find(const PGresult *res, const char *id)
{
	int lo = 0, hi = res && id ? PQntuples(res) : 0;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		int c = strcmp(id, PQgetvalue(res, mid, 0));

		if (!c)
			return mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

/* Row i of the page to fn (its report and owner from nm, else from its
 * last five columns); -2 for a damaged row. */
static int page_row(const PGresult *res, int i, const names *nm,
                    ov_store_row_fn *fn, void *ctx)
{
	ov_store_state v;
	ov_store_state_row row = {.state = &v};
	ov_person owner;
	ov_rec rec;
	int at, r = -2;

	ov_rec_init(&rec);
	memset(&owner, 0, sizeof owner);
	if (read_state(res, i, 0, &v) < 0 ||
	    pg_day_read(pg_val(res, i, STATE_NCOLS), &row.due) < 0)
		goto out;
	at = pg_fields_read(res, i, STATE_NCOLS + 1, &ov_shape_rec, &rec);
	if (at < 0 || !rec.ref)
		goto out;
	row.rec = &rec;
	if (nm) {
		int rp = name_find(nm->report, rec.report);
		int pp = name_find(nm->person, v.owner);

		if (rp >= 0) {
			row.report_title = pg_val(nm->report, rp, 1);
			row.report_plan = pg_val(nm->report, rp, 2);
		}
		if (pp >= 0)
			owner = (ov_person){
			    .id = (char *)pg_val(nm->person, pp, 0),
			    .name = (char *)pg_val(nm->person, pp, 1),
			    .title = (char *)pg_val(nm->person, pp, 2)};
	} else {
		row.report_title = pg_val(res, i, at);
		row.report_plan = pg_val(res, i, at + 1);
		owner.id = (char *)pg_val(res, i, at + 2);
		owner.name = (char *)pg_val(res, i, at + 3);
		owner.title = (char *)pg_val(res, i, at + 4);
	}
	row.owner = owner.id ? &owner : NULL;
	r = fn(&row, ctx) < 0 ? -1 : 0;
out:
	ov_rec_release(&rec);
	return r;
}

static ov_store_rc read_page(pg *s, const ov_store_query *q, qsql *b,
                             ov_store_row_fn *fn, void *ctx, size_t *n,
                             ov_diag *d)
{
	ov_buf sql = OV_BUF_INIT;
	PGresult *res = NULL;
	ov_store_rc rc = OV_STORE_OK;
	int r = 0;
	bool any = q->any_order && !q->limit && !q->offset;
	names nm = {0};

	page_sql(&sql, b, any);
	if (any)
		rc = names_load(s, &nm, d);
	/* LIMIT NULL: all rows. */
	if (q->limit && q->limit <= INT64_MAX)
		pg_p_int(&b->p, (long long)q->limit);
	else
		pg_p_str(&b->p, NULL);
	pg_p_int(&b->p,
	         q->offset <= INT64_MAX ? (long long)q->offset : INT64_MAX);
	if (!rc)
		rc = pg_run(s, ov_buf_str(&sql), &b->p, &res,
		            "cannot read the register", NULL, NULL, d);
	for (int i = 0; !rc && r == 0 && i < PQntuples(res); i++)
		r = page_row(res, i, any ? &nm : NULL, fn, ctx);
	/* The whole list is its own count. */
	if (!rc && !q->limit && !q->offset)
		*n = (size_t)PQntuples(res);
	if (!rc && r == -2)
		rc = pg_damaged(s, d, "recommendation state", NULL);
	else if (!rc && r == -1)
		rc = OV_STORE_ERROR;
	PQclear(res);
	names_release(&nm);
	ov_buf_release(&sql);
	return rc;
}

ov_store_rc pg_query_states(void *impl, const ov_store_query *q,
                            ov_store_row_fn *fn, void *ctx, size_t *total,
                            bool *answered, ov_diag *d)
{
	pg *s = impl;
	qsql b = {OV_BUF_INIT, OV_BUF_INIT, OV_BUF_INIT, OV_BUF_INIT,
	          {0},         OV_BUF_INIT, false};
	enum answer how = ANSWER_NONE;
	ov_store_rc rc = pg_begin(s, false, d);

	*total = 0;
	*answered = false;
	if (!rc)
		rc = can_answer(s, q->as_at, &how, d);
	*answered = how != ANSWER_NONE;
	b.intervals = how == ANSWER_INTERVALS;
	if (!rc && *answered && build(s, q, &b, d) < 0)
		rc = OV_STORE_ERROR;
	/* The whole list (no page) is its own count: the query runs once. */
	if (!rc && *answered && (q->limit || q->offset))
		rc = count_rows(s, &b, total, d);
	if (!rc && *answered)
		rc = read_page(s, q, &b, fn, ctx, total, d);
	if (rc)
		*answered = false;
	pg_rollback(s);
	ov_buf_release(&b.from);
	ov_buf_release(&b.where);
	ov_buf_release(&b.order);
	ov_buf_release(&b.terms);
	ov_buf_release(&b.src);
	pg_params_release(&b.p);
	return rc;
}

/* ---- rebuilding and checking ---- */

static void scan_all(ov_store_scan *q)
{
	memset(q, 0, sizeof *q);
	q->due_before = OV_DAY_NONE;
	q->events_upto = OV_DAY_NONE;
	q->timeline = true;
}

typedef struct rebuilder {
	pg *s;
	ov_diag *d;
	ov_store_fold_fn *fold;
	void *ctx;
	size_t n;
} rebuilder;

static int rebuild_one(const ov_rec *rec, ov_day due, void *ctx)
{
	rebuilder *b = ctx;
	ov_store_derived v;

	if (b->fold(rec, due, &v, b->ctx) < 0 ||
	    pg_put_derived(b->s, 0, rec->ref, &v, false, b->d) != OV_STORE_OK)
		return -1;
	b->n++;
	return 0;
}

ov_store_rc pg_state_rebuild(void *impl, bool only_stale,
                             ov_store_fold_fn *fold, void *ctx, size_t *n,
                             ov_diag *d)
{
	pg *s = impl;
	rebuilder b = {.s = s, .d = d, .fold = fold, .ctx = ctx};
	ov_store_scan q;
	bool stale = true;
	ov_store_rc rc = pg_begin(s, true, d);

	if (n)
		*n = 0;
	/* The stale mark's row locked first: two processes do not both
	 * rebuild, the second sees the first's cleared mark. */
	if (!rc)
		rc = pg_do(s,
		           "SELECT value FROM store_meta WHERE key ="
		           " 'state_stale' FOR UPDATE",
		           NULL, "cannot lock the register's state", NULL, NULL,
		           d);
	if (!rc && only_stale)
		rc = pg_state_stale(s, &stale, d);
	if (!rc && !stale) {
		pg_rollback(s);
		return OV_STORE_OK;
	}
	if (!rc)
		rc = pg_do(s, "DELETE FROM rec_interval; DELETE FROM rec_state",
		           NULL, "cannot forget the states", NULL, NULL, d);
	if (!rc)
		rc = pg_search_rebuild(s, d);
	scan_all(&q);
	if (!rc)
		rc = pg_scan_run(s, &q, rebuild_one, &b, d);
	if (!rc)
		rc = pg_do(s,
		           "UPDATE store_meta SET value = 0"
		           " WHERE key = 'state_stale'",
		           NULL, "cannot clear the stale mark", NULL, NULL, d);
	if (!rc)
		rc = pg_commit(s, d);
	if (rc)
		pg_rollback(s);
	else if (n)
		*n = b.n;
	return rc;
}

static const char *const stored_sql =
    "SELECT " STATE_COLS " FROM rec_state s"
    " JOIN recommendations x ON x.id = s.rec WHERE x.ref = $1"
    " AND s.ref = x.ref AND s.report = x.report AND s.force = x.force"
    " AND s.area IS NOT DISTINCT FROM x.area"
    " AND s.due IS NOT DISTINCT FROM x.due";

typedef struct eacher {
	pg *s;
	ov_diag *d;
	ov_store_each_fn *fn;
	void *ctx;
	ov_store_interval *iv;
	size_t cap;
} eacher;

/* A rec's stored intervals, in date order, shaped for read_state from
 * column 2 (a NULL last_event_date). */
static const char *const stored_iv_sql =
    "SELECT s.from_day, s.to_day, s.status, s.status_rank, s.status_date,"
    " s.rag, s.owner, s.closed_by, s.basis, s.last_update,"
    " s.last_update_date, NULL::date FROM rec_interval s"
    " JOIN recommendations x ON x.id = s.rec WHERE x.ref = $1"
    " ORDER BY s.from_day";

/* The intervals in res into *iv (strings borrowed from res); a row that
 * cannot be an interval ends them (a damaged interval reads as
 * missing). */
static size_t read_intervals(const PGresult *res, ov_store_interval **iv,
                             size_t *cap)
{
	size_t n = 0;

	for (int i = 0; i < PQntuples(res); i++) {
		const char *to = pg_val(res, i, 1);
		ov_store_interval *v;

		OV_GROW(*iv, *cap, n + 1);
		v = &(*iv)[n];
		memset(v, 0, sizeof *v);
		if (read_state(res, i, 2, &v->state) < 0 ||
		    pg_day_read(pg_val(res, i, 0), &v->from) < 0 || !to)
			break;
		if (!strcmp(to, "infinity"))
			v->to = OV_DAY_NONE;
		else if (pg_day_read(to, &v->to) < 0)
			break;
		n++;
	}
	return n;
}

static int each_one(const ov_rec *rec, ov_day due, void *ctx)
{
	eacher *e = ctx;
	ov_store_derived v = {.iv = NULL, .n_iv = 0};
	const ov_store_derived *stored = NULL;
	pg_params p = {0};
	PGresult *res = NULL, *ivs = NULL;
	int r = -1;

	pg_p_str(&p, rec->ref);
	if (pg_run(e->s, stored_sql, &p, &res,
	           "cannot read the register's state", NULL, NULL,
	           e->d) != OV_STORE_OK ||
	    pg_run(e->s, stored_iv_sql, &p, &ivs,
	           "cannot read the register's state", NULL, NULL,
	           e->d) != OV_STORE_OK)
		goto out;
	if (PQntuples(res) == 1 && read_state(res, 0, 0, &v.now) == 0) {
		v.n_iv = read_intervals(ivs, &e->iv, &e->cap);
		v.iv = e->iv;
		stored = &v;
	}
	r = e->fn(rec, due, stored, e->ctx);
out:
	PQclear(res);
	PQclear(ivs);
	pg_params_release(&p);
	return r;
}

ov_store_rc pg_state_each(void *impl, ov_store_each_fn *fn, void *ctx,
                          ov_diag *d)
{
	pg *s = impl;
	eacher e = {.s = s, .d = d, .fn = fn, .ctx = ctx};
	ov_store_scan q;
	ov_store_rc rc = pg_begin(s, false, d);

	scan_all(&q);
	if (!rc)
		rc = pg_scan_run(s, &q, each_one, &e, d);
	pg_rollback(s);
	free(e.iv);
	return rc;
}
