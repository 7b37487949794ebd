/* The SQLite store: import and append. */
#include <stdlib.h>
#include <string.h>

#include "store/sqlite_int.h"

/* One prepared INSERT per table, reused for every row of an import. */
enum ins {
	INS_FORCE, INS_PERSON, INS_BOARD, INS_PLAN, INS_REPORT, INS_ASSESS,
	INS_QUESTION, INS_REC, INS_BULLET, INS_EVENT, INS_ACTIVITY,
	INS_MEETING, INS_REVIEW, INS_DOCUMENT, INS_REPORT_PUB, INS_N
};

static const char *const ins_sql[INS_N] = {
	[INS_FORCE] = "INSERT INTO forces (code, name, assumed, note) "
		      "VALUES (?1, ?2, ?3, ?4)",
	[INS_PERSON] = "INSERT INTO people (id, name, title, assumed, note) "
		       "VALUES (?1, ?2, ?3, ?4, ?5)",
	[INS_BOARD] = "INSERT INTO boards (id, name, chair, assumed, note) "
		      "VALUES (?1, ?2, ?3, ?4, ?5)",
	[INS_PLAN] = "INSERT INTO plans (id, name, board, assumed, note) "
		     "VALUES (?1, ?2, ?3, ?4, ?5)",
	[INS_REPORT] = "INSERT INTO reports (id, title, short_name, kind, "
		       "style, published, fieldwork_from, fieldwork_to, "
		       "force_fieldwork, force_fieldwork_when, "
		       "forces_in_scope, forces_fieldwork, received, summary, "
		       "plan, assumed, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
		       "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
	[INS_ASSESS] = "INSERT INTO assessments (id, force, year, date, "
		       "label, scale, flag_note, assumed, note) "
		       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[INS_QUESTION] = "INSERT INTO questions (assessment, seq, number, "
			 "key, pillar, text, lead, flagged, grade, inspect) "
			 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[INS_REC] = "INSERT INTO recommendations (ref, report, force, area, "
		    "subject, kind, addressee, timescale, due_given, due, "
		    "text, sme, plan, finding, response, assumed, note) "
		    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
		    "?12, ?13, ?14, ?15, ?16, ?17)",
	[INS_BULLET] = "INSERT INTO bullets (rec, seq, text) "
		       "VALUES (?1, ?2, ?3)",
	[INS_EVENT] = "INSERT INTO events (rec, seq, date, kind, author, "
		      "text, rag, owner, basis) "
		      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[INS_ACTIVITY] = "INSERT INTO activities (id, force, date_from, "
			 "date_to, kind, subject, place, question, "
			 "feedback_date, feedback, passed_to, assumed, note) "
			 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
			 "?11, ?12, ?13)",
	[INS_MEETING] = "INSERT INTO meetings (id, force, committee, date, "
			"agenda_item, title, purpose, assessment, background, "
			"peel_note, closures_note, activities_note, "
			"activities_after, recommendations, contact, assumed, "
			"note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
			"?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
	[INS_REVIEW] = "INSERT INTO reviews (meeting, seq, report, intro, "
		       "narrative) VALUES (?1, ?2, ?3, ?4, ?5)",
	[INS_DOCUMENT] = "INSERT INTO documents (meeting, seq, text) "
			 "VALUES (?1, ?2, ?3)",
	[INS_REPORT_PUB] = "SELECT published FROM reports WHERE id = ?1",
};

/* Children first, so no foreign key is ever left dangling. */
static const char *const delete_all_sql =
	"DELETE FROM documents; DELETE FROM reviews; DELETE FROM meetings;"
	"DELETE FROM activities; DELETE FROM events; DELETE FROM bullets;"
	"DELETE FROM recommendations; DELETE FROM questions;"
	"DELETE FROM assessments; DELETE FROM reports; DELETE FROM plans;"
	"DELETE FROM boards; DELETE FROM people; DELETE FROM forces;";

typedef struct importer {
	ov_store *s;
	const ov_dataset *ds;
	sqlite3_stmt *st[INS_N];
	ov_diag *d;
} importer;

/* Run one bound INSERT and make it ready for the next row.  A constraint
 * names the entity and id: an id already there is a conflict, anything
 * else (a missing link, a bad code) breaks a rule. */
static ov_store_rc run(importer *im, enum ins which, const char *entity,
		       const char *id)
{
	sqlite3_stmt *st = im->st[which];
	int rc = sqlite3_step(st);
	ov_store_rc out = OV_STORE_OK;

	if (rc == SQLITE_DONE)
		goto out;
	if (rc == SQLITE_CONSTRAINT_PRIMARYKEY ||
	    (rc == SQLITE_CONSTRAINT_UNIQUE && which != INS_EVENT)) {
		ov_diag_add(im->d, "%s: %s '%s' is already in the database",
			    im->s->path, entity, id ? id : "");
		out = OV_STORE_CONFLICT;
	} else if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		ov_diag_add(im->d, "%s: %s '%s' cannot be stored: %s",
			    im->s->path, entity, id ? id : "",
			    sqlite3_errmsg(im->s->db));
		out = OV_STORE_INVALID;
	} else {
		ov_diag_add(im->d, "%s: cannot store %s '%s': %s",
			    im->s->path, entity, id ? id : "",
			    sqlite3_errmsg(im->s->db));
		out = OV_STORE_ERROR;
	}
out:
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return out;
}

static void bind_prov(sqlite3_stmt *st, int i, const ov_prov *p)
{
	ov_sql_bind_int(st, i, p->assumed);
	ov_sql_bind_str(st, i + 1, p->note);
}

static ov_store_rc put_forces(importer *im)
{
	sqlite3_stmt *st = im->st[INS_FORCE];
	ov_store_rc rc = OV_STORE_OK;

	for (size_t i = 0; i < im->ds->n_forces && !rc; i++) {
		const ov_force *f = &im->ds->forces[i];
		ov_sql_bind_str(st, 1, f->code);
		ov_sql_bind_str(st, 2, f->name);
		bind_prov(st, 3, &f->prov);
		rc = run(im, INS_FORCE, "force", f->code);
	}
	return rc;
}

static ov_store_rc put_people(importer *im)
{
	sqlite3_stmt *st = im->st[INS_PERSON];
	ov_store_rc rc = OV_STORE_OK;

	for (size_t i = 0; i < im->ds->n_people && !rc; i++) {
		const ov_person *p = &im->ds->people[i];
		ov_sql_bind_str(st, 1, p->id);
		ov_sql_bind_str(st, 2, p->name);
		ov_sql_bind_str(st, 3, p->title);
		bind_prov(st, 4, &p->prov);
		rc = run(im, INS_PERSON, "person", p->id);
	}
	return rc;
}

static ov_store_rc put_boards_plans(importer *im)
{
	sqlite3_stmt *st = im->st[INS_BOARD];
	ov_store_rc rc = OV_STORE_OK;

	for (size_t i = 0; i < im->ds->n_boards && !rc; i++) {
		const ov_board *b = &im->ds->boards[i];
		ov_sql_bind_str(st, 1, b->id);
		ov_sql_bind_str(st, 2, b->name);
		ov_sql_bind_str(st, 3, b->chair);
		bind_prov(st, 4, &b->prov);
		rc = run(im, INS_BOARD, "board", b->id);
	}
	st = im->st[INS_PLAN];
	for (size_t i = 0; i < im->ds->n_plans && !rc; i++) {
		const ov_plan *p = &im->ds->plans[i];
		ov_sql_bind_str(st, 1, p->id);
		ov_sql_bind_str(st, 2, p->name);
		ov_sql_bind_str(st, 3, p->board);
		bind_prov(st, 4, &p->prov);
		rc = run(im, INS_PLAN, "plan", p->id);
	}
	return rc;
}

/* -1 in the model means unknown; the table says NULL. */
static void bind_count(sqlite3_stmt *st, int i, int v)
{
	if (v < 0)
		sqlite3_bind_null(st, i);
	else
		ov_sql_bind_int(st, i, v);
}

static ov_store_rc put_report(importer *im, const ov_report *r)
{
	sqlite3_stmt *st = im->st[INS_REPORT];

	ov_sql_bind_str(st, 1, r->id);
	ov_sql_bind_str(st, 2, r->title);
	ov_sql_bind_str(st, 3, r->short_name);
	ov_sql_bind_str(st, 4, ov_report_kind_code(r->kind));
	ov_sql_bind_str(st, 5, ov_style_code(r->style));
	ov_sql_bind_pdate(st, 6, r->published);
	ov_sql_bind_pdate(st, 7, r->fieldwork_from);
	ov_sql_bind_pdate(st, 8, r->fieldwork_to);
	ov_sql_bind_int(st, 9, r->force_fieldwork);
	ov_sql_bind_pdate(st, 10, r->force_fieldwork_when);
	bind_count(st, 11, r->forces_in_scope);
	bind_count(st, 12, r->forces_fieldwork);
	ov_sql_bind_day(st, 13, r->received);
	ov_sql_bind_str(st, 14, r->summary);
	ov_sql_bind_str(st, 15, r->plan);
	bind_prov(st, 16, &r->prov);
	return run(im, INS_REPORT, "report", r->id);
}

static ov_store_rc put_questions(importer *im, const ov_assessment *a)
{
	sqlite3_stmt *st = im->st[INS_QUESTION];
	ov_store_rc rc = OV_STORE_OK;

	for (size_t i = 0; i < a->n_questions && !rc; i++) {
		const ov_question *q = &a->questions[i];
		ov_sql_bind_str(st, 1, a->id);
		ov_sql_bind_int(st, 2, (long long)i);
		ov_sql_bind_int(st, 3, q->number);
		ov_sql_bind_str(st, 4, q->key);
		ov_sql_bind_str(st, 5, q->pillar);
		ov_sql_bind_str(st, 6, q->text);
		ov_sql_bind_str(st, 7, q->lead);
		ov_sql_bind_int(st, 8, q->flagged);
		ov_sql_bind_str(st, 9, q->grade == OV_GRADE_NONE
					       ? NULL
					       : ov_grade_code(q->grade));
		ov_sql_bind_pdate(st, 10, q->inspect);
		rc = run(im, INS_QUESTION, "assessment question", a->id);
	}
	return rc;
}

static ov_store_rc put_assessment(importer *im, const ov_assessment *a)
{
	sqlite3_stmt *st = im->st[INS_ASSESS];
	ov_store_rc rc;

	ov_sql_bind_str(st, 1, a->id);
	ov_sql_bind_str(st, 2, a->force);
	ov_sql_bind_int(st, 3, a->year);
	ov_sql_bind_day(st, 4, a->date);
	ov_sql_bind_str(st, 5, a->label);
	ov_sql_bind_str(st, 6, ov_scale_code(a->scale));
	ov_sql_bind_str(st, 7, a->flag_note);
	bind_prov(st, 8, &a->prov);
	rc = run(im, INS_ASSESS, "assessment", a->id);
	return rc ? rc : put_questions(im, a);
}

/* The report a rec belongs to may already be in the store (an import of
 * recommendations alone); its publication date is all ov_rec_due needs. */
static ov_day rec_due(importer *im, const ov_rec *r)
{
	const ov_report *rep = ov_dataset_find_report(im->ds, r->report);
	sqlite3_stmt *st = im->st[INS_REPORT_PUB];
	ov_report tmp;

	if (rep || r->due_given != OV_DAY_NONE || !r->timescale)
		return ov_rec_due(r, rep);
	ov_report_init(&tmp);
	ov_sql_bind_str(st, 1, r->report);
	if (sqlite3_step(st) == SQLITE_ROW)
		tmp.published = ov_sql_col_pdate(st, 0);
	sqlite3_reset(st);
	return ov_rec_due(r, &tmp);
}

static ov_store_rc put_timeline(importer *im, const ov_rec *r,
				sqlite3_int64 id)
{
	sqlite3_stmt *st = im->st[INS_BULLET];
	ov_store_rc rc = OV_STORE_OK;

	for (size_t i = 0; i < r->n_bullets && !rc; i++) {
		ov_sql_bind_int(st, 1, id);
		ov_sql_bind_int(st, 2, (long long)i);
		ov_sql_bind_str(st, 3, r->bullets[i]);
		rc = run(im, INS_BULLET, "recommendation bullet", r->ref);
	}
	st = im->st[INS_EVENT];
	for (size_t i = 0; i < r->n_events && !rc; i++) {
		const ov_event *e = &r->events[i];
		ov_sql_bind_int(st, 1, id);
		ov_sql_bind_int(st, 2, (long long)i);
		ov_sql_bind_day(st, 3, e->date);
		ov_sql_bind_str(st, 4, ov_event_kind_code(e->kind));
		ov_sql_bind_str(st, 5, e->author);
		ov_sql_bind_str(st, 6, e->text);
		ov_sql_bind_str(st, 7, e->rag == OV_RAG_NONE
					       ? NULL
					       : ov_rag_code(e->rag));
		ov_sql_bind_str(st, 8, e->owner);
		ov_sql_bind_str(st, 9, e->basis);
		rc = run(im, INS_EVENT, "recommendation event", r->ref);
	}
	return rc;
}

static ov_store_rc put_rec(importer *im, const ov_rec *r)
{
	sqlite3_stmt *st = im->st[INS_REC];
	ov_store_rc rc;

	ov_sql_bind_str(st, 1, r->ref);
	ov_sql_bind_str(st, 2, r->report);
	ov_sql_bind_str(st, 3, r->force);
	ov_sql_bind_str(st, 4, r->area);
	ov_sql_bind_str(st, 5, r->subject);
	ov_sql_bind_str(st, 6, ov_rec_kind_code(r->kind));
	ov_sql_bind_str(st, 7, ov_addressee_code(r->addressee));
	ov_sql_bind_str(st, 8, r->timescale);
	ov_sql_bind_day(st, 9, r->due_given);
	ov_sql_bind_day(st, 10, rec_due(im, r));
	ov_sql_bind_str(st, 11, r->text);
	ov_sql_bind_str(st, 12, r->sme);
	ov_sql_bind_str(st, 13, r->plan);
	ov_sql_bind_str(st, 14, r->finding);
	ov_sql_bind_str(st, 15, r->response);
	bind_prov(st, 16, &r->prov);
	rc = run(im, INS_REC, "recommendation", r->ref);
	if (rc)
		return rc;
	return put_timeline(im, r, sqlite3_last_insert_rowid(im->s->db));
}

static ov_store_rc put_activity(importer *im, const ov_activity *a)
{
	sqlite3_stmt *st = im->st[INS_ACTIVITY];

	ov_sql_bind_str(st, 1, a->id);
	ov_sql_bind_str(st, 2, a->force);
	ov_sql_bind_day(st, 3, a->from);
	ov_sql_bind_day(st, 4, a->to);
	ov_sql_bind_str(st, 5, ov_activity_kind_code(a->kind));
	ov_sql_bind_str(st, 6, a->subject);
	ov_sql_bind_str(st, 7, a->place);
	ov_sql_bind_str(st, 8, a->question);
	ov_sql_bind_day(st, 9, a->feedback_date);
	ov_sql_bind_str(st, 10, a->feedback);
	ov_sql_bind_str(st, 11, a->passed_to);
	bind_prov(st, 12, &a->prov);
	return run(im, INS_ACTIVITY, "activity", a->id);
}

static ov_store_rc put_meeting_parts(importer *im, const ov_meeting *m)
{
	sqlite3_stmt *st = im->st[INS_REVIEW];
	ov_store_rc rc = OV_STORE_OK;

	for (size_t i = 0; i < m->n_reviews && !rc; i++) {
		ov_sql_bind_str(st, 1, m->id);
		ov_sql_bind_int(st, 2, (long long)i);
		ov_sql_bind_str(st, 3, m->reviews[i].report);
		ov_sql_bind_str(st, 4, m->reviews[i].intro);
		ov_sql_bind_str(st, 5, m->reviews[i].narrative);
		rc = run(im, INS_REVIEW, "meeting review", m->id);
	}
	st = im->st[INS_DOCUMENT];
	for (size_t i = 0; i < m->n_documents && !rc; i++) {
		ov_sql_bind_str(st, 1, m->id);
		ov_sql_bind_int(st, 2, (long long)i);
		ov_sql_bind_str(st, 3, m->documents[i]);
		rc = run(im, INS_DOCUMENT, "meeting document", m->id);
	}
	return rc;
}

static ov_store_rc put_meeting(importer *im, const ov_meeting *m)
{
	sqlite3_stmt *st = im->st[INS_MEETING];
	const char *text[] = {m->committee, NULL, m->agenda_item, m->title,
			      m->purpose, m->assessment, m->background,
			      m->peel_note, m->closures_note,
			      m->activities_note, m->activities_after,
			      m->recommendations, m->contact};
	ov_store_rc rc;

	ov_sql_bind_str(st, 1, m->id);
	ov_sql_bind_str(st, 2, m->force);
	for (int i = 0; i < (int)(sizeof text / sizeof text[0]); i++)
		ov_sql_bind_str(st, 3 + i, text[i]);
	ov_sql_bind_day(st, 4, m->date);
	bind_prov(st, 16, &m->prov);
	rc = run(im, INS_MEETING, "meeting", m->id);
	return rc ? rc : put_meeting_parts(im, m);
}

static ov_store_rc put_all(importer *im,
			   void (*progress)(size_t, size_t, void *), void *arg)
{
	const ov_dataset *ds = im->ds;
	ov_store_rc rc = put_forces(im);

	if (!rc)
		rc = put_people(im);
	if (!rc)
		rc = put_boards_plans(im);
	for (size_t i = 0; i < ds->n_reports && !rc; i++)
		rc = put_report(im, &ds->reports[i]);
	for (size_t i = 0; i < ds->n_assessments && !rc; i++)
		rc = put_assessment(im, &ds->assessments[i]);
	for (size_t i = 0; i < ds->n_recs && !rc; i++) {
		rc = put_rec(im, &ds->recs[i]);
		if (progress && !rc && ((i + 1) % 4096 == 0 || i + 1 == ds->n_recs))
			progress(i + 1, ds->n_recs, arg);
	}
	for (size_t i = 0; i < ds->n_activities && !rc; i++)
		rc = put_activity(im, &ds->activities[i]);
	for (size_t i = 0; i < ds->n_meetings && !rc; i++)
		rc = put_meeting(im, &ds->meetings[i]);
	return rc;
}

ov_store_rc ov_store_import(ov_store *s, const ov_dataset *ds, bool replace,
			    void (*progress)(size_t done, size_t total, void *),
			    void *arg, ov_diag *d)
{
	importer im = {.s = s, .ds = ds, .d = d};
	ov_store_rc rc = OV_STORE_OK;

	for (int i = 0; i < INS_N && !rc; i++)
		rc = ov_sql_prepare(s, ins_sql[i], &im.st[i], d);
	if (!rc)
		rc = ov_sql_begin(s, d);
	if (rc)
		goto out;
	if (replace)
		rc = ov_sql_exec(s, delete_all_sql, d);
	if (!rc)
		rc = put_all(&im, progress, arg);
	if (!rc)
		rc = ov_sql_commit(s, d);
out:
	if (rc)
		ov_sql_rollback(s);
	for (int i = 0; i < INS_N; i++)
		sqlite3_finalize(im.st[i]);
	return rc;
}

/* ---- append ---- */

typedef struct tip {
	sqlite3_int64 id;      /* the rec's row */
	long long next_seq;
	ov_day last_date;      /* OV_DAY_NONE: empty timeline */
	enum ov_status status; /* as the whole timeline leaves it */
} tip;

static const char *const tip_sql =
	"SELECT r.id,"
	" (SELECT max(seq) FROM events e WHERE e.rec = r.id),"
	" (SELECT max(date) FROM events e WHERE e.rec = r.id),"
	" (SELECT kind FROM events e WHERE e.rec = r.id AND e.sets = 'status'"
	"   ORDER BY e.date DESC, e.seq DESC LIMIT 1)"
	" FROM recommendations r WHERE r.ref = ?1";

static ov_store_rc read_tip(ov_store *s, const char *ref, tip *t, ov_diag *d)
{
	sqlite3_stmt *st = NULL;
	ov_store_rc rc = ov_sql_prepare(s, tip_sql, &st, d);
	int step;

	if (rc)
		goto out;
	ov_sql_bind_str(st, 1, ref);
	step = sqlite3_step(st);
	if (step == SQLITE_DONE) {
		ov_diag_add(d, "no recommendation '%s' in %s", ref, s->path);
		rc = OV_STORE_NOTFOUND;
	} else if (step != SQLITE_ROW) {
		rc = ov_sql_fail(s, d, "cannot read a timeline");
	} else {
		t->id = sqlite3_column_int64(st, 0);
		t->next_seq = sqlite3_column_type(st, 1) == SQLITE_NULL
				      ? 0
				      : sqlite3_column_int64(st, 1) + 1;
		t->last_date = ov_sql_col_day(st, 2);
		t->status = ov_sql_status_of_kind(ov_sql_col_text(st, 3));
	}
out:
	sqlite3_finalize(st);
	return rc;
}

static ov_store_rc check_event(ov_store *s, const char *ref, const tip *t,
			       const ov_event *e, size_t i, ov_diag *d)
{
	char day[11], last[11];

	ov_date_format(e->date, day);
	ov_date_format(t->last_date, last);
	if (e->date == OV_DAY_NONE) {
		ov_diag_add(d, "%s: new event %zu has no date", ref, i + 1);
		return OV_STORE_INVALID;
	}
	if (t->last_date != OV_DAY_NONE && e->date < t->last_date) {
		ov_diag_add(d, "%s: new event %zu dated %s is before the last "
			    "event (%s)", ref, i + 1, day, last);
		return OV_STORE_INVALID;
	}
	if (!ov_event_allowed(t->status, e->kind)) {
		ov_diag_add(d, "%s: a '%s' event cannot follow status '%s'",
			    ref, ov_event_kind_code(e->kind),
			    t->status == OV_STATUS_NONE
				    ? "none"
				    : ov_status_code(t->status));
		return OV_STORE_INVALID;
	}
	return OV_STORE_OK;
}

ov_store_rc ov_store_rec_append(ov_store *s, const char *ref,
				const ov_event *evs, size_t n, ov_diag *d)
{
	importer im = {.s = s, .d = d};
	tip t = {0, 0, OV_DAY_NONE, OV_STATUS_NONE};
	ov_store_rc rc = ov_sql_prepare(s, ins_sql[INS_EVENT],
					&im.st[INS_EVENT], d);

	if (!rc)
		rc = ov_sql_begin(s, d);
	if (!rc)
		rc = read_tip(s, ref, &t, d);
	for (size_t i = 0; i < n && !rc; i++) {
		const ov_event *e = &evs[i];
		sqlite3_stmt *st = im.st[INS_EVENT];

		rc = check_event(s, ref, &t, e, i, d);
		if (rc)
			break;
		ov_sql_bind_int(st, 1, t.id);
		ov_sql_bind_int(st, 2, t.next_seq++);
		ov_sql_bind_day(st, 3, e->date);
		ov_sql_bind_str(st, 4, ov_event_kind_code(e->kind));
		ov_sql_bind_str(st, 5, e->author);
		ov_sql_bind_str(st, 6, e->text);
		ov_sql_bind_str(st, 7, e->rag == OV_RAG_NONE
					       ? NULL
					       : ov_rag_code(e->rag));
		ov_sql_bind_str(st, 8, e->owner);
		ov_sql_bind_str(st, 9, e->basis);
		rc = run(&im, INS_EVENT, "recommendation event", ref);
		t.status = ov_event_next_status(t.status, e->kind);
		t.last_date = e->date;
	}
	if (!rc)
		rc = ov_sql_commit(s, d);
	if (rc)
		ov_sql_rollback(s);
	sqlite3_finalize(im.st[INS_EVENT]);
	return rc;
}
