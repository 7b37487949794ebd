/* The document tree: reading it and releasing it (paper/doc.h); building
 * it is paper/tree.c's. */
#include "paper/doc.h"

#include <stdlib.h>

#include "util/buf.h"

void ov_inline_release(ov_inline *in)
{
	if (!in)
		return;
	for (size_t i = 0; i < in->n; i++)
		free(in->runs[i].text);
	free(in->runs);
	in->runs = NULL;
	in->n = 0;
}

char *ov_inline_text(const ov_inline *in)
{
	ov_buf b = OV_BUF_INIT;

	for (size_t i = 0; i < in->n; i++)
		ov_buf_puts(&b, in->runs[i].text);
	return ov_buf_detach(&b);
}

static void block_release(ov_block *b)
{
	ov_inline_release(&b->text);
	for (size_t i = 0; i < b->n_items; i++)
		ov_inline_release(&b->items[i]);
	free(b->items);
	if (b->table.header)
		for (size_t c = 0; c < b->table.ncols; c++)
			ov_inline_release(&b->table.header[c]);
	free(b->table.header);
	for (size_t r = 0; r < b->table.nrows; r++) {
		for (size_t c = 0; c < b->table.ncols; c++)
			ov_inline_release(&b->table.rows[r][c]);
		free(b->table.rows[r]);
	}
	free(b->table.rows);
	free(b->table.width);
}

void ov_paper_truncate(ov_paper *p, size_t n)
{
	while (p && p->n > n)
		block_release(&p->blocks[--p->n]);
}

void ov_paper_free(ov_paper *p)
{
	ov_paper_meta *m;

	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++)
		block_release(&p->blocks[i]);
	free(p->blocks);
	m = &p->meta;
	free(m->title);
	free(m->force_name);
	free(m->force_code);
	free(m->author);
	free(m->committee);
	free(m->date_text);
	free(m->date_iso);
	free(m->agenda_item);
	free(p);
}
