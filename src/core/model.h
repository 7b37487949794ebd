#ifndef OV_CORE_MODEL_H
#define OV_CORE_MODEL_H
/*
 * The register's model as plain C structs (DESIGN.md, "Model").  No I/O.
 *
 * Ownership: a dataset owns every entity in its arrays, and each entity owns
 * every string and array it points to.  ov_dataset_free() releases all of
 * it.  Strings are UTF-8, NUL-terminated; NULL means "not given".  Links
 * between entities are by id string (a person id, a report id...), never by
 * pointer, so entities can be loaded, validated and stored independently;
 * ov_dataset_find_*() resolves them.
 *
 * The JSON interchange format (docs/format.md) names each field exactly as
 * the struct member here, with enum values as their codes (core/enums.h),
 * dates as "YYYY-MM-DD", partial dates as "YYYY", "YYYY-MM" or
 * "YYYY-MM-DD", and omits fields that are NULL / OV_DAY_NONE / false / -1 /
 * empty.
 */
#include <stdbool.h>
#include <stddef.h>

#include "core/enums.h"
#include "util/date.h"

/* Where a fact came from.  assumed: not stated by the source paper but
 * taken from the public record or invented for the demo; note says which. */
typedef struct ov_prov {
	bool assumed;
	char *note;
} ov_prov;

typedef struct ov_force {
	char *code; /* id, e.g. "WMP" */
	char *name; /* "West Midlands Police" */
	char *short_name; /* as its papers write it: "WMP"; may be NULL */
	ov_prov prov;
} ov_force;

typedef struct ov_person {
	char *id;
	char *name;  /* may be NULL when only the title is known */
	char *title; /* rank or role: "ACC Crime"; may be NULL */
	bool unit;   /* a team or unit ("Service Delivery Model team"), not
		      * one person; then name is the unit's name */
	ov_prov prov;
} ov_person;

typedef struct ov_board {
	char *id;
	char *name;  /* "Vulnerability Improvement Board" */
	char *chair; /* person id, may be NULL */
	ov_prov prov;
} ov_board;

typedef struct ov_plan {
	char *id;
	char *name;  /* "Force Vulnerability Improvement Plan" */
	char *board; /* board id, may be NULL */
	ov_prov prov;
} ov_plan;

/* One row of a PEEL table: a question and its grade in this assessment. */
typedef struct ov_question {
	char *key;      /* stable across assessments, e.g. "protecting-vulnerable" */
	int number;     /* 1.. as printed */
	char *pillar;   /* "Effectiveness" */
	char *text;     /* "Protecting the Vulnerable" */
	char *lead;     /* executive lead, person id, may be NULL */
	bool flagged;   /* the seed's asterisk; see ov_assessment.flag_note */
	enum ov_grade grade; /* OV_GRADE_NONE: not inspected, carry forward */
	ov_pdate inspect;    /* with OV_GRADE_TBI: when, e.g. 2018-11 */
} ov_question;

/* A pillar's own grade (2015-2019 papers often give only these). */
typedef struct ov_pillar {
	char *name;          /* "Effectiveness", as the questions' pillar */
	enum ov_grade grade; /* OV_GRADE_NONE: not graded in this one */
	ov_pdate inspect;    /* with OV_GRADE_TBI: when */
} ov_pillar;

typedef struct ov_assessment {
	char *id;
	char *force;   /* force code */
	int year;      /* PEEL year, e.g. 2018 */
	ov_pdate date; /* when the grades stood (a day, or only the month or
			* year); orders carry-forward by its first day */
	char *label;   /* "IPA November 2018" */
	enum ov_scale scale;
	enum ov_grade overall; /* the report's overall grade, or NONE */
	char *flag_note; /* what the asterisk means, may be NULL */
	ov_pillar *pillars;     /* pillar grades, in the order given */
	size_t n_pillars;
	ov_question *questions; /* ordered by number */
	size_t n_questions;
	ov_prov prov;
} ov_assessment;

typedef struct ov_report {
	char *id;
	char *title;      /* full title */
	char *short_name; /* "Modern Slavery", may be NULL */
	enum ov_report_kind kind;
	enum ov_style style;
	ov_pdate published;
	ov_pdate fieldwork_from, fieldwork_to;
	bool force_fieldwork;      /* did this force have fieldwork */
	ov_pdate force_fieldwork_when;
	int forces_in_scope;       /* -1 unknown */
	int forces_fieldwork;      /* forces visited; -1 unknown */
	ov_day received;           /* when the force received it */
	char *summary;             /* Markdown, may be NULL */
	char *plan;                /* plan id managing its recommendations */
	ov_prov prov;
} ov_report;

/* A timeline event.  Which optional field is used depends on kind:
 *   OV_EV_RAG: rag;  OV_EV_OWNER: owner;
 *   OV_EV_CLOSED, OV_EV_SUPERSEDED, OV_EV_NA: basis (required);
 *   OV_EV_TARGET: target (the new target date) and reason (required);
 *   every kind: text (for OV_EV_UPDATE the progress note, required).
 * precision: when only the month or year of the event is known, date is
 * that period's first day (it still orders the timeline). */
typedef struct ov_event {
	ov_day date;
	enum ov_precision precision; /* OV_PRECISION_NONE: the day is known */
	char *author;      /* free text: a person's name, "HMICFRS" */
	enum ov_event_kind kind;
	char *text;
	enum ov_rag rag;   /* OV_RAG_NONE unless kind == OV_EV_RAG */
	char *owner;       /* person id, kind == OV_EV_OWNER */
	char *basis;
	ov_day target;     /* kind == OV_EV_TARGET: the revised target date */
	char *reason;      /* kind == OV_EV_TARGET: why it moved */
} ov_event;

typedef struct ov_rec {
	char *ref;        /* id, e.g. "SF-2017-R05" */
	char *report;     /* report id */
	char *force;      /* whose register holds it (force code) */
	char *area;       /* heading it sits under: "Leadership"; may be NULL
			   * (AFIs often have none) */
	char *subject;    /* short subject for lists, may be NULL */
	enum ov_rec_kind kind;
	char *cause;      /* ref of the cause of concern it answers, or NULL */
	enum ov_addressee addressee;
	char *timescale;  /* phrase as written: "Within six months"; may be NULL */
	ov_day due_given; /* explicit due date, or OV_DAY_NONE */
	char *text;       /* the words of the recommendation; NULL allowed only
			   * in a findings-style report */
	char **bullets;
	size_t n_bullets;
	char *sme;        /* person id, may be NULL */
	char *plan;       /* plan id, may be NULL (then the report's plan) */
	char *finding;    /* findings-style reports: HMICFRS finding */
	char *response;   /* ... and the force's response */
	ov_event *events; /* the timeline, in date order; first is CREATED */
	size_t n_events;
	ov_prov prov;
} ov_rec;

typedef struct ov_activity {
	char *id;
	char *force;
	ov_pdate from, to; /* to == from for a single day; a month or year
			    * when the day is not known */
	enum ov_activity_kind kind;
	char *subject;    /* as people write it: "NPU Insight visit" */
	char *place;      /* "WV", may be NULL */
	char *question;   /* PEEL question key, may be NULL */
	ov_day feedback_date;
	char *feedback;   /* summary of feedback received, may be NULL */
	char *passed_to;  /* who the feedback went to, may be NULL */
	ov_prov prov;
} ov_activity;

/* A report the meeting reviews, with the force's words about it. */
typedef struct ov_review {
	char *report;    /* report id */
	char *intro;     /* Markdown before the recommendations, may be NULL */
	char *narrative; /* progress narrative after them, Markdown */
} ov_review;

typedef struct ov_meeting {
	char *id;
	char *force;
	char *committee;   /* "Joint Audit Committee" */
	ov_day date;
	char *agenda_item; /* "5" */
	char *title;       /* "HMICFRS update" */
	char *purpose;     /* Markdown */
	char *assessment;  /* PEEL assessment id for the table, may be NULL */
	/* Markdown blocks written by people, each may be NULL: */
	char *background;       /* before the PEEL table */
	char *peel_note;        /* after it */
	char *closures_note;    /* before the computed closures */
	char *activities_note;  /* before the computed activities */
	char *activities_after; /* after them */
	ov_review *reviews;
	size_t n_reviews;
	char *recommendations;  /* to the committee, Markdown */
	char *contact;          /* person id, may be NULL */
	char *layout;           /* layout id, may be NULL (see
				 * ov_dataset_layout_for) */
	char **documents;       /* background documents */
	size_t n_documents;
	ov_prov prov;
} ov_meeting;

/* One section of a paper's layout: which, its heading (printed as given,
 * numbering included; NULL: the section has none or its default), and
 * what it says when it has nothing to report (none; NULL: its default
 * sentence) or, with omit, that it is left out then. */
typedef struct ov_section_spec {
	enum ov_section section;
	char *heading;
	char *none;
	bool omit;
	bool status; /* reviews: each recommendation's status as at the
		      * meeting, and its owner */
} ov_section_spec;

/* A committee's paper layout: the sections in order.  It applies to the
 * meetings that name it, and to those of its force and committee that
 * name none. */
typedef struct ov_layout {
	char *id;
	char *force;     /* force code */
	char *committee; /* may be NULL: only for meetings that name it */
	ov_section_spec *sections;
	size_t n_sections;
	ov_prov prov;
} ov_layout;

typedef struct ov_dataset {
	ov_force *forces;
	size_t n_forces;
	ov_person *people;
	size_t n_people;
	ov_board *boards;
	size_t n_boards;
	ov_plan *plans;
	size_t n_plans;
	ov_assessment *assessments;
	size_t n_assessments;
	ov_report *reports;
	size_t n_reports;
	ov_rec *recs;
	size_t n_recs;
	ov_activity *activities;
	size_t n_activities;
	ov_meeting *meetings;
	size_t n_meetings;
	ov_layout *layouts;
	size_t n_layouts;
} ov_dataset;

/* A zeroed dataset; free with ov_dataset_free(). */
ov_dataset *ov_dataset_new(void);
/* Releases everything the dataset owns, and the dataset.  NULL is fine.
 * (This and the release functions below follow the field tables and are
 * defined in core/fields.c.) */
void ov_dataset_free(ov_dataset *ds);

/* Initialise an entity to "nothing given" (NULLs, OV_DAY_NONE, -1 counts,
 * OV_*_NONE enums) before filling it in (core/fields.c). */
void ov_force_init(ov_force *f);
void ov_person_init(ov_person *p);
void ov_board_init(ov_board *b);
void ov_plan_init(ov_plan *p);
void ov_question_init(ov_question *q);
void ov_report_init(ov_report *r);
void ov_event_init(ov_event *e);
void ov_rec_init(ov_rec *r);
void ov_activity_init(ov_activity *a);
void ov_meeting_init(ov_meeting *m);
void ov_layout_init(ov_layout *l);
void ov_assessment_init(ov_assessment *a);

/* Release what an entity owns (not the entity itself).  NULL is fine. */
void ov_force_release(ov_force *f);
void ov_person_release(ov_person *p);
void ov_board_release(ov_board *b);
void ov_plan_release(ov_plan *p);
void ov_question_release(ov_question *q);
void ov_assessment_release(ov_assessment *a);
void ov_report_release(ov_report *r);
void ov_event_release(ov_event *e);
void ov_rec_release(ov_rec *r);
void ov_activity_release(ov_activity *a);
void ov_meeting_release(ov_meeting *m);
void ov_layout_release(ov_layout *l);

/* Sort every array into canonical order: by id (force code, rec ref);
 * questions by number.  Timelines keep their order.  The find functions
 * below need this order. */
void ov_dataset_sort(ov_dataset *ds);

/* Binary search by id in a sorted dataset; NULL if absent or id NULL.
 * The result is borrowed from the dataset. */
const ov_force *ov_dataset_find_force(const ov_dataset *ds, const char *code);
const ov_person *ov_dataset_find_person(const ov_dataset *ds, const char *id);
const ov_board *ov_dataset_find_board(const ov_dataset *ds, const char *id);
const ov_plan *ov_dataset_find_plan(const ov_dataset *ds, const char *id);
const ov_assessment *ov_dataset_find_assessment(const ov_dataset *ds,
						const char *id);
const ov_report *ov_dataset_find_report(const ov_dataset *ds, const char *id);
const ov_rec *ov_dataset_find_rec(const ov_dataset *ds, const char *ref);
const ov_meeting *ov_dataset_find_meeting(const ov_dataset *ds,
					  const char *id);
const ov_layout *ov_dataset_find_layout(const ov_dataset *ds,
					const char *id);

/* The layout a meeting's paper follows: the one it names, else the first
 * (by id) of its force and committee, else NULL (the default layout). */
const ov_layout *ov_dataset_layout_for(const ov_dataset *ds,
				       const ov_meeting *m);

/* The due date of a recommendation: due_given if set, else derived from
 * its timescale and the report's publication day (core/timescale.h);
 * OV_DAY_NONE when neither gives one. */
ov_day ov_rec_due(const ov_rec *rec, const ov_report *report);

/* An activity's first and last days: from's first day, and the last day
 * of to (of from when to is not given); OV_DAY_NONE when from is not. */
ov_day ov_activity_start(const ov_activity *a);
ov_day ov_activity_end(const ov_activity *a);

/* "Name, Title", "Name" or "Title" of a person into a fresh string. */
char *ov_person_display(const ov_person *p);

#endif
