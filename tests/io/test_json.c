/*
 * The oversight/1 reader and writer.  Usage: test-io-json DIR FORMAT_MD,
 * where DIR holds good.json, minimal.json and the bad fixtures in bad/
 * (tests/io in the sources) and FORMAT_MD is docs/format.md.
 */
#include <stdlib.h>
#include <string.h>

#include "io/json.h"
#include <jansson.h>

#include "fixture/fixture.h"
#include "tap.h"
#include "util/file.h"
#include "util/mem.h"

static const char *dir, *format_md;

static char *path_of(const char *name)
{
	return ov_xasprintf("%s/%s", dir, name);
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

/* The canonical text of ds, or NULL (with the messages shown). */
static char *write_mem(const ov_dataset *ds, size_t *len)
{
	ov_diag d = OV_DIAG_INIT;
	char *text = NULL;
	FILE *f = open_memstream(&text, len);
	int rc = ov_json_write(ds, f, &d);

	fclose(f);
	if (rc < 0) {
		ov_diag_print(&d, stdout, "#");
		free(text);
		text = NULL;
	}
	ov_diag_release(&d);
	return text;
}

static void show(const ov_diag *d)
{
	for (size_t i = 0; i < d->n; i++)
		printf("#   %s\n", d->msg[i]);
}

/* Reading a canonical file and writing it again gives the same bytes. */
static void test_good_round_trip(void)
{
	char *path = path_of("good.json");
	size_t len = 0, out_len = 0;
	char *text = slurp(path, &len), *out = NULL;
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *ds = NULL;
	int rc = ov_json_read_file(path, &ds, &d);

	tap_is_int(rc, 0, "good.json reads");
	tap_is_int((long long)ov_diag_count(&d), 0, "good.json: no problems");
	show(&d);
	if (ds) {
		tap_is_int((long long)ds->n_recs, 2, "good.json: two recs");
		tap_is_str(ds->recs[1].events[5].basis,
			   "Evidence reviewed by the force liaison lead",
			   "good.json: closure basis read");
		tap_is_int(ds->reports[1].forces_in_scope, 43,
			   "good.json: forces_in_scope read");
		tap_is_int(ds->reports[0].forces_in_scope, -1,
			   "good.json: absent count is -1");
		tap_is_int(ds->assessments[0].questions[2].grade,
			   OV_GRADE_NONE, "good.json: absent grade is NONE");
		out = write_mem(ds, &out_len);
	}
	tap_ok(text && out && len == out_len && memcmp(text, out, len) == 0,
	       "good.json written back byte for byte");
	if (out && text && (len != out_len || memcmp(text, out, len) != 0))
		printf("# wrote:\n%s", out);
	free(out);
	free(text);
	free(path);
	ov_dataset_free(ds);
	ov_diag_release(&d);
}

/* The base of every bad fixture is valid, so each bad one fails for its own
 * change only. */
static void test_minimal_reads(void)
{
	char *path = path_of("minimal.json");
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *ds = NULL;

	tap_is_int(ov_json_read_file(path, &ds, &d), 0, "minimal.json reads");
	show(&d);
	tap_ok(ds && ds->n_recs == 1 && ds->recs[0].n_events == 2,
	       "minimal.json: one rec with two events");
	ov_dataset_free(ds);
	ov_diag_release(&d);
	free(path);
}

/* A dataset built in C with awkward strings: write, read, write again. */
static void test_dataset_round_trip(void)
{
	ov_dataset *ds = ov_dataset_new(), *back = NULL;
	ov_diag d = OV_DIAG_INIT;
	size_t n1 = 0, n2 = 0;
	char *t1, *t2 = NULL;
	ov_report *rep;
	ov_rec *r;

	fx_add_force(ds, "F1", "Tab\there \"quoted\" \\ back\x1f "
		     "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x9a\x93");
	ds->forces[0].prov.assumed = true;
	fx_add_report(ds, "r1", "Line one\nline two\r\n", "2019-03",
		      OV_STYLE_RECS);
	rep = &ds->reports[0];
	rep->kind = OV_REP_SPOTLIGHT;
	rep->forces_in_scope = 0;
	fx_add_rec(ds, "R-1", "r1", "F1", "Area", "Do it.", "2019-03-01");
	r = &ds->recs[0];
	r->kind = OV_RK_CAUSE;
	r->addressee = OV_AD_COLLEGE;

	t1 = write_mem(ds, &n1);
	tap_ok(t1 != NULL, "dataset written");
	if (t1 && tap_is_int(ov_json_read_buf("mem", t1, n1, &back, &d), 0,
			     "written dataset reads back"))
		t2 = write_mem(back, &n2);
	show(&d);
	tap_ok(t1 && t2 && n1 == n2 && memcmp(t1, t2, n1) == 0,
	       "write, read, write: same bytes");
	if (back) {
		tap_is_str(back->forces[0].name, ds->forces[0].name,
			   "escaped string read back unchanged");
		tap_is_str(back->reports[0].title, ds->reports[0].title,
			   "newlines read back unchanged");
		tap_is_int(back->reports[0].published.prec, OV_PREC_MONTH,
			   "partial date keeps its precision");
		tap_is_int(back->reports[0].forces_in_scope, 0,
			   "zero count kept (only -1 is absent)");
		tap_is_int(back->recs[0].kind, OV_RK_CAUSE, "enum read back");
	}
	tap_ok(t1 && strstr(t1, "\"assumed\": true") &&
		       strstr(t1, "\\u001f") && !strstr(t1, "\"note\"") &&
		       n1 > 0 && t1[n1 - 1] == '\n',
	       "escapes controls, omits absent fields, ends with a newline");
	free(t1);
	free(t2);
	ov_dataset_free(back);
	ov_dataset_free(ds);
	ov_diag_release(&d);
}

/* Each bad fixture and a piece of text one of its messages must hold. */
static const struct bad {
	const char *file;
	const char *want;
	size_t count; /* problems expected, 0: any */
} bads[] = {
	{"not-json.json", "not-json.json:1:6: '[' or '{' expected", 1},
	{"truncated.json", "truncated.json:34:2: string or '}' expected near end of file", 1},
	{"wrong-format.json",
	 "$.format: expected \"oversight/1\", got \"oversight/2\"", 1},
	{"string-for-number.json",
	 "$.assessments[0].year: expected an integer from 1900 to 2199, got "
	 "\"2018\"",
	 1},
	{"number-for-string.json",
	 "$.forces[0].name: expected a string, got an integer", 1},
	{"object-for-array.json",
	 "$.recommendations: expected an array of objects (a recommendation "
	 "each), got an object",
	 1},
	{"null-for-string.json",
	 "$.recommendations[0].subject: expected a string, got null", 1},
	{"year-out-of-range.json",
	 "$.assessments[0].year: expected an integer from 1900 to 2199, got "
	 "20018",
	 1},
	{"unknown-key.json",
	 "$.recommendations[0].subjct: unknown key; a recommendation has ref, "
	 "report, ",
	 1},
	{"unknown-top-key.json", "$.recomendations: unknown key", 1},
	{"duplicate-key.json", "duplicate-key.json:46:11: duplicate object key", 1},
	{"unknown-enum.json",
	 "$.recommendations[0].kind: expected one of cause-of-concern, "
	 "recommendation, afi, got \"suggestion\"",
	 1},
	{"unknown-grade.json",
	 "$.assessments[0].questions[0].grade: expected one of outstanding, ",
	 1},
	{"missing-kind.json", "$.recommendations[0].kind: missing; expected "
			      "one of cause-of-concern",
	 1},
	{"impossible-date.json",
	 "$.recommendations[0].timeline[1].date: expected a real date "
	 "YYYY-MM-DD, got \"2018-02-30\"",
	 1},
	{"partial-date-malformed.json",
	 "$.reports[0].published: expected a real date YYYY, YYYY-MM or "
	 "YYYY-MM-DD, got \"2017-13\"",
	 1},
	{"duplicate-id.json", "$.forces[1].code: ", 0},
	{"unknown-report.json", "$.recommendations[0].report: ", 0},
	{"unknown-person.json", "$.recommendations[0].sme: ", 0},
	{"closed-no-date.json", "$.recommendations[0].timeline[1].date: ", 0},
	{"closed-no-basis.json", "$.recommendations[0].timeline[1].basis: ",
	 0},
	{"many-problems.json", "$.recommendations[0].timeline[0].date: "
			       "expected a real date YYYY-MM-DD, got "
			       "\"24/10/2017\"",
	 3},
};

static void test_bad(const struct bad *b)
{
	char *path = ov_xasprintf("%s/bad/%s", dir, b->file);
	char *prefix = ov_xasprintf("%s:", path);
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *ds = (ov_dataset *)&d; /* must be reset to NULL */
	int rc = ov_json_read_file(path, &ds, &d), found = 0, prefixed = 1;
	char name[256];

	for (size_t i = 0; i < d.n; i++) {
		found |= strstr(d.msg[i], b->want) != NULL;
		prefixed &= strncmp(d.msg[i], prefix, strlen(prefix)) == 0;
	}
	snprintf(name, sizeof name, "%s: rejected, no dataset", b->file);
	tap_ok(rc == -1 && ds == NULL, name);
	snprintf(name, sizeof name, "%s: message names where and what",
		 b->file);
	if (!tap_ok(found && d.n > 0, name)) {
		printf("#  want: %s\n", b->want);
		show(&d);
	}
	snprintf(name, sizeof name, "%s: every message starts with the file",
		 b->file);
	tap_ok(prefixed, name);
	if (b->count) {
		snprintf(name, sizeof name, "%s: %zu problem(s) reported",
			 b->file, b->count);
		if (!tap_is_int((long long)ov_diag_count(&d),
				(long long)b->count, name))
			show(&d);
	}
	if (rc == 0)
		ov_dataset_free(ds);
	ov_diag_release(&d);
	free(prefix);
	free(path);
}

static void test_every_fixture_listed(void)
{
	char *bad_dir = path_of("bad");

	tap_is_int(fx_unlisted(bad_dir, &bads[0].file,
			       sizeof bads / sizeof bads[0], sizeof bads[0]),
		   0, "every bad/*.json fixture has an expectation");
	free(bad_dir);
}

static void test_read_errors(void)
{
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *ds = NULL;
	static const char bad_utf8[] = "{\"format\": \"oversight/1\", "
				       "\"forces\": [{\"code\": \"\xff\"}]}";
	static const char top_array[] = "[]";

	tap_is_int(ov_json_read_file("/nonexistent/x.json", &ds, &d), -1,
		   "missing file rejected");
	tap_ok(d.n == 1 && strstr(d.msg[0], "/nonexistent/x.json: "),
	       "missing file: message names it");
	ov_diag_release(&d);

	tap_is_int(ov_json_read_buf("buf", bad_utf8, sizeof bad_utf8 - 1, &ds,
				    &d),
		   -1, "invalid UTF-8 rejected");
	tap_ok(d.n == 1 && strncmp(d.msg[0], "buf:1:", 6) == 0,
	       "invalid UTF-8: line and column given");
	show(&d);
	ov_diag_release(&d);

	tap_is_int(ov_json_read_buf("buf", top_array, 2, &ds, &d), -1,
		   "top-level array rejected");
	tap_ok(d.n == 1 && strstr(d.msg[0], "buf: $: expected an object, got "
					    "an array"),
	       "top-level array: message names $");
	show(&d);
	ov_diag_release(&d);
}

static void test_write_errors(void)
{
	ov_dataset *ds = ov_dataset_new();
	ov_diag d = OV_DIAG_INIT;
	size_t len = 0;
	char *text = NULL;
	FILE *f;

	fx_add_force(ds, "F1", "bad \xc3\x28 byte");
	f = open_memstream(&text, &len);
	tap_is_int(ov_json_write(ds, f, &d), -1, "invalid UTF-8 not written");
	tap_ok(d.n == 1 && strcmp(d.msg[0], "$.forces[0].name: not valid "
					    "UTF-8") == 0,
	       "invalid UTF-8: message names the field");
	show(&d);
	fclose(f);
	free(text);
	ov_diag_release(&d);

	free(ds->forces[0].name);
	ds->forces[0].name = ov_xstrdup("Fine");
	if ((f = fopen("/dev/full", "w"))) {
		tap_is_int(ov_json_write(ds, f, &d), -1,
			   "write to a full device fails");
		tap_ok(d.n == 1 && strstr(d.msg[0], "cannot write"),
		       "full device: message says so");
		show(&d);
		fclose(f);
	} else {
		tap_skip("write to a full device: no /dev/full here");
		tap_skip("full device message: no /dev/full here");
	}
	ov_diag_release(&d);
	ov_dataset_free(ds);
}

/* The complete example in docs/format.md is valid and canonical. */
static void test_docs_example(void)
{
	static const char mark[] = "## A complete small example";
	size_t len = 0, out_len = 0;
	char *md = slurp(format_md, &len), *start = NULL, *end = NULL;
	char *out = NULL;
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *ds = NULL;

	if (md && (start = strstr(md, mark)) &&
	    (start = strstr(start, "```json\n")))
		end = strstr(start += 8, "```");
	if (!tap_ok(end != NULL, "docs/format.md has the complete example")) {
		free(md);
		return;
	}
	tap_is_int(ov_json_read_buf("format.md", start, (size_t)(end - start),
				    &ds, &d),
		   0, "the example reads");
	show(&d);
	if (ds)
		out = write_mem(ds, &out_len);
	tap_ok(out && out_len == (size_t)(end - start) &&
		       memcmp(out, start, out_len) == 0,
	       "the example is canonical");
	free(out);
	free(md);
	ov_dataset_free(ds);
	ov_diag_release(&d);
}

/* ov_json_put_string must write what jansson's json_dumps writes. */
static void put_string_is(const char *in, const char *label)
{
	char *mine = NULL, *theirs;
	size_t len = 0;
	FILE *f = open_memstream(&mine, &len);
	json_t *j = json_string(in);
	char name[96];

	snprintf(name, sizeof name, "put_string matches jansson: %s", label);
	tap_ok(ov_json_put_string(f, in) == 0, label);
	fclose(f);
	theirs = json_dumps(j, JSON_ENCODE_ANY);
	tap_is_str(mine, theirs, name);
	free(mine);
	free(theirs);
	json_decref(j);
}

static void test_put_string(void)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f;

	put_string_is("plain", "plain text");
	put_string_is("quote \" backslash \\ slash /", "quote, backslash, slash");
	put_string_is("tab\t nl\n cr\r bs\b ff\f", "short escapes");
	put_string_is("\x01\x0b\x1f\x7f", "other control characters and DEL");
	put_string_is("\xe2\x80\x93 \xe2\x80\x99 \xc3\xa9 \xf0\x9f\x98\x80", "non-ASCII kept as UTF-8");
	tap_ok(ov_json_utf8_valid("\xe2\x80\x93"), "valid UTF-8");
	tap_ok(!ov_json_utf8_valid("\xc0\xaf"), "overlong form refused");
	tap_ok(!ov_json_utf8_valid("\xed\xa0\x80"), "surrogate refused");
	tap_ok(!ov_json_utf8_valid("\xf4\x90\x80\x80"), "past U+10FFFF refused");
	tap_ok(!ov_json_utf8_valid("\xe2\x80"), "truncated sequence refused");
	f = open_memstream(&out, &len);
	tap_ok(ov_json_put_string(f, "bad \xff") == -1,
	       "put_string refuses invalid UTF-8");
	fclose(f);
	tap_is_int((long long)len, 0, "and writes nothing");
	free(out);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s TESTS_IO_DIR FORMAT_MD\n", argv[0]);
		return 2;
	}
	dir = argv[1];
	format_md = argv[2];
	test_docs_example();
	test_put_string();
	test_good_round_trip();
	test_minimal_reads();
	test_dataset_round_trip();
	for (size_t i = 0; i < sizeof bads / sizeof bads[0]; i++)
		test_bad(&bads[i]);
	test_every_fixture_listed();
	test_read_errors();
	test_write_errors();
	return tap_done();
}
