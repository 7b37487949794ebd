#ifndef OV_PAPER_TREE_H
#define OV_PAPER_TREE_H
/*
 * Building an ov_paper (paper/doc.h): the helpers the builder and the
 * Markdown converter use.  Strings passed in are copied.  A block pointer
 * returned here stays valid only until the next block is added.
 */
#include <stdbool.h>

#include "paper/doc.h"

ov_paper *ov_paper_new(void);
/* Append a run (copied; NULL counts as ""). */
void ov_inline_add(ov_inline *in, const char *text, bool bold, bool italic);
/* True when the inline has no visible text. */
bool ov_inline_empty(const ov_inline *in);

/* A new zeroed block of kind k at the end of the paper. */
ov_block *ov_paper_add(ov_paper *p, ov_block_kind k);
void ov_paper_heading(ov_paper *p, int level, const char *text);
void ov_paper_para(ov_paper *p, const char *text);
void ov_paper_para_bold(ov_paper *p, const char *text);
/* Take ownership of *in as a new paragraph (in is left empty). */
void ov_paper_para_take(ov_paper *p, ov_inline *in);
/* A new, empty bullet list; then ov_list_add() items. */
ov_block *ov_paper_list(ov_paper *p);
/* A new item holding plain text; returns it for more runs. */
ov_inline *ov_list_add(ov_block *list, const char *text);
/* A table with ncols columns, header texts and relative widths. */
ov_block *ov_paper_table(ov_paper *p, size_t ncols,
			 const char *const *header, const double *width);
/* A new body row of empty cells; fill them with ov_inline_add(). */
ov_inline *ov_doc_table_row(ov_block *table);

/* Parse Markdown written by people (cmark, raw HTML dropped) and append
 * its blocks; Markdown headings become levels starting at base_level
 * (clamped to 4).  NULL or blank md appends nothing. */
void ov_paper_markdown(ov_paper *p, const char *md, int base_level);
/* The same, with html_shown: raw HTML kept as plain text (a raw block a
 * paragraph, inline HTML a run), for a preview; renderers escape it. */
void ov_paper_markdown_shown(ov_paper *p, const char *md, int base_level,
			     bool html_shown);

#endif
