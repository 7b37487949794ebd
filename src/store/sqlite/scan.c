/*
 * The SQLite backend: streaming recommendations with their timelines for
 * the register (ov_store_scan_recs).  Two statements walk in rec id order,
 * which is the order of the events table (clustered on rec, seq): the
 * recs that pass the column filters, and their events joined to them, so
 * each timeline is one range read next to the last.  The two are merged
 * by id.  Nothing here folds, filters on derived state or sorts: app/
 * does, once, over what is streamed.
 */
#include "store/sqlite/scan.h"

#include <stdlib.h>
#include <string.h>

#include "store/sqlite/sq.h"
#include "store/sqlite/tables.h"
#include "util/buf.h"
#include "util/mem.h"

/* Up to four filter values, bound in order as ?1.. */
typedef struct filters {
	ov_buf where;
	const char *str[4];
	ov_day due_before;
	int n_str;
} filters;

static void add_eq(filters *fl, const char *col, const char *v)
{
	if (!v)
		return;
	ov_buf_printf(&fl->where, " AND x.%s = ?%d", col, fl->n_str + 1);
	fl->str[fl->n_str++] = v;
}

static void build_filters(const ov_store_scan *q, filters *fl)
{
	add_eq(fl, "report", q->report);
	add_eq(fl, "area", q->area);
	add_eq(fl, "force", q->force);
	fl->due_before = q->due_before;
	if (q->due_before != OV_DAY_NONE)
		ov_buf_printf(&fl->where, " AND x.due < ?%d", fl->n_str + 1);
}

static int bind_filters(sqlite3_stmt *st, const filters *fl)
{
	int bad = 0;

	for (int i = 0; i < fl->n_str; i++)
		bad |= sq_bind_str(st, i + 1, fl->str[i]);
	if (fl->due_before != OV_DAY_NONE)
		bad |= sq_bind_day(st, fl->n_str + 1, fl->due_before, false);
	return bad;
}

/* The scalar columns of sh as x.col or e.col. */
static void put_cols(ov_buf *b, const ov_shape *sh, const char *p)
{
	for (size_t i = 0; i < sh->n_fields; i++) {
		const ov_field *f = &sh->fields[i];

		if (f->type != OV_F_STRV && f->type != OV_F_OBJV)
			ov_buf_printf(b, ", %s.%s", p, ov_field_col(f));
	}
}

static void recs_sql(ov_buf *b, const filters *fl)
{
	ov_buf_puts(b, "SELECT x.id, x.due");
	put_cols(b, &ov_shape_rec, "x");
	ov_buf_printf(b, " FROM recommendations x WHERE 1%s ORDER BY x.id",
		      ov_buf_str(&fl->where));
}

/* CROSS JOIN keeps recommendations the outer loop, so the events come in
 * (rec, seq) order without a sort. */
static void events_sql(ov_buf *b, const filters *fl, ov_day upto)
{
	ov_buf_puts(b, "SELECT x.id");
	put_cols(b, &ov_shape_event, "e");
	ov_buf_printf(b, " FROM recommendations x CROSS JOIN events e"
		      " ON e.rec = x.id WHERE 1%s", ov_buf_str(&fl->where));
	if (upto != OV_DAY_NONE)
		ov_buf_printf(b, " AND e.date <= %d", (int)upto);
	ov_buf_puts(b, " ORDER BY x.id, e.seq");
}

typedef struct scanner {
	sq *s;
	ov_diag *d;
	sqlite3_stmt *recs, *events;
	int ev_step;         /* the events cursor's last step */
	ov_rec rec;          /* the current rec, reused */
	size_t ev_cap;
} scanner;

static void rec_clear(scanner *sc)
{
	ov_event *evs = sc->rec.events;
	size_t n = sc->rec.n_events;

	for (size_t i = 0; i < n; i++)
		ov_event_release(&evs[i]);
	sc->rec.events = NULL;
	sc->rec.n_events = 0;
	ov_rec_release(&sc->rec);
	ov_rec_init(&sc->rec);
	sc->rec.events = evs;
}

/* The events child table, for its day-number date. */
static const sq_child *ev_table(void)
{
	return sq_child_of(sq_table_of(OV_ENT_REC), "timeline");
}

/* The events of rec id at the events cursor onto sc->rec. */
static int read_events(scanner *sc, sqlite3_int64 id)
{
	while (sc->ev_step == SQLITE_ROW &&
	       sqlite3_column_int64(sc->events, 0) < id)
		sc->ev_step = sqlite3_step(sc->events);
	while (sc->ev_step == SQLITE_ROW &&
	       sqlite3_column_int64(sc->events, 0) == id) {
		ov_event *e;

		OV_GROW(sc->rec.events, sc->ev_cap, sc->rec.n_events + 1);
		e = &sc->rec.events[sc->rec.n_events++];
		ov_event_init(e);
		if (sq_fields(sc->events, 1, &ov_shape_event, e, ev_table(), false) < 0)
			return -1;
		sc->ev_step = sqlite3_step(sc->events);
	}
	return 0;
}

static ov_store_rc run(scanner *sc, ov_store_rec_fn *fn, void *ctx)
{
	int step;

	if (sc->events)
		sc->ev_step = sqlite3_step(sc->events);
	while ((step = sqlite3_step(sc->recs)) == SQLITE_ROW) {
		sqlite3_int64 id = sqlite3_column_int64(sc->recs, 0);
		ov_day due;

		rec_clear(sc);
		if (sq_col_day(sc->recs, 1, false, &due) ||
		    sq_fields(sc->recs, 2, &ov_shape_rec, &sc->rec, NULL,
			      false) < 0 ||
		    !sc->rec.ref ||
		    (sc->events && read_events(sc, id)))
			return sq_damaged(sc->s, sc->d, "recommendation",
					  sc->rec.ref);
		if (fn(&sc->rec, due, ctx) < 0)
			return OV_STORE_ERROR;
	}
	if (step != SQLITE_DONE ||
	    (sc->events && sc->ev_step != SQLITE_ROW &&
	     sc->ev_step != SQLITE_DONE))
		return sq_fail(sc->s, sc->d, "cannot read the register");
	return OV_STORE_OK;
}

static ov_store_rc prepare(scanner *sc, const ov_store_scan *q,
			   const filters *fl)
{
	ov_buf sql = OV_BUF_INIT;
	ov_store_rc rc;

	recs_sql(&sql, fl);
	rc = sq_prepare(sc->s, ov_buf_str(&sql), &sc->recs, sc->d);
	if (!rc && q->timeline) {
		ov_buf_reset(&sql);
		events_sql(&sql, fl, q->events_upto);
		rc = sq_prepare(sc->s, ov_buf_str(&sql), &sc->events, sc->d);
	}
	if (!rc && (bind_filters(sc->recs, fl) ||
		    (sc->events && bind_filters(sc->events, fl))))
		rc = sq_fail(sc->s, sc->d, "cannot bind a value");
	ov_buf_release(&sql);
	return rc;
}

/* A read transaction, so recs and timelines are one state. */
ov_store_rc sq_scan_recs(void *impl, const ov_store_scan *q,
			 ov_store_rec_fn *fn, void *ctx, ov_diag *d)
{
	scanner sc = {.s = impl, .d = d};
	filters fl = {OV_BUF_INIT, {0}, OV_DAY_NONE, 0};
	ov_store_rc rc;

	ov_rec_init(&sc.rec);
	build_filters(q, &fl);
	rc = sq_begin(sc.s, false, d);
	if (!rc)
		rc = prepare(&sc, q, &fl);
	if (!rc)
		rc = run(&sc, fn, ctx);
	sq_rollback(sc.s);
	rec_clear(&sc);
	free(sc.rec.events);
	sqlite3_finalize(sc.recs);
	sqlite3_finalize(sc.events);
	ov_buf_release(&fl.where);
	return rc;
}
