/* The field tables (core/fields.h) and the walks over them. */
#include "core/fields.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "util/buf.h"

/* Typed access to each enum member through a void pointer. */
#define ENUM_ACCESS(E)                                                        \
	static int set_##E(void *m, const char *c)                            \
	{                                                                     \
		enum ov_##E v;                                                \
		if (ov_##E##_parse(c, &v) < 0)                                \
			return -1;                                            \
		*(enum ov_##E *)m = v;                                        \
		return 0;                                                     \
	}                                                                     \
	static const char *code_##E(const void *m)                            \
	{                                                                     \
		return ov_##E##_code(*(const enum ov_##E *)m);                \
	}                                                                     \
	static const ov_enum_access en_##E = {set_##E, code_##E, ov_##E##_codes};

ENUM_ACCESS(rag)
ENUM_ACCESS(event_kind)
ENUM_ACCESS(rec_kind)
ENUM_ACCESS(addressee)
ENUM_ACCESS(report_kind)
ENUM_ACCESS(style)
ENUM_ACCESS(grade)
ENUM_ACCESS(scale)
ENUM_ACCESS(activity_kind)
ENUM_ACCESS(precision)
ENUM_ACCESS(section)

#define STR(st, m) {.key = #m, .type = OV_F_STR, .off = offsetof(st, m)}
#define DATE(st, m) {.key = #m, .type = OV_F_DATE, .off = offsetof(st, m)}
/* A date whose column is not its key ("from" is an SQL keyword). */
#define DATE_AS(st, m, c)                                                     \
	{.key = #m, .col = c, .type = OV_F_DATE, .off = offsetof(st, m)}
#define PDATE_AS(st, m, c)                                                    \
	{.key = #m, .col = c, .type = OV_F_PDATE, .off = offsetof(st, m)}
#define PDATE(st, m) {.key = #m, .type = OV_F_PDATE, .off = offsetof(st, m)}
#define BOOL(st, m) {.key = #m, .type = OV_F_BOOL, .off = offsetof(st, m)}
/* An enum without a NONE value: always present; dflt before it is. */
#define ENUM_D(st, m, E, dflt)                                                \
	{.key = #m, .type = OV_F_ENUM, .off = offsetof(st, m),               \
	 .required = true, .none = (dflt), .en = &en_##E}
#define ENUM(st, m, E) ENUM_D(st, m, E, 0)
/* An enum whose NONE value (-1, code "") means absent. */
#define OPT_ENUM(st, m, E)                                                    \
	{.key = #m, .type = OV_F_ENUM, .off = offsetof(st, m), .none = -1,   \
	 .en = &en_##E}
#define INT(st, m, lo, hi)                                                    \
	{.key = #m, .type = OV_F_INT, .off = offsetof(st, m),                \
	 .required = true, .min = (lo), .max = (hi)}
#define OPT_INT(st, m, lo, hi, no)                                            \
	{.key = #m, .type = OV_F_INT, .off = offsetof(st, m), .min = (lo),   \
	 .max = (hi), .has_none = true, .none = (no)}
#define STRV(st, m)                                                           \
	{.key = #m, .type = OV_F_STRV, .off = offsetof(st, m),               \
	 .count_off = offsetof(st, n_##m)}
#define OBJV(k, st, m, sh)                                                    \
	{.key = k, .type = OV_F_OBJV, .off = offsetof(st, m),                \
	 .count_off = offsetof(st, n_##m), .sub = &ov_shape_##sh}
/* Provenance, on every top-level entity, last. */
#define PROV(st)                                                              \
	{.key = "assumed", .type = OV_F_BOOL,                                \
	 .off = offsetof(st, prov.assumed)},                                  \
	{                                                                     \
		.key = "note", .type = OV_F_STR, .off = offsetof(st, prov.note) \
	}

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define SHAPE(name, w, st)                                                    \
	const ov_shape ov_shape_##name = {w, sizeof(st), name##_f,            \
					  N(name##_f)}

/* Counts of forces and of PEEL questions: generous, but an int. */
#define MAX_COUNT 100000

static const ov_field force_f[] = {
	STR(ov_force, code), STR(ov_force, name), STR(ov_force, short_name),
	PROV(ov_force)};
SHAPE(force, "a force", ov_force);

static const ov_field person_f[] = {
	STR(ov_person, id), STR(ov_person, name), STR(ov_person, title),
	BOOL(ov_person, unit), PROV(ov_person)};
SHAPE(person, "a person", ov_person);

static const ov_field board_f[] = {
	STR(ov_board, id), STR(ov_board, name), STR(ov_board, chair),
	PROV(ov_board)};
SHAPE(board, "a board", ov_board);

static const ov_field plan_f[] = {
	STR(ov_plan, id), STR(ov_plan, name), STR(ov_plan, board),
	PROV(ov_plan)};
SHAPE(plan, "a plan", ov_plan);

static const ov_field question_f[] = {
	STR(ov_question, key),
	INT(ov_question, number, 1, MAX_COUNT),
	STR(ov_question, pillar),
	STR(ov_question, text),
	STR(ov_question, lead),
	BOOL(ov_question, flagged),
	OPT_ENUM(ov_question, grade, grade),
	PDATE(ov_question, inspect)};
SHAPE(question, "a question", ov_question);

static const ov_field pillar_f[] = {
	STR(ov_pillar, name),
	OPT_ENUM(ov_pillar, grade, grade),
	PDATE(ov_pillar, inspect)};
SHAPE(pillar, "a pillar", ov_pillar);

static const ov_field assessment_f[] = {
	STR(ov_assessment, id),
	STR(ov_assessment, force),
	INT(ov_assessment, year, OV_YEAR_MIN, OV_YEAR_MAX),
	PDATE(ov_assessment, date),
	STR(ov_assessment, label),
	ENUM(ov_assessment, scale, scale),
	OPT_ENUM(ov_assessment, overall, grade),
	STR(ov_assessment, flag_note),
	OBJV("pillars", ov_assessment, pillars, pillar),
	OBJV("questions", ov_assessment, questions, question),
	PROV(ov_assessment)};
SHAPE(assessment, "an assessment", ov_assessment);

static const ov_field report_f[] = {
	STR(ov_report, id),
	STR(ov_report, title),
	STR(ov_report, short_name),
	ENUM(ov_report, kind, report_kind),
	ENUM(ov_report, style, style),
	PDATE(ov_report, published),
	PDATE(ov_report, fieldwork_from),
	PDATE(ov_report, fieldwork_to),
	BOOL(ov_report, force_fieldwork),
	PDATE(ov_report, force_fieldwork_when),
	OPT_INT(ov_report, forces_in_scope, 0, MAX_COUNT, -1),
	OPT_INT(ov_report, forces_fieldwork, 0, MAX_COUNT, -1),
	DATE(ov_report, received),
	STR(ov_report, summary),
	STR(ov_report, plan),
	PROV(ov_report)};
SHAPE(report, "a report", ov_report);

static const ov_field event_f[] = {
	DATE(ov_event, date),
	OPT_ENUM(ov_event, precision, precision),
	STR(ov_event, author),
	ENUM(ov_event, kind, event_kind),
	STR(ov_event, text),
	OPT_ENUM(ov_event, rag, rag),
	STR(ov_event, owner),
	STR(ov_event, basis),
	DATE(ov_event, target),
	STR(ov_event, reason)};
SHAPE(event, "a timeline event", ov_event);

static const ov_field rec_f[] = {
	STR(ov_rec, ref),
	STR(ov_rec, report),
	STR(ov_rec, force),
	STR(ov_rec, area),
	STR(ov_rec, subject),
	ENUM_D(ov_rec, kind, rec_kind, OV_RK_REC),
	STR(ov_rec, cause),
	ENUM(ov_rec, addressee, addressee),
	STR(ov_rec, timescale),
	DATE(ov_rec, due_given),
	STR(ov_rec, text),
	STRV(ov_rec, bullets),
	STR(ov_rec, sme),
	STR(ov_rec, plan),
	STR(ov_rec, finding),
	STR(ov_rec, response),
	OBJV("timeline", ov_rec, events, event),
	PROV(ov_rec)};
SHAPE(rec, "a recommendation", ov_rec);

static const ov_field activity_f[] = {
	STR(ov_activity, id),
	STR(ov_activity, force),
	PDATE_AS(ov_activity, from, "date_from"),
	PDATE_AS(ov_activity, to, "date_to"),
	ENUM_D(ov_activity, kind, activity_kind, OV_ACT_OTHER),
	STR(ov_activity, subject),
	STR(ov_activity, place),
	STR(ov_activity, question),
	DATE(ov_activity, feedback_date),
	STR(ov_activity, feedback),
	STR(ov_activity, passed_to),
	PROV(ov_activity)};
SHAPE(activity, "an activity", ov_activity);

static const ov_field review_f[] = {
	STR(ov_review, report), STR(ov_review, intro),
	STR(ov_review, narrative)};
SHAPE(review, "a review", ov_review);

static const ov_field meeting_f[] = {
	STR(ov_meeting, id),
	STR(ov_meeting, force),
	STR(ov_meeting, committee),
	DATE(ov_meeting, date),
	STR(ov_meeting, agenda_item),
	STR(ov_meeting, title),
	STR(ov_meeting, purpose),
	STR(ov_meeting, assessment),
	STR(ov_meeting, background),
	STR(ov_meeting, peel_note),
	STR(ov_meeting, closures_note),
	STR(ov_meeting, activities_note),
	STR(ov_meeting, activities_after),
	OBJV("reviews", ov_meeting, reviews, review),
	STR(ov_meeting, recommendations),
	STR(ov_meeting, contact),
	STRV(ov_meeting, documents),
	STR(ov_meeting, layout),
	PROV(ov_meeting)};
SHAPE(meeting, "a meeting", ov_meeting);

static const ov_field section_f[] = {
	ENUM(ov_section_spec, section, section),
	STR(ov_section_spec, heading),
	STR(ov_section_spec, none),
	BOOL(ov_section_spec, omit),
	BOOL(ov_section_spec, status)};
SHAPE(section, "a layout section", ov_section_spec);

static const ov_field layout_f[] = {
	STR(ov_layout, id),
	STR(ov_layout, force),
	STR(ov_layout, committee),
	OBJV("sections", ov_layout, sections, section),
	PROV(ov_layout)};
SHAPE(layout, "a layout", ov_layout);

#define TABLE(k, m, sh)                                                       \
	{k, offsetof(ov_dataset, m), offsetof(ov_dataset, n_##m), &ov_shape_##sh, false}

const ov_entity ov_entities[] = {
	TABLE("forces", forces, force),
	TABLE("people", people, person),
	TABLE("boards", boards, board),
	TABLE("plans", plans, plan),
	TABLE("assessments", assessments, assessment),
	TABLE("reports", reports, report),
	TABLE("recommendations", recs, rec),
	TABLE("activities", activities, activity),
	TABLE("meetings", meetings, meeting),
	/* Written only when there is one, so that a register without
	 * layouts keeps the document it had (core/fields.h). */
	{"layouts", offsetof(ov_dataset, layouts),
	 offsetof(ov_dataset, n_layouts), &ov_shape_layout, true},
};
const size_t ov_n_entities = N(ov_entities);

void *ov_entity_array(const ov_entity *t, const ov_dataset *ds)
{
	return *(void *const *)((const char *)ds + t->off);
}

size_t ov_entity_count(const ov_entity *t, const ov_dataset *ds)
{
	return *(const size_t *)((const char *)ds + t->count_off);
}

const ov_field *ov_field_find(const ov_shape *sh,
					const char *key)
{
	for (size_t i = 0; i < sh->n_fields; i++)
		if (strcmp(sh->fields[i].key, key) == 0)
			return &sh->fields[i];
	return NULL;
}

const char *ov_field_col(const ov_field *f)
{
	return f->col ? f->col : f->key;
}

void *ov_field_ptr(const ov_field *f, void *elem)
{
	return (char *)elem + f->off;
}

const void *ov_field_cptr(const ov_field *f, const void *elem)
{
	return (const char *)elem + f->off;
}

const char *ov_shape_id(const ov_shape *sh, const void *elem)
{
	return *(char *const *)ov_field_cptr(&sh->fields[0], elem);
}

/* Enum members are written as ints: every enum of the model has values
 * that fit an int, and gcc gives such enums the size of an int. */
_Static_assert(sizeof(enum ov_rag) == sizeof(int), "enums are ints");

void ov_shape_init(const ov_shape *sh, void *elem)
{
	memset(elem, 0, sh->size);
	for (size_t i = 0; i < sh->n_fields; i++) {
		const ov_field *f = &sh->fields[i];
		void *m = ov_field_ptr(f, elem);

		if (f->type == OV_F_DATE)
			*(ov_day *)m = OV_DAY_NONE;
		else if (f->type == OV_F_PDATE)
			*(ov_pdate *)m = OV_PDATE_NONE;
		else if (f->type == OV_F_ENUM ||
			 (f->type == OV_F_INT && f->has_none))
			*(int *)m = f->none;
	}
}

static size_t *count_of(const ov_field *f, void *elem)
{
	return (size_t *)((char *)elem + f->count_off);
}

static size_t ccount_of(const ov_field *f, const void *elem)
{
	return *(const size_t *)((const char *)elem + f->count_off);
}

void ov_shape_release(const ov_shape *sh, void *elem)
{
	if (!elem)
		return;
	for (size_t i = 0; i < sh->n_fields; i++) {
		const ov_field *f = &sh->fields[i];
		void *m = ov_field_ptr(f, elem);

		if (f->type == OV_F_STR) {
			free(*(char **)m);
			*(char **)m = NULL;
		} else if (f->type == OV_F_STRV) {
			char **v = *(char ***)m;
			for (size_t k = 0; k < *count_of(f, elem); k++)
				free(v[k]);
			free(v);
			*(char ***)m = NULL;
			*count_of(f, elem) = 0;
		} else if (f->type == OV_F_OBJV) {
			char *v = *(char **)m;
			for (size_t k = 0; k < *count_of(f, elem); k++)
				ov_shape_release(f->sub, v + k * f->sub->size);
			free(v);
			*(char **)m = NULL;
			*count_of(f, elem) = 0;
		}
	}
}

/* The init and release functions of core/model.h live here, beside the
 * tables they follow, so that core/model.c needs nothing of this file:
 * what each entity holds when nothing is given, and what it owns, is what
 * its field table lists. */
#define LIFECYCLE(E, T)                                                       \
	void ov_##E##_init(T *x)                                              \
	{                                                                     \
		ov_shape_init(&ov_shape_##E, x);                              \
	}                                                                     \
	void ov_##E##_release(T *x)                                           \
	{                                                                     \
		ov_shape_release(&ov_shape_##E, x);                           \
	}

LIFECYCLE(force, ov_force)
LIFECYCLE(person, ov_person)
LIFECYCLE(board, ov_board)
LIFECYCLE(plan, ov_plan)
LIFECYCLE(question, ov_question)
LIFECYCLE(assessment, ov_assessment)
LIFECYCLE(report, ov_report)
LIFECYCLE(event, ov_event)
LIFECYCLE(rec, ov_rec)
LIFECYCLE(activity, ov_activity)
LIFECYCLE(meeting, ov_meeting)
LIFECYCLE(layout, ov_layout)

void ov_dataset_free(ov_dataset *ds)
{
	if (!ds)
		return;
	for (size_t i = 0; i < ov_n_entities; i++) {
		const ov_entity *t = &ov_entities[i];
		char *arr = ov_entity_array(t, ds);
		size_t n = ov_entity_count(t, ds);

		for (size_t k = 0; k < n; k++)
			ov_shape_release(t->shape, arr + k * t->shape->size);
		free(arr);
	}
	free(ds);
}

/* One scalar member as text into buf (11 bytes at least for dates),
 * or a borrowed string; "(none)" for absent. */
static const char *scalar_text(const ov_field *f, const void *m, char *buf,
			       size_t n)
{
	switch (f->type) {
	case OV_F_STR:
		return *(char *const *)m ? *(char *const *)m : "(none)";
	case OV_F_DATE:
		ov_date_format(*(const ov_day *)m, buf);
		return *buf ? buf : "(none)";
	case OV_F_PDATE:
		ov_pdate_format(*(const ov_pdate *)m, buf);
		return *buf ? buf : "(none)";
	case OV_F_INT:
		snprintf(buf, n, "%d", *(const int *)m);
		return buf;
	case OV_F_BOOL:
		return *(const bool *)m ? "true" : "false";
	case OV_F_ENUM:
		return *f->en->code(m) ? f->en->code(m) : "(none)";
	case OV_F_STRV:
	case OV_F_OBJV:
		break;
	}
	return "";
}

typedef struct differ {
	ov_buf path;
	ov_diff_fn *say;
	void *ctx;
	size_t n;
} differ;

static void differs(differ *df, const char *a, const char *b)
{
	df->n++;
	if (df->say)
		df->say(ov_buf_str(&df->path), a, b, df->ctx);
}

static void diff_shape(differ *df, const ov_shape *sh, const void *a,
		       const void *b);

static void diff_count(differ *df, size_t na, size_t nb)
{
	char x[24], y[24];

	snprintf(x, sizeof x, "%zu items", na);
	snprintf(y, sizeof y, "%zu items", nb);
	differs(df, x, y);
}

static void diff_field(differ *df, const ov_field *f, const void *a,
		       const void *b)
{
	const void *ma = ov_field_cptr(f, a), *mb = ov_field_cptr(f, b);
	size_t na, nb, mark = df->path.len;
	char x[32], y[32];
	const char *sa, *sb;

	if (f->type == OV_F_STRV || f->type == OV_F_OBJV) {
		na = ccount_of(f, a);
		nb = ccount_of(f, b);
		if (na != nb) {
			diff_count(df, na, nb);
			return;
		}
		for (size_t k = 0; k < na; k++) {
			ov_buf_printf(&df->path, "[%zu]", k);
			if (f->type == OV_F_OBJV) {
				ov_buf_putc(&df->path, '.');
				diff_shape(df, f->sub,
					   *(char *const *)ma + k * f->sub->size,
					   *(char *const *)mb + k * f->sub->size);
			} else {
				sa = (*(char **const *)ma)[k];
				sb = (*(char **const *)mb)[k];
				if (strcmp(sa ? sa : "", sb ? sb : ""))
					differs(df, sa, sb);
			}
			df->path.len = mark;
			df->path.data[mark] = '\0';
		}
		return;
	}
	sa = scalar_text(f, ma, x, sizeof x);
	sb = scalar_text(f, mb, y, sizeof y);
	if (f->type == OV_F_STR) {
		const char *pa = *(char *const *)ma, *pb = *(char *const *)mb;
		if (!pa != !pb || (pa && strcmp(pa, pb)))
			differs(df, sa, sb);
	} else if (strcmp(sa, sb)) {
		differs(df, sa, sb);
	}
}

static void diff_shape(differ *df, const ov_shape *sh, const void *a,
		       const void *b)
{
	size_t base = df->path.len;

	for (size_t i = 0; i < sh->n_fields; i++) {
		ov_buf_puts(&df->path, sh->fields[i].key);
		diff_field(df, &sh->fields[i], a, b);
		df->path.len = base;
		if (df->path.data)
			df->path.data[base] = '\0';
	}
}

size_t ov_shape_diff(const ov_shape *sh, const void *a, const void *b,
		     ov_diff_fn *say, void *ctx)
{
	differ df = {OV_BUF_INIT, say, ctx, 0};

	diff_shape(&df, sh, a, b);
	ov_buf_release(&df.path);
	return df.n;
}
