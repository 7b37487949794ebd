#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>

#include "util/mem.h"

ov_day fix_day(const char *s)
{
	ov_day d;

	if (ov_date_parse(s, &d) < 0) {
		fprintf(stderr, "fixture: bad date %s\n", s);
		abort();
	}
	return d;
}

static ov_pdate pday(const char *s)
{
	ov_pdate p;

	if (ov_pdate_parse(s, &p) < 0) {
		fprintf(stderr, "fixture: bad partial date %s\n", s);
		abort();
	}
	return p;
}

static ov_event *event(ov_rec *r, const char *date, enum ov_event_kind k,
		       const char *text)
{
	ov_event *e;

	r->events = ov_xrealloc(r->events, (r->n_events + 1) * sizeof *e);
	e = &r->events[r->n_events++];
	ov_event_init(e);
	e->date = fix_day(date);
	e->kind = k;
	e->author = ov_xstrdup("Test");
	e->text = ov_xstrdup(text);
	return e;
}

static void people(ov_dataset *ds)
{
	ds->n_people = 2;
	ds->people = ov_xcalloc(2, sizeof *ds->people);
	ds->people[0].id = ov_xstrdup("p-acc");
	ds->people[0].name = ov_xstrdup("Jane O\xe2\x80\x99Neill");
	ds->people[0].title = ov_xstrdup("ACC Crime");
	ds->people[1].id = ov_xstrdup("p-supt");
	ds->people[1].title = ov_xstrdup("Supt, Public Protection");
	ds->n_plans = 2;
	ds->plans = ov_xcalloc(2, sizeof *ds->plans);
	ds->plans[0].id = ov_xstrdup("pl-b");
	ds->plans[0].name = ov_xstrdup(FIX_PLAN2);
	ds->plans[1].id = ov_xstrdup("pl-vip");
	ds->plans[1].name = ov_xstrdup("Force Vulnerability Improvement Plan");
}

static void reports(ov_dataset *ds)
{
	ov_report *r;

	ds->n_reports = 2;
	ds->reports = ov_xcalloc(2, sizeof *ds->reports);
	r = &ds->reports[0];
	ov_report_init(r);
	r->id = ov_xstrdup("r-cdi");
	r->title = ov_xstrdup(FIX_TITLE2);
	r->published = pday("2017-08-31");
	r->plan = ov_xstrdup("pl-b");
	r = &ds->reports[1];
	ov_report_init(r);
	r->id = ov_xstrdup("r-ms");
	r->title = ov_xstrdup("Stolen freedom");
	r->published = pday("2017-10-24");
	r->plan = ov_xstrdup("pl-vip");
}

static ov_rec *rec(ov_dataset *ds, const char *ref, const char *report)
{
	ov_rec *r = &ds->recs[ds->n_recs++];

	ov_rec_init(r);
	r->ref = ov_xstrdup(ref);
	r->report = ov_xstrdup(report);
	r->force = ov_xstrdup("WMP");
	return r;
}

static void recs(ov_dataset *ds)
{
	ov_rec *r;

	ds->recs = ov_xcalloc(4, sizeof *ds->recs);
	r = rec(ds, "MS-2017-R01", "r-ms");
	r->area = ov_xstrdup(FIX_AREA1);
	r->text = ov_xstrdup(FIX_TEXT1);
	r->timescale = ov_xstrdup("Within six months");
	event(r, "2017-11-01", OV_EV_CREATED, NULL);
	event(r, "2017-11-02", OV_EV_OWNER, NULL)->owner = ov_xstrdup("p-acc");
	event(r, "2018-01-10", OV_EV_RAG, NULL)->rag = OV_RAG_AMBER;
	event(r, "2018-03-01", OV_EV_UPDATE, FIX_UPDATE1);
	event(r, "2018-10-01", OV_EV_UPDATE, "after the date");

	r = rec(ds, "CDI-2017-R02", "r-cdi");
	r->area = ov_xstrdup("Recording");
	r->text = ov_xstrdup("Plain text");
	r->due_given = fix_day("2018-03-31");
	event(r, "2017-09-01", OV_EV_CREATED, NULL);
	event(r, "2018-05-01", OV_EV_PROPOSED, NULL);
	event(r, "2018-08-01", OV_EV_CLOSED, NULL)->basis =
		ov_xstrdup("Evidence seen");

	r = rec(ds, "MS-2017-R04", "r-ms");
	r->area = ov_xstrdup("Training");
	r->text = ov_xstrdup("Forces should train:");
	r->plan = ov_xstrdup("pl-b");
	r->n_bullets = 2;
	r->bullets = ov_xcalloc(2, sizeof *r->bullets);
	r->bullets[0] = ov_xstrdup("call handlers, and");
	r->bullets[1] = ov_xstrdup("officers");
	event(r, "2017-11-01", OV_EV_CREATED, NULL);

	r = rec(ds, "MS-2017-R09", "r-ms");
	r->area = ov_xstrdup("Later");
	r->text = ov_xstrdup("Not yet made");
	event(r, "2018-12-01", OV_EV_CREATED, NULL);
}

static ov_assessment *assessment(ov_dataset *ds, const char *id,
				 const char *date, const char *label, int year)
{
	ov_assessment *a = &ds->assessments[ds->n_assessments++];

	ov_assessment_init(a);
	a->id = ov_xstrdup(id);
	a->force = ov_xstrdup("WMP");
	a->date = fix_day(date);
	a->label = ov_xstrdup(label);
	a->year = year;
	a->scale = OV_SCALE_PEEL2014;
	a->n_questions = 2;
	a->questions = ov_xcalloc(2, sizeof *a->questions);
	for (int i = 0; i < 2; i++) {
		ov_question *q = &a->questions[i];

		ov_question_init(q);
		q->number = i + 1;
		q->key = ov_xstrdup(i ? "treatment-public" : "vulnerable");
		q->pillar = ov_xstrdup(i ? "Legitimacy" : "Effectiveness");
		q->text = ov_xstrdup(i ? "Treatment of the Public"
				       : "Protecting the Vulnerable");
	}
	return a;
}

static void peel(ov_dataset *ds)
{
	ov_assessment *a;

	ds->n_forces = 1;
	ds->forces = ov_xcalloc(1, sizeof *ds->forces);
	ds->forces[0].code = ov_xstrdup("WMP");
	ds->forces[0].name = ov_xstrdup("West Midlands Police");
	ds->assessments = ov_xcalloc(3, sizeof *ds->assessments);
	a = assessment(ds, "wmp-2018-ipa", "2018-09-01", "IPA November 2018",
		       2018);
	a->questions[0].grade = OV_GRADE_TBI;
	a->questions[0].inspect = pday("2018-11");
	a = assessment(ds, "wmp-2017", "2017-11-01", "PEEL 2017", 2017);
	a->questions[0].grade = OV_GRADE_GOOD;
	a->questions[1].grade = OV_GRADE_RI;
	a = assessment(ds, "wmp-2019", "2019-03-01", "PEEL 2019", 2019);
	a->questions[0].grade = OV_GRADE_OUTSTANDING;
	a->questions[1].grade = OV_GRADE_GOOD;
}

static void activities(ov_dataset *ds)
{
	ov_activity *a;

	ds->n_activities = 2;
	ds->activities = ov_xcalloc(2, sizeof *ds->activities);
	a = &ds->activities[0];
	ov_activity_init(a);
	a->id = ov_xstrdup("act-1");
	a->force = ov_xstrdup("WMP");
	a->from = fix_day("2018-06-12");
	a->to = fix_day("2018-06-14");
	a->kind = OV_ACT_INSIGHT;
	a->subject = ov_xstrdup(FIX_SUBJECT1);
	a->place = ov_xstrdup("WV");
	a->feedback_date = fix_day("2018-07-01");
	a->feedback = ov_xstrdup("Positive \xe2\x80\x93 caf\xc3\xa9");
	a = &ds->activities[1];
	ov_activity_init(a);
	a->id = ov_xstrdup("act-2");
	a->force = ov_xstrdup("WMP");
	a->from = a->to = fix_day("2018-10-02");
	a->kind = OV_ACT_FIELDWORK;
	a->subject = ov_xstrdup("IPA fieldwork");
}

ov_dataset *fix_dataset(void)
{
	ov_dataset *ds = ov_dataset_new();

	people(ds);
	reports(ds);
	recs(ds);
	peel(ds);
	activities(ds);
	ov_dataset_sort(ds);
	return ds;
}
