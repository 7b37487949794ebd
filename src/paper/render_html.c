/*
 * The paper as one self-contained HTML5 file: inline style with a print
 * stylesheet, no external requests.  Every tag and text goes through the
 * escaping writer in util/html.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "paper/doc.h"
#include "paper/tree.h"
#include "util/html.h"
#include "util/mem.h"

static const char css[] =
	"body { font-family: Arial, Helvetica, sans-serif; font-size: 12pt;\n"
	"  line-height: 1.4; max-width: 50em; margin: 2em auto;\n"
	"  padding: 0 1em; color: #000; }\n"
	"h1 { font-size: 14pt; text-align: center; }\n"
	"h2 { font-size: 12pt; margin-top: 1.5em; }\n"
	"h3, h4 { font-size: 12pt; font-weight: normal;\n"
	"  text-decoration: underline; }\n"
	".head { text-align: center; font-weight: bold; margin: 0.3em 0; }\n"
	"table { border-collapse: collapse; width: 100%; margin: 1em 0; }\n"
	"th, td { border: 1px solid #000; padding: 0.2em 0.4em;\n"
	"  text-align: left; vertical-align: top; }\n"
	"th { background: #eee; }\n"
	"@media print {\n"
	"  @page { size: A4; margin: 2cm; }\n"
	"  body { margin: 0; max-width: none; font-size: 11pt; }\n"
	"  h2, h3, h4 { page-break-after: avoid; break-after: avoid; }\n"
	"  tr { page-break-inside: avoid; break-inside: avoid; }\n"
	"  thead { display: table-header-group; }\n"
	"  th { background: none; }\n"
	"}\n";

static void runs(ov_html *h, const ov_inline *in)
{
	for (size_t i = 0; i < in->n; i++) {
		const ov_run *r = &in->runs[i];

		if (r->bold)
			ov_html_open(h, "strong", NULL);
		if (r->italic)
			ov_html_open(h, "em", NULL);
		ov_html_text(h, r->text);
		if (r->italic)
			ov_html_close(h, "em");
		if (r->bold)
			ov_html_close(h, "strong");
	}
}

static void table(ov_html *h, const ov_doc_table *t)
{
	double sum = 0;

	ov_html_open(h, "table", NULL);
	ov_html_nl(h);
	for (size_t c = 0; c < t->ncols; c++)
		sum += t->width[c];
	ov_html_open(h, "colgroup", NULL);
	for (size_t c = 0; c < t->ncols; c++) {
		char *w = ov_xasprintf("width: %.1f%%",
				       sum > 0 ? 100.0 * t->width[c] / sum
				       : 100.0 / (double)t->ncols);
		ov_html_void(h, "col", "style", w, NULL);
		free(w);
	}
	ov_html_close(h, "colgroup");
	ov_html_nl(h);
	ov_html_open(h, "thead", NULL);
	ov_html_open(h, "tr", NULL);
	for (size_t c = 0; c < t->ncols; c++) {
		ov_html_open(h, "th", "scope", "col", NULL);
		runs(h, &t->header[c]);
		ov_html_close(h, "th");
	}
	ov_html_close(h, "tr");
	ov_html_close(h, "thead");
	ov_html_nl(h);
	ov_html_open(h, "tbody", NULL);
	ov_html_nl(h);
	for (size_t r = 0; r < t->nrows; r++) {
		ov_html_open(h, "tr", NULL);
		for (size_t c = 0; c < t->ncols; c++) {
			ov_html_open(h, "td", NULL);
			runs(h, &t->rows[r][c]);
			ov_html_close(h, "td");
		}
		ov_html_close(h, "tr");
		ov_html_nl(h);
	}
	ov_html_close(h, "tbody");
	ov_html_close(h, "table");
}

/* Paragraphs before the first heading are the title block. */
static void block(ov_html *h, const ov_block *b, int seen_heading)
{
	static const char *const htag[] = {"h1", "h1", "h2", "h3", "h4"};

	switch (b->kind) {
	case OV_BLOCK_HEADING:
		ov_html_open(h, htag[b->level < 1 ? 1 : b->level > 4 ? 4
				      : b->level], NULL);
		runs(h, &b->text);
		ov_html_close(h, htag[b->level < 1 ? 1 : b->level > 4 ? 4
				      : b->level]);
		break;
	case OV_BLOCK_PARA:
		if (seen_heading)
			ov_html_open(h, "p", NULL);
		else
			ov_html_open(h, "p", "class", "head", NULL);
		runs(h, &b->text);
		ov_html_close(h, "p");
		break;
	case OV_BLOCK_LIST:
		ov_html_open(h, "ul", NULL);
		ov_html_nl(h);
		for (size_t i = 0; i < b->n_items; i++) {
			ov_html_open(h, "li", NULL);
			runs(h, &b->items[i]);
			ov_html_close(h, "li");
			ov_html_nl(h);
		}
		ov_html_close(h, "ul");
		break;
	case OV_BLOCK_TABLE:
		table(h, &b->table);
		break;
	}
	ov_html_nl(h);
}

/* The blocks in order; with title_block, the paragraphs before the first
 * heading are the paper's title block. */
static void body(ov_html *h, const ov_paper *p, bool title_block)
{
	int seen = !title_block;

	for (size_t i = 0; i < p->n; i++) {
		if (p->blocks[i].kind == OV_BLOCK_HEADING)
			seen = 1;
		block(h, &p->blocks[i], seen);
	}
}

int ov_paper_render_html(const ov_paper *p, FILE *f, ov_diag *d)
{
	ov_buf out = OV_BUF_INIT;
	ov_html h;
	char *title;
	int rc = 0;

	ov_html_init(&h, &out);
	ov_html_doctype(&h);
	ov_html_open(&h, "html", "lang", "en-GB", NULL);
	ov_html_nl(&h);
	ov_html_open(&h, "head", NULL);
	ov_html_nl(&h);
	ov_html_void(&h, "meta", "charset", "utf-8", NULL);
	ov_html_nl(&h);
	ov_html_void(&h, "meta", "name", "viewport", "content",
		     "width=device-width, initial-scale=1", NULL);
	ov_html_nl(&h);
	title = ov_xasprintf("%s \u2013 %s, %s",
			     p->meta.title ? p->meta.title : "Paper",
			     p->meta.committee ? p->meta.committee : "",
			     p->meta.date_text ? p->meta.date_text : "");
	ov_html_elem(&h, "title", title);
	free(title);
	ov_html_nl(&h);
	if (p->meta.author)
		ov_html_void(&h, "meta", "name", "author", "content",
			     p->meta.author, NULL);
	ov_html_style(&h, css);
	ov_html_close(&h, "head");
	ov_html_nl(&h);
	ov_html_open(&h, "body", NULL);
	ov_html_nl(&h);
	body(&h, p, true);
	ov_html_close(&h, "body");
	ov_html_nl(&h);
	ov_html_close(&h, "html");
	ov_html_nl(&h);
	if (h.bad) {
		ov_diag_add(d, "HTML: internal error: a refused tag or style");
		rc = -1;
	} else if (fwrite(out.data, 1, out.len, f) != out.len) {
		ov_diag_add(d, "writing HTML: %s", strerror(errno));
		rc = -1;
	}
	ov_buf_release(&out);
	return rc;
}

int ov_paper_markdown_html(const char *md, int base_level, ov_buf *out,
			   ov_diag *d)
{
	ov_paper *p = ov_paper_new();
	ov_buf frag = OV_BUF_INIT;
	ov_html h;
	int rc = 0;

	ov_paper_markdown_shown(p, md, base_level, true);
	ov_html_init(&h, &frag);
	body(&h, p, false);
	if (h.bad) {
		ov_diag_add(d, "HTML: internal error: a refused tag or style");
		rc = -1;
	} else {
		ov_buf_add(out, frag.data ? frag.data : "", frag.len);
	}
	ov_buf_release(&frag);
	ov_paper_free(p);
	return rc;
}
