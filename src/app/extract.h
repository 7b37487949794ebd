#ifndef OV_APP_EXTRACT_H
#define OV_APP_EXTRACT_H
/*
 * oversight extract: the causes of concern, recommendations and areas for
 * improvement of an inspection report (a PDF or its text) as an
 * oversight/1 dataset to review and import (docs/extract.md).  It reads a
 * file and writes one; it needs no register.
 *
 * The dataset holds the force, the report(s) and one recommendation per
 * item, each with a timeline that starts with its creation and goes on
 * with the public register's history where the text has one.  Due dates
 * follow the register's own timescale rules (core/timescale.h) from the
 * publication day.  Whatever could not be determined about an item is
 * one of its doubts; in the JSON they are in the item's provenance note
 * (with "assumed": true), as is the link between a recommendation and the
 * cause of concern it answers (the format has no field for it yet).
 */
#include <stdbool.h>
#include <stddef.h>

#include "core/model.h"
#include "util/diag.h"

enum ov_extract_fmt { OV_EXTRACT_JSON, OV_EXTRACT_TABLE };

typedef struct ov_extract_req {
	const char *path;   /* the report: a PDF or UTF-8 text */
	const char *report; /* report id, or NULL: from the title */
	ov_day published;   /* or OV_DAY_NONE: as the text says */
	const char *force;  /* force code, or NULL: the force the text
	                     * names */
	enum ov_extract_fmt fmt;
	const char *out; /* JSON: where to ("-" or NULL: stdout) */
} ov_extract_req;

/* What the table shows beside each recommendation of ds (same order). */
typedef struct ov_extract_row {
	ov_day due;        /* ov_rec_due, OV_DAY_NONE for none */
	char *cause;       /* ref of the cause of concern it answers, or NULL */
	char *answered_by; /* a cause's answering refs, "R1, R2", or NULL */
	char **doubts;     /* what could not be determined */
	size_t n_doubts;
} ov_extract_row;

typedef struct ov_extract_result {
	ov_dataset *ds;       /* sorted; recs in ref order */
	ov_extract_row *rows; /* one per ds->recs[i] */
	size_t n_rows;
	size_t n_doubtful; /* items with at least one doubt */
	char **notes;      /* document-level doubts (force, publication) */
	size_t n_notes;
} ov_extract_result;

/* Read req->path, find its items, build the dataset and, for JSON, write
 * it canonically (io/json.h) to req->out, whole or not at all.  Returns 0
 * with *out filled (release with ov_extract_result_release), or -1 with
 * problems in d, nothing written: bad input (OV_PROB_INPUT at the file:
 * empty, over OV_EXTRACT_MAX_BYTES, not a PDF or text, a password-
 * protected PDF; JSON without a publication date) or a runtime one. */
int ov_app_extract(const ov_extract_req *req, ov_extract_result *out,
                   ov_diag *d);

void ov_extract_result_release(ov_extract_result *r);

#endif
