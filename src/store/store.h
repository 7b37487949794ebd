#ifndef OV_STORE_STORE_H
#define OV_STORE_STORE_H
/*
 * The store: the only module that speaks SQL.  This interface names no
 * SQLite type, so a PostgreSQL implementation can sit behind it later.
 *
 * Conventions: every function returns an ov_store_rc.  On anything but
 * OV_STORE_OK it has appended one message to `d` saying what failed (and
 * which id, where it matters); nothing was written.  Out-parameters are
 * owned by the caller and freed with the matching free function (all of
 * which accept NULL).
 *
 * The SQLite store (store/sqlite.c) opens in WAL mode with foreign keys on,
 * a busy timeout, synchronous=FULL, and applies numbered migrations on open.
 * A handle is for one thread at a time (it is opened without a mutex).  An
 * import checks the foreign keys once, before it commits, not row by row.
 */
#include <stdbool.h>
#include <stddef.h>

#include "core/fold.h"
#include "core/model.h"
#include "util/diag.h"

typedef enum ov_store_rc {
	OV_STORE_OK = 0,
	OV_STORE_NOTFOUND,  /* the id asked for is not there */
	OV_STORE_CONFLICT,  /* an id to be added is already there */
	OV_STORE_INVALID,   /* the request breaks a rule (bad transition) */
	OV_STORE_ERROR,     /* the database failed: I/O, corrupt, locked */
} ov_store_rc;

typedef struct ov_store ov_store;

/* Open (creating if create is true) the database at path and migrate it to
 * the current schema.  Opening a missing file with create false is
 * OV_STORE_NOTFOUND ("no database at PATH; run 'oversight init'"). */
ov_store_rc ov_store_open(const char *path, bool create, ov_store **out,
			  ov_diag *d);
void ov_store_close(ov_store *s);
/* Schema version after migrations. */
int ov_store_schema_version(ov_store *s);

/* Add a whole, already validated and sorted dataset in one transaction.
 * With replace, everything in the store is deleted first (same
 * transaction).  Without it, any id already present is OV_STORE_CONFLICT and
 * nothing is written.  progress, if not NULL, is called now and then with
 * (done, total) recommendations written. */
ov_store_rc ov_store_import(ov_store *s, const ov_dataset *ds, bool replace,
			    void (*progress)(size_t done, size_t total, void *),
			    void *arg, ov_diag *d);

/* Load everything into a new sorted dataset (for export and papers).
 * With force non-NULL, only that force's entities (and the people, boards,
 * plans and reports they use... in practice all of those). */
ov_store_rc ov_store_load(ov_store *s, const char *force, ov_dataset **out,
			  ov_diag *d);

/* One recommendation with its timeline; OV_STORE_NOTFOUND if absent. */
ov_store_rc ov_store_rec_get(ov_store *s, const char *ref, ov_rec **out,
			     ov_diag *d);
void ov_rec_free(ov_rec *r);

/* Append events to a recommendation's timeline in one transaction.  The
 * caller validated them with ov_validate_event() against ov_store_rec_get();
 * the store re-checks that the date is not before the last event. */
ov_store_rc ov_store_rec_append(ov_store *s, const char *ref,
				const ov_event *evs, size_t n, ov_diag *d);

/* Filters for ov_store_recs(); zero/NULL/NONE fields do not filter. */
typedef struct ov_rec_filter {
	ov_day as_at;            /* required: the fold date */
	bool status_set;
	enum ov_status status;
	bool rag_set;
	enum ov_rag rag;         /* OV_RAG_NONE with rag_set: no RAG given */
	const char *report;      /* report id */
	const char *owner;       /* person id */
	const char *area;        /* exact area heading */
	const char *force;       /* force code */
	bool overdue;            /* live and due before as_at */
	ov_day due_before;       /* due strictly before; OV_DAY_NONE: no filter */
	bool closed_since_set;   /* CLOSED with status_date in (since, as_at] */
	ov_day closed_since;
	size_t limit;            /* 0: no limit */
} ov_rec_filter;

void ov_rec_filter_init(ov_rec_filter *f, ov_day as_at);

/* One row of the register as at a date.  Strings owned by the row (one
 * block, see ov_rec_rows_free()). */
typedef struct ov_rec_row {
	char *ref, *report, *report_title, *force, *area, *subject, *timescale;
	char *text;
	enum ov_rec_kind kind;
	enum ov_addressee addressee;
	ov_day due;            /* effective due date, OV_DAY_NONE if none */
	enum ov_status status;
	ov_day status_date;
	enum ov_rag rag;
	char *owner;           /* person id */
	char *owner_name;      /* display name of the owner */
	char *closed_by, *basis;
	char *last_update;
	ov_day last_update_date;
	char *plan;            /* plan id (the rec's or the report's) */
} ov_rec_row;

/* The recommendations that match f, as they stood on f->as_at, ordered by
 * report then ref.  Recommendations not yet created on that date are not
 * returned.  One query over indexes, not a scan of all timelines. */
ov_store_rc ov_store_recs(ov_store *s, const ov_rec_filter *f,
			  ov_rec_row **rows, size_t *n, ov_diag *d);
/* Frees rows from ov_store_recs().  A row's strings share one allocation
 * that starts at `ref`: callers must not free or replace single fields. */
void ov_rec_rows_free(ov_rec_row *rows, size_t n);

/* Row counts of every table, for `summary` and tests. */
typedef struct ov_store_counts {
	size_t forces, people, boards, plans, assessments, reports, recs,
		events, activities, meetings;
} ov_store_counts;
ov_store_rc ov_store_count(ov_store *s, ov_store_counts *out, ov_diag *d);

#endif
