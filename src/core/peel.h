#ifndef OV_CORE_PEEL_H
#define OV_CORE_PEEL_H
/*
 * PEEL tables with carry-forward: a question an assessment did not inspect
 * (grade OV_GRADE_NONE) shows the grade it last had, from the latest earlier
 * assessment (by date) of the same force that gave the same question key a
 * real grade (Outstanding..Inadequate) on the same grading scale: a grade
 * never crosses from the 2014-2019 four grades to the 2021-on five.  An
 * assessment's order is its date's first day (a month-only date sorts as
 * the month's first day).
 */
#include <stdbool.h>

#include "core/model.h"

typedef struct ov_peel_cell {
	enum ov_grade grade;  /* what to show; OV_GRADE_NONE if nothing known */
	ov_pdate inspect;     /* for OV_GRADE_TBI, when */
	const ov_assessment *from; /* where a carried grade came from, else NULL */
} ov_peel_cell;

/* True if grade g may be given on scale s: Adequate only on peel-2021;
 * TBI, NOT_GRADED and AWAITED (inspected, grade awaited) on both; NONE
 * always. */
bool ov_grade_on_scale(enum ov_grade g, enum ov_scale s);

/* True for the real grades Outstanding..Inadequate. */
bool ov_grade_is_real(enum ov_grade g);

/* The pillar grade of a called name, or NULL (borrowed from a). */
const ov_pillar *ov_peel_pillar(const ov_assessment *a, const char *name);

/* Fill cells[i] for a->questions[i], i < a->n_questions.  ds must be
 * sorted (ov_dataset_sort).  cells is caller-allocated. */
void ov_peel_table(const ov_dataset *ds, const ov_assessment *a,
		   ov_peel_cell *cells);

/* The latest assessment of force dated on or before as_at; NULL if none. */
const ov_assessment *ov_peel_current(const ov_dataset *ds, const char *force,
				     ov_day as_at);

#endif
