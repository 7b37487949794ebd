/* The SQLite store: load, rec_get, counts. */
#include <stdlib.h>
#include <string.h>

#include "store/sqlite_int.h"
#include "util/mem.h"

/* Called for each row of a query; returns 0, or -1 to stop (then *why has
 * said what was wrong with the row). */
typedef int (*row_fn)(sqlite3_stmt *st, void *ctx);

/* Prepare sql, bind key (if given) as ?1, and feed every row to fn. */
static ov_store_rc each_row(ov_store *s, const char *sql, const char *key,
			    row_fn fn, void *ctx, ov_diag *d)
{
	sqlite3_stmt *st = NULL;
	ov_store_rc rc = ov_sql_prepare(s, sql, &st, d);
	int step;

	if (rc)
		goto out;
	if (sqlite3_bind_parameter_count(st) >= 1)
		ov_sql_bind_str(st, 1, key);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (fn(st, ctx) < 0) {
			ov_diag_add(d, "%s: a stored value is not valid "
				    "(database damaged?)", s->path);
			rc = OV_STORE_ERROR;
			goto out;
		}
	}
	if (step != SQLITE_DONE)
		rc = ov_sql_fail(s, d, "cannot read");
out:
	sqlite3_finalize(st);
	return rc;
}

static void col_prov(sqlite3_stmt *st, int i, ov_prov *p)
{
	p->assumed = sqlite3_column_int(st, i) != 0;
	p->note = ov_sql_col_str(st, i + 1);
}

/* -1 means unknown in the model; NULL in the table. */
static int col_count(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return -1;
	return sqlite3_column_int(st, i);
}

/* Enum columns: NULL reads as none (where the enum has one), anything the
 * CHECK constraints should have kept out is an error. */
#define COL_ENUM(st, i, E, out)                                               \
	(ov_##E##_parse(ov_sql_col_text((st), (i)), (out)) == 0 ? 0 : -1)

#define PUSH(arr, n, cap) (OV_GROW(arr, cap, (n) + 1), &(arr)[(n)++])

typedef struct loader {
	ov_dataset *ds;
	size_t cap;            /* of the array being filled */
	size_t cur, cur_cap;   /* parent being given children */
} loader;

static int row_force(sqlite3_stmt *st, void *ctx)
{
	loader *l = ctx;
	ov_force *f = PUSH(l->ds->forces, l->ds->n_forces, l->cap);

	f->code = ov_sql_col_str(st, 0);
	f->name = ov_sql_col_str(st, 1);
	col_prov(st, 2, &f->prov);
	return 0;
}

static int row_person(sqlite3_stmt *st, void *ctx)
{
	loader *l = ctx;
	ov_person *p = PUSH(l->ds->people, l->ds->n_people, l->cap);

	p->id = ov_sql_col_str(st, 0);
	p->name = ov_sql_col_str(st, 1);
	p->title = ov_sql_col_str(st, 2);
	col_prov(st, 3, &p->prov);
	return 0;
}

static int row_board(sqlite3_stmt *st, void *ctx)
{
	loader *l = ctx;
	ov_board *b = PUSH(l->ds->boards, l->ds->n_boards, l->cap);

	b->id = ov_sql_col_str(st, 0);
	b->name = ov_sql_col_str(st, 1);
	b->chair = ov_sql_col_str(st, 2);
	col_prov(st, 3, &b->prov);
	return 0;
}

static int row_plan(sqlite3_stmt *st, void *ctx)
{
	loader *l = ctx;
	ov_plan *p = PUSH(l->ds->plans, l->ds->n_plans, l->cap);

	p->id = ov_sql_col_str(st, 0);
	p->name = ov_sql_col_str(st, 1);
	p->board = ov_sql_col_str(st, 2);
	col_prov(st, 3, &p->prov);
	return 0;
}

static int row_report(sqlite3_stmt *st, void *ctx)
{
	loader *l = ctx;
	ov_report *r = PUSH(l->ds->reports, l->ds->n_reports, l->cap);

	ov_report_init(r);
	r->id = ov_sql_col_str(st, 0);
	r->title = ov_sql_col_str(st, 1);
	r->short_name = ov_sql_col_str(st, 2);
	r->published = ov_sql_col_pdate(st, 5);
	r->fieldwork_from = ov_sql_col_pdate(st, 6);
	r->fieldwork_to = ov_sql_col_pdate(st, 7);
	r->force_fieldwork = sqlite3_column_int(st, 8) != 0;
	r->force_fieldwork_when = ov_sql_col_pdate(st, 9);
	r->forces_in_scope = col_count(st, 10);
	r->forces_fieldwork = col_count(st, 11);
	r->received = ov_sql_col_day(st, 12);
	r->summary = ov_sql_col_str(st, 13);
	r->plan = ov_sql_col_str(st, 14);
	col_prov(st, 15, &r->prov);
	return COL_ENUM(st, 3, report_kind, &r->kind) |
	       COL_ENUM(st, 4, style, &r->style);
}

static int row_assessment(sqlite3_stmt *st, void *ctx)
{
	loader *l = ctx;
	ov_assessment *a = PUSH(l->ds->assessments, l->ds->n_assessments,
				l->cap);

	ov_assessment_init(a);
	a->id = ov_sql_col_str(st, 0);
	a->force = ov_sql_col_str(st, 1);
	a->year = sqlite3_column_int(st, 2);
	a->date = ov_sql_col_day(st, 3);
	a->label = ov_sql_col_str(st, 4);
	a->flag_note = ov_sql_col_str(st, 6);
	col_prov(st, 7, &a->prov);
	return COL_ENUM(st, 5, scale, &a->scale);
}

/* Children come ordered by their parent's id, as the parents are: walk
 * forward to the parent named in column 0. */
#define FIND_PARENT(l, arr, n, idfield, key)                                  \
	do {                                                                  \
		size_t start_ = (l)->cur;                                     \
		while ((l)->cur < (n) &&                                      \
		       strcmp((arr)[(l)->cur].idfield, (key)) < 0)            \
			(l)->cur++;                                           \
		if ((l)->cur >= (n) || strcmp((arr)[(l)->cur].idfield, (key)))\
			return -1;                                            \
		if ((l)->cur != start_)                                       \
			(l)->cur_cap = 0;                                     \
	} while (0)

static int row_question(sqlite3_stmt *st, void *ctx)
{
	loader *l = ctx;
	ov_assessment *a;
	ov_question *q;

	FIND_PARENT(l, l->ds->assessments, l->ds->n_assessments, id,
		    ov_sql_col_text(st, 0));
	a = &l->ds->assessments[l->cur];
	if (a->n_questions == 0)
		l->cur_cap = 0;
	q = PUSH(a->questions, a->n_questions, l->cur_cap);
	ov_question_init(q);
	q->number = sqlite3_column_int(st, 1);
	q->key = ov_sql_col_str(st, 2);
	q->pillar = ov_sql_col_str(st, 3);
	q->text = ov_sql_col_str(st, 4);
	q->lead = ov_sql_col_str(st, 5);
	q->flagged = sqlite3_column_int(st, 6) != 0;
	q->inspect = ov_sql_col_pdate(st, 8);
	if (sqlite3_column_type(st, 7) == SQLITE_NULL)
		return 0;
	return COL_ENUM(st, 7, grade, &q->grade);
}

static int row_rec(sqlite3_stmt *st, void *ctx)
{
	loader *l = ctx;
	ov_rec *r = PUSH(l->ds->recs, l->ds->n_recs, l->cap);

	ov_rec_init(r);
	r->ref = ov_sql_col_str(st, 0);
	r->report = ov_sql_col_str(st, 1);
	r->force = ov_sql_col_str(st, 2);
	r->area = ov_sql_col_str(st, 3);
	r->subject = ov_sql_col_str(st, 4);
	r->timescale = ov_sql_col_str(st, 7);
	r->due_given = ov_sql_col_day(st, 8);
	r->text = ov_sql_col_str(st, 9);
	r->sme = ov_sql_col_str(st, 10);
	r->plan = ov_sql_col_str(st, 11);
	r->finding = ov_sql_col_str(st, 12);
	r->response = ov_sql_col_str(st, 13);
	col_prov(st, 14, &r->prov);
	return COL_ENUM(st, 5, rec_kind, &r->kind) |
	       COL_ENUM(st, 6, addressee, &r->addressee);
}

static int row_bullet(sqlite3_stmt *st, void *ctx)
{
	loader *l = ctx;
	ov_rec *r;

	FIND_PARENT(l, l->ds->recs, l->ds->n_recs, ref,
		    ov_sql_col_text(st, 0));
	r = &l->ds->recs[l->cur];
	if (r->n_bullets == 0)
		l->cur_cap = 0;
	*PUSH(r->bullets, r->n_bullets, l->cur_cap) = ov_sql_col_str(st, 1);
	return 0;
}

static int row_event(sqlite3_stmt *st, void *ctx)
{
	loader *l = ctx;
	ov_rec *r;
	ov_event *e;

	FIND_PARENT(l, l->ds->recs, l->ds->n_recs, ref,
		    ov_sql_col_text(st, 0));
	r = &l->ds->recs[l->cur];
	if (r->n_events == 0)
		l->cur_cap = 0;
	e = PUSH(r->events, r->n_events, l->cur_cap);
	ov_event_init(e);
	e->date = ov_sql_col_day(st, 1);
	e->author = ov_sql_col_str(st, 3);
	e->text = ov_sql_col_str(st, 4);
	e->owner = ov_sql_col_str(st, 6);
	e->basis = ov_sql_col_str(st, 7);
	if (sqlite3_column_type(st, 5) != SQLITE_NULL &&
	    COL_ENUM(st, 5, rag, &e->rag) < 0)
		return -1;
	return COL_ENUM(st, 2, event_kind, &e->kind);
}

static int row_activity(sqlite3_stmt *st, void *ctx)
{
	loader *l = ctx;
	ov_activity *a = PUSH(l->ds->activities, l->ds->n_activities, l->cap);

	ov_activity_init(a);
	a->id = ov_sql_col_str(st, 0);
	a->force = ov_sql_col_str(st, 1);
	a->from = ov_sql_col_day(st, 2);
	a->to = ov_sql_col_day(st, 3);
	a->subject = ov_sql_col_str(st, 5);
	a->place = ov_sql_col_str(st, 6);
	a->question = ov_sql_col_str(st, 7);
	a->feedback_date = ov_sql_col_day(st, 8);
	a->feedback = ov_sql_col_str(st, 9);
	a->passed_to = ov_sql_col_str(st, 10);
	col_prov(st, 11, &a->prov);
	return COL_ENUM(st, 4, activity_kind, &a->kind);
}

static int row_meeting(sqlite3_stmt *st, void *ctx)
{
	loader *l = ctx;
	ov_meeting *m = PUSH(l->ds->meetings, l->ds->n_meetings, l->cap);

	ov_meeting_init(m);
	m->id = ov_sql_col_str(st, 0);
	m->force = ov_sql_col_str(st, 1);
	m->committee = ov_sql_col_str(st, 2);
	m->date = ov_sql_col_day(st, 3);
	m->agenda_item = ov_sql_col_str(st, 4);
	m->title = ov_sql_col_str(st, 5);
	m->purpose = ov_sql_col_str(st, 6);
	m->assessment = ov_sql_col_str(st, 7);
	m->background = ov_sql_col_str(st, 8);
	m->peel_note = ov_sql_col_str(st, 9);
	m->closures_note = ov_sql_col_str(st, 10);
	m->activities_note = ov_sql_col_str(st, 11);
	m->activities_after = ov_sql_col_str(st, 12);
	m->recommendations = ov_sql_col_str(st, 13);
	m->contact = ov_sql_col_str(st, 14);
	col_prov(st, 15, &m->prov);
	return 0;
}

static int row_review(sqlite3_stmt *st, void *ctx)
{
	loader *l = ctx;
	ov_meeting *m;
	ov_review *v;

	FIND_PARENT(l, l->ds->meetings, l->ds->n_meetings, id,
		    ov_sql_col_text(st, 0));
	m = &l->ds->meetings[l->cur];
	if (m->n_reviews == 0)
		l->cur_cap = 0;
	v = PUSH(m->reviews, m->n_reviews, l->cur_cap);
	v->report = ov_sql_col_str(st, 1);
	v->intro = ov_sql_col_str(st, 2);
	v->narrative = ov_sql_col_str(st, 3);
	return 0;
}

static int row_document(sqlite3_stmt *st, void *ctx)
{
	loader *l = ctx;
	ov_meeting *m;

	FIND_PARENT(l, l->ds->meetings, l->ds->n_meetings, id,
		    ov_sql_col_text(st, 0));
	m = &l->ds->meetings[l->cur];
	if (m->n_documents == 0)
		l->cur_cap = 0;
	*PUSH(m->documents, m->n_documents, l->cur_cap) = ov_sql_col_str(st, 1);
	return 0;
}

#define REC_COLS                                                              \
	"r.ref, r.report, r.force, r.area, r.subject, r.kind, r.addressee, "  \
	"r.timescale, r.due_given, r.text, r.sme, r.plan, r.finding, "        \
	"r.response, r.assumed, r.note"
#define EV_COLS "e.date, e.kind, e.author, e.text, e.rag, e.owner, e.basis"
/* ?1: a force code, or NULL for every force. */
#define BY_FORCE(t) " WHERE ?1 IS NULL OR " t ".force = ?1 "

/* One step of a load: the query and what to do with each row.  Children
 * come after their parents, ordered by the parents' ids. */
typedef struct load_step {
	const char *sql;
	row_fn fn;
	bool child;
} load_step;

static const load_step load_steps[] = {
	{"SELECT code, name, assumed, note FROM forces ORDER BY code",
	 row_force, false},
	{"SELECT id, name, title, assumed, note FROM people ORDER BY id",
	 row_person, false},
	{"SELECT id, name, chair, assumed, note FROM boards ORDER BY id",
	 row_board, false},
	{"SELECT id, name, board, assumed, note FROM plans ORDER BY id",
	 row_plan, false},
	{"SELECT id, title, short_name, kind, style, published, "
	 "fieldwork_from, fieldwork_to, force_fieldwork, "
	 "force_fieldwork_when, forces_in_scope, forces_fieldwork, received, "
	 "summary, plan, assumed, note FROM reports ORDER BY id",
	 row_report, false},
	{"SELECT id, force, year, date, label, scale, flag_note, assumed, "
	 "note FROM assessments a" BY_FORCE("a") "ORDER BY id",
	 row_assessment, false},
	{"SELECT q.assessment, q.number, q.key, q.pillar, q.text, q.lead, "
	 "q.flagged, q.grade, q.inspect FROM questions q JOIN assessments a "
	 "ON a.id = q.assessment" BY_FORCE("a") "ORDER BY q.assessment, q.seq",
	 row_question, true},
	{"SELECT " REC_COLS " FROM recommendations r" BY_FORCE("r")
	 "ORDER BY r.ref", row_rec, false},
	{"SELECT r.ref, b.text FROM bullets b JOIN recommendations r "
	 "ON r.id = b.rec" BY_FORCE("r") "ORDER BY r.ref, b.seq",
	 row_bullet, true},
	{"SELECT r.ref, " EV_COLS " FROM events e JOIN recommendations r "
	 "ON r.id = e.rec" BY_FORCE("r") "ORDER BY r.ref, e.seq",
	 row_event, true},
	{"SELECT id, force, date_from, date_to, kind, subject, place, "
	 "question, feedback_date, feedback, passed_to, assumed, note "
	 "FROM activities a" BY_FORCE("a") "ORDER BY id",
	 row_activity, false},
	{"SELECT id, force, committee, date, agenda_item, title, purpose, "
	 "assessment, background, peel_note, closures_note, activities_note, "
	 "activities_after, recommendations, contact, assumed, note "
	 "FROM meetings m" BY_FORCE("m") "ORDER BY id",
	 row_meeting, false},
	{"SELECT v.meeting, v.report, v.intro, v.narrative FROM reviews v "
	 "JOIN meetings m ON m.id = v.meeting" BY_FORCE("m")
	 "ORDER BY v.meeting, v.seq", row_review, true},
	{"SELECT c.meeting, c.text FROM documents c JOIN meetings m "
	 "ON m.id = c.meeting" BY_FORCE("m") "ORDER BY c.meeting, c.seq",
	 row_document, true},
};

/* A read transaction, so the load sees one consistent state even while
 * another process writes. */
ov_store_rc ov_store_load(ov_store *s, const char *force, ov_dataset **out,
			  ov_diag *d)
{
	ov_dataset *ds = ov_dataset_new();
	loader l = {.ds = ds};
	ov_store_rc rc = ov_sql_exec(s, "BEGIN", d);
	size_t n = sizeof load_steps / sizeof load_steps[0];

	*out = NULL;
	for (size_t i = 0; i < n && !rc; i++) {
		const load_step *ls = &load_steps[i];
		if (ls->child) {
			l.cur = 0;
			l.cur_cap = 0;
		} else {
			l.cap = 0;
		}
		rc = each_row(s, ls->sql, force, ls->fn, &l, d);
	}
	ov_sql_rollback(s);
	if (rc) {
		ov_dataset_free(ds);
		return rc;
	}
	ov_dataset_sort(ds);
	*out = ds;
	return OV_STORE_OK;
}

/* rec_get: the same readers over a one-rec "dataset". */
static const char *const get_sql[] = {
	"SELECT " REC_COLS " FROM recommendations r WHERE r.ref = ?1",
	"SELECT r.ref, b.text FROM bullets b JOIN recommendations r "
	"ON r.id = b.rec WHERE r.ref = ?1 ORDER BY b.seq",
	"SELECT r.ref, " EV_COLS " FROM events e JOIN recommendations r "
	"ON r.id = e.rec WHERE r.ref = ?1 ORDER BY e.seq",
};

ov_store_rc ov_store_rec_get(ov_store *s, const char *ref, ov_rec **out,
			     ov_diag *d)
{
	ov_dataset ds = {0};
	loader l = {.ds = &ds};
	row_fn fns[] = {row_rec, row_bullet, row_event};
	ov_store_rc rc = ov_sql_exec(s, "BEGIN", d);

	*out = NULL;
	for (size_t i = 0; i < 3 && !rc; i++) {
		l.cur = l.cur_cap = 0;
		rc = each_row(s, get_sql[i], ref, fns[i], &l, d);
		if (!rc && ds.n_recs == 0) {
			ov_diag_add(d, "no recommendation '%s' in %s", ref,
				    s->path);
			rc = OV_STORE_NOTFOUND;
		}
	}
	ov_sql_rollback(s);
	if (rc) {
		if (ds.recs)
			ov_rec_release(ds.recs);
		free(ds.recs);
		return rc;
	}
	*out = ds.recs;
	return OV_STORE_OK;
}

void ov_rec_free(ov_rec *r)
{
	ov_rec_release(r);
	free(r);
}

ov_store_rc ov_store_count(ov_store *s, ov_store_counts *out, ov_diag *d)
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
	ov_store_rc rc = ov_sql_prepare(s, sql, &st, d);

	memset(out, 0, sizeof *out);
	if (rc)
		goto out;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = ov_sql_fail(s, d, "cannot count rows");
		goto out;
	}
	for (int i = 0; i < 10; i++)
		*field[i] = (size_t)sqlite3_column_int64(st, i);
out:
	sqlite3_finalize(st);
	return rc;
}
