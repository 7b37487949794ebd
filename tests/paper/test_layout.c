/*
 * Issue 10: a paper's layout is data, and its words follow the data.
 * Each rule is checked on a small register built here (not the demo's):
 * an Independent Audit Committee whose paper puts its recommendation
 * first, numbers its own sections and wants the register's counts, the
 * closedown timeline and the lists past and near their targets.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "fixture/fixture.h"
#include "paper/doc.h"
#include "tap.h"
#include "util/mem.h"

static char *render(const ov_dataset *ds, const char *meeting_id)
{
	ov_diag d = OV_DIAG_INIT;
	ov_paper *p = NULL;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (ov_paper_build(ds, ov_dataset_find_meeting(ds, meeting_id), &p,
	                   &d) < 0 ||
	    ov_paper_render_md(p, f, &d) < 0)
		ov_diag_print(&d, stdout, "# error");
	fclose(f);
	ov_paper_free(p);
	ov_diag_release(&d);
	return text;
}

static void has(const char *doc, const char *want, const char *why)
{
	if (!tap_ok(doc && strstr(doc, want) != NULL, why))
		printf("#   wanted: %s\n", want);
}

static void lacks(const char *doc, const char *what, const char *why)
{
	if (!tap_ok(doc && strstr(doc, what) == NULL, why))
		printf("#   found: %s\n", what);
}

/* a comes before b in doc. */
static void before(const char *doc, const char *a, const char *b,
                   const char *why)
{
	const char *x = doc ? strstr(doc, a) : NULL;
	const char *y = doc ? strstr(doc, b) : NULL;

	tap_ok(x && y && x < y, why);
}

static ov_section_spec *add_section(ov_layout *l, enum ov_section s,
                                    const char *heading)
{
	ov_section_spec *sp;

	l->sections =
	    ov_xrealloc(l->sections, (l->n_sections + 1) * sizeof *l->sections);
	sp = &l->sections[l->n_sections++];
	memset(sp, 0, sizeof *sp);
	sp->section = s;
	sp->heading = heading ? ov_xstrdup(heading) : NULL;
	return sp;
}

static ov_layout *add_layout(ov_dataset *ds, const char *id,
                             const char *committee)
{
	ov_layout *l;

	ds->layouts =
	    ov_xrealloc(ds->layouts, (ds->n_layouts + 1) * sizeof *ds->layouts);
	l = &ds->layouts[ds->n_layouts++];
	ov_layout_init(l);
	l->id = ov_xstrdup(id);
	l->force = ov_xstrdup("XP");
	l->committee = committee ? ov_xstrdup(committee) : NULL;
	return l;
}

/* Exshire: a PEEL report with a cause of concern, a recommendation
 * answering it and three AFIs; a thematic report all closed. */
static ov_dataset *exshire(void)
{
	ov_dataset *ds = ov_dataset_new();
	ov_rec *r;
	ov_event *e;
	ov_report *rep;
	ov_meeting *m;
	size_t i;

	fx_add_force(ds, "XP", "Exshire Police");
	fx_add_person(ds, "risk", NULL, "Head of Risk");
	fx_add_person(ds, "sdm", "Service Delivery Model team", NULL);
	ds->people[ds->n_people - 1].unit = true;
	fx_add_person(ds, "acc", "A. Smith", "ACC Local Policing");
	i = fx_add_assessment(ds, "xp-2017", "XP", 2017, "2018-03", "PEEL 2017",
	                      OV_SCALE_PEEL2014);
	fx_add_question(&ds->assessments[i], "vuln", 1,
	                "Protecting vulnerable people", OV_GRADE_NONE);
	i = fx_add_report(ds, "peel17", "PEEL: Police effectiveness 2017",
	                  "2018-03-22", OV_STYLE_RECS);
	rep = &ds->reports[i];
	rep->kind = OV_REP_PEEL;
	rep->fieldwork_from = fx_pdate("2017-09");
	rep->received = fx_day("2018-03-22");
	i = fx_add_report(ds, "cdi", "Crime data integrity", "2016-07-01",
	                  OV_STYLE_RECS);
	ds->reports[i].short_name = ov_xstrdup("CDI");

	i = fx_add_rec(ds, "P-C1", "peel17", "XP",
	               "Protecting vulnerable "
	               "people",
	               "The force is not yet protecting vulnerable "
	               "people well enough.",
	               "2018-03-22");
	ds->recs[i].kind = OV_RK_CAUSE;
	i = fx_add_rec(ds, "P-R1", "peel17", "XP",
	               "Protecting vulnerable "
	               "people",
	               "HMIC recommends that the force should "
	               "immediately review how it assesses risk.",
	               "2018-03-22");
	r = &ds->recs[i];
	r->cause = ov_xstrdup("P-C1");
	r->timescale = ov_xstrdup("Immediately");
	r->due_given = fx_day("2018-06-30");
	fx_ev_owner(r, "2018-04-02", "sdm");
	e = fx_event(r, "2018-07-02", OV_EV_TARGET, "Risk team", NULL);
	e->target = fx_day("2018-12-31");
	e->reason = ov_xstrdup("Awaiting the new risk model");
	for (int k = 1; k <= 3; k++) {
		char ref[16];

		snprintf(ref, sizeof ref, "P-A%d", k);
		i = fx_add_rec(ds, ref, "peel17", "XP", NULL,
		               k == 1   ? "The force should improve how it "
		                          "records crimes reported by partner "
		                          "agencies and third parties."
		               : k == 2 ? "The force should improve its "
		                          "supervision of investigations."
		                        : "The force should improve its use of "
		                          "ancillary orders.",
		               "2018-03-22");
		r = &ds->recs[i];
		r->kind = OV_RK_AFI;
		r->due_given = fx_day(k == 1   ? "2018-05-31"
		                      : k == 2 ? "2018-10-31"
		                               : "2019-06-30");
		if (k == 2)
			fx_ev_owner(r, "2018-04-02", "acc");
		if (k == 3) {
			fx_event(r, "2018-05-01", OV_EV_PROPOSED, "Risk", NULL);
			fx_ev_basis(r, "2018-07-01", OV_EV_CLOSED, "HMICFRS",
			            "Evidence reviewed");
			r->events[r->n_events - 1].precision =
			    OV_PRECISION_MONTH;
		}
	}
	i = fx_add_rec(ds, "CDI-1", "cdi", "XP", "Crime recording",
	               "The force should audit crime recording.", "2016-07-01");
	fx_ev_basis(&ds->recs[i], "2017-02-01", OV_EV_CLOSED, "HMICFRS",
	            "Audit seen");
	i = fx_add_rec(ds, "CDI-2", "cdi", "XP", "Crime recording",
	               "The force should train its staff.", "2016-07-01");
	fx_ev_basis(&ds->recs[i], "2017-03-01", OV_EV_CLOSED, "A. Inspector",
	            "Training seen");

	fx_add_activity(ds, "a-next", "XP", "2018-11-12", "2018-11-16",
	                "PEEL fieldwork");
	ds->activities[0].kind = OV_ACT_FIELDWORK;

	fx_add_meeting(ds, "iac-06", "XP", "Independent Audit Committee",
	               "2018-06-14", "HMICFRS update", "risk");
	i = fx_add_meeting(ds, "iac-09", "XP", "Independent Audit Committee",
	                   "2018-09-13", "HMICFRS update", "risk");
	m = &ds->meetings[i];
	m->recommendations = ov_xstrdup("The Committee is asked to note the "
	                                "report.");
	m->assessment = ov_xstrdup("xp-2017");
	fx_add_review(m, "peel17", NULL);
	fx_add_review(m, "cdi", NULL);
	fx_add_meeting(ds, "iac-12", "XP", "Independent Audit Committee",
	               "2018-12-06", "HMICFRS update", "risk");
	return ds;
}

static void iac_layout(ov_dataset *ds)
{
	ov_layout *l = add_layout(ds, "iac", "Independent Audit Committee");

	add_section(l, OV_SEC_HEADING, NULL);
	add_section(l, OV_SEC_RECOMMENDATIONS, "1. RECOMMENDATION");
	add_section(l, OV_SEC_COUNTS, "2. HMIC SUMMARY UPDATE");
	add_section(l, OV_SEC_OVERVIEW,
	            "3. Overview of activity since the "
	            "{previous} meeting");
	add_section(l, OV_SEC_TIMELINE, "4. CLOSEDOWN TIMELINE");
	add_section(l, OV_SEC_OVERDUE, "5. PAST THEIR TARGET");
	add_section(l, OV_SEC_DUE_SOON, "6. DUE BEFORE THE NEXT MEETING");
	add_section(l, OV_SEC_FORTHCOMING, "7. FORTHCOMING INSPECTIONS");
	add_section(l, OV_SEC_RED, "8. RED")->omit = true;
	add_section(l, OV_SEC_RECEIVED, "9. REPORTS RECEIVED")->none =
	    ov_xstrdup("No reports were received this quarter.");
	add_section(l, OV_SEC_PEEL, "10. PEEL");
	add_section(l, OV_SEC_REVIEWS, "11. REVIEW")->status = true;
	add_section(l, OV_SEC_CONTACT, "CONTACT");
	ov_dataset_sort(ds);
}

static void test_layout(void)
{
	ov_dataset *ds = exshire();
	char *plain, *p;

	ov_dataset_sort(ds);
	plain = render(ds, "iac-09");
	iac_layout(ds);
	p = render(ds, "iac-09");
	if (getenv("OV_SHOW"))
		fputs(p, stderr);

	/* The order, headings and numbering come from the data. */
	before(p, "## 1. RECOMMENDATION", "## 2. HMIC SUMMARY UPDATE",
	       "the recommendation comes first, as the layout says");
	has(p,
	    "## 1. RECOMMENDATION\n\nThe Committee is asked to note the "
	    "report.",
	    "... with the meeting's words");
	lacks(p, "3. RECOMMENDATIONS",
	      "no default heading where the layout "
	      "names its own");
	lacks(p, "PURPOSE OF REPORT", "a section the layout leaves out is out");
	lacks(p, "8. RED", "an empty section marked omit is left out");
	has(p,
	    "## 9. REPORTS RECEIVED\n\nNo reports were received this "
	    "quarter.",
	    "an empty section says the layout's sentence");
	has(p, "## 3. Overview of activity since the June meeting",
	    "{previous}: the month of the committee's previous meeting");
	has(plain, "## 1. PURPOSE OF REPORT", "without a layout: the seed's");
	has(plain, "PEEL: Police effectiveness 2017: one area for improvement "
	    "closed by HMICFRS", "closures: the kind named as it is");
	has(plain, "- The force should improve its use of ancillary\u2026 "
	    "(P-A3) \u2013 closed by HMICFRS, July 2018",
	    "closures: named by the text's opening words, dated to the month");
	before(plain, "## 1. PURPOSE OF REPORT", "## 3. RECOMMENDATIONS",
	       "... in the seed's order");

	/* Status counts as at the meeting, overall and per report. */
	has(p,
	    "As at 13th September 2018 the register holds one cause of "
	    "concern, three recommendations and three areas for "
	    "improvement: 2 in progress, 2 awaiting allocation (no owner yet) "
	    "and 3 closed.",
	    "status counts overall, kinds named");
	has(p, "- CDI: 2 closed", "... and per report (all closed)");
	has(p,
	    "- PEEL: Police effectiveness 2017: 2 in progress, 2 awaiting "
	    "allocation (no owner yet) and 1 closed",
	    "... per report");

	/* The closedown timeline: target, revised target and why. */
	has(p,
	    "| Report | Recommendation | Target date | Revised target | "
	    "Reason |",
	    "timeline: revised columns when a target moved");
	has(p, "| 31st December 2018 | Awaiting the new risk model |",
	    "... the revised date and the reason");
	has(p, "The force should improve how it records crimes\u2026 (P-A1)",
	    "... named by the text's opening words");
	has(p,
	    "The force should improve its supervision of investigations "
	    "(P-A2)",
	    "... no ellipsis when the words are all there");

	/* Past the target (the revised one when moved), and due soon. */
	has(p,
	    "## 5. PAST THEIR TARGET\n\n- PEEL: Police effectiveness 2017: "
	    "The force should improve how it records crimes\u2026 (P-A1) "
	    "\u2013 target 31st May 2018",
	    "overdue: past its target");
	lacks(p, "(P-R1) \u2013 target 30th June 2018",
	      "a revised target is not overdue on its first date");
	has(p,
	    "## 6. DUE BEFORE THE NEXT MEETING\n\n- PEEL: Police "
	    "effectiveness 2017: The force should improve its supervision of "
	    "investigations (P-A2) \u2013 target 31st October 2018",
	    "due before the next meeting (6th December)");
	lacks(p, "(P-R1) \u2013 target 31st December 2018",
	      "... not one due after it");
	has(p,
	    "- 12th November 2018 \u2013 16th November 2018: PEEL "
	    "fieldwork",
	    "forthcoming inspections");

	/* The overview of activity report by report. */
	has(p,
	    "target revised on 2nd July 2018 to 31st December 2018: Awaiting "
	    "the new risk model",
	    "overview: the target revised and why");
	has(p, "closed by HMICFRS in July 2018",
	    "... a closure known only to its month, at that precision");
	lacks(p, "2nd April 2018", "... nothing before the last meeting");

	/* The review: kinds, causes with their answers, status. */
	has(p,
	    "The report outlined one cause of concern, one recommendation "
	    "and three areas for improvement, all of them for the force.",
	    "kinds counted and named by what they are");
	has(p,
	    "**Cause of concern**\n\nThe force is not yet protecting "
	    "vulnerable people well enough.",
	    "a cause of concern is shown as one");
	before(p, "**Answering this cause of concern, one recommendation:**",
	       "HMIC recommends that the force should immediately review how "
	       "it assesses risk.",
	       "... with the recommendation answering it after it");
	lacks(p, "Immediately, HMIC recommends", "no doubled timescale");
	has(p,
	    "Status as at 13th September 2018: open; owner: Service "
	    "Delivery Model team.",
	    "status in the review: a unit as owner");
	has(p,
	    "Status as at 13th September 2018: closed by HMICFRS in July "
	    "2018.",
	    "... closed, when (to the month) and by whom");
	has(p,
	    "Status as at 13th September 2018: closed by A. Inspector on "
	    "1st March 2017.",
	    "... closed, the day and who closed it");
	has(p,
	    "Status as at 13th September 2018: open; awaiting allocation "
	    "(no owner yet).",
	    "... no owner yet");
	has(p, "Both recommendations of this report are closed.",
	    "a report all closed says so");
	has(p, "This was a PEEL inspection", "labels keep their case");
	lacks(p, "pEEL", "... never pEEL");

	/* Nothing empty. */
	has(p, "| PEEL Key Questions | Exshire Police PEEL 2017 |",
	    "no Pillar column without pillars; the force's name, not code");
	lacks(p, "| Pillar |", "... no Pillar column");
	has(p, "| 1. Protecting vulnerable people | Not known |",
	    "a cell with no grade says Not known");
	has(p, "## CONTACT\n\nTitle: Head of Risk", "contact: the title");
	lacks(p, "Name:", "no Name: line without a name");

	free(plain);
	free(p);
	ov_dataset_free(ds);
}

/* A meeting that differs from its committee names its own layout; the
 * committee's is used by the others. */
static void test_per_meeting(void)
{
	ov_dataset *ds = exshire();
	ov_layout *l;
	char *p, *q;

	iac_layout(ds);
	l = add_layout(ds, "iac-short", NULL);
	add_section(l, OV_SEC_HEADING, "HMICFRS: SHORT UPDATE");
	add_section(l, OV_SEC_COUNTS, "A. SUMMARY");
	fx_set(&((ov_meeting *)ov_dataset_find_meeting(ds, "iac-12"))->layout,
	       "iac-short");
	ov_dataset_sort(ds);
	p = render(ds, "iac-12");
	q = render(ds, "iac-06");
	has(p, "# HMICFRS: SHORT UPDATE", "a meeting's own layout");
	lacks(p, "1. RECOMMENDATION", "... not its committee's");
	has(q, "## 2. HMIC SUMMARY UPDATE", "another meeting: the committee's");
	lacks(q, "1. RECOMMENDATION",
	      "... an empty section without a sentence "
	      "is left out, heading and all");
	/* Moving the clock changes exactly what changed in the data. */
	has(q, "## 3. Overview of activity since the last meeting",
	    "the first meeting: no previous one");
	has(q, "As at 14th June 2018 the register holds", "as at June");
	has(q,
	    "2 in progress, 2 awaiting allocation (no owner yet), 1 pending "
	    "sign-off and 2 closed",
	    "... June's counts");
	lacks(q, "Revised target", "... no target had moved by June");
	has(p,
	    "2 in progress, 2 awaiting allocation (no owner yet) and 3 "
	    "closed",
	    "December: P-A3's closure counted");
	free(p);
	free(q);
	ov_dataset_free(ds);
}

int main(void)
{
	test_layout();
	test_per_meeting();
	return tap_done();
}
