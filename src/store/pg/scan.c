/*
 * The PostgreSQL backend: streaming recommendations with their timelines
 * for the register (ov_store_scan_recs), as the SQLite backend's
 * (sqlite/scan.c): the recs that pass the column filters in id order,
 * their events in (rec, seq) order, and, when the caller wants a look
 * first, the events of the kinds it asks for (date and kind, and the RAG
 * of RAG events).  Each is a server-side cursor read in batches, so a
 * national register streams in bounded memory; the cursors are merged by
 * rec id.  Nothing here folds, filters on derived state or sorts for
 * display.
 */
#include <stdlib.h>
#include <string.h>

#include "store/pg/ops.h"
#include "util/mem.h"

/* The filters of a scan, on recommendations "x", and their values. */
typedef struct filters {
	ov_buf where;
	pg_params p;
} filters;

static void add_eq(filters *fl, const char *col, const char *v)
{
	if (!v)
		return;
	pg_p_str(&fl->p, v);
	ov_buf_printf(&fl->where, " AND x.%s = $%d", col, fl->p.n);
}

static int build_filters(pg *s, const ov_store_scan *q, filters *fl, ov_diag *d)
{
	ov_buf terms = OV_BUF_INIT;
	int r;

	add_eq(fl, "report", q->report);
	add_eq(fl, "area", q->area);
	add_eq(fl, "force", q->force);
	if (q->due_before != OV_DAY_NONE) {
		pg_p_day(&fl->p, q->due_before);
		ov_buf_printf(&fl->where, " AND x.due < $%d", fl->p.n);
	}
	r = pg_search_terms(s, q->q, &terms, d);
	if (r == 1) {
		pg_p_str(&fl->p, ov_buf_str(&terms));
		ov_buf_printf(&fl->where,
		              " AND x.id IN (SELECT rec FROM rec_search"
		              " WHERE terms @> $%d::text[])",
		              fl->p.n);
	} else if (r == 2) {
		ov_buf_puts(&fl->where, " AND false");
	}
	ov_buf_release(&terms);
	return r < 0 ? -1 : 0;
}

/* The columns a look reads first: id, due, ref, report, force. */
enum { R_ID, R_DUE, R_REF, R_REPORT, R_FORCE, R_FIELDS };

static void recs_sql(ov_buf *b, const filters *fl)
{
	ov_buf_puts(b, "SELECT x.id, x.due, x.ref, x.report, x.force, ");
	ov_store_sql_cols(b, &ov_shape_rec, "x", 0);
	ov_buf_printf(b, " FROM recommendations x WHERE true%s ORDER BY x.id",
	              ov_buf_str(&fl->where));
}

/* The events of the recs that pass the filters, in (rec, seq) order:
 * the rec's id, then the event's columns (probe: date, kind and rag).
 * upto and kinds are parameters after the filters'. */
static void events_sql(ov_buf *b, filters *fl, pg_params *p, ov_day upto,
                       bool probe, unsigned kinds)
{
	bool join = fl->where.len > 0;

	for (int i = 0; i < fl->p.n; i++)
		pg_p_str(p, fl->p.v[i]);
	ov_buf_puts(b, "SELECT e.rec, ");
	if (probe)
		ov_buf_puts(b, "e.date, e.kind, e.rag");
	else
		ov_store_sql_cols(b, &ov_shape_event, "e", 0);
	if (join)
		ov_buf_printf(b,
		              " FROM recommendations x JOIN events e"
		              " ON e.rec = x.id WHERE true%s",
		              ov_buf_str(&fl->where));
	else
		ov_buf_puts(b, " FROM events e WHERE true");
	if (upto != OV_DAY_NONE) {
		pg_p_day(p, upto);
		ov_buf_printf(b, " AND e.date <= $%d", p->n);
	}
	if (probe) {
		ov_buf codes = OV_BUF_INIT;

		ov_buf_putc(&codes, '{');
		for (int k = 0, n = 0; k <= OV_EV_TARGET; k++)
			if (kinds & (1u << k))
				ov_buf_printf(&codes, "%s%s", n++ ? "," : "",
				              ov_event_kind_code(k));
		ov_buf_putc(&codes, '}');
		pg_p_str(p, ov_buf_str(&codes));
		ov_buf_printf(b, " AND e.kind = ANY ($%d::text[])", p->n);
		ov_buf_release(&codes);
	}
	ov_buf_puts(b, " ORDER BY e.rec, e.seq");
}

/* The events of one rec ($1), for the recs a look chose. */
static void one_timeline_sql(ov_buf *b, ov_day upto)
{
	ov_buf_puts(b, "SELECT e.rec, ");
	ov_store_sql_cols(b, &ov_shape_event, "e", 0);
	ov_buf_puts(b, " FROM events e WHERE e.rec = $1");
	if (upto != OV_DAY_NONE)
		ov_buf_puts(b, " AND e.date <= $2");
	ov_buf_puts(b, " ORDER BY e.seq");
}

typedef struct evs {
	pg_cursor c;
	bool used, probe;
	ov_event *evs;
	size_t n, cap;
	int step; /* the cursor's last cur_next */
} evs;

typedef struct scanner {
	pg *s;
	ov_diag *d;
	const ov_store_scan *q;
	pg_cursor recs;
	evs full, probe;
	bool seek; /* full timelines read one rec at a time */
	ov_buf one_sql;
	ov_rec rec;
} scanner;

static void clear_events(evs *e)
{
	for (size_t i = 0; !e->probe && i < e->n; i++)
		ov_event_release(&e->evs[i]);
	e->n = 0;
}

static int read_event(const PGresult *res, int r, bool probe, ov_event *e)
{
	const char *rag;

	ov_event_init(e);
	if (!probe)
		return pg_fields_read(res, r, 1, &ov_shape_event, e) < 0 ? -1
		                                                         : 0;
	rag = pg_val(res, r, 3);
	if (pg_day_read(pg_val(res, r, 1), &e->date) < 0 ||
	    !pg_val(res, r, 2) ||
	    ov_event_kind_parse(pg_val(res, r, 2), &e->kind) < 0 ||
	    (rag && ov_rag_parse(rag, &e->rag) < 0))
		return -1;
	return 0;
}

/* Rec id's events at the cursor into e (keep) or stepped over. */
static int read_events(scanner *sc, evs *e, long long id, bool keep)
{
	clear_events(e);
	while (e->step == 1 && pg_cur_id(&e->c) < id)
		e->step = pg_cur_next(sc->s, &e->c, sc->d);
	while (e->step == 1 && pg_cur_id(&e->c) == id) {
		if (keep) {
			OV_GROW(e->evs, e->cap, e->n + 1);
			if (read_event(e->c.res, e->c.row, e->probe,
			               &e->evs[e->n++]) < 0)
				return -2;
		}
		e->step = pg_cur_next(sc->s, &e->c, sc->d);
	}
	return e->step < 0 ? -1 : 0;
}

/* One rec's timeline by a query of its own. */
static int seek_events(scanner *sc, long long id)
{
	pg_params p = {0};
	PGresult *res = NULL;
	int r = 0;

	clear_events(&sc->full);
	pg_p_int(&p, id);
	if (sc->q->events_upto != OV_DAY_NONE)
		pg_p_day(&p, sc->q->events_upto);
	if (pg_run(sc->s, ov_buf_str(&sc->one_sql), &p, &res,
	           "cannot read a timeline", NULL, NULL, sc->d) != OV_STORE_OK)
		r = -1;
	for (int i = 0; !r && i < PQntuples(res); i++) {
		OV_GROW(sc->full.evs, sc->full.cap, sc->full.n + 1);
		if (read_event(res, i, false, &sc->full.evs[sc->full.n++]) < 0)
			r = -2;
	}
	PQclear(res);
	pg_params_release(&p);
	return r;
}

/* The look: ref, report, force and the probe's events; want's answer,
 * -2 for a damaged row, -3 for a failed read. */
static int look(scanner *sc, long long id, ov_day due, void *ctx)
{
	const PGresult *res = sc->recs.res;
	int row = sc->recs.row;
	ov_rec brief;
	int r = 0;

	ov_rec_init(&brief);
	brief.ref = (char *)pg_val(res, row, R_REF);
	brief.report = (char *)pg_val(res, row, R_REPORT);
	brief.force = (char *)pg_val(res, row, R_FORCE);
	if (sc->q->timeline)
		r = read_events(sc, &sc->probe, id, true);
	if (r == -1)
		return -3;
	if (!brief.ref || r < 0)
		return -2;
	brief.events = sc->probe.evs;
	brief.n_events = sc->probe.n;
	return sc->q->want(&brief, due, ctx);
}

static ov_store_rc take(scanner *sc, long long id, ov_day due,
                        ov_store_rec_fn *fn, void *ctx)
{
	int r = 0;

	clear_events(&sc->full);
	ov_rec_release(&sc->rec);
	ov_rec_init(&sc->rec);
	if (pg_fields_read(sc->recs.res, sc->recs.row, R_FIELDS, &ov_shape_rec,
	                   &sc->rec) < 0 ||
	    !sc->rec.ref)
		return pg_damaged(sc->s, sc->d, "recommendation", NULL);
	if (sc->q->timeline)
		r = sc->seek ? seek_events(sc, id)
		             : read_events(sc, &sc->full, id, true);
	if (r == -1)
		return OV_STORE_ERROR;
	if (r < 0)
		return pg_damaged(sc->s, sc->d, "recommendation", sc->rec.ref);
	sc->rec.events = sc->full.evs;
	sc->rec.n_events = sc->full.n;
	r = fn(&sc->rec, due, ctx);
	sc->rec.events = NULL;
	sc->rec.n_events = 0;
	return r < 0 ? OV_STORE_ERROR : OV_STORE_OK;
}

static ov_store_rc run(scanner *sc, ov_store_rec_fn *fn, void *ctx)
{
	ov_store_rc rc = OV_STORE_OK;
	int step;

	if (sc->full.used)
		sc->full.step = pg_cur_next(sc->s, &sc->full.c, sc->d);
	if (sc->probe.used)
		sc->probe.step = pg_cur_next(sc->s, &sc->probe.c, sc->d);
	if (sc->full.step < 0 || sc->probe.step < 0)
		return OV_STORE_ERROR;
	while (!rc && (step = pg_cur_next(sc->s, &sc->recs, sc->d)) == 1) {
		long long id = pg_cur_id(&sc->recs);
		int want = 1;
		ov_day due;

		if (pg_day_read(pg_val(sc->recs.res, sc->recs.row, R_DUE),
		                &due) < 0)
			return pg_damaged(sc->s, sc->d, "recommendation", NULL);
		if (sc->q->want)
			want = look(sc, id, due, ctx);
		if (want == -2)
			return pg_damaged(sc->s, sc->d, "recommendation", NULL);
		if (want < 0)
			return OV_STORE_ERROR;
		if (want)
			rc = take(sc, id, due, fn, ctx);
	}
	if (!rc && step < 0)
		rc = OV_STORE_ERROR;
	return rc;
}

static ov_store_rc prepare(scanner *sc, filters *fl)
{
	const ov_store_scan *q = sc->q;
	ov_buf sql = OV_BUF_INIT;
	pg_params p = {0};
	ov_store_rc rc;

	recs_sql(&sql, fl);
	rc = pg_cur_open(sc->s, &sc->recs, "ov_recs", ov_buf_str(&sql), &fl->p,
	                 sc->d);
	sc->seek = q->timeline && q->want;
	if (sc->seek)
		one_timeline_sql(&sc->one_sql, q->events_upto);
	if (!rc && q->timeline && !sc->seek) {
		ov_buf_reset(&sql);
		events_sql(&sql, fl, &p, q->events_upto, false, 0);
		rc = pg_cur_open(sc->s, &sc->full.c, "ov_events",
		                 ov_buf_str(&sql), &p, sc->d);
		sc->full.used = rc == OV_STORE_OK;
	}
	if (!rc && q->timeline && q->want) {
		ov_buf_reset(&sql);
		pg_params_release(&p);
		events_sql(&sql, fl, &p, q->events_upto, true, q->probe_kinds);
		rc = pg_cur_open(sc->s, &sc->probe.c, "ov_probe",
		                 ov_buf_str(&sql), &p, sc->d);
		sc->probe.used = rc == OV_STORE_OK;
		sc->probe.probe = true;
	}
	pg_params_release(&p);
	ov_buf_release(&sql);
	return rc;
}

static void release(scanner *sc)
{
	clear_events(&sc->full);
	clear_events(&sc->probe);
	free(sc->full.evs);
	free(sc->probe.evs);
	ov_rec_release(&sc->rec);
	pg_cur_close(sc->s, &sc->recs);
	pg_cur_close(sc->s, &sc->full.c);
	pg_cur_close(sc->s, &sc->probe.c);
	ov_buf_release(&sc->one_sql);
}

ov_store_rc pg_scan_run(pg *s, const ov_store_scan *q, ov_store_rec_fn *fn,
                        void *ctx, ov_diag *d)
{
	scanner sc = {.s = s, .d = d, .q = q, .one_sql = OV_BUF_INIT};
	filters fl = {.where = OV_BUF_INIT};
	ov_store_rc rc = OV_STORE_OK;

	ov_rec_init(&sc.rec);
	if (build_filters(s, q, &fl, d) < 0)
		rc = OV_STORE_ERROR;
	if (!rc)
		rc = prepare(&sc, &fl);
	if (!rc)
		rc = run(&sc, fn, ctx);
	release(&sc);
	ov_buf_release(&fl.where);
	pg_params_release(&fl.p);
	return rc;
}

/* A read transaction: recs and timelines are one snapshot. */
ov_store_rc pg_scan_recs(void *impl, const ov_store_scan *q,
                         ov_store_rec_fn *fn, void *ctx, ov_diag *d)
{
	pg *s = impl;
	ov_store_rc rc = pg_begin(s, false, d);

	if (!rc)
		rc = pg_scan_run(s, q, fn, ctx, d);
	pg_rollback(s);
	return rc;
}
