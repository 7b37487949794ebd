/* mkpdf: a PDF from a text, for the tests of oversight extract's PDF path
 * (tests/cli/extract.sh), through cairo + pango.
 *
 *   mkpdf IN.txt OUT.pdf [--columns] [--header TEXT] [--footnotes]
 *
 * Each line of IN is set as it is (wrapped only if wider than its column),
 * a blank line leaves a line's gap, '\f' starts a new page.  --columns
 * sets the text in two columns; --header puts TEXT at the top of every
 * page and "Page N" at its foot, in the margins; --footnotes sets a small
 * raised "1" after every "should" (a footnote marker) and a footnote in
 * small type at the foot of every page's text. */
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W 595.0
#define H 842.0
#define TOP 90.0
#define BOTTOM (H - 90.0)
#define LEFT 60.0
#define GUTTER 30.0
#define FONT "DejaVu Sans 9"

typedef struct pen {
	cairo_t *cr;
	const char *header;
	int columns, col, page, footnotes;
	double y, line_h;
} pen;

static double col_width(const pen *p)
{
	return p->columns == 2 ? (W - 2 * LEFT - GUTTER) / 2 : W - 2 * LEFT;
}

static void show(pen *p, const char *markup, double x, double y, double w)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);
	PangoFontDescription *fd = pango_font_description_from_string(FONT);

	pango_layout_set_font_description(l, fd);
	pango_layout_set_width(l, (int)(w * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	pango_layout_set_markup(l, markup, -1);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, l);
	int lw, lh;

	pango_layout_get_size(l, &lw, &lh);
	p->y = y + (double)lh / PANGO_SCALE;
	pango_font_description_free(fd);
	g_object_unref(l);
}

static void page_furniture(pen *p)
{
	char num[32];

	if (!p->header)
		return;
	double keep = p->y;

	show(p, p->header, LEFT, 30, W - 2 * LEFT);
	snprintf(num, sizeof num, "Page %d", p->page);
	show(p, num, W / 2 - 20, H - 40, 100);
	p->y = keep;
}

/* A footnote at the foot of the text, set small. */
static void footnote(pen *p)
{
	double keep = p->y;

	show(p,
	     "<span size=\"x-small\">1 The term is defined in the "
	     "glossary at the end of this report.</span>",
	     LEFT, BOTTOM + 10, W - 2 * LEFT);
	p->y = keep;
}

static void next_page(pen *p)
{
	if (p->footnotes)
		footnote(p);
	page_furniture(p);
	cairo_show_page(p->cr);
	p->page++;
	p->col = 0;
	p->y = TOP;
}

static void next_column(pen *p)
{
	if (p->columns == 2 && p->col == 0) {
		p->col = 1;
		p->y = TOP;
		return;
	}
	next_page(p);
}

/* The line as pango markup: escaped, with footnote markers added. */
static char *markup_of(const char *s, int footnotes)
{
	char *esc = g_markup_escape_text(s, -1);
	GString *g = g_string_new(NULL);
	const char *q = esc;

	for (const char *hit; footnotes && (hit = strstr(q, "should"));
	     q = hit + 6) {
		g_string_append_len(g, q, hit + 6 - q);
		g_string_append(
		    g, "<span size=\"x-small\" rise=\"3000\">1</span>");
	}
	g_string_append(g, q);
	g_free(esc);
	return g_string_free(g, FALSE);
}

int main(int argc, char **argv)
{
	pen p = {0};
	int footnotes = 0;
	FILE *in;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (argc < 3) {
		fprintf(stderr, "usage: mkpdf IN.txt OUT.pdf [--columns] "
		                "[--header TEXT] [--footnotes]\n");
		return 2;
	}
	p.columns = 1;
	for (int i = 3; i < argc; i++) {
		if (!strcmp(argv[i], "--columns"))
			p.columns = 2;
		else if (!strcmp(argv[i], "--footnotes"))
			footnotes = p.footnotes = 1;
		else if (!strcmp(argv[i], "--header") && i + 1 < argc)
			p.header = argv[++i];
	}
	in = fopen(argv[1], "r");
	if (!in) {
		perror(argv[1]);
		return 1;
	}
	cairo_surface_t *s = cairo_pdf_surface_create(argv[2], W, H);

	p.cr = cairo_create(s);
	p.page = 1;
	p.y = TOP;
	p.line_h = 12;
	while ((n = getline(&line, &cap, in)) >= 0) {
		char *ff;

		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		while ((ff = strchr(line, '\f'))) {
			*ff = '\0';
			if (*line) {
				char *m = markup_of(line, footnotes);

				show(&p, m,
				     LEFT + p.col * (col_width(&p) + GUTTER),
				     p.y, col_width(&p));
				g_free(m);
			}
			next_page(&p);
			memmove(line, ff + 1, strlen(ff + 1) + 1);
		}
		if (!*line) {
			p.y += p.line_h;
			continue;
		}
		if (p.y + 2 * p.line_h > (p.columns == 2 ? H / 2 : BOTTOM))
			next_column(&p);
		char *m = markup_of(line, footnotes);

		show(&p, m, LEFT + p.col * (col_width(&p) + GUTTER), p.y,
		     col_width(&p));
		g_free(m);
	}
	if (p.footnotes)
		footnote(&p);
	page_furniture(&p);
	cairo_show_page(p.cr);
	free(line);
	fclose(in);
	cairo_destroy(p.cr);
	cairo_surface_finish(s);
	int bad = cairo_surface_status(s) != CAIRO_STATUS_SUCCESS;

	cairo_surface_destroy(s);
	return bad;
}
