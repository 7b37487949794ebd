/*
 * Reading "oversight/1" documents.  json_fast.c first tries to fill the
 * dataset straight from the text; it takes only well-formed documents of
 * the expected shape.  Anything else is read here: jansson parses the
 * text, then one walk checks the shape against the tables in json_shape.c
 * and fills a dataset in document order.  Either way core/validate.c then
 * checks the meaning.  Every problem is reported, each a bad-input
 * problem at "FILE: $.path" saying what was expected.
 */
#include "io/json.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/validate.h"
#include "io/json_shape.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/mem.h"

/* Longest excerpt of a bad value quoted back in a message, in bytes. */
#define QUOTE_MAX 60

typedef struct reader {
	const char *name; /* the file, for messages */
	ov_diag *d;
	ov_buf path; /* JSON path of the value being read */
	size_t problems;
} reader;

static void problem(reader *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A bad-input problem at "FILE: $.path". */
static void problem(reader *r, const char *fmt, ...)
{
	char *where = ov_xasprintf("%s: %s", r->name, ov_buf_str(&r->path));
	va_list ap;

	va_start(ap, fmt);
	ov_diag_vat(r->d, OV_PROB_INPUT, where, fmt, ap);
	va_end(ap);
	free(where);
	r->problems++;
}

/* Appends s as a JSON string literal, cut at QUOTE_MAX bytes (on a UTF-8
 * boundary) so that one huge value cannot flood the messages. */
static void quote(ov_buf *b, const char *s)
{
	size_t n = strlen(s), cut = n;

	if (cut > QUOTE_MAX) {
		cut = QUOTE_MAX;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
	}
	ov_buf_putc(b, '"');
	for (size_t i = 0; i < cut; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			ov_buf_printf(b, "\\%c", c);
		else if (c < 0x20)
			ov_buf_printf(b, "\\u%04x", c);
		else
			ov_buf_putc(b, (char)c);
	}
	ov_buf_putc(b, '"');
	if (cut < n)
		ov_buf_puts(b, "...");
}

/* Marks returned by the push functions restore the path when popped. */
static size_t push_key(reader *r, const char *key)
{
	size_t mark = r->path.len;
	bool plain = (key[0] >= 'a' && key[0] <= 'z') ||
	             (key[0] >= 'A' && key[0] <= 'Z') || key[0] == '_';

	for (const char *p = key; plain && *p; p++)
		plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		        (*p >= '0' && *p <= '9') || *p == '_';
	if (plain) {
		ov_buf_putc(&r->path, '.');
		ov_buf_puts(&r->path, key);
	} else {
		ov_buf_putc(&r->path, '[');
		quote(&r->path, key);
		ov_buf_putc(&r->path, ']');
	}
	return mark;
}

static size_t push_index(reader *r, size_t i)
{
	size_t mark = r->path.len;

	ov_buf_printf(&r->path, "[%zu]", i);
	return mark;
}

static void pop(reader *r, size_t mark)
{
	r->path.len = mark;
	r->path.data[mark] = '\0';
}

static const char *type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
		return "an integer";
	case JSON_REAL:
		return "a number with a fraction";
	case JSON_TRUE:
		return "true";
	case JSON_FALSE:
		return "false";
	case JSON_NULL:
		return "null";
	}
	return "something else";
}

/* "expected WANT, got WHAT" where WHAT quotes a string value. */
static void expected(reader *r, const char *want, const json_t *v)
{
	ov_buf got = OV_BUF_INIT;

	if (json_is_string(v))
		quote(&got, json_string_value(v));
	else
		ov_buf_puts(&got, type_name(v));
	problem(r, "expected %s, got %s", want, ov_buf_str(&got));
	ov_buf_release(&got);
}

/* The words used for what a field holds. */
static char *describe(const ov_field *f)
{
	switch (f->type) {
	case OV_F_STR:
		return ov_xstrdup("a string");
	case OV_F_DATE:
		return ov_xstrdup("a real date YYYY-MM-DD");
	case OV_F_PDATE:
		return ov_xstrdup("a real date YYYY, YYYY-MM or YYYY-MM-DD");
	case OV_F_INT:
		return ov_xasprintf("an integer from %d to %d", f->min, f->max);
	case OV_F_BOOL:
		return ov_xstrdup("true or false");
	case OV_F_ENUM:
		return ov_xasprintf("one of %s", f->en->codes());
	case OV_F_STRV:
		return ov_xstrdup("an array of strings");
	case OV_F_OBJV:
		return ov_xasprintf("an array of objects (%s each)",
		                    f->sub->what);
	}
	return ov_xstrdup("?");
}

static void expected_field(reader *r, const ov_field *f, const json_t *v)
{
	char *want = describe(f);

	expected(r, want, v);
	free(want);
}

static char *string_dup(const json_t *v)
{
	return ov_xstrndup(json_string_value(v), json_string_length(v));
}

static void read_object(reader *r, const json_t *v, const ov_shape *sh,
                        void *elem);

static void read_strv(reader *r, const json_t *v, char ***arr, size_t *n)
{
	size_t i;
	json_t *e;

	*n = json_array_size(v);
	if (*n == 0)
		return;
	*arr = ov_xcalloc(*n, sizeof **arr);
	json_array_foreach(v, i, e)
	{
		size_t mark = push_index(r, i);

		if (json_is_string(e))
			(*arr)[i] = string_dup(e);
		else
			expected(r, "a string", e);
		pop(r, mark);
	}
}

static void read_objv(reader *r, const json_t *v, const ov_shape *sh,
                      void **arr, size_t *n)
{
	size_t i;
	json_t *e;
	char *base;

	*n = json_array_size(v);
	if (*n == 0)
		return;
	base = ov_xcalloc(*n, sh->size);
	*arr = base;
	json_array_foreach(v, i, e)
	{
		size_t mark = push_index(r, i);
		void *elem = base + i * sh->size;

		ov_shape_init(sh, elem);
		read_object(r, e, sh, elem);
		pop(r, mark);
	}
}

/* Whether v is of the JSON type a field of f's type is written as; the
 * readers below then check its value. */
static bool json_type_fits(const ov_field *f, const json_t *v)
{
	switch (f->type) {
	case OV_F_INT:
		return json_is_integer(v);
	case OV_F_BOOL:
		return json_is_boolean(v);
	case OV_F_STRV:
	case OV_F_OBJV:
		return json_is_array(v);
	case OV_F_STR:
	case OV_F_DATE:
	case OV_F_PDATE:
	case OV_F_ENUM:
		break;
	}
	return json_is_string(v);
}

/* v is a string. */
static void read_date(reader *r, const ov_field *f, const json_t *v, void *m)
{
	ov_pdate p;
	int rc;

	if (f->type == OV_F_DATE)
		rc = ov_date_parse(json_string_value(v), (ov_day *)m);
	else if ((rc = ov_pdate_parse(json_string_value(v), &p)) == 0)
		*(ov_pdate *)m = p;
	if (rc < 0)
		expected_field(r, f, v);
}

/* v is an integer. */
static void read_int(reader *r, const ov_field *f, const json_t *v, void *m)
{
	json_int_t i = json_integer_value(v);

	if (i < f->min || i > f->max) {
		char *want = describe(f);

		problem(r, "expected %s, got %" JSON_INTEGER_FORMAT, want, i);
		free(want);
		return;
	}
	*(int *)m = (int)i;
}

static void read_field(reader *r, const ov_field *f, const json_t *v,
                       char *base)
{
	void *m = base + f->off;

	if (!json_type_fits(f, v)) {
		expected_field(r, f, v);
		return;
	}
	switch (f->type) {
	case OV_F_STR:
		*(char **)m = string_dup(v);
		break;
	case OV_F_DATE:
	case OV_F_PDATE:
		read_date(r, f, v, m);
		break;
	case OV_F_INT:
		read_int(r, f, v, m);
		break;
	case OV_F_BOOL:
		*(bool *)m = json_is_true(v);
		break;
	case OV_F_ENUM:
		if (f->en->set(m, json_string_value(v)) < 0)
			expected_field(r, f, v);
		break;
	case OV_F_STRV:
		read_strv(r, v, (char ***)m, (size_t *)(base + f->count_off));
		break;
	case OV_F_OBJV:
		read_objv(r, v, f->sub, (void **)m,
		          (size_t *)(base + f->count_off));
		break;
	}
}

static void unknown_key(reader *r, const char *what, const char *keys)
{
	problem(r, "unknown key; %s has %s", what, keys);
}

static char *shape_keys(const ov_shape *sh)
{
	ov_buf b = OV_BUF_INIT;

	for (size_t i = 0; i < sh->n_fields; i++)
		ov_buf_printf(&b, "%s%s", i ? ", " : "", sh->fields[i].key);
	return ov_buf_detach(&b);
}

static void read_object(reader *r, const json_t *v, const ov_shape *sh,
                        void *elem)
{
	/* Which fields were given; the largest shape has 20. */
	uint32_t seen = 0;
	const char *key;
	json_t *val;

	if (!json_is_object(v)) {
		char *want = ov_xasprintf("an object (%s)", sh->what);

		expected(r, want, v);
		free(want);
		return;
	}
	json_object_foreach((json_t *)v, key, val)
	{
		const ov_field *f = ov_field_find(sh, key);
		size_t mark = push_key(r, key);

		if (f) {
			seen |= UINT32_C(1) << (f - sh->fields);
			read_field(r, f, val, elem);
		} else {
			char *keys = shape_keys(sh);

			unknown_key(r, sh->what, keys);
			free(keys);
		}
		pop(r, mark);
	}
	for (size_t i = 0; i < sh->n_fields; i++) {
		const ov_field *f = &sh->fields[i];

		if (f->required && !(seen & (UINT32_C(1) << i))) {
			size_t mark = push_key(r, f->key);
			char *want = describe(f);

			problem(r, "missing; expected %s", want);
			free(want);
			pop(r, mark);
		}
	}
}

/* One top-level array.  Each element's subtree is released as soon as it
 * has been copied, so the tree and the dataset are not both whole at once. */
static void read_table(reader *r, json_t *v, const ov_entity *t, ov_dataset *ds)
{
	const ov_shape *sh = t->shape;
	size_t n = json_array_size(v);
	char *base;

	if (!json_is_array(v)) {
		char *want =
		    ov_xasprintf("an array of objects (%s each)", sh->what);

		expected(r, want, v);
		free(want);
		return;
	}
	if (n == 0)
		return;
	base = ov_xcalloc(n, sh->size);
	*(void **)((char *)ds + t->off) = base;
	*(size_t *)((char *)ds + t->count_off) = n;
	for (size_t i = 0; i < n; i++) {
		size_t mark = push_index(r, i);
		void *elem = base + i * sh->size;

		ov_shape_init(sh, elem);
		read_object(r, json_array_get(v, i), sh, elem);
		json_array_set_new(v, i, json_null());
		pop(r, mark);
	}
}

static const ov_entity *find_table(const char *key)
{
	for (size_t i = 0; i < ov_n_entities; i++)
		if (strcmp(ov_entities[i].key, key) == 0)
			return &ov_entities[i];
	return NULL;
}

static void read_format(reader *r, const json_t *v)
{
	if (!json_is_string(v) ||
	    strcmp(json_string_value(v), OV_JSON_FORMAT) != 0)
		expected(r, "\"" OV_JSON_FORMAT "\"", v);
}

static void read_document(reader *r, json_t *root, ov_dataset *ds)
{
	bool have_format = false;
	const char *key;
	json_t *val;

	ov_buf_puts(&r->path, "$");
	if (!json_is_object(root)) {
		expected(r, "an object", root);
		return;
	}
	json_object_foreach(root, key, val)
	{
		size_t mark = push_key(r, key);
		const ov_entity *t = find_table(key);

		if (strcmp(key, "format") == 0) {
			have_format = true;
			read_format(r, val);
		} else if (t) {
			read_table(r, val, t, ds);
		} else {
			ov_buf keys = OV_BUF_INIT;

			ov_buf_puts(&keys, "format");
			for (size_t i = 0; i < ov_n_entities; i++)
				ov_buf_printf(&keys, ", %s",
				              ov_entities[i].key);
			unknown_key(r, "the document", ov_buf_str(&keys));
			ov_buf_release(&keys);
		}
		pop(r, mark);
	}
	if (!have_format) {
		size_t mark = push_key(r, "format");

		problem(r, "missing; expected \"" OV_JSON_FORMAT "\"");
		pop(r, mark);
	}
}

/* Semantic checks, run only on a well-shaped dataset: after a shape error
 * the missing value would be reported a second time as "required". */
static void validate(reader *r, const ov_dataset *ds)
{
	ov_diag v = OV_DIAG_INIT;
	size_t n = ov_validate_dataset(ds, &v);

	for (size_t i = 0; i < v.n; i++) {
		const ov_problem *p = &v.p[i];
		char *where =
		    p->where ? ov_xasprintf("%s: %s", r->name, p->where) : NULL;

		ov_diag_at(r->d, p->kind, where ? where : r->name, "%s",
		           p->what);
		free(where);
	}
	r->d->dropped += v.dropped;
	if (n == 0 && ov_diag_count(&v) > 0)
		n = ov_diag_count(&v);
	r->problems += n;
	ov_diag_release(&v);
}

static json_t *parse(const char *name, const char *buf, size_t len, ov_diag *d)
{
	json_error_t err;
	json_t *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &err);

	if (!root) {
		char *where =
		    ov_xasprintf("%s:%d:%d", name, err.line, err.column);

		ov_diag_at(d, OV_PROB_INPUT, where, "%s", err.text);
		free(where);
	}
	return root;
}

/* Checks and sorts a well-shaped dataset; consumes ds. */
static int finish(reader *r, ov_dataset *ds, ov_dataset **out)
{
	if (r->problems == 0)
		validate(r, ds);
	ov_buf_release(&r->path);
	if (r->problems > 0) {
		ov_dataset_free(ds);
		return -1;
	}
	ov_dataset_sort(ds);
	*out = ds;
	return 0;
}

/* The jansson path: parse, walk the shape (reporting every problem), then
 * validate.  own, when not NULL, is buf, freed once jansson has its tree. */
static int read_jansson(const char *name, const char *buf, size_t len,
                        char *own, ov_dataset **out, ov_diag *d)
{
	reader r = {name, d, OV_BUF_INIT, 0};
	json_t *root = parse(name, buf, len, d);
	ov_dataset *ds;

	free(own);
	if (!root)
		return -1;
	ds = ov_dataset_new();
	read_document(&r, root, ds);
	json_decref(root);
	return finish(&r, ds, out);
}

int ov_json_read_slow(const char *name, const char *buf, size_t len,
                      ov_dataset **out, ov_diag *d)
{
	*out = NULL;
	return read_jansson(name, buf, len, NULL, out, d);
}

/* The fast path first (json_fast.c); a document it does not take is read
 * again through jansson, which reports its problems. */
static int read_text(const char *name, const char *buf, size_t len, char *own,
                     ov_dataset **out, ov_diag *d)
{
	reader r = {name, d, OV_BUF_INIT, 0};
	ov_dataset *ds = ov_dataset_new();

	if (ov_json_fast_read(buf, len, ds)) {
		free(own);
		return finish(&r, ds, out);
	}
	ov_dataset_free(ds);
	return read_jansson(name, buf, len, own, out, d);
}

int ov_json_read_buf(const char *name, const char *buf, size_t len,
                     ov_dataset **out, ov_diag *d)
{
	*out = NULL;
	if (len > OV_JSON_MAX_BYTES) {
		ov_diag_at(d, OV_PROB_INPUT, name,
		           "larger than the %zu bytes allowed",
		           OV_JSON_MAX_BYTES);
		return -1;
	}
	return read_text(name, buf, len, NULL, out, d);
}

int ov_json_read_file(const char *path, ov_dataset **out, ov_diag *d)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	char *data;
	size_t len;

	*out = NULL;
	if (ov_file_read_text(path, OV_JSON_MAX_BYTES, &data, &len, d) < 0)
		return -1;
	return read_text(name, data, len, data, out, d);
}
