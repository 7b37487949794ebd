#ifndef OV_APP_APP_H
#define OV_APP_APP_H
/*
 * The application layer: one function for each thing a user does.  Both
 * faces (cli/, and the web) parse a request, call one of these and render
 * what comes back; neither checks a rule of its own or talks to the store.
 * Here each request is validated once (with core/), the store is called,
 * and derived state (the timeline fold, due dates, filters on status, the
 * register's order, people's display names) is worked out above the
 * store, in one place.
 *
 * Conventions.  Functions return 0 on success, or -1 with one or more
 * problems in `d` (util/diag.h), each with its kind (bad input, not
 * found, conflict, runtime), where (the request's field, named as the
 * command line's options and the web's query parameters: "status",
 * "as-at", "owner"; or "FILE: $.json.path" for an import) and the
 * message, kept apart.  ov_diag_kind(d) tells a face which status to
 * answer with.  Results are owned by the caller and released with the
 * matching _release function, which accepts a zeroed result.  Nothing is
 * written unless the whole request was valid.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/fold.h"
#include "core/model.h"
#include "core/peel.h"
#include "util/diag.h"

typedef struct ov_app ov_app;

/* Open the register named by db (an SQLite path, or a postgresql:// URI;
 * see store/store.h); it must exist and be an oversight database (a file
 * that is not is refused and left as it was).  One this user may only
 * read is opened read-only: it is listed (a stale stored state is folded,
 * not rebuilt) and every write fails, saying so. */
int ov_app_open(const char *db, ov_app **out, ov_diag *d);
/* Whether a was opened read-only. */
bool ov_app_read_only(ov_app *a);
void ov_app_close(ov_app *a);

/* ---- init, import, export ---- */

typedef struct ov_init_result {
	bool existed;       /* the database was there already */
	int schema_version; /* after migrations */
} ov_init_result;

/* Create the register named by db (a missing or empty file), or bring
 * its schema up to date; another program's database is refused and left
 * as it was. */
int ov_app_init(const char *db, ov_init_result *out, ov_diag *d);

typedef struct ov_import_stats {
	size_t reports, recs, events, people, assessments, activities, meetings;
} ov_import_stats;

/* Read the oversight/1 document at path ("-": standard input), check all
 * of it, then add it in one transaction (with replace: in place of the
 * whole register).  Every problem of the document is reported at once,
 * kind bad input, where "FILE: $.path"; an id already present is a
 * conflict, except that a force, person, board, plan or report the
 * register already holds, agreeing with every field the document gives
 * (provenance aside), is left as the register holds it (so that a document made by `extract`, which carries its force and
 * report, can be added to a register holding them); stats count what was
 * added.  progress (may be NULL) is called with recommendations
 * written so far. */
int ov_app_import(ov_app *a, const char *path, bool replace,
                  void (*progress)(size_t done, size_t total, void *),
                  void *arg, ov_import_stats *out, ov_diag *d);

enum ov_export_fmt { OV_EXPORT_JSON, OV_EXPORT_CSV, OV_EXPORT_XLSX };

/* Write the register to path ("-": standard output; not for xlsx): the
 * whole dataset as canonical JSON, or the recommendations as at as_at as
 * CSV or an XLSX tracker.  The file appears whole or not at all. */
int ov_app_export(ov_app *a, enum ov_export_fmt fmt, ov_day as_at,
                  const char *path, ov_diag *d);

/* ---- the register as at a date ---- */

/* The register's orders, by their codes: "report" (report, then ref: the
 * default), "ref", "due" (soonest first, none last), "status". */
enum ov_reg_sort {
	OV_SORT_REPORT,
	OV_SORT_REF,
	OV_SORT_DUE,
	OV_SORT_STATUS,
	OV_SORT_N
};

/* What to list.  Zero / NULL / NONE fields do not filter. */
typedef struct ov_rec_filter {
	ov_day as_at; /* the fold date */
	bool status_set;
	enum ov_status status;
	bool rag_set;
	enum ov_rag rag;       /* OV_RAG_NONE with rag_set: never rated */
	const char *report;    /* report id */
	const char *owner;     /* person id */
	const char *area;      /* exact area heading */
	const char *force;     /* force code */
	bool overdue;          /* live and due before as_at */
	ov_day due_before;     /* due strictly before; OV_DAY_NONE: none */
	bool closed_since_set; /* CLOSED with status_date in (since, as_at] */
	ov_day closed_since;
	/* Full-text search: the recs whose texts (ref, subject, area, text,
	 * finding, response, bullets, and every event's text and basis) hold
	 * every word of q, in any case, with or without accents, word
	 * endings stemmed ("recommendations" finds "recommendation").  Words
	 * only: quotes and operators in q mean nothing.  The texts are those
	 * stored now, also for an earlier as_at.  NULL: none. */
	const char *q;
	enum ov_reg_sort sort;
	size_t offset, limit; /* the page: rows [offset, offset+limit);
	                       * limit 0: all */
	/* Fold every timeline even where the stored state could answer
	 * (tests and benchmarks compare the two ways). */
	bool fold;
} ov_rec_filter;

/* The longest q ov_rec_filter_set takes, in bytes. */
#define OV_REC_Q_MAX 256

/* No filter, the register as at as_at, in report order, every row. */
void ov_rec_filter_init(ov_rec_filter *f, ov_day as_at);

/* Set the filter called name ("status", "rag", "report", "owner",
 * "area", "force", "overdue", "due-before", "as-at", "sort", "q") from
 * its text, as a face received it (value is borrowed).  A value that is
 * not valid is a bad-input problem at `name` saying what was expected;
 * returns -1.  A blank q is no filter; a q longer than OV_REC_Q_MAX or
 * not UTF-8 is refused. */
int ov_rec_filter_set(ov_rec_filter *f, const char *name, const char *value,
                      ov_diag *d);

/* One row of the register.  Its strings are one block starting at `ref`
 * (see ov_register_release): do not free or replace single fields. */
typedef struct ov_rec_row {
	char *ref, *report, *report_title, *force, *area, *subject, *timescale;
	char *text;
	enum ov_rec_kind kind;
	enum ov_addressee addressee;
	ov_day due; /* effective due date, OV_DAY_NONE if none */
	enum ov_status status;
	ov_day status_date;
	enum ov_rag rag;
	char *owner;      /* person id */
	char *owner_name; /* display name of the owner */
	char *closed_by, *basis;
	char *last_update;
	ov_day last_update_date;
	char *plan; /* plan id (the rec's or the report's) */
} ov_rec_row;

/* A row's columns by name, in the order the register's JSON lists them:
 * ref, report, report_title, force, area, subject, kind, addressee,
 * timescale, due, status, status_date, rag, owner, owner_name, closed_by,
 * basis, last_update, last_update_date, plan, text.  Enums are their
 * codes, dates YYYY-MM-DD. */
extern const size_t ov_rec_row_ncols;
/* The name of column col (< ov_rec_row_ncols), a static string. */
const char *ov_rec_row_name(size_t col);
/* Column col of r as text, NULL when absent; a date is written into buf
 * (11 bytes).  The result is borrowed from r, buf or a static string. */
const char *ov_rec_row_get(const ov_rec_row *r, size_t col, char *buf);
/* The index of the column called name, or -1. */
int ov_rec_row_col(const char *name);

typedef struct ov_register {
	ov_rec_row *rows; /* the page */
	size_t n;
	size_t total; /* rows that pass the filter, over all pages */
} ov_register;

/* The recommendations that pass f as they stood on f->as_at (a rec not
 * yet created then is never listed), in f->sort order, the page asked
 * for and the total.  The store answers from what it keeps of each rec's
 * fold (its stored state, or its state interval holding f->as_at), and
 * filters, sorts, counts and pages it (index reads); only where it says
 * it cannot (a stale stored state that this reader may not rebuild) is
 * every candidate's timeline folded here.  Both give the same rows. */
int ov_app_register(ov_app *a, const ov_rec_filter *f, ov_register *out,
                    ov_diag *d);
void ov_register_release(ov_register *r);

/* ---- the derived state ---- */

/* Each rec's state (status, RAG, owner, last update...) as the fold of its
 * whole timeline is kept by the store next to the timeline, written in
 * the transaction that writes the timeline (import, every recorded
 * event), so the register as it stands now is read without folding.
 * ov_app_open rebuilds it when the store says it is stale (a database
 * made before it existed). */

/* Fold every rec's whole timeline again, store the states and rebuild the
 * search index, in one write transaction.  *n (may be NULL): recs. */
int ov_app_state_rebuild(ov_app *a, size_t *n, ov_diag *d);

typedef struct ov_state_check {
	size_t checked; /* recs compared */
	char **refs;    /* those whose stored state is not the fold of their
	                 * timeline (or is missing), in the store's order */
	size_t n;
	bool index_ok; /* the store's search index and counts hold what
	                * the texts and states say now */
} ov_state_check;

/* Compare every rec's stored state with the fold of its timeline (one
 * read transaction), and check the store's search index and counts.  0 whatever
 * was found (the differences are in *out); -1 if the register cannot be read.
 */
int ov_app_state_check(ov_app *a, ov_state_check *out, ov_diag *d);
void ov_state_check_release(ov_state_check *c);

/* The register's data generation: a number every write to the register
 * changes, by this process or another, the same for every handle.  A page
 * made from the register stays good while the generation is the one it
 * was made at. */
int ov_app_generation(ov_app *a, uint64_t *out, ov_diag *d);

/* Hold at most about `bytes` of the register in this handle's memory. */
int ov_app_limit_memory(ov_app *a, size_t bytes, ov_diag *d);

/* ---- one recommendation ---- */

typedef struct ov_rec_view {
	ov_rec rec; /* with bullets and the whole timeline */
	ov_report report;
	ov_plan plan;       /* the rec's or its report's; id NULL if none */
	ov_rec_state state; /* as at as_at (borrows from rec) */
	ov_day as_at, due;
	size_t later; /* events dated after as_at */
	struct ov_view_name {
		char *id, *name;
	} * names; /* display names of the people it names */
	size_t n_names;
} ov_rec_view;

/* One recommendation as at a date; not found is a problem at "ref". */
int ov_app_rec_show(ov_app *a, const char *ref, ov_day as_at, ov_rec_view *out,
                    ov_diag *d);
/* "Name, Title" of person id as the view knows it; the id itself for
 * someone it does not; NULL for NULL.  Borrowed from v. */
const char *ov_rec_view_name(const ov_rec_view *v, const char *id);
void ov_rec_view_release(ov_rec_view *v);
/* Whether an event of kind k may follow the timeline as the view has it
 * (core's transition rule, at the view's state): which forms to offer. */
bool ov_rec_view_allows(const ov_rec_view *v, enum ov_event_kind k);

/* A progress update: one event per field given (note, then rag, then
 * owner), all dated `date` (required) by `author` (required). */
typedef struct ov_rec_update {
	ov_day date;
	const char *author;
	const char *note;  /* the progress note */
	const char *rag;   /* a RAG code */
	const char *owner; /* a person id */
} ov_rec_update;

/* A status change: one event of kind PROPOSED, CLOSED, REOPENED,
 * SUPERSEDED or NA. */
typedef struct ov_rec_transition {
	enum ov_event_kind kind;
	ov_day date;
	const char *author, *note, *basis;
} ov_rec_transition;

/* The force moves a recommendation's target date (a TARGET event): the
 * new target and why; note is optional. */
typedef struct ov_rec_target {
	ov_day date;
	const char *author, *note, *reason;
	ov_day target;
} ov_rec_target;

/* What was recorded: the kinds of the new events, in order. */
typedef struct ov_recorded {
	enum ov_event_kind kinds[3];
	size_t n;
	ov_day date;
} ov_recorded;

/* Append the events to ref's timeline, all or none, after checking them
 * against it (core/validate.h: dates in order, allowed transitions,
 * required fields, owners that exist).  A timeline that changed while
 * they were checked is a conflict: nothing is written. */
int ov_app_rec_update(ov_app *a, const char *ref, const ov_rec_update *u,
                      ov_recorded *out, ov_diag *d);
int ov_app_rec_transition(ov_app *a, const char *ref,
                          const ov_rec_transition *t, ov_recorded *out,
                          ov_diag *d);
int ov_app_rec_revise_target(ov_app *a, const char *ref,
                             const ov_rec_target *t, ov_recorded *out,
                             ov_diag *d);

/* ---- listings ---- */

typedef struct ov_report_list {
	ov_dataset *ds; /* its reports, in id order */
	size_t *n_recs; /* recommendations of each report */
} ov_report_list;

int ov_app_reports(ov_app *a, ov_report_list *out, ov_diag *d);
void ov_report_list_release(ov_report_list *l);

/* A PEEL table: assessment `id` if given, else the force's (or the only
 * force's) latest on or before as_at. */
typedef struct ov_grades {
	ov_dataset *ds;
	const ov_assessment *a; /* borrowed from ds */
	ov_peel_cell *cells;    /* one per question of a */
} ov_grades;

int ov_app_grades(ov_app *a, const char *id, const char *force, ov_day as_at,
                  ov_grades *out, ov_diag *d);
void ov_grades_release(ov_grades *g);

/* Activities overlapping [from, to] (either may be OV_DAY_NONE) of force
 * (NULL: all), by date then id; meetings by date then id. */
typedef struct ov_list {
	ov_dataset *ds;
	const void **items; /* ov_activity or ov_meeting, borrowed from ds */
	size_t n;
} ov_list;

int ov_app_activities(ov_app *a, ov_day from, ov_day to, const char *force,
                      ov_list *out, ov_diag *d);
int ov_app_meetings(ov_app *a, ov_list *out, ov_diag *d);
void ov_list_release(ov_list *l);

/* The register in a dozen numbers as at a date. */
typedef struct ov_summary {
	ov_day as_at, since; /* closures are counted in (since, as_at] */
	size_t recs, by_status[OV_STATUS_NA + 1], by_rag[OV_RAG_GREEN + 1];
	size_t unrated, live, overdue, closed_recent;
	size_t reports, activities, meetings;
	ov_dataset *ds;             /* forces and assessments */
	const ov_assessment **peel; /* each force's current, or NULL */
} ov_summary;

int ov_app_summary(ov_app *a, ov_day as_at, ov_summary *out, ov_diag *d);
void ov_summary_release(ov_summary *s);

/* ---- the paper ---- */

enum ov_paper_fmt { OV_PAPER_MD, OV_PAPER_HTML, OV_PAPER_PDF };

/* Write the paper for the meeting on `date` (of `committee`, `force` if
 * given, each may be NULL) to path ("-": standard output).  No meeting,
 * or several, is a problem at "meeting" that lists the meetings there
 * are. */
int ov_app_paper(ov_app *a, ov_day date, const char *committee,
                 const char *force, enum ov_paper_fmt fmt, const char *path,
                 ov_diag *d);

#endif
