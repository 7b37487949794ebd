/* The report-text parser (io/extract.h): clean the text into blocks, then
 * read the blocks in order with a small state machine. */
#include "io/extract.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/timescale.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/utf8.h"

/* ---- small string helpers ----------------------------------------------- */

static bool sp(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v';
}

static bool starts_ci(const char *s, const char *p)
{
	return strncasecmp(s, p, strlen(p)) == 0;
}

/* p occurs in s as whole words (ASCII, any case). */
static const char *find_word(const char *s, const char *p)
{
	size_t n = strlen(p);

	for (const char *q = s; *q; q++) {
		if (strncasecmp(q, p, n) != 0)
			continue;
		if (q > s && isalnum((unsigned char)q[-1]))
			continue;
		if (isalnum((unsigned char)q[n]))
			continue;
		return q;
	}
	return NULL;
}

static char *trim_dup(const char *s, size_t n)
{
	while (n && sp(*s))
		s++, n--;
	while (n && sp(s[n - 1]))
		n--;
	return ov_xstrndup(s, n);
}

static void add_str(char ***arr, size_t *n, char *s)
{
	*arr = ov_xrealloc(*arr, (*n + 1) * sizeof **arr);
	(*arr)[(*n)++] = s;
}

/* ---- lines and pages ------------------------------------------------------
 */

typedef struct line {
	char *s;         /* trimmed at the right, tabs as spaces */
	size_t no;       /* 1-based line number in the input */
	bool page_start; /* first line after a '\f' */
} line;

typedef struct lines {
	line *v;
	size_t n, cap;
} lines;

static void lines_push(lines *l, char *s, size_t no, bool ps)
{
	OV_GROW(l->v, l->cap, l->n + 1);
	l->v[l->n++] = (line){s, no, ps};
}

static void lines_release(lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].s);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static bool blank(const char *s)
{
	while (*s && sp(*s))
		s++;
	return !*s;
}

/* "12", "Page 3", "Page 3 of 40", "- 7 -", "iv": a line that is only a
 * page number. */
static bool page_number(const char *s)
{
	while (*s == ' ' || *s == '-' || *s == '|')
		s++;
	if (starts_ci(s, "page "))
		s += 5;
	if (isdigit((unsigned char)*s)) {
		while (isdigit((unsigned char)*s))
			s++;
		while (*s == ' ')
			s++;
		if (starts_ci(s, "of ")) {
			s += 3;
			while (*s == ' ')
				s++;
			while (isdigit((unsigned char)*s))
				s++;
		}
	} else {
		const char *r = s;

		while (*s && strchr("ivxlc", *s))
			s++;
		if (s == r || s - r > 6)
			return false;
	}
	while (*s == ' ' || *s == '-' || *s == '|')
		s++;
	return !*s;
}

/* A running header's shape: lower case, digits as '#', spaces squeezed. */
static char *shape(const char *s)
{
	ov_buf b = OV_BUF_INIT;

	for (; *s; s++) {
		char c = isdigit((unsigned char)*s)
		             ? '#'
		             : (char)tolower((unsigned char)*s);
		if (c == ' ' && (b.len == 0 || b.data[b.len - 1] == ' '))
			continue;
		ov_buf_putc(&b, c);
	}
	return ov_buf_detach(&b);
}

typedef struct page {
	size_t from, to; /* lines [from, to) */
} page;

/* Indices of the first k and last k non-blank lines of a page. */
static size_t edge_lines(const lines *l, page p, size_t *out, size_t k)
{
	size_t n = 0, got = 0;

	for (size_t i = p.from; i < p.to && got < k; i++)
		if (!blank(l->v[i].s))
			out[n++] = i, got++;
	got = 0;
	for (size_t i = p.to; i > p.from && got < k; i--) {
		bool seen = false;

		if (blank(l->v[i - 1].s))
			continue;
		for (size_t j = 0; j < n; j++)
			seen |= out[j] == i - 1;
		if (!seen)
			out[n++] = i - 1;
		got++;
	}
	return n;
}

/* Drop page numbers, and lines at a page's top or bottom that recur at the
 * top or bottom of another page (running headers and footers). */
static void drop_running(lines *l, const page *pg, size_t np)
{
	enum { K = 2 };
	size_t(*edge)[2 * K] = ov_xcalloc(np + 1, sizeof *edge);
	size_t *ne = ov_xcalloc(np + 1, sizeof *ne);
	char ***shp = ov_xcalloc(np + 1, sizeof *shp);

	for (size_t p = 0; p < np; p++) {
		ne[p] = edge_lines(l, pg[p], edge[p], K);
		shp[p] = ov_xcalloc(2 * K, sizeof **shp);
		for (size_t j = 0; j < ne[p]; j++)
			shp[p][j] = shape(l->v[edge[p][j]].s);
	}
	for (size_t p = 0; p < np; p++) {
		for (size_t j = 0; j < ne[p]; j++) {
			line *ln = &l->v[edge[p][j]];
			bool drop = page_number(ln->s);

			/* running heads repeat on the pages nearby */
			size_t q0 = p > 3 ? p - 3 : 0;

			for (size_t q = q0; q < np && q <= p + 3 && !drop;
			     q++) {
				if (q == p)
					continue;
				for (size_t k = 0; k < ne[q] && !drop; k++)
					drop =
					    strcmp(shp[p][j], shp[q][k]) == 0;
			}
			if (drop)
				ln->s[0] = '\0';
		}
	}
	for (size_t p = 0; p < np; p++) {
		for (size_t j = 0; j < ne[p]; j++)
			free(shp[p][j]);
		free(shp[p]);
	}
	free(shp);
	free(ne);
	free(edge);
}

/* A page of two columns side by side (as a layout-preserving text dump
 * gives it): a gutter column that no line crosses, with text on both sides
 * of it in at least a third of the lines.  Returns the gutter or 0. */
static size_t gutter(const lines *l, page p)
{
	size_t width = 0, nonblank = 0, best = 0, best_both = 0;

	for (size_t i = p.from; i < p.to; i++) {
		size_t n = strlen(l->v[i].s);

		width = n > width ? n : width;
		nonblank += !blank(l->v[i].s);
	}
	if (width < 40 || nonblank < 3 || width > 400 || p.to - p.from > 300)
		return 0;
	for (size_t x = width * 3 / 10; x < width * 7 / 10; x++) {
		size_t both = 0;
		bool ok = true;

		for (size_t i = p.from; i < p.to && ok; i++) {
			const char *s = l->v[i].s;
			size_t n = strlen(s);

			if (n <= x)
				continue;
			if (s[x] != ' ' || s[x - 1] != ' ') {
				ok = false;
				break;
			}
			if (!blank(s + x)) {
				char *left = ov_xstrndup(s, x);

				both += !blank(left);
				free(left);
			}
		}
		if (ok && both > best_both)
			best = x, best_both = both;
	}
	return best_both * 3 >= nonblank && best_both >= 3 ? best : 0;
}

/* Rewrite the lines of a two-column page: the left column, then the
 * right. */
static void split_columns(lines *out, const lines *l, page p, size_t x)
{
	for (int side = 0; side < 2; side++) {
		for (size_t i = p.from; i < p.to; i++) {
			const char *s = l->v[i].s;
			size_t n = strlen(s);
			const char *from = side ? (n > x ? s + x : "") : s;
			size_t len = side ? strlen(from) : (n < x ? n : x);

			lines_push(out, trim_dup(from, len), l->v[i].no,
			           i == p.from && side == 0);
		}
		if (side == 0)
			lines_push(out, ov_xstrdup(""), l->v[p.to - 1].no,
			           false);
	}
}

/* The input as lines: tabs as spaces, pages split at '\f', running heads
 * and page numbers gone, two-column pages in reading order. */
static void read_lines(const char *buf, size_t len, lines *out)
{
	lines raw = {0};
	page *pg = NULL;
	size_t np = 0, cap = 0, no = 1, start = 0;
	bool ps = false;

	for (size_t i = 0, a = 0; i <= len; i++) {
		if (i < len && buf[i] != '\n' && buf[i] != '\f')
			continue;
		char *s = ov_xstrndup(buf + a, i - a);
		size_t n = strlen(s);

		for (size_t k = 0; k < n; k++)
			if (s[k] == '\t' || s[k] == '\r' || s[k] == '\v')
				s[k] = ' ';
		while (n && s[n - 1] == ' ')
			s[--n] = '\0';
		lines_push(&raw, s, no, ps);
		ps = false;
		if (i == len || buf[i] == '\f') {
			OV_GROW(pg, cap, np + 1);
			pg[np++] = (page){start, raw.n};
			start = raw.n;
			ps = true;
		} else {
			no++;
		}
		a = i + 1;
	}
	if (np > 1)
		drop_running(&raw, pg, np);
	for (size_t p = 0; p < np; p++) {
		size_t x = pg[p].to > pg[p].from ? gutter(&raw, pg[p]) : 0;

		if (x) {
			split_columns(out, &raw, pg[p], x);
			continue;
		}
		for (size_t i = pg[p].from; i < pg[p].to; i++) {
			const char *s = raw.v[i].s;

			while (*s == ' ')
				s++;
			lines_push(out, ov_xstrdup(s), raw.v[i].no,
			           raw.v[i].page_start);
		}
	}
	free(pg);
	lines_release(&raw);
}

/* ---- markers ------------------------------------------------------------- */

enum mclass { M_NONE, M_BULLET, M_DEC, M_ALPHA, M_ROMAN };

typedef struct marker {
	enum mclass cls;
	char *label; /* "3", "1.2", "b", "iv"; NULL for a bullet */
	size_t len;  /* bytes of the marker and the space after it */
} marker;

static const char *const bullets[] = {
    "\u2022", "\u25e6", "\u25aa", "\u25cf", "\u25cb", "\u25a0",
    "\u2013", "\u2014", "\u00b7", "\u2023", "\u2043", "\u25ba",
    "\u27a2", "\uf0b7", "-",      "*",      "o",      NULL,
};

static bool roman(const char *s, size_t n)
{
	static const char *const r[] = {"i",  "ii",  "iii",  "iv", "v",
	                                "vi", "vii", "viii", "ix", "x",
	                                "xi", "xii", NULL};
	for (size_t i = 0; r[i]; i++)
		if (strlen(r[i]) == n && strncasecmp(r[i], s, n) == 0)
			return true;
	return false;
}

/* The list marker at the start of s, if any. */
static marker get_marker(const char *s)
{
	marker m = {M_NONE, NULL, 0};
	const char *p = s, *lab;
	size_t n;
	bool paren = false;

	for (size_t i = 0; bullets[i]; i++) {
		size_t bl = strlen(bullets[i]);

		if (strncmp(s, bullets[i], bl) != 0 ||
		    (s[bl] != ' ' && s[bl] != '\0'))
			continue;
		/* "o" is a bullet only before a word in lower case */
		if (bl == 1 && s[0] == 'o' &&
		    (s[1] != ' ' || !islower((unsigned char)s[2])))
			continue;
		m.cls = M_BULLET;
		m.len = s[bl] ? bl + 1 : bl;
		return m;
	}
	if (*p == '(')
		paren = true, p++;
	lab = p;
	if (isdigit((unsigned char)*p)) {
		while (isdigit((unsigned char)*p) ||
		       (*p == '.' && isdigit((unsigned char)p[1])))
			p++;
		m.cls = M_DEC;
	} else if (isalpha((unsigned char)*p)) {
		while (isalpha((unsigned char)*p) && p - lab < 5)
			p++;
		if (roman(lab, (size_t)(p - lab)))
			m.cls = M_ROMAN;
		else if (p - lab == 1 && islower((unsigned char)*lab))
			m.cls = M_ALPHA;
		else if (p - lab == 1 && !paren && p[0] == '.')
			m.cls = M_ALPHA;
		else
			return m;
	} else {
		return m;
	}
	n = (size_t)(p - lab);
	if (n > 8 || (m.cls == M_DEC && (p - lab) > 3 && !strchr(lab, '.')))
		return (marker){M_NONE, NULL, 0};
	if (paren ? *p != ')' : (*p != '.' && *p != ')'))
		return (marker){M_NONE, NULL, 0};
	p++;
	if (*p == '.' && m.cls == M_DEC) /* "1.2." */
		p++;
	if (*p != ' ' && *p != '\0')
		return (marker){M_NONE, NULL, 0};
	m.label = ov_xstrndup(lab, n);
	while (*p == ' ')
		p++;
	m.len = (size_t)(p - s);
	return m;
}

/* ---- blocks ------------------------------------------------------------ */

typedef struct block {
	char *text;
	marker m;
	size_t no; /* first line */
	size_t n_lines;
} block;

typedef struct blocks {
	block *v;
	size_t n, cap;
} blocks;

/* First words of hyphenated compounds: their hyphen at a line end is
 * kept ("self-\nassessment" is "self-assessment"). */
static const char *const keep_hyphen[] = {
    "self",   "non",   "co",     "cross",  "multi", "well", "ex",
    "semi",   "cyber", "long",   "short",  "high",  "low",  "child",
    "victim", "risk",  "inter-", "pre",    "post",  "anti", "follow",
    "one",    "two",   "three",  "joined", NULL,
};

/* Append a line to a block's text, joining a word hyphenated across the
 * line end. */
static void join_line(ov_buf *b, const char *s)
{
	if (b->len == 0) {
		ov_buf_puts(b, s);
		return;
	}
	if (b->len >= 2 && (unsigned char)b->data[b->len - 2] == 0xc2 &&
	    (unsigned char)b->data[b->len - 1] == 0xad) {
		/* a soft hyphen: the word goes on */
		b->len -= 2;
		b->data[b->len] = '\0';
		ov_buf_puts(b, s);
		return;
	}
	if (b->len >= 2 && b->data[b->len - 1] == '-' &&
	    isalpha((unsigned char)b->data[b->len - 2]) &&
	    islower((unsigned char)s[0])) {
		size_t w = b->len - 1;
		bool keep = false;

		while (w && isalpha((unsigned char)b->data[w - 1]))
			w--;
		for (size_t i = 0; keep_hyphen[i]; i++)
			keep |= strlen(keep_hyphen[i]) == b->len - 1 - w &&
			        strncasecmp(b->data + w, keep_hyphen[i],
			                    b->len - 1 - w) == 0;
		if (!keep)
			b->data[--b->len] = '\0';
		ov_buf_puts(b, s);
		return;
	}
	ov_buf_putc(b, ' ');
	ov_buf_puts(b, s);
}

static bool ends_sentence_n(const char *s, size_t n)
{

	while (n && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == ')'))
		n--;
	return n && strchr(".!?:", s[n - 1]);
}

static void push_block(blocks *bl, ov_buf *b, marker m, size_t no, size_t nl)
{
	if (b->len == 0) {
		free(m.label);
		return;
	}
	OV_GROW(bl->v, bl->cap, bl->n + 1);
	bl->v[bl->n++] = (block){ov_buf_detach(b), m, no, nl};
}

/* A line of a table of contents ("Causes of concern ........ 5"), or a
 * number alone: no heading, no item. */
static bool contents_line(const char *t)
{
	size_t n = strlen(t), d = n, k;

	while (d && isdigit((unsigned char)t[d - 1]))
		d--;
	if (d == n || n - d > 4)
		return false;
	if (d == 0)
		return true;
	for (k = d; k && t[k - 1] == ' ';)
		k--;
	if (k >= 3 &&
	    (!strncmp(t + k - 3, "...", 3) || !strncmp(t + k - 3, "\u2026", 3)))
		return true;
	return d - k >= 2; /* "Areas for improvement      12" */
}

static bool keyword_line(const char *s);

/* Lines into blocks: a blank line ends one; so does a line that starts
 * with a list marker or is a keyword heading.  A page break ends one only
 * when the text before it ends a sentence and the text after it does not
 * go on in lower case. */
static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

/* The width the text of each page is wrapped at: the 90th percentile of
 * its lines' lengths; into w[i] for every line i. */
static void wrap_widths(const lines *l, size_t *w)
{
	size_t *len = ov_xcalloc(l->n + 1, sizeof *len);

	for (size_t from = 0, to; from < l->n; from = to) {
		size_t n = 0;

		for (to = from + 1; to < l->n && !l->v[to].page_start; to++)
			;
		for (size_t i = from; i < to; i++)
			if (*l->v[i].s)
				len[n++] = strlen(l->v[i].s);
		qsort(len, n, sizeof *len, cmp_size);
		for (size_t i = from; i < to; i++)
			w[i] = n ? len[n * 9 / 10] : 0;
	}
	free(len);
}

static bool upper_start(const char *s)
{
	return isupper((unsigned char)*s) || isdigit((unsigned char)*s) ||
	       ((unsigned char)*s & 0x80);
}

/* In text without blank lines between paragraphs: whether line s starts
 * a new one after line prev (the block has nl lines so far), the text
 * being wrapped at width w.  A text of unwrapped lines (w over 200) has
 * a paragraph a line; in wrapped text a paragraph ends at a short line
 * that ends a sentence, and a short line of its own without punctuation
 * is a heading. */
static bool para_break(const char *prev, const char *s, size_t w, size_t nl)
{
	size_t n = strlen(prev);

	if (w > 200)
		return true;
	if (!upper_start(s))
		return false;
	if (ends_sentence_n(prev, n) && n * 10 < w * 7)
		return true;
	return nl == 1 && n * 10 < w * 6 && upper_start(prev) &&
	       !strchr(".,;:", prev[n - 1]);
}

/* Lines into blocks: a blank line ends one; so does a line that starts
 * with a list marker or is a keyword heading, and (para_break) a
 * paragraph's end in text without blank lines.  A page break ends one
 * only when the text before it ends a sentence and the text after it
 * does not go on in lower case. */
static void make_blocks(const lines *l, blocks *bl)
{
	ov_buf b = OV_BUF_INIT;
	marker cur = {M_NONE, NULL, 0};
	size_t no = 0, nl = 0;
	bool gap_at_break = false;
	const char *prev = NULL;
	size_t *w = ov_xcalloc(l->n + 1, sizeof *w);

	wrap_widths(l, w);
	for (size_t i = 0; i < l->n; i++) {
		const char *s = l->v[i].s;
		marker m;

		if (l->v[i].page_start)
			gap_at_break = true;
		if (!*s) {
			/* a blank line at a page's edge is not a paragraph
			 * end of its own */
			bool edge = false;

			for (size_t j = i + 1; j < l->n && !edge; j++) {
				if (l->v[j].page_start)
					edge = true;
				else if (*l->v[j].s)
					break;
			}
			if (!edge && !gap_at_break) {
				push_block(bl, &b, cur, no, nl);
				cur = (marker){M_NONE, NULL, 0};
			}
			continue;
		}
		if (b.len && (gap_at_break ? ends_sentence_n(b.data, b.len) &&
		                                 !islower((unsigned char)s[0])
		                           : para_break(prev, s, w[i], nl))) {
			push_block(bl, &b, cur, no, nl);
			cur = (marker){M_NONE, NULL, 0};
		}
		gap_at_break = false;
		if (contents_line(s)) {
			/* a table of contents' line, or a number alone */
			push_block(bl, &b, cur, no, nl);
			cur = (marker){M_NONE, NULL, 0};
			continue;
		}
		m = get_marker(s);
		if (m.cls != M_NONE || keyword_line(s) ||
		    (b.len && nl == 1 && b.len < 60 && keyword_line(b.data))) {
			push_block(bl, &b, cur, no, nl);
			cur = m;
			s += m.len;
		}
		if (b.len == 0)
			no = l->v[i].no, nl = 0;
		join_line(&b, s);
		prev = s;
		nl++;
	}
	push_block(bl, &b, cur, no, nl);
	ov_buf_release(&b);
	free(w);
}

static void blocks_release(blocks *bl)
{
	for (size_t i = 0; i < bl->n; i++) {
		free(bl->v[i].text);
		free(bl->v[i].m.label);
	}
	free(bl->v);
}

/* ---- keywords ------------------------------------------------------------ */

enum mode { MODE_NONE, MODE_CAUSE, MODE_REC, MODE_AFI };

typedef struct keyword {
	const char *word;
	enum mode mode;
} keyword;

static const keyword keywords[] = {
    {"causes of concern", MODE_CAUSE},
    {"cause of concern", MODE_CAUSE},
    {"cause for concern", MODE_CAUSE},
    {"causes for concern", MODE_CAUSE},
    {"areas for improvement", MODE_AFI},
    {"area for improvement", MODE_AFI},
    {"summary of recommendations", MODE_REC},
    {"our recommendations", MODE_REC},
    {"recommendations", MODE_REC},
    {"recommendation", MODE_REC},
    {NULL, MODE_NONE},
};

/* s without "**", leading markers and surrounding spaces, into b. */
static void plain(const char *s, ov_buf *b)
{
	marker m = get_marker(s);

	free(m.label);
	s += m.len;
	for (; *s; s++)
		if (*s != '*' && *s != '_')
			ov_buf_putc(b, *s);
	while (b->len &&
	       (sp(b->data[b->len - 1]) || b->data[b->len - 1] == ':'))
		b->data[--b->len] = '\0';
}

/* The keyword heading s is, and its number ("Recommendation 3") in *num
 * (fresh, may be NULL); MODE_NONE if it is none.  With rest, text may
 * follow the keyword after ':' or '.' ("Recommendation 2: By ..."); its
 * offset in the plain text is set. */
static enum mode keyword_of(const char *s, char **num, const char **rest)
{
	ov_buf b = OV_BUF_INIT;
	enum mode md = MODE_NONE;
	const char *p = NULL;

	*num = NULL;
	plain(s, &b);
	for (size_t i = 0; keywords[i].word && md == MODE_NONE; i++) {
		size_t n = strlen(keywords[i].word);
		const char *q = ov_buf_str(&b);

		if (strncasecmp(q, keywords[i].word, n) != 0)
			continue;
		q += n;
		while (*q == ' ')
			q++;
		const char *d = q;

		while (isdigit((unsigned char)*q) ||
		       (*q == '.' && isdigit((unsigned char)q[1])))
			q++;
		if (q > d)
			*num = ov_xstrndup(d, (size_t)(q - d));
		while (*q == ' ' || *q == '.' || *q == ':' || *q == '-' ||
		       !strncmp(q, "\u2013", 3))
			q += strncmp(q, "\u2013", 3) ? 1 : 3;
		if (*q && !rest) {
			free(*num);
			*num = NULL;
			continue;
		}
		md = keywords[i].mode;
		p = q;
	}
	if (rest) {
		/* map the offset back into s: find the same text in s */
		const char *r = p && *p ? strstr(s, p) : NULL;

		*rest = r ? r : (p && *p ? NULL : s + strlen(s));
		if (p && *p && !r)
			md = MODE_NONE;
	}
	if (md == MODE_NONE) {
		free(*num);
		*num = NULL;
	}
	ov_buf_release(&b);
	return md;
}

static bool keyword_line(const char *s)
{
	char *num;
	enum mode m = keyword_of(s, &num, NULL);

	free(num);
	return m != MODE_NONE && strlen(s) < 60;
}

/* ---- addressees, modals and timescales --------------------------------- */

typedef struct body {
	const char *word;
	enum ov_addressee ad;
} body;

static const body bodies[] = {
    {"national crime agency", OV_AD_NCA},
    {"NCA", OV_AD_NCA},
    {"college of policing", OV_AD_COLLEGE},
    {"the college", OV_AD_COLLEGE},
    {"home office", OV_AD_HOME_OFFICE},
    {"home secretary", OV_AD_HOME_OFFICE},
    {"national police chiefs' council", OV_AD_NPCC},
    {"national police chiefs\u2019 council", OV_AD_NPCC},
    {"national police chiefs", OV_AD_NPCC},
    {"NPCC", OV_AD_NPCC},
    {"crown prosecution service", OV_AD_CPS},
    {"CPS", OV_AD_CPS},
    {"ministry of justice", OV_AD_OTHER},
    {"government", OV_AD_OTHER},
    {"department for", OV_AD_OTHER},
    {"department of", OV_AD_OTHER},
    {"police and crime commissioners", OV_AD_OTHER},
    {"IOPC", OV_AD_OTHER},
    {"independent office for police conduct", OV_AD_OTHER},
    {"NHS", OV_AD_OTHER},
    {"national policing lead", OV_AD_NPCC},
    {"all police forces", OV_AD_ALL_FORCES},
    {"police forces", OV_AD_ALL_FORCES},
    {"all forces", OV_AD_ALL_FORCES},
    {"forces", OV_AD_ALL_FORCES},
    {"chief constables", OV_AD_ALL_FORCES},
    {"chief officers", OV_AD_ALL_FORCES},
    {"every force", OV_AD_ALL_FORCES},
    {"each force", OV_AD_ALL_FORCES},
    {"the force", OV_AD_FORCE},
    {"the constabulary", OV_AD_FORCE},
    {"the chief constable", OV_AD_FORCE},
    {"police", OV_AD_FORCE},
    {"constabulary", OV_AD_FORCE},
    {"force", OV_AD_FORCE},
    {"the service", OV_AD_FORCE},
    {"chief constable", OV_AD_FORCE},
    {"college", OV_AD_COLLEGE},
    {NULL, OV_AD_FORCE},
};

/* The addressees named in subject s[0..n): the earliest one in *ad;
 * returns how many different bodies it names (0: none). */
static int addressees(const char *s, size_t n, enum ov_addressee *ad)
{
	char *sub = ov_xstrndup(s, n);
	const char *best = NULL;
	int count = 0;
	bool seen[OV_AD_OTHER + 1] = {false};

	for (size_t i = 0; bodies[i].word; i++) {
		const char *w = bodies[i].word;
		const char *q = find_word(sub, w);

		/* acronyms only in capitals */
		if (q && isupper((unsigned char)w[1]) &&
		    strncmp(q, w, strlen(w)))
			q = NULL;
		if (!q)
			continue;
		if (!seen[bodies[i].ad]) {
			/* "the force" inside "forces": find_word keeps whole
			 * words, so a second hit is a different body */
			seen[bodies[i].ad] = true;
			count++;
		}
		if (!best || q < best)
			best = q, *ad = bodies[i].ad;
	}
	/* "all forces" and "forces" and "force" are one addressee */
	if (seen[OV_AD_ALL_FORCES] && seen[OV_AD_FORCE])
		count--;
	free(sub);
	return count;
}

/* Where the earliest addressee named in s[0..n) begins, or NULL. */
static const char *subject_start(const char *s, size_t n)
{
	char *sub = ov_xstrndup(s, n);
	const char *best = NULL;

	for (size_t i = 0; bodies[i].word; i++) {
		const char *w = bodies[i].word;
		const char *q = find_word(sub, w);

		if (q && isupper((unsigned char)w[1]) &&
		    strncmp(q, w, strlen(w)))
			q = NULL;
		/* "the college" is a body only with its article */
		if (q && (!best || q < best))
			best = q;
	}
	best = best ? s + (best - sub) : NULL;
	free(sub);
	return best;
}

static const char *const modals[] = {
    "should", "must",         "needs to", "need to", "is to",
    "are to", "will need to", "ought to", NULL,
};

/* The first modal verb in s[0..n) as a whole word, its length in *ml. */
static const char *find_modal(const char *s, size_t n, size_t *ml)
{
	const char *best = NULL;
	char *t = ov_xstrndup(s, n);

	for (size_t i = 0; modals[i]; i++) {
		const char *q = find_word(t, modals[i]);

		if (q && (!best || q < best)) {
			best = q;
			*ml = strlen(modals[i]);
		}
	}
	best = best ? s + (best - t) : NULL;
	free(t);
	return best;
}

typedef struct span {
	const char *at; /* NULL: none */
	size_t len;
} span;

static const char *const units[] = {
    "day",  "days",  "week",  "weeks", "month", "months",
    "year", "years", "hours", "hour",  NULL,
};

static bool word_in(const char *s, size_t n, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strlen(list[i]) == n && strncasecmp(list[i], s, n) == 0)
			return true;
	return false;
}

/* End of the k-th word after s (k >= 1), or NULL if fewer. */
static const char *words_end(const char *s, int k)
{
	const char *p = s;

	for (int i = 0; i < k; i++) {
		while (*p == ' ')
			p++;
		if (!*p)
			return NULL;
		while (*p && *p != ' ' && *p != ',' && *p != ';' && *p != ':' &&
		       *p != '(' && *p != ')')
			p++;
	}
	return p;
}

/* A timescale phrase starting at word s: the longest the register's
 * rules (core/timescale.h) know, else a phrase of a timescale's shape
 * ("within 24 hours", "By 31st March 2019") that they do not; *known
 * says which. */
static span timescale_at(const char *s, bool *known)
{
	static const char *const leads[] = {
	    "immediately",   "within",         "by",
	    "no later than", "not later than", NULL};
	span best = {NULL, 0};
	bool lead = false;

	for (size_t i = 0; leads[i]; i++)
		lead |= starts_ci(s, leads[i]) &&
		        !isalnum((unsigned char)s[strlen(leads[i])]);
	if (!lead)
		return best;
	for (int k = 1; k <= 7; k++) {
		const char *e = words_end(s, k);
		ov_day due;

		if (!e)
			break;
		while (e > s && e[-1] == '.')
			e--;
		char *ph = ov_xstrndup(s, (size_t)(e - s));

		if (ov_timescale_due(ph, 0, &due) == 0)
			best = (span){s, (size_t)(e - s)}, *known = true;
		free(ph);
	}
	if (best.at)
		return best;
	*known = false;
	/* "within N unit" */
	if (starts_ci(s, "within ")) {
		const char *w = s + 7, *e = words_end(w, 1), *u;

		if (e && e > w &&
		    (isdigit((unsigned char)*w) ||
		     islower((unsigned char)*w))) {
			u = e;
			while (*u == ' ')
				u++;
			const char *ue = words_end(u, 1);

			if (ue && word_in(u, (size_t)(ue - u), units))
				return (span){s, (size_t)(ue - s)};
		}
		return best;
	}
	/* "by [the end of] [DAY] MONTH YEAR" */
	if (starts_ci(s, "by ") || starts_ci(s, "no later than ") ||
	    starts_ci(s, "not later than ")) {
		const char *p = strchr(s, ' ') + 1, *e;

		if (starts_ci(s, "no"))
			p = s + (starts_ci(s, "no ") ? 14 : 15);
		if (starts_ci(p, "the end of "))
			p += 11;
		e = words_end(p, 1);
		if (e && isdigit((unsigned char)*p)) {
			p = e;
			while (*p == ' ')
				p++;
			e = words_end(p, 1);
		}
		if (!e || !ov_month_from_name(p, (size_t)(e - p)))
			return best;
		p = e;
		while (*p == ' ')
			p++;
		e = words_end(p, 1);
		if (e && e - p == 4 && isdigit((unsigned char)*p))
			return (span){s, (size_t)(e - s)};
	}
	return best;
}

/* The first timescale phrase in s[0..n), at a word start. */
static span find_timescale(const char *s, size_t n, bool *known)
{
	for (size_t i = 0; i < n; i++) {
		if (i && isalnum((unsigned char)s[i - 1]))
			continue;
		span t = timescale_at(s + i, known);

		if (t.at && (size_t)(t.at - s) + t.len <= n)
			return t;
	}
	return (span){NULL, 0};
}

static const char *const recommend_leads[] = {
    "we recommend that",           "we recommend",
    "we also recommend that",      "hmicfrs recommends that",
    "hmic recommends that",        "it is recommended that",
    "we therefore recommend that", NULL,
};

/* ---- the document being built ------------------------------------------- */

typedef struct parser {
	ov_xdoc *doc;
	size_t report;  /* current report */
	char *area;     /* current area heading */
	enum mode mode; /* the keyword heading last seen */
	bool listed;    /* after "recommendations are as follows:" */
	enum ov_rec_kind listed_kind; /* what the lead-in said follows */
	bool findings_ok;  /* the lead-in speaks of the force's progress */
	char *pending_num; /* "Recommendation 3" heading's number */
	size_t cause;      /* current cause of concern + 1, or 0 */
	bool cause_open;   /* a cause heading waits for its text */
	size_t parent;     /* item taking bullets + 1, or 0 */
	enum mclass parent_cls, bullet_cls;
	/* the paragraphs under the current heading (findings pairs) */
	const block **sect;
	size_t n_sect, cap_sect;
	bool sect_has_item;
	const char *heading; /* the last area heading's text */
	bool heading_about_report;
} parser;

static ov_xitem *new_item(parser *p, enum ov_rec_kind kind, const block *b)
{
	ov_xdoc *doc = p->doc;

	doc->items =
	    ov_xrealloc(doc->items, (doc->n_items + 1) * sizeof *doc->items);
	ov_xitem *it = &doc->items[doc->n_items++];

	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->area = ov_xstrdup(p->area);
	it->addressee = OV_AD_FORCE;
	it->report = p->report;
	it->line = b->no;
	if (p->pending_num) {
		it->number = p->pending_num;
		p->pending_num = NULL;
	} else if (b->m.cls == M_DEC || b->m.cls == M_ALPHA ||
	           b->m.cls == M_ROMAN) {
		it->number = ov_xstrdup(b->m.label);
	}
	p->sect_has_item = true;
	return it;
}

static void doubt(ov_xitem *it, char *s)
{
	add_str(&it->doubts, &it->n_doubts, s);
}

/* Timescale and addressee of an item from its text. */
static void analyse(ov_xitem *it, const char *t, bool strong_subject)
{
	size_t n = strlen(t), ml = 0, near;
	bool known = false;
	const char *start = t, *mod;
	enum ov_addressee ad = OV_AD_FORCE;
	int count;
	span ts;

	for (size_t i = 0; recommend_leads[i]; i++)
		if (starts_ci(start, recommend_leads[i])) {
			start += strlen(recommend_leads[i]);
			break;
		}
	mod = find_modal(start, n - (size_t)(start - t), &ml);
	/* The timescale leads the sentence or follows its verb ("should,
	 * within six months,", "should immediately"); one further on may
	 * say something else ("victims are immediately referred"). */
	near = mod ? (size_t)(mod - t) + ml + 40 : 0;
	if (near < (size_t)(start - t) + 40)
		near =
		    (size_t)(start - t) + 40; /* "We recommend that, by ..." */
	ts = find_timescale(t, near < n ? near : n, &known);
	if (!ts.at) {
		ts = find_timescale(t, n, &known);
		/* further on, it is the timescale only where it ends the
		 * sentence ("... should review it within six months.") */
		if (ts.at && ts.at[ts.len] != '.' && ts.at[ts.len] != '\0') {
			char *ph = ov_xstrndup(ts.at, ts.len);

			doubt(it,
			      ov_xasprintf("'%s' further on in the text was "
			                   "not taken as its timescale",
			                   ph));
			free(ph);
			ts.at = NULL;
		}
	}
	if (ts.at) {
		it->timescale = ov_xstrndup(ts.at, ts.len);
		it->timescale[0] =
		    (char)toupper((unsigned char)it->timescale[0]);
		it->timescale_known = known;
	}
	count = mod ? addressees(start, (size_t)(mod - start), &ad) : 0;
	if (count == 0) {
		/* no subject before the verb: any body the text names */
		count = addressees(t, n < 300 ? n : 300, &ad);
		if (count == 0 || !strong_subject) {
			it->addressee = OV_AD_FORCE;
			doubt(it,
			      ov_xstrdup(
			          "addressee unclear; taken as this force"));
			return;
		}
		if (!(it->kind == OV_RK_CAUSE && ad == OV_AD_FORCE))
			doubt(it, ov_xstrdup("addressee not the subject of "
			                     "the sentence; taken from the "
			                     "bodies it names"));
	}
	it->addressee = ad;
	if (count > 1)
		doubt(it, ov_xstrdup("addressed to more than one body; the "
		                     "first named is taken"));
}

/* "should be commended": praise, not a recommendation. */
static bool praise(const char *after)
{
	static const char *const p[] = {
	    " be commended", " be congratulated", " be praised",    " be proud",
	    " be pleased",   " be reassured",     " be encouraged", NULL};

	for (size_t i = 0; p[i]; i++)
		if (starts_ci(after, p[i]))
			return true;
	return false;
}

/* Whether the subject starting with a body at s ends with it (or goes
 * on only with another body, a place or an aside) before the verb. */
static bool subject_alone(const char *s, const char *mod)
{
	static const char *const go_on[] = {
	    "and ",     ",",       "(",         "in ",
	    "of ",      "across ", "together ", "with ",
	    "working ", "lead ",   "leads ",    "national lead ",
	    NULL};
	size_t best = 0;

	for (size_t i = 0; bodies[i].word; i++) {
		size_t n = strlen(bodies[i].word);

		if ((size_t)(mod - s) >= n &&
		    strncasecmp(s, bodies[i].word, n) == 0 &&
		    !isalnum((unsigned char)s[n]) && n > best)
			best = n;
	}
	/* a force's name: "Kent Police", "Durham Constabulary" */
	const char *q = s + best;

	while (q < mod && *q == ' ')
		q++;
	if (q == mod)
		return true;
	for (size_t i = 0; go_on[i]; i++)
		if (starts_ci(q, go_on[i]))
			return true;
	return false;
}

/* Whether s..end is capitalised words only ("Kent " before "Police"). */
static bool caps_words(const char *s, const char *end)
{
	bool start = true;

	for (const char *q = s; q < end; q++) {
		if (*q == ' ' || *q == '-') {
			start = true;
			continue;
		}
		if (start && !isupper((unsigned char)*q))
			return false;
		start = false;
	}
	return true;
}

/* Whether t is a recommendation on its own strength: "[We recommend
 * that] [TIMESCALE,] SUBJECT [, TIMESCALE,] should ..." where SUBJECT
 * names an addressee in at most twelve words. */
static bool strong_rec(const char *t)
{
	const char *s = t;
	size_t ml = 0, words = 0;
	bool rec_lead = false, known;
	enum ov_addressee ad;

	for (size_t i = 0; recommend_leads[i]; i++)
		if (starts_ci(s, recommend_leads[i])) {
			s += strlen(recommend_leads[i]);
			rec_lead = true;
			break;
		}
	while (*s == ' ' || *s == ',' || *s == ':')
		s++;
	span ts = timescale_at(s, &known);

	if (ts.at) {
		s += ts.len;
		while (*s == ' ' || *s == ',')
			s++;
	}
	size_t lim = strlen(s) < 200 ? strlen(s) : 200;
	const char *mod = find_modal(s, lim, &ml);

	if (!mod)
		return rec_lead;
	/* the subject is the addressee, with at most a determiner before
	 * it: "all forces", "the College of Policing and the NPCC" */
	static const char *const dets[] = {"that ", "the ", NULL};
	for (bool again = true; again;) {
		again = false;
		for (size_t i = 0; dets[i]; i++)
			if (starts_ci(s, dets[i]) && s < mod) {
				s += strlen(dets[i]);
				again = true;
			}
	}
	for (const char *q = s; q < mod; q++)
		words += *q == ' ';
	if (words > 12 || memchr(s, '.', (size_t)(mod - s)) || praise(mod + ml))
		return rec_lead;
	const char *at = NULL;

	if (addressees(s, (size_t)(mod - s), &ad) > 0)
		at = subject_start(s, (size_t)(mod - s));
	if (at && (at == s || caps_words(s, at)) && subject_alone(at, mod))
		return true;
	return rec_lead;
}

/* Weaker: a verb of obligation anywhere (inside a keyword section). */
static bool obliging(const char *t)
{
	size_t ml;
	static const char *const verbs[] = {
	    "ensure",    "improve",  "review",    "develop", "make sure",
	    "establish", "consider", "introduce", NULL};

	if (find_modal(t, strlen(t), &ml))
		return true;
	for (size_t i = 0; verbs[i]; i++)
		if (starts_ci(t, verbs[i]))
			return true;
	return false;
}

static bool ends_colon(const char *t)
{
	size_t n = strlen(t);

	while (n && sp(t[n - 1]))
		n--;
	return n && t[n - 1] == ':';
}

/* A block of one or two lines that reads as a heading. */
static bool heading_like(const block *b)
{
	const char *t = b->text;
	size_t n = strlen(t), words = 1, ml;

	/* a long heading may wrap onto a second line */
	if (b->n_lines > 2 || n == 0 || n > 120 || b->m.cls == M_BULLET)
		return false;
	if (strchr(".,;:", t[n - 1]) && !(n > 2 && t[n - 1] == '*'))
		return false;
	if (!isupper((unsigned char)t[0]) && !isdigit((unsigned char)t[0]) &&
	    t[0] != '*' && !((unsigned char)t[0] & 0x80))
		return false;
	for (size_t i = 0; i < n; i++)
		words += t[i] == ' ';
	if (words > 16 || find_modal(t, n, &ml) || strstr(t, "[on]") ||
	    strstr(t, "[comment]"))
		return false;
	return true;
}

/* ---- the public register's history markup ------------------------------- */

/* "18th November 2014", "18 November 2014", "2014-11-18". */
static ov_day history_date(const char *s, size_t n)
{
	char *t = trim_dup(s, n), *p = t;
	int d = 0, m, y = 0;
	ov_day out = OV_DAY_NONE;

	if (ov_date_parse(t, &out) == 0)
		goto done;
	while (isdigit((unsigned char)*p) && d < 100)
		d = d * 10 + (*p++ - '0');
	while (isalpha((unsigned char)*p))
		p++; /* st, nd, rd, th */
	while (*p == ' ')
		p++;
	const char *mn = p;

	while (isalpha((unsigned char)*p))
		p++;
	m = ov_month_from_name(mn, (size_t)(p - mn));
	while (*p == ' ' || *p == ',')
		p++;
	for (int k = 0; k < 4 && isdigit((unsigned char)*p); k++)
		y = y * 10 + (*p++ - '0');
	while (*p == ' ')
		p++;
	if (m && !*p && y >= OV_YEAR_MIN && y <= OV_YEAR_MAX &&
	    ov_date_valid_ymd(y, m, d))
		out = ov_date_from_ymd(y, m, d);
done:
	free(t);
	return out;
}

static const char *find_ci(const char *s, const char *end, const char *p)
{
	size_t n = strlen(p);

	for (; s + n <= end; s++)
		if (strncasecmp(s, p, n) == 0)
			return s;
	return NULL;
}

static void add_event(ov_xitem *it, ov_xevent ev)
{
	it->events =
	    ov_xrealloc(it->events, (it->n_events + 1) * sizeof *it->events);
	it->events[it->n_events++] = ev;
}

/* Read "[on]DATE [status]S[/status][/on]" and "[comment]T[/comment]"
 * entries of s into it's history; unreadable entries are doubts. */
static void read_history(ov_xitem *it, const char *s)
{
	const char *end = s + strlen(s);
	ov_day last = OV_DAY_NONE;

	for (const char *p = s; p < end;) {
		const char *on = find_ci(p, end, "[on]");
		const char *cm = find_ci(p, end, "[comment]");

		if (!on && !cm)
			break;
		if (on && (!cm || on < cm)) {
			const char *close = find_ci(on, end, "[/on]");
			const char *st =
			    find_ci(on, close ? close : end, "[status]");
			const char *dend = st ? st : (close ? close : end);
			ov_day day =
			    history_date(on + 4, (size_t)(dend - on - 4));
			ov_xevent ev = {OV_XEV_STATUS, day, NULL, NULL};

			if (day == OV_DAY_NONE) {
				char *q =
				    trim_dup(on + 4, (size_t)(dend - on - 4));

				doubt(it,
				      ov_xasprintf("history entry dated '%.*s'"
				                   " is not a date; left out",
				                   (int)ov_utf8_prefix(
				                       q, 40, &(bool){0}),
				                   q));
				free(q);
			} else {
				last = day;
			}
			if (st) {
				const char *se = find_ci(st, end, "[/status]");
				const char *ve =
				    se ? se : (close ? close : end);
				char *v =
				    trim_dup(st + 8, (size_t)(ve - st - 8));

				for (char *c = v; *c; c++)
					*c = (char)tolower((unsigned char)*c);
				ev.status = v;
			}
			if (day != OV_DAY_NONE && ev.status)
				add_event(it, ev);
			else
				free(ev.status);
			p = close ? close + 5 : end;
		} else {
			const char *close = find_ci(cm, end, "[/comment]");
			char *t = trim_dup(
			    cm + 9, (size_t)((close ? close : end) - cm - 9));

			if (!*t) {
				free(t);
			} else {
				if (last == OV_DAY_NONE)
					doubt(it,
					      ov_xstrdup("a history comment "
					                 "comes before "
					                 "any dated entry"));
				add_event(it, (ov_xevent){OV_XEV_COMMENT, last,
				                          NULL, t});
			}
			p = close ? close + 10 : end;
		}
	}
}

static bool has_history(const char *t)
{
	const char *end = t + strlen(t);

	return find_ci(t, end, "[on]") || find_ci(t, end, "[comment]");
}

/* ---- findings-style sections ------------------------------------------- */

static const char *const response_leads[] = {
    "to address this",
    "in response",
    "the force has",
    "the force is",
    "the force's response",
    "force response",
    "response:",
    "our response",
    "force policy",
    "we have",
    "west midlands police has",
    NULL,
};

static bool response_lead(const char *s)
{
	for (size_t i = 0; response_leads[i]; i++)
		if (starts_ci(s, response_leads[i]))
			return true;
	return false;
}

/* The paragraphs under a heading in a listed section, as one finding and
 * the force's response. */
static void flush_section(parser *p)
{
	size_t n = p->n_sect, k = 0;
	ov_buf f = OV_BUF_INIT, r = OV_BUF_INIT;
	const char *split = NULL;
	bool by_position = false;

	if (!n || p->sect_has_item || !p->listed || !p->findings_ok) {
		p->n_sect = 0;
		p->sect_has_item = false;
		return;
	}
	for (k = 1; k < n && !response_lead(p->sect[k]->text); k++)
		;
	if (k == n) {
		/* a sentence inside the paragraphs that starts the response */
		for (size_t i = 0; i < n && !split; i++) {
			for (const char *q = strstr(p->sect[i]->text, ". ");
			     q && !split; q = strstr(q + 1, ". "))
				if (response_lead(q + 2))
					split = q + 2, k = i;
		}
		if (!split && n >= 2)
			k = 1, by_position = true;
	}
	for (size_t i = 0; i < n; i++) {
		const char *t = p->sect[i]->text;
		ov_buf *into = i < k || (i == k && split) ? &f : &r;

		if (i == k && split) {
			ov_buf_add(&f, t, (size_t)(split - t - 1));
			ov_buf_puts(&r, split);
			continue;
		}
		if (into->len)
			ov_buf_puts(into, "\n\n");
		ov_buf_puts(into, t);
	}
	ov_xitem *it = new_item(p, p->listed_kind, p->sect[0]);

	it->finding = ov_buf_detach(&f);
	it->response = r.len ? ov_buf_detach(&r) : NULL;
	ov_buf_release(&r);
	if (!it->response)
		doubt(it, ov_xstrdup("no force response found"));
	if (by_position)
		doubt(it, ov_xstrdup("finding and response told apart by "
		                     "paragraph only"));
	doubt(it, ov_xstrdup("addressee not stated; taken as this force"));
	p->n_sect = 0;
	p->sect_has_item = false;
}

static bool all_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!sp(s[i]) && s[i] != '\f')
			return false;
	return true;
}

/* ---- the state machine ------------------------------------------------- */

static void set_area(parser *p, const char *t)
{
	ov_buf b = OV_BUF_INIT;

	plain(t, &b);
	free(p->area);
	p->area = ov_buf_detach(&b);
}

/* A report's title, and its short name: the part before the first ':'. */
static void set_title(ov_xreport *r, const char *title)
{
	ov_buf b = OV_BUF_INIT;

	plain(title, &b);
	free(r->title);
	free(r->short_name);
	r->title = ov_buf_detach(&b);
	const char *c = strchr(r->title, ':');

	r->short_name = c && c > r->title
	                    ? trim_dup(r->title, (size_t)(c - r->title))
	                    : NULL;
}

static void new_report(parser *p, const char *title)
{
	ov_xdoc *doc = p->doc;
	ov_xreport *cur = &doc->reports[p->report];
	bool used = cur->title != NULL;

	for (size_t i = 0; i < doc->n_items && !used; i++)
		used = doc->items[i].report == p->report;
	if (used) {
		doc->reports = ov_xrealloc(
		    doc->reports, (doc->n_reports + 1) * sizeof *doc->reports);
		p->report = doc->n_reports++;
		cur = &doc->reports[p->report];
		memset(cur, 0, sizeof *cur);
		cur->published = OV_PDATE_NONE;
	}
	set_title(cur, title);
}

/* "published 24 October 2017", "published in October 2017", "published
 * 2017" in t: the report's publication, at the precision given. */
static void find_published(ov_xreport *r, const char *t)
{
	const char *q = find_word(t, "published");

	if (!q || r->published.prec != OV_PREC_NONE)
		return;
	q += 9;
	for (int w = 0; w < 6 && *q; w++) {
		while (*q == ' ')
			q++;
		const char *e = q;
		int d = 0, m, y = 0;

		while (*e && *e != ' ' && *e != '.' && *e != ',')
			e++;
		if (e - q == 4 && isdigit((unsigned char)*q)) {
			y = atoi(q);
			if (y >= OV_YEAR_MIN && y <= OV_YEAR_MAX)
				r->published = (ov_pdate){
				    ov_date_from_ymd(y, 1, 1), OV_PREC_YEAR};
			return;
		}
		if ((m = ov_month_from_name(q, (size_t)(e - q)))) {
			const char *yq = e;

			while (*yq == ' ')
				yq++;
			y = atoi(yq);
			if (y < OV_YEAR_MIN || y > OV_YEAR_MAX)
				return;
			/* a day before the month? */
			const char *dq = q;

			while (dq > t && dq[-1] == ' ')
				dq--;
			while (dq > t && isalnum((unsigned char)dq[-1]))
				dq--;
			d = atoi(dq);
			if (d >= 1 && ov_date_valid_ymd(y, m, d))
				r->published = (ov_pdate){
				    ov_date_from_ymd(y, m, d), OV_PREC_DAY};
			else
				r->published = (ov_pdate){
				    ov_date_from_ymd(y, m, 1), OV_PREC_MONTH};
			return;
		}
		q = *e ? e + 1 : e;
	}
}

static bool lead_in(const char *t)
{
	if (!ends_colon(t) || strlen(t) > 300)
		return false;
	return find_word(t, "recommendations") ||
	       find_word(t, "recommendation") ||
	       find_word(t, "areas for improvement") ||
	       find_word(t, "causes of concern");
}

/* The first heading is the report's title, not an area, when it reads as
 * one: "Title: subtitle", six words or more, or naming the inspection. */
static bool title_like(const char *t)
{
	size_t words = 1;

	for (const char *q = t; *q; q++)
		words += *q == ' ';
	return strchr(t, ':') || words >= 6 || find_word(t, "PEEL") ||
	       find_word(t, "inspection") || find_word(t, "report");
}

/* Headings of a document's structure, under which items stand in no
 * area: "Summary", "Introduction", "Published 1 May 2019"... */
static bool structural(const char *t)
{
	static const char *const h[] = {
	    "summary",
	    "executive summary",
	    "introduction",
	    "background",
	    "conclusion",
	    "conclusions",
	    "contents",
	    "foreword",
	    "methodology",
	    "about this inspection",
	    "about this report",
	    "annex",
	    "appendix",
	    "next steps",
	    "key findings",
	    "overview",
	    NULL,
	};
	ov_buf b = OV_BUF_INIT;
	bool r = false;

	plain(t, &b);
	for (size_t i = 0; h[i] && !r; i++)
		r = !strcasecmp(ov_buf_str(&b), h[i]);
	r |= starts_ci(ov_buf_str(&b), "published ") ||
	     starts_ci(ov_buf_str(&b), "annex ") ||
	     starts_ci(ov_buf_str(&b), "appendix ");
	ov_buf_release(&b);
	return r;
}

static void on_heading(parser *p, const block *b)
{
	char *num = NULL;
	enum mode m = keyword_of(b->text, &num, NULL);

	flush_section(p);
	p->parent = 0;
	if (m != MODE_NONE) {
		p->mode = m;
		p->listed = false;
		free(p->pending_num);
		p->pending_num = num;
		if (m == MODE_CAUSE) {
			p->cause = 0;
			p->cause_open = true;
		} else if (m == MODE_AFI) {
			p->cause = 0;
		}
		return;
	}
	free(num);
	free(p->pending_num);
	p->pending_num = NULL;
	find_published(&p->doc->reports[p->report], b->text);
	if (!p->doc->first_heading) {
		p->doc->first_heading = ov_xstrdup(b->text);
		if (title_like(b->text) && !p->doc->n_items) {
			p->heading = b->text;
			if (!p->doc->reports[p->report].title)
				set_title(&p->doc->reports[p->report], b->text);
			return;
		}
	}
	if (structural(b->text)) {
		free(p->area);
		p->area = NULL;
	} else {
		set_area(p, b->text);
	}
	p->heading = b->text;
	p->heading_about_report = false;
	if (!p->listed)
		p->mode = MODE_NONE;
	p->cause = 0;
	p->cause_open = false;
}

static enum ov_rec_kind mode_kind(enum mode m)
{
	return m == MODE_AFI     ? OV_RK_AFI
	       : m == MODE_CAUSE ? OV_RK_CAUSE
	                         : OV_RK_REC;
}

/* An item from text t (the block's own, or what follows an inline
 * keyword), of kind k. */
static ov_xitem *item_from(parser *p, const block *b, const char *t,
                           enum ov_rec_kind k)
{
	const char *end = t + strlen(t);
	const char *a = find_ci(t, end, "[on]"),
	           *c = find_ci(t, end, "[comment]");
	const char *h = a && (!c || a < c) ? a : c;
	char *text = trim_dup(t, h ? (size_t)(h - t) : strlen(t));

	if (!*text) {
		/* only history: it belongs to the item before */
		free(text);
		if (h && p->doc->n_items)
			read_history(&p->doc->items[p->doc->n_items - 1], h);
		return NULL;
	}
	ov_xitem *it = new_item(p, k, b);
	size_t idx = (size_t)(it - p->doc->items);

	it->text = text;
	if (h)
		read_history(it, h);
	if (k == OV_RK_CAUSE) {
		p->cause = idx + 1;
		p->cause_open = false;
		analyse(it, it->text, true);
	} else {
		analyse(it, it->text, true);
		if (k == OV_RK_REC && p->cause)
			it->cause = p->cause;
	}
	if (ends_colon(it->text)) {
		p->parent = idx + 1;
		p->parent_cls = b->m.cls;
		p->bullet_cls = M_NONE;
	} else {
		p->parent = 0;
	}
	return it;
}

static void on_block(parser *p, const block *b)
{
	const char *t = b->text, *rest = NULL;
	char *num = NULL;
	enum mode km;
	ov_xitem *par = p->parent ? &p->doc->items[p->parent - 1] : NULL;

	find_published(&p->doc->reports[p->report], t);
	/* history markup on a line of its own belongs to the last item */
	if ((starts_ci(t, "[on]") || starts_ci(t, "[comment]")) &&
	    p->doc->n_items) {
		read_history(&p->doc->items[p->doc->n_items - 1], t);
		return;
	}
	/* a bullet of the item before */
	if (par && b->m.cls != M_NONE && b->m.cls != p->parent_cls &&
	    (p->bullet_cls == M_NONE || p->bullet_cls == b->m.cls)) {
		p->bullet_cls = b->m.cls;
		add_str(&par->bullets, &par->n_bullets, ov_xstrdup(t));
		return;
	}
	p->parent = 0;
	if (lead_in(t)) {
		/* what stood before it introduces the items */
		p->n_sect = 0;
		p->sect_has_item = false;
		if (p->heading &&
		    (strchr(p->heading, ':') || p->heading_about_report) &&
		    p->mode == MODE_NONE)
			new_report(p, p->heading);
		if (p->heading && strchr(p->heading, ':')) {
			free(p->area);
			p->area = NULL;
		}
		p->listed = true;
		p->findings_ok =
		    find_word(t, "progress") || find_word(t, "response") ||
		    find_word(t, "responses") || find_word(t, "update") ||
		    find_word(t, "updates");
		p->listed_kind = find_word(t, "areas for improvement") &&
		                         !find_word(t, "recommendations")
		                     ? OV_RK_AFI
		                     : OV_RK_REC;
		p->n_sect = 0;
		return;
	}
	km = keyword_of(t, &num, &rest);
	if (km != MODE_NONE && rest && *rest) {
		free(p->pending_num);
		p->pending_num = num;
		if (km == MODE_CAUSE)
			p->cause = 0;
		item_from(p, b, rest, mode_kind(km));
		return;
	}
	free(num);
	if (p->mode == MODE_CAUSE && p->cause_open) {
		item_from(p, b, t, OV_RK_CAUSE);
		return;
	}
	if (strong_rec(t) ||
	    (p->mode != MODE_NONE && p->mode != MODE_CAUSE && obliging(t) &&
	     (b->m.cls != M_NONE || find_modal(t, strlen(t), &(size_t){0})))) {
		enum ov_rec_kind k =
		    p->mode == MODE_AFI ? OV_RK_AFI : OV_RK_REC;

		item_from(p, b, t, k);
		return;
	}
	if (has_history(t) && p->doc->n_items) {
		read_history(&p->doc->items[p->doc->n_items - 1], t);
		return;
	}
	/* narrative: kept for a findings-style section */
	if (find_word(t, "report") || find_word(t, "inspection"))
		p->heading_about_report = true;
	OV_GROW(p->sect, p->cap_sect, p->n_sect + 1);
	p->sect[p->n_sect++] = b;
}

/* ---- finishing ----------------------------------------------------------- */

static void finish(ov_xdoc *doc)
{
	for (size_t i = 0; i < doc->n_items; i++) {
		ov_xitem *it = &doc->items[i];
		bool answered = false;

		if (!it->area)
			doubt(it, ov_xstrdup("no area heading found"));
		if (!it->timescale && it->kind == OV_RK_REC)
			doubt(it, ov_xstrdup("no timescale found"));
		if (it->timescale && !it->timescale_known)
			doubt(it, ov_xasprintf("timescale '%s' is not one the "
			                       "register's rules know: no due "
			                       "date",
			                       it->timescale));
		if (it->text && ends_colon(it->text) && !it->n_bullets)
			doubt(it, ov_xstrdup("the text ends with ':' but no "
			                     "bullet points follow"));
		if (it->kind != OV_RK_CAUSE)
			continue;
		for (size_t j = 0; j < doc->n_items; j++)
			answered |= doc->items[j].cause == i + 1;
		if (!answered)
			doubt(it, ov_xstrdup("no recommendation found that "
			                     "answers it"));
	}
}

int ov_extract_parse(const char *name, const char *buf, size_t len,
                     ov_xdoc **out, ov_diag *d)
{
	lines l = {0};
	blocks bl = {0};
	parser p = {0};

	*out = NULL;
	if (len > OV_EXTRACT_MAX_BYTES) {
		ov_diag_at(d, OV_PROB_INPUT, name, "larger than %zu MiB",
		           OV_EXTRACT_MAX_BYTES >> 20);
		return -1;
	}
	if (!ov_utf8_valid(buf, len)) {
		ov_diag_at(d, OV_PROB_INPUT, name,
		           memchr(buf, '\0', len) ? "not text (it holds NUL "
		                                    "bytes)"
		                                  : "not UTF-8 text");
		return -1;
	}
	if (all_space(buf, len)) {
		ov_diag_at(d, OV_PROB_INPUT, name, "empty: there is no text");
		return -1;
	}
	read_lines(buf, len, &l);
	make_blocks(&l, &bl);
	p.doc = ov_xcalloc(1, sizeof *p.doc);
	p.doc->reports = ov_xcalloc(1, sizeof *p.doc->reports);
	p.doc->n_reports = 1;
	p.doc->reports[0].published = OV_PDATE_NONE;
	for (size_t i = 0; i < bl.n; i++) {
		const block *b = &bl.v[i];
		char *num = NULL;
		bool kw = keyword_of(b->text, &num, NULL) != MODE_NONE &&
		          b->n_lines == 1 && strlen(b->text) < 60;

		free(num);
		if (contents_line(b->text))
			continue;
		if (kw ||
		    (heading_like(b) && !(p.parent && b->m.cls != M_NONE)))
			on_heading(&p, b);
		else
			on_block(&p, b);
	}
	flush_section(&p);
	finish(p.doc);
	*out = p.doc;
	free(p.area);
	free(p.pending_num);
	free(p.sect);
	blocks_release(&bl);
	lines_release(&l);
	return 0;
}

void ov_extract_doc_free(ov_xdoc *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->n_items; i++) {
		ov_xitem *it = &doc->items[i];

		free(it->number);
		free(it->area);
		free(it->timescale);
		free(it->text);
		for (size_t k = 0; k < it->n_bullets; k++)
			free(it->bullets[k]);
		free(it->bullets);
		free(it->finding);
		free(it->response);
		for (size_t k = 0; k < it->n_events; k++) {
			free(it->events[k].status);
			free(it->events[k].text);
		}
		free(it->events);
		for (size_t k = 0; k < it->n_doubts; k++)
			free(it->doubts[k]);
		free(it->doubts);
	}
	free(doc->items);
	for (size_t i = 0; i < doc->n_reports; i++) {
		free(doc->reports[i].title);
		free(doc->reports[i].short_name);
	}
	free(doc->reports);
	free(doc->first_heading);
	free(doc);
}
