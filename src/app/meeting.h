#ifndef OV_APP_MEETING_H
#define OV_APP_MEETING_H
/*
 * Meetings for the web pages: one meeting with what its edit page needs,
 * editing its narrative blocks and the reports it reviews, its paper into
 * memory, and a preview of one Markdown block.  app/app.h's conventions
 * hold: 0, or -1 with problems in d; results owned by the caller and
 * released with the matching _release, which accepts a zeroed result.
 */
#include <stdbool.h>
#include <stddef.h>

#include "app/app.h"
#include "util/buf.h"

/* ---- one meeting ---- */

typedef struct ov_meeting_view {
	ov_meeting m;   /* with its reviews and documents */
	ov_dataset *ds; /* every report (the ones available for review, in
	                 * id order) and every person */
	/* [ds->n_reports]: the index in m.reviews of the review that
	 * chooses report i, or -1 if none does. */
	int *review_of;
	/* [m.n_reviews]: each review's report, borrowed from ds. */
	const ov_report **review_report;
	char *contact_name; /* "Name, Title" of m.contact, or NULL */
} ov_meeting_view;

/* Meeting id, its reviews and the reports there are.  An unknown id is a
 * not-found problem. */
int ov_app_meeting_show(ov_app *a, const char *id, ov_meeting_view *out,
                        ov_diag *d);
void ov_meeting_view_release(ov_meeting_view *v);

/* ---- editing one ---- */

/* A report chosen for review.  intro and narrative (Markdown): NULL
 * keeps what the meeting's review of the same report had (nothing for a
 * report newly chosen); "" clears it; other text replaces it. */
typedef struct ov_review_edit {
	const char *report; /* report id */
	const char *intro;
	const char *narrative;
} ov_review_edit;

/* The narrative blocks (Markdown): NULL leaves a block as it is, ""
 * clears it (every one of them may be empty), other text replaces it.
 * With set_reviews, reviews[0..n_reviews) replace the list of reports
 * chosen for review, in that order (n_reviews 0: none); without it the
 * reviews stay as they are. */
typedef struct ov_meeting_edit {
	const char *purpose, *background, *peel_note, *closures_note,
	    *activities_note, *activities_after, *recommendations;
	bool set_reviews;
	const ov_review_edit *reviews;
	size_t n_reviews;
} ov_meeting_edit;

/* Apply e to meeting id and store it (ov_store_meeting_replace: the
 * meeting and its reviews in one transaction), after checking the
 * result as an import would (core/validate.h: lengths, reports that
 * exist, none chosen twice, at most 100) and every text given for valid
 * UTF-8.  Each problem is bad input at its field, named as in the
 * interchange format without the meeting's path: "purpose",
 * "reviews", "reviews[2].report", "reviews[2].narrative".  An unknown id
 * is a not-found problem.  On any problem nothing is written. */
int ov_app_meeting_edit(ov_app *a, const char *id, const ov_meeting_edit *e,
                        ov_diag *d);

/* ---- its paper, and a preview ---- */

/* The paper for meeting id, as ov_app_paper writes it for that meeting
 * (the same bytes), appended to out.  An unknown id is a not-found
 * problem at "meeting". */
int ov_app_paper_meeting(ov_app *a, const char *meeting_id,
                         enum ov_paper_fmt fmt, ov_buf *out, ov_diag *d);

/* One Markdown block as an HTML fragment (paper/doc.h's
 * ov_paper_markdown_html: what the paper keeps of it, headings as the
 * paper's meeting blocks have them; raw HTML shown as escaped text, never
 * passed through), appended to out.  md must be valid UTF-8 of at most
 * OV_MAX_TEXT bytes (else bad input at "markdown"); NULL is empty. */
int ov_app_markdown_html(const char *md, ov_buf *out, ov_diag *d);

#endif
