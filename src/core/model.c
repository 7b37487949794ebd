#include "core/model.h"

#include <stdlib.h>
#include <string.h>

#include "core/timescale.h"
#include "util/mem.h"

ov_dataset *ov_dataset_new(void)
{
	return ov_xcalloc(1, sizeof(ov_dataset));
}

/* Every entity struct starts with its id string, so one comparator and one
 * search serve them all. */
static int cmp_id(const void *a, const void *b)
{
	const char *x = *(const char *const *)a;
	const char *y = *(const char *const *)b;

	return strcmp(x ? x : "", y ? y : "");
}

static int cmp_question(const void *a, const void *b)
{
	const ov_question *x = a, *y = b;

	return (x->number > y->number) - (x->number < y->number);
}

/* qsort() with a NULL base is undefined even for zero elements. */
static void sort(void *base, size_t n, size_t sz,
		 int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, sz, cmp);
}

void ov_dataset_sort(ov_dataset *ds)
{
	sort(ds->forces, ds->n_forces, sizeof *ds->forces, cmp_id);
	sort(ds->people, ds->n_people, sizeof *ds->people, cmp_id);
	sort(ds->boards, ds->n_boards, sizeof *ds->boards, cmp_id);
	sort(ds->plans, ds->n_plans, sizeof *ds->plans, cmp_id);
	sort(ds->assessments, ds->n_assessments, sizeof *ds->assessments,
	     cmp_id);
	for (size_t i = 0; i < ds->n_assessments; i++)
		sort(ds->assessments[i].questions,
		     ds->assessments[i].n_questions, sizeof(ov_question),
		     cmp_question);
	sort(ds->reports, ds->n_reports, sizeof *ds->reports, cmp_id);
	sort(ds->recs, ds->n_recs, sizeof *ds->recs, cmp_id);
	sort(ds->activities, ds->n_activities, sizeof *ds->activities, cmp_id);
	sort(ds->meetings, ds->n_meetings, sizeof *ds->meetings, cmp_id);
	sort(ds->layouts, ds->n_layouts, sizeof *ds->layouts, cmp_id);
}

static const void *find(const void *arr, size_t n, size_t sz, const char *id)
{
	if (!id || !arr || n == 0)
		return NULL;
	return bsearch(&id, arr, n, sz, cmp_id);
}

#define FIND(name, type, field)                                               \
	const type *ov_dataset_find_##name(const ov_dataset *ds,              \
					   const char *id)                    \
	{                                                                     \
		return find(ds->field, ds->n_##field, sizeof(type), id);      \
	}

FIND(force, ov_force, forces)
FIND(person, ov_person, people)
FIND(board, ov_board, boards)
FIND(plan, ov_plan, plans)
FIND(assessment, ov_assessment, assessments)
FIND(report, ov_report, reports)
FIND(rec, ov_rec, recs)
FIND(meeting, ov_meeting, meetings)
FIND(layout, ov_layout, layouts)

static bool same_str(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

const ov_layout *ov_dataset_layout_for(const ov_dataset *ds,
				       const ov_meeting *m)
{
	if (m->layout)
		return ov_dataset_find_layout(ds, m->layout);
	for (size_t i = 0; i < ds->n_layouts; i++)
		if (same_str(ds->layouts[i].force, m->force) &&
		    same_str(ds->layouts[i].committee, m->committee))
			return &ds->layouts[i];
	return NULL;
}

ov_day ov_rec_due(const ov_rec *rec, const ov_report *report)
{
	ov_day due, pub = OV_DAY_NONE;

	if (rec->due_given != OV_DAY_NONE)
		return rec->due_given;
	if (!rec->timescale)
		return OV_DAY_NONE;
	/* Relative phrases need the publication day; absolute ones ("By 31
	 * March 2019") do not, so pass OV_DAY_NONE when only a month or year
	 * of publication is known and let the phrase decide. */
	if (report && report->published.prec == OV_PREC_DAY)
		pub = report->published.day;
	if (ov_timescale_due(rec->timescale, pub, &due) < 0)
		return OV_DAY_NONE;
	return due;
}

char *ov_person_display(const ov_person *p)
{
	if (!p)
		return ov_xstrdup("");
	if (p->name && p->title)
		return ov_xasprintf("%s, %s", p->name, p->title);
	return ov_xstrdup(p->name ? p->name : p->title ? p->title : p->id);
}

ov_day ov_activity_start(const ov_activity *a)
{
	return a->from.prec == OV_PREC_NONE ? OV_DAY_NONE : a->from.day;
}

ov_day ov_activity_end(const ov_activity *a)
{
	if (a->to.prec != OV_PREC_NONE)
		return ov_pdate_last_day(a->to);
	return a->from.prec == OV_PREC_NONE ? OV_DAY_NONE
					    : ov_pdate_last_day(a->from);
}
