/* The paper as plain, readable Markdown. */
#include <errno.h>
#include <string.h>

#include "paper/doc.h"
#include "util/buf.h"

/* Backslash-escape the characters that would otherwise become markup;
 * in_table also escapes the cell separator. */
static void md_text(ov_buf *b, const char *s, bool in_table)
{
	for (; *s; s++) {
		if (strchr("\\`*_[]<", *s) || (in_table && *s == '|'))
			ov_buf_putc(b, '\\');
		if (*s == '\n')
			ov_buf_putc(b, ' ');
		else
			ov_buf_putc(b, *s);
	}
}

static void md_inline(ov_buf *b, const ov_inline *in, bool in_table)
{
	for (size_t i = 0; i < in->n; i++) {
		const ov_run *r = &in->runs[i];
		const char *mark = r->bold && r->italic ? "***"
				   : r->bold ? "**" : r->italic ? "*" : "";

		if (!*r->text)
			continue;
		ov_buf_puts(b, mark);
		md_text(b, r->text, in_table);
		ov_buf_puts(b, mark);
	}
}

/* A paragraph that starts like a list item or heading would be read as
 * one: escape its first character. */
static void md_para(ov_buf *b, const ov_inline *in)
{
	ov_buf tmp = {NULL, 0, 0};
	const char *s;
	size_t k;

	md_inline(&tmp, in, false);
	s = ov_buf_str(&tmp);
	k = strspn(s, "0123456789");
	if (*s == '#' || *s == '-' || *s == '+' || *s == '>')
		ov_buf_putc(b, '\\');
	if (k > 0 && (s[k] == '.' || s[k] == ')') && s[k + 1] == ' ') {
		ov_buf_add(b, s, k);
		ov_buf_putc(b, '\\');
		ov_buf_puts(b, s + k);
	} else {
		ov_buf_puts(b, s);
	}
	ov_buf_release(&tmp);
}

static void md_table(ov_buf *b, const ov_doc_table *t)
{
	ov_buf_puts(b, "|");
	for (size_t c = 0; c < t->ncols; c++) {
		ov_buf_putc(b, ' ');
		md_inline(b, &t->header[c], true);
		ov_buf_puts(b, " |");
	}
	ov_buf_puts(b, "\n|");
	for (size_t c = 0; c < t->ncols; c++)
		ov_buf_puts(b, " --- |");
	ov_buf_putc(b, '\n');
	for (size_t r = 0; r < t->nrows; r++) {
		ov_buf_puts(b, "|");
		for (size_t c = 0; c < t->ncols; c++) {
			ov_buf_putc(b, ' ');
			md_inline(b, &t->rows[r][c], true);
			ov_buf_puts(b, " |");
		}
		ov_buf_putc(b, '\n');
	}
}

int ov_paper_render_md(const ov_paper *p, FILE *f, ov_diag *d)
{
	ov_buf b = {NULL, 0, 0};
	int rc = 0;

	for (size_t i = 0; i < p->n; i++) {
		const ov_block *bl = &p->blocks[i];

		if (i)
			ov_buf_putc(&b, '\n');
		switch (bl->kind) {
		case OV_BLOCK_HEADING:
			for (int k = 0; k < bl->level; k++)
				ov_buf_putc(&b, '#');
			ov_buf_putc(&b, ' ');
			md_inline(&b, &bl->text, false);
			ov_buf_putc(&b, '\n');
			break;
		case OV_BLOCK_PARA:
			md_para(&b, &bl->text);
			ov_buf_putc(&b, '\n');
			break;
		case OV_BLOCK_LIST:
			for (size_t k = 0; k < bl->n_items; k++) {
				ov_buf_puts(&b, "- ");
				md_inline(&b, &bl->items[k], false);
				ov_buf_putc(&b, '\n');
			}
			break;
		case OV_BLOCK_TABLE:
			md_table(&b, &bl->table);
			break;
		}
	}
	if (b.len && fwrite(b.data, 1, b.len, f) != b.len) {
		ov_diag_add(d, "writing Markdown: %s", strerror(errno));
		rc = -1;
	}
	ov_buf_release(&b);
	return rc;
}
