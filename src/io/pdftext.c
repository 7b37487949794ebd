/* PDF text through poppler-glib (io/pdftext.h). */
#include "io/pdftext.h"

#include <ctype.h>
#include <fcntl.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <poppler.h>

#include "util/buf.h"
#include "util/mem.h"

/* Lines in the top or bottom 8% of a page are in its margin. */
#define MARGIN 0.08
/* A gap between lines of more than this many line heights ends a
 * paragraph. */
#define PARA_GAP 0.6

int ov_pdftext_is_pdf(const char *buf, size_t len)
{
	size_t n = len < 1024 ? len : 1024;

	for (size_t i = 0; i + 5 <= n; i++)
		if (memcmp(buf + i, "%PDF-", 5) == 0)
			return 1;
	return 0;
}

/* One line of a page as poppler gives it: its characters' text and the
 * box around them. */
typedef struct pline {
	char *text;
	double x0, y0, x1, y1;
	bool margin;
	char *shape; /* digits as '#', lower case: running heads compare so */
} pline;

typedef struct ppage {
	pline *v;
	size_t n, cap;
	double w, h;
} ppage;

static bool page_number(const char *s)
{
	while (*s == ' ' || *s == '-')
		s++;
	if (strncasecmp(s, "page ", 5) == 0)
		s += 5;
	if (!isdigit((unsigned char)*s))
		return false;
	while (isdigit((unsigned char)*s))
		s++;
	while (*s == ' ')
		s++;
	if (strncasecmp(s, "of ", 3) == 0)
		for (s += 3; isdigit((unsigned char)*s) || *s == ' '; s++)
			;
	while (*s == ' ' || *s == '-')
		s++;
	return !*s;
}

static char *shape(const char *s)
{
	ov_buf b = OV_BUF_INIT;

	for (; *s; s++)
		ov_buf_putc(&b, isdigit((unsigned char)*s)
		                    ? '#'
		                    : (char)tolower((unsigned char)*s));
	return ov_buf_detach(&b);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The median of v[0..n) (v is sorted); 0 for none. */
static double median(double *v, size_t n)
{
	if (!n)
		return 0;
	qsort(v, n, sizeof *v, cmp_double);
	return v[n / 2];
}

/* One character into t, a typographic ligature as its letters. */
static void add_char(ov_buf *t, const char *c, size_t n)
{
	static const char *const lig[][2] = {
	    {"\ufb00", "ff"},  {"\ufb01", "fi"},  {"\ufb02", "fl"},
	    {"\ufb03", "ffi"}, {"\ufb04", "ffl"}, {"\ufb06", "st"},
	};

	for (size_t i = 0; i < sizeof lig / sizeof lig[0]; i++)
		if (n == strlen(lig[i][0]) && !memcmp(c, lig[i][0], n)) {
			ov_buf_puts(t, lig[i][1]);
			return;
		}
	ov_buf_add(t, c, n);
}

/* Close one segment: characters [a, b) with their boxes; small raised
 * digits (footnote markers) are left out, and the space they leave. */
static void end_seg(ppage *pg, const char *const *at, const PopplerRectangle *r,
                    size_t a, size_t b)
{
	double *hs = ov_xcalloc(b - a + 1, sizeof *hs), med, base;
	size_t nh = 0;
	ov_buf t = OV_BUF_INIT;
	pline l = {NULL, 1e9, 1e9, -1e9, -1e9, false, NULL};

	for (size_t i = a; i < b; i++)
		if (!isspace((unsigned char)*at[i]))
			hs[nh++] = r[i].y2 - r[i].y1;
	med = median(hs, nh);
	nh = 0;
	for (size_t i = a; i < b; i++)
		if (!isspace((unsigned char)*at[i]))
			hs[nh++] = r[i].y2;
	base = median(hs, nh);
	for (size_t i = a; i < b; i++) {
		size_t clen = (size_t)(at[i + 1] - at[i]);
		double h = r[i].y2 - r[i].y1;
		bool sp = isspace((unsigned char)*at[i]);

		if (isdigit((unsigned char)*at[i]) && h < 0.8 * med &&
		    r[i].y2 < base - 0.15 * med) {
			/* the space poppler put before the marker goes too
			 * when punctuation follows it: "should1:" */
			if (t.len && t.data[t.len - 1] == ' ' && i + 1 < b &&
			    strchr(",.;:!?)", *at[i + 1]))
				t.data[--t.len] = '\0';
			continue;
		}
		if (sp && (t.len == 0 || t.data[t.len - 1] == ' '))
			continue;
		if (sp) {
			ov_buf_putc(&t, ' ');
			continue;
		}
		add_char(&t, at[i], clen);
		l.x0 = fmin(l.x0, r[i].x1);
		l.y0 = fmin(l.y0, r[i].y1);
		l.x1 = fmax(l.x1, r[i].x2);
		l.y1 = fmax(l.y1, r[i].y2);
	}
	free(hs);
	while (t.len && t.data[t.len - 1] == ' ')
		t.data[--t.len] = '\0';
	if (!t.len) {
		ov_buf_release(&t);
		return;
	}
	l.text = ov_buf_detach(&t);
	l.margin = l.y1 < pg->h * MARGIN || l.y0 > pg->h * (1 - MARGIN);
	l.shape = shape(l.text);
	OV_GROW(pg->v, pg->cap, pg->n + 1);
	pg->v[pg->n++] = l;
}

/* One of poppler's lines, cut where a gap wider than three spaces
 * separates its words: poppler runs a row of two columns into one. */
static void end_line(ppage *pg, const char *const *at,
                     const PopplerRectangle *r, size_t a, size_t b)
{
	size_t from = a;
	double last_x = -1, em = 0;
	size_t n = 0;

	for (size_t i = a; i < b; i++)
		if (!isspace((unsigned char)*at[i]))
			em += r[i].y2 - r[i].y1, n++;
	em = n ? em / n : 10;
	for (size_t i = a; i < b; i++) {
		if (isspace((unsigned char)*at[i]))
			continue;
		if (last_x >= 0 && r[i].x1 - last_x > 1.5 * em) {
			end_seg(pg, at, r, from, i);
			from = i;
		}
		last_x = r[i].x2;
	}
	end_seg(pg, at, r, from, b);
}

/* A page's lines from poppler's text and its per-character layout. */
static void page_lines(PopplerPage *page, ppage *pg)
{
	char *text = poppler_page_get_text(page);
	PopplerRectangle *r = NULL;
	guint nr = 0;

	poppler_page_get_size(page, &pg->w, &pg->h);
	if (!text)
		return;
	if (!poppler_page_get_text_layout(page, &r, &nr))
		nr = 0;
	size_t nc = (size_t)g_utf8_strlen(text, -1);
	const char **at = ov_xcalloc(nc + 1, sizeof *at);
	const char *p = text;

	for (size_t i = 0; i < nc; i++, p = g_utf8_next_char(p))
		at[i] = p;
	at[nc] = p;
	if (nr >= nc) {
		size_t a = 0;

		for (size_t i = 0; i <= nc; i++)
			if (i == nc || *at[i] == '\n') {
				if (i > a)
					end_line(pg, at, r, a, i);
				a = i + 1;
			}
	}
	free(at);
	g_free(r);
	g_free(text);
}

static bool recurs(const ppage *pages, size_t np, size_t p, const char *s)
{
	for (size_t q = 0; q < np; q++) {
		if (q == p)
			continue;
		for (size_t i = 0; i < pages[q].n; i++)
			if (pages[q].v[i].margin &&
			    strcmp(pages[q].v[i].shape, s) == 0)
				return true;
	}
	return false;
}

static bool ends_sentence(const char *s)
{
	size_t n = strlen(s);

	return n && strchr(".!?:;", s[n - 1]);
}

static int by_y(const void *a, const void *b)
{
	const pline *x = *(const pline *const *)a,
	            *y = *(const pline *const *)b;

	if (fabs(x->y0 - y->y0) > 2)
		return x->y0 < y->y0 ? -1 : 1;
	return (x->x0 > y->x0) - (x->x0 < y->x0);
}

/* The page's lines in reading order: top to bottom; on a page of two
 * columns, between lines that span both, the left column and then the
 * right. */
static const pline **reading_order(const ppage *pg, size_t *n, bool *cols)
{
	const pline **v = ov_xcalloc(pg->n + 1, sizeof *v);
	const pline **out = ov_xcalloc(pg->n + 1, sizeof *out);
	double mid = pg->w / 2;
	size_t left = 0, right = 0, k = 0;

	for (size_t i = 0; i < pg->n; i++) {
		v[i] = &pg->v[i];
		left += v[i]->x1 < mid && !v[i]->margin;
		right += v[i]->x0 > mid && !v[i]->margin;
	}
	qsort(v, pg->n, sizeof *v, by_y);
	*cols = left >= 2 && right >= 2;
	if (!*cols) {
		memcpy(out, v, pg->n * sizeof *v);
		*n = pg->n;
		free(v);
		return out;
	}
	for (size_t i = 0; i < pg->n;) {
		size_t j = i;

		while (j < pg->n && !(v[j]->x0 < mid && v[j]->x1 > mid))
			j++;
		for (int side = 0; side < 2; side++)
			for (size_t q = i; q < j; q++)
				if ((v[q]->x1 <= mid) == (side == 0))
					out[k++] = v[q];
		if (j < pg->n)
			out[k++] = v[j];
		i = j + 1;
	}
	*n = k;
	free(v);
	return out;
}

static double line_median(const ppage *pg)
{
	double *h = ov_xcalloc(pg->n + 1, sizeof *h), m;

	for (size_t i = 0; i < pg->n; i++)
		h[i] = pg->v[i].y1 - pg->v[i].y0;
	m = median(h, pg->n);
	free(h);
	return m;
}

/* Where the page's footnotes begin: the highest line in its lower 40%,
 * set smaller than the text, that starts with a number ("1 See ...").
 * HUGE_VAL for none. */
static double footnotes_from(const ppage *pg)
{
	double from = HUGE_VAL, med = line_median(pg);

	for (size_t i = 0; i < pg->n; i++) {
		const pline *l = &pg->v[i];

		if (l->margin || l->y0 < pg->h * 0.6 || l->y0 >= from ||
		    l->y1 - l->y0 >= 0.85 * med ||
		    !isdigit((unsigned char)l->text[0]))
			continue;
		from = l->y0;
	}
	return from;
}

/* The page's kept lines into b, a blank line at a paragraph's gap. */
static void page_text(const ppage *pages, size_t np, size_t p, ov_buf *b)
{
	const pline *prev = NULL;
	size_t n;
	bool cols;
	const pline **v = reading_order(&pages[p], &n, &cols);
	double foot = footnotes_from(&pages[p]), med = line_median(&pages[p]);

	for (size_t i = 0; i < n; i++) {
		const pline *l = v[i];

		if (l->margin &&
		    (page_number(l->text) || recurs(pages, np, p, l->shape)))
			continue;
		/* footnotes: small lines from the first one down */
		if (l->y0 >= foot && l->y1 - l->y0 < 0.85 * med)
			continue;
		if (prev && !cols && fabs(l->y0 - prev->y0) <= 2) {
			/* the same row, cut at a wide gap ("Contents  12") */
			ov_buf_puts(b, "     ");
			ov_buf_puts(b, l->text);
			prev = l;
			continue;
		}
		if (prev) {
			double lh = prev->y1 - prev->y0;
			double gap = l->y0 - prev->y1;
			bool jump = l->y1 < prev->y0; /* a new column */

			if ((!jump && gap > PARA_GAP * lh) ||
			    (jump && ends_sentence(prev->text)))
				ov_buf_putc(b, '\n');
			ov_buf_putc(b, '\n');
		}
		ov_buf_puts(b, l->text);
		prev = l;
	}
	if (prev)
		ov_buf_putc(b, '\n');
	free(v);
}

/* poppler reports what it cannot parse on stderr, line after line; the
 * user gets one message of ours instead.  (Only the command line reads
 * PDFs, one thread.) */
static int quiet_begin(void)
{
	int saved = dup(2), null = open("/dev/null", O_WRONLY);

	fflush(stderr);
	if (saved >= 0 && null >= 0)
		dup2(null, 2);
	if (null >= 0)
		close(null);
	return saved;
}

static void quiet_end(int saved)
{
	if (saved < 0)
		return;
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
}

int ov_pdftext_read(const char *name, const char *buf, size_t len, char **text,
                    size_t *n, ov_diag *d)
{
	GBytes *bytes = g_bytes_new(buf, len);
	GError *err = NULL;
	int saved = quiet_begin();
	PopplerDocument *doc =
	    poppler_document_new_from_bytes(bytes, NULL, &err);
	ppage *pages = NULL;
	size_t np = 0;
	ov_buf b = OV_BUF_INIT;
	int rc = -1;

	*text = NULL;
	*n = 0;
	if (!doc) {
		quiet_end(saved);
		if (err && g_error_matches(err, POPPLER_ERROR,
		                           POPPLER_ERROR_ENCRYPTED))
			ov_diag_at(d, OV_PROB_INPUT, name,
			           "the PDF is protected by a password; give "
			           "an unprotected copy");
		else
			ov_diag_at(d, OV_PROB_INPUT, name,
			           "not a PDF that can be read (%s)",
			           err ? err->message : "no reason given");
		goto out;
	}
	np = (size_t)poppler_document_get_n_pages(doc);
	pages = ov_xcalloc(np + 1, sizeof *pages);
	for (size_t i = 0; i < np; i++) {
		PopplerPage *pg = poppler_document_get_page(doc, (int)i);

		if (pg) {
			page_lines(pg, &pages[i]);
			g_object_unref(pg);
		}
	}
	quiet_end(saved);
	for (size_t i = 0; i < np; i++) {
		if (i)
			ov_buf_putc(&b, '\f');
		page_text(pages, np, i, &b);
	}
	if (np == 0 || b.len == 0 || strspn(ov_buf_str(&b), "\f\n ") == b.len) {
		ov_diag_at(d, OV_PROB_INPUT, name,
		           np ? "the PDF holds no text (a scan?)"
		              : "the PDF has no pages");
		goto out;
	}
	*n = b.len;
	*text = ov_buf_detach(&b);
	rc = 0;
out:
	for (size_t i = 0; i < np; i++) {
		for (size_t k = 0; k < pages[i].n; k++) {
			free(pages[i].v[k].text);
			free(pages[i].v[k].shape);
		}
		free(pages[i].v);
	}
	free(pages);
	ov_buf_release(&b);
	if (err)
		g_error_free(err);
	if (doc)
		g_object_unref(doc);
	g_bytes_unref(bytes);
	return rc;
}
