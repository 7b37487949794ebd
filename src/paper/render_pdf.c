/*
 * The committee paper as an A4 PDF, laid out with pango on a cairo PDF
 * surface (so the text is real, selectable text with embedded fonts).
 *
 * Pagination is done twice with the same code: a first pass writes to a
 * sink that discards everything and only counts pages, so the second pass,
 * which writes to the caller's FILE, can print "Page N of M" in every
 * footer.  Both passes use a PDF surface, so font metrics (and therefore
 * every line and page break) are identical.
 *
 * User text reaches pango only through pango_layout_set_text() plus an
 * attribute list for bold/italic runs; it is never parsed as pango markup.
 */
#include "paper/doc.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <pthread.h>
#include <pango/pangocairo.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/mem.h"

/* Page geometry in PDF points (1/72 inch). */
#define PAGE_W 595.28
#define PAGE_H 841.89
#define CM (72.0 / 2.54)
#define MARGIN_X (2.0 * CM)
#define MARGIN_TOP (2.0 * CM)
#define CONTENT_W (PAGE_W - 2.0 * MARGIN_X)
#define CONTENT_BOTTOM (PAGE_H - 2.4 * CM) /* the footer sits below */
#define FOOTER_TOP (PAGE_H - 1.6 * CM)

#define FONT_FAMILY "Liberation Sans,DejaVu Sans,sans-serif"
#define BODY_PT 11.0
#define TABLE_PT 10.0
#define FOOTER_PT 9.0
#define LEADING 0.25          /* extra space between lines, in ems */
#define PARA_GAP 7.0          /* space after a paragraph or list */
#define ITEM_GAP 3.0          /* space between list items */
#define BULLET_INDENT 8.0     /* from the margin to the bullet */
#define TEXT_INDENT 22.0      /* from the margin to an item's text */
#define CELL_PAD_X 4.0
#define CELL_PAD_Y 3.0
#define RULE_W 0.6
#define OUTLINE_DEPTH 4

/* Where cairo sends the PDF bytes. */
typedef struct sink {
	FILE *f;      /* NULL: discard (counting pass) */
	int err;      /* errno of the first failed write */
} sink;

typedef struct pdf {
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoContext *pango;
	bool drawing;           /* false in the counting pass */
	int page;               /* current page, from 1 */
	int npages;             /* total pages; 0 in the counting pass */
	double y;               /* top of the free space on this page */
	const char *title;      /* for the footer */
	int outline[OUTLINE_DEPTH + 1]; /* latest outline id per level */
} pdf;

/* One line of a laid-out text: its height (with leading) and the distance
 * from its top to its baseline. */
typedef struct line_box {
	PangoLayoutLine *line;
	double x;          /* left edge within the layout (alignment) */
	double h, base;
} line_box;

/* A text laid out at a fixed width, split into its lines. */
typedef struct text_box {
	PangoLayout *layout;
	line_box *lines;
	int n;
} text_box;

/* A failed write is recorded and later bytes are dropped, but cairo is
 * told all is well: cairo 1.16 crashes in cairo_surface_finish() when the
 * stream reports CAIRO_STATUS_WRITE_ERROR.  render_pass() checks s->err. */
static cairo_status_t sink_write(void *closure, const unsigned char *data,
				 unsigned int len)
{
	sink *s = closure;

	if (!s->f || s->err || len == 0)
		return CAIRO_STATUS_SUCCESS;
	errno = 0;
	if (fwrite(data, 1, len, s->f) != len)
		s->err = errno ? errno : EIO;
	return CAIRO_STATUS_SUCCESS;
}

/* ---- text ------------------------------------------------------------- */

static PangoAttribute *span_attr(PangoAttribute *a, size_t start, size_t end)
{
	a->start_index = (guint)start;
	a->end_index = (guint)end;
	return a;
}

/* Concatenate the runs into `text` and describe their styles as pango
 * attributes (byte ranges), never as markup. */
static PangoAttrList *inline_attrs(const ov_inline *in, ov_buf *text)
{
	PangoAttrList *attrs = pango_attr_list_new();

	for (size_t i = 0; i < in->n; i++) {
		size_t start = text->len;

		ov_buf_puts(text, in->runs[i].text);
		if (in->runs[i].bold)
			pango_attr_list_insert(attrs, span_attr(
				pango_attr_weight_new(PANGO_WEIGHT_BOLD),
				start, text->len));
		if (in->runs[i].italic)
			pango_attr_list_insert(attrs, span_attr(
				pango_attr_style_new(PANGO_STYLE_ITALIC),
				start, text->len));
	}
	return attrs;
}

/* One font map for the process.  Pango's default map is per thread, and
 * the web server renders in short-lived connection threads: each thread's
 * map, dropped at its exit, leaks fontconfig's state and loses its font
 * cache.  A map is not safe to share between threads at once, so
 * rendering holds render_lock (PDFs are rare; the rest of a request runs
 * in parallel). */
static pthread_once_t map_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t render_lock = PTHREAD_MUTEX_INITIALIZER;
static PangoFontMap *font_map;

static void make_font_map(void)
{
	font_map = pango_cairo_font_map_new();
}

static PangoFontMap *shared_font_map(void)
{
	pthread_once(&map_once, make_font_map);
	if (!font_map) /* released, and wanted again */
		make_font_map();
	return font_map;
}

void ov_paper_pdf_release(void)
{
	pthread_mutex_lock(&render_lock);
	if (font_map)
		g_object_unref(font_map);
	font_map = NULL;
	pthread_mutex_unlock(&render_lock);
}

static PangoFontDescription *font_desc(double pt, bool bold)
{
	PangoFontDescription *fd = pango_font_description_from_string(
		FONT_FAMILY);

	pango_font_description_set_size(fd, (gint)(pt * PANGO_SCALE));
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	return fd;
}

static void text_box_free(text_box *t)
{
	if (t->layout)
		g_object_unref(t->layout);
	free(t->lines);
	memset(t, 0, sizeof *t);
}

/* Record each line's height and baseline so the page breaker can work by
 * arithmetic alone. */
static void text_box_measure(text_box *t, double pt)
{
	PangoLayoutIter *it = pango_layout_get_iter(t->layout);
	int i = 0;

	t->n = pango_layout_get_line_count(t->layout);
	t->lines = ov_xcalloc((size_t)t->n, sizeof *t->lines);
	do {
		PangoRectangle log;

		pango_layout_iter_get_line_extents(it, NULL, &log);
		t->lines[i].line = pango_layout_iter_get_line_readonly(it);
		t->lines[i].x = (double)log.x / PANGO_SCALE;
		t->lines[i].h = (double)log.height / PANGO_SCALE + LEADING * pt;
		t->lines[i].base = (double)(pango_layout_iter_get_baseline(it) -
					   log.y) / PANGO_SCALE;
		i++;
	} while (i < t->n && pango_layout_iter_next_line(it));
	t->n = i;
	pango_layout_iter_free(it);
}

static void text_box_init(pdf *p, text_box *t, const ov_inline *in, double pt,
			  bool bold, double width, PangoAlignment align)
{
	ov_buf text = OV_BUF_INIT;
	PangoAttrList *attrs = inline_attrs(in, &text);
	PangoFontDescription *fd = font_desc(pt, bold);

	memset(t, 0, sizeof *t);
	t->layout = pango_layout_new(p->pango);
	pango_layout_set_font_description(t->layout, fd);
	pango_layout_set_width(t->layout, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(t->layout, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(t->layout, align);
	pango_layout_set_text(t->layout, ov_buf_str(&text), (int)text.len);
	pango_layout_set_attributes(t->layout, attrs);
	text_box_measure(t, pt);
	pango_attr_list_unref(attrs);
	pango_font_description_free(fd);
	ov_buf_release(&text);
}

static double text_box_height(const text_box *t, int from, int to)
{
	double h = 0;

	for (int i = from; i < to; i++)
		h += t->lines[i].h;
	return h;
}

/* Draw line i with its top at y; x is the layout's left edge. */
static void draw_line(pdf *p, const text_box *t, int i, double x, double y)
{
	if (!p->drawing)
		return;
	cairo_move_to(p->cr, x + t->lines[i].x, y + t->lines[i].base);
	pango_cairo_show_layout_line(p->cr, t->lines[i].line);
}

/* ---- pages ------------------------------------------------------------ */

/* One footer line: the paper's title on the left (cut short with an
 * ellipsis if long), "Page N of M" on the right. */
static void footer_text(pdf *p, const char *text, double width,
			PangoAlignment align)
{
	ov_run run = {(char *)text, 0, 0};
	ov_inline in = {&run, 1};
	text_box t;

	text_box_init(p, &t, &in, FOOTER_PT, false, width, align);
	/* A footer stays on one line: lay it out again, ellipsized. */
	pango_layout_set_ellipsize(t.layout, PANGO_ELLIPSIZE_END);
	pango_layout_set_height(t.layout, -1);
	free(t.lines);
	text_box_measure(&t, FOOTER_PT);
	draw_line(p, &t, 0, align == PANGO_ALIGN_LEFT ? MARGIN_X
			   : MARGIN_X + CONTENT_W - width, FOOTER_TOP);
	text_box_free(&t);
}

static void draw_footer(pdf *p)
{
	char *num;

	if (!p->drawing)
		return;
	num = ov_xasprintf("Page %d of %d", p->page, p->npages);
	cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
	cairo_set_line_width(p->cr, 0.4);
	cairo_move_to(p->cr, MARGIN_X, FOOTER_TOP - 4.0);
	cairo_line_to(p->cr, MARGIN_X + CONTENT_W, FOOTER_TOP - 4.0);
	cairo_stroke(p->cr);
	footer_text(p, p->title, CONTENT_W * 0.75, PANGO_ALIGN_LEFT);
	footer_text(p, num, CONTENT_W * 0.25, PANGO_ALIGN_RIGHT);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	free(num);
}

static void new_page(pdf *p)
{
	draw_footer(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = MARGIN_TOP;
}

static bool at_page_top(const pdf *p)
{
	return p->y <= MARGIN_TOP;
}

/* Vertical space that is dropped at the top of a page. */
static void space(pdf *p, double pts)
{
	if (!at_page_top(p))
		p->y += pts;
}

/* Start a new page unless `need` points fit below the current position. */
static void need(pdf *p, double pts)
{
	if (!at_page_top(p) && p->y + pts > CONTENT_BOTTOM)
		new_page(p);
}

/* Flow a text's lines down the page at x, breaking pages between lines.
 * A marker (a list bullet), if given, is drawn at mx on the first line. */
static void flow(pdf *p, const text_box *t, double x, const text_box *marker,
		 double mx)
{
	for (int i = 0; i < t->n; i++) {
		need(p, t->lines[i].h);
		if (i == 0 && marker)
			draw_line(p, marker, 0, mx,
				  p->y + t->lines[0].base - marker->lines[0].base);
		draw_line(p, t, i, x, p->y);
		p->y += t->lines[i].h;
	}
}

/* ---- blocks ----------------------------------------------------------- */

/* Levels (doc.h): 1 the paper's title, 2 a section, 3 a month or a
 * report, 4 a recommendation area.  Deeper levels look like level 4. */
static double heading_pt(int level)
{
	static const double pt[] = {16.0, 13.0, 12.0, 11.0};

	return pt[level < 1 ? 0 : level > 4 ? 3 : level - 1];
}

static double heading_space(int level)
{
	static const double sp[] = {10.0, 14.0, 10.0, 8.0};

	return sp[level < 1 ? 0 : level > 4 ? 3 : level - 1];
}

/* A heading in the PDF outline (bookmarks): the title and sections at
 * the top level, each deeper heading under the latest one above it. */
static void add_outline(pdf *p, const text_box *t, int level, double y)
{
	const char *text = pango_layout_get_text(t->layout);
	int lv = level < 2 ? 2 : level > OUTLINE_DEPTH ? OUTLINE_DEPTH : level;
	int parent = lv == 2 ? CAIRO_PDF_OUTLINE_ROOT : p->outline[lv - 1];
	char *dest;

	if (!p->drawing || !*text)
		return;
	dest = ov_xasprintf("page=%d pos=[%.2f %.2f]", p->page, MARGIN_X, y);
	p->outline[lv] = cairo_pdf_surface_add_outline(p->surface, parent,
						       text, dest, 0);
	for (int i = lv + 1; i <= OUTLINE_DEPTH; i++)
		p->outline[i] = p->outline[lv];
	free(dest);
}

/* A heading keeps with what follows (lead_height, below the tables):
 * never alone at the foot of a page, nor a run of headings. */
static double lead_height(pdf *p, const ov_block *b, size_t n);

static void put_heading(pdf *p, const ov_block *b, size_t n_after)
{
	double pt = heading_pt(b->level);
	double body_line = BODY_PT * (1.2 + LEADING);
	double room = CONTENT_BOTTOM - MARGIN_TOP, h, follow;
	text_box t;

	text_box_init(p, &t, &b->text, pt, true, CONTENT_W, PANGO_ALIGN_LEFT);
	space(p, heading_space(b->level));
	/* Keep a heading with the start of what follows it: the next
	 * headings and the first lines of the block after them (at least
	 * two lines), unless that could not fit on any page. */
	h = text_box_height(&t, 0, t.n);
	follow = lead_height(p, b + 1, n_after);
	if (follow < 2 * body_line || h + follow > room)
		follow = 2 * body_line;
	need(p, h + follow);
	add_outline(p, &t, b->level, p->y);
	flow(p, &t, MARGIN_X, NULL, 0);
	p->y += b->level <= 1 ? 6.0 : 3.0;
	text_box_free(&t);
}

static void put_para(pdf *p, const ov_block *b)
{
	text_box t;

	text_box_init(p, &t, &b->text, BODY_PT, false, CONTENT_W,
		      PANGO_ALIGN_LEFT);
	flow(p, &t, MARGIN_X, NULL, 0);
	space(p, PARA_GAP);
	text_box_free(&t);
}

static void put_list(pdf *p, const ov_block *b)
{
	ov_run brun = {(char *)"\xe2\x80\xa2", 0, 0}; /* U+2022 BULLET */
	ov_inline bin = {&brun, 1};
	text_box bullet;

	text_box_init(p, &bullet, &bin, BODY_PT, false, TEXT_INDENT,
		      PANGO_ALIGN_LEFT);
	for (size_t i = 0; i < b->n_items; i++) {
		text_box t;

		text_box_init(p, &t, &b->items[i], BODY_PT, false,
			      CONTENT_W - TEXT_INDENT, PANGO_ALIGN_LEFT);
		if (i > 0)
			space(p, ITEM_GAP);
		flow(p, &t, MARGIN_X + TEXT_INDENT, &bullet,
		     MARGIN_X + BULLET_INDENT);
		text_box_free(&t);
	}
	space(p, PARA_GAP);
	text_box_free(&bullet);
}

/* ---- tables ----------------------------------------------------------- */

typedef struct table_ctx {
	const ov_doc_table *t;
	double *x;          /* [ncols + 1] column edges */
	text_box *header;   /* [ncols] */
	double header_h;
} table_ctx;

static void column_edges(const ov_doc_table *t, double *x)
{
	double sum = 0;

	for (size_t c = 0; t->width && c < t->ncols; c++)
		sum += t->width[c] > 0 ? t->width[c] : 0;
	x[0] = MARGIN_X;
	for (size_t c = 0; c < t->ncols; c++) {
		double w = sum > 0 && t->width[c] > 0 ? t->width[c] / sum
						      : (sum > 0 ? 0 : 1.0 / t->ncols);
		x[c + 1] = x[c] + w * CONTENT_W;
	}
	x[t->ncols] = MARGIN_X + CONTENT_W; /* no rounding drift */
}

static void cells_init(pdf *p, const table_ctx *tc, text_box *cells,
		       const ov_inline *in, bool bold)
{
	for (size_t c = 0; c < tc->t->ncols; c++) {
		double w = tc->x[c + 1] - tc->x[c] - 2 * CELL_PAD_X;

		text_box_init(p, &cells[c], &in[c], TABLE_PT, bold,
			      w > 1 ? w : 1, PANGO_ALIGN_LEFT);
	}
}

static void cells_free(const table_ctx *tc, text_box *cells)
{
	for (size_t c = 0; c < tc->t->ncols; c++)
		text_box_free(&cells[c]);
}

/* Height of the rest of a row: the tallest cell from line from[c] on. */
static double rest_height(const table_ctx *tc, const text_box *cells,
			  const int *from)
{
	double h = 0;

	for (size_t c = 0; c < tc->t->ncols; c++) {
		double ch = text_box_height(&cells[c], from[c], cells[c].n);

		h = ch > h ? ch : h;
	}
	return h + 2 * CELL_PAD_Y;
}

/* How many more lines of each cell fit in `avail` points (to[c]); returns
 * the fragment's height including padding, 0 if no line fits. */
static double fit_lines(const table_ctx *tc, const text_box *cells,
			const int *from, int *to, double avail)
{
	double h = 0;
	bool any = false;

	for (size_t c = 0; c < tc->t->ncols; c++) {
		double ch = 0;

		to[c] = from[c];
		while (to[c] < cells[c].n &&
		       ch + cells[c].lines[to[c]].h <= avail - 2 * CELL_PAD_Y)
			ch += cells[c].lines[to[c]++].h;
		any = any || to[c] > from[c];
		h = ch > h ? ch : h;
	}
	return any ? h + 2 * CELL_PAD_Y : 0;
}

/* Draw lines from[c]..to[c] of each cell as one band of height h. */
static void draw_band(pdf *p, const table_ctx *tc, const text_box *cells,
		      const int *from, const int *to, double h, bool header)
{
	size_t nc = tc->t->ncols;

	if (p->drawing && header) {
		cairo_set_source_rgb(p->cr, 0.87, 0.87, 0.87);
		cairo_rectangle(p->cr, tc->x[0], p->y, tc->x[nc] - tc->x[0], h);
		cairo_fill(p->cr);
		cairo_set_source_rgb(p->cr, 0, 0, 0);
	}
	for (size_t c = 0; c < nc; c++) {
		double y = p->y + CELL_PAD_Y;

		for (int i = from[c]; i < to[c]; i++) {
			draw_line(p, &cells[c], i, tc->x[c] + CELL_PAD_X, y);
			y += cells[c].lines[i].h;
		}
	}
	if (p->drawing) {
		cairo_set_line_width(p->cr, RULE_W);
		for (size_t c = 0; c < nc; c++)
			cairo_rectangle(p->cr, tc->x[c], p->y,
					tc->x[c + 1] - tc->x[c], h);
		cairo_stroke(p->cr);
	}
	p->y += h;
}

static void draw_header(pdf *p, const table_ctx *tc)
{
	size_t nc = tc->t->ncols;
	int *from = ov_xcalloc(nc, sizeof *from);
	int *to = ov_xcalloc(nc, sizeof *to);

	for (size_t c = 0; c < nc; c++)
		to[c] = tc->header[c].n;
	draw_band(p, tc, tc->header, from, to, tc->header_h, true);
	free(from);
	free(to);
}

static void table_page(pdf *p, const table_ctx *tc)
{
	new_page(p);
	draw_header(p, tc);
}

/* One body row.  A row that does not fit moves to the next page (under a
 * repeated header); only a row taller than a whole page is split, and then
 * only between lines. */
static void put_row(pdf *p, const table_ctx *tc, text_box *cells)
{
	size_t nc = tc->t->ncols;
	int *from = ov_xcalloc(nc, sizeof *from);
	int *to = ov_xcalloc(nc, sizeof *to);
	double page_room = CONTENT_BOTTOM - MARGIN_TOP - tc->header_h;
	double h = rest_height(tc, cells, from);

	if (p->y + h > CONTENT_BOTTOM && h <= page_room)
		table_page(p, tc);
	for (;;) {
		double band = fit_lines(tc, cells, from, to,
					CONTENT_BOTTOM - p->y);
		bool fresh = p->y <= MARGIN_TOP + tc->header_h;

		if (band == 0 && fresh) { /* one line taller than a page */
			for (size_t c = 0; c < nc; c++)
				to[c] = from[c] < cells[c].n ? from[c] + 1 : from[c];
			band = CONTENT_BOTTOM - p->y;
		}
		if (band > 0)
			draw_band(p, tc, cells, from, to, band, false);
		memcpy(from, to, nc * sizeof *from);
		if (rest_height(tc, cells, from) <= 2 * CELL_PAD_Y)
			break;
		table_page(p, tc);
	}
	free(from);
	free(to);
}

/* The header and the first row (or 120 points of it): what a table
 * needs to start on a page. */
static double table_lead(pdf *p, const ov_block *b)
{
	const ov_doc_table *t = &b->table;
	table_ctx tc = {t, NULL, NULL, 0};
	text_box *cells;
	int *zero;
	double first = 0;

	if (t->ncols == 0)
		return 0;
	tc.x = ov_xcalloc(t->ncols + 1, sizeof *tc.x);
	tc.header = ov_xcalloc(t->ncols, sizeof *tc.header);
	cells = ov_xcalloc(t->ncols, sizeof *cells);
	zero = ov_xcalloc(t->ncols, sizeof *zero);
	column_edges(t, tc.x);
	cells_init(p, &tc, tc.header, t->header, true);
	tc.header_h = rest_height(&tc, tc.header, zero);
	if (t->nrows > 0) {
		cells_init(p, &tc, cells, t->rows[0], false);
		first = rest_height(&tc, cells, zero);
		cells_free(&tc, cells);
	}
	cells_free(&tc, tc.header);
	free(tc.header);
	free(tc.x);
	free(cells);
	free(zero);
	return tc.header_h + (first < 120 ? first : 120);
}

static void put_table(pdf *p, const ov_block *b)
{
	const ov_doc_table *t = &b->table;
	table_ctx tc = {t, NULL, NULL, 0};
	text_box *cells;
	int *zero;

	if (t->ncols == 0)
		return;
	tc.x = ov_xcalloc(t->ncols + 1, sizeof *tc.x);
	tc.header = ov_xcalloc(t->ncols, sizeof *tc.header);
	cells = ov_xcalloc(t->ncols, sizeof *cells);
	zero = ov_xcalloc(t->ncols, sizeof *zero);
	column_edges(t, tc.x);
	cells_init(p, &tc, tc.header, t->header, true);
	tc.header_h = rest_height(&tc, tc.header, zero);
	/* Keep the header with the first row (or a fair part of it). */
	if (t->nrows > 0)
		need(p, table_lead(p, b));
	draw_header(p, &tc);
	for (size_t r = 0; r < t->nrows; r++) {
		cells_init(p, &tc, cells, t->rows[r], false);
		put_row(p, &tc, cells);
		cells_free(&tc, cells);
	}
	space(p, PARA_GAP + 3.0);
	cells_free(&tc, tc.header);
	free(tc.header);
	free(tc.x);
	free(cells);
	free(zero);
}

/* ---- document --------------------------------------------------------- */

/* What the blocks b[0..n) need to start on a page: a heading its space
 * and height and what it keeps with (up to four headings in a run); a
 * paragraph its first two lines; a list its first item's; a table its
 * header and first row.  0 when n is 0. */
static double lead_height(pdf *p, const ov_block *b, size_t n)
{
	double h = 0;
	text_box t;

	for (int run = 0; n > 0 && run < 4; run++, b++, n--) {
		switch (b->kind) {
		case OV_BLOCK_HEADING:
			text_box_init(p, &t, &b->text, heading_pt(b->level),
				      true, CONTENT_W, PANGO_ALIGN_LEFT);
			h += heading_space(b->level) +
			     text_box_height(&t, 0, t.n) +
			     (b->level <= 1 ? 6.0 : 3.0);
			text_box_free(&t);
			continue;
		case OV_BLOCK_PARA:
		case OV_BLOCK_LIST:
			if (b->kind == OV_BLOCK_LIST && b->n_items == 0)
				return h;
			text_box_init(p, &t, b->kind == OV_BLOCK_PARA
					     ? &b->text : &b->items[0],
				      BODY_PT, false,
				      b->kind == OV_BLOCK_PARA
				      ? CONTENT_W : CONTENT_W - TEXT_INDENT,
				      PANGO_ALIGN_LEFT);
			h += text_box_height(&t, 0, t.n < 2 ? t.n : 2);
			text_box_free(&t);
			return h;
		case OV_BLOCK_TABLE:
			return h + table_lead(p, b);
		}
	}
	return h;
}

static void put_block(pdf *p, const ov_block *b, size_t n_after)
{
	switch (b->kind) {
	case OV_BLOCK_HEADING:
		put_heading(p, b, n_after);
		break;
	case OV_BLOCK_PARA:
		put_para(p, b);
		break;
	case OV_BLOCK_LIST:
		put_list(p, b);
		break;
	case OV_BLOCK_TABLE:
		put_table(p, b);
		break;
	}
}

/* A runtime problem at "paper block N" (N counting from 1). */
static void block_problem(ov_diag *d, size_t block, const char *what)
{
	char *where = ov_xasprintf("paper block %zu", block + 1);

	ov_diag_at(d, OV_PROB_RUNTIME, where, "%s", what);
	free(where);
}

static int check_inline(const ov_inline *in, size_t block, ov_diag *d)
{
	for (size_t i = 0; i < in->n; i++) {
		if (!in->runs[i].text ||
		    !g_utf8_validate(in->runs[i].text, -1, NULL)) {
			block_problem(d, block, "text is not valid UTF-8");
			return -1;
		}
	}
	return 0;
}

static int check_table(const ov_doc_table *t, size_t block, ov_diag *d)
{
	if (t->ncols > 0 && (!t->header || (t->nrows > 0 && !t->rows))) {
		block_problem(d, block, "table has no cells");
		return -1;
	}
	for (size_t c = 0; c < t->ncols; c++)
		if (check_inline(&t->header[c], block, d) < 0)
			return -1;
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++)
			if (check_inline(&t->rows[r][c], block, d) < 0)
				return -1;
	return 0;
}

/* Refuse text pango would mangle before anything is written. */
static int check_paper(const ov_paper *paper, ov_diag *d)
{
	for (size_t i = 0; i < paper->n; i++) {
		const ov_block *b = &paper->blocks[i];
		int rc = 0;

		if (b->kind == OV_BLOCK_TABLE)
			rc = check_table(&b->table, i, d);
		else if (b->kind == OV_BLOCK_LIST)
			for (size_t j = 0; rc == 0 && j < b->n_items; j++)
				rc = check_inline(&b->items[j], i, d);
		else
			rc = check_inline(&b->text, i, d);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* "HMICFRS update – Joint Audit Committee 27th September 2018". */
static char *pdf_title(const ov_paper_meta *m)
{
	ov_buf b = OV_BUF_INIT;

	ov_buf_puts(&b, m->title ? m->title : "Committee paper");
	if (m->committee || m->date_text)
		ov_buf_puts(&b, " \xe2\x80\x93"); /* EN DASH */
	if (m->committee)
		ov_buf_printf(&b, " %s", m->committee);
	if (m->date_text)
		ov_buf_printf(&b, " %s", m->date_text);
	return ov_buf_detach(&b);
}

static void set_metadata(pdf *p, const ov_paper_meta *m, const char *title)
{
	const char *author = m->author ? m->author : m->force_name;

	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE,
				       title);
	if (author)
		cairo_pdf_surface_set_metadata(p->surface,
					       CAIRO_PDF_METADATA_AUTHOR, author);
	if (m->force_name)
		cairo_pdf_surface_set_metadata(p->surface,
					       CAIRO_PDF_METADATA_SUBJECT,
					       m->force_name);
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATOR,
				       "oversight " OV_VERSION);
	/* The meeting date, so printing a past paper again gives the same
	 * document rather than today's timestamp. */
	if (m->date_iso && strlen(m->date_iso) == 10) {
		char *date = ov_xasprintf("%sT00:00:00Z", m->date_iso);

		cairo_pdf_surface_set_metadata(p->surface,
					       CAIRO_PDF_METADATA_CREATE_DATE,
					       date);
		free(date);
	}
}

/* Lay the paper out once onto `s`; returns the page count, or -1 with a
 * message in d.  npages is the total for the footers (0: counting). */
static int render_pass(const ov_paper *paper, const char *title, sink *s,
		       int npages, ov_diag *d)
{
	pdf p = {0};
	cairo_status_t st;
	int rc = -1;

	p.drawing = npages > 0;
	p.npages = npages;
	p.page = 1;
	p.y = MARGIN_TOP;
	p.surface = cairo_pdf_surface_create_for_stream(sink_write, s, PAGE_W,
							PAGE_H);
	p.cr = cairo_create(p.surface);
	if (cairo_status(p.cr) != CAIRO_STATUS_SUCCESS)
		goto out;
	p.pango = pango_font_map_create_context(shared_font_map());
	pango_cairo_update_context(p.cr, p.pango);
	/* Sizes are in points and user space is in points. */
	pango_cairo_context_set_resolution(p.pango, 72.0);
	p.title = title;
	if (p.drawing)
		set_metadata(&p, &paper->meta, title);
	for (size_t i = 0; i < paper->n; i++)
		put_block(&p, &paper->blocks[i], paper->n - i - 1);
	draw_footer(&p);
	cairo_show_page(p.cr);
	cairo_surface_finish(p.surface);
	rc = p.page;
out:
	st = cairo_surface_status(p.surface);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_status(p.cr);
	if (st != CAIRO_STATUS_SUCCESS || s->err) {
		ov_diag_at(d, OV_PROB_RUNTIME, "PDF output", "%s",
			   s->err ? strerror(s->err)
				  : cairo_status_to_string(st));
		rc = -1;
	}
	if (p.pango)
		g_object_unref(p.pango);
	cairo_destroy(p.cr);
	cairo_surface_destroy(p.surface);
	return rc;
}

/* A font fontconfig resolves for our family list; NULL if none at all. */
static int check_font(ov_diag *d)
{
	PangoFontMap *fm = shared_font_map();
	PangoContext *ctx = pango_font_map_create_context(fm);
	PangoFontDescription *fd = font_desc(BODY_PT, false);
	PangoFont *font = pango_font_map_load_font(fm, ctx, fd);
	int rc = font ? 0 : -1;

	if (!font)
		ov_diag_at(d, OV_PROB_RUNTIME, "PDF output",
			   "no usable font for \"%s\"", FONT_FAMILY);
	else
		g_object_unref(font);
	pango_font_description_free(fd);
	g_object_unref(ctx);
	return rc;
}

int ov_paper_render_pdf(const ov_paper *p, FILE *f, ov_diag *d)
{
	sink counter = {NULL, 0};
	sink out = {f, 0};
	char *title = NULL;
	int pages, rc = -1;

	pthread_mutex_lock(&render_lock);
	if (check_paper(p, d) < 0 || check_font(d) < 0)
		goto out;
	title = pdf_title(&p->meta);
	pages = render_pass(p, title, &counter, 0, d);
	if (pages < 0 || render_pass(p, title, &out, pages, d) < 0)
		goto out;
	if (fflush(f) != 0 || ferror(f)) {
		ov_diag_at(d, OV_PROB_RUNTIME, "PDF output", "write failed: %s",
			   strerror(errno ? errno : EIO));
		goto out;
	}
	rc = 0;
out:
	pthread_mutex_unlock(&render_lock);
	free(title);
	return rc;
}
