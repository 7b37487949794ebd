/*
 * The reader's fast path (src/io/json_fast.c) called directly, against the
 * jansson path (ov_json_read_slow).  Usage: test-io-json-fast DIR EXAMPLES,
 * where DIR is tests/io (good.json, minimal.json, bad/) and EXAMPLES the
 * examples directory.
 *
 * A well-formed canonical document must be taken (true) and give the
 * dataset jansson gives, field by field; a document it does not expect
 * must be declined (false), and the reader as a whole must then still
 * refuse what jansson refuses, with jansson's message.  Well-shaped
 * documents whose meaning is wrong are the fast path's to take and
 * validation's to refuse.
 */
#include <stdlib.h>
#include <string.h>

#include "core/validate.h"
#include "fixture/fixture.h"
#include "io/json.h"
#include "io/json_shape.h"
#include "tap.h"
#include "util/file.h"
#include "util/mem.h"

static const char *dir, *examples;

/* A valid document whose force name is the JSON text `name`. */
static char *doc_with_name(const char *name)
{
	return ov_xasprintf("{\"format\": \"oversight/1\", \"forces\": "
			    "[{\"code\": \"WMP\", \"name\": %s}]}\n",
			    name);
}

/* A valid document whose assessment year is the JSON text `year`. */
static char *doc_with_year(const char *year)
{
	return ov_xasprintf(
		"{\"format\":\"oversight/1\",\"forces\":[{\"code\":\"WMP\","
		"\"name\":\"W\"}],\"assessments\":[{\"id\":\"a1\",\"force\":"
		"\"WMP\",\"year\":%s,\"date\":\"2018-11-01\",\"label\":\"L\","
		"\"scale\":\"peel-2014\",\"questions\":[{\"key\":\"q1\","
		"\"number\":1,\"text\":\"T\",\"grade\":\"good\"}]}]}",
		year);
}

static char *slurp(const char *path, size_t *len)
{
	ov_diag d = OV_DIAG_INIT;
	char *data = NULL;

	if (ov_file_read_all(path, OV_JSON_MAX_BYTES, &data, len, &d) < 0)
		ov_diag_print(&d, stdout, "# ");
	ov_diag_release(&d);
	return data;
}

/* The fast path on text: whether it took it; *out the dataset it filled,
 * sorted as the reader sorts it (NULL when it declined). */
static bool fast(const char *text, size_t len, ov_dataset **out)
{
	ov_dataset *ds = ov_dataset_new();
	bool ok = ov_json_fast_read(text, len, ds);

	if (ok)
		ov_dataset_sort(ds);
	else
		ov_dataset_free(ds), ds = NULL;
	*out = ds;
	return ok;
}

/* The fast path takes text and gives what jansson gives; the fast dataset
 * is returned (caller frees) for further checks. */
static ov_dataset *agrees(const char *text, size_t len, const char *what)
{
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *f = NULL, *s = NULL;
	char name[200];

	snprintf(name, sizeof name, "%s: the fast path takes it", what);
	tap_ok(fast(text, len, &f), name);
	snprintf(name, sizeof name, "%s: ... jansson reads it too", what);
	if (!tap_is_int(ov_json_read_slow("t.json", text, len, &s, &d), 0,
			name))
		ov_diag_print(&d, stdout, "# ");
	snprintf(name, sizeof name, "%s: ... and both give the same dataset",
		 what);
	tap_is_int(f && s ? fx_diff(f, s) : -1, 0, name);
	ov_dataset_free(s);
	ov_diag_release(&d);
	return f;
}

/* ---- documents it must take ---- */

static void test_files(void)
{
	static const char *const names[] = {"good.json", "minimal.json"};
	size_t len = 0;
	char *path, *text;

	for (size_t i = 0; i < 2; i++) {
		path = ov_xasprintf("%s/%s", dir, names[i]);
		text = slurp(path, &len);
		ov_dataset_free(agrees(text ? text : "", len, names[i]));
		free(text);
		free(path);
	}
	path = ov_xasprintf("%s/wmp-2018-09.json", examples);
	text = slurp(path, &len);
	ov_dataset_free(agrees(text ? text : "", len, "examples/wmp-2018-09"));
	free(text);
	free(path);
}

static char *write_mem(const ov_dataset *ds, size_t *len)
{
	ov_diag d = OV_DIAG_INIT;
	char *text = NULL;
	FILE *f = open_memstream(&text, len);

	if (ov_json_write(ds, f, &d) < 0)
		ov_diag_print(&d, stdout, "# ");
	fclose(f);
	ov_diag_release(&d);
	return text;
}

/* Each shared dataset written by ov_json_write: taken, equal to jansson's
 * reading and to the dataset written. */
static void test_fixtures(void)
{
	static const struct {
		const char *name;
		ov_dataset *(*make)(void);
	} fixtures[] = {
		{"fx_small", fx_small},
		{"fx_register", fx_register},
		{"fx_paper", fx_paper},
	};
	ov_dataset *random = fx_random(7, 60);
	size_t len = 0;

	for (size_t i = 0; i < sizeof fixtures / sizeof fixtures[0] + 1; i++) {
		bool is_random = i == sizeof fixtures / sizeof fixtures[0];
		ov_dataset *ds = is_random ? random : fixtures[i].make();
		const char *what = is_random ? "fx_random" : fixtures[i].name;
		char *text = write_mem(ds, &len), name[100];
		ov_dataset *f = agrees(text ? text : "", len, what);

		snprintf(name, sizeof name, "%s: ... which is the one written",
			 what);
		tap_is_int(f ? fx_diff(f, ds) : -1, 0, name);
		ov_dataset_free(f);
		ov_dataset_free(ds);
		free(text);
	}
}

/* The fast path decodes the string `name` as jansson does, to want. */
static void decodes(const char *name, const char *want, const char *what)
{
	char *text = doc_with_name(name);
	ov_dataset *f = agrees(text, strlen(text), what);

	tap_is_str(f && f->n_forces == 1 ? f->forces[0].name : NULL, want,
		   what);
	ov_dataset_free(f);
	free(text);
}

static void test_decoding(void)
{
	char *text;

	decodes("\"plain\"", "plain", "a plain string");
	decodes("\"a\\\"b\\\\c\\/d\\n\\t\\b\\f\\r\"", "a\"b\\c/d\n\t\b\f\r",
		"the short escapes");
	decodes("\"caf\\u00e9 \\u20ac\"", "caf\xc3\xa9 \xe2\x82\xac",
		"\\u escapes to UTF-8");
	decodes("\"\\u0041\\u001f\"", "A\x1f", "\\u escapes to ASCII");
	decodes("\"\\ud83d\\ude00\"", "\xf0\x9f\x98\x80",
		"a surrogate pair to one character");
	decodes("\"\\uD83D\\uDE00\"", "\xf0\x9f\x98\x80",
		"upper-case hex digits");
	decodes("\"caf\xc3\xa9 \xf0\x9f\x98\x80\"",
		"caf\xc3\xa9 \xf0\x9f\x98\x80", "UTF-8 as it stands");
	decodes(" \"x\"\r\n\t", "x", "white space around a value");

	text = ov_xstrdup("{\"forces\": [{\"name\": \"W\", \"c\\u006fde\": "
			  "\"WMP\"}], \"format\": \"oversight/1\"}");
	ov_dataset_free(agrees(text, strlen(text),
			       "keys out of order, one escaped"));
	free(text);
	text = ov_xstrdup("{\"format\": \"oversight/1\", \"forces\": []}");
	ov_dataset_free(agrees(text, strlen(text), "an empty table"));
	free(text);
}

/* ---- documents it must decline ---- */

/* The fast path declines text (the caller frees it). */
static void declines(const char *text, const char *what)
{
	ov_dataset *f = NULL;
	char name[200];

	snprintf(name, sizeof name, "%s: the fast path declines it", what);
	tap_ok(!fast(text, strlen(text), &f), name);
	ov_dataset_free(f);
}

/* Declined, and the reader as a whole fails with msg first, exactly. */
static void refused(char *text, const char *msg, const char *what)
{
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *ds = NULL;

	declines(text, what);
	ov_json_read_buf("t.json", text, strlen(text), &ds, &d);
	tap_ok(ds == NULL, what);
	tap_is_str(d.n ? d.msg[0] : "", msg, what);
	ov_dataset_free(ds);
	ov_diag_release(&d);
	free(text);
}

static void test_refusals(void)
{
	refused(doc_with_name("\"\\ud83d\""),
		"t.json:1:69: invalid Unicode '\\uD83D' near '\"\\ud83d\"'",
		"a lone high surrogate");
	refused(doc_with_name("\"\\ude00\""),
		"t.json:1:69: invalid Unicode '\\uDE00' near '\"\\ude00\"'",
		"a lone low surrogate");
	refused(doc_with_name("\"\\u0000\""),
		"t.json:1:69: \\u0000 is not allowed without JSON_ALLOW_NUL "
		"near '\"\\u0000\"'",
		"an escaped NUL");
	refused(doc_with_name("\"\\q\""),
		"t.json:1:64: invalid escape near '\"\\q'",
		"an unknown escape");
	refused(doc_with_name("\"\xc0\xaf\""),
		"t.json:1:62: unable to decode byte 0xc0 near '\"'",
		"overlong UTF-8");
	refused(doc_with_name("\"\xed\xa0\x80\""),
		"t.json:1:62: unable to decode byte 0xed near '\"'",
		"a UTF-8 surrogate");
	refused(doc_with_name("\"\xf4\x90\x80\x80\""),
		"t.json:1:62: unable to decode byte 0xf4 near '\"'",
		"UTF-8 beyond U+10FFFF");
	refused(doc_with_name("\"a\x01\""),
		"t.json:1:63: control character 0x1 near '\"a'",
		"a raw control character");
	refused(doc_with_name("\"x\", \"name\": \"y\""),
		"t.json:1:72: duplicate object key near '\"name\"'",
		"a duplicate key");
	refused(doc_with_name("\"x\"} ]} x"),
		"t.json:1:70: end of file expected near 'x'",
		"text after the document");
	refused(doc_with_year("02018"),
		"t.json:1:109: invalid token near '0'",
		"a leading zero");
	refused(doc_with_year("2018.0"),
		"t.json: $.assessments[0].year: expected an integer from 1900 "
		"to 2199, got a number with a fraction",
		"a fraction");
	refused(doc_with_year("2e3"),
		"t.json: $.assessments[0].year: expected an integer from 1900 "
		"to 2199, got a number with a fraction",
		"an exponent");
	refused(doc_with_year("2018E0"),
		"t.json: $.assessments[0].year: expected an integer from 1900 "
		"to 2199, got a number with a fraction",
		"an exponent with a capital E");
	refused(doc_with_year("99999999999999999999"),
		"t.json:1:128: too big integer near '99999999999999999999'",
		"a huge integer");
	refused(doc_with_year("-2018"),
		"t.json: $.assessments[0].year: expected an integer from 1900 "
		"to 2199, got -2018",
		"a negative year");
	refused(doc_with_name("null"),
		"t.json: $.forces[0].name: expected a string, got null",
		"null for a string");
	refused(ov_xstrdup("{\"forces\": []}"),
		"t.json: $.format: missing; expected \"oversight/1\"",
		"no format");
}

/* Valid documents it does not take: declined, and jansson reads them. */
static void test_declined_valid(void)
{
	static const char neg0[] =
		"{\"format\": \"oversight/1\", \"reports\": [{\"id\": \"r1\", "
		"\"title\": \"T\", \"kind\": \"thematic\", \"style\": "
		"\"recommendations\", \"published\": \"2017\", "
		"\"forces_in_scope\": -0}]}";
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *s = NULL;

	declines(neg0, "a count written -0");
	tap_ok(ov_json_read_slow("t.json", neg0, strlen(neg0), &s, &d) == 0 &&
		       s->reports[0].forces_in_scope == 0,
	       "a count written -0: ... jansson reads it as 0");
	ov_diag_print(&d, stdout, "# ");
	ov_dataset_free(s);
	ov_diag_release(&d);
}

/* Each bad/ file: declined for its shape, or (well-shaped, wrong in
 * meaning) taken and then refused by validation. */
static const struct bad {
	const char *file;
	bool taken;
} bads[] = {
	{"closed-no-basis.json", true},
	{"closed-no-date.json", true},
	{"duplicate-id.json", true},
	{"duplicate-key.json", false},
	{"impossible-date.json", false},
	{"many-problems.json", false},
	{"missing-kind.json", false},
	{"not-json.json", false},
	{"null-for-string.json", false},
	{"number-for-string.json", false},
	{"object-for-array.json", false},
	{"partial-date-malformed.json", false},
	{"string-for-number.json", false},
	{"truncated.json", false},
	{"unknown-enum.json", false},
	{"unknown-grade.json", false},
	{"unknown-key.json", false},
	{"unknown-person.json", true},
	{"unknown-report.json", true},
	{"unknown-top-key.json", false},
	{"wrong-format.json", false},
	{"year-out-of-range.json", false},
};
#define N_BADS (sizeof bads / sizeof bads[0])

static void test_bad(const struct bad *b)
{
	char *path = ov_xasprintf("%s/bad/%s", dir, b->file), *text;
	char name[200];
	size_t len = 0;
	ov_dataset *f = NULL;
	ov_diag d = OV_DIAG_INIT;
	bool took;

	text = slurp(path, &len);
	took = text && fast(text, len, &f);
	if (!b->taken) {
		snprintf(name, sizeof name, "bad/%s: the fast path declines it",
			 b->file);
		tap_ok(text && !took, name);
	} else {
		snprintf(name, sizeof name,
			 "bad/%s: well-shaped, the fast path takes it",
			 b->file);
		tap_ok(took, name);
		snprintf(name, sizeof name,
			 "bad/%s: ... and validation refuses what it yields",
			 b->file);
		tap_ok(f && ov_validate_dataset(f, &d) > 0, name);
	}
	ov_dataset_free(f);
	ov_diag_release(&d);
	free(text);
	free(path);
}

static void test_every_bad_listed(void)
{
	char *path = ov_xasprintf("%s/bad", dir);

	tap_is_int(fx_unlisted(path, &bads[0].file, N_BADS, sizeof bads[0]),
		   0, "every bad/ file has an expectation");
	free(path);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s DIR EXAMPLES\n", argv[0]);
		return 2;
	}
	dir = argv[1];
	examples = argv[2];
	test_files();
	test_fixtures();
	test_decoding();
	test_refusals();
	test_declined_valid();
	for (size_t i = 0; i < N_BADS; i++)
		test_bad(&bads[i]);
	test_every_bad_listed();
	return tap_done();
}
