#ifndef OV_TESTS_CORE_FIXTURE_H
#define OV_TESTS_CORE_FIXTURE_H
/*
 * Builders for small datasets in the core unit tests (header-only).  Every
 * string is copied; arrays grow one element at a time.  Builders return the
 * new element's index, because growing an array moves its elements.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "util/date.h"
#include "util/mem.h"

/* A day from "YYYY-MM-DD"; a bad literal in a test aborts the test. */
static inline ov_day D(const char *s)
{
	ov_day d;

	if (ov_date_parse(s, &d) < 0) {
		fprintf(stderr, "bad date literal in test: %s\n", s);
		abort();
	}
	return d;
}

static inline ov_pdate PD(const char *s)
{
	ov_pdate p;

	if (ov_pdate_parse(s, &p) < 0) {
		fprintf(stderr, "bad partial date literal in test: %s\n", s);
		abort();
	}
	return p;
}

/* Replace an owned string. */
static inline void set(char **field, const char *v)
{
	free(*field);
	*field = ov_xstrdup(v);
}

/* A string of n copies of ch. */
static inline char *repeat(char ch, size_t n)
{
	char *s = ov_xmalloc(n + 1);

	memset(s, ch, n);
	s[n] = '\0';
	return s;
}

static inline void set_repeat(char **field, char ch, size_t n)
{
	free(*field);
	*field = repeat(ch, n);
}

#define GROW1(arr, n) ((arr) = ov_xrealloc((arr), ((n) + 1) * sizeof *(arr)))

static inline size_t ev_add(ov_rec *r, const char *date,
			    enum ov_event_kind k, const char *author)
{
	ov_event *e;

	GROW1(r->events, r->n_events);
	e = &r->events[r->n_events];
	ov_event_init(e);
	e->date = date ? D(date) : OV_DAY_NONE;
	e->kind = k;
	e->author = ov_xstrdup(author);
	return r->n_events++;
}

static inline size_t ev_text(ov_rec *r, const char *date,
			     enum ov_event_kind k, const char *author,
			     const char *text)
{
	size_t i = ev_add(r, date, k, author);

	r->events[i].text = ov_xstrdup(text);
	return i;
}

static inline size_t ev_rag(ov_rec *r, const char *date, enum ov_rag rag)
{
	size_t i = ev_add(r, date, OV_EV_RAG, "Jo Bloggs");

	r->events[i].rag = rag;
	return i;
}

static inline size_t ev_owner(ov_rec *r, const char *date, const char *owner)
{
	size_t i = ev_add(r, date, OV_EV_OWNER, "Jo Bloggs");

	r->events[i].owner = ov_xstrdup(owner);
	return i;
}

static inline size_t ev_basis(ov_rec *r, const char *date,
			      enum ov_event_kind k, const char *author,
			      const char *basis)
{
	size_t i = ev_add(r, date, k, author);

	r->events[i].basis = ov_xstrdup(basis);
	return i;
}

static inline size_t add_force(ov_dataset *ds, const char *code,
			       const char *name)
{
	ov_force *f;

	GROW1(ds->forces, ds->n_forces);
	f = &ds->forces[ds->n_forces];
	memset(f, 0, sizeof *f);
	f->code = ov_xstrdup(code);
	f->name = ov_xstrdup(name);
	return ds->n_forces++;
}

static inline size_t add_person(ov_dataset *ds, const char *id,
				const char *name, const char *title)
{
	ov_person *p;

	GROW1(ds->people, ds->n_people);
	p = &ds->people[ds->n_people];
	memset(p, 0, sizeof *p);
	p->id = ov_xstrdup(id);
	p->name = ov_xstrdup(name);
	p->title = ov_xstrdup(title);
	return ds->n_people++;
}

static inline size_t add_board(ov_dataset *ds, const char *id,
			       const char *name, const char *chair)
{
	ov_board *b;

	GROW1(ds->boards, ds->n_boards);
	b = &ds->boards[ds->n_boards];
	memset(b, 0, sizeof *b);
	b->id = ov_xstrdup(id);
	b->name = ov_xstrdup(name);
	b->chair = ov_xstrdup(chair);
	return ds->n_boards++;
}

static inline size_t add_plan(ov_dataset *ds, const char *id,
			      const char *name, const char *board)
{
	ov_plan *p;

	GROW1(ds->plans, ds->n_plans);
	p = &ds->plans[ds->n_plans];
	memset(p, 0, sizeof *p);
	p->id = ov_xstrdup(id);
	p->name = ov_xstrdup(name);
	p->board = ov_xstrdup(board);
	return ds->n_plans++;
}

static inline size_t add_assessment(ov_dataset *ds, const char *id,
				    const char *force, int year,
				    const char *date, const char *label,
				    enum ov_scale scale)
{
	ov_assessment *a;

	GROW1(ds->assessments, ds->n_assessments);
	a = &ds->assessments[ds->n_assessments];
	ov_assessment_init(a);
	a->id = ov_xstrdup(id);
	a->force = ov_xstrdup(force);
	a->year = year;
	a->date = date ? D(date) : OV_DAY_NONE;
	a->label = ov_xstrdup(label);
	a->scale = scale;
	return ds->n_assessments++;
}

static inline size_t add_question(ov_assessment *a, const char *key,
				  int number, const char *text,
				  enum ov_grade grade)
{
	ov_question *q;

	GROW1(a->questions, a->n_questions);
	q = &a->questions[a->n_questions];
	ov_question_init(q);
	q->key = ov_xstrdup(key);
	q->number = number;
	q->text = ov_xstrdup(text);
	q->grade = grade;
	return a->n_questions++;
}

static inline size_t add_report(ov_dataset *ds, const char *id,
				const char *title, const char *published,
				enum ov_style style)
{
	ov_report *r;

	GROW1(ds->reports, ds->n_reports);
	r = &ds->reports[ds->n_reports];
	ov_report_init(r);
	r->id = ov_xstrdup(id);
	r->title = ov_xstrdup(title);
	r->published = published ? PD(published) : OV_PDATE_NONE;
	r->style = style;
	r->kind = OV_REP_THEMATIC;
	return ds->n_reports++;
}

/* A recommendation with its CREATED event on `created`. */
static inline size_t add_rec(ov_dataset *ds, const char *ref,
			     const char *report, const char *force,
			     const char *area, const char *text,
			     const char *created)
{
	ov_rec *r;

	GROW1(ds->recs, ds->n_recs);
	r = &ds->recs[ds->n_recs];
	ov_rec_init(r);
	r->ref = ov_xstrdup(ref);
	r->report = ov_xstrdup(report);
	r->force = ov_xstrdup(force);
	r->area = ov_xstrdup(area);
	r->text = ov_xstrdup(text);
	if (created)
		ev_add(r, created, OV_EV_CREATED, "HMICFRS");
	return ds->n_recs++;
}

static inline void add_bullet(ov_rec *r, const char *text)
{
	GROW1(r->bullets, r->n_bullets);
	r->bullets[r->n_bullets++] = ov_xstrdup(text);
}

static inline size_t add_activity(ov_dataset *ds, const char *id,
				  const char *force, const char *from,
				  const char *to, const char *subject)
{
	ov_activity *a;

	GROW1(ds->activities, ds->n_activities);
	a = &ds->activities[ds->n_activities];
	ov_activity_init(a);
	a->id = ov_xstrdup(id);
	a->force = ov_xstrdup(force);
	a->from = from ? D(from) : OV_DAY_NONE;
	a->to = to ? D(to) : OV_DAY_NONE;
	a->subject = ov_xstrdup(subject);
	return ds->n_activities++;
}

static inline size_t add_meeting(ov_dataset *ds, const char *id,
				 const char *force, const char *committee,
				 const char *date, const char *title,
				 const char *contact)
{
	ov_meeting *m;

	GROW1(ds->meetings, ds->n_meetings);
	m = &ds->meetings[ds->n_meetings];
	ov_meeting_init(m);
	m->id = ov_xstrdup(id);
	m->force = ov_xstrdup(force);
	m->committee = ov_xstrdup(committee);
	m->date = date ? D(date) : OV_DAY_NONE;
	m->title = ov_xstrdup(title);
	m->contact = ov_xstrdup(contact);
	return ds->n_meetings++;
}

static inline void add_review(ov_meeting *m, const char *report,
			      const char *narrative)
{
	GROW1(m->reviews, m->n_reviews);
	memset(&m->reviews[m->n_reviews], 0, sizeof m->reviews[0]);
	m->reviews[m->n_reviews].report = ov_xstrdup(report);
	m->reviews[m->n_reviews].narrative = ov_xstrdup(narrative);
	m->n_reviews++;
}

static inline void add_document(ov_meeting *m, const char *doc)
{
	GROW1(m->documents, m->n_documents);
	m->documents[m->n_documents++] = ov_xstrdup(doc);
}

#endif
