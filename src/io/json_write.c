/*
 * Writing "oversight/1" documents canonically, straight to the FILE (no
 * tree in memory): keys in the order of the tables in json_shape.c, two
 * spaces of indent, UTF-8 kept as it is, only '"', '\\' and control
 * characters escaped, absent fields left out, a final newline.
 */
#include "io/json.h"

#include <errno.h>
#include <string.h>

#include "io/json_shape.h"
#include "util/buf.h"
#include "util/utf8.h"

typedef struct writer {
	FILE *f;
	ov_diag *d;
	ov_buf path; /* JSON path of the value being written, for messages */
	int failed;  /* a message is already in d */
} writer;

static void put(writer *w, const char *s, size_t n)
{
	if (n && fwrite(s, 1, n, w->f) != n)
		w->failed = w->failed ? w->failed : -1;
}

static void put_cstr(writer *w, const char *s)
{
	put(w, s, strlen(s));
}

static void indent(writer *w, int level)
{
	static const char spaces[] = "                                ";

	for (int n = 2 * level; n > 0; n -= (int)sizeof spaces - 1)
		put(w, spaces,
		    n < (int)sizeof spaces - 1 ? (size_t)n : sizeof spaces - 1);
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid
 * (util/utf8.h: what jansson accepts on reading).  A NUL inside a
 * sequence fails it before the bound of 4 matters. */
static size_t utf8_len(const unsigned char *s)
{
	return ov_utf8_len(s, s + 4, NULL);
}

static void fail(writer *w, const char *what)
{
	if (w->failed)
		return; /* one message is enough */
	ov_diag_at(w->d, OV_PROB_RUNTIME, ov_buf_str(&w->path), "%s", what);
	w->failed = 1;
}

/* A JSON string literal; runs of plain bytes go out in one fwrite.
 * upper: the \\u escapes of other control characters in upper case. */
static void put_string_case(writer *w, const char *s, bool upper)
{
	const unsigned char *p = (const unsigned char *)s, *run = p;

	put(w, "\"", 1);
	while (*p) {
		const char *esc = NULL;
		char hex[8];
		size_t n = 1;

		switch (*p) {
		case '"':
			esc = "\\\"";
			break;
		case '\\':
			esc = "\\\\";
			break;
		case '\n':
			esc = "\\n";
			break;
		case '\t':
			esc = "\\t";
			break;
		case '\r':
			esc = "\\r";
			break;
		case '\b':
			esc = "\\b";
			break;
		case '\f':
			esc = "\\f";
			break;
		default:
			if (*p < 0x20) {
				snprintf(hex, sizeof hex,
				         upper ? "\\u%04X" : "\\u%04x", *p);
				esc = hex;
			} else if ((n = utf8_len(p)) == 0) {
				fail(w, "not valid UTF-8");
				n = 1;
			}
		}
		if (esc) {
			put(w, (const char *)run, (size_t)(p - run));
			put_cstr(w, esc);
			run = p + 1;
		}
		p += n;
	}
	put(w, (const char *)run, (size_t)(p - run));
	put(w, "\"", 1);
}

static void put_string(writer *w, const char *s)
{
	put_string_case(w, s, false);
}

bool ov_json_utf8_valid(const char *s)
{
	return ov_utf8_valid_str(s);
}

/* jansson writes the escapes of control characters in upper case. */
int ov_json_put_string(FILE *f, const char *s)
{
	writer w = {f, NULL, OV_BUF_INIT, 0};

	if (!ov_json_utf8_valid(s))
		return -1;
	put_string_case(&w, s, true);
	return 0;
}

static void put_int(writer *w, int i)
{
	if (fprintf(w->f, "%d", i) < 0)
		w->failed = w->failed ? w->failed : -1;
}

/* Whether the member holds a value (absent fields are not written). */
static bool present(const ov_field *f, const char *base)
{
	const void *m = base + f->off;

	switch (f->type) {
	case OV_F_STR:
		return *(char *const *)m != NULL;
	case OV_F_DATE:
		return *(const ov_day *)m != OV_DAY_NONE;
	case OV_F_PDATE:
		return ((const ov_pdate *)m)->prec != OV_PREC_NONE;
	case OV_F_INT:
		return !f->has_none || *(const int *)m != f->none;
	case OV_F_BOOL:
		return *(const bool *)m;
	case OV_F_ENUM:
		return f->required || f->en->code(m)[0] != '\0';
	case OV_F_STRV:
	case OV_F_OBJV:
		return *(const size_t *)(base + f->count_off) > 0;
	}
	return false;
}

static void write_object(writer *w, const ov_shape *sh, const void *elem,
                         int level);

static void write_array(writer *w, const ov_shape *sh, const void *arr,
                        size_t n, int level)
{
	const char *base = arr;
	size_t mark;

	if (n == 0) {
		put_cstr(w, "[]");
		return;
	}
	put_cstr(w, "[\n");
	for (size_t i = 0; i < n; i++) {
		mark = w->path.len;
		ov_buf_printf(&w->path, "[%zu]", i);
		indent(w, level + 1);
		if (sh)
			write_object(w, sh, base + i * sh->size, level + 1);
		else
			put_string(w, ((char *const *)arr)[i]
			                  ? ((char *const *)arr)[i]
			                  : "");
		put_cstr(w, i + 1 < n ? ",\n" : "\n");
		w->path.len = mark;
		w->path.data[mark] = '\0';
	}
	indent(w, level);
	put_cstr(w, "]");
}

static void write_value(writer *w, const ov_field *f, const char *base,
                        int level)
{
	const void *m = base + f->off;
	char date[11];

	switch (f->type) {
	case OV_F_STR:
		put_string(w, *(char *const *)m);
		break;
	case OV_F_DATE:
		ov_date_format(*(const ov_day *)m, date);
		put_string(w, date);
		break;
	case OV_F_PDATE:
		ov_pdate_format(*(const ov_pdate *)m, date);
		put_string(w, date);
		break;
	case OV_F_INT:
		put_int(w, *(const int *)m);
		break;
	case OV_F_BOOL:
		put_cstr(w, "true");
		break;
	case OV_F_ENUM:
		if (f->en->code(m)[0] == '\0')
			fail(w, "not a valid value");
		put_string(w, f->en->code(m));
		break;
	case OV_F_STRV:
		write_array(w, NULL, *(char **const *)m,
		            *(const size_t *)(base + f->count_off), level);
		break;
	case OV_F_OBJV:
		write_array(w, f->sub, *(void *const *)m,
		            *(const size_t *)(base + f->count_off), level);
		break;
	}
}

static void write_object(writer *w, const ov_shape *sh, const void *elem,
                         int level)
{
	const char *base = elem;
	bool first = true;

	put_cstr(w, "{");
	for (size_t i = 0; i < sh->n_fields; i++) {
		const ov_field *f = &sh->fields[i];
		size_t mark = w->path.len;

		if (!present(f, base))
			continue;
		ov_buf_printf(&w->path, ".%s", f->key);
		put_cstr(w, first ? "\n" : ",\n");
		first = false;
		indent(w, level + 1);
		put_string(w, f->key);
		put_cstr(w, ": ");
		write_value(w, f, base, level + 1);
		w->path.len = mark;
		w->path.data[mark] = '\0';
	}
	if (!first) {
		put_cstr(w, "\n");
		indent(w, level);
	}
	put_cstr(w, "}");
}

int ov_json_write(const ov_dataset *ds, FILE *f, ov_diag *d)
{
	writer w = {f, d, OV_BUF_INIT, 0};

	ov_buf_puts(&w.path, "$");
	put_cstr(&w, "{\n  \"format\": \"" OV_JSON_FORMAT "\"");
	for (size_t i = 0; i < ov_n_entities && !w.failed; i++) {
		const ov_entity *t = &ov_entities[i];
		size_t mark = w.path.len;

		if (t->optional && ov_entity_count(t, ds) == 0)
			continue;
		ov_buf_printf(&w.path, ".%s", t->key);
		put_cstr(&w, ",\n  ");
		put_string(&w, t->key);
		put_cstr(&w, ": ");
		write_array(&w, t->shape, ov_entity_array(t, ds),
		            ov_entity_count(t, ds), 1);
		w.path.len = mark;
		w.path.data[mark] = '\0';
	}
	put_cstr(&w, "\n}\n");
	if (w.failed == 0 && (fflush(f) != 0 || ferror(f)))
		w.failed = -1;
	if (w.failed < 0)
		ov_diag_add(d, "cannot write the JSON document: %s",
		            strerror(errno ? errno : EIO));
	ov_buf_release(&w.path);
	return w.failed ? -1 : 0;
}

int ov_json_write_entity(const ov_shape *sh, const void *elem, FILE *f,
                         ov_diag *d)
{
	writer w = {f, d, OV_BUF_INIT, 0};

	ov_buf_puts(&w.path, "$");
	write_object(&w, sh, elem, 0);
	if (w.failed == 0 && (fflush(f) != 0 || ferror(f)))
		w.failed = -1;
	if (w.failed < 0)
		ov_diag_add(d, "cannot write the JSON object: %s",
		            strerror(errno ? errno : EIO));
	ov_buf_release(&w.path);
	return w.failed ? -1 : 0;
}
