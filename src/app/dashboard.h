#ifndef OV_APP_DASHBOARD_H
#define OV_APP_DASHBOARD_H
/*
 * The dashboard: the register's counts as at a date, overall and per
 * report, the number of open recommendations over time, and each force's
 * PEEL grades across its assessments.  Everything a face shows is worked
 * out here; a face only lays it out (names of statuses, RAGs and grades
 * come from core/enums.h: ov_status_label, ov_rag_label, ov_grade_label).
 * app/app.h's conventions hold.
 */
#include <stdbool.h>
#include <stddef.h>

#include "app/app.h"

/* "Due soon": live, due on one of the OV_DASH_SOON_DAYS days after
 * as_at, or on as_at itself (not yet overdue). */
#define OV_DASH_SOON_DAYS 30

/* The counts of a set of recommendations as at a date.  A rec not yet
 * created then is not counted at all. */
typedef struct ov_dash_counts {
	size_t recs;                        /* created by then */
	size_t by_status[OV_STATUS_NA + 1]; /* by enum ov_status */
	size_t live;                        /* open or closure proposed */
	size_t overdue;  /* live, due before as_at (core's ov_rec_overdue) */
	size_t due_soon; /* live, due in [as_at, as_at + OV_DASH_SOON_DAYS] */
	size_t by_rag[OV_RAG_GREEN + 1]; /* live, by enum ov_rag */
	size_t unrated;                  /* live, never rated */
} ov_dash_counts;

typedef struct ov_dash_report {
	const ov_report *report; /* id, short_name, title; borrowed */
	ov_dash_counts n;
} ov_dash_report;

/* One point of "open recommendations over time": how many were live
 * (open or closure proposed, as the fold of their timelines had it) at
 * the end of `day`. */
typedef struct ov_dash_point {
	ov_day day;
	size_t open;
} ov_dash_point;

/* One cell of a PEEL grid.  With asked false the assessment did not list
 * the question (cell is then empty: OV_GRADE_NONE).  Otherwise cell is
 * core's (core/peel.h): the grade shown; cell.from non-NULL when that
 * grade was carried forward from an earlier assessment. */
typedef struct ov_dash_grade {
	bool asked;
	ov_peel_cell cell;
} ov_dash_grade;

/* A force's PEEL grades per question across its assessments. */
typedef struct ov_dash_peel {
	const ov_force *force;             /* borrowed */
	const ov_assessment **assessments; /* dated on or before as_at, in
	                                    * date order (then id) */
	size_t n_assessments;
	/* One row per question key: the question as the latest assessment
	 * that lists it words it; the latest assessment's questions first,
	 * by number, then those only earlier ones list. */
	const ov_question **questions;
	size_t n_questions;
	ov_dash_grade *grades; /* [q * n_assessments + a] */
} ov_dash_peel;

typedef struct ov_dashboard {
	ov_day as_at;
	ov_dash_counts all;
	ov_dash_report *reports; /* every report, in id order */
	size_t n_reports;
	/* The end of each month from the one in which the first
	 * recommendation was created, up to the month before as_at's; then
	 * as_at itself.  None when no recommendation was created by
	 * as_at. */
	ov_dash_point *series;
	size_t n_series;
	ov_dash_peel *peel; /* the forces that have an assessment by
	                     * as_at, in code order */
	size_t n_peel;
	ov_dataset *ds; /* forces, reports, assessments: what the
	                 * above borrow */
} ov_dashboard;

/* The dashboard as at as_at.  The register is read once, its status and
 * RAG events only (the store's look, store/types.h), each timeline folded
 * once (core/fold.h). */
int ov_app_dashboard(ov_app *a, ov_day as_at, ov_dashboard *out, ov_diag *d);
/* The same for one force (NULL: every force): its recommendations' counts
 * and series, every report (each counted for the force's
 * recommendations), its PEEL grids alone.  An unknown force is not found
 * at "force". */
int ov_app_dashboard_for(ov_app *a, ov_day as_at, const char *force,
                         ov_dashboard *out, ov_diag *d);
void ov_dashboard_release(ov_dashboard *db);

#endif
