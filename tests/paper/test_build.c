/*
 * The builder on the fixture's fx_paper() dataset: the sections hold the facts
 * computed as at the meeting date, and moving the clock to the previous meeting
 * changes exactly what the data as at that date says.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "fixture/fixture.h"
#include "paper/doc.h"
#include "tap.h"
#include "util/mem.h"

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
	ov_dataset *ds = fx_paper();
	char *sep = render(ds, "jac-2018-09", ov_paper_render_md);
	char *jun = render(ds, "jac-2018-06", ov_paper_render_md);
	char *html = render(ds, "jac-2018-09", ov_paper_render_html);

	has(sep, "**Agenda Item 5**");
	has(sep, "**JOINT AUDIT COMMITTEE**");
	has(sep, "**27th September 2018**");
	has(sep, "# HMICFRS UPDATE");
	has(sep, "## 1. PURPOSE OF REPORT");
	has(sep, "To provide members with *oversight*.");
	has(sep, "| Pillar | IPA Key Questions | West Midlands Police IPA November 2018 |");
	lacks(sep, "| WMP IPA");
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
