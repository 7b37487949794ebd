/*
 * The builder on a dataset made in C: the sections hold the facts computed
 * as at the meeting date, and moving the clock to the previous meeting
 * changes exactly what the data as at that date says.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "paper/doc.h"
#include "tap.h"
#include "util/mem.h"

static ov_day D(const char *s)
{
	ov_day d = OV_DAY_NONE;

	ov_date_parse(s, &d);
	return d;
}

static ov_pdate P(const char *s)
{
	ov_pdate p = OV_PDATE_NONE;

	ov_pdate_parse(s, &p);
	return p;
}

#define PUSH(arr, n) (arr = ov_xrealloc(arr, ((n) + 1) * sizeof *(arr)), \
		      &(arr)[(n)++])

static ov_event *event(ov_rec *r, const char *date, enum ov_event_kind k)
{
	ov_event *e = PUSH(r->events, r->n_events);

	ov_event_init(e);
	e->date = D(date);
	e->kind = k;
	return e;
}

static ov_rec *rec(ov_dataset *ds, const char *ref, const char *report,
		   const char *area, enum ov_addressee ad, const char *text)
{
	ov_rec *r = PUSH(ds->recs, ds->n_recs);

	ov_rec_init(r);
	r->ref = ov_xstrdup(ref);
	r->report = ov_xstrdup(report);
	r->force = ov_xstrdup("WMP");
	r->area = ov_xstrdup(area);
	r->addressee = ad;
	r->text = ov_xstrdup(text);
	event(r, "2017-10-24", OV_EV_CREATED);
	return r;
}

static void activity(ov_dataset *ds, const char *id, const char *from,
		     const char *to, const char *subject, const char *place)
{
	ov_activity *a = PUSH(ds->activities, ds->n_activities);

	ov_activity_init(a);
	a->id = ov_xstrdup(id);
	a->force = ov_xstrdup("WMP");
	a->from = D(from);
	a->to = D(to);
	a->subject = ov_xstrdup(subject);
	a->place = ov_xstrdup(place);
}

static ov_meeting *meeting(ov_dataset *ds, const char *id, const char *date)
{
	ov_meeting *m = PUSH(ds->meetings, ds->n_meetings);

	ov_meeting_init(m);
	m->id = ov_xstrdup(id);
	m->force = ov_xstrdup("WMP");
	m->committee = ov_xstrdup("Joint Audit Committee");
	m->date = D(date);
	m->agenda_item = ov_xstrdup("5");
	m->title = ov_xstrdup("HMICFRS update");
	m->purpose = ov_xstrdup("To provide members with *oversight*.");
	m->contact = ov_xstrdup("kath");
	m->recommendations = ov_xstrdup("The Committee to note the report.");
	return m;
}

static ov_dataset *dataset(void)
{
	ov_dataset *ds = ov_dataset_new();
	ov_person *pe;
	ov_assessment *a;
	ov_report *r;
	ov_rec *x;
	static const char *qs[][3] = {
		{"Effectiveness", "Prevent Crime and ASB", "good"},
		{"Effectiveness", "Protecting the Vulnerable", "tbi"},
		{"Efficiency", "Use of resources", "ri"},
	};

	ds->forces = ov_xcalloc(1, sizeof *ds->forces);
	ds->n_forces = 1;
	ds->forces[0].code = ov_xstrdup("WMP");
	ds->forces[0].name = ov_xstrdup("West Midlands Police");
	pe = PUSH(ds->people, ds->n_people);
	memset(pe, 0, sizeof *pe);
	pe->id = ov_xstrdup("acc-crime");
	pe->title = ov_xstrdup("ACC Crime");
	pe = PUSH(ds->people, ds->n_people);
	memset(pe, 0, sizeof *pe);
	pe->id = ov_xstrdup("kath");
	pe->name = ov_xstrdup("Kath Holder");
	pe->title = ov_xstrdup("Risk and Organisational Learning Manager");
	ds->boards = ov_xcalloc(1, sizeof *ds->boards);
	ds->n_boards = 1;
	ds->boards[0].id = ov_xstrdup("vib");
	ds->boards[0].name = ov_xstrdup("Vulnerability Improvement Board");
	ds->boards[0].chair = ov_xstrdup("acc-crime");
	ds->plans = ov_xcalloc(1, sizeof *ds->plans);
	ds->n_plans = 1;
	ds->plans[0].id = ov_xstrdup("fvip");
	ds->plans[0].name = ov_xstrdup("Force Vulnerability Improvement Plan");
	ds->plans[0].board = ov_xstrdup("vib");

	a = PUSH(ds->assessments, ds->n_assessments);
	ov_assessment_init(a);
	a->id = ov_xstrdup("wmp-ipa-2018");
	a->force = ov_xstrdup("WMP");
	a->year = 2018;
	a->date = D("2018-09-01");
	a->label = ov_xstrdup("IPA November 2018");
	a->questions = ov_xcalloc(3, sizeof *a->questions);
	a->n_questions = 3;
	for (int i = 0; i < 3; i++) {
		ov_question *q = &a->questions[i];

		ov_question_init(q);
		q->key = ov_xasprintf("q%d", i + 1);
		q->number = i + 1;
		q->pillar = ov_xstrdup(qs[i][0]);
		q->text = ov_xstrdup(qs[i][1]);
		ov_grade_parse(strcmp(qs[i][2], "tbi") == 0
			       ? "to-be-inspected"
			       : strcmp(qs[i][2], "ri") == 0
			       ? "requires-improvement" : "good", &q->grade);
		if (q->grade == OV_GRADE_TBI) {
			q->flagged = true;
			q->inspect = P("2018-11");
		}
	}

	r = PUSH(ds->reports, ds->n_reports);
	ov_report_init(r);
	r->id = ov_xstrdup("ms");
	r->title = ov_xstrdup("Stolen freedom: the policing response to "
			      "modern slavery and human trafficking");
	r->short_name = ov_xstrdup("Modern Slavery");
	r->kind = OV_REP_THEMATIC;
	r->style = OV_STYLE_RECS;
	r->published = P("2017");
	r->fieldwork_from = P("2016-10");
	r->fieldwork_to = P("2017-03");
	r->force_fieldwork = true;
	r->force_fieldwork_when = P("2017-02");
	r->forces_in_scope = 43;
	r->forces_fieldwork = 10;
	r->plan = ov_xstrdup("fvip");
	r = PUSH(ds->reports, ds->n_reports);
	ov_report_init(r);
	r->id = ov_xstrdup("peel");
	r->title = ov_xstrdup("PEEL: Police effectiveness 2017");
	r->kind = OV_REP_PEEL;
	r->received = D("2018-05-01");

	x = rec(ds, "MS-R2", "ms", "Leadership", OV_AD_ALL_FORCES,
		"Within twelve months, forces should review leadership.");
	x->timescale = ov_xstrdup("Within twelve months");
	x->bullets = ov_xcalloc(1, sizeof *x->bullets);
	x->bullets[0] = ov_xstrdup("senior leaders prioritise the response;");
	x->n_bullets = 1;
	x = rec(ds, "MS-R10", "ms", "Intelligence", OV_AD_ALL_FORCES,
		"forces should share intelligence.");
	x->timescale = ov_xstrdup("Within six months");
	rec(ds, "MS-R1", "ms", "National", OV_AD_NCA, "The NCA should act.");
	/* Red before the June meeting, green before September. */
	x = rec(ds, "PEEL-R1", "peel", "Organised crime", OV_AD_ALL_FORCES,
		"Map organised crime groups.");
	x->subject = ov_xstrdup("Mapping organised crime groups");
	event(x, "2018-06-01", OV_EV_RAG)->rag = OV_RAG_RED;
	event(x, "2018-08-01", OV_EV_RAG)->rag = OV_RAG_GREEN;
	event(x, "2018-08-14", OV_EV_CLOSED)->author = ov_xstrdup("HMICFRS");
	x->events[x->n_events - 1].basis = ov_xstrdup("evidence reviewed");
	/* Closed after the September meeting: never in these papers. */
	x = rec(ds, "PEEL-R2", "peel", "Abuse of authority", OV_AD_ALL_FORCES,
		"Refer to the IOPC.");
	x->subject = ov_xstrdup("Referrals to the IOPC");
	event(x, "2018-10-02", OV_EV_CLOSED)->author = ov_xstrdup("HMICFRS");
	x->events[x->n_events - 1].basis = ov_xstrdup("evidence reviewed");

	activity(ds, "a1", "2018-07-02", "2018-07-02", "NPU Insight visit", "WV");
	activity(ds, "a2", "2018-07-09", "2018-07-10", "Crime and Grievance File review", NULL);
	activity(ds, "a3", "2018-08-13", "2018-08-17", "Counter Corruption Unit Insight visit", NULL);
	activity(ds, "a0", "2018-06-04", "2018-06-04", "Spring visit", NULL);
	activity(ds, "a9", "2018-10-04", "2018-10-04", "Autumn visit", NULL);

	meeting(ds, "jac-2018-06", "2018-06-28");
	{
		ov_meeting *m = meeting(ds, "jac-2018-09", "2018-09-27");

		m->assessment = ov_xstrdup("wmp-ipa-2018");
		m->background = ov_xstrdup("Notified of the <b>questions</b>.");
		m->reviews = ov_xcalloc(1, sizeof *m->reviews);
		m->n_reviews = 1;
		m->reviews[0].report = ov_xstrdup("ms");
		m->reviews[0].intro = ov_xstrdup("The recommendations are as follows:");
		m->reviews[0].narrative = ov_xstrdup("Good progress has been made.");
	}
	ov_dataset_sort(ds);
	return ds;
}

static char *render(const ov_dataset *ds, const char *meeting_id,
		    int (*fn)(const ov_paper *, FILE *, ov_diag *))
{
	ov_diag d = OV_DIAG_INIT;
	ov_paper *p = NULL;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (ov_paper_build(ds, ov_dataset_find_meeting(ds, meeting_id), &p,
			   &d) < 0 || fn(p, f, &d) < 0)
		ov_diag_print(&d, stdout, "# error");
	fclose(f);
	ov_paper_free(p);
	ov_diag_release(&d);
	return text;
}

/* A TAP test name on one line: newlines shown as "|". */
static void name_of(char *name, size_t size, const char *what,
		    const char *s)
{
	snprintf(name, size, "%s: %.150s", what, s);
	for (char *q = name; *q; q++)
		if (*q == '\n')
			*q = '|';
}

static void has(const char *doc, const char *want)
{
	char name[200];

	name_of(name, sizeof name, "has", want);
	if (!tap_ok(doc && strstr(doc, want) != NULL, name))
		printf("#   not found in the output\n");
}

static void lacks(const char *doc, const char *what)
{
	char name[200];

	name_of(name, sizeof name, "lacks", what);
	tap_ok(doc && strstr(doc, what) == NULL, name);
}

int main(void)
{
	ov_dataset *ds = dataset();
	char *sep = render(ds, "jac-2018-09", ov_paper_render_md);
	char *jun = render(ds, "jac-2018-06", ov_paper_render_md);
	char *html = render(ds, "jac-2018-09", ov_paper_render_html);

	has(sep, "**Agenda Item 5**");
	has(sep, "**JOINT AUDIT COMMITTEE**");
	has(sep, "**27th September 2018**");
	has(sep, "# HMICFRS UPDATE");
	has(sep, "## 1. PURPOSE OF REPORT");
	has(sep, "To provide members with *oversight*.");
	has(sep, "| Pillar | IPA Key Questions | WMP IPA November 2018 |");
	has(sep, "| Effectiveness | 1. Prevent Crime and ASB | Good |");
	has(sep, "|  | 2. Protecting the Vulnerable\\* | To be inspected in November |");
	has(sep, "| Efficiency | 3. Use of resources | Requires improvement |");
	lacks(sep, "<b>");
	has(sep, "PEEL: Police effectiveness 2017: one recommendation closed by HMICFRS");
	has(sep, "- Mapping organised crime groups (PEEL-R1) \u2013 closed by HMICFRS, 14th August 2018");
	lacks(sep, "Referrals to the IOPC");
	has(sep, "### July\n\n- 2nd NPU Insight visit (WV)\n- 9th & 10th Crime and Grievance File review\n");
	has(sep, "### August\n\n- 13th \u2013 17th Counter Corruption Unit Insight visit\n");
	lacks(sep, "Spring visit");
	lacks(sep, "Autumn visit");
	has(sep, "Inspection reports received since the last meeting\n\nNone received");
	has(sep, "There are no recommendations currently graded as red.");
	has(sep, "### Modern Slavery: Stolen freedom");
	has(sep, "This was a thematic inspection that took place between October 2016 and March 2017 with the report published 2017. The methodology for the inspection looked at documents and data from all 43 forces and conducted fieldwork in ten. West Midlands Police was one of the ten forces selected and was subject to fieldwork in February 2017.");
	has(sep, "The report outlined three recommendations with one assigned to national functions such as the NCA and the remaining two being all force recommendations.");
	has(sep, "All recommendations are being addressed as part of the Force Vulnerability Improvement Plan which is managed through the Vulnerability Improvement Board chaired by ACC Crime.");
	has(sep, "#### Leadership\n\nWithin twelve months, forces should review leadership.\n\n- senior leaders prioritise the response;\n\n#### Intelligence\n\nWithin six months, forces should share intelligence.");
	lacks(sep, "The NCA should act.");
	has(sep, "Good progress has been made.");
	has(sep, "Name: Kath Holder");
	has(sep, "Title: Risk and Organisational Learning Manager");
	has(sep, "## BACKGROUND DOCUMENTS\n\nNone");

	/* The June paper: the data as it stood on 28th June 2018. */
	has(jun, "**28th June 2018**");
	has(jun, "Outstanding recommendations currently graded Red\n\n- PEEL: Police effectiveness 2017: Mapping organised crime groups (PEEL-R1)");
	lacks(jun, "no recommendations currently graded as red");
	lacks(jun, "closed by HMICFRS");
	has(jun, "### June\n\n- 4th Spring visit");
	lacks(jun, "NPU Insight visit");
	has(jun, "- PEEL: Police effectiveness 2017 (received 1st May 2018)");

	has(html, "<!DOCTYPE html>");
	has(html, "<html lang=\"en-GB\">");
	has(html, "<th scope=\"col\">");
	has(html, "Notified of the questions.");
	lacks(html, "<b>");
	has(html, "9th &amp; 10th");

	free(sep);
	free(jun);
	free(html);
	ov_dataset_free(ds);
	{
		ov_diag d = OV_DIAG_INIT;
		ov_paper *p = (ov_paper *)1;

		tap_ok(ov_paper_build(NULL, NULL, &p, &d) < 0 && p == NULL &&
		       ov_diag_count(&d) == 1, "no meeting: -1, a message, no paper");
		ov_diag_release(&d);
		ov_paper_free(NULL);
	}
	return tap_done();
}
