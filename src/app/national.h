#ifndef OV_APP_NATIONAL_H
#define OV_APP_NATIONAL_H
/*
 * The national view: one deployment holding several forces' registers
 * (DESIGN.md, "Who uses it"), seen across forces as at a date.
 *
 *   - the summary per force (the figures of ov_app_summary, counted by
 *     the same rules, app/listings.c, for each force's rows);
 *   - a national report across forces: each of its recommendations with
 *     how many forces hold it and how many have it open, closure
 *     proposed, closed or overdue;
 *   - PEEL grades per question across forces: each force's grade (its
 *     latest assessment on or before the date, with core/peel.h's
 *     carry-forward) and the distribution.
 *
 * The same recommendation across forces.  The model holds a national
 * report's recommendations per force: each force's register has its own
 * copy, with its own ref (a ref is unique in the whole register, so refs
 * differ between forces) and its own timeline.  HMICFRS writes the
 * recommendation once, so the copies share their words: two recs are the
 * same recommendation when they have the same report, the same kind, the
 * same area heading and the same text, byte for byte.  A rec without text
 * (a findings-style report) is matched on its report, kind, area and
 * subject instead.  A recommendation is listed under the lowest ref among
 * its copies (refs compared as bytes), and the list is in that order.
 *
 * Scope.  `force` NULL: every force; else that force only (it must be in
 * the register: else not found at "force").  An account bound to a force
 * passes its force (app/accounts.h, ov_app_scope_force): it sees these
 * figures only for itself.
 *
 * app/app.h's conventions hold; every result is the caller's, released
 * with its _release function (which accepts a zeroed result).
 */
#include <stdbool.h>
#include <stddef.h>

#include "app/app.h"

/* ---- the summary by force ---- */

/* One force's figures.  s is ov_app_summary's result for the force's
 * rows alone: s.ds is NULL, s.peel has one entry (the force's current
 * assessment, or NULL), s.activities and s.meetings are the force's,
 * s.reports the reports published by as_at that its register holds a
 * recommendation of. */
typedef struct ov_force_summary {
	const ov_force *force; /* borrowed from the result's ds */
	ov_summary s;
} ov_force_summary;

typedef struct ov_national_summary {
	ov_day as_at, since;      /* closures counted in (since, as_at] */
	ov_force_summary *forces; /* each force in scope, by code */
	size_t n;
	ov_dataset *ds; /* forces, assessments, reports, activities,
	                 * meetings */
} ov_national_summary;

int ov_app_summary_by_force(ov_app *a, ov_day as_at, const char *force,
                            ov_national_summary *out, ov_diag *d);
void ov_national_summary_release(ov_national_summary *s);

/* ---- a report across forces ---- */

typedef struct ov_national_rec {
	const ov_rec_row *first; /* the copy with the lowest ref (ref,
	                          * area, subject, text, kind, due...);
	                          * borrowed from the result's register */
	size_t forces; /* copies held as at as_at: one per force (a force
	               * holding the same words twice counts twice) */
	size_t by_status[OV_STATUS_NA + 1];
	size_t overdue; /* live and due before as_at (core's rule) */
} ov_national_rec;

typedef struct ov_national_report {
	ov_day as_at;
	const ov_report *report; /* borrowed from ds */
	size_t forces;           /* forces holding any of its recs */
	ov_national_rec *recs;   /* by the lowest ref of each */
	size_t n;
	ov_register reg; /* the report's rows in scope, by ref */
	ov_dataset *ds;  /* forces and reports */
} ov_national_report;

/* report: a report id (required: bad input at "report" if NULL; not
 * found there if the register has no such report). */
int ov_app_report_across(ov_app *a, const char *report, ov_day as_at,
                         const char *force, ov_national_report *out,
                         ov_diag *d);
void ov_national_report_release(ov_national_report *r);

/* ---- PEEL grades across forces ---- */

/* The grades a distribution counts: OV_GRADE_OUTSTANDING ..
 * OV_GRADE_NOT_GRADED, and "not known" (OV_GRADE_NONE: no grade by
 * then, or the force's assessment does not list the question). */
#define OV_NAT_GRADES (OV_GRADE_NOT_GRADED + 2)
/* The distribution's slot of a grade (OV_GRADE_NONE is the last). */
size_t ov_nat_grade_slot(enum ov_grade g);

typedef struct ov_national_grades {
	ov_day as_at;
	const ov_force **forces; /* in scope, by code */
	size_t n_forces;
	const ov_assessment **current; /* per force: its latest assessment
	                                * on or before as_at, or NULL */
	/* One row per question key of the forces' current assessments,
	 * worded as the first force (by code) that lists it; ordered by
	 * number, then key. */
	const ov_question **questions;
	size_t n_questions;
	ov_peel_cell *cells; /* [q * n_forces + f]; grade OV_GRADE_NONE
	                      * when not listed or not known */
	size_t (*dist)[OV_NAT_GRADES]; /* [q][ov_nat_grade_slot(grade)] */
	ov_dataset *ds;                /* forces and assessments */
} ov_national_grades;

int ov_app_grades_across(ov_app *a, ov_day as_at, const char *force,
                         ov_national_grades *out, ov_diag *d);
void ov_national_grades_release(ov_national_grades *g);

#endif
