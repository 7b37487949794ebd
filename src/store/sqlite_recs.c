/*
 * The register as at a date.  SQL picks the candidates, the recs passing
 * the filters that do not depend on the fold (due, report, area, force),
 * in id order.  Each candidate's timeline up to the date is one range read
 * of the events table (clustered on rec, seq) and is folded by
 * ov_rec_fold (core/fold.h), so the fold has one implementation; the
 * filters on the folded state (status, RAG, owner, overdue, closed since)
 * are applied to its result.  The rows are then sorted by report, ref.
 *
 * When a filter needs the status (overdue, status, closed since), the
 * status of every rec is found first from the status events alone (the
 * narrow events_status index, read in one ordered scan and folded per rec
 * by ov_rec_fold: only status events change the status), and only the
 * candidates that pass have their whole timelines read.  That keeps
 * `recs --overdue` from reading every event of every rec due before the
 * date, and from a seek per candidate.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/sqlite_int.h"
#include "util/buf.h"
#include "util/mem.h"

/* Candidates with what a row shows.  With a status filter,
 * ov_status_passes() (defined for the query, below) drops the recs whose
 * status does not pass before the report is joined. */
static const char *const q_cands =
	"SELECT r.id, r.ref, r.report, p.title, r.force, r.area, r.subject,"
	" r.timescale, r.text, r.kind, r.addressee, r.due,"
	" coalesce(r.plan, p.plan)"
	" FROM recommendations r CROSS JOIN reports p ON p.id = r.report"
	" WHERE 1";
static const char *const q_status_ok = " AND ov_status_passes(r.id, r.due)";
/* In id order, which is the order of the events table, so the timelines
 * are read front to back (a fifth faster than in the register's order);
 * the rows are sorted by report, ref at the end. */
static const char *const q_order = " ORDER BY r.id";
/* The candidates' timelines, one stream in id order (the events table's
 * order, so each is a range read next to the last).  Only the id and due
 * date of the rec: a rec column in this statement is recomputed for every
 * event row, so the rest are read by q_cands for the rows that pass. */
static const char *const q_stream =
	"SELECT r.id, r.due, e.date, e.kind, e.author, e.text, e.rag,"
	" e.owner, e.basis"
	" FROM recommendations r CROSS JOIN events e ON e.rec = r.id"
	" WHERE 1";
static const char *const q_stream_order = " ORDER BY r.id, e.seq";
/* Every rec's status events up to the date, by rec (events_status). */
static const char *const q_status =
	"SELECT rec, date, kind FROM events WHERE kind <> 'update'"
	" AND kind <> 'rag' AND kind <> 'owner' AND date <= ?1"
	" ORDER BY rec, seq";
static const char *const q_max_id = "SELECT max(id) FROM recommendations";
static const char *const q_people =
	"SELECT id, name, title FROM people ORDER BY id";

enum { C_ID, C_REF, C_REPORT, C_TITLE, C_FORCE, C_AREA, C_SUBJECT,
       C_TIMESCALE, C_TEXT, C_KIND, C_ADDRESSEE, C_DUE, C_PLAN };
enum { S_ID, S_DUE, S_DATE, S_KIND, S_AUTHOR, S_TEXT, S_RAG, S_OWNER,
       S_BASIS };

static bool needs_status(const ov_rec_filter *f)
{
	return f->overdue || f->status_set || f->closed_since_set;
}

/* The filters that do not depend on the fold, after head's WHERE 1. */
static void build_sql(const ov_rec_filter *f, const char *head,
		      const char *order, ov_buf *b)
{
	ov_buf_puts(b, head);
	if (f->overdue)
		ov_buf_puts(b, " AND r.due < :asat");
	if (f->due_before != OV_DAY_NONE)
		ov_buf_puts(b, " AND r.due < :due_before");
	if (f->report)
		ov_buf_puts(b, " AND r.report = :report");
	if (f->area)
		ov_buf_puts(b, " AND r.area = :area");
	if (f->force)
		ov_buf_puts(b, " AND r.force = :force");
	if (needs_status(f))
		ov_buf_puts(b, q_status_ok);
	ov_buf_puts(b, order);
}

static void bind_filter(sqlite3_stmt *st, const ov_rec_filter *f)
{
	ov_sql_bind_named_day(st, ":asat", f->as_at);
	ov_sql_bind_named_day(st, ":due_before", f->due_before);
	ov_sql_bind_named_str(st, ":report", f->report);
	ov_sql_bind_named_str(st, ":area", f->area);
	ov_sql_bind_named_str(st, ":force", f->force);
}

/* One candidate's timeline up to the date, reused from rec to rec.  The
 * events' strings live in strs; while it grows they are kept as offsets
 * (NONE for NULL) and turned into pointers once the timeline is read. */
#define NONE ((size_t)-1)
typedef struct ev_strs {
	size_t author, text, owner, basis;
} ev_strs;

typedef struct timeline {
	ov_rec rec;
	size_t cap;
	ev_strs *offs;
	size_t offs_cap;
	ov_buf strs;
} timeline;

static size_t keep(timeline *t, sqlite3_stmt *st, int col)
{
	const unsigned char *v = sqlite3_column_text(st, col);
	size_t at = t->strs.len;

	if (!v)
		return NONE;
	ov_buf_add(&t->strs, v, (size_t)sqlite3_column_bytes(st, col) + 1);
	return at;
}

static char *str_at(timeline *t, size_t off)
{
	return off == NONE ? NULL : t->strs.data + off;
}

/* The fields of event e that the fold reads for its kind (fold.h's
 * table: an UPDATE's text, a RAG's rag, an OWNER's owner, a CLOSED's
 * author and basis, a SUPERSEDED's or NA's basis); the others stay
 * unset, so a timeline costs a column read per event, not seven. */
static int read_fields(timeline *t, sqlite3_stmt *ev, ov_event *e,
		       ev_strs *o)
{
	int bad = 0;

	e->rag = OV_RAG_NONE;
	o->author = o->text = o->owner = o->basis = NONE;
	switch (e->kind) {
	case OV_EV_UPDATE:
		o->text = keep(t, ev, S_TEXT);
		break;
	case OV_EV_RAG:
		if (sqlite3_column_type(ev, S_RAG) != SQLITE_NULL)
			bad = ov_rag_parse(ov_sql_col_text(ev, S_RAG),
					   &e->rag);
		break;
	case OV_EV_OWNER:
		o->owner = keep(t, ev, S_OWNER);
		break;
	case OV_EV_CLOSED:
		o->author = keep(t, ev, S_AUTHOR);
		o->basis = keep(t, ev, S_BASIS);
		break;
	case OV_EV_SUPERSEDED:
	case OV_EV_NA:
		o->basis = keep(t, ev, S_BASIS);
		break;
	case OV_EV_CREATED:
	case OV_EV_PROPOSED:
	case OV_EV_REOPENED:
		break;
	}
	return bad;
}

/* Read the stream's rows for the rec at the cursor (id), keeping the
 * events dated on or before as_at (they are in date order, so the first
 * later one ends the keeping; the rest are stepped over).  Leaves *step
 * at the first row of the next rec.  Returns 0, or -1 for a stored value
 * that is not valid. */
static int read_timeline(sqlite3_stmt *ev, sqlite3_int64 id, ov_day as_at,
			 timeline *t, int *step)
{
	int bad = 0;
	bool done = false;

	t->rec.n_events = 0;
	ov_buf_reset(&t->strs);
	do {
		ov_event *e;
		ev_strs *o;
		ov_day day;

		if (done)
			continue;
		day = ov_sql_col_daynum(ev, S_DATE);
		if (day == OV_DAY_NONE)
			return -1;
		if (day > as_at) {
			done = true;
			continue;
		}
		OV_GROW(t->rec.events, t->cap, t->rec.n_events + 1);
		OV_GROW(t->offs, t->offs_cap, t->rec.n_events + 1);
		e = &t->rec.events[t->rec.n_events];
		o = &t->offs[t->rec.n_events++];
		e->date = day;
		bad |= ov_event_kind_parse(ov_sql_col_text(ev, S_KIND),
					   &e->kind);
		bad |= read_fields(t, ev, e, o);
	} while ((*step = sqlite3_step(ev)) == SQLITE_ROW &&
		 sqlite3_column_int64(ev, S_ID) == id);
	for (size_t i = 0; i < t->rec.n_events; i++) {
		ov_event *e = &t->rec.events[i];
		e->author = str_at(t, t->offs[i].author);
		e->text = str_at(t, t->offs[i].text);
		e->owner = str_at(t, t->offs[i].owner);
		e->basis = str_at(t, t->offs[i].basis);
	}
	return bad;
}

static bool same_str(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* The filters that look only at the status a fold ends in; a rec not
 * yet created never passes. */
static bool status_passes(const ov_rec_filter *f, const ov_rec_state *st,
			  ov_day due)
{
	if (st->status == OV_STATUS_NONE)
		return false;
	if (f->overdue && !ov_rec_overdue(st, due, f->as_at))
		return false;
	if (f->status_set && st->status != f->status)
		return false;
	if (f->closed_since_set &&
	    (st->status != OV_STATUS_CLOSED ||
	     st->status_date <= f->closed_since))
		return false;
	return true;
}

static bool state_passes(const ov_rec_filter *f, const ov_rec_state *st,
			 ov_day due)
{
	if (!status_passes(f, st, due))
		return false;
	if (f->rag_set && st->rag != f->rag)
		return false;
	if (f->owner && !same_str(st->owner, f->owner))
		return false;
	return true;
}

/* The people, id-sorted, for owners' display names. */
typedef struct people {
	ov_person *p;
	char **disp;    /* ov_person_display() of each, made once */
	size_t n, cap;
} people;

static ov_store_rc load_people(ov_store *s, people *pp, ov_diag *d)
{
	sqlite3_stmt *st = NULL;
	ov_store_rc rc = ov_sql_prepare(s, q_people, &st, d);
	int step;

	if (rc)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		ov_person *p;
		OV_GROW(pp->p, pp->cap, pp->n + 1);
		p = &pp->p[pp->n++];
		memset(p, 0, sizeof *p);
		p->id = ov_sql_col_str(st, 0);
		p->name = ov_sql_col_str(st, 1);
		p->title = ov_sql_col_str(st, 2);
	}
	if (step != SQLITE_DONE)
		rc = ov_sql_fail(s, d, "cannot read people");
	sqlite3_finalize(st);
	pp->disp = ov_xcalloc(pp->n ? pp->n : 1, sizeof *pp->disp);
	for (size_t i = 0; i < pp->n; i++)
		pp->disp[i] = ov_person_display(&pp->p[i]);
	return rc;
}

static void people_free(people *pp)
{
	for (size_t i = 0; i < pp->n; i++) {
		free(pp->p[i].id);
		free(pp->p[i].name);
		free(pp->p[i].title);
		free(pp->disp ? pp->disp[i] : NULL);
	}
	free(pp->p);
	free(pp->disp);
}

static int cmp_person(const void *key, const void *elem)
{
	return strcmp(key, ((const ov_person *)elem)->id);
}

/* "Name, Title" of the owner, NULL if no owner, borrowed from pp or
 * (an owner missing from people, which the foreign key forbids: its id)
 * made in *tmp, which the caller frees. */
static const char *owner_display(const people *pp, const char *owner,
				 char **tmp)
{
	const ov_person *p;

	*tmp = NULL;
	if (!owner)
		return NULL;
	p = pp->n ? bsearch(owner, pp->p, pp->n, sizeof *pp->p, cmp_person)
		  : NULL;
	if (!p) {
		ov_person missing = {0};
		missing.id = (char *)owner;
		return *tmp = ov_person_display(&missing);
	}
	return pp->disp[p - pp->p];
}

/* A row's strings live in one block that starts with its ref (never
 * NULL: NOT NULL in the schema), so a row is one malloc and one free.
 * The fold's strings wait in the query's arena (offsets, NONE for NULL)
 * until the rec's columns are read. */
enum { RS_REF, RS_REPORT, RS_TITLE, RS_FORCE, RS_AREA, RS_SUBJECT,
       RS_TIMESCALE, RS_TEXT, RS_PLAN, RS_OWNER, RS_OWNER_NAME,
       RS_CLOSED_BY, RS_BASIS, RS_LAST_UPDATE, RS_N };

static char **row_field(ov_rec_row *r, int i)
{
	char **f[RS_N] = {
		&r->ref, &r->report, &r->report_title, &r->force, &r->area,
		&r->subject, &r->timescale, &r->text, &r->plan, &r->owner,
		&r->owner_name, &r->closed_by, &r->basis, &r->last_update};
	return f[i];
}

/* Point r's strings into one new block holding copies of v (NULLs stay
 * NULL). */
static void row_strings(ov_rec_row *r, const char *const v[RS_N])
{
	size_t len[RS_N], total = 0;
	char *p;

	for (int i = 0; i < RS_N; i++) {
		len[i] = v[i] ? strlen(v[i]) + 1 : 0;
		total += len[i];
	}
	p = ov_xmalloc(total ? total : 1);
	for (int i = 0; i < RS_N; i++) {
		*row_field(r, i) = v[i] ? memcpy(p, v[i], len[i]) : NULL;
		p += len[i];
	}
}

/* What the status filters need of a rec's fold, small so that the
 * array of every rec's stays in cache. */
typedef struct rec_status {
	enum ov_status status;
	ov_day date;
} rec_status;

typedef struct query {
	ov_store *s;
	const ov_rec_filter *f;
	sqlite3_stmt *cands, *stream;
	people pp;
	timeline t;
	rec_status *status;   /* by rec id, with a status filter */
	size_t n_status;
	ov_rec_row *out;
	struct passed {       /* of out's rows, by ascending id */
		sqlite3_int64 id;
		size_t owner, closed_by, basis, last_update; /* in fstrs */
	} *passed;
	ov_buf fstrs;
	size_t cnt, cap, passed_cap;
} query;

static size_t keep_str(ov_buf *b, const char *v)
{
	size_t at = b->len;

	if (!v)
		return NONE;
	ov_buf_add(b, v, strlen(v) + 1);
	return at;
}

static const char *fstr(const query *q, size_t off)
{
	return off == NONE ? NULL : q->fstrs.data + off;
}

static ov_store_rc damaged(query *q, sqlite3_int64 id, ov_diag *d)
{
	ov_diag_add(d, "%s: recommendation #%lld has a stored value that is "
		    "not valid (database damaged?)", q->s->path,
		    (long long)id);
	return OV_STORE_ERROR;
}

/* Fold the timeline of the rec at the stream's cursor; add the fold's
 * part of a row if it passes.  Leaves *step at the next rec's row. */
static ov_store_rc take(query *q, int *step, ov_diag *d)
{
	ov_rec_state fs;
	struct passed *p;
	ov_rec_row *r;
	sqlite3_int64 id = sqlite3_column_int64(q->stream, S_ID);
	ov_day due = ov_sql_col_day(q->stream, S_DUE);

	if (read_timeline(q->stream, id, q->f->as_at, &q->t, step) != 0)
		return damaged(q, id, d);
	ov_rec_fold(&q->t.rec, q->f->as_at, &fs);
	if (!state_passes(q->f, &fs, due))
		return OV_STORE_OK;
	OV_GROW(q->out, q->cap, q->cnt + 1);
	OV_GROW(q->passed, q->passed_cap, q->cnt + 1);
	p = &q->passed[q->cnt];
	r = &q->out[q->cnt++];
	p->id = id;
	p->owner = keep_str(&q->fstrs, fs.owner);
	p->closed_by = keep_str(&q->fstrs, fs.closed_by);
	p->basis = keep_str(&q->fstrs, fs.basis);
	p->last_update = keep_str(&q->fstrs, fs.last_update);
	memset(r, 0, sizeof *r);
	r->status = fs.status;
	r->status_date = fs.status_date;
	r->rag = fs.rag;
	r->last_update_date = fs.last_update_date;
	return OV_STORE_OK;
}

/* Fold every candidate's timeline, in id order. */
static ov_store_rc fold_all(query *q, ov_diag *d)
{
	ov_store_rc rc = OV_STORE_OK;
	int step = sqlite3_step(q->stream);

	while (!rc && step == SQLITE_ROW)
		rc = take(q, &step, d);
	if (!rc && step != SQLITE_DONE)
		rc = ov_sql_fail(q->s, d, "cannot read a timeline");
	return rc;
}

/* Complete row r (whose fold passed as p) from the rec's columns at
 * q_cands' cursor.  Enum codes come from CHECKed columns; a bad one, or
 * a NULL ref, means damage. */
static int row_rec(query *q, const struct passed *p, ov_rec_row *r)
{
	sqlite3_stmt *st = q->cands;
	const char *v[RS_N];
	char *tmp;
	int bad = 0;

	v[RS_REF] = (const char *)sqlite3_column_text(st, C_REF);
	v[RS_REPORT] = (const char *)sqlite3_column_text(st, C_REPORT);
	v[RS_TITLE] = (const char *)sqlite3_column_text(st, C_TITLE);
	v[RS_FORCE] = (const char *)sqlite3_column_text(st, C_FORCE);
	v[RS_AREA] = (const char *)sqlite3_column_text(st, C_AREA);
	v[RS_SUBJECT] = (const char *)sqlite3_column_text(st, C_SUBJECT);
	v[RS_TIMESCALE] = (const char *)sqlite3_column_text(st, C_TIMESCALE);
	v[RS_TEXT] = (const char *)sqlite3_column_text(st, C_TEXT);
	v[RS_PLAN] = (const char *)sqlite3_column_text(st, C_PLAN);
	v[RS_OWNER] = fstr(q, p->owner);
	v[RS_OWNER_NAME] = owner_display(&q->pp, v[RS_OWNER], &tmp);
	v[RS_CLOSED_BY] = fstr(q, p->closed_by);
	v[RS_BASIS] = fstr(q, p->basis);
	v[RS_LAST_UPDATE] = fstr(q, p->last_update);
	if (!v[RS_REF]) {
		free(tmp);
		return -1;
	}
	row_strings(r, v);
	free(tmp);
	bad |= ov_rec_kind_parse(ov_sql_col_text(st, C_KIND), &r->kind);
	bad |= ov_addressee_parse(ov_sql_col_text(st, C_ADDRESSEE),
				  &r->addressee);
	r->due = ov_sql_col_day(st, C_DUE);
	return bad;
}

/* The rec columns of the rows that passed: the candidates again, in id
 * order, merged with q->passed.  Every id must come back (one read
 * transaction); q_cands stops once the last has. */
static ov_store_rc fill_rows(query *q, ov_diag *d)
{
	size_t k = 0;
	int step = SQLITE_DONE;

	while (k < q->cnt && (step = sqlite3_step(q->cands)) == SQLITE_ROW) {
		sqlite3_int64 id = sqlite3_column_int64(q->cands, C_ID);

		if (id != q->passed[k].id)
			continue;
		if (row_rec(q, &q->passed[k], &q->out[k]) != 0)
			return damaged(q, id, d);
		k++;
	}
	if (k < q->cnt)
		return ov_sql_fail(q->s, d, "cannot read the register");
	return OV_STORE_OK;
}

/* Fold the status events of one rec (the rows from the cursor on with
 * its id) into q->status; leaves *step past them. */
static int fold_status(query *q, sqlite3_stmt *st, ov_rec *tl, size_t *cap,
		       int *step)
{
	sqlite3_int64 id = sqlite3_column_int64(st, 0);
	ov_rec_state fs;

	tl->n_events = 0;
	do {
		ov_event *e;
		OV_GROW(tl->events, *cap, tl->n_events + 1);
		e = &tl->events[tl->n_events++];
		ov_event_init(e);
		e->date = ov_sql_col_daynum(st, 1);
		if (e->date == OV_DAY_NONE ||
		    ov_event_kind_parse(ov_sql_col_text(st, 2), &e->kind) < 0)
			return -1;
	} while ((*step = sqlite3_step(st)) == SQLITE_ROW &&
		 sqlite3_column_int64(st, 0) == id);
	if (id < 0 || (size_t)id >= q->n_status)
		return -1;
	ov_rec_fold(tl, q->f->as_at, &fs);
	q->status[id].status = fs.status;
	q->status[id].date = fs.status_date;
	return 0;
}

static ov_store_rc read_statuses(query *q, ov_diag *d)
{
	sqlite3_stmt *st = NULL;
	ov_rec tl;
	size_t cap = 0;
	int step;
	ov_store_rc rc = ov_sql_prepare(q->s, q_max_id, &st, d);

	ov_rec_init(&tl);
	if (rc)
		goto out;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = ov_sql_fail(q->s, d, "cannot read the register");
		goto out;
	}
	q->n_status = (size_t)sqlite3_column_int64(st, 0) + 1;
	q->status = ov_xcalloc(q->n_status, sizeof *q->status);
	for (size_t i = 0; i < q->n_status; i++) {
		q->status[i].status = OV_STATUS_NONE;
		q->status[i].date = OV_DAY_NONE;
	}
	sqlite3_finalize(st);
	rc = ov_sql_prepare(q->s, q_status, &st, d);
	if (rc)
		goto out;
	ov_sql_bind_daynum(st, 1, q->f->as_at);
	step = sqlite3_step(st);
	while (step == SQLITE_ROW) {
		if (fold_status(q, st, &tl, &cap, &step) < 0) {
			rc = damaged(q, sqlite3_column_int64(st, 0), d);
			goto out;
		}
	}
	if (step != SQLITE_DONE)
		rc = ov_sql_fail(q->s, d, "cannot read the register");
out:
	sqlite3_finalize(st);
	free(tl.events);
	return rc;
}

/* ov_status_passes(id, due): whether rec id's status as at the date
 * passes the status filters.  Arguments that cannot be a rec's are a
 * damaged database: the function fails the query. */
static void sql_status_passes(sqlite3_context *cx, int argc,
			      sqlite3_value **argv)
{
	query *q = sqlite3_user_data(cx);
	sqlite3_int64 id = sqlite3_value_int64(argv[0]);
	const unsigned char *due_text = sqlite3_value_text(argv[1]);
	ov_day due = OV_DAY_NONE;
	ov_rec_state fs;

	(void)argc;
	if (id < 0 || (size_t)id >= q->n_status) {
		sqlite3_result_error(cx, "a rec id is out of range", -1);
		return;
	}
	/* Most recs fail on their status alone: no due date to parse. */
	if (q->status[id].status == OV_STATUS_NONE ||
	    (q->f->overdue && !ov_status_is_live(q->status[id].status))) {
		sqlite3_result_int(cx, 0);
		return;
	}
	if (due_text && ov_date_parse((const char *)due_text, &due) < 0) {
		sqlite3_result_error(cx, "a due date is not valid", -1);
		return;
	}
	ov_rec_fold(NULL, q->f->as_at, &fs);
	fs.status = q->status[id].status;
	fs.status_date = q->status[id].date;
	sqlite3_result_int(cx, status_passes(q->f, &fs, due));
}

static ov_store_rc define_status_passes(query *q, bool on, ov_diag *d)
{
	int rc = sqlite3_create_function(q->s->db, "ov_status_passes", 2,
					 SQLITE_UTF8 | SQLITE_DIRECTONLY,
					 q, on ? sql_status_passes : NULL,
					 NULL, NULL);

	if (rc != SQLITE_OK && on)
		return ov_sql_fail(q->s, d, "cannot define a function");
	return OV_STORE_OK;
}

static ov_store_rc prepare_all(query *q, const char *cands_sql,
			       const char *stream_sql, ov_diag *d)
{
	ov_store_rc rc = OV_STORE_OK;

	if (needs_status(q->f)) {
		rc = read_statuses(q, d);
		if (!rc)
			rc = define_status_passes(q, true, d);
	}
	if (!rc)
		rc = ov_sql_prepare(q->s, cands_sql, &q->cands, d);
	if (!rc)
		rc = ov_sql_prepare(q->s, stream_sql, &q->stream, d);
	if (!rc)
		rc = load_people(q->s, &q->pp, d);
	return rc;
}

static void query_release(query *q)
{
	sqlite3_finalize(q->cands);
	sqlite3_finalize(q->stream);
	if (needs_status(q->f))
		define_status_passes(q, false, NULL);
	people_free(&q->pp);
	free(q->t.rec.events);
	free(q->t.offs);
	ov_buf_release(&q->t.strs);
	free(q->status);
	free(q->passed);
	ov_buf_release(&q->fstrs);
}

/* Free the strings of n rows, not the array: each row's are one block
 * starting at its ref (see row_strings). */
static void rows_release(ov_rec_row *rows, size_t n)
{
	for (size_t i = 0; rows && i < n; i++)
		free(rows[i].ref);
}

/* The register's order: report, then ref (which is unique).  Sorted
 * as small keys, then the rows moved once: a row is ten times a key. */
typedef struct sort_key {
	uint64_t report8, ref8; /* first 8 bytes, big-endian, NUL-padded */
	const char *report, *ref;
	size_t at;
} sort_key;

/* A string's first 8 bytes as a number that orders as strcmp does
 * (bytes unsigned, a shorter string padded with NULs, which sort
 * first); only equal prefixes need the strings themselves. */
static uint64_t prefix8(const char *s)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++) {
		v <<= 8;
		if (*s)
			v |= (unsigned char)*s++;
	}
	return v;
}

static int cmp_str8(uint64_t a8, uint64_t b8, const char *a, const char *b)
{
	if (a8 != b8)
		return a8 < b8 ? -1 : 1;
	return strcmp(a, b);
}

static int cmp_key(const void *a, const void *b)
{
	const sort_key *x = a, *y = b;
	int c = cmp_str8(x->report8, y->report8, x->report, y->report);

	return c ? c : cmp_str8(x->ref8, y->ref8, x->ref, y->ref);
}

/* Sort q->out and keep the first f->limit rows (if a limit is set). */
static void order_rows(query *q)
{
	if (q->cnt > 1) {
		sort_key *k = ov_xmalloc(q->cnt * sizeof *k);
		ov_rec_row *sorted = ov_xmalloc(q->cnt * sizeof *sorted);

		for (size_t i = 0; i < q->cnt; i++) {
			k[i].report = q->out[i].report;
			k[i].ref = q->out[i].ref;
			k[i].report8 = prefix8(k[i].report);
			k[i].ref8 = prefix8(k[i].ref);
			k[i].at = i;
		}
		qsort(k, q->cnt, sizeof *k, cmp_key);
		for (size_t i = 0; i < q->cnt; i++)
			sorted[i] = q->out[k[i].at];
		free(k);
		free(q->out);
		q->out = sorted;
		q->cap = q->cnt;
	}
	if (q->f->limit && q->cnt > q->f->limit) {
		rows_release(q->out + q->f->limit, q->cnt - q->f->limit);
		q->cnt = q->f->limit;
	}
}

/* A read transaction, so candidates and timelines are one state. */
ov_store_rc ov_store_recs(ov_store *s, const ov_rec_filter *f,
			  ov_rec_row **rows, size_t *n, ov_diag *d)
{
	query q = {.s = s, .f = f};
	ov_buf sql = OV_BUF_INIT, stream_sql = OV_BUF_INIT;
	ov_store_rc rc;

	*rows = NULL;
	*n = 0;
	ov_rec_init(&q.t.rec);
	build_sql(f, q_cands, q_order, &sql);
	build_sql(f, q_stream, q_stream_order, &stream_sql);
	rc = ov_sql_exec(s, "BEGIN", d);
	if (!rc)
		rc = prepare_all(&q, ov_buf_str(&sql), ov_buf_str(&stream_sql),
				 d);
	if (rc)
		goto out;
	bind_filter(q.stream, f);
	bind_filter(q.cands, f);
	rc = fold_all(&q, d);
	if (!rc)
		rc = fill_rows(&q, d);
	if (!rc)
		order_rows(&q);
out:
	query_release(&q);
	ov_sql_rollback(s);
	ov_buf_release(&sql);
	ov_buf_release(&stream_sql);
	if (rc) {
		ov_rec_rows_free(q.out, q.cnt);
		return rc;
	}
	*rows = q.out;
	*n = q.cnt;
	return OV_STORE_OK;
}

void ov_rec_rows_free(ov_rec_row *rows, size_t n)
{
	rows_release(rows, n);
	free(rows);
}
