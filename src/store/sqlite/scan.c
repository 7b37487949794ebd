/*
 * The SQLite backend: streaming recommendations with their timelines for
 * the register (ov_store_scan_recs).  The statements walk in rec id order,
 * which is the order of the events table (clustered on rec, seq): the
 * recs that pass the column filters, their events joined to them (each
 * timeline one range read next to the last), and, when the caller wants a
 * look first, the events of the kinds it asks for, date and kind only
 * (with the RAG of RAG events when it asks for those).  For the status
 * kinds that read is the narrow events_status index of the
 * schema, a fifth of the events.  The cursors are merged by id.  Nothing
 * here folds, filters on derived state or sorts: app/ does, once, over
 * what is streamed; which kinds it looks at is its choice.
 */
#include "store/sqlite/scan.h"

#include <stdlib.h>
#include <string.h>

#include "store/sqlite/search.h"
#include "store/sqlite/sq.h"
#include "store/sqlite/tables.h"
#include "util/buf.h"
#include "util/mem.h"

/* Up to four strings, bound in order as ?1.., then the due date and the
 * search words, each at its own parameter (0: not there). */
typedef struct filters {
	ov_buf where;
	const char *str[4];
	int n_str;
	ov_day due_before;
	int due_param;
	ov_buf match;
	int match_param;
} filters;

static void add_eq(filters *fl, const char *col, const char *v)
{
	if (!v)
		return;
	ov_buf_printf(&fl->where, " AND x.%s = ?%d", col, fl->n_str + 1);
	fl->str[fl->n_str++] = v;
}

/* -1 (a problem in d) if the search words cannot be read. */
static int build_filters(sq *s, const ov_store_scan *q, filters *fl,
			 ov_diag *d)
{
	int next, r;

	add_eq(fl, "report", q->report);
	add_eq(fl, "area", q->area);
	add_eq(fl, "force", q->force);
	next = fl->n_str + 1;
	fl->due_before = q->due_before;
	if (q->due_before != OV_DAY_NONE) {
		fl->due_param = next++;
		ov_buf_printf(&fl->where, " AND x.due < ?%d", fl->due_param);
	}
	/* The recs walk in id order here: each is looked up among the
	 * matches, made once. */
	r = sq_search_words(s, q->q, &fl->match, d);
	if (r == 1) {
		fl->match_param = next;
		ov_buf_printf(&fl->where,
			      " AND x.id IN (SELECT rowid FROM rec_search"
			      " WHERE rec_search MATCH ?%d)",
			      next);
	} else if (r == 2) {
		ov_buf_puts(&fl->where, " AND 0");
	}
	return r < 0 ? -1 : 0;
}

static int bind_filters(sqlite3_stmt *st, const filters *fl)
{
	int bad = 0;

	for (int i = 0; st && i < fl->n_str; i++)
		bad |= sq_bind_str(st, i + 1, fl->str[i]);
	if (st && fl->due_param)
		bad |= sq_bind_day(st, fl->due_param, fl->due_before, false);
	if (st && fl->match_param)
		bad |= sq_bind_str(st, fl->match_param, ov_buf_str(&fl->match));
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

/* The columns a look at a rec reads first: id, due, ref, report, force. */
enum { R_ID, R_DUE, R_REF, R_REPORT, R_FORCE, R_FIELDS };

static void recs_sql(ov_buf *b, const filters *fl)
{
	ov_buf_puts(b, "SELECT x.id, x.due, x.ref, x.report, x.force");
	put_cols(b, &ov_shape_rec, "x");
	ov_buf_printf(b, " FROM recommendations x WHERE 1%s ORDER BY x.id",
		      ov_buf_str(&fl->where));
}

/* One rec's events (?1 its id), for the recs a look chose: a seek each
 * costs less than stepping over the timelines of the many it skipped. */
static void one_timeline_sql(ov_buf *b, ov_day upto)
{
	ov_buf_puts(b, "SELECT e.rec");
	put_cols(b, &ov_shape_event, "e");
	ov_buf_puts(b, " FROM events e WHERE e.rec = ?1");
	if (upto != OV_DAY_NONE)
		ov_buf_printf(b, " AND e.date <= %d", (int)upto);
	ov_buf_puts(b, " ORDER BY e.seq");
}

/* A look that names RAG events also sees their RAG (a status-only look
 * reads no more than the events_status index holds). */
static bool probe_rag(unsigned kinds)
{
	return (kinds & (1u << OV_EV_RAG)) != 0;
}

/* The events of the recs that pass the filters, in (rec, seq) order
 * without a sort: with filters, CROSS JOIN keeps recommendations the
 * outer loop; without, the events table is read in its own (clustered)
 * order, which spares a seek per rec (half the time of a look over the
 * whole register).  The columns: the rec's id, then the event's (probe:
 * date and kind, and rag when RAG events are asked for).  kinds (probe
 * only): the kinds kept, as "kind <> 'code'" terms for the others, which
 * is how the events_status index is written (a bound parameter would not
 * let SQLite use it); the codes are core's constants, never data. */
static void events_sql(ov_buf *b, const filters *fl, ov_day upto,
		       bool probe, unsigned kinds)
{
	bool join = fl->where.len > 0;

	ov_buf_puts(b, join ? "SELECT x.id" : "SELECT e.rec");
	if (probe)
		ov_buf_puts(b, probe_rag(kinds) ? ", e.date, e.kind, e.rag"
						: ", e.date, e.kind");
	else
		put_cols(b, &ov_shape_event, "e");
	if (join)
		ov_buf_printf(b, " FROM recommendations x CROSS JOIN events e"
			      " ON e.rec = x.id WHERE 1%s",
			      ov_buf_str(&fl->where));
	else
		ov_buf_puts(b, " FROM events e WHERE 1");
	if (upto != OV_DAY_NONE)
		ov_buf_printf(b, " AND e.date <= %d", (int)upto);
	for (int k = 0; probe && k <= OV_EV_TARGET; k++)
		if (!(kinds & (1u << k)))
			ov_buf_printf(b, " AND e.kind <> '%s'",
				      ov_event_kind_code(k));
	ov_buf_puts(b, join ? " ORDER BY x.id, e.seq"
			    : " ORDER BY e.rec, e.seq");
}

/* A cursor over events in rec id order, and the timeline it fills. */
typedef struct evcur {
	sqlite3_stmt *st;
	int step;      /* its last step */
	bool probe;    /* date and kind only (and rag, with rag) */
	bool rag;
	bool seek;     /* st reads one rec's, bound as ?1 */
	ov_event *evs;
	size_t n, cap;
} evcur;

typedef struct scanner {
	sq *s;
	ov_diag *d;
	const ov_store_scan *q;
	sqlite3_stmt *recs;
	evcur full, probe;
	ov_rec rec;    /* the current rec, reused */
} scanner;

/* The events child table, for its day-number date. */
static const sq_child *ev_table(void)
{
	return sq_child_of(sq_table_of(OV_ENT_REC), "timeline");
}

static int read_event(evcur *c, ov_event *e)
{
	ov_event_init(e);
	if (!c->probe)
		return sq_fields(c->st, 1, &ov_shape_event, e, ev_table(),
				 false) < 0 ? -1 : 0;
	if (sq_col_day(c->st, 1, true, &e->date) < 0 ||
	    ov_event_kind_parse(sq_col_text(c->st, 2), &e->kind) < 0)
		return -1;
	if (c->rag && sqlite3_column_type(c->st, 3) != SQLITE_NULL &&
	    ov_rag_parse(sq_col_text(c->st, 3), &e->rag) < 0)
		return -1;
	return 0;
}

/* Free what the last timeline read holds. */
static void clear_events(evcur *c)
{
	for (size_t i = 0; !c->probe && i < c->n; i++)
		ov_event_release(&c->evs[i]);
	c->n = 0;
}

/* The events of rec id at the cursor into c->evs (keep) or stepped over;
 * those of earlier recs (skipped ones) are stepped over first. */
static int read_events(evcur *c, sqlite3_int64 id, bool keep)
{
	clear_events(c);
	if (c->seek) {
		sqlite3_reset(c->st);
		if (sqlite3_bind_int64(c->st, 1, id) != SQLITE_OK)
			return -1;
		c->step = sqlite3_step(c->st);
	}
	while (c->step == SQLITE_ROW && sqlite3_column_int64(c->st, 0) < id)
		c->step = sqlite3_step(c->st);
	while (c->step == SQLITE_ROW && sqlite3_column_int64(c->st, 0) == id) {
		if (keep) {
			OV_GROW(c->evs, c->cap, c->n + 1);
			if (read_event(c, &c->evs[c->n++]) < 0)
				return -1;
		}
		c->step = sqlite3_step(c->st);
	}
	return 0;
}

/* The look: ref, report and force (borrowed from the row), probe
 * events.  Returns want's answer, or -2 for a damaged row. */
static int look(scanner *sc, sqlite3_int64 id, ov_day due, void *ctx)
{
	ov_rec brief;

	ov_rec_init(&brief);
	brief.ref = (char *)sqlite3_column_text(sc->recs, R_REF);
	brief.report = (char *)sqlite3_column_text(sc->recs, R_REPORT);
	brief.force = (char *)sqlite3_column_text(sc->recs, R_FORCE);
	if (!brief.ref || (sc->q->timeline && read_events(&sc->probe, id,
							  true) < 0))
		return -2;
	brief.events = sc->probe.evs;
	brief.n_events = sc->probe.n;
	return sc->q->want(&brief, due, ctx);
}

/* The whole rec at the cursor, its columns and timeline, to fn. */
static ov_store_rc take(scanner *sc, sqlite3_int64 id, ov_day due,
			ov_store_rec_fn *fn, void *ctx)
{
	clear_events(&sc->full);
	ov_rec_release(&sc->rec);
	ov_rec_init(&sc->rec);
	if (sq_fields(sc->recs, R_FIELDS, &ov_shape_rec, &sc->rec, NULL,
		      false) < 0 ||
	    !sc->rec.ref ||
	    (sc->full.st && read_events(&sc->full, id, true) < 0))
		return sq_damaged(sc->s, sc->d, "recommendation", NULL);
	sc->rec.events = sc->full.evs;
	sc->rec.n_events = sc->full.n;
	if (fn(&sc->rec, due, ctx) < 0)
		return OV_STORE_ERROR;
	sc->rec.events = NULL;
	sc->rec.n_events = 0;
	return OV_STORE_OK;
}

static ov_store_rc run(scanner *sc, ov_store_rec_fn *fn, void *ctx)
{
	ov_store_rc rc = OV_STORE_OK;
	int step;

	sc->full.step = sc->full.st && !sc->full.seek ? sqlite3_step(sc->full.st)
						      : SQLITE_DONE;
	sc->probe.step = sc->probe.st ? sqlite3_step(sc->probe.st)
				      : SQLITE_DONE;
	while (!rc && (step = sqlite3_step(sc->recs)) == SQLITE_ROW) {
		sqlite3_int64 id = sqlite3_column_int64(sc->recs, R_ID);
		int want = 1;
		ov_day due;

		if (sq_col_day(sc->recs, R_DUE, false, &due) < 0)
			return sq_damaged(sc->s, sc->d, "recommendation",
					  NULL);
		if (sc->q->want)
			want = look(sc, id, due, ctx);
		if (want == -2)
			return sq_damaged(sc->s, sc->d, "recommendation",
					  NULL);
		if (want < 0)
			return OV_STORE_ERROR;
		if (want)
			rc = take(sc, id, due, fn, ctx);
	}
	if (!rc && (step != SQLITE_DONE ||
		    (sc->full.step != SQLITE_ROW &&
		     sc->full.step != SQLITE_DONE) ||
		    (sc->probe.step != SQLITE_ROW &&
		     sc->probe.step != SQLITE_DONE)))
		rc = sq_fail(sc->s, sc->d, "cannot read the register");
	return rc;
}

static ov_store_rc prepare(scanner *sc, const filters *fl)
{
	const ov_store_scan *q = sc->q;
	ov_buf sql = OV_BUF_INIT;
	ov_store_rc rc;

	recs_sql(&sql, fl);
	rc = sq_prepare(sc->s, ov_buf_str(&sql), &sc->recs, sc->d);
	if (!rc && q->timeline) {
		ov_buf_reset(&sql);
		sc->full.seek = q->want != NULL;
		if (sc->full.seek)
			one_timeline_sql(&sql, q->events_upto);
		else
			events_sql(&sql, fl, q->events_upto, false, 0);
		rc = sq_prepare(sc->s, ov_buf_str(&sql), &sc->full.st, sc->d);
	}
	if (!rc && q->timeline && q->want) {
		ov_buf_reset(&sql);
		events_sql(&sql, fl, q->events_upto, true, q->probe_kinds);
		rc = sq_prepare(sc->s, ov_buf_str(&sql), &sc->probe.st,
				sc->d);
		sc->probe.probe = true;
		sc->probe.rag = probe_rag(q->probe_kinds);
	}
	if (!rc && (bind_filters(sc->recs, fl) ||
		    (!sc->full.seek && bind_filters(sc->full.st, fl)) ||
		    bind_filters(sc->probe.st, fl)))
		rc = sq_fail(sc->s, sc->d, "cannot bind a value");
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
	sqlite3_finalize(sc->recs);
	sqlite3_finalize(sc->full.st);
	sqlite3_finalize(sc->probe.st);
}

ov_store_rc sq_scan_run(sq *s, const ov_store_scan *q, ov_store_rec_fn *fn,
			void *ctx, ov_diag *d)
{
	scanner sc = {.s = s, .d = d, .q = q};
	filters fl = {.where = OV_BUF_INIT, .match = OV_BUF_INIT};
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
	ov_buf_release(&fl.match);
	return rc;
}

/* A read transaction, so recs and timelines are one state. */
ov_store_rc sq_scan_recs(void *impl, const ov_store_scan *q,
			 ov_store_rec_fn *fn, void *ctx, ov_diag *d)
{
	sq *s = impl;
	ov_store_rc rc = sq_begin(s, false, d);

	if (!rc)
		rc = sq_scan_run(s, q, fn, ctx, d);
	sq_rollback(s);
	return rc;
}
