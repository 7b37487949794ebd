#ifndef OV_PAPER_DOC_H
#define OV_PAPER_DOC_H
/*
 * The committee paper as a document tree.
 *
 * ov_paper_build() turns the register (as it stood on the meeting date) into
 * an ov_paper; each renderer (Markdown, HTML, PDF) walks the same tree, so
 * the three outputs state the same facts.  Markdown written by people in the
 * data (background, notes, summaries, narratives) is parsed with cmark by
 * the builder and converted into blocks here (paragraphs, bullet lists,
 * headings, bold/italic runs); renderers never see Markdown source and never
 * parse anything.  Raw HTML in that Markdown is dropped, never passed on.
 *
 * Shape: a paper is metadata plus an ordered array of blocks.  A block is a
 * heading, a paragraph (array of inline runs), a bullet list (array of
 * items, each an array of runs) or a table (header cells, body rows of
 * cells, column width hints).  All text is UTF-8, plain (not escaped for any
 * output format): each renderer escapes for its own format.
 *
 * ov_paper_free(), ov_inline_text() and the builder live in doc.c/build.c
 * (paper engineer); render_pdf.c is owned by the pdf engineer.
 *
 * Ownership: the ov_paper owns every block, run, cell and string reachable
 * from it.  ov_paper_free() releases all of it and accepts NULL.  Renderers
 * take `const ov_paper *` and never modify or keep it.
 */
#include <stdio.h>
#include <stddef.h>

#include "core/model.h"
#include "util/buf.h"
#include "util/diag.h"

/* A piece of text with one style.  `text` is never NULL (may be ""). */
typedef struct ov_run {
	char *text;
	unsigned bold : 1;
	unsigned italic : 1;
} ov_run;

/* A sequence of runs forming one line/paragraph/cell/list item. */
typedef struct ov_inline {
	ov_run *runs;
	size_t n;
} ov_inline;

typedef enum ov_block_kind {
	OV_BLOCK_HEADING = 1,   /* level 1..4, text in `text` */
	OV_BLOCK_PARA,          /* `text` */
	OV_BLOCK_LIST,          /* `items[n_items]`, bulleted */
	OV_BLOCK_TABLE          /* `table` */
} ov_block_kind;

/*
 * A table in the paper (not the terminal table of cli/table.h): `ncols`
 * columns; `header` has ncols cells; each of `rows[nrows]` has ncols cells.
 * `width[ncols]` are relative width hints (positive, any scale: a renderer
 * divides each by their sum).  A cell's text may be empty.
 */
typedef struct ov_doc_table {
	size_t ncols;
	ov_inline *header;      /* [ncols] */
	ov_inline **rows;       /* [nrows][ncols] */
	size_t nrows;
	double *width;          /* [ncols] */
} ov_doc_table;

typedef struct ov_block {
	ov_block_kind kind;
	/* Heading level 1..4: 1 = the paper's title ("HMICFRS UPDATE"; the
	 * agenda item, committee and date before it are bold paragraphs),
	 * 2 = numbered section ("2. BACKGROUND") or major part ("Inspections
	 * completed since the last meeting"), 3 = a month, a report under
	 * review, 4 = a recommendation area within a report.  Levels never
	 * skip: a level-n heading always follows some level n-1 heading.
	 * Renderers must accept all four levels. */
	int level;
	ov_inline text;         /* HEADING, PARA */
	ov_inline *items;       /* LIST: [n_items] */
	size_t n_items;
	ov_doc_table table;     /* TABLE */
} ov_block;

/* Document metadata; every string may be NULL when unknown. */
typedef struct ov_paper_meta {
	char *title;            /* meeting title as in the data: "HMICFRS update" */
	char *force_name;       /* "West Midlands Police" */
	char *force_code;       /* "WMP" */
	char *author;           /* contact officer's name */
	char *committee;        /* "Joint Audit Committee" */
	char *date_text;        /* "27th September 2018" */
	char *date_iso;         /* "2018-09-27" */
	char *agenda_item;      /* "9" as in the data */
} ov_paper_meta;

typedef struct ov_paper {
	ov_paper_meta meta;
	ov_block *blocks;
	size_t n;
	size_t cap;             /* builder's use */
} ov_paper;

/* Release the blocks from the n-th on (the builder takes back a section
 * its layout leaves out when it has nothing to report); NULL is fine. */
void ov_paper_truncate(ov_paper *p, size_t n);

/* Release everything the paper owns, then the paper; accepts NULL. */
void ov_paper_free(ov_paper *p);

/*
 * Build the paper for meeting `m` (which must belong to `ds`) from the data
 * as it stood on m->date: events recorded after that date are ignored;
 * "since the last meeting" means after the previous meeting of the same
 * force and committee, up to and including m->date.
 * Returns 0 and stores a new paper in *out (caller frees with
 * ov_paper_free), or -1 with a message in `d` and *out = NULL.
 */
int ov_paper_build(const ov_dataset *ds, const ov_meeting *m, ov_paper **out,
                   ov_diag *d);

/*
 * Renderers.  Each writes the whole paper to `f` (which the caller opened,
 * normally through ov_outfile so a failure leaves no partial file) and
 * returns 0, or -1 with a message in `d` (a write error, an unusable font).
 * They do not close `f`.
 *   md   - plain readable Markdown (# headings, pipe tables, "- " bullets)
 *   html - one self-contained HTML5 file, all text escaped via util/html.h
 *   pdf  - A4 PDF via cairo/pango (src/paper/render_pdf.c); writes to `f`
 *          through a cairo write callback, so `f` may be a pipe.
 */
int ov_paper_render_md(const ov_paper *p, FILE *f, ov_diag *d);
int ov_paper_render_html(const ov_paper *p, FILE *f, ov_diag *d);
int ov_paper_render_pdf(const ov_paper *p, FILE *f, ov_diag *d);
/* Drop the process's font map (made at the first PDF, kept for every
 * later one, from any thread), for a program that then resets cairo's and
 * fontconfig's static data to be leak-checked.  No PDF may be rendered
 * at the same time; one may be after. */
void ov_paper_pdf_release(void);

/* Markdown written by people (one narrative block, say) as an HTML
 * fragment, for a preview: parsed as the paper parses it (paper/tree.h),
 * its headings from base_level (the paper's meeting blocks use 3), raw
 * HTML kept as text, and written as render_html's body is, every text
 * escaped by util/html.h.  Appends to out; returns 0, or -1 with a
 * runtime problem in d (out then unchanged).  NULL or blank md appends
 * nothing. */
int ov_paper_markdown_html(const char *md, int base_level, ov_buf *out,
			   ov_diag *d);

/* Plain text of an inline sequence (runs concatenated), newly allocated;
 * the caller frees it.  Helper for renderers that ignore styling. */
char *ov_inline_text(const ov_inline *in);
/* Free an inline's runs and leave it empty; NULL is fine. */
void ov_inline_release(ov_inline *in);

#endif
