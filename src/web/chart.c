/* SVG charts: a line of counts over time, and labelled bars. */
#include <stdio.h>
#include <stdlib.h>

#include "util/mem.h"
#include "util/utf8.h"

#include "web/chart.h"

#define W 640
#define H 280
#define LEFT 56
#define RIGHT 16
#define TOP 16
#define BOTTOM 40

/* Numbers into attribute text. */
static const char *num(char buf[32], double v)
{
	snprintf(buf, 32, "%.1f", v);
	return buf;
}

static size_t max_of(const size_t *y, size_t n)
{
	size_t m = 0;

	for (size_t i = 0; i < n; i++)
		if (y[i] > m)
			m = y[i];
	return m;
}

/* A round top for the y axis: 1, 2 or 5 times a power of ten. */
static size_t nice_top(size_t m)
{
	size_t step = 1;

	if (m == 0)
		return 1;
	while (step * 10 <= m)
		step *= 10;
	if (m <= step)
		return step;
	if (m <= 2 * step)
		return 2 * step;
	if (m <= 5 * step)
		return 5 * step;
	return 10 * step;
}

static void text_at(ov_html *h, double x, double y, const char *anchor,
                    const char *s)
{
	char a[32], b[32];

	ov_html_open(h, "text", "x", num(a, x), "y", num(b, y), "text-anchor",
	             anchor, "fill", "#0b0c0c", NULL);
	ov_html_text(h, s);
	ov_html_close(h, "text");
}

static void line_at(ov_html *h, double x1, double y1, double x2, double y2,
                    const char *colour)
{
	char a[32], b[32], c[32], d[32];

	ov_html_void(h, "line", "x1", num(a, x1), "y1", num(b, y1), "x2",
	             num(c, x2), "y2", num(d, y2), "stroke", colour, NULL);
	ov_html_close(h, "line");
}

/* The frame, the accessible name and the y axis with three ticks;
 * returns the axis top. */
static size_t frame(ov_html *h, const char *title, size_t top)
{
	char vb[64], lab[32];

	snprintf(vb, sizeof vb, "0 0 %d %d", W, H);
	ov_html_open(h, "svg", "class", "app-chart", "viewbox", vb, "width",
	             "640", "height", "280", "role", "img", "aria-label", title,
	             "xmlns", "http://www.w3.org/2000/svg", NULL);
	ov_html_elem(h, "title", title);
	top = nice_top(top);
	for (int i = 0; i <= 2; i++) {
		double y = TOP + (H - TOP - BOTTOM) * (1.0 - i / 2.0);

		line_at(h, LEFT, y, W - RIGHT, y, "#b1b4b6");
		snprintf(lab, sizeof lab, "%zu", top * (size_t)i / 2);
		text_at(h, LEFT - 8, y + 5, "end", lab);
	}
	return top;
}

void ov_chart_line(ov_html *h, const char *title, const ov_day *x,
                   const size_t *y, size_t n)
{
	size_t top = frame(h, title, max_of(y, n));
	double span = n > 1 ? (double)(x[n - 1] - x[0]) : 1.0;
	char pts_buf[64], lab[11];
	ov_buf pts = OV_BUF_INIT;

	for (size_t i = 0; i < n; i++) {
		double px =
		    LEFT + (W - LEFT - RIGHT) *
		               (n > 1 ? (double)(x[i] - x[0]) / span : 0.5);
		double py = TOP + (H - TOP - BOTTOM) *
		                      (1.0 - (double)y[i] / (double)top);

		snprintf(pts_buf, sizeof pts_buf, "%s%.1f,%.1f", i ? " " : "",
		         px, py);
		ov_buf_puts(&pts, pts_buf);
	}
	ov_buf_puts(&pts, "");
	ov_html_void(h, "polyline", "points", ov_buf_str(&pts), "fill", "none",
	             "stroke", "#1d70b8", "stroke-width", "3", NULL);
	ov_html_close(h, "polyline");
	ov_buf_release(&pts);
	for (size_t k = 0; n && k < 3; k++) {
		size_t i = k == 0 ? 0 : k == 1 ? n / 2 : n - 1;
		double px =
		    LEFT + (W - LEFT - RIGHT) *
		               (n > 1 ? (double)(x[i] - x[0]) / span : 0.5);

		ov_date_format(x[i], lab);
		lab[7] = '\0'; /* YYYY-MM */
		text_at(h, px, H - BOTTOM + 24,
		        k == 0   ? "start"
		        : k == 1 ? "middle"
		                 : "end",
		        lab);
		if (n == 1)
			break;
	}
	ov_html_close(h, "svg");
}

/* Shades 0..5 of the GOV.UK palette: white, light grey, then from red
 * to green; the text on each, for contrast. */
static const char *const shade_fill[] = {"#ffffff", "#f3f2f1", "#d4351c",
                                         "#f47738", "#85994b", "#00703c"};
static const char *const shade_ink[] = {"#0b0c0c", "#0b0c0c", "#ffffff",
                                        "#0b0c0c", "#0b0c0c", "#ffffff"};

/* s cut to at most max characters, with "…" if cut; a fresh string. */
static char *shorten(const char *s, size_t max)
{
	bool more;
	size_t i = ov_utf8_prefix(s, max, &more);

	return more ? ov_xasprintf("%.*s…", (int)i, s) : ov_xstrdup(s);
}

#define GRID_LABEL 240
#define GRID_ROW 28
#define GRID_HEAD 36

void ov_chart_grid(ov_html *h, const char *title, const char *const *rows,
                   size_t n_rows, const char *const *cols, size_t n_cols,
                   const char *const *text, const int *shade)
{
	int height = GRID_HEAD + (int)n_rows * GRID_ROW + 8;
	double cw =
	    n_cols ? (double)(W - GRID_LABEL - RIGHT) / (double)n_cols : 0;
	char vb[64], hs[32], a[32], b[32], c[32], d[32];

	snprintf(vb, sizeof vb, "0 0 %d %d", W, height);
	snprintf(hs, sizeof hs, "%d", height);
	ov_html_open(h, "svg", "class", "app-chart", "viewbox", vb, "width",
	             "640", "height", hs, "role", "img", "aria-label", title,
	             "xmlns", "http://www.w3.org/2000/svg", NULL);
	ov_html_elem(h, "title", title);
	for (size_t k = 0; k < n_cols; k++)
		text_at(h, GRID_LABEL + cw * ((double)k + 0.5), GRID_HEAD - 12,
		        "middle", cols[k]);
	for (size_t r = 0; r < n_rows; r++) {
		double y = GRID_HEAD + (double)r * GRID_ROW;

		char *label = shorten(rows[r], 30);

		text_at(h, 0, y + GRID_ROW * 0.65, "start", label);
		free(label);
		for (size_t k = 0; k < n_cols; k++) {
			int sh = shade[r * n_cols + k];
			double x = GRID_LABEL + cw * (double)k;

			sh = sh < 0 ? 0 : sh > 5 ? 5 : sh;
			ov_html_void(h, "rect", "x", num(a, x + 1), "y",
			             num(b, y + 1), "width", num(c, cw - 2),
			             "height", num(d, GRID_ROW - 2), "fill",
			             shade_fill[sh], "stroke", "#b1b4b6", NULL);
			ov_html_close(h, "rect");
			ov_html_open(h, "text", "x", num(a, x + cw / 2), "y",
			             num(b, y + GRID_ROW * 0.65), "text-anchor",
			             "middle", "fill", shade_ink[sh], NULL);
			ov_html_text(h, text[r * n_cols + k]);
			ov_html_close(h, "text");
		}
	}
	ov_html_close(h, "svg");
}
