/*
 * The fast path for reading "oversight/1": one pass over the text that
 * fills the dataset straight from the bytes, without building a jansson
 * tree.  It knows only well-formed documents of the expected shape: at the
 * first thing it does not expect (a syntax error, an unknown or duplicate
 * key, a wrong type, a bad date or enum code, an integer out of range, a
 * \u escape it does not decode, a real number...) it gives up, and the
 * caller reads the document again through jansson (json_read.c), which
 * reports every problem with its path.  So a document this path accepts is
 * one the jansson path accepts too, and both give the same dataset.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "io/json.h"
#include "io/json_shape.h"
#include "util/buf.h"
#include "util/mem.h"
#include "util/utf8.h"

struct level;

typedef struct scan {
	const char *p, *end;
	ov_buf tmp; /* the decoded string, when it had escapes or needs a NUL */
	struct level *level; /* scratch for arrays, one per depth */
	size_t depth, n_levels;
} scan;

static void ws(scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' ||
	                         *s->p == '\r' || *s->p == '\t'))
		s->p++;
}

/* Skips white space and then ch if it is next. */
static bool lit(scan *s, char ch)
{
	ws(s);
	if (s->p < s->end && *s->p == ch) {
		s->p++;
		return true;
	}
	return false;
}

static bool word(scan *s, const char *w, size_t n)
{
	if ((size_t)(s->end - s->p) < n || memcmp(s->p, w, n) != 0)
		return false;
	s->p += n;
	return true;
}

/* Length of the valid UTF-8 sequence at p (first byte >= 0x80), or 0 for
 * what jansson rejects (util/utf8.h). */
static size_t utf8_len(const unsigned char *p, const unsigned char *end)
{
	return ov_utf8_len(p, end, NULL);
}

static int hex4(const char *p)
{
	int v = 0;

	for (int i = 0; i < 4; i++) {
		char c = p[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

/* One \uXXXX (a surrogate pair: two) at p, after the backslash, appended
 * as UTF-8; returns the bytes used or 0 for what it does not decode. */
static size_t unescape_u(const char *p, const char *end, ov_buf *b)
{
	int cp, lo;
	char u[4];
	size_t n;

	if (end - p < 5 || (cp = hex4(p + 1)) <= 0)
		return 0;
	if (cp >= 0xDC00 && cp <= 0xDFFF)
		return 0;
	if (cp >= 0xD800 && cp <= 0xDBFF) {
		if (end - p < 11 || p[5] != '\\' || p[6] != 'u' ||
		    (lo = hex4(p + 7)) < 0xDC00 || lo > 0xDFFF)
			return 0;
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
		n = 11;
	} else {
		n = 5;
	}
	if (cp < 0x80) {
		u[0] = (char)cp;
		ov_buf_add(b, u, 1);
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		ov_buf_add(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		ov_buf_add(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		ov_buf_add(b, u, 4);
	}
	return n;
}

static char simple_escape(char c)
{
	switch (c) {
	case '"':
	case '\\':
	case '/':
		return c;
	case 'b':
		return '\b';
	case 'f':
		return '\f';
	case 'n':
		return '\n';
	case 'r':
		return '\r';
	case 't':
		return '\t';
	}
	return 0;
}

/* Decodes the escaped string body [p, end) into s->tmp. */
static bool unescape(scan *s, const char *p, const char *end)
{
	ov_buf_reset(&s->tmp);
	while (p < end) {
		const char *bs = memchr(p, '\\', (size_t)(end - p));
		size_t used;
		char c;

		if (!bs) {
			ov_buf_add(&s->tmp, p, (size_t)(end - p));
			break;
		}
		ov_buf_add(&s->tmp, p, (size_t)(bs - p));
		if (bs[1] == 'u') {
			if (!(used = unescape_u(bs + 1, end, &s->tmp)))
				return false;
			p = bs + 1 + used;
		} else if ((c = simple_escape(bs[1])) != 0) {
			ov_buf_putc(&s->tmp, c);
			p = bs + 2;
		} else {
			return false;
		}
	}
	return true;
}

/* A string value: *v points at its bytes (in the text, or in s->tmp when it
 * had escapes or nul is set, then NUL-terminated), *n its length. */
static bool string(scan *s, bool nul, const char **v, size_t *n)
{
	const unsigned char *p, *end = (const unsigned char *)s->end;
	const char *start;
	bool esc = false;

	if (!lit(s, '"'))
		return false;
	start = s->p;
	for (p = (const unsigned char *)start; p < end && *p != '"';) {
		size_t k = 1;

		if (*p == '\\')
			esc = true, k = 2;
		else if (*p < 0x20)
			return false;
		else if (*p >= 0x80 && !(k = utf8_len(p, end)))
			return false;
		p += k;
	}
	if (p >= end)
		return false;
	s->p = (const char *)p + 1;
	if (esc) {
		if (!unescape(s, start, (const char *)p))
			return false;
	} else if (nul) {
		ov_buf_reset(&s->tmp);
		ov_buf_add(&s->tmp, start, (size_t)((const char *)p - start));
	} else {
		*v = start;
		*n = (size_t)((const char *)p - start);
		return true;
	}
	*v = ov_buf_str(&s->tmp);
	*n = s->tmp.len;
	/* jansson refuses \u0000 without JSON_ALLOW_NUL. */
	return memchr(*v, '\0', *n) == NULL;
}

static bool string_dup(scan *s, char **out)
{
	const char *v;
	size_t n;

	if (!string(s, false, &v, &n))
		return false;
	*out = ov_xmalloc(n + 1);
	memcpy(*out, v, n);
	(*out)[n] = '\0';
	return true;
}

/* A non-negative integer as jansson reads one; at most 9 digits, which
 * covers every range in the shapes. */
static bool integer(scan *s, int *out)
{
	int v = 0, digits = 0;

	ws(s);
	if (s->p < s->end && *s->p == '0' && s->end - s->p > 1 &&
	    s->p[1] >= '0' && s->p[1] <= '9')
		return false;
	while (s->p < s->end && *s->p >= '0' && *s->p <= '9') {
		if (++digits > 9)
			return false;
		v = v * 10 + (*s->p++ - '0');
	}
	if (digits == 0 ||
	    (s->p < s->end && (*s->p == '.' || *s->p == 'e' || *s->p == 'E')))
		return false;
	*out = v;
	return true;
}

static bool boolean(scan *s, bool *out)
{
	ws(s);
	if (word(s, "true", 4))
		*out = true;
	else if (word(s, "false", 5))
		*out = false;
	else
		return false;
	return true;
}

static bool object(scan *s, const ov_shape *sh, char *elem);

/* Scratch for the elements of one array being read. */
typedef struct level {
	char *data;
	size_t len, cap;
} level;

/* Reads one element into e (zeroed), for array(). */
typedef bool (*read_elem)(scan *s, const ov_shape *sh, char *e);

static bool obj_elem(scan *s, const ov_shape *sh, char *e)
{
	ov_shape_init(sh, e);
	return object(s, sh, e);
}

static bool str_elem(scan *s, const ov_shape *sh, char *e)
{
	(void)sh;
	return string_dup(s, (char **)(void *)e);
}

/* The elements of an array into s->level[d], each counted before it is
 * filled so that a partly filled one is handed over too. */
static bool elements(scan *s, size_t d, size_t sz, read_elem rd,
                     const ov_shape *sh)
{
	if (!lit(s, '['))
		return false;
	if (lit(s, ']'))
		return true;
	do {
		level *l = &s->level[d];
		char *e;

		ov_grow((void **)&l->data, 1, &l->cap, l->len + sz);
		e = l->data + l->len;
		l->len += sz;
		memset(e, 0, sz);
		if (!rd(s, sh, e))
			return false;
	} while (lit(s, ','));
	return lit(s, ']');
}

/* An array of n elements of sz bytes into *arr.  The elements collect in
 * a scratch buffer for the depth (reused from one array to the next) and
 * move to one allocation of the exact size at the end, also when reading
 * stops halfway, so that the dataset owns whatever was filled. */
static bool array(scan *s, size_t sz, read_elem rd, const ov_shape *sh,
                  void **arr, size_t *n)
{
	size_t d = s->depth;
	level *l;
	bool ok;

	if (d == s->n_levels) {
		s->level = ov_xrealloc(s->level, (d + 1) * sizeof *s->level);
		s->level[d] = (level){NULL, 0, 0};
		s->n_levels++;
	}
	s->level[d].len = 0;
	s->depth++;
	ok = elements(s, d, sz, rd, sh);
	s->depth--;
	l = &s->level[d];
	*n = l->len / sz;
	if (*n && d == 0) {
		/* A top-level table is read once: hand the buffer over. */
		*arr = ov_xrealloc(l->data, l->len);
		*l = (level){NULL, 0, 0};
	} else if (*n) {
		*arr = ov_xmalloc(l->len);
		memcpy(*arr, l->data, l->len);
	}
	return ok;
}

static bool strv(scan *s, char ***arr, size_t *n)
{
	return array(s, sizeof **arr, str_elem, NULL, (void **)arr, n);
}

static bool objv(scan *s, const ov_shape *sh, void **arr, size_t *n)
{
	return array(s, sh->size, obj_elem, sh, arr, n);
}

static bool date(scan *s, const ov_field *f, void *m)
{
	const char *v;
	size_t n;
	ov_pdate p;

	if (!string(s, true, &v, &n))
		return false;
	if (f->type == OV_F_DATE)
		return ov_date_parse(v, (ov_day *)m) == 0;
	if (ov_pdate_parse(v, &p) < 0)
		return false;
	*(ov_pdate *)m = p;
	return true;
}

static bool field(scan *s, const ov_field *f, char *base)
{
	void *m = base + f->off;
	const char *v;
	size_t n;
	int i;

	switch (f->type) {
	case OV_F_STR:
		return string_dup(s, (char **)m);
	case OV_F_DATE:
	case OV_F_PDATE:
		return date(s, f, m);
	case OV_F_INT:
		if (!integer(s, &i) || i < f->min || i > f->max)
			return false;
		*(int *)m = i;
		return true;
	case OV_F_BOOL:
		return boolean(s, (bool *)m);
	case OV_F_ENUM:
		return string(s, true, &v, &n) && f->en->set(m, v) == 0;
	case OV_F_STRV:
		return strv(s, (char ***)m, (size_t *)(base + f->count_off));
	case OV_F_OBJV:
		return objv(s, f->sub, (void **)m,
		            (size_t *)(base + f->count_off));
	}
	return false;
}

/* The key at s as an index into sh's fields, or -1.  Documents usually
 * give keys in the canonical order, so the search starts at *hint. */
static int key(scan *s, const ov_shape *sh, size_t *hint)
{
	const char *v;
	size_t n;

	if (!string(s, false, &v, &n) || !lit(s, ':'))
		return -1;
	for (size_t k = 0; k < sh->n_fields; k++) {
		size_t i = (*hint + k) % sh->n_fields;
		const char *fk = sh->fields[i].key;

		if (strncmp(fk, v, n) == 0 && fk[n] == '\0') {
			*hint = i + 1;
			return (int)i;
		}
	}
	return -1;
}

static bool object(scan *s, const ov_shape *sh, char *elem)
{
	uint32_t seen = 0;
	size_t hint = 0;

	if (!lit(s, '{'))
		return false;
	if (!lit(s, '}')) {
		do {
			int i = key(s, sh, &hint);

			if (i < 0 || (seen & UINT32_C(1) << i) ||
			    !field(s, &sh->fields[i], elem))
				return false;
			seen |= UINT32_C(1) << i;
		} while (lit(s, ','));
		if (!lit(s, '}'))
			return false;
	}
	for (size_t i = 0; i < sh->n_fields; i++)
		if (sh->fields[i].required && !(seen & UINT32_C(1) << i))
			return false;
	return true;
}

static bool table(scan *s, const ov_entity *t, ov_dataset *ds)
{
	return objv(s, t->shape, (void **)((char *)ds + t->off),
	            (size_t *)((char *)ds + t->count_off));
}

/* One top-level member; *seen has a bit per table and one for "format". */
static bool member(scan *s, ov_dataset *ds, uint32_t *seen)
{
	const char *v;
	size_t n;

	if (!string(s, false, &v, &n) || !lit(s, ':'))
		return false;
	if (n == 6 && memcmp(v, "format", 6) == 0) {
		size_t fl = strlen(OV_JSON_FORMAT);

		if (*seen & 1 || !string(s, false, &v, &n) || n != fl ||
		    memcmp(v, OV_JSON_FORMAT, fl) != 0)
			return false;
		*seen |= 1;
		return true;
	}
	for (size_t i = 0; i < ov_n_entities; i++) {
		const ov_entity *t = &ov_entities[i];
		uint32_t bit = UINT32_C(2) << i;

		if (strncmp(t->key, v, n) != 0 || t->key[n] != '\0')
			continue;
		if (*seen & bit)
			return false;
		*seen |= bit;
		return table(s, t, ds);
	}
	return false;
}

bool ov_json_fast_read(const char *buf, size_t len, ov_dataset *ds)
{
	scan s = {buf, buf + len, OV_BUF_INIT, NULL, 0, 0};
	uint32_t seen = 0;
	bool ok = false;

	if (!lit(&s, '{'))
		goto out;
	if (!lit(&s, '}')) {
		do {
			if (!member(&s, ds, &seen))
				goto out;
		} while (lit(&s, ','));
		if (!lit(&s, '}'))
			goto out;
	}
	ws(&s);
	ok = (seen & 1) && s.p == s.end;
out:
	ov_buf_release(&s.tmp);
	for (size_t i = 0; i < s.n_levels; i++)
		free(s.level[i].data);
	free(s.level);
	return ok;
}
