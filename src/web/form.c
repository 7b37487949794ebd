/* Query strings and urlencoded forms: decoded, checked, bounded. */
#include <stdlib.h>
#include <string.h>

#include "util/date.h"
#include "util/mem.h"
#include "util/utf8.h"
#include "web/http.h"

bool ov_web_utf8_ok(const char *s, size_t n)
{
	return ov_utf8_valid(s, n);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode s[0..n) (with plus, '+' is a space) into a fresh string, or
 * NULL on a broken escape. */
static char *decode_as(const char *s, size_t n, bool plus, size_t *out_len)
{
	char *o = ov_xmalloc(n + 1);
	size_t j = 0;

	for (size_t i = 0; i < n; i++) {
		if (plus && s[i] == '+') {
			o[j++] = ' ';
		} else if (s[i] == '%') {
			int h, l;

			h = i + 2 < n ? hexval(s[i + 1]) : -1;
			l = i + 2 < n ? hexval(s[i + 2]) : -1;
			if (h < 0 || l < 0) {
				free(o);
				return NULL;
			}
			o[j++] = (char)(h * 16 + l);
			i += 2;
		} else {
			o[j++] = s[i];
		}
	}
	o[j] = '\0';
	*out_len = j;
	return o;
}

static char *decode(const char *s, size_t n, size_t *out_len)
{
	return decode_as(s, n, true, out_len);
}

int ov_web_unescape(const char *s, size_t n, char **out)
{
	size_t len = 0;

	*out = decode_as(s, n, false, &len);
	if (*out && ov_web_utf8_ok(*out, len))
		return 0;
	free(*out);
	*out = NULL;
	return -1;
}

void ov_web_urlenc(ov_buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p)) {
			ov_buf_putc(b, (char)*p);
		} else {
			ov_buf_putc(b, '%');
			ov_buf_putc(b, hex[*p >> 4]);
			ov_buf_putc(b, hex[*p & 15]);
		}
	}
}

/* One name=value; a problem names the field when its name decodes. */
static int add_pair(ov_kvs *out, const char *s, size_t n, ov_diag *d)
{
	const char *eq = memchr(s, '=', n);
	size_t nl = eq ? (size_t)(eq - s) : n, vl = 0, dl = 0;
	char *name = decode(s, nl, &dl), *value;

	if (!name || !ov_web_utf8_ok(name, dl) || dl == 0) {
		free(name);
		ov_diag_at(d, OV_PROB_INPUT, "form",
		           "a field name is not valid URL-encoded UTF-8");
		return -1;
	}
	value = decode(eq ? eq + 1 : "", eq ? n - nl - 1 : 0, &vl);
	if (!value || !ov_web_utf8_ok(value, vl)) {
		ov_diag_at(d, OV_PROB_INPUT, name,
		           "is not valid URL-encoded UTF-8 text");
		free(name);
		free(value);
		return -1;
	}
	if (vl > OV_WEB_MAX_FIELD) {
		ov_diag_at(d, OV_PROB_INPUT, name, "is longer than %d bytes",
		           OV_WEB_MAX_FIELD);
		free(name);
		free(value);
		return -1;
	}
	out->v = ov_xrealloc(out->v, (out->n + 1) * sizeof *out->v);
	out->v[out->n].name = name;
	out->v[out->n].value = value;
	out->n++;
	return 0;
}

int ov_kvs_parse(const char *s, size_t len, ov_kvs *out, ov_diag *d)
{
	size_t i = 0;

	out->v = NULL;
	out->n = 0;
	while (i < len) {
		const char *amp = memchr(s + i, '&', len - i);
		size_t n = amp ? (size_t)(amp - (s + i)) : len - i;

		if (n > 0) {
			if (out->n == OV_WEB_MAX_FIELDS) {
				ov_diag_at(d, OV_PROB_INPUT, "form",
				           "more than %d fields",
				           OV_WEB_MAX_FIELDS);
				goto fail;
			}
			if (add_pair(out, s + i, n, d) < 0)
				goto fail;
		}
		i += n + 1;
	}
	return 0;
fail:
	ov_kvs_release(out);
	return -1;
}

const char *ov_kvs_get(const ov_kvs *k, const char *name)
{
	for (size_t i = 0; i < k->n; i++)
		if (strcmp(k->v[i].name, name) == 0)
			return k->v[i].value;
	return NULL;
}

void ov_kvs_release(ov_kvs *k)
{
	if (!k)
		return;
	for (size_t i = 0; i < k->n; i++) {
		free(k->v[i].name);
		free(k->v[i].value);
	}
	free(k->v);
	k->v = NULL;
	k->n = 0;
}

const char *ov_web_query(const ov_web_req *q, const char *name)
{
	const char *v = ov_kvs_get(&q->query, name);

	return v && *v ? v : NULL;
}

int ov_web_query_day(const ov_web_req *q, enum ov_web_face face,
                     const char *name, ov_day dflt, ov_day *out, ov_diag *d)
{
	const char *v = ov_web_query(q, name);

	*out = dflt;
	if (!v || ov_date_parse(v, out) == 0)
		return 0;
	if (face == OV_WEB_API)
		ov_diag_at(d, OV_PROB_INPUT, name,
		           "'%s' is not a valid date (expected YYYY-MM-DD)", v);
	else
		ov_diag_at(d, OV_PROB_INPUT, name,
		           "Enter the %s date as YYYY-MM-DD, a real date",
		           name);
	return -1;
}

int ov_web_scope_force(const ov_web_req *q, const char **out, ov_diag *d)
{
	return ov_app_scope_force(q->sess ? &q->sess->who : NULL,
	                          ov_web_query(q, "force"), out, d);
}
