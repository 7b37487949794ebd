/*
 * The SQLite backend: the stored derived state of each recommendation
 * (rec_state) and the register's queries on it.  Everything here stores,
 * filters, sorts and counts values app/ computed; nothing folds.  A query
 * reads only the narrow rec_state rows it filters and sorts on (one index
 * for each of the register's orders), cuts the page there, and joins the
 * page's rows alone to their recommendation, report and owner.
 */
#include "store/sqlite/state.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/sqlite/scan.h"
#include "store/sqlite/search.h"
#include "store/sqlite/tables.h"
#include "util/buf.h"
#include "util/mem.h"

/* ---- writing one state ---- */

#define STATE_SET_COLS                                                         \
	"status, status_rank, status_date, rag, owner, closed_by, basis,"      \
	" last_update, last_update_date, last_event_date"

#define PUT_SQL(key)                                                           \
	"INSERT INTO rec_state (rec, ref, report, force, area, "               \
	"due, " STATE_SET_COLS ")"                                             \
	" SELECT x.id, x.ref, x.report, x.force, x.area, x.due, ?2, ?3, ?4,"   \
	" ?5, ?6, ?7, ?8, ?9, ?10, ?11 FROM recommendations x"                 \
	" WHERE x." key " = ?1" PUT_UPSERT
#define PUT_UPSERT                                                             \
	" ON CONFLICT (rec) DO UPDATE SET ref = excluded.ref,"                 \
	" report = excluded.report, force = excluded.force,"                   \
	" area = excluded.area, due = excluded.due, status = excluded.status," \
	" status_rank = excluded.status_rank,"                                 \
	" status_date = excluded.status_date, rag = excluded.rag,"             \
	" owner = excluded.owner, closed_by = excluded.closed_by,"             \
	" basis = excluded.basis, last_update = excluded.last_update,"         \
	" last_update_date = excluded.last_update_date,"                       \
	" last_event_date = excluded.last_event_date"

ov_store_rc sq_state_prepare(sq *s, bool by_ref, sqlite3_stmt **st, ov_diag *d)
{
	return sq_prepare(s, by_ref ? PUT_SQL("ref") : PUT_SQL("id"), st, d);
}

static const char *status_code(enum ov_status v)
{
	return v == OV_STATUS_NONE ? NULL : ov_status_code(v);
}

static const char *rag_code(enum ov_rag v)
{
	return v == OV_RAG_NONE ? NULL : ov_rag_code(v);
}

/* The nine state columns from ?at on (status .. last_update_date). */
static int bind_state(sqlite3_stmt *st, int at, const ov_store_state *v)
{
	int bad = sq_bind_str(st, at, status_code(v->status));

	bad |= sq_bind_int(st, at + 1, v->status_rank);
	bad |= sq_bind_day(st, at + 2, v->status_date, true);
	bad |= sq_bind_str(st, at + 3, rag_code(v->rag));
	bad |= sq_bind_str(st, at + 4, v->owner);
	bad |= sq_bind_str(st, at + 5, v->closed_by);
	bad |= sq_bind_str(st, at + 6, v->basis);
	bad |= sq_bind_str(st, at + 7, v->last_update);
	bad |= sq_bind_day(st, at + 8, v->last_update_date, true);
	return bad;
}

static int bind_key(sqlite3_stmt *st, sqlite3_int64 id, const char *ref)
{
	return ref ? sq_bind_str(st, 1, ref) : sq_bind_int(st, 1, id);
}

static ov_store_rc bind_failed(sq *s, sqlite3_stmt *st, ov_diag *d)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return sq_fail(s, d, "cannot bind a value");
}

ov_store_rc sq_state_put(sq *s, sqlite3_stmt *st, sqlite3_int64 id,
                         const char *ref, const ov_store_state *v, ov_diag *d)
{
	int bad = bind_key(st, id, ref) | bind_state(st, 2, v);

	bad |= sq_bind_day(st, 11, v->last_event_date, true);
	if (bad)
		return bind_failed(s, st, d);
	return sq_step_write(s, st, "recommendation state", ref, d);
}

/* ---- writing one rec's intervals ---- */

/* to_day of the last, open-ended interval (schema.c, migration 4). */
#define IV_OPEN 2147483647LL

/*
 * The relational interval tree of rec_interval.fork (schema.c, migration
 * 4): a binary tree whose nodes are the integers 1 .. 2^IV_LEVELS - 1,
 * its root 2^(IV_LEVELS - 1), over the days shifted by IV_SHIFT (every
 * day of 1900-2199, util/date.h, is well inside).  An interval [from, to)
 * is the closed [from, to - 1], an open-ended one reaching the last node.
 */
#define IV_LEVELS 18
#define IV_ROOT (1L << (IV_LEVELS - 1))
#define IV_SHIFT IV_ROOT
#define IV_TOP ((1L << IV_LEVELS) - 1)

static long iv_node(long day)
{
	long x = day + IV_SHIFT;

	return x < 1 ? 1 : x > IV_TOP ? IV_TOP : x;
}

/* The first node on the way down from the root that lies in [lo, hi]. */
static long iv_fork(ov_day from, ov_day to)
{
	long lo = iv_node(from);
	long hi = to == OV_DAY_NONE ? IV_TOP : iv_node((long)to - 1);
	long node = IV_ROOT, step = IV_ROOT / 2;

	if (hi < lo)
		hi = lo;
	while ((node < lo || node > hi) && step > 0) {
		node += hi < node ? -step : step;
		step /= 2;
	}
	return node;
}

/* The nodes on the way from the root down to day's node: those before it
 * into before[] (their intervals hold the day if they end after it), it
 * and those after it into after[] (theirs hold it if they start on or
 * before it).  Each list has room for IV_LEVELS. */
static void iv_path(ov_day day, long *before, int *n_before, long *after,
                    int *n_after)
{
	long x = iv_node(day), node = IV_ROOT, step = IV_ROOT / 2;

	*n_before = *n_after = 0;
	for (;;) {
		if (node < x)
			before[(*n_before)++] = node;
		else
			after[(*n_after)++] = node;
		if (node == x || step == 0)
			break;
		node += x < node ? -step : step;
		step /= 2;
	}
}

#define IV_INSERT                                                              \
	"INSERT INTO rec_interval (rec, from_day, to_day, fork, status,"       \
	" status_rank, status_date, rag, owner, closed_by, basis,"             \
	" last_update, last_update_date) "
#define IV_VALUES "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13"

ov_store_rc sq_put_prepare(sq *s, bool by_ref, bool replace, sq_put *p,
                           ov_diag *d)
{
	ov_store_rc rc = sq_state_prepare(s, by_ref, &p->state, d);

	p->iv = p->drop = NULL;
	if (!rc)
		rc = sq_prepare(s,
		                by_ref ? IV_INSERT "SELECT x.id, " IV_VALUES
		                                   " FROM recommendations x"
		                                   " WHERE x.ref = ?1"
		                       : IV_INSERT "VALUES (?1, " IV_VALUES ")",
		                &p->iv, d);
	if (!rc && replace)
		rc = sq_prepare(s,
		                by_ref
		                    ? "DELETE FROM rec_interval WHERE rec ="
		                      " (SELECT id FROM recommendations"
		                      " WHERE ref = ?1)"
		                    : "DELETE FROM rec_interval WHERE rec = ?1",
		                &p->drop, d);
	return rc;
}

void sq_put_release(sq_put *p)
{
	if (!p)
		return;
	sqlite3_finalize(p->state);
	sqlite3_finalize(p->iv);
	sqlite3_finalize(p->drop);
	p->state = p->iv = p->drop = NULL;
}

static ov_store_rc put_interval(sq *s, sqlite3_stmt *st, sqlite3_int64 id,
                                const char *ref, const ov_store_interval *iv,
                                ov_diag *d)
{
	int bad = bind_key(st, id, ref) | sq_bind_int(st, 2, iv->from);

	bad |= sq_bind_int(st, 3, iv->to == OV_DAY_NONE ? IV_OPEN : iv->to);
	bad |= sq_bind_int(st, 4, iv_fork(iv->from, iv->to));
	bad |= bind_state(st, 5, &iv->state);
	if (bad)
		return bind_failed(s, st, d);
	return sq_step_write(s, st, "recommendation state interval", ref, d);
}

ov_store_rc sq_put_derived(sq *s, sq_put *p, sqlite3_int64 id, const char *ref,
                           const ov_store_derived *v, ov_diag *d)
{
	ov_store_rc rc = sq_state_put(s, p->state, id, ref, &v->now, d);

	if (!rc && p->drop) {
		if (bind_key(p->drop, id, ref))
			rc = bind_failed(s, p->drop, d);
		else
			rc = sq_step_write(s, p->drop,
			                   "recommendation state interval", ref,
			                   d);
	}
	for (size_t k = 0; k < v->n_iv && !rc; k++)
		rc = put_interval(s, p->iv, id, ref, &v->iv[k], d);
	return rc;
}

ov_store_rc sq_state_mark_stale(sq *s, ov_diag *d)
{
	return sq_exec(s,
	               "UPDATE store_meta SET value = 1"
	               " WHERE key = 'state_stale'",
	               d);
}

/* ---- bulk writes ---- */

static ov_store_rc count_states(sq *s, size_t *n, ov_diag *d)
{
	sqlite3_stmt *st = NULL;
	bool found;
	ov_store_rc rc = sq_query(s, "SELECT count(*) FROM rec_state", NULL,
	                          &st, &found, "cannot count the states", d);

	*n = !rc && found ? (size_t)sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc;
}

ov_store_rc sq_state_indexes_off(sq *s, size_t n_new, sq_indexes *out,
                                 ov_diag *d)
{
	sqlite3_stmt *st = NULL;
	ov_buf sql = OV_BUF_INIT;
	size_t have = 0;
	ov_store_rc rc = count_states(s, &have, d);
	int step = SQLITE_DONE;

	memset(out, 0, sizeof *out);
	if (rc || n_new < have || n_new == 0)
		return rc;
	rc = sq_prepare(s,
	                "SELECT name, sql FROM sqlite_master WHERE type ="
	                " 'index' AND tbl_name IN ('rec_state',"
	                " 'rec_interval') AND sql IS NOT NULL ORDER BY name",
	                &st, d);
	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
		out->name =
		    ov_xrealloc(out->name, (out->n + 1) * sizeof *out->name);
		out->sql =
		    ov_xrealloc(out->sql, (out->n + 1) * sizeof *out->sql);
		out->name[out->n] = sq_col_str(st, 0);
		out->sql[out->n++] = sq_col_str(st, 1);
	}
	if (!rc && step != SQLITE_DONE)
		rc = sq_fail(s, d, "cannot read the schema");
	sqlite3_finalize(st);
	/* The names are the schema's own, never data. */
	for (size_t i = 0; i < out->n && !rc; i++) {
		ov_buf_reset(&sql);
		ov_buf_printf(&sql, "DROP INDEX \"%s\"", out->name[i]);
		rc = sq_exec(s, ov_buf_str(&sql), d);
	}
	ov_buf_release(&sql);
	return rc;
}

ov_store_rc sq_state_indexes_on(sq *s, sq_indexes *in, bool make, ov_diag *d)
{
	ov_store_rc rc = OV_STORE_OK;

	for (size_t i = 0; i < in->n; i++) {
		if (make && !rc)
			rc = sq_exec(s, in->sql[i], d);
		free(in->name[i]);
		free(in->sql[i]);
	}
	free(in->name);
	free(in->sql);
	memset(in, 0, sizeof *in);
	return rc;
}

/* ---- reading one state ---- */

#define STATE_COLS                                                             \
	"s.status, s.status_rank, s.status_date, s.rag, s.owner,"              \
	" s.closed_by, s.basis, s.last_update, s.last_update_date,"            \
	" s.last_event_date"
enum { STATE_NCOLS = 10 };

static const char *col_or_null(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* Columns at.. of st (STATE_COLS) into *v, strings borrowed until the
 * next step; -1 for a value that cannot be a state. */
static int read_state(sqlite3_stmt *st, int at, ov_store_state *v)
{
	const char *status = col_or_null(st, at);
	const char *rag = col_or_null(st, at + 3);

	v->status = OV_STATUS_NONE;
	v->rag = OV_RAG_NONE;
	if ((status && ov_status_parse(status, &v->status) < 0) ||
	    (rag && ov_rag_parse(rag, &v->rag) < 0))
		return -1;
	v->status_rank = sqlite3_column_int(st, at + 1);
	v->owner = col_or_null(st, at + 4);
	v->closed_by = col_or_null(st, at + 5);
	v->basis = col_or_null(st, at + 6);
	v->last_update = col_or_null(st, at + 7);
	if (sq_col_day(st, at + 2, true, &v->status_date) < 0 ||
	    sq_col_day(st, at + 8, true, &v->last_update_date) < 0 ||
	    sq_col_day(st, at + 9, true, &v->last_event_date) < 0)
		return -1;
	return 0;
}

/* ---- the stale mark and the generation ---- */

static ov_store_rc meta(sq *s, const char *key, sqlite3_int64 *out, ov_diag *d)
{
	sqlite3_stmt *st = NULL;
	bool found;
	ov_store_rc rc = sq_query_kept(
	    s, SQ_KEPT_META, "SELECT value FROM store_meta WHERE key = ?1", key,
	    &st, &found, "cannot read the register's state", d);

	if (!rc && !found)
		rc = sq_damaged(s, d, "store_meta", key);
	if (!rc)
		*out = sqlite3_column_int64(st, 0);
	sq_done(s, st);
	return rc;
}

ov_store_rc sq_state_stale(void *impl, bool *out, ov_diag *d)
{
	sqlite3_int64 v = 0;
	ov_store_rc rc = meta(impl, "state_stale", &v, d);

	*out = rc == OV_STORE_OK && v != 0;
	return rc;
}

/* The counts of each status, RAG and force against the states. */
static const char *const tally_check_sql =
    "SELECT EXISTS (SELECT ifnull(status, ''), ifnull(rag, ''), force,"
    " count(*) FROM rec_state GROUP BY 1, 2, 3 EXCEPT SELECT status, rag,"
    " force, n FROM rec_state_tally WHERE n <> 0) OR EXISTS (SELECT"
    " status, rag, force, n FROM rec_state_tally WHERE n <> 0 EXCEPT"
    " SELECT ifnull(status, ''), ifnull(rag, ''), force, count(*) FROM"
    " rec_state GROUP BY 1, 2, 3)";

ov_store_rc sq_index_check(void *impl, bool *ok, ov_diag *d)
{
	sq *s = impl;
	sqlite3_stmt *st = NULL;
	bool found = false, search = false;
	ov_store_rc rc = sq_begin(s, false, d);

	*ok = false;
	if (!rc)
		rc = sq_search_check(s, &search, d);
	if (!rc)
		rc = sq_query(s, tally_check_sql, NULL, &st, &found,
		              "cannot check the counts of states", d);
	if (!rc && found)
		*ok = search && sqlite3_column_int(st, 0) == 0;
	sqlite3_finalize(st);
	sq_rollback(s);
	return rc;
}

ov_store_rc sq_generation(void *impl, uint64_t *out, ov_diag *d)
{
	sqlite3_int64 v = 0;
	ov_store_rc rc = meta(impl, "generation", &v, d);

	*out = (uint64_t)v;
	return rc;
}

/* ---- the register's query ---- */

enum ptype { P_STR, P_INT, P_ISO };

typedef struct param {
	enum ptype type;
	const char *s;
	long long i;
} param;

/* The WHERE and ORDER BY of a query, and the values bound for them
 * (?1.. in order; the search words at their own place).  tally: the same
 * filter on rec_state_tally, while tally_ok (only status, RAG and force
 * filter), with the same parameters. */
typedef struct qsql {
	ov_buf from, where, order, match, tally;
	bool tally_ok;
	param p[16 + 2 * IV_LEVELS];
	int n;
	/* Where the states come from: rec_state, or (as_at before the
	 * latest event) the intervals holding as_at, each joined to its
	 * rec's rec_state for the rec's columns; keyed by rec, or by rec and
	 * from_day. */
	ov_buf src;
	bool intervals;
	int at; /* with intervals: as_at's parameter */
} qsql;

static int add_param(qsql *b, enum ptype t, const char *s, long long i)
{
	b->p[b->n] = (param){t, s, i};
	return ++b->n;
}

/* A condition, on rec_state "s." and (tallied: the tally has the
 * column) on the tally. */
static void add_cond(qsql *b, bool tallied, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void add_cond(qsql *b, bool tallied, const char *fmt, ...)
{
	ov_buf cond = OV_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	ov_buf_vprintf(&cond, fmt, ap);
	va_end(ap);
	ov_buf_printf(&b->where, " AND s.%s", ov_buf_str(&cond));
	if (tallied)
		ov_buf_printf(&b->tally, " AND %s", ov_buf_str(&cond));
	else
		b->tally_ok = false;
	ov_buf_release(&cond);
}

static void add_eq(qsql *b, const char *col, const char *v, bool tallied)
{
	if (v)
		add_cond(b, tallied, "%s = ?%d", col,
		         add_param(b, P_STR, v, 0));
}

static void add_statuses(qsql *b, unsigned statuses)
{
	ov_buf in = OV_BUF_INIT;
	int n = 0;

	for (int st = 0; st <= OV_STATUS_NA; st++)
		n += (statuses >> st) & 1u;
	if (n == OV_STATUS_NA + 1)
		return;
	if (n == 0) {
		ov_buf_puts(&b->where, " AND 0");
		ov_buf_puts(&b->tally, " AND 0");
		return;
	}
	for (int st = 0, k = 0; st <= OV_STATUS_NA; st++)
		if ((statuses >> st) & 1u)
			ov_buf_printf(
			    &in, "%s?%d", k++ ? ", " : "",
			    add_param(b, P_STR, ov_status_code(st), 0));
	add_cond(b, true, "status IN (%s)", ov_buf_str(&in));
	ov_buf_release(&in);
}

static void add_order(qsql *b, const ov_store_query *q)
{
	static const char *const key_sql[] = {
	    [OV_KEY_REF] = "s.ref",
	    [OV_KEY_REPORT] = "s.report",
	    [OV_KEY_DUE] = "s.due IS NULL, s.due",
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

/* An interval as a row shaped like rec_state's (the rec's columns from
 * its rec_state), with its days. */
#define IV_ROW                                                                 \
	"SELECT r.rec AS rec, r.ref AS ref, r.report AS report,"               \
	" r.force AS force, r.area AS area, r.due AS due,"                     \
	" i.status AS status, i.status_rank AS status_rank,"                   \
	" i.status_date AS status_date, i.rag AS rag, i.owner AS owner,"       \
	" i.closed_by AS closed_by, i.basis AS basis,"                         \
	" i.last_update AS last_update,"                                       \
	" i.last_update_date AS last_update_date,"                             \
	" NULL AS last_event_date, i.from_day AS from_day,"                    \
	" i.to_day AS to_day FROM rec_interval i CROSS JOIN rec_state r"       \
	" ON r.rec = i.rec"

/* "fork IN (?a, ?b, ...)" of the nodes, bound. */
static void add_nodes(qsql *b, ov_buf *sql, const long *nodes, int n)
{
	ov_buf_puts(sql, "i.fork IN (");
	for (int k = 0; k < n; k++)
		ov_buf_printf(sql, "%s?%d", k ? ", " : "",
		              add_param(b, P_INT, NULL, nodes[k]));
	ov_buf_puts(sql, ")");
}

/* " AND i.status IN (...)" of the statuses that pass, bound; nothing if
 * all do (none passing is the outer query's "AND 0"). */
static void add_iv_statuses(qsql *b, ov_buf *sql, unsigned statuses)
{
	unsigned all = (1u << (OV_STATUS_NA + 1)) - 1;
	int k = 0;

	if ((statuses & all) == all || !(statuses & all))
		return;
	ov_buf_puts(sql, " AND i.status IN (");
	for (int st = 0; st <= OV_STATUS_NA; st++)
		if ((statuses >> st) & 1u)
			ov_buf_printf(
			    sql, "%s?%d", k++ ? ", " : "",
			    add_param(b, P_STR, ov_status_code(st), 0));
	ov_buf_puts(sql, ")");
}

/* The intervals holding as_at (b->src), as rows of IV_ROW: their keys
 * first, from the nodes on the path to as_at, those before it by
 * rec_interval_upper, the rest by rec_interval_lower (schema.c, migration
 * 4), the status filter read there too; then each key's row.  The two
 * sets are apart (an interval has one fork), so UNION ALL, and no
 * interval is read that does not hold as_at but for a few at each node. */
static void interval_src(qsql *b, ov_day as_at, unsigned statuses)
{
	long before[IV_LEVELS], after[IV_LEVELS];
	int n_before, n_after, at = add_param(b, P_INT, NULL, as_at);
	ov_buf *src = &b->src;

	iv_path(as_at, before, &n_before, after, &n_after);
	ov_buf_puts(src, "(SELECT i.rec AS rec, i.from_day AS from_day"
	                 " FROM rec_interval i WHERE ");
	if (n_before) {
		add_nodes(b, src, before, n_before);
		ov_buf_printf(src, " AND i.to_day > ?%d", at);
		add_iv_statuses(b, src, statuses);
		ov_buf_puts(src, " UNION ALL SELECT i.rec AS rec, i.from_day"
		                 " AS from_day FROM rec_interval i WHERE ");
	}
	add_nodes(b, src, after, n_after);
	ov_buf_printf(src, " AND i.from_day <= ?%d", at);
	add_iv_statuses(b, src, statuses);
	/* In rec order (a LIMIT keeps the order: the subquery is not
	 * flattened), so that each key's row is then read forwards. */
	ov_buf_puts(src, " ORDER BY rec LIMIT -1) h CROSS JOIN (" IV_ROW
	                 ") s ON s.rec = h.rec AND s.from_day = h.from_day");
	b->at = at;
}

static int build(sq *s, const ov_store_query *q, qsql *b, ov_diag *d)
{
	int r;

	if (b->intervals)
		interval_src(b, q->as_at, q->statuses);
	else
		ov_buf_puts(&b->src, "rec_state s");
	/* The counts are of the states now, not as at an earlier date. */
	b->tally_ok = !b->intervals;
	ov_buf_puts(&b->where, "s.status IS NOT NULL");
	ov_buf_puts(&b->tally, "status <> ''");
	add_statuses(b, q->statuses);
	if (q->rag_set && q->rag == OV_RAG_NONE) {
		ov_buf_puts(&b->where, " AND s.rag IS NULL");
		ov_buf_puts(&b->tally, " AND rag = ''");
	} else if (q->rag_set) {
		add_eq(b, "rag", ov_rag_code(q->rag), true);
	}
	add_eq(b, "force", q->force, true);
	add_eq(b, "owner", q->owner, false);
	add_eq(b, "report", q->report, false);
	add_eq(b, "area", q->area, false);
	if (q->due_before != OV_DAY_NONE)
		add_cond(b, false, "due < ?%d",
		         add_param(b, P_ISO, NULL, q->due_before));
	if (q->status_after != OV_DAY_NONE)
		add_cond(b, false, "status_date > ?%d",
		         add_param(b, P_INT, NULL, q->status_after));
	/* Search words: the matching recs drive the query, each looked up
	 * by its id (a fraction of a millisecond for a rare word; for a word
	 * of every rec, no slower than looking every row up among the
	 * matches). */
	ov_buf_puts(&b->from, ov_buf_str(&b->src));
	r = sq_search_words(s, q->q, &b->match, d);
	if (r == 1) {
		/* The matching recs drive it, each rec's interval holding
		 * as_at found by its own key (rec, from_day). */
		ov_buf_reset(&b->from);
		ov_buf_printf(&b->from,
		              "(SELECT rowid AS rec FROM rec_search WHERE"
		              " rec_search MATCH ?%d) m CROSS JOIN %s s"
		              " ON s.rec = m.rec",
		              add_param(b, P_STR, ov_buf_str(&b->match), 0),
		              b->intervals ? "(" IV_ROW ")" : "rec_state");
		if (b->intervals)
			ov_buf_printf(
			    &b->where,
			    " AND s.from_day <= ?%d AND s.to_day > ?%d", b->at,
			    b->at);
	} else if (r == 2) {
		ov_buf_puts(&b->where, " AND 0");
	}
	if (r != 0)
		b->tally_ok = false;
	add_order(b, q);
	return r < 0 ? -1 : 0;
}

static int bind_all(sqlite3_stmt *st, const qsql *b)
{
	int bad = 0;

	for (int i = 0; i < b->n; i++) {
		const param *p = &b->p[i];

		if (p->type == P_STR)
			bad |= sq_bind_str(st, i + 1, p->s);
		else if (p->type == P_INT)
			bad |= sq_bind_int(st, i + 1, p->i);
		else
			bad |= sq_bind_day(st, i + 1, (ov_day)p->i, false);
	}
	return bad;
}

/* How the store answers as at as_at: not at all if the state is stale;
 * from rec_state if no rec has an event after as_at (rec_state_last_event
 * gives the latest in one seek), its counts then giving the totals; else
 * from the intervals holding as_at. */
enum answer { ANSWER_NONE, ANSWER_STATE, ANSWER_INTERVALS };

static ov_store_rc can_answer(sq *s, ov_day as_at, enum answer *how, ov_diag *d)
{
	sqlite3_stmt *st = NULL;
	bool found;
	ov_store_rc rc =
	    sq_query(s,
	             "SELECT (SELECT value FROM store_meta"
	             " WHERE key = 'state_stale'),"
	             " (SELECT max(last_event_date) FROM rec_state)",
	             NULL, &st, &found, "cannot read the register's state", d);
	ov_day latest = OV_DAY_NONE;

	*how = ANSWER_NONE;
	if (!rc && found && sq_col_day(st, 1, true, &latest) < 0)
		rc = sq_damaged(s, d, "recommendation state", NULL);
	if (!rc && found && sqlite3_column_int(st, 0) == 0)
		*how = latest == OV_DAY_NONE ||
		               (as_at != OV_DAY_NONE && latest <= as_at)
		           ? ANSWER_STATE
		           : ANSWER_INTERVALS;
	sqlite3_finalize(st);
	return rc;
}

static ov_store_rc count_rows(sq *s, const qsql *b, size_t *total, ov_diag *d)
{
	ov_buf sql = OV_BUF_INIT;
	sqlite3_stmt *st = NULL;
	ov_store_rc rc;

	if (b->tally_ok)
		ov_buf_printf(&sql,
		              "SELECT ifnull(sum(n), 0) FROM"
		              " rec_state_tally WHERE %s",
		              ov_buf_str(&b->tally));
	else
		ov_buf_printf(&sql, "SELECT count(*) FROM %s WHERE %s",
		              ov_buf_str(&b->from), ov_buf_str(&b->where));
	rc = sq_prepare(s, ov_buf_str(&sql), &st, d);
	if (!rc && bind_all(st, b))
		rc = sq_fail(s, d, "cannot bind a value");
	if (!rc && sqlite3_step(st) != SQLITE_ROW)
		rc = sq_fail(s, d, "cannot count the register");
	if (!rc)
		*total = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	ov_buf_release(&sql);
	return rc;
}

/* The page: rec ids from the narrow rows alone (an index walk, cut by
 * LIMIT and OFFSET there), then only those joined to their rec, report
 * and owner, and put back in order.  The whole list (whole: no page) is
 * not cut: its ids are taken in rec order instead, so that the joins then
 * walk each table forwards (reading a third of the register's pages in
 * order rather than at random was a quarter of the time it took), and
 * sorted at the end; in no order (any_order), not sorted at all, and each
 * row joined as it is found. */
static void page_sql(ov_buf *sql, const qsql *b, bool whole, bool any_order)
{
	ov_buf_puts(sql, "SELECT " STATE_COLS ", x.due");
	for (size_t i = 0; i < ov_shape_rec.n_fields; i++) {
		const ov_field *f = &ov_shape_rec.fields[i];

		if (f->type != OV_F_STRV && f->type != OV_F_OBJV)
			ov_buf_printf(sql, ", x.%s", ov_field_col(f));
	}
	if (whole && any_order) {
		/* The whole list in no order: each passing row joined to
		 * its rec as the rows come, nothing read twice; its report
		 * and owner from the few read once (names_load). */
		ov_buf_printf(sql,
		              " FROM %s CROSS JOIN recommendations x"
		              " ON x.id = s.rec WHERE %s LIMIT ?%d OFFSET ?%d",
		              ov_buf_str(&b->from), ov_buf_str(&b->where),
		              b->n + 1, b->n + 2);
		return;
	}
	ov_buf_printf(sql,
	              ", r.title, r.plan, p.id, p.name, p.title FROM"
	              " (SELECT s.rec AS rec%s FROM %s WHERE %s"
	              " ORDER BY %s LIMIT ?%d OFFSET ?%d) pg"
	              " CROSS JOIN %s s ON s.rec = pg.rec%s"
	              " CROSS JOIN recommendations x ON x.id = pg.rec"
	              " LEFT JOIN reports r ON r.id = x.report"
	              " LEFT JOIN people p ON p.id = s.owner ORDER BY %s",
	              b->intervals ? ", s.from_day AS from_day" : "",
	              ov_buf_str(&b->from), ov_buf_str(&b->where),
	              whole ? "s.rec" : ov_buf_str(&b->order), b->n + 1,
	              b->n + 2, b->intervals ? "(" IV_ROW ")" : "rec_state",
	              b->intervals ? " AND s.from_day = pg.from_day" : "",
	              ov_buf_str(&b->order));
}

/* The reports' titles and plans and the people's names and titles,
 * each read once for a whole list (a few hundred rows, where joining
 * each of tens of thousands of rows to them was a fifth of its time),
 * sorted by id as SQLite's BINARY order is strcmp's. */
typedef struct name_row {
	char *id, *a, *b;
} name_row;

typedef struct names {
	name_row *report, *person;
	size_t n_report, n_person;
} names;

static char *col_dup(sqlite3_stmt *st, int i)
{
	const char *v = col_or_null(st, i);

	return v ? ov_xstrdup(v) : NULL;
}

static ov_store_rc names_read(sq *s, const char *sql, name_row **out, size_t *n,
                              ov_diag *d)
{
	sqlite3_stmt *st = NULL;
	ov_store_rc rc = sq_prepare(s, sql, &st, d);
	size_t cap = 0;
	int step = SQLITE_DONE;

	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
		OV_GROW(*out, cap, *n + 1);
		(*out)[*n] =
		    (name_row){col_dup(st, 0), col_dup(st, 1), col_dup(st, 2)};
		++*n;
	}
	if (!rc && step != SQLITE_DONE)
		rc = sq_fail(s, d, "cannot read the register");
	sqlite3_finalize(st);
	return rc;
}

static ov_store_rc names_load(sq *s, names *nm, ov_diag *d)
{
	ov_store_rc rc =
	    names_read(s, "SELECT id, title, plan FROM reports ORDER BY id",
	               &nm->report, &nm->n_report, d);

	if (!rc)
		rc = names_read(
		    s, "SELECT id, name, title FROM people ORDER BY id",
		    &nm->person, &nm->n_person, d);
	return rc;
}

static void names_release(names *nm)
{
	for (size_t i = 0; i < nm->n_report; i++)
		free(nm->report[i].id), free(nm->report[i].a),
		    free(nm->report[i].b);
	for (size_t i = 0; i < nm->n_person; i++)
		free(nm->person[i].id), free(nm->person[i].a),
		    free(nm->person[i].b);
	free(nm->report);
	free(nm->person);
}

static int name_cmp(const void *key, const void *row)
{
	return strcmp(key, ((const name_row *)row)->id);
}

/* The row with this id, or NULL (no id, or none such). */
static const name_row *name_find(const name_row *rows, size_t n, const char *id)
{
	return id && n ? bsearch(id, rows, n, sizeof *rows, name_cmp) : NULL;
}

/* One row of the page to fn (its report and owner from nm, else from its
 * last five columns); -2 for a damaged row. */
static int page_row(sqlite3_stmt *st, const names *nm, ov_store_row_fn *fn,
                    void *ctx)
{
	ov_store_state v;
	ov_store_state_row row = {.state = &v};
	ov_person owner;
	ov_rec rec;
	int at, r = -2;

	ov_rec_init(&rec);
	memset(&owner, 0, sizeof owner);
	if (read_state(st, 0, &v) < 0 ||
	    sq_col_day(st, STATE_NCOLS, false, &row.due) < 0)
		goto out;
	at = sq_fields(st, STATE_NCOLS + 1, &ov_shape_rec, &rec, NULL, false);
	if (at < 0 || !rec.ref)
		goto out;
	row.rec = &rec;
	if (nm) {
		const name_row *rp =
		    name_find(nm->report, nm->n_report, rec.report);
		const name_row *pp =
		    name_find(nm->person, nm->n_person, v.owner);

		row.report_title = rp ? rp->a : NULL;
		row.report_plan = rp ? rp->b : NULL;
		if (pp)
			owner = (ov_person){
			    .id = pp->id, .name = pp->a, .title = pp->b};
	} else {
		row.report_title = col_or_null(st, at);
		row.report_plan = col_or_null(st, at + 1);
		owner.id = (char *)col_or_null(st, at + 2);
		owner.name = (char *)col_or_null(st, at + 3);
		owner.title = (char *)col_or_null(st, at + 4);
	}
	row.owner = owner.id ? &owner : NULL;
	r = fn(&row, ctx) < 0 ? -1 : 0;
out:
	ov_rec_release(&rec);
	return r;
}

static ov_store_rc read_page(sq *s, const ov_store_query *q, const qsql *b,
                             ov_store_row_fn *fn, void *ctx, size_t *n,
                             ov_diag *d)
{
	ov_buf sql = OV_BUF_INIT;
	sqlite3_stmt *st = NULL;
	ov_store_rc rc;
	int step = SQLITE_DONE, r = 0;
	bool whole = !q->limit && !q->offset;
	names nm = {0};

	page_sql(&sql, b, whole, q->any_order);
	rc = whole && q->any_order ? names_load(s, &nm, d) : OV_STORE_OK;
	if (!rc)
		rc = sq_prepare(s, ov_buf_str(&sql), &st, d);
	if (!rc &&
	    (bind_all(st, b) ||
	     sq_bind_int(st, b->n + 1,
	                 q->limit && q->limit <= INT64_MAX ? (long long)q->limit
	                                                   : -1) ||
	     sq_bind_int(st, b->n + 2,
	                 q->offset <= INT64_MAX ? (long long)q->offset
	                                        : INT64_MAX)))
		rc = sq_fail(s, d, "cannot bind a value");
	*n = 0;
	while (!rc && r == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		r = page_row(st, whole && q->any_order ? &nm : NULL, fn, ctx);
		*n += r == 0;
	}
	if (!rc && r == -2)
		rc = sq_damaged(s, d, "recommendation state", NULL);
	else if (!rc && r == -1)
		rc = OV_STORE_ERROR;
	else if (!rc && step != SQLITE_DONE)
		rc = sq_fail(s, d, "cannot read the register");
	sqlite3_finalize(st);
	ov_buf_release(&sql);
	names_release(&nm);
	return rc;
}

ov_store_rc sq_query_states(void *impl, const ov_store_query *q,
                            ov_store_row_fn *fn, void *ctx, size_t *total,
                            bool *answered, ov_diag *d)
{
	sq *s = impl;
	qsql b = {OV_BUF_INIT,
	          OV_BUF_INIT,
	          OV_BUF_INIT,
	          OV_BUF_INIT,
	          OV_BUF_INIT,
	          false,
	          {{0}},
	          0,
	          OV_BUF_INIT,
	          false,
	          0};
	enum answer how = ANSWER_NONE;
	size_t rows = 0;
	ov_store_rc rc = sq_begin(s, false, d);

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
		rc = read_page(s, q, &b, fn, ctx, &rows, d);
	if (!rc && *answered && !q->limit && !q->offset)
		*total = rows;
	if (rc)
		*answered = false;
	sq_rollback(s);
	ov_buf_release(&b.src);
	ov_buf_release(&b.from);
	ov_buf_release(&b.where);
	ov_buf_release(&b.order);
	ov_buf_release(&b.match);
	ov_buf_release(&b.tally);
	return rc;
}

/* ---- rebuilding and checking ---- */

/* Every rec with its whole timeline. */
static void scan_all(ov_store_scan *q)
{
	memset(q, 0, sizeof *q);
	q->due_before = OV_DAY_NONE;
	q->events_upto = OV_DAY_NONE;
	q->timeline = true;
}

typedef struct rebuilder {
	sq *s;
	ov_diag *d;
	sq_put put;
	sqlite3_stmt *id_of; /* a rec's row id by its ref */
	ov_store_fold_fn *fold;
	void *ctx;
	size_t n;
} rebuilder;

static int rebuild_one(const ov_rec *rec, ov_day due, void *ctx)
{
	rebuilder *b = ctx;
	ov_store_derived v;
	sqlite3_int64 id;
	int step;

	/* The rec's row id once, not a look-up by ref for each interval. */
	sqlite3_reset(b->id_of);
	if (sq_bind_str(b->id_of, 1, rec->ref) != SQLITE_OK ||
	    (step = sqlite3_step(b->id_of)) != SQLITE_ROW) {
		sqlite3_reset(b->id_of);
		sq_fail(b->s, b->d, "cannot read the register");
		return -1;
	}
	id = sqlite3_column_int64(b->id_of, 0);
	sqlite3_reset(b->id_of);
	if (b->fold(rec, due, &v, b->ctx) < 0 ||
	    sq_put_derived(b->s, &b->put, id, NULL, &v, b->d) != OV_STORE_OK)
		return -1;
	b->n++;
	return 0;
}

static ov_store_rc rebuild(sq *s, bool only_stale, ov_store_fold_fn *fold,
                           void *ctx, size_t *n, ov_diag *d)
{
	rebuilder b = {.s = s, .d = d, .fold = fold, .ctx = ctx};
	ov_store_scan q;
	sq_indexes saved = {NULL, NULL, 0};
	bool stale = true;
	ov_store_rc rc = sq_begin(s, true, d);

	if (n)
		*n = 0;
	if (!rc && only_stale)
		rc = sq_state_stale(s, &stale, d);
	if (!rc && !stale) {
		sq_rollback(s);
		return OV_STORE_OK;
	}
	/* The indexes first, so the rows go without them; the counts are
	 * made again from nothing, as everything else. */
	if (!rc)
		rc = sq_state_indexes_off(s, SIZE_MAX, &saved, d);
	if (!rc)
		rc = sq_exec(s,
		             "DELETE FROM rec_interval; DELETE FROM rec_state;"
		             " DELETE FROM rec_state_tally",
		             d);
	if (!rc)
		rc = sq_search_rebuild(s, d);
	if (!rc)
		rc = sq_put_prepare(s, false, false, &b.put, d);
	if (!rc)
		rc = sq_prepare(s,
		                "SELECT id FROM recommendations WHERE ref = ?1",
		                &b.id_of, d);
	scan_all(&q);
	if (!rc)
		rc = sq_scan_run(s, &q, rebuild_one, &b, d);
	if (sq_state_indexes_on(s, &saved, !rc, d) && !rc)
		rc = OV_STORE_ERROR;
	if (!rc)
		rc = sq_exec(s,
		             "UPDATE store_meta SET value = 0"
		             " WHERE key = 'state_stale'",
		             d);
	sq_put_release(&b.put);
	sqlite3_finalize(b.id_of);
	if (!rc)
		rc = sq_commit(s, d);
	if (rc)
		sq_rollback(s);
	else if (n)
		*n = b.n;
	return rc;
}

/* Foreign keys off while it writes (outside the transaction: the pragma
 * is a no-op inside one), as for an import: with them on, SQLite deletes
 * a table that has any row by row, which took 70 s for the national
 * register's intervals (with them off, 0.4 s).  The rebuild writes rows of
 * recs that are there and nothing else. */
ov_store_rc sq_state_rebuild(void *impl, bool only_stale,
                             ov_store_fold_fn *fold, void *ctx, size_t *n,
                             ov_diag *d)
{
	sq *s = impl;
	ov_store_rc rc = sq_exec(s, "PRAGMA foreign_keys = OFF", d);

	if (!rc)
		rc = rebuild(s, only_stale, fold, ctx, n, d);
	if (sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) !=
	        SQLITE_OK &&
	    !rc)
		rc = sq_fail(s, d, "cannot turn foreign keys back on");
	return rc;
}

/* The stored state of a rec, if its copies of the rec's columns still
 * match the rec's row (else it is not that rec's state). */
static const char *const stored_sql =
    "SELECT " STATE_COLS " FROM rec_state s"
    " JOIN recommendations x ON x.id = s.rec WHERE x.ref = ?1"
    " AND s.ref = x.ref AND s.report = x.report AND s.force = x.force"
    " AND s.area IS x.area AND s.due IS x.due";

/* A rec's stored intervals, in date order; the last interval's state
 * comes as read_state reads it (a NULL last_event_date). */
static const char *const stored_iv_sql =
    "SELECT s.from_day, s.to_day, s.status, s.status_rank, s.status_date,"
    " s.rag, s.owner, s.closed_by, s.basis, s.last_update,"
    " s.last_update_date, NULL FROM rec_interval s"
    " JOIN recommendations x ON x.id = s.rec WHERE x.ref = ?1"
    " ORDER BY s.from_day";

typedef struct eacher {
	sq *s;
	sqlite3_stmt *get, *get_iv;
	ov_store_each_fn *fn;
	void *ctx;
	bool failed;
	ov_store_interval *iv; /* the rec's intervals, strings copied */
	size_t n_iv, cap;
} eacher;

static void drop_intervals(eacher *e)
{
	for (size_t k = 0; k < e->n_iv; k++) {
		ov_store_state *v = &e->iv[k].state;

		free((char *)v->owner);
		free((char *)v->closed_by);
		free((char *)v->basis);
		free((char *)v->last_update);
	}
	e->n_iv = 0;
}

static char *dup_or_null(const char *v)
{
	return v ? ov_xstrdup(v) : NULL;
}

/* The rec's intervals into e->iv; -1 for a failed read or a row that
 * cannot be an interval (then the rec has none that can be compared:
 * a damaged interval reads as missing). */
static int read_intervals(eacher *e, const char *ref)
{
	int step;

	drop_intervals(e);
	sqlite3_reset(e->get_iv);
	if (sq_bind_str(e->get_iv, 1, ref) != SQLITE_OK)
		return -1;
	while ((step = sqlite3_step(e->get_iv)) == SQLITE_ROW) {
		ov_store_interval *iv;
		sqlite3_int64 to = sqlite3_column_int64(e->get_iv, 1);

		OV_GROW(e->iv, e->cap, e->n_iv + 1);
		iv = &e->iv[e->n_iv];
		memset(iv, 0, sizeof *iv);
		if (read_state(e->get_iv, 2, &iv->state) < 0) {
			sqlite3_reset(e->get_iv);
			return 0;
		}
		iv->from = (ov_day)sqlite3_column_int64(e->get_iv, 0);
		iv->to = to >= IV_OPEN ? OV_DAY_NONE : (ov_day)to;
		iv->state.owner = dup_or_null(iv->state.owner);
		iv->state.closed_by = dup_or_null(iv->state.closed_by);
		iv->state.basis = dup_or_null(iv->state.basis);
		iv->state.last_update = dup_or_null(iv->state.last_update);
		e->n_iv++;
	}
	sqlite3_reset(e->get_iv);
	return step == SQLITE_DONE ? 0 : -1;
}

static int each_one(const ov_rec *rec, ov_day due, void *ctx)
{
	eacher *e = ctx;
	ov_store_derived v = {.iv = NULL, .n_iv = 0};
	const ov_store_derived *stored = NULL;
	int step, r;

	if (read_intervals(e, rec->ref) < 0) {
		e->failed = true;
		return -1;
	}
	sqlite3_reset(e->get);
	if (sq_bind_str(e->get, 1, rec->ref) != SQLITE_OK) {
		e->failed = true;
		return -1;
	}
	step = sqlite3_step(e->get);
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		e->failed = true;
		return -1;
	}
	/* A state that cannot be read is not the rec's state either. */
	if (step == SQLITE_ROW && read_state(e->get, 0, &v.now) == 0) {
		v.iv = e->iv;
		v.n_iv = e->n_iv;
		stored = &v;
	}
	r = e->fn(rec, due, stored, e->ctx);
	sqlite3_reset(e->get);
	return r;
}

ov_store_rc sq_state_each(void *impl, ov_store_each_fn *fn, void *ctx,
                          ov_diag *d)
{
	sq *s = impl;
	eacher e = {.s = s, .fn = fn, .ctx = ctx};
	ov_store_scan q;
	ov_store_rc rc = sq_begin(s, false, d);

	if (!rc)
		rc = sq_prepare(s, stored_sql, &e.get, d);
	if (!rc)
		rc = sq_prepare(s, stored_iv_sql, &e.get_iv, d);
	scan_all(&q);
	if (!rc)
		rc = sq_scan_run(s, &q, each_one, &e, d);
	if (rc && e.failed)
		rc = sq_fail(s, d, "cannot read the register's state");
	drop_intervals(&e);
	free(e.iv);
	sqlite3_finalize(e.get);
	sqlite3_finalize(e.get_iv);
	sq_rollback(s);
	return rc;
}
