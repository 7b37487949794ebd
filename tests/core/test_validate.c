#include <stdlib.h>
#include <string.h>

#include "core/validate.h"
#include "fixture/fixture.h"
#include "tap.h"
#include "util/date.h"
#include "util/diag.h"
#include "util/mem.h"

/* A small valid dataset touching every entity and link; each bad case
 * below starts from it and breaks one thing. */
static ov_dataset *good(void)
{
	ov_dataset *ds = ov_dataset_new();
	ov_assessment *a;
	ov_report *rep;
	ov_rec *r;
	ov_activity *act;
	ov_meeting *m;
	size_t i;

	fx_add_force(ds, "WMP", "West Midlands Police");
	fx_add_force(ds, "SWP", "Somewhere Police");
	fx_add_force(ds, "BTP", "British Transport Police"); /* unreferenced */
	fx_add_person(ds, "p-acc", "Jo Bloggs", "ACC Crime");
	fx_add_person(ds, "p-cc", NULL, "Chief Constable");
	fx_add_person(ds, "p-spare", "Sam Spare", NULL);
	fx_add_board(ds, "vib", "Vulnerability Improvement Board", "p-cc");
	fx_add_plan(ds, "fvip", "Force Vulnerability Improvement Plan", "vib");

	i = fx_add_assessment(ds, "wmp-2017", "WMP", 2017, "2017-11-01",
			      "PEEL 2017", OV_SCALE_PEEL2014);
	a = &ds->assessments[i];
	fx_add_question(a, "prevent-crime", 1, "Prevent Crime and ASB",
			OV_GRADE_GOOD);
	fx_add_question(a, "protecting-vulnerable", 2,
			"Protecting the Vulnerable", OV_GRADE_RI);
	a->questions[1].lead = ov_xstrdup("p-acc");
	a->questions[1].pillar = ov_xstrdup("Effectiveness");
	i = fx_add_assessment(ds, "wmp-2018", "WMP", 2018, "2018-09-01",
			      "IPA November 2018", OV_SCALE_PEEL2014);
	a = &ds->assessments[i];
	fx_add_question(a, "prevent-crime", 1, "Prevent Crime and ASB",
			OV_GRADE_NONE);
	fx_add_question(a, "protecting-vulnerable", 2,
			"Protecting the Vulnerable", OV_GRADE_TBI);
	a->questions[1].inspect = fx_pdate("2018-11");
	a->flag_note = ov_xstrdup("Inspected in November");
	i = fx_add_assessment(ds, "swp-2021", "SWP", 2021, "2021-06-01",
			      "PEEL 2021", OV_SCALE_PEEL2021);
	fx_add_question(&ds->assessments[i], "crime-data", 1, "Crime data",
			OV_GRADE_ADEQUATE);

	i = fx_add_report(ds, "r-ms", "Stolen freedom", "2017-10-24",
			  OV_STYLE_RECS);
	rep = &ds->reports[i];
	rep->short_name = ov_xstrdup("Modern Slavery");
	rep->fieldwork_from = fx_pdate("2017-02");
	rep->fieldwork_to = fx_pdate("2017-03");
	rep->forces_in_scope = 10;
	rep->forces_fieldwork = 6;
	rep->plan = ov_xstrdup("fvip");
	rep->received = fx_day("2017-10-25");
	fx_add_report(ds, "r-cp", "National Child Protection Inspection",
		      "2016", OV_STYLE_FINDINGS);

	i = fx_add_rec(ds, "MS-R01", "r-ms", "WMP", "Leadership", "Do a thing.",
		       "2017-10-24");
	r = &ds->recs[i];
	r->timescale = ov_xstrdup("Within six months");
	r->sme = ov_xstrdup("p-acc");
	r->plan = ov_xstrdup("fvip");
	fx_add_bullet(r, "first bullet");
	fx_add_bullet(r, "second bullet");
	fx_ev_owner(r, "2017-11-01", "p-acc");                         /* 1 */
	fx_ev_rag(r, "2018-01-10", OV_RAG_AMBER);                      /* 2 */
	fx_event(r, "2018-03-01", OV_EV_UPDATE, "Jo", "Done");         /* 3 */
	fx_event(r, "2018-05-01", OV_EV_PROPOSED, "Jo Bloggs", NULL);  /* 4 */
	fx_ev_basis(r, "2018-07-01", OV_EV_CLOSED, "HMICFRS", "Seen"); /* 5 */
	i = fx_add_rec(ds, "CP-F01", "r-cp", "WMP", "Quality", NULL,
		       "2016-05-01");
	r = &ds->recs[i];
	r->finding = ov_xstrdup("Quality of service varies.");
	r->response = ov_xstrdup("A new audit regime.");

	i = fx_add_activity(ds, "act-1", "WMP", "2018-07-10", "2018-07-12",
			    "NPU Insight visit");
	act = &ds->activities[i];
	act->kind = OV_ACT_INSIGHT;
	act->question = ov_xstrdup("protecting-vulnerable");
	act->place = ov_xstrdup("WV");
	fx_add_activity(ds, "act-2", "WMP", "2018-08-01", "2018-08-01",
			"File review");

	i = fx_add_meeting(ds, "jac-2018-09", "WMP", "Joint Audit Committee",
			   "2018-09-27", "HMICFRS update", "p-acc");
	m = &ds->meetings[i];
	m->agenda_item = ov_xstrdup("5");
	m->assessment = ov_xstrdup("wmp-2018");
	fx_add_review(m, "r-ms", "Progress is good.");
	fx_add_document(m, "None");
	return ds;
}

/* Runs validation; *n gets the returned count. */
static ov_diag run(const ov_dataset *ds, size_t *n)
{
	ov_diag d = OV_DIAG_INIT;

	*n = ov_validate_dataset(ds, &d);
	return d;
}

static void show(const ov_diag *d)
{
	for (size_t i = 0; i < d->n; i++)
		printf("#   %s\n", d->msg[i]);
}

/* Index of the message "PATH: ..." containing needle, or -1. */
static long find_msg(const ov_diag *d, const char *path, const char *needle)
{
	size_t pl = strlen(path);

	for (size_t i = 0; i < d->n; i++)
		if (strncmp(d->msg[i], path, pl) == 0 &&
		    strncmp(d->msg[i] + pl, ": ", 2) == 0 &&
		    strstr(d->msg[i] + pl + 2, needle))
			return (long)i;
	return -1;
}

/* Validates ds (and frees it); wants exactly one problem, at path, saying
 * needle.  Exactly one keeps messages from cascading unnoticed. */
static void expect1(ov_dataset *ds, const char *path, const char *needle)
{
	size_t n;
	ov_diag d = run(ds, &n);
	char name[512];
	bool ok;

	snprintf(name, sizeof name, "%s: %s", path, needle);
	ok = tap_ok(n == 1 && d.n == 1 && find_msg(&d, path, needle) == 0,
		    name);
	if (!ok) {
		printf("#   %zu problems:\n", n);
		show(&d);
	}
	ov_diag_release(&d);
	ov_dataset_free(ds);
}

/* As expect1, but other problems may come with it (e.g. a broken id also
 * breaks the links to it). */
static void expect(ov_dataset *ds, const char *path, const char *needle)
{
	size_t n;
	ov_diag d = run(ds, &n);
	char name[512];

	snprintf(name, sizeof name, "%s: %s (among others)", path, needle);
	if (!tap_ok(n == d.n && find_msg(&d, path, needle) >= 0, name))
		show(&d);
	ov_diag_release(&d);
	ov_dataset_free(ds);
}

static void expect_valid(ov_dataset *ds, const char *name)
{
	size_t n;
	ov_diag d = run(ds, &n);

	if (!tap_ok(n == 0 && d.n == 0, name))
		show(&d);
	ov_diag_release(&d);
	ov_dataset_free(ds);
}

#define REC(ds, i) (&(ds)->recs[i])
#define EV(ds, i, k) (&(ds)->recs[i].events[k])

static void drop_events_after(ov_rec *r, size_t keep)
{
	for (size_t k = keep; k < r->n_events; k++)
		ov_event_release(&r->events[k]);
	r->n_events = keep;
}

static void test_valid_id(void)
{
	char *s;

	tap_ok(ov_valid_id("a"), "id: one letter");
	tap_ok(ov_valid_id("7"), "id: one digit");
	tap_ok(ov_valid_id("SF-2017_R05.b"), "id: letters, digits, . _ -");
	s = fx_repeat('x', OV_MAX_ID);
	tap_ok(ov_valid_id(s), "id: 64 bytes");
	free(s);
	s = fx_repeat('x', OV_MAX_ID + 1);
	tap_ok(!ov_valid_id(s), "id: 65 bytes refused");
	free(s);
	tap_ok(!ov_valid_id(NULL), "id: NULL refused");
	tap_ok(!ov_valid_id(""), "id: empty refused");
	tap_ok(!ov_valid_id("-a"), "id: leading - refused");
	tap_ok(!ov_valid_id(".a"), "id: leading . refused");
	tap_ok(!ov_valid_id("_a"), "id: leading _ refused");
	tap_ok(!ov_valid_id("a b"), "id: space refused");
	tap_ok(!ov_valid_id("a/b"), "id: slash refused");
	tap_ok(!ov_valid_id("caf\xc3\xa9"), "id: non-ASCII refused");
	tap_ok(!ov_valid_id("a\n"), "id: newline refused");
}

static void test_good(void)
{
	ov_dataset *ds;

	expect_valid(good(), "the good dataset is valid");
	expect_valid(ov_dataset_new(), "an empty dataset is valid");

	ds = good();
	fx_set(&REC(ds, 0)->text, "Recs-style text in a findings report");
	fx_set(&REC(ds, 1)->text, "Findings reports may have text too");
	expect_valid(ds, "text is allowed in a findings-style report");

	ds = good();
	ds->assessments[1].questions[1].inspect = OV_PDATE_NONE;
	expect_valid(ds, "to-be-inspected without an inspect date");

	ds = good();
	fx_set_repeat(&ds->forces[2].name, 'n', OV_MAX_LINE);
	fx_set_repeat(&REC(ds, 0)->text, 't', OV_MAX_TEXT);
	fx_set_repeat(&ds->forces[2].code, 'C', OV_MAX_ID);
	expect_valid(ds, "lengths exactly at the limits");

	ds = good();
	fx_event(REC(ds, 0), "2018-07-01", OV_EV_REOPENED, "HMICFRS", NULL);
	fx_event(REC(ds, 0), "2018-08-01", OV_EV_PROPOSED, "Jo", NULL);
	fx_ev_basis(REC(ds, 0), "2018-08-01", OV_EV_NA, "Jo", "No ports");
	fx_event(REC(ds, 0), "2018-09-01", OV_EV_REOPENED, "HMICFRS", NULL);
	fx_ev_basis(REC(ds, 0), "2018-09-01", OV_EV_SUPERSEDED, "HMICFRS",
		    "PEEL 2018 AFI 2");
	fx_ev_rag(REC(ds, 0), "2018-09-02", OV_RAG_GREEN);
	fx_event(REC(ds, 0), "2018-09-03", OV_EV_UPDATE, "Jo", "After");
	fx_ev_owner(REC(ds, 0), "2018-09-03", "p-spare");
	expect_valid(ds, "reopen, n/a, supersede; same-day events; "
			 "updates after an end");

	ds = good();
	fx_add_meeting(ds, "audit-2018-09", "WMP", "Audit Committee",
		       "2018-09-27", "HMICFRS update", "p-cc");
	fx_add_meeting(ds, "jac-swp", "SWP", "Joint Audit Committee",
		       "2018-09-27", "HMICFRS update", "p-cc");
	fx_add_meeting(ds, "jac-2018-12", "WMP", "Joint Audit Committee",
		       "2018-12-13", "HMICFRS update", "p-cc");
	expect_valid(ds, "other committees, forces and dates may share");

	ds = good();
	for (int k = 0; k < 98; k++)
		fx_add_bullet(REC(ds, 0), "b");
	expect_valid(ds, "100 bullets");
}

static void test_forces_people(void)
{
	ov_dataset *ds;

	ds = good();
	fx_set(&ds->forces[2].code, "WMP");
	expect1(ds, "$.forces[2].code", "duplicate code 'WMP' (first at "
					"$.forces[0])");
	ds = good();
	fx_set(&ds->forces[2].code, "B T P");
	expect1(ds, "$.forces[2].code", "'B T P' is not a valid id");
	ds = good();
	free(ds->forces[2].code);
	ds->forces[2].code = NULL;
	expect1(ds, "$.forces[2].code", "is required");
	ds = good();
	fx_set(&ds->forces[2].name, "");
	expect1(ds, "$.forces[2].name", "is required");
	ds = good();
	fx_set_repeat(&ds->forces[2].name, 'n', OV_MAX_LINE + 1);
	expect1(ds, "$.forces[2].name", "longer than 512 bytes");
	ds = good();
	fx_set_repeat(&ds->forces[2].prov.note, 'n', OV_MAX_TEXT + 1);
	expect1(ds, "$.forces[2].note", "longer than 65536 bytes");

	ds = good();
	free(ds->people[1].title);
	ds->people[1].title = NULL;
	expect1(ds, "$.people[1].name", "needs a name or a title");
	ds = good();
	fx_set(&ds->people[2].id, "p-acc");
	expect1(ds, "$.people[2].id", "duplicate id 'p-acc' (first at "
				      "$.people[0])");
	ds = good();
	fx_set(&ds->people[2].id, "-spare");
	expect1(ds, "$.people[2].id", "not a valid id");
	ds = good();
	fx_set_repeat(&ds->people[0].title, 't', OV_MAX_LINE + 1);
	expect1(ds, "$.people[0].title", "longer than 512 bytes");
	/* An invalid id also breaks links to it. */
	ds = good();
	fx_set(&ds->people[0].id, "p acc");
	expect(ds, "$.people[0].id", "not a valid id");
}

static void test_boards_plans(void)
{
	ov_dataset *ds;

	ds = good();
	free(ds->boards[0].name);
	ds->boards[0].name = NULL;
	expect1(ds, "$.boards[0].name", "is required");
	ds = good();
	fx_set(&ds->boards[0].chair, "nobody");
	expect1(ds, "$.boards[0].chair", "no person 'nobody'");
	ds = good();
	fx_add_board(ds, "vib", "Again", NULL);
	expect1(ds, "$.boards[1].id", "duplicate id 'vib'");
	ds = good();
	fx_set(&ds->plans[0].board, "nope");
	expect1(ds, "$.plans[0].board", "no board 'nope'");
	ds = good();
	fx_set(&ds->plans[0].name, "");
	expect1(ds, "$.plans[0].name", "is required");
	ds = good();
	fx_set(&ds->plans[0].id, "");
	expect(ds, "$.plans[0].id", "not a valid id");
}

static void test_assessments(void)
{
	ov_dataset *ds;
	ov_assessment *a;

	ds = good();
	fx_set(&ds->assessments[0].force, "XYZ");
	expect1(ds, "$.assessments[0].force", "no force 'XYZ'");
	ds = good();
	free(ds->assessments[0].force);
	ds->assessments[0].force = NULL;
	expect1(ds, "$.assessments[0].force", "is required");
	ds = good();
	ds->assessments[0].year = 0;
	expect1(ds, "$.assessments[0].year", "is required");
	ds = good();
	ds->assessments[0].year = 20017;
	expect1(ds, "$.assessments[0].year", "20017 is outside 1900..2199");
	ds = good();
	ds->assessments[0].date = OV_PDATE_NONE;
	expect1(ds, "$.assessments[0].date", "is required");
	ds = good();
	free(ds->assessments[0].label);
	ds->assessments[0].label = NULL;
	expect1(ds, "$.assessments[0].label", "is required");
	ds = good();
	fx_set(&ds->assessments[2].id, "wmp-2017");
	expect1(ds, "$.assessments[2].id", "duplicate id 'wmp-2017'");
	ds = good();
	ds->assessments[0].scale = (enum ov_scale)9;
	expect(ds, "$.assessments[0].scale", "not a scale");

	ds = good();
	a = &ds->assessments[2];
	ov_assessment_release(a);
	ov_assessment_init(a);
	a->id = ov_xstrdup("swp-2021");
	a->force = ov_xstrdup("SWP");
	a->year = 2021;
	a->date = fx_pdate("2021-06-01");
	a->label = ov_xstrdup("PEEL 2021");
	expect1(ds, "$.assessments[2].questions",
		"at least one question (or pillar grade) is needed");

	ds = good();
	for (int k = 0; k < 100; k++)
		fx_add_question(&ds->assessments[2], "k", 0, "Q",
				OV_GRADE_NONE);
	expect(ds, "$.assessments[2].questions", "more than 100 questions");

	ds = good();
	fx_set(&ds->assessments[0].questions[1].key, "prevent-crime");
	expect1(ds, "$.assessments[0].questions[1].key",
		"duplicate key 'prevent-crime' (first at questions[0])");
	ds = good();
	fx_set(&ds->assessments[0].questions[1].key, "Protecting vulnerable");
	expect1(ds, "$.assessments[0].questions[1].key", "not a valid id");
	ds = good();
	ds->assessments[0].questions[1].number = 1;
	expect1(ds, "$.assessments[0].questions[1].number",
		"duplicate number 1 (first at questions[0])");
	ds = good();
	ds->assessments[0].questions[0].number = 0;
	expect1(ds, "$.assessments[0].questions[0].number", "is required");
	ds = good();
	free(ds->assessments[0].questions[0].text);
	ds->assessments[0].questions[0].text = NULL;
	expect1(ds, "$.assessments[0].questions[0].text", "is required");
	ds = good();
	fx_set_repeat(&ds->assessments[0].questions[1].pillar, 'p',
		      OV_MAX_LINE + 1);
	expect1(ds, "$.assessments[0].questions[1].pillar", "longer than");
	ds = good();
	fx_set(&ds->assessments[0].questions[1].lead, "ghost");
	expect1(ds, "$.assessments[0].questions[1].lead", "no person 'ghost'");

	ds = good();
	ds->assessments[0].questions[0].grade = OV_GRADE_ADEQUATE;
	expect1(ds, "$.assessments[0].questions[0].grade",
		"'adequate' is not a grade on the peel-2014 scale");
	ds = good();
	ds->assessments[2].questions[0].grade = OV_GRADE_OUTSTANDING;
	expect_valid(ds, "outstanding on peel-2021");
	ds = good();
	ds->assessments[0].questions[0].grade = (enum ov_grade)77;
	expect1(ds, "$.assessments[0].questions[0].grade", "not a grade");
	ds = good();
	ds->assessments[0].questions[0].inspect = fx_pdate("2018-11");
	expect1(ds, "$.assessments[0].questions[0].inspect",
		"only with grade 'to-be-inspected'");
	ds = good();
	ds->assessments[1].questions[0].inspect = fx_pdate("2018");
	expect1(ds, "$.assessments[1].questions[0].inspect",
		"only with grade 'to-be-inspected'");
	ds = good();
	fx_set_repeat(&ds->assessments[1].flag_note, 'f', OV_MAX_TEXT + 1);
	expect1(ds, "$.assessments[1].flag_note", "longer than 65536 bytes");
}

static void test_reports(void)
{
	ov_dataset *ds;

	ds = good();
	free(ds->reports[0].title);
	ds->reports[0].title = NULL;
	expect1(ds, "$.reports[0].title", "is required");
	ds = good();
	fx_set_repeat(&ds->reports[0].title, 'T', OV_MAX_LINE + 1);
	expect1(ds, "$.reports[0].title", "longer than 512 bytes");
	ds = good();
	ds->reports[0].published = OV_PDATE_NONE;
	expect1(ds, "$.reports[0].published", "is required");
	ds = good();
	fx_set(&ds->reports[1].id, "r-ms");
	expect(ds, "$.reports[1].id", "duplicate id 'r-ms' (first at "
				      "$.reports[0])");
	ds = good();
	fx_set(&ds->reports[0].id, "r ms");
	expect(ds, "$.reports[0].id", "not a valid id");
	ds = good();
	ds->reports[0].fieldwork_from = fx_pdate("2017-03");
	ds->reports[0].fieldwork_to = fx_pdate("2017-02");
	expect1(ds, "$.reports[0].fieldwork_to",
		"fieldwork ends (2017-02) before it starts (2017-03)");
	ds = good();
	ds->reports[0].fieldwork_from = fx_pdate("2017-03-10");
	ds->reports[0].fieldwork_to = fx_pdate("2017-03");
	expect_valid(ds, "fieldwork to a month containing the start day");
	ds = good();
	ds->reports[0].fieldwork_from = fx_pdate("2017-03-10");
	ds->reports[0].fieldwork_to = fx_pdate("2017-03-09");
	expect1(ds, "$.reports[0].fieldwork_to", "before it starts");
	ds = good();
	ds->reports[0].forces_fieldwork = 11;
	expect1(ds, "$.reports[0].forces_fieldwork",
		"11 forces visited but only 10 in scope");
	ds = good();
	ds->reports[0].forces_fieldwork = 10;
	expect_valid(ds, "every force in scope visited");
	ds = good();
	ds->reports[0].forces_in_scope = -1;
	ds->reports[0].forces_fieldwork = 11;
	expect_valid(ds, "fieldwork count with scope unknown");
	ds = good();
	ds->reports[0].forces_in_scope = -5;
	expect1(ds, "$.reports[0].forces_in_scope", "must not be negative");
	ds = good();
	fx_set(&ds->reports[0].plan, "nope");
	expect1(ds, "$.reports[0].plan", "no plan 'nope'");
	ds = good();
	fx_set_repeat(&ds->reports[0].summary, 's', OV_MAX_TEXT + 1);
	expect1(ds, "$.reports[0].summary", "longer than 65536 bytes");
	ds = good();
	ds->reports[0].style = (enum ov_style)5;
	expect(ds, "$.reports[0].style", "not a style");
}

static void test_recs(void)
{
	ov_dataset *ds;

	ds = good();
	fx_set(&REC(ds, 1)->ref, "MS-R01");
	expect1(ds, "$.recommendations[1].ref",
		"duplicate ref 'MS-R01' (first at $.recommendations[0])");
	ds = good();
	fx_set(&REC(ds, 0)->ref, "MS R01");
	expect1(ds, "$.recommendations[0].ref", "not a valid id");
	ds = good();
	free(REC(ds, 0)->ref);
	REC(ds, 0)->ref = NULL;
	expect1(ds, "$.recommendations[0].ref", "is required");
	ds = good();
	fx_set(&REC(ds, 0)->report, "nope");
	expect1(ds, "$.recommendations[0].report", "no report 'nope'");
	ds = good();
	free(REC(ds, 0)->report);
	REC(ds, 0)->report = NULL;
	expect1(ds, "$.recommendations[0].report", "is required");
	ds = good();
	fx_set(&REC(ds, 0)->force, "XYZ");
	expect1(ds, "$.recommendations[0].force", "no force 'XYZ'");
	ds = good();
	free(REC(ds, 0)->area);
	REC(ds, 0)->area = NULL;
	expect_valid(ds, "a recommendation without an area heading (AFIs "
		     "often have none)");
	ds = good();
	fx_set_repeat(&REC(ds, 0)->area, 'a', OV_MAX_LINE + 1);
	expect1(ds, "$.recommendations[0].area", "longer than 512 bytes");
	ds = good();
	fx_set_repeat(&REC(ds, 0)->subject, 'a', OV_MAX_LINE + 1);
	expect1(ds, "$.recommendations[0].subject", "longer than 512 bytes");
	ds = good();
	fx_set_repeat(&REC(ds, 0)->timescale, 'a', OV_MAX_LINE + 1);
	expect1(ds, "$.recommendations[0].timescale", "longer than 512 bytes");
	ds = good();
	free(REC(ds, 0)->text);
	REC(ds, 0)->text = NULL;
	expect1(ds, "$.recommendations[0].text", "is required");
	ds = good();
	fx_set_repeat(&REC(ds, 0)->text, 't', OV_MAX_TEXT + 1);
	expect1(ds, "$.recommendations[0].text", "longer than 65536 bytes");
	ds = good();
	free(REC(ds, 1)->finding);
	REC(ds, 1)->finding = NULL;
	expect1(ds, "$.recommendations[1].finding", "is required");
	ds = good();
	fx_set(&REC(ds, 1)->response, "");
	expect1(ds, "$.recommendations[1].response", "is required");
	ds = good();
	fx_set_repeat(&REC(ds, 1)->finding, 'f', OV_MAX_TEXT + 1);
	expect1(ds, "$.recommendations[1].finding", "longer than 65536");
	ds = good();
	for (int k = 0; k < 99; k++)
		fx_add_bullet(REC(ds, 0), "b");
	expect1(ds, "$.recommendations[0].bullets", "more than 100 bullets");
	ds = good();
	fx_set(&REC(ds, 0)->bullets[1], "");
	expect1(ds, "$.recommendations[0].bullets[1]", "an empty bullet");
	ds = good();
	fx_set_repeat(&REC(ds, 0)->bullets[0], 'b', OV_MAX_TEXT + 1);
	expect1(ds, "$.recommendations[0].bullets[0]", "longer than 65536");
	ds = good();
	fx_set(&REC(ds, 0)->sme, "ghost");
	expect1(ds, "$.recommendations[0].sme", "no person 'ghost'");
	ds = good();
	fx_set(&REC(ds, 0)->plan, "nope");
	expect1(ds, "$.recommendations[0].plan", "no plan 'nope'");
	ds = good();
	REC(ds, 0)->kind = (enum ov_rec_kind)9;
	expect1(ds, "$.recommendations[0].kind", "not a kind");
	ds = good();
	REC(ds, 0)->addressee = (enum ov_addressee)99;
	expect1(ds, "$.recommendations[0].addressee", "not an addressee");
	ds = good();
	drop_events_after(REC(ds, 1), 0);
	expect1(ds, "$.recommendations[1].timeline",
		"a timeline needs at least its 'created' event");
	ds = good();
	for (int k = 0; k < OV_MAX_EVENTS; k++)
		fx_event(REC(ds, 1), "2016-06-01", OV_EV_UPDATE, "Jo", "x");
	expect1(ds, "$.recommendations[1].timeline", "more than 10000 events");
}

static void test_timeline(void)
{
	ov_dataset *ds;
	ov_diag d = OV_DIAG_INIT;
	size_t n;

	/* The exact message, as the brief gives it. */
	ds = good();
	free(EV(ds, 0, 5)->basis);
	EV(ds, 0, 5)->basis = NULL;
	d = run(ds, &n);
	tap_is_int((long long)n, 1, "closure without basis: one problem");
	tap_is_str(d.n ? d.msg[0] : NULL,
		   "$.recommendations[0].timeline[5].basis: a 'closed' event "
		   "needs a basis (why HMICFRS closed it)",
		   "closure without basis: the message");
	ov_diag_release(&d);
	ov_dataset_free(ds);

	ds = good();
	fx_set(&EV(ds, 0, 5)->basis, "");
	expect1(ds, "$.recommendations[0].timeline[5].basis",
		"a 'closed' event needs a basis");
	ds = good();
	fx_event(REC(ds, 1), "2017-01-01", OV_EV_SUPERSEDED, "HMICFRS", NULL);
	expect1(ds, "$.recommendations[1].timeline[1].basis",
		"a 'superseded' event needs a basis");
	ds = good();
	fx_event(REC(ds, 1), "2017-01-01", OV_EV_NA, "Jo", NULL);
	expect1(ds, "$.recommendations[1].timeline[1].basis",
		"a 'not-applicable' event needs a basis");

	ds = good();
	EV(ds, 1, 0)->kind = OV_EV_UPDATE;
	EV(ds, 1, 0)->text = ov_xstrdup("note");
	expect1(ds, "$.recommendations[1].timeline[0].kind",
		"the first event must be 'created', not 'update'");
	ds = good();
	EV(ds, 1, 0)->kind = OV_EV_PROPOSED;
	fx_event(REC(ds, 1), "2016-06-01", OV_EV_UPDATE, "Jo", "note");
	expect1(ds, "$.recommendations[1].timeline[0].kind",
		"the first event must be 'created'");
	ds = good();
	fx_event(REC(ds, 1), "2016-06-01", OV_EV_CREATED, "HMICFRS", NULL);
	expect1(ds, "$.recommendations[1].timeline[1].kind",
		"a 'created' event cannot follow status 'open'");
	ds = good();
	fx_ev_basis(REC(ds, 0), "2018-08-01", OV_EV_CLOSED, "HMICFRS", "Again");
	expect1(ds, "$.recommendations[0].timeline[6].kind",
		"a 'closed' event cannot follow status 'closed'");
	ds = good();
	fx_event(REC(ds, 0), "2018-08-01", OV_EV_PROPOSED, "Jo", NULL);
	expect1(ds, "$.recommendations[0].timeline[6].kind",
		"a 'closure-proposed' event cannot follow status 'closed'");
	ds = good();
	fx_event(REC(ds, 1), "2016-06-01", OV_EV_REOPENED, "HMICFRS", NULL);
	expect1(ds, "$.recommendations[1].timeline[1].kind",
		"a 'reopened' event cannot follow status 'open'");
	ds = good();
	fx_event(REC(ds, 1), "2016-06-01", OV_EV_PROPOSED, "Jo", NULL);
	fx_event(REC(ds, 1), "2016-06-02", OV_EV_PROPOSED, "Jo", NULL);
	expect1(ds, "$.recommendations[1].timeline[2].kind",
		"a 'closure-proposed' event cannot follow status "
		"'closure-proposed'");
	ds = good();
	fx_ev_basis(REC(ds, 0), "2018-08-01", OV_EV_SUPERSEDED, "HMICFRS", "x");
	expect1(ds, "$.recommendations[0].timeline[6].kind",
		"a 'superseded' event cannot follow status 'closed'");
	ds = good();
	fx_ev_basis(REC(ds, 1), "2016-06-01", OV_EV_NA, "Jo", "x");
	fx_ev_basis(REC(ds, 1), "2016-06-02", OV_EV_NA, "Jo", "x");
	expect1(ds, "$.recommendations[1].timeline[2].kind",
		"a 'not-applicable' event cannot follow status "
		"'not-applicable'");
	ds = good();
	EV(ds, 0, 0)->kind = (enum ov_event_kind)42;
	expect(ds, "$.recommendations[0].timeline[0].kind",
	       "not an event kind");

	ds = good();
	EV(ds, 0, 2)->date = fx_day("2017-10-31");
	expect1(ds, "$.recommendations[0].timeline[2].date",
		"2017-10-31 is before the previous event (2017-11-01)");
	ds = good();
	EV(ds, 0, 3)->date = fx_day("2018-01-10");
	expect_valid(ds, "same-day events are in order");
	ds = good();
	EV(ds, 0, 3)->date = OV_DAY_NONE;
	expect1(ds, "$.recommendations[0].timeline[3].date", "is required");
	ds = good();
	EV(ds, 0, 3)->date = OV_DAY_NONE;
	EV(ds, 0, 4)->date = fx_day("2018-01-01");
	expect(ds, "$.recommendations[0].timeline[4].date",
	       "2018-01-01 is before the previous event (2018-01-10)");
	ds = good();
	free(EV(ds, 0, 3)->author);
	EV(ds, 0, 3)->author = NULL;
	expect1(ds, "$.recommendations[0].timeline[3].author", "is required");
	ds = good();
	fx_set_repeat(&EV(ds, 0, 3)->author, 'a', OV_MAX_LINE + 1);
	expect1(ds, "$.recommendations[0].timeline[3].author", "longer than");
	ds = good();
	free(EV(ds, 0, 3)->text);
	EV(ds, 0, 3)->text = NULL;
	expect1(ds, "$.recommendations[0].timeline[3].text",
		"an 'update' event needs text (the progress note)");
	ds = good();
	fx_set_repeat(&EV(ds, 0, 3)->text, 'x', OV_MAX_TEXT + 1);
	expect1(ds, "$.recommendations[0].timeline[3].text", "longer than");
	ds = good();
	EV(ds, 0, 2)->rag = OV_RAG_NONE;
	expect1(ds, "$.recommendations[0].timeline[2].rag",
		"a 'rag' event needs a rag (red, amber, green)");
	ds = good();
	EV(ds, 0, 2)->rag = (enum ov_rag)8;
	expect1(ds, "$.recommendations[0].timeline[2].rag", "not a rag");
	ds = good();
	free(EV(ds, 0, 1)->owner);
	EV(ds, 0, 1)->owner = NULL;
	expect1(ds, "$.recommendations[0].timeline[1].owner",
		"an 'owner' event needs an owner (a person id)");
	ds = good();
	fx_set(&EV(ds, 0, 1)->owner, "ghost");
	expect1(ds, "$.recommendations[0].timeline[1].owner",
		"no person 'ghost'");
	ds = good();
	fx_set(&EV(ds, 0, 1)->owner, "Jo Bloggs");
	expect1(ds, "$.recommendations[0].timeline[1].owner",
		"not a valid id");
	ds = good();
	EV(ds, 0, 3)->rag = OV_RAG_RED;
	expect1(ds, "$.recommendations[0].timeline[3].rag",
		"only a 'rag' event sets a rag, not 'update'");
	ds = good();
	fx_set(&EV(ds, 0, 2)->owner, "p-acc");
	expect1(ds, "$.recommendations[0].timeline[2].owner",
		"only an 'owner' event sets an owner, not 'rag'");
	ds = good();
	fx_set(&EV(ds, 0, 4)->basis, "because");
	expect1(ds, "$.recommendations[0].timeline[4].basis",
		"have a basis, not 'closure-proposed'");
	ds = good();
	fx_set(&EV(ds, 0, 0)->basis, "because");
	expect1(ds, "$.recommendations[0].timeline[0].basis",
		"have a basis, not 'created'");
	ds = good();
	fx_ev_basis(REC(ds, 0), "2018-08-01", OV_EV_REOPENED, "HMICFRS", "why");
	expect1(ds, "$.recommendations[0].timeline[6].basis",
		"have a basis, not 'reopened'");
	ds = good();
	fx_set_repeat(&EV(ds, 0, 5)->basis, 'b', OV_MAX_TEXT + 1);
	expect1(ds, "$.recommendations[0].timeline[5].basis", "longer than");
}

static void test_activities(void)
{
	ov_dataset *ds;

	ds = good();
	ds->activities[0].to = fx_pdate("2018-07-09");
	expect1(ds, "$.activities[0].to",
		"ends (2018-07-09) before it starts (2018-07-10)");
	ds = good();
	ds->activities[0].from = OV_PDATE_NONE;
	expect1(ds, "$.activities[0].from", "is required");
	ds = good();
	ds->activities[1].to = OV_PDATE_NONE;
	expect1(ds, "$.activities[1].to", "is required");
	ds = good();
	free(ds->activities[0].subject);
	ds->activities[0].subject = NULL;
	expect1(ds, "$.activities[0].subject", "is required");
	ds = good();
	fx_set_repeat(&ds->activities[0].subject, 's', OV_MAX_LINE + 1);
	expect1(ds, "$.activities[0].subject", "longer than 512 bytes");
	ds = good();
	fx_set(&ds->activities[0].force, "XYZ");
	expect1(ds, "$.activities[0].force", "no force 'XYZ'");
	ds = good();
	free(ds->activities[0].force);
	ds->activities[0].force = NULL;
	expect1(ds, "$.activities[0].force", "is required");
	ds = good();
	fx_set(&ds->activities[1].id, "act-1");
	expect1(ds, "$.activities[1].id", "duplicate id 'act-1'");
	ds = good();
	free(ds->activities[1].id);
	ds->activities[1].id = NULL;
	expect1(ds, "$.activities[1].id", "is required");
	ds = good();
	fx_set(&ds->activities[0].question, "nope");
	expect1(ds, "$.activities[0].question",
		"no assessment of force 'WMP' has question 'nope'");
	ds = good();
	fx_set(&ds->activities[0].question, "crime-data");
	expect1(ds, "$.activities[0].question",
		"no assessment of force 'WMP' has question 'crime-data'");
	ds = good();
	ds->activities[0].kind = (enum ov_activity_kind)50;
	expect1(ds, "$.activities[0].kind", "not an activity kind");
	ds = good();
	fx_set_repeat(&ds->activities[0].feedback, 'f', OV_MAX_TEXT + 1);
	expect1(ds, "$.activities[0].feedback", "longer than 65536");
}

static void test_meetings(void)
{
	ov_dataset *ds;
	ov_meeting *m;
	size_t i;

	ds = good();
	free(ds->meetings[0].committee);
	ds->meetings[0].committee = NULL;
	expect1(ds, "$.meetings[0].committee", "is required");
	ds = good();
	ds->meetings[0].date = OV_DAY_NONE;
	expect1(ds, "$.meetings[0].date", "is required");
	ds = good();
	fx_set(&ds->meetings[0].title, "");
	expect1(ds, "$.meetings[0].title", "is required");
	ds = good();
	free(ds->meetings[0].contact);
	ds->meetings[0].contact = NULL;
	expect_valid(ds, "a meeting without a contact officer");
	ds = good();
	fx_set(&ds->meetings[0].contact, "ghost");
	expect1(ds, "$.meetings[0].contact", "no person 'ghost'");
	ds = good();
	fx_set(&ds->meetings[0].force, "XYZ");
	expect1(ds, "$.meetings[0].force", "no force 'XYZ'");
	ds = good();
	fx_set(&ds->meetings[0].assessment, "nope");
	expect1(ds, "$.meetings[0].assessment", "no assessment 'nope'");
	ds = good();
	fx_set(&ds->meetings[0].assessment, "swp-2021");
	expect1(ds, "$.meetings[0].assessment",
		"assessment 'swp-2021' is not of force 'WMP'");
	ds = good();
	fx_set(&ds->meetings[0].reviews[0].report, "nope");
	expect1(ds, "$.meetings[0].reviews[0].report", "no report 'nope'");
	ds = good();
	fx_add_review(&ds->meetings[0], "r-cp", NULL);
	fx_add_review(&ds->meetings[0], "r-ms", NULL);
	expect1(ds, "$.meetings[0].reviews[2].report",
		"report 'r-ms' is already reviewed (reviews[0])");
	ds = good();
	fx_set_repeat(&ds->meetings[0].reviews[0].narrative, 'n',
		      OV_MAX_TEXT + 1);
	expect1(ds, "$.meetings[0].reviews[0].narrative", "longer than");
	ds = good();
	fx_set_repeat(&ds->meetings[0].purpose, 'p', OV_MAX_TEXT + 1);
	expect1(ds, "$.meetings[0].purpose", "longer than 65536");
	ds = good();
	fx_set(&ds->meetings[0].documents[0], "");
	expect1(ds, "$.meetings[0].documents[0]", "is required");
	ds = good();
	for (int k = 0; k < 100; k++)
		fx_add_document(&ds->meetings[0], "doc");
	expect1(ds, "$.meetings[0].documents", "more than 100 documents");
	ds = good();
	i = fx_add_meeting(ds, "jac-dup", "WMP", "Joint Audit Committee",
			   "2018-09-27", "Another paper", "p-cc");
	expect1(ds, "$.meetings[1].date",
		"WMP's Joint Audit Committee already meets on 2018-09-27 "
		"($.meetings[0])");
	(void)i;
	ds = good();
	fx_add_meeting(ds, "jac-2018-09", "WMP", "Joint Audit Committee",
		       "2018-12-13", "HMICFRS update", "p-cc");
	expect1(ds, "$.meetings[1].id", "duplicate id 'jac-2018-09'");
	ds = good();
	m = &ds->meetings[0];
	fx_set_repeat(&m->agenda_item, '5', OV_MAX_LINE + 1);
	expect1(ds, "$.meetings[0].agenda_item", "longer than 512 bytes");
}

/* One meeting on its own (ov_validate_meeting): the same checks, its
 * fields named bare, no clash with other meetings. */
static void expect_alone(ov_dataset *ds, size_t i, const char *where,
			 const char *needle)
{
	ov_diag d = OV_DIAG_INIT;
	size_t n = ov_validate_meeting(ds, &ds->meetings[i], &d);
	char name[512];

	snprintf(name, sizeof name, "one meeting: %s%s%s",
		 where ? where : "valid", where ? ": " : "",
		 where ? needle : "");
	if (!tap_ok(where ? n == 1 && d.n == 1 && d.p[0].where &&
				    !strcmp(d.p[0].where, where) &&
				    strstr(d.p[0].what, needle)
			  : n == 0 && d.n == 0,
		    name))
		show(&d);
	ov_diag_release(&d);
	ov_dataset_free(ds);
}

static void test_meeting_alone(void)
{
	ov_dataset *ds;

	expect_alone(good(), 0, NULL, NULL);
	ds = good();
	fx_set(&ds->meetings[0].reviews[0].report, "nope");
	expect_alone(ds, 0, "reviews[0].report", "no report 'nope'");
	ds = good();
	fx_add_review(&ds->meetings[0], "r-cp", NULL);
	fx_add_review(&ds->meetings[0], "r-ms", NULL);
	expect_alone(ds, 0, "reviews[2].report", "already reviewed");
	ds = good();
	fx_set_repeat(&ds->meetings[0].purpose, 'p', OV_MAX_TEXT + 1);
	expect_alone(ds, 0, "purpose", "longer than 65536");
	ds = good();
	fx_set_repeat(&ds->meetings[0].reviews[0].narrative, 'n',
		      OV_MAX_TEXT + 1);
	expect_alone(ds, 0, "reviews[0].narrative", "longer than");
	ds = good();
	for (int k = 0; k < 101; k++)
		fx_add_review(&ds->meetings[0], "r-cp", NULL);
	{
		ov_diag d = OV_DIAG_INIT;

		ov_validate_meeting(ds, &ds->meetings[0], &d);
		tap_ok(d.n >= 1 && d.p[0].where &&
			       !strcmp(d.p[0].where, "reviews") &&
			       strstr(d.p[0].what, "more than 100 reviews"),
		       "one meeting: reviews: more than 100 (first)");
		ov_diag_release(&d);
		ov_dataset_free(ds);
	}
	ds = good();
	fx_add_meeting(ds, "jac-dup", "WMP", "Joint Audit Committee",
		       "2018-09-27", "Another paper", "p-cc");
	expect_alone(ds, 1, NULL, NULL);
}

/* Every entity's provenance note is bounded. */
static ov_prov *prov_of(ov_dataset *ds, int k)
{
	switch (k) {
	case 0: return &ds->people[0].prov;
	case 1: return &ds->boards[0].prov;
	case 2: return &ds->plans[0].prov;
	case 3: return &ds->assessments[0].prov;
	case 4: return &ds->reports[0].prov;
	case 5: return &ds->recs[0].prov;
	case 6: return &ds->activities[0].prov;
	default: return &ds->meetings[0].prov;
	}
}

static void test_prov(void)
{
	static const char *const paths[] = {
		"$.people[0].note",	  "$.boards[0].note",
		"$.plans[0].note",		  "$.assessments[0].note",
		"$.reports[0].note",	  "$.recommendations[0].note",
		"$.activities[0].note", "$.meetings[0].note",
	};
	for (int k = 0; k < 8; k++) {
		ov_dataset *ds = good();
		ov_prov *p = prov_of(ds, k);

		p->assumed = true;
		fx_set_repeat(&p->note, 'n', OV_MAX_TEXT + 1);
		expect1(ds, paths[k], "longer than 65536 bytes");
	}
}

/* Every problem is reported, not just the first. */
static void test_many(void)
{
	ov_dataset *ds = good();
	size_t n;
	ov_diag d;

	fx_set(&ds->forces[2].name, "");
	fx_set(&ds->boards[0].chair, "ghost");
	EV(ds, 0, 2)->rag = OV_RAG_NONE;
	ds->activities[0].to = fx_pdate("2018-01-01");
	d = run(ds, &n);
	tap_is_int((long long)n, 4, "four problems, four messages");
	tap_ok(find_msg(&d, "$.forces[2].name", "is required") >= 0 &&
		       find_msg(&d, "$.boards[0].chair", "ghost") >= 0 &&
		       find_msg(&d, "$.recommendations[0].timeline[2].rag",
				"needs a rag") >= 0 &&
		       find_msg(&d, "$.activities[0].to", "before") >= 0,
	       "each named by its path");
	ov_diag_release(&d);
	ov_dataset_free(ds);
}

static void test_event(void)
{
	ov_dataset *ds = good();
	const ov_rec *closed = REC(ds, 0), *open = REC(ds, 1);
	ov_event ev;
	ov_diag d = OV_DIAG_INIT;

	ov_event_init(&ev);
	ev.kind = OV_EV_REOPENED;
	ev.date = fx_day("2018-07-01");
	ev.author = ov_xstrdup("HMICFRS");
	tap_is_int((long long)ov_validate_event(closed, &ev, "new", &d), 0,
		   "event: reopen a closed one on the same day");
	tap_is_int((long long)d.n, 0, "event: no messages");

	ev.date = fx_day("2018-06-30");
	tap_is_int((long long)ov_validate_event(closed, &ev, "new", &d), 1,
		   "event: dated before the last event");
	tap_is_str(d.n ? d.msg[0] : NULL,
		   "new.date: 2018-06-30 is before the previous event "
		   "(2018-07-01)",
		   "event: date message names where");
	ov_diag_release(&d);

	ev.date = fx_day("2018-08-01");
	tap_is_int((long long)ov_validate_event(open, &ev, "new", &d), 1,
		   "event: cannot reopen an open one");
	tap_is_str(d.n ? d.msg[0] : NULL,
		   "new.kind: a 'reopened' event cannot follow status 'open'",
		   "event: transition message");
	ov_diag_release(&d);

	ev.kind = OV_EV_CLOSED;
	tap_is_int((long long)ov_validate_event(open, &ev, NULL, &d), 1,
		   "event: closing needs a basis");
	tap_is_str(d.n ? d.msg[0] : NULL,
		   "event.basis: a 'closed' event needs a basis (why HMICFRS "
		   "closed it)",
		   "event: NULL where reads 'event'");
	ov_diag_release(&d);

	ev.basis = ov_xstrdup("Evidence seen");
	tap_is_int((long long)ov_validate_event(open, &ev, "new", &d), 0,
		   "event: closing with a basis");
	ov_event_release(&ev);

	ov_event_init(&ev);
	ev.kind = OV_EV_UPDATE;
	tap_is_int((long long)ov_validate_event(open, &ev, "new", &d), 3,
		   "event: no date, author or text: three problems");
	tap_ok(find_msg(&d, "new.date", "is required") >= 0 &&
		       find_msg(&d, "new.author", "is required") >= 0 &&
		       find_msg(&d, "new.text", "needs text") >= 0,
	       "event: each named");
	ov_diag_release(&d);

	ev.kind = OV_EV_OWNER;
	ev.date = fx_day("2019-01-01");
	ev.author = ov_xstrdup("Jo");
	ev.owner = ov_xstrdup("anyone-at-all");
	tap_is_int((long long)ov_validate_event(open, &ev, "new", &d), 0,
		   "event: owner not resolved without a dataset");
	ov_event_release(&ev);

	ov_event_init(&ev);
	ev.kind = OV_EV_CREATED;
	ev.date = fx_day("2019-01-01");
	ev.author = ov_xstrdup("HMICFRS");
	{
		ov_rec empty;

		ov_rec_init(&empty);
		tap_is_int((long long)ov_validate_event(&empty, &ev, "new", &d),
			   0, "event: created on an empty timeline");
		ev.kind = OV_EV_RAG;
		ev.rag = OV_RAG_RED;
		tap_is_int((long long)ov_validate_event(&empty, &ev, "new", &d),
			   1, "event: rag before created");
		tap_ok(find_msg(&d, "new.kind", "first event must be") >= 0,
		       "event: first must be created");
		ov_rec_release(&empty);
	}
	ov_diag_release(&d);
	ov_event_release(&ev);
	ov_dataset_free(ds);
}

/* Issue 6: every text is held to the importer's rule (UTF-8), a required
 * text is not blank, events are dated at most OV_FUTURE_DAYS ahead and a
 * timeline holds at most OV_MAX_EVENTS, for a dataset and for one new
 * event alike. */
static void test_text_rules(void)
{
	static const char *const bad[] = {
		"bad\xff",          /* not UTF-8 at all */
		"over\xc0\xaflong", /* an overlong '/' */
		"sur\xed\xa0\x80",  /* a surrogate */
		"cut\xe2\x80",      /* a sequence cut short */
		"big\xf4\x90\x80\x80", /* past U+10FFFF */
	};
	ov_dataset *ds;
	char day[11];

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		ds = good();
		fx_set(&EV(ds, 0, 3)->text, bad[i]);
		expect1(ds, "$.recommendations[0].timeline[3].text",
			"is not valid UTF-8");
	}
	ds = good();
	fx_set(&EV(ds, 0, 5)->basis, "Seen \xff");
	expect1(ds, "$.recommendations[0].timeline[5].basis",
		"is not valid UTF-8");
	ds = good();
	fx_set(&EV(ds, 0, 3)->author, "J\xfe");
	expect1(ds, "$.recommendations[0].timeline[3].author",
		"is not valid UTF-8");
	ds = good();
	fx_set(&REC(ds, 0)->area, "Lead\xff" "ership");
	expect1(ds, "$.recommendations[0].area", "is not valid UTF-8");
	ds = good();
	fx_set(&REC(ds, 0)->bullets[0], "\x80");
	expect1(ds, "$.recommendations[0].bullets[0]", "is not valid UTF-8");
	ds = good();
	fx_set(&ds->people[0].name, "Jo \xc3");
	expect1(ds, "$.people[0].name", "is not valid UTF-8");
	ds = good();
	fx_set(&ds->meetings[0].purpose, "To note \xff");
	expect1(ds, "$.meetings[0].purpose", "is not valid UTF-8");
	ds = good();
	fx_set(&ds->meetings[0].reviews[0].narrative, "\xed\xbf\xbf");
	expect1(ds, "$.meetings[0].reviews[0].narrative",
		"is not valid UTF-8");
	ds = good();
	fx_set(&ds->meetings[0].reviews[0].report, "r-\xff");
	expect1(ds, "$.meetings[0].reviews[0].report",
		"no such report (the id is not valid UTF-8)");
	ds = good();
	fx_set(&EV(ds, 0, 3)->text,
	       "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80");
	fx_set(&REC(ds, 0)->area, "\xc3\x89quipe");
	expect_valid(ds, "UTF-8 of two, three and four bytes is accepted");

	/* Blank: white space alone, ASCII or Unicode's, is not given. */
	ds = good();
	fx_set(&EV(ds, 0, 5)->basis, "   ");
	expect1(ds, "$.recommendations[0].timeline[5].basis",
		"a 'closed' event needs a basis");
	ds = good();
	fx_set(&EV(ds, 0, 5)->basis, " \t\n\xc2\xa0\xe2\x80\x83\xe3\x80\x80");
	expect1(ds, "$.recommendations[0].timeline[5].basis",
		"a 'closed' event needs a basis");
	ds = good();
	EV(ds, 0, 5)->kind = OV_EV_SUPERSEDED;
	fx_set(&EV(ds, 0, 5)->basis, "  ");
	expect1(ds, "$.recommendations[0].timeline[5].basis",
		"a 'superseded' event needs a basis");
	ds = good();
	EV(ds, 0, 5)->kind = OV_EV_NA;
	fx_set(&EV(ds, 0, 5)->basis, "\t");
	expect1(ds, "$.recommendations[0].timeline[5].basis",
		"a 'not-applicable' event needs a basis");
	ds = good();
	fx_set(&EV(ds, 0, 3)->text, " \r\n ");
	expect1(ds, "$.recommendations[0].timeline[3].text",
		"needs text (the progress note)");
	ds = good();
	fx_set(&EV(ds, 0, 3)->author, "  ");
	expect1(ds, "$.recommendations[0].timeline[3].author",
		"is required (it is blank)");
	ds = good();
	fx_set(&ds->forces[0].name, " ");
	expect1(ds, "$.forces[0].name", "is required (it is blank)");
	ds = good();
	fx_set(&REC(ds, 0)->area, "\xe2\x80\x8b"); /* a zero-width space */
	expect1(ds, "$.recommendations[0].area", "is blank");
	ds = good();
	fx_set(&ds->meetings[0].title, "   ");
	expect1(ds, "$.meetings[0].title", "is required (it is blank)");
	ds = good();
	fx_set(&EV(ds, 0, 5)->basis, " Seen ");
	expect_valid(ds, "a basis with words and spaces is given");

	/* Dates: up to a week ahead, no further. */
	ds = good();
	ov_date_format(ov_date_today() + OV_FUTURE_DAYS + 1, day);
	fx_event(REC(ds, 1), day, OV_EV_UPDATE, "Jo", "ahead");
	expect1(ds, "$.recommendations[1].timeline[1].date",
		"more than 7 days after today");
	ds = good();
	fx_event(REC(ds, 1), "2199-12-31", OV_EV_UPDATE, "Jo", "ahead");
	expect1(ds, "$.recommendations[1].timeline[1].date",
		"2199-12-31 is more than 7 days after today");
	ds = good();
	ov_date_format(ov_date_today() + OV_FUTURE_DAYS, day);
	fx_event(REC(ds, 1), day, OV_EV_UPDATE, "Jo", "a week ahead");
	expect_valid(ds, "an event a week ahead is accepted");

	/* The event limit: OV_MAX_EVENTS is accepted, one more is not. */
	ds = good();
	for (int k = 1; k < OV_MAX_EVENTS; k++)
		fx_event(REC(ds, 1), "2016-06-01", OV_EV_UPDATE, "Jo", "x");
	expect_valid(ds, "a timeline of exactly OV_MAX_EVENTS events");
}

/* One new event (ov_validate_event, what rec update and the web use):
 * the same rules. */
static void test_event_rules(void)
{
	ov_dataset *ds = good();
	ov_rec *open = REC(ds, 1);
	ov_event ev;
	ov_diag d = OV_DIAG_INIT;

	ov_event_init(&ev);
	ev.kind = OV_EV_UPDATE;
	ev.date = fx_day("2019-01-01");
	ev.author = ov_xstrdup("Jo");
	ev.text = ov_xstrdup("bad\xff");
	tap_is_int((long long)ov_validate_event(open, &ev, "new", &d), 1,
		   "event: a note not in UTF-8");
	tap_ok(find_msg(&d, "new.text", "is not valid UTF-8") >= 0,
	       "... named at its text");
	ov_diag_release(&d);
	fx_set(&ev.text, "  ");
	tap_is_int((long long)ov_validate_event(open, &ev, "new", &d), 1,
		   "event: a blank progress note");
	tap_ok(find_msg(&d, "new.text", "needs text") >= 0, "... needs text");
	ov_diag_release(&d);
	fx_set(&ev.text, "fine");
	fx_set(&ev.author, "\xc0\x80");
	tap_is_int((long long)ov_validate_event(open, &ev, "new", &d), 1,
		   "event: an author not in UTF-8");
	ov_diag_release(&d);
	fx_set(&ev.author, "Jo");
	ev.date = ov_date_today() + OV_FUTURE_DAYS + 1;
	tap_is_int((long long)ov_validate_event(open, &ev, "new", &d), 1,
		   "event: dated more than a week ahead");
	tap_ok(find_msg(&d, "new.date", "days after today") >= 0,
	       "... named at its date");
	ov_diag_release(&d);
	ev.date = ov_date_today();
	ev.kind = OV_EV_CLOSED;
	free(ev.text);
	ev.text = NULL;
	ev.basis = ov_xstrdup(" \t ");
	tap_is_int((long long)ov_validate_event(open, &ev, "new", &d), 1,
		   "event: a blank closure basis");
	tap_ok(find_msg(&d, "new.basis", "needs a basis") >= 0,
	       "... needs a basis");
	ov_diag_release(&d);
	fx_set(&ev.basis, "Evidence seen");
	ev.kind = OV_EV_UPDATE;
	fx_set(&ev.basis, NULL);
	ev.text = ov_xstrdup("note");
	while (open->n_events < OV_MAX_EVENTS - 1)
		fx_event(open, "2016-06-01", OV_EV_UPDATE, "Jo", "x");
	tap_is_int((long long)ov_validate_event(open, &ev, "new", &d), 0,
		   "event: the last event a timeline may hold");
	fx_event(open, "2016-06-01", OV_EV_UPDATE, "Jo", "x");
	tap_is_int((long long)ov_validate_event(open, &ev, "new", &d), 1,
		   "event: one past OV_MAX_EVENTS");
	tap_ok(find_msg(&d, "new.timeline", "already has 10000 events") >= 0,
	       "... named at the timeline");
	ov_diag_release(&d);
	ov_event_release(&ev);
	ov_dataset_free(ds);
}

/* Issue 10: what real papers state and the first format could not. */
static void test_issue10_fields(void)
{
	ov_dataset *ds;
	ov_assessment *a;
	ov_event *e;
	ov_layout *l;
	size_t i;

	/* A team or unit owns; it needs its name. */
	ds = good();
	ds->people[2].unit = true;
	expect_valid(ds, "a team or unit with its name");
	ds = good();
	ds->people[1].unit = true; /* p-cc: a title alone */
	expect1(ds, "$.people[1].name", "a team or unit needs its name");

	/* Overall and pillar grades, on the assessment's scale. */
	ds = good();
	a = &ds->assessments[0];
	a->overall = OV_GRADE_GOOD;
	a->pillars = ov_xcalloc(2, sizeof *a->pillars);
	a->n_pillars = 2;
	a->pillars[0].name = ov_xstrdup("Effectiveness");
	a->pillars[0].grade = OV_GRADE_RI;
	a->pillars[0].inspect = OV_PDATE_NONE;
	a->pillars[1].name = ov_xstrdup("Efficiency");
	a->pillars[1].grade = OV_GRADE_AWAITED;
	a->pillars[1].inspect = OV_PDATE_NONE;
	expect_valid(ds, "overall and pillar grades (one awaited)");
	ds = good();
	ds->assessments[0].overall = OV_GRADE_ADEQUATE;
	expect1(ds, "$.assessments[0].overall",
		"'adequate' is not a grade on the peel-2014 scale");
	ds = good();
	ds->assessments[0].overall = OV_GRADE_TBI;
	expect1(ds, "$.assessments[0].overall", "cannot be 'to-be-inspected'");
	ds = good();
	a = &ds->assessments[0];
	a->pillars = ov_xcalloc(2, sizeof *a->pillars);
	a->n_pillars = 2;
	a->pillars[0].name = ov_xstrdup("Legitimacy");
	a->pillars[0].grade = OV_GRADE_GOOD;
	a->pillars[0].inspect = OV_PDATE_NONE;
	a->pillars[1].name = ov_xstrdup("Legitimacy");
	a->pillars[1].grade = OV_GRADE_ADEQUATE;
	a->pillars[1].inspect = fx_pdate("2018-11");
	expect(ds, "$.assessments[0].pillars[1].name", "already graded");
	ds = good();
	a = &ds->assessments[0];
	a->pillars = ov_xcalloc(1, sizeof *a->pillars);
	a->n_pillars = 1;
	a->pillars[0].name = ov_xstrdup("Legitimacy");
	a->pillars[0].grade = OV_GRADE_NONE;
	a->pillars[0].inspect = OV_PDATE_NONE;
	expect1(ds, "$.assessments[0].pillars[0].grade", "is required");

	/* An assessment dated to the month. */
	ds = good();
	ds->assessments[1].date = fx_pdate("2018-09");
	expect_valid(ds, "an assessment dated only to the month");

	/* Activities known to the month; the end not before the start. */
	ds = good();
	ds->activities[1].from = fx_pdate("2018-08");
	ds->activities[1].to = fx_pdate("2018-08");
	expect_valid(ds, "an activity known only to the month");
	ds = good();
	ds->activities[1].from = fx_pdate("2018-08");
	ds->activities[1].to = fx_pdate("2018-07");
	expect1(ds, "$.activities[1].to", "ends (2018-07) before it starts");

	/* A status change whose day is not known. */
	ds = good();
	e = &ds->recs[0].events[5];
	e->date = fx_day("2018-07-01");
	e->precision = OV_PRECISION_MONTH;
	expect_valid(ds, "a closure known only to its month");
	ds = good();
	e = &ds->recs[0].events[5];
	e->date = fx_day("2018-07-15");
	e->precision = OV_PRECISION_MONTH;
	expect1(ds, "$.recommendations[0].timeline[5].date",
		"the first day of the month (2018-07-01)");

	/* Target revised: a new date and a reason, on a live rec only. */
	ds = good();
	i = ds->recs[0].n_events;
	fx_event(&ds->recs[0], "2018-03-02", OV_EV_TARGET, "Jo", NULL);
	(void)i;
	expect(ds, "$.recommendations[0].timeline[6].target",
	       "needs the new target date");
	ds = good();
	fx_event(&ds->recs[1], "2018-03-02", OV_EV_TARGET, "Jo", NULL);
	e = &ds->recs[1].events[ds->recs[1].n_events - 1];
	e->target = fx_day("2019-03-31");
	expect1(ds, "$.recommendations[1].timeline[1].reason",
		"needs a reason");
	ds = good();
	fx_event(&ds->recs[1], "2018-03-02", OV_EV_TARGET, "Jo", NULL);
	e = &ds->recs[1].events[ds->recs[1].n_events - 1];
	e->target = fx_day("2019-03-31");
	e->reason = ov_xstrdup("Awaiting the new IT system");
	expect_valid(ds, "a target revised with its reason");
	ds = good();
	ds->recs[0].events[3].target = fx_day("2019-03-31");
	expect1(ds, "$.recommendations[0].timeline[3].target",
		"only a 'target-revised' event has a target");
	ds = good();
	fx_event(&ds->recs[0], "2018-08-02", OV_EV_TARGET, "Jo", NULL);
	e = &ds->recs[0].events[ds->recs[0].n_events - 1];
	e->target = fx_day("2019-03-31");
	e->reason = ov_xstrdup("late");
	expect1(ds, "$.recommendations[0].timeline[6].kind",
		"cannot follow status 'closed'");

	/* A recommendation answers a cause of concern of its report. */
	ds = good();
	i = fx_add_rec(ds, "MS-C01", "r-ms", "WMP", NULL, "A cause.",
		       "2017-10-24");
	ds->recs[i].kind = OV_RK_CAUSE;
	fx_set(&ds->recs[0].cause, "MS-C01");
	ov_dataset_sort(ds);
	expect_valid(ds, "a recommendation answering a cause of concern");
	ds = good();
	fx_set(&ds->recs[0].cause, "CP-F01");
	expect1(ds, "$.recommendations[0].cause", "is a recommendation, not a "
		"cause of concern");
	ds = good();
	fx_set(&ds->recs[0].cause, "nope");
	expect1(ds, "$.recommendations[0].cause", "no recommendation 'nope'");

	/* Layouts, and a meeting naming one. */
	ds = good();
	ds->layouts = ov_xcalloc(1, sizeof *ds->layouts);
	ds->n_layouts = 1;
	l = &ds->layouts[0];
	ov_layout_init(l);
	l->id = ov_xstrdup("iac");
	l->force = ov_xstrdup("WMP");
	l->sections = ov_xcalloc(2, sizeof *l->sections);
	l->n_sections = 2;
	l->sections[0].section = OV_SEC_RECOMMENDATIONS;
	l->sections[0].heading = ov_xstrdup("1. RECOMMENDATION");
	l->sections[1].section = OV_SEC_RED;
	l->sections[1].omit = true;
	fx_set(&ds->meetings[0].layout, "iac");
	expect_valid(ds, "a layout a meeting names");
	ds = good();
	fx_set(&ds->meetings[0].layout, "nope");
	expect1(ds, "$.meetings[0].layout", "no layout 'nope'");
	ds = good();
	ds->layouts = ov_xcalloc(1, sizeof *ds->layouts);
	ds->n_layouts = 1;
	l = &ds->layouts[0];
	ov_layout_init(l);
	l->id = ov_xstrdup("iac");
	l->force = ov_xstrdup("WMP");
	l->sections = ov_xcalloc(1, sizeof *l->sections);
	l->n_sections = 1;
	l->sections[0].section = OV_SEC_RED;
	l->sections[0].omit = true;
	l->sections[0].none = ov_xstrdup("Nothing.");
	expect1(ds, "$.layouts[0].sections[0].omit", "has no 'none' sentence");
	ds = good();
	ds->layouts = ov_xcalloc(1, sizeof *ds->layouts);
	ds->n_layouts = 1;
	l = &ds->layouts[0];
	ov_layout_init(l);
	l->id = ov_xstrdup("iac");
	l->force = ov_xstrdup("WMP");
	expect1(ds, "$.layouts[0].sections", "at least one section");
}

int main(void)
{
	test_valid_id();
	test_good();
	test_forces_people();
	test_boards_plans();
	test_assessments();
	test_reports();
	test_recs();
	test_timeline();
	test_activities();
	test_meetings();
	test_meeting_alone();
	test_prov();
	test_many();
	test_event();
	test_text_rules();
	test_event_rules();
	test_issue10_fields();
	return tap_done();
}
