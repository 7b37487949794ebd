/* Building the document tree (paper/tree.h). */
#include "paper/tree.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

ov_paper *ov_paper_new(void)
{
	return ov_xcalloc(1, sizeof(ov_paper));
}

void ov_inline_add(ov_inline *in, const char *text, bool bold, bool italic)
{
	ov_run *r;

	in->runs = ov_xrealloc(in->runs, (in->n + 1) * sizeof *in->runs);
	r = &in->runs[in->n++];
	r->text = ov_xstrdup(text ? text : "");
	r->bold = bold;
	r->italic = italic;
}

bool ov_inline_empty(const ov_inline *in)
{
	for (size_t i = 0; i < in->n; i++)
		for (const char *s = in->runs[i].text; *s; s++)
			if (*s != ' ' && *s != '\t' && *s != '\n')
				return false;
	return true;
}

ov_block *ov_paper_add(ov_paper *p, ov_block_kind k)
{
	ov_block *b;

	OV_GROW(p->blocks, p->cap, p->n + 1);
	b = &p->blocks[p->n++];
	memset(b, 0, sizeof *b);
	b->kind = k;
	return b;
}

void ov_paper_heading(ov_paper *p, int level, const char *text)
{
	ov_block *b = ov_paper_add(p, OV_BLOCK_HEADING);

	b->level = level < 1 ? 1 : level > 4 ? 4 : level;
	ov_inline_add(&b->text, text, false, false);
}

void ov_paper_para(ov_paper *p, const char *text)
{
	ov_inline_add(&ov_paper_add(p, OV_BLOCK_PARA)->text, text, false,
		      false);
}

void ov_paper_para_bold(ov_paper *p, const char *text)
{
	ov_inline_add(&ov_paper_add(p, OV_BLOCK_PARA)->text, text, true,
		      false);
}

void ov_paper_para_take(ov_paper *p, ov_inline *in)
{
	ov_block *b = ov_paper_add(p, OV_BLOCK_PARA);

	b->text = *in;
	in->runs = NULL;
	in->n = 0;
}

ov_block *ov_paper_list(ov_paper *p)
{
	return ov_paper_add(p, OV_BLOCK_LIST);
}

ov_inline *ov_list_add(ov_block *list, const char *text)
{
	ov_inline *it;

	list->items = ov_xrealloc(list->items,
				  (list->n_items + 1) * sizeof *list->items);
	it = &list->items[list->n_items++];
	memset(it, 0, sizeof *it);
	if (text)
		ov_inline_add(it, text, false, false);
	return it;
}

ov_block *ov_paper_table(ov_paper *p, size_t ncols,
			 const char *const *header, const double *width)
{
	ov_block *b = ov_paper_add(p, OV_BLOCK_TABLE);
	ov_doc_table *t = &b->table;

	t->ncols = ncols;
	t->header = ov_xcalloc(ncols, sizeof *t->header);
	t->width = ov_xcalloc(ncols, sizeof *t->width);
	for (size_t i = 0; i < ncols; i++) {
		ov_inline_add(&t->header[i], header[i], false, false);
		t->width[i] = width[i] > 0 ? width[i] : 1;
	}
	return b;
}

ov_inline *ov_doc_table_row(ov_block *table)
{
	ov_doc_table *t = &table->table;

	t->rows = ov_xrealloc(t->rows, (t->nrows + 1) * sizeof *t->rows);
	t->rows[t->nrows] = ov_xcalloc(t->ncols, sizeof(ov_inline));
	return t->rows[t->nrows++];
}
