#include "cli/table.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/mem.h"

struct ov_table {
	size_t ncols;
	char **headers;
	bool *flex;
	bool *wrap;
	char **cells; /* nrows * ncols */
	size_t nrows, cap;
};

#define ELLIPSIS "\xe2\x80\xa6"
#define GAP 2

static bool is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

size_t ov_utf8_width(const char *s)
{
	size_t w = 0;

	for (; s && *s; s++)
		if (!is_cont((unsigned char)*s))
			w++;
	return w;
}

char *ov_utf8_truncate(const char *s, size_t width)
{
	const char *p = s ? s : "";
	size_t w = 0;

	if (ov_utf8_width(p) <= width)
		return ov_xstrdup(p);
	if (width == 0)
		return ov_xstrdup("");
	/* Keep width-1 characters, then the ellipsis. */
	while (*p) {
		if (!is_cont((unsigned char)*p) && w++ == width - 1)
			break;
		p++;
	}
	return ov_xasprintf("%.*s" ELLIPSIS, (int)(p - (s ? s : "")), s);
}

/* Length of the valid UTF-8 sequence at p (RFC 3629: no overlongs, no
 * surrogates, at most U+10FFFF), or 0 if there is none. */
static size_t utf8_seq(const unsigned char *p)
{
	size_t n;
	unsigned char lo = 0x80, hi = 0xBF;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		n = 2;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		n = 3;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		n = 4;
	else
		return 0;
	if (p[0] == 0xE0)
		lo = 0xA0;
	else if (p[0] == 0xED)
		hi = 0x9F;
	else if (p[0] == 0xF0)
		lo = 0x90;
	else if (p[0] == 0xF4)
		hi = 0x8F;
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++)
		if (!is_cont(p[i]))
			return 0;
	return n;
}

char *ov_term_text(const char *s, bool one_line)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	ov_buf b = OV_BUF_INIT;

	while (*p) {
		size_t n = utf8_seq(p);

		if (n == 0) {
			ov_buf_printf(&b, "\\x%02X", *p++);
			continue;
		}
		if (n == 2 && p[0] == 0xC2 && p[1] < 0xA0) {
			ov_buf_printf(&b, "\\u00%02X", p[1]);
		} else if (n > 1 || (*p >= 0x20 && *p != 0x7F)) {
			ov_buf_add(&b, p, n);
		} else if (*p == '\r' && p[1] == '\n' && !one_line) {
			/* CRLF: the newline alone */
		} else if (*p == '\n' || *p == '\t' || *p == '\r') {
			ov_buf_putc(&b, one_line || *p == '\r' ? ' '
							       : (char)*p);
		} else {
			ov_buf_printf(&b, "\\x%02X", *p);
		}
		p += n;
	}
	return ov_buf_detach(&b);
}

void ov_term_puts(const char *s, FILE *f)
{
	char *t = ov_term_text(s, false);

	fputs(t, f);
	free(t);
}

/* A cell on one line, in its visible form. */
static char *clean(const char *s)
{
	return ov_term_text(s, true);
}

ov_table *ov_table_new(size_t ncols, const char *const *headers)
{
	ov_table *t = ov_xcalloc(1, sizeof *t);

	t->ncols = ncols;
	t->headers = ov_xcalloc(ncols, sizeof *t->headers);
	t->flex = ov_xcalloc(ncols, sizeof *t->flex);
	t->wrap = ov_xcalloc(ncols, sizeof *t->wrap);
	for (size_t i = 0; i < ncols; i++)
		t->headers[i] = clean(headers[i]);
	return t;
}

void ov_table_flex(ov_table *t, size_t col)
{
	if (col < t->ncols)
		t->flex[col] = true;
}

void ov_table_wrap(ov_table *t, size_t col)
{
	if (col < t->ncols)
		t->flex[col] = t->wrap[col] = true;
}

void ov_table_add(ov_table *t, const char *const *cells)
{
	OV_GROW(t->cells, t->cap, (t->nrows + 1) * t->ncols);
	for (size_t i = 0; i < t->ncols; i++)
		t->cells[t->nrows * t->ncols + i] = clean(cells[i]);
	t->nrows++;
}

size_t ov_table_rows(const ov_table *t)
{
	return t->nrows;
}

/* Narrow the widest flexible column, one column at a time, until the
 * row fits; stops when no flexible column is wider than its header's
 * first letter and an ellipsis. */
static void fit(const ov_table *t, size_t *w, size_t width)
{
	size_t total = 0;

	for (size_t i = 0; i < t->ncols; i++)
		total += w[i] + (i ? GAP : 0);
	while (total > width) {
		size_t best = t->ncols;

		for (size_t i = 0; i < t->ncols; i++)
			if (t->flex[i] && w[i] > 2 &&
			    (best == t->ncols || w[i] > w[best]))
				best = i;
		if (best == t->ncols)
			return;
		w[best]--;
		total--;
	}
}

/* Byte length of the first line of s when wrapped at width columns (at
 * least one character); *next is where the following line starts. */
static size_t wrap_line(const char *s, size_t width, const char **next)
{
	size_t w = 0, brk = 0;
	const char *p = s;

	for (; *p; p++) {
		if (is_cont((unsigned char)*p))
			continue;
		if (w == width)
			break;
		if (*p == ' ')
			brk = (size_t)(p - s);
		w++;
	}
	if (!*p || brk == 0)
		brk = (size_t)(p - s); /* all of it, or a word cut hard */
	*next = s + brk;
	while (**next == ' ')
		(*next)++;
	return brk;
}

/* One row, as many lines as its wrapped cells need. */
static void print_row(const ov_table *t, char *const *row, const size_t *w,
		      FILE *f)
{
	const char **rest = ov_xcalloc(t->ncols, sizeof *rest);
	ov_buf line = OV_BUF_INIT;
	bool more = true, first = true;

	for (size_t i = 0; i < t->ncols; i++)
		rest[i] = row[i];
	while (more) {
		more = false;
		for (size_t i = 0; i < t->ncols; i++) {
			char *c;
			bool last = i + 1 == t->ncols;

			if (t->wrap[i]) {
				const char *next;
				size_t n = wrap_line(rest[i], w[i], &next);

				c = ov_xstrndup(rest[i], n);
				rest[i] = next;
				more |= *next != '\0';
			} else {
				c = first ? ov_utf8_truncate(row[i], w[i])
					  : ov_xstrdup("");
			}
			ov_buf_printf(&line, "%s%s", i ? "  " : "", c);
			if (!last)
				for (size_t k = ov_utf8_width(c); k < w[i]; k++)
					ov_buf_putc(&line, ' ');
			free(c);
		}
		/* No trailing blanks when the last cells are empty. */
		while (line.len && line.data[line.len - 1] == ' ')
			line.data[--line.len] = '\0';
		fprintf(f, "%s\n", ov_buf_str(&line));
		ov_buf_reset(&line);
		first = false;
	}
	ov_buf_release(&line);
	free(rest);
}

void ov_table_print(const ov_table *t, FILE *f, size_t width)
{
	size_t *w = ov_xcalloc(t->ncols, sizeof *w);

	for (size_t i = 0; i < t->ncols; i++) {
		w[i] = ov_utf8_width(t->headers[i]);
		for (size_t r = 0; r < t->nrows; r++) {
			size_t cw = ov_utf8_width(t->cells[r * t->ncols + i]);
			if (cw > w[i])
				w[i] = cw;
		}
	}
	fit(t, w, width);
	print_row(t, t->headers, w, f);
	for (size_t i = 0; i < t->ncols; i++) {
		fprintf(f, "%s", i ? "  " : "");
		for (size_t k = 0; k < w[i]; k++)
			fputc('-', f);
	}
	fputc('\n', f);
	for (size_t r = 0; r < t->nrows; r++)
		print_row(t, t->cells + r * t->ncols, w, f);
	free(w);
}

void ov_table_free(ov_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->ncols; i++)
		free(t->headers[i]);
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->headers);
	free(t->flex);
	free(t->wrap);
	free(t->cells);
	free(t);
}

void ov_table_done(ov_table *t, const char *one, const char *many)
{
	size_t n = ov_table_rows(t);

	ov_table_print(t, stdout, 80);
	printf("%zu %s\n", n, n == 1 ? one : many);
	ov_table_free(t);
}
