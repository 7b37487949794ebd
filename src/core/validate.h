#ifndef OV_CORE_VALIDATE_H
#define OV_CORE_VALIDATE_H
/*
 * Semantic validation of a whole dataset, after its shape was checked by the
 * parser: unique ids, links that resolve, required fields, field lengths,
 * dates in order, timelines whose events are in date order, start with
 * CREATED and make allowed transitions (core/fold.h), closures with a date
 * and basis, grades on the assessment's scale, and so on.
 *
 * Each problem is appended to d as an OV_PROB_INPUT problem whose `where`
 * is the JSON path of the offending value in the interchange format (e.g.
 * "$.recommendations[3].timeline[2].basis") and whose `what` is the message
 * alone, so the same problems serve the import command ("PATH: message" in
 * d->msg) and the web forms.  The dataset's arrays must be in the order
 * they were read (not yet sorted) for the paths to be right.
 *
 * Every text field, from any face, is held to the same rule: valid UTF-8
 * (util/utf8.h, what the JSON importer accepts), at most its length;
 * a required text must not be blank (white space alone, util/utf8.h).
 * An event may be dated at most OV_FUTURE_DAYS after today (the clock's,
 * read once per call) and a timeline holds at most OV_MAX_EVENTS events,
 * whether it is imported or appended to.
 */
#include "core/model.h"
#include "util/diag.h"

/* Longest text field accepted, in bytes; ids are shorter. */
#define OV_MAX_TEXT 65536
#define OV_MAX_ID 64
#define OV_MAX_LINE 512  /* titles, names, areas, phrases */

/* The most events one recommendation's timeline may hold.  A
 * recommendation open for twenty years with a note, a RAG and an owner
 * every week has about 3,000; 10,000 leaves room for that three times
 * over while still bounding what one entity costs to read, fold and
 * show (every read of a rec loads its whole timeline). */
#define OV_MAX_EVENTS 10000

/* How many days past today an event may be dated.  An event records
 * something that has happened, so a later date is a typing error (2199
 * for 2019), and one would lock the timeline: every event after it must
 * not be earlier.  A week leaves room for the clock of another time zone
 * and for an entry made ahead of a meeting in the coming days. */
#define OV_FUTURE_DAYS 7

/* Returns the number of problems found (0: valid). */
size_t ov_validate_dataset(const ov_dataset *ds, ov_diag *d);

/* Checks one new event against a recommendation's timeline (for commands
 * that append one): the timeline not full (OV_MAX_EVENTS), date not before
 * the last event nor more than OV_FUTURE_DAYS after today, transition
 * allowed, required fields present and not blank, every text UTF-8.  Each problem's `where` is the path rooted at
 * `where` ("event" when NULL), e.g. "WHERE.date". */
size_t ov_validate_event(const ov_rec *rec, const ov_event *ev,
			 const char *where, ov_diag *d);

/* Checks one meeting as ov_validate_dataset checks each (required fields,
 * lengths, links to its force, assessment, contact and the reports it
 * reviews, no report reviewed twice, bounded lists), its links resolved
 * against ds (its forces, people, assessments and reports; the other
 * arrays are not read).  Each problem's `where` is the field's path
 * within the meeting, bare: "purpose", "reviews", "reviews[2].report".
 * A clash with another meeting on the same day is not checked. */
size_t ov_validate_meeting(const ov_dataset *ds, const ov_meeting *m,
			   ov_diag *d);

/* True if s is a valid id: 1..OV_MAX_ID bytes of [A-Za-z0-9._-], starting
 * with a letter or digit. */
bool ov_valid_id(const char *s);

#endif
