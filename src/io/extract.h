#ifndef OV_IO_EXTRACT_H
#define OV_IO_EXTRACT_H
/*
 * Causes of concern, recommendations and areas for improvement found in
 * the text of an HMICFRS report (or of a committee paper quoting one).
 * Pure text: no I/O beyond the buffer it is given (docs/extract.md says
 * what it reads).
 *
 * The text is cleaned first: pages ('\f') lose their running headers,
 * footers and page numbers, a page of two columns side by side is read
 * left column first, words hyphenated across line ends are joined, and an
 * item that runs over a page break stays whole.  Blocks (paragraphs, list
 * items, headings) are then read in order: a heading that is not one of
 * the inspectorate's keywords ("Cause of concern", "Recommendations",
 * "Areas for improvement") is the area the items under it stand in.
 *
 * Nothing is guessed silently: whatever could not be determined for an
 * item is one line of its doubts ("no timescale found", "addressee
 * unclear"...), and whatever was taken by default says so there too.
 *
 * Ownership: ov_extract_parse() returns a document the caller frees with
 * ov_extract_doc_free() (NULL is fine); every string in it is owned by it.
 */
#include <stdbool.h>
#include <stddef.h>

#include "core/enums.h"
#include "util/date.h"
#include "util/diag.h"

/* Largest text the parser takes, in bytes (the PDF reader's limit too). */
#define OV_EXTRACT_MAX_BYTES ((size_t)64 << 20)

/* One entry of the public register's history markup. */
enum ov_xev_kind {
	OV_XEV_STATUS,  /* [on]DATE [status]S[/status][/on] */
	OV_XEV_COMMENT, /* [comment]TEXT[/comment] */
};

typedef struct ov_xevent {
	enum ov_xev_kind kind;
	ov_day date;  /* OV_DAY_NONE: a comment before any dated entry */
	char *status; /* "awaiting-review", "being-progressed", "complete"...
	               * as written, lower case (OV_XEV_STATUS) */
	char *text;   /* the comment (OV_XEV_COMMENT) */
} ov_xevent;

typedef struct ov_xitem {
	enum ov_rec_kind kind;
	char *number;    /* as the report numbers it ("3", "1.2"), or NULL */
	char *area;      /* the heading it stands under, or NULL */
	char *timescale; /* the phrase ("Within six months"), or NULL */
	bool timescale_known; /* the register's rules give it a due date */
	enum ov_addressee addressee;
	char *text; /* the words (NULL for a finding/response pair) */
	char **bullets;
	size_t n_bullets;
	char *finding, *response; /* a finding and the force's response */
	/* The cause of concern this recommendation answers: its index in
	 * the document's items plus one, 0 for none. */
	size_t cause;
	ov_xevent *events; /* history markup, in the order written */
	size_t n_events;
	char **doubts; /* what could not be determined, one line each */
	size_t n_doubts;
	size_t report; /* index of its report in the document */
	size_t line;   /* 1-based line of the text where it starts */
} ov_xitem;

/* A report the text is about.  A committee paper may quote several: each
 * "recommendations are as follows:" under a "Title: subtitle" heading
 * starts one.  A text that names none has one, with no title. */
typedef struct ov_xreport {
	char *title;        /* the heading, or NULL */
	char *short_name;   /* its part before the first ':', or NULL */
	ov_pdate published; /* "published 24 October 2017" in its text */
} ov_xreport;

typedef struct ov_xdoc {
	ov_xreport *reports; /* at least one */
	size_t n_reports;
	ov_xitem *items; /* in the order of the text */
	size_t n_items;
	char *first_heading; /* the text's first heading, or NULL */
} ov_xdoc;

/* Parse len bytes of UTF-8 text (NUL bytes are refused).  name is used in
 * messages.  Returns 0 with a new document in *out (possibly with no
 * items), or -1 with an OV_PROB_INPUT problem in d ("NAME: ...": empty,
 * too large, not UTF-8 text) and *out NULL. */
int ov_extract_parse(const char *name, const char *buf, size_t len,
                     ov_xdoc **out, ov_diag *d);

void ov_extract_doc_free(ov_xdoc *doc);

#endif
