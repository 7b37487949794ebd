#include "io/json_shape.h"

#include <string.h>

#include "core/model.h"

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
	static const ov_json_enum en_##E = {set_##E, code_##E, ov_##E##_codes};

ENUM_ACCESS(rag)
ENUM_ACCESS(event_kind)
ENUM_ACCESS(rec_kind)
ENUM_ACCESS(addressee)
ENUM_ACCESS(report_kind)
ENUM_ACCESS(style)
ENUM_ACCESS(grade)
ENUM_ACCESS(scale)
ENUM_ACCESS(activity_kind)

#define STR(st, m) {.key = #m, .type = OV_JF_STR, .off = offsetof(st, m)}
#define DATE(st, m) {.key = #m, .type = OV_JF_DATE, .off = offsetof(st, m)}
#define PDATE(st, m) {.key = #m, .type = OV_JF_PDATE, .off = offsetof(st, m)}
#define BOOL(st, m) {.key = #m, .type = OV_JF_BOOL, .off = offsetof(st, m)}
/* An enum without a NONE value: always present. */
#define ENUM(st, m, E)                                                        \
	{.key = #m, .type = OV_JF_ENUM, .off = offsetof(st, m),               \
	 .required = true, .en = &en_##E}
/* An enum whose NONE value (code "") means absent. */
#define OPT_ENUM(st, m, E)                                                    \
	{.key = #m, .type = OV_JF_ENUM, .off = offsetof(st, m), .en = &en_##E}
#define INT(st, m, lo, hi)                                                    \
	{.key = #m, .type = OV_JF_INT, .off = offsetof(st, m),                \
	 .required = true, .min = (lo), .max = (hi)}
#define OPT_INT(st, m, lo, hi, no)                                            \
	{.key = #m, .type = OV_JF_INT, .off = offsetof(st, m), .min = (lo),   \
	 .max = (hi), .has_none = true, .none = (no)}
#define STRV(st, m)                                                           \
	{.key = #m, .type = OV_JF_STRV, .off = offsetof(st, m),               \
	 .count_off = offsetof(st, n_##m)}
#define OBJV(k, st, m, sh)                                                    \
	{.key = k, .type = OV_JF_OBJV, .off = offsetof(st, m),                \
	 .count_off = offsetof(st, n_##m), .sub = &(sh)}
/* Provenance, on every top-level entity, last. */
#define PROV(st)                                                              \
	{.key = "assumed", .type = OV_JF_BOOL,                                \
	 .off = offsetof(st, prov.assumed)},                                  \
	{                                                                     \
		.key = "note", .type = OV_JF_STR, .off = offsetof(st, prov.note) \
	}

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define SHAPE(name, w, st, ini)                                               \
	static const ov_json_shape name = {w, sizeof(st), ini, name##_f,      \
					   N(name##_f)}

/* Counts of forces and of PEEL questions: generous, but an int. */
#define MAX_COUNT 100000

static void init_question(void *p)
{
	ov_question_init(p);
}
static void init_event(void *p)
{
	ov_event_init(p);
}
static void init_assessment(void *p)
{
	ov_assessment_init(p);
}
static void init_report(void *p)
{
	ov_report_init(p);
}
static void init_rec(void *p)
{
	ov_rec_init(p);
}
static void init_activity(void *p)
{
	ov_activity_init(p);
}
static void init_meeting(void *p)
{
	ov_meeting_init(p);
}

static const ov_json_field force_f[] = {
	STR(ov_force, code), STR(ov_force, name), PROV(ov_force)};
SHAPE(force, "a force", ov_force, NULL);

static const ov_json_field person_f[] = {
	STR(ov_person, id), STR(ov_person, name), STR(ov_person, title),
	PROV(ov_person)};
SHAPE(person, "a person", ov_person, NULL);

static const ov_json_field board_f[] = {
	STR(ov_board, id), STR(ov_board, name), STR(ov_board, chair),
	PROV(ov_board)};
SHAPE(board, "a board", ov_board, NULL);

static const ov_json_field plan_f[] = {
	STR(ov_plan, id), STR(ov_plan, name), STR(ov_plan, board),
	PROV(ov_plan)};
SHAPE(plan, "a plan", ov_plan, NULL);

static const ov_json_field question_f[] = {
	STR(ov_question, key),
	INT(ov_question, number, 1, MAX_COUNT),
	STR(ov_question, pillar),
	STR(ov_question, text),
	STR(ov_question, lead),
	BOOL(ov_question, flagged),
	OPT_ENUM(ov_question, grade, grade),
	PDATE(ov_question, inspect)};
SHAPE(question, "a question", ov_question, init_question);

static const ov_json_field assessment_f[] = {
	STR(ov_assessment, id),
	STR(ov_assessment, force),
	INT(ov_assessment, year, OV_YEAR_MIN, OV_YEAR_MAX),
	DATE(ov_assessment, date),
	STR(ov_assessment, label),
	ENUM(ov_assessment, scale, scale),
	STR(ov_assessment, flag_note),
	OBJV("questions", ov_assessment, questions, question),
	PROV(ov_assessment)};
SHAPE(assessment, "an assessment", ov_assessment, init_assessment);

static const ov_json_field report_f[] = {
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
SHAPE(report, "a report", ov_report, init_report);

static const ov_json_field event_f[] = {
	DATE(ov_event, date),
	STR(ov_event, author),
	ENUM(ov_event, kind, event_kind),
	STR(ov_event, text),
	OPT_ENUM(ov_event, rag, rag),
	STR(ov_event, owner),
	STR(ov_event, basis)};
SHAPE(event, "a timeline event", ov_event, init_event);

static const ov_json_field rec_f[] = {
	STR(ov_rec, ref),
	STR(ov_rec, report),
	STR(ov_rec, force),
	STR(ov_rec, area),
	STR(ov_rec, subject),
	ENUM(ov_rec, kind, rec_kind),
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
SHAPE(rec, "a recommendation", ov_rec, init_rec);

static const ov_json_field activity_f[] = {
	STR(ov_activity, id),
	STR(ov_activity, force),
	DATE(ov_activity, from),
	DATE(ov_activity, to),
	ENUM(ov_activity, kind, activity_kind),
	STR(ov_activity, subject),
	STR(ov_activity, place),
	STR(ov_activity, question),
	DATE(ov_activity, feedback_date),
	STR(ov_activity, feedback),
	STR(ov_activity, passed_to),
	PROV(ov_activity)};
SHAPE(activity, "an activity", ov_activity, init_activity);

static const ov_json_field review_f[] = {
	STR(ov_review, report), STR(ov_review, intro),
	STR(ov_review, narrative)};
SHAPE(review, "a review", ov_review, NULL);

static const ov_json_field meeting_f[] = {
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
	PROV(ov_meeting)};
SHAPE(meeting, "a meeting", ov_meeting, init_meeting);

#define TABLE(k, m, sh)                                                       \
	{k, offsetof(ov_dataset, m), offsetof(ov_dataset, n_##m), &(sh)}

const ov_json_table ov_json_tables[] = {
	TABLE("forces", forces, force),
	TABLE("people", people, person),
	TABLE("boards", boards, board),
	TABLE("plans", plans, plan),
	TABLE("assessments", assessments, assessment),
	TABLE("reports", reports, report),
	TABLE("recommendations", recs, rec),
	TABLE("activities", activities, activity),
	TABLE("meetings", meetings, meeting),
};
const size_t ov_json_n_tables = N(ov_json_tables);

const ov_json_field *ov_json_field_find(const ov_json_shape *sh,
					const char *key)
{
	for (size_t i = 0; i < sh->n_fields; i++)
		if (strcmp(sh->fields[i].key, key) == 0)
			return &sh->fields[i];
	return NULL;
}
