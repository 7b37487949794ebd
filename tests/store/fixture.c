#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "util/mem.h"

#define S ov_xstrdup
#define PUSH(arr, n) (grow1((void **)&(arr), sizeof *(arr), (n)), &(arr)[(n)++])

/* Grow an array by one element (tests only: no capacity kept). */
static void grow1(void **arr, size_t sz, size_t n)
{
	*arr = ov_xrealloc(*arr, sz * (n + 1));
	memset((char *)*arr + sz * n, 0, sz);
}

ov_day fx_day(const char *s)
{
	ov_day d = OV_DAY_NONE;

	if (s && ov_date_parse(s, &d) < 0)
		abort();
	return d;
}

static ov_pdate pdate(const char *s)
{
	ov_pdate p;

	if (ov_pdate_parse(s, &p) < 0)
		abort();
	return p;
}

ov_event *fx_event(ov_rec *r, const char *date, enum ov_event_kind k,
		   const char *author, const char *text)
{
	ov_event *e = PUSH(r->events, r->n_events);

	ov_event_init(e);
	e->date = fx_day(date);
	e->kind = k;
	e->author = S(author);
	e->text = S(text);
	return e;
}

static void add_people(ov_dataset *ds)
{
	ov_force *f = PUSH(ds->forces, ds->n_forces);
	ov_person *p;
	ov_board *b;
	ov_plan *pl;

	f->code = S("WMP");
	f->name = S("West Midlands Police");
	f = PUSH(ds->forces, ds->n_forces);
	f->code = S("XYZ");
	f->name = S("Example Constabulary");
	f->prov.assumed = true;
	f->prov.note = S("invented for the tests");
	p = PUSH(ds->people, ds->n_people);
	p->id = S("p-acc");
	p->name = S("Jane Smith");
	p->title = S("ACC Crime");
	p = PUSH(ds->people, ds->n_people);
	p->id = S("p-sme");
	p->name = S("Sam Example");
	p = PUSH(ds->people, ds->n_people);
	p->id = S("p-dci");
	p->title = S("DCI Public Protection");
	p->prov.assumed = true;
	b = PUSH(ds->boards, ds->n_boards);
	b->id = S("b-vib");
	b->name = S("Vulnerability Improvement Board");
	b->chair = S("p-acc");
	pl = PUSH(ds->plans, ds->n_plans);
	pl->id = S("pl-fvip");
	pl->name = S("Force Vulnerability Improvement Plan");
	pl->board = S("b-vib");
	pl = PUSH(ds->plans, ds->n_plans);
	pl->id = S("pl-other");
	pl->name = S("Another plan");
}

static void add_reports(ov_dataset *ds)
{
	ov_report *r = PUSH(ds->reports, ds->n_reports);

	ov_report_init(r);
	r->id = S("R-SF");
	r->title = S("Stolen freedom: the policing response to modern "
		     "slavery and human trafficking");
	r->short_name = S("Modern Slavery");
	r->kind = OV_REP_THEMATIC;
	r->style = OV_STYLE_RECS;
	r->published = pdate("2017-10-24");
	r->fieldwork_from = pdate("2017-02");
	r->fieldwork_to = pdate("2017-03");
	r->force_fieldwork = true;
	r->force_fieldwork_when = pdate("2017-02");
	r->forces_in_scope = 43;
	r->forces_fieldwork = 6;
	r->received = fx_day("2017-10-24");
	r->summary = S("A *thematic* inspection.\n\nTwo paragraphs.");
	r->plan = S("pl-fvip");
	r = PUSH(ds->reports, ds->n_reports);
	ov_report_init(r);
	r->id = S("R-NCPI");
	r->title = S("National Child Protection Inspection");
	r->kind = OV_REP_NATIONAL;
	r->style = OV_STYLE_FINDINGS;
	r->published = pdate("2016");
	r->prov.assumed = true;
	r->prov.note = S("year only in the paper");
}

static void add_assessment(ov_dataset *ds)
{
	ov_assessment *a = PUSH(ds->assessments, ds->n_assessments);
	const char *keys[] = {"effectiveness", "vulnerable", "legitimacy"};

	ov_assessment_init(a);
	a->id = S("A-2018");
	a->force = S("WMP");
	a->year = 2018;
	a->date = fx_day("2018-09-01");
	a->label = S("IPA November 2018");
	a->scale = OV_SCALE_PEEL2014;
	a->flag_note = S("* carried forward");
	for (int i = 0; i < 3; i++) {
		ov_question *q = PUSH(a->questions, a->n_questions);
		ov_question_init(q);
		q->key = S(keys[i]);
		q->number = i + 1;
		q->pillar = S(i < 2 ? "Effectiveness" : "Legitimacy");
		q->text = S(keys[i]);
		q->lead = i == 0 ? S("p-acc") : NULL;
		q->flagged = i == 1;
	}
	a->questions[0].grade = OV_GRADE_GOOD;
	a->questions[1].grade = OV_GRADE_TBI;
	a->questions[1].inspect = pdate("2018-11");
}

static ov_rec *new_rec(ov_dataset *ds, const char *ref, const char *report,
		       const char *force, const char *area)
{
	ov_rec *r = PUSH(ds->recs, ds->n_recs);

	ov_rec_init(r);
	r->ref = S(ref);
	r->report = S(report);
	r->force = S(force);
	r->area = S(area);
	return r;
}

/* SF-R01: owner, RAG, update, proposed, closed, reopened, red again. */
static void add_rec1(ov_dataset *ds)
{
	ov_rec *r = new_rec(ds, "SF-R01", "R-SF", "WMP", "Leadership");
	ov_event *e;

	r->subject = S("Governance of modern slavery");
	r->timescale = S("Within six months");
	r->text = S("Forces should review their governance.");
	r->bullets = ov_xcalloc(2, sizeof(char *));
	r->bullets[r->n_bullets++] = S("first bullet");
	r->bullets[r->n_bullets++] = S("second bullet");
	r->sme = S("p-sme");
	fx_event(r, "2017-10-24", OV_EV_CREATED, "HMICFRS", NULL);
	e = fx_event(r, "2017-10-24", OV_EV_OWNER, "Risk team", NULL);
	e->owner = S("p-acc");
	e = fx_event(r, "2017-12-01", OV_EV_RAG, "Jane Smith", "on track");
	e->rag = OV_RAG_AMBER;
	fx_event(r, "2018-01-10", OV_EV_UPDATE, "Jane Smith", "Work started");
	fx_event(r, "2018-03-01", OV_EV_PROPOSED, "Jane Smith", "Done");
	e = fx_event(r, "2018-05-01", OV_EV_CLOSED, "HMICFRS", NULL);
	e->basis = S("Evidence reviewed");
	fx_event(r, "2018-07-01", OV_EV_REOPENED, "HMICFRS", "Gap found");
	e = fx_event(r, "2018-07-01", OV_EV_RAG, "Jane Smith", NULL);
	e->rag = OV_RAG_RED;
	fx_event(r, "2018-08-01", OV_EV_UPDATE, "Jane Smith", "Restarted");
}

static void add_recs(ov_dataset *ds)
{
	ov_rec *r;
	ov_event *e;

	add_rec1(ds);
	r = new_rec(ds, "SF-R02", "R-SF", "WMP", "Training");
	r->due_given = fx_day("2018-06-30");
	r->plan = S("pl-other");
	r->text = S("Train staff.");
	fx_event(r, "2017-10-24", OV_EV_CREATED, "HMICFRS", NULL);
	e = fx_event(r, "2018-02-01", OV_EV_SUPERSEDED, "HMICFRS", NULL);
	e->basis = S("Replaced by a later report");
	r = new_rec(ds, "NCPI-F01", "R-NCPI", "WMP", "Missing children");
	r->kind = OV_RK_AFI;
	r->addressee = OV_AD_ALL_FORCES;
	r->finding = S("The force should...");
	r->response = S("We have...");
	r->prov.assumed = true;
	r->prov.note = S("wording invented");
	fx_event(r, "2016-05-01", OV_EV_CREATED, "HMICFRS", NULL);
	fx_event(r, "2016-05-01", OV_EV_UPDATE, "Sam", "Same day");
	e = fx_event(r, "2016-06-01", OV_EV_OWNER, "Sam", NULL);
	e->owner = S("p-dci");
	r = new_rec(ds, "XYZ-R01", "R-SF", "XYZ", "Leadership");
	r->timescale = S("Immediately");
	fx_event(r, "2018-01-01", OV_EV_CREATED, "HMICFRS", NULL);
	e = fx_event(r, "2018-01-02", OV_EV_RAG, "X", NULL);
	e->rag = OV_RAG_GREEN;
}

static void add_activities(ov_dataset *ds)
{
	ov_activity *a = PUSH(ds->activities, ds->n_activities);

	ov_activity_init(a);
	a->id = S("act-1");
	a->force = S("WMP");
	a->from = fx_day("2018-06-04");
	a->to = fx_day("2018-06-05");
	a->kind = OV_ACT_INSIGHT;
	a->subject = S("NPU Insight visit");
	a->place = S("WV");
	a->question = S("vulnerable");
	a->feedback_date = fx_day("2018-06-20");
	a->feedback = S("Positive");
	a->passed_to = S("ACC Crime");
	a = PUSH(ds->activities, ds->n_activities);
	ov_activity_init(a);
	a->id = S("act-2");
	a->force = S("XYZ");
	a->from = a->to = fx_day("2018-07-01");
	a->kind = OV_ACT_AUDIT;
}

static void add_meeting(ov_dataset *ds)
{
	ov_meeting *m = PUSH(ds->meetings, ds->n_meetings);

	ov_meeting_init(m);
	m->id = S("jac-2018-09-27");
	m->force = S("WMP");
	m->committee = S("Joint Audit Committee");
	m->date = fx_day("2018-09-27");
	m->agenda_item = S("5");
	m->title = S("HMICFRS update");
	m->purpose = S("To inform the committee.");
	m->assessment = S("A-2018");
	m->background = S("Background");
	m->closures_note = S("Closures");
	m->recommendations = S("Note the report.");
	m->contact = S("p-dci");
	m->reviews = ov_xcalloc(2, sizeof *m->reviews);
	m->reviews[0].report = S("R-SF");
	m->reviews[0].narrative = S("Progress");
	m->reviews[1].report = S("R-NCPI");
	m->reviews[1].intro = S("Intro");
	m->n_reviews = 2;
	m->documents = ov_xcalloc(2, sizeof(char *));
	m->documents[0] = S("Stolen freedom (HMICFRS, 2017)");
	m->documents[1] = S("A earlier paper");
	m->n_documents = 2;
}

ov_dataset *fx_small(void)
{
	ov_dataset *ds = ov_dataset_new();

	add_people(ds);
	add_reports(ds);
	add_assessment(ds);
	add_recs(ds);
	add_activities(ds);
	add_meeting(ds);
	ov_dataset_sort(ds);
	return ds;
}

/* Random but valid timelines: each next kind is one ov_event_allowed
 * accepts; dates advance by 0..40 days, so ties happen often. */
static void random_timeline(ov_rec *r, unsigned *seed)
{
	enum ov_status st = OV_STATUS_NONE;
	ov_day day = fx_day("2016-01-01") + (ov_day)(rand_r(seed) % 400);
	int n = 1 + rand_r(seed) % 12;
	char date[11];

	for (int i = 0; i < n; i++) {
		enum ov_event_kind k;
		ov_event *e;

		do
			k = (enum ov_event_kind)(rand_r(seed) % 9);
		while (!ov_event_allowed(st, k));
		ov_date_format(day, date);
		e = fx_event(r, date, k, k == OV_EV_CLOSED ? "HMICFRS" : "A",
			     k == OV_EV_UPDATE ? date : NULL);
		if (k == OV_EV_RAG)
			e->rag = (enum ov_rag)(rand_r(seed) % 3);
		if (k == OV_EV_OWNER)
			e->owner = S(rand_r(seed) % 2 ? "p-acc" : "p-sme");
		if (k == OV_EV_CLOSED || k == OV_EV_SUPERSEDED || k == OV_EV_NA)
			e->basis = S(date);
		st = ov_event_next_status(st, k);
		day += (ov_day)(rand_r(seed) % 3 ? rand_r(seed) % 40 : 0);
	}
}

ov_dataset *fx_random(unsigned seed, size_t n)
{
	ov_dataset *ds = ov_dataset_new();

	add_people(ds);
	add_reports(ds);
	for (size_t i = 0; i < n; i++) {
		char ref[32];
		ov_rec *r;

		snprintf(ref, sizeof ref, "RND-%05zu", i);
		r = new_rec(ds, ref, i % 3 ? "R-SF" : "R-NCPI",
			    i % 5 ? "WMP" : "XYZ", i % 2 ? "A" : "B");
		if (i % 4)
			r->due_given = fx_day("2016-06-01") +
				       (ov_day)(rand_r(&seed) % 900);
		random_timeline(r, &seed);
	}
	ov_dataset_sort(ds);
	return ds;
}

/* ---- comparison ---- */

static int diff_str(const char *a, const char *b, const char *id,
		    const char *what)
{
	if ((!a && !b) || (a && b && strcmp(a, b) == 0))
		return 0;
	printf("# %s %s: '%s' != '%s'\n", id ? id : "?", what,
	       a ? a : "(null)", b ? b : "(null)");
	return 1;
}

static int diff_int(long long a, long long b, const char *id,
		    const char *what)
{
	if (a == b)
		return 0;
	printf("# %s %s: %lld != %lld\n", id ? id : "?", what, a, b);
	return 1;
}

#define DS(f) diff_str(a->f, b->f, id, #f)
#define DI(f) diff_int((long long)a->f, (long long)b->f, id, #f)
#define DP(f) (DI(f.day) + DI(f.prec))
#define DPROV (DI(prov.assumed) + DS(prov.note))

static int diff_event(const ov_event *a, const ov_event *b, const char *id)
{
	return DI(date) + DS(author) + DI(kind) + DS(text) + DI(rag) +
	       DS(owner) + DS(basis);
}

int fx_diff_rec(const ov_rec *a, const ov_rec *b)
{
	const char *id = a->ref;
	int n = DS(ref) + DS(report) + DS(force) + DS(area) + DS(subject) +
		DI(kind) + DI(addressee) + DS(timescale) + DI(due_given) +
		DS(text) + DS(sme) + DS(plan) + DS(finding) + DS(response) +
		DPROV + DI(n_bullets) + DI(n_events);

	for (size_t i = 0; i < a->n_bullets && i < b->n_bullets; i++)
		n += DS(bullets[i]);
	for (size_t i = 0; i < a->n_events && i < b->n_events; i++)
		n += diff_event(&a->events[i], &b->events[i], id);
	return n;
}

static int diff_question(const ov_question *a, const ov_question *b,
			 const char *id)
{
	return DS(key) + DI(number) + DS(pillar) + DS(text) + DS(lead) +
	       DI(flagged) + DI(grade) + DP(inspect);
}

static int diff_assessment(const ov_assessment *a, const ov_assessment *b)
{
	const char *id = a->id;
	int n = DS(id) + DS(force) + DI(year) + DI(date) + DS(label) +
		DI(scale) + DS(flag_note) + DPROV + DI(n_questions);

	for (size_t i = 0; i < a->n_questions && i < b->n_questions; i++)
		n += diff_question(&a->questions[i], &b->questions[i], id);
	return n;
}

static int diff_report(const ov_report *a, const ov_report *b)
{
	const char *id = a->id;

	return DS(id) + DS(title) + DS(short_name) + DI(kind) + DI(style) +
	       DP(published) + DP(fieldwork_from) + DP(fieldwork_to) +
	       DI(force_fieldwork) + DP(force_fieldwork_when) +
	       DI(forces_in_scope) + DI(forces_fieldwork) + DI(received) +
	       DS(summary) + DS(plan) + DPROV;
}

static int diff_activity(const ov_activity *a, const ov_activity *b)
{
	const char *id = a->id;

	return DS(id) + DS(force) + DI(from) + DI(to) + DI(kind) +
	       DS(subject) + DS(place) + DS(question) + DI(feedback_date) +
	       DS(feedback) + DS(passed_to) + DPROV;
}

static int diff_meeting(const ov_meeting *a, const ov_meeting *b)
{
	const char *id = a->id;
	int n = DS(id) + DS(force) + DS(committee) + DI(date) +
		DS(agenda_item) + DS(title) + DS(purpose) + DS(assessment) +
		DS(background) + DS(peel_note) + DS(closures_note) +
		DS(activities_note) + DS(activities_after) +
		DS(recommendations) + DS(contact) + DPROV + DI(n_reviews) +
		DI(n_documents);

	for (size_t i = 0; i < a->n_reviews && i < b->n_reviews; i++)
		n += DS(reviews[i].report) + DS(reviews[i].intro) +
		     DS(reviews[i].narrative);
	for (size_t i = 0; i < a->n_documents && i < b->n_documents; i++)
		n += DS(documents[i]);
	return n;
}

static int diff_small(const ov_dataset *da, const ov_dataset *db)
{
	int n = 0;

	for (size_t i = 0; i < da->n_forces && i < db->n_forces; i++) {
		const ov_force *a = &da->forces[i], *b = &db->forces[i];
		const char *id = a->code;
		n += DS(code) + DS(name) + DPROV;
	}
	for (size_t i = 0; i < da->n_people && i < db->n_people; i++) {
		const ov_person *a = &da->people[i], *b = &db->people[i];
		const char *id = a->id;
		n += DS(id) + DS(name) + DS(title) + DPROV;
	}
	for (size_t i = 0; i < da->n_boards && i < db->n_boards; i++) {
		const ov_board *a = &da->boards[i], *b = &db->boards[i];
		const char *id = a->id;
		n += DS(id) + DS(name) + DS(chair) + DPROV;
	}
	for (size_t i = 0; i < da->n_plans && i < db->n_plans; i++) {
		const ov_plan *a = &da->plans[i], *b = &db->plans[i];
		const char *id = a->id;
		n += DS(id) + DS(name) + DS(board) + DPROV;
	}
	return n;
}

int fx_diff(const ov_dataset *a, const ov_dataset *b)
{
	const char *id = "dataset";
	int n = DI(n_forces) + DI(n_people) + DI(n_boards) + DI(n_plans) +
		DI(n_assessments) + DI(n_reports) + DI(n_recs) +
		DI(n_activities) + DI(n_meetings) + diff_small(a, b);

	for (size_t i = 0; i < a->n_assessments && i < b->n_assessments; i++)
		n += diff_assessment(&a->assessments[i], &b->assessments[i]);
	for (size_t i = 0; i < a->n_reports && i < b->n_reports; i++)
		n += diff_report(&a->reports[i], &b->reports[i]);
	for (size_t i = 0; i < a->n_recs && i < b->n_recs; i++)
		n += fx_diff_rec(&a->recs[i], &b->recs[i]);
	for (size_t i = 0; i < a->n_activities && i < b->n_activities; i++)
		n += diff_activity(&a->activities[i], &b->activities[i]);
	for (size_t i = 0; i < a->n_meetings && i < b->n_meetings; i++)
		n += diff_meeting(&a->meetings[i], &b->meetings[i]);
	return n;
}
