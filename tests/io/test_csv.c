/*
 * CSV export: field quoting, and a whole register written out and read back
 * by Python's csv module (argv[1] is python3, argv[2] csv_read.py), every
 * field compared exactly.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture/fixture.h"
#include "io/csv.h"
#include "tap.h"
#include "util/buf.h"
#include "util/mem.h"

static const char *python, *reader;

/* What ov_csv_field writes for s. */
static char *field(const char *s, bool first)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	ov_csv_field(f, s, first);
	fclose(f);
	return out;
}

static void quoting(const char *s, bool first, const char *want,
		    const char *name)
{
	char *got = field(s, first);

	tap_is_str(got, want, name);
	free(got);
}

static void field_checks(void)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f;

	quoting("plain", true, "plain", "plain field as is");
	quoting("plain", false, ",plain", "later field after a comma");
	quoting(NULL, true, "", "NULL is an empty field");
	quoting(NULL, false, ",", "NULL later is just the comma");
	quoting("", false, ",", "empty field");
	quoting("a,b", true, "\"a,b\"", "comma quoted");
	quoting("say \"hi\"", true, "\"say \"\"hi\"\"\"",
		"quotes doubled inside quotes");
	quoting("\"", true, "\"\"\"\"", "a lone quote");
	quoting("a\r\nb", true, "\"a\r\nb\"", "CRLF quoted, kept");
	quoting("a\nb", true, "\"a\nb\"", "LF quoted, kept");
	quoting("a\rb", true, "\"a\rb\"", "CR quoted, kept");
	quoting("caf\xc3\xa9 \xe2\x80\x93 \xe2\x80\x99", true,
		"caf\xc3\xa9 \xe2\x80\x93 \xe2\x80\x99",
		"UTF-8 passed through unquoted");
	quoting(" lead and trail ", true, " lead and trail ",
		"spaces kept, not quoted");
	/* Formula injection (issue 6, item 4): a quote before what a
	 * spreadsheet would run, inside the quotes when the field needs
	 * them; dates and other text untouched. */
	quoting("=HYPERLINK(\"http://x\",\"x\")", true,
		"\"'=HYPERLINK(\"\"http://x\"\",\"\"x\"\")\"",
		"a leading = is neutralised inside the quotes");
	quoting("=1+2", true, "'=1+2", "= neutralised");
	quoting("+1", false, ",'+1", "+ neutralised");
	quoting("-3", true, "'-3", "- neutralised, even a number");
	quoting("@SUM(A1)", true, "'@SUM(A1)", "@ neutralised");
	quoting("\tx", true, "'\tx", "a leading tab neutralised");
	quoting("\r=1", true, "\"'\r=1\"", "a leading CR neutralised, quoted");
	quoting("2018-09-27", true, "2018-09-27", "a date untouched");
	quoting("a=b-c", true, "a=b-c", "= later in the field untouched");
	quoting("'=x", true, "'=x", "a leading quote is not doubled");

	f = open_memstream(&out, &len);
	ov_csv_field(f, "a", true);
	ov_csv_field(f, "b", false);
	ov_csv_end(f);
	fclose(f);
	tap_is_str(out, "a,b\r\n", "records end with CRLF");
	free(out);
}

/* Outside quoted fields every line break is CRLF; returns the number of
 * records, or -1 if a bare CR or LF is found. */
static int count_crlf_records(const char *s, size_t len)
{
	bool quoted = false;
	int n = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
			n++, i++;
		else if (s[i] == '\r' || s[i] == '\n')
			return -1;
	}
	return quoted ? -1 : n;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	ov_buf b = OV_BUF_INIT;
	char chunk[4096];
	size_t n;

	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		ov_buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return ov_buf_detach(&b);
}

/* The records of path as Python's csv module reads them, or NULL. */
static json_t *python_read(const char *path)
{
	char *cmd = ov_xasprintf("'%s' '%s' '%s'", python, reader, path);
	FILE *p = popen(cmd, "r");
	ov_buf out = OV_BUF_INIT;
	char chunk[4096];
	size_t n;
	json_t *rows = NULL;
	json_error_t err;

	free(cmd);
	if (!p)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		ov_buf_add(&out, chunk, n);
	if (pclose(p) == 0)
		rows = json_loads(ov_buf_str(&out), 0, &err);
	if (!rows)
		tap_diag("python could not read the CSV");
	ov_buf_release(&out);
	return rows;
}

static const char *const header[] = {
	"ref",	 "report", "report_title", "area",	  "kind",
	"addressee", "timescale", "due",  "owner",	  "plan",
	"status", "rag",	 "last_update", "last_update_date", "text",
};
#define NCOLS 15

static const char *const want_rows[][NCOLS] = {
	{"CDI-2017-R02", "r-cdi", FX_TITLE2, "Recording", "Recommendation",
	 "This force", "", "2018-03-31", "", FX_PLAN2, "Closed", "", "", "",
	 "Plain text"},
	{"MS-2017-R01", "r-ms", "Stolen freedom", FX_AREA1, "Recommendation",
	 "This force", "Within six months", "2018-04-24",
	 "Jane O\xe2\x80\x99Neill, ACC Crime",
	 "Force Vulnerability Improvement Plan", "Open", "Amber", FX_UPDATE1,
	 "2018-03-01", FX_TEXT1},
	{"MS-2017-R04", "r-ms", "Stolen freedom", "Training", "Recommendation",
	 "This force", "", "", "", FX_PLAN2, "Open", "", "", "",
	 "Forces should train:\n\xe2\x80\xa2 call handlers, and\n"
	 "\xe2\x80\xa2 officers"},
};

static void compare_row(json_t *row, const char *const *want, size_t r)
{
	char name[96];
	bool same = json_array_size(row) == NCOLS;

	snprintf(name, sizeof name, "record %zu has %d fields", r, NCOLS);
	if (!tap_ok(same, name))
		return;
	for (size_t c = 0; c < NCOLS; c++) {
		snprintf(name, sizeof name, "record %zu field %s", r,
			 header[c]);
		tap_is_str(json_string_value(json_array_get(row, c)), want[c],
			   name);
	}
}

static int write_file(const ov_dataset *ds, const char *as_at,
		      const char *path)
{
	FILE *f = fopen(path, "wb");
	ov_diag d = OV_DIAG_INIT;
	int rc;

	if (!f)
		return -1;
	rc = ov_csv_write_recs(ds, fx_day(as_at), f, &d);
	if (fclose(f) != 0)
		rc = -1;
	ov_diag_print(&d, stdout, "# ");
	ov_diag_release(&d);
	return rc;
}

static const char want_header[] =
	"ref,report,report_title,area,kind,addressee,timescale,due,owner,"
	"plan,status,rag,last_update,last_update_date,text\r\n";

static void roundtrip(const ov_dataset *ds, const char *path)
{
	json_t *rows;
	char *raw;
	size_t len = 0;

	tap_ok(write_file(ds, FX_AS_AT, path) == 0, "CSV written");
	raw = slurp(path, &len);
	tap_ok(raw && len >= strlen(want_header) &&
		       memcmp(raw, want_header, strlen(want_header)) == 0,
	       "header record exact");
	tap_is_int(count_crlf_records(raw, len), 4,
		   "4 CRLF-terminated records, no bare line breaks");
	free(raw);
	rows = python_read(path);
	if (!tap_ok(rows && json_array_size(rows) == 4,
		    "python reads header + 3 records (one not yet made)")) {
		json_decref(rows);
		return;
	}
	compare_row(json_array_get(rows, 0), header, 0);
	for (size_t r = 0; r < 3; r++)
		compare_row(json_array_get(rows, r + 1), want_rows[r], r + 1);
	json_decref(rows);
}

/* As at an earlier date: the fold decides status, RAG and update. */
static void earlier(const ov_dataset *ds, const char *path)
{
	json_t *rows, *r;

	tap_ok(write_file(ds, "2017-10-15", path) == 0,
	       "CSV as at 2017-10-15 written");
	rows = python_read(path);
	tap_is_int(rows ? (long long)json_array_size(rows) : -1, 2,
		   "as at 2017-10-15 only one rec existed");
	r = json_array_get(json_array_get(rows, 1), 10);
	tap_is_str(json_string_value(r), "Open", "CDI-2017-R02 open then");
	json_decref(rows);
	tap_ok(write_file(ds, "2018-06-01", path) == 0,
	       "CSV as at 2018-06-01 written");
	rows = python_read(path);
	r = json_array_get(json_array_get(rows, 1), 10);
	tap_is_str(json_string_value(r), "Closure proposed",
		   "CDI-2017-R02 closure proposed then");
	json_decref(rows);
}

static void write_errors(const ov_dataset *ds)
{
	ov_diag d = OV_DIAG_INIT;
	FILE *f = fopen("/dev/null", "r");

	tap_ok(f && ov_csv_write_recs(ds, fx_day(FX_AS_AT), f, &d) < 0,
	       "stream that cannot be written: -1");
	tap_ok(d.n == 1 && strstr(d.msg[0], "writing CSV"),
	       "... with a message");
	if (d.n)
		tap_diag(d.msg[0]);
	if (f)
		fclose(f);
	ov_diag_release(&d);

	f = fopen("/dev/full", "w");
	if (!f) {
		tap_skip("full device: no /dev/full here");
		return;
	}
	tap_ok(ov_csv_write_recs(ds, fx_day(FX_AS_AT), f, &d) < 0 &&
		       d.n == 1,
	       "full device: -1 with a message");
	if (d.n)
		tap_diag(d.msg[0]);
	fclose(f);
	ov_diag_release(&d);
}

int main(int argc, char **argv)
{
	ov_dataset *ds = fx_register();
	const char *tmpdir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char *path = ov_xasprintf("%s/ov-test-csv-XXXXXX", tmpdir);
	int fd;

	if (argc != 3) {
		fprintf(stderr, "usage: test-io-csv PYTHON CSV_READ.PY\n");
		return 2;
	}
	python = argv[1];
	reader = argv[2];
	field_checks();
	fd = mkstemp(path);
	if (tap_ok(fd >= 0, "temporary file")) {
		close(fd);
		roundtrip(ds, path);
		earlier(ds, path);
		unlink(path);
	}
	write_errors(ds);
	free(path);
	ov_dataset_free(ds);
	return tap_done();
}
