#include "core/peel.h"

#include <string.h>

bool ov_grade_is_real(enum ov_grade g)
{
	return g >= OV_GRADE_OUTSTANDING && g <= OV_GRADE_INADEQUATE;
}

bool ov_grade_on_scale(enum ov_grade g, enum ov_scale s)
{
	if (s != OV_SCALE_PEEL2014 && s != OV_SCALE_PEEL2021)
		return false;
	switch (g) {
	case OV_GRADE_NONE:
	case OV_GRADE_OUTSTANDING:
	case OV_GRADE_GOOD:
	case OV_GRADE_RI:
	case OV_GRADE_INADEQUATE:
	case OV_GRADE_TBI:
	case OV_GRADE_NOT_GRADED:
	case OV_GRADE_AWAITED:
		return true;
	case OV_GRADE_ADEQUATE:
		return s == OV_SCALE_PEEL2021;
	}
	return false;
}

static bool same_force(const ov_assessment *x, const ov_assessment *y)
{
	return x->force && y->force && strcmp(x->force, y->force) == 0;
}

/* The question of a with this key, or NULL. */
static const ov_question *find_question(const ov_assessment *a,
					const char *key)
{
	for (size_t i = 0; i < a->n_questions; i++)
		if (a->questions[i].key && strcmp(a->questions[i].key, key) == 0)
			return &a->questions[i];
	return NULL;
}

/* The latest assessment of a's force dated strictly before a that gave
 * key a real grade.  Equal dates: the later one in the (sorted) array
 * wins, so the answer does not depend on load order. */
static const ov_assessment *carried_from(const ov_dataset *ds,
					 const ov_assessment *a,
					 const char *key,
					 const ov_question **qout)
{
	const ov_assessment *best = NULL;

	for (size_t i = 0; i < ds->n_assessments; i++) {
		const ov_assessment *b = &ds->assessments[i];
		const ov_question *q;

		/* A grade on another scale is not this one's (a 2021-on
		 * "Good" is not a 2014-2019 "Good"). */
		if (b == a || !same_force(a, b) || b->scale != a->scale ||
		    b->date.day == OV_DAY_NONE || b->date.day >= a->date.day ||
		    (best && b->date.day < best->date.day))
			continue;
		q = find_question(b, key);
		if (q && ov_grade_is_real(q->grade)) {
			best = b;
			*qout = q;
		}
	}
	return best;
}

const ov_pillar *ov_peel_pillar(const ov_assessment *a, const char *name)
{
	for (size_t i = 0; name && i < a->n_pillars; i++)
		if (a->pillars[i].name && strcmp(a->pillars[i].name, name) == 0)
			return &a->pillars[i];
	return NULL;
}

void ov_peel_table(const ov_dataset *ds, const ov_assessment *a,
		   ov_peel_cell *cells)
{
	for (size_t i = 0; i < a->n_questions; i++) {
		const ov_question *q = &a->questions[i], *prev = NULL;
		ov_peel_cell *c = &cells[i];

		c->grade = q->grade;
		c->inspect = q->grade == OV_GRADE_TBI ? q->inspect
						      : OV_PDATE_NONE;
		c->from = NULL;
		if (q->grade != OV_GRADE_NONE || !q->key)
			continue;
		c->from = carried_from(ds, a, q->key, &prev);
		if (c->from)
			c->grade = prev->grade;
	}
}

const ov_assessment *ov_peel_current(const ov_dataset *ds, const char *force,
				     ov_day as_at)
{
	const ov_assessment *best = NULL;

	if (!force)
		return NULL;
	for (size_t i = 0; i < ds->n_assessments; i++) {
		const ov_assessment *b = &ds->assessments[i];

		if (!b->force || strcmp(b->force, force) != 0 ||
		    b->date.day == OV_DAY_NONE || b->date.day > as_at)
			continue;
		if (!best || b->date.day >= best->date.day)
			best = b;
	}
	return best;
}
