/*
 * XLSX export: the workbook is unpacked with `unzip -p` (argv[1] is the
 * unzip program) and its XML checked: the three sheets, rows, the frozen
 * heading, the autofilter, dates as numbers with a date style, awkward text
 * in the shared strings; and failures leave no file behind.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture/fixture.h"
#include "io/xlsx.h"
#include "tap.h"
#include "util/buf.h"
#include "util/mem.h"

static const char *unzip;

/* The member of the archive, or NULL. */
static char *member(const char *path, const char *name)
{
	char *cmd = ov_xasprintf("'%s' -p '%s' '%s'", unzip, path, name);
	FILE *p = popen(cmd, "r");
	ov_buf b = OV_BUF_INIT;
	char chunk[4096];
	size_t n;
	int st;

	free(cmd);
	if (!p)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		ov_buf_add(&b, chunk, n);
	st = pclose(p);
	if (st != 0 || b.len == 0) {
		ov_buf_release(&b);
		return NULL;
	}
	return ov_buf_detach(&b);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = hay; p && (p = strstr(p, needle)); p++)
		n++;
	return n;
}

/* Shared strings as stored (still XML-escaped), in index order. */
typedef struct sst {
	char **s;
	size_t n;
} sst;

static void sst_load(sst *t, const char *xml)
{
	const char *p = xml;

	memset(t, 0, sizeof *t);
	while (p && (p = strstr(p, "<si>"))) {
		const char *open = strstr(p, "<t");
		const char *start = open ? strchr(open, '>') : NULL;
		const char *end = start ? strstr(start, "</t>") : NULL;

		if (!end)
			break;
		t->s = ov_xrealloc(t->s, (t->n + 1) * sizeof *t->s);
		t->s[t->n++] = ov_xstrndup(start + 1, end - start - 1);
		p = end;
	}
}

static void sst_free(sst *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->s[i]);
	free(t->s);
}

/* The <c r="REF" ...> element of a sheet, as a fresh string, or NULL. */
static char *cell(const char *sheet, const char *ref)
{
	char *key = ov_xasprintf("<c r=\"%s\"", ref);
	const char *p = strstr(sheet, key);
	const char *gt, *end;

	free(key);
	if (!p)
		return NULL;
	gt = strchr(p, '>');
	if (gt && gt[-1] == '/')
		return ov_xstrndup(p, gt - p + 1);
	end = strstr(p, "</c>");
	return end ? ov_xstrndup(p, end - p + 4) : NULL;
}

/* The value of attribute name in the element's start tag, or -1. */
static long attr_long(const char *elem, const char *name)
{
	char *key = ov_xasprintf(" %s=\"", name);
	const char *gt = strchr(elem, '>');
	const char *p = strstr(elem, key);
	long v = -1;

	if (p && (!gt || p < gt))
		v = strtol(p + strlen(key), NULL, 10);
	free(key);
	return v;
}

static bool has_attr(const char *elem, const char *name)
{
	char *key = ov_xasprintf(" %s=\"", name);
	const char *gt = strchr(elem, '>');
	const char *p = strstr(elem, key);

	free(key);
	return p && (!gt || p < gt);
}

static long cell_value(const char *elem)
{
	const char *v = strstr(elem, "<v>");

	return v ? strtol(v + 3, NULL, 10) : -1;
}

/* The shared string shown in a cell, or NULL if it holds none. */
static const char *cell_text(const char *sheet, const sst *t, const char *ref)
{
	char *c = cell(sheet, ref);
	const char *s = NULL;
	long i;

	if (c && strstr(c, " t=\"s\"")) {
		i = cell_value(c);
		if (i >= 0 && (size_t)i < t->n)
			s = t->s[i];
	}
	free(c);
	return s;
}

/* The number format code of cell style s in styles.xml, or NULL. */
static char *style_format(const char *styles, long s)
{
	const char *xfs = strstr(styles, "<cellXfs");
	const char *p = xfs;
	char *key, *fmt = NULL;
	const char *f, *code, *end;
	long id;

	for (long i = 0; p && i <= s; i++)
		p = strstr(p + 1, "<xf ");
	if (!p)
		return NULL;
	id = attr_long(p, "numFmtId");
	key = ov_xasprintf("<numFmt numFmtId=\"%ld\" formatCode=\"", id);
	f = strstr(styles, key);
	if (f) {
		code = f + strlen(key);
		end = strchr(code, '"');
		fmt = end ? ov_xstrndup(code, end - code) : NULL;
	}
	free(key);
	return fmt;
}

/* A date cell: a number (no t=), a style whose format is a date, and the
 * Excel serial of want (days since 1899-12-30). */
static void date_cell(const char *sheet, const char *styles, const char *ref,
		      const char *want)
{
	char *c = cell(sheet, ref);
	char name[96], *fmt = NULL;
	long serial = fx_day(want) + 25569;

	snprintf(name, sizeof name, "%s is a date cell for %s", ref, want);
	if (c)
		fmt = style_format(styles, attr_long(c, "s"));
	if (!tap_ok(c && !has_attr(c, "t") && fmt &&
			    strcmp(fmt, "yyyy-mm-dd") == 0,
		    name))
		printf("#   cell: %s\n#   format: %s\n", c ? c : "(none)",
		       fmt ? fmt : "(none)");
	snprintf(name, sizeof name, "%s serial is %ld", ref, serial);
	tap_is_int(c ? cell_value(c) : -1, serial, name);
	free(c);
	free(fmt);
}

static void text_cell(const char *sheet, const sst *t, const char *ref,
		      const char *want)
{
	char name[96];

	snprintf(name, sizeof name, "%s reads \"%.40s\"", ref, want);
	for (char *p = name; *p; p++)
		if (*p == '\r' || *p == '\n')
			*p = ' ';
	tap_is_str(cell_text(sheet, t, ref), want, name);
}

static void check_workbook(const char *path)
{
	char *wb = member(path, "xl/workbook.xml");
	char *s1 = member(path, "xl/worksheets/sheet1.xml");
	char *s2 = member(path, "xl/worksheets/sheet2.xml");
	char *s3 = member(path, "xl/worksheets/sheet3.xml");
	char *ss = member(path, "xl/sharedStrings.xml");
	char *st = member(path, "xl/styles.xml");
	const char *r, *p, *a;
	char *c;
	sst t;

	if (!tap_ok(wb && s1 && s2 && s3 && ss && st,
		    "workbook, three sheets, strings and styles unzip")) {
		free(wb), free(s1), free(s2), free(s3), free(ss), free(st);
		return;
	}
	r = strstr(wb, "name=\"Recommendations\"");
	p = strstr(wb, "name=\"PEEL\"");
	a = strstr(wb, "name=\"Activities\"");
	tap_ok(r && p && a && r < p && p < a,
	       "sheets Recommendations, PEEL, Activities in order");
	tap_is_int(count(wb, "<sheet "), 3, "exactly three sheets");
	sst_load(&t, ss);

	/* Recommendations: heading + 3 recs (one not yet made is left out). */
	tap_is_int(count(s1, "<row "), 4, "Recommendations: 4 rows");
	tap_ok(strstr(s1, "<pane ") && strstr(s1, "ySplit=\"1\"") &&
		       strstr(s1, "state=\"frozen\""),
	       "Recommendations: heading row frozen");
	tap_ok(strstr(s1, "<autoFilter ref=\"A1:L4\"") != NULL,
	       "Recommendations: autofilter over A1:L4");
	tap_ok(count(s1, "<col ") == 12, "Recommendations: 12 column widths");
	text_cell(s1, &t, "A1", "Ref");
	text_cell(s1, &t, "F1", "Due");
	text_cell(s1, &t, "L1", "Last update date");
	text_cell(s1, &t, "A2", "CDI-2017-R02");
	text_cell(s1, &t, "B2",
		  "Crime data integrity \xe2\x80\x93 \"CDI\", 2017");
	text_cell(s1, &t, "H2", "Plan \"B\", revised");
	text_cell(s1, &t, "I2", "Closed");
	date_cell(s1, st, "F2", "2018-03-31");
	text_cell(s1, &t, "A3", "MS-2017-R01");
	text_cell(s1, &t, "C3", "Leadership, \"awkward\" &amp; &lt;area&gt;");
	text_cell(s1, &t, "D3",
		  "Forces should \xe2\x80\x93 by \xe2\x80\x99"
		  "design\xe2\x80\x99 \xe2\x80\x93 act._x000D_\n"
		  "Second line, \"quoted\"\nthird");
	text_cell(s1, &t, "E3", "Within six months");
	date_cell(s1, st, "F3", "2018-04-24");
	text_cell(s1, &t, "G3", "Jane O\xe2\x80\x99Neill, ACC Crime");
	text_cell(s1, &t, "J3", "Amber");
	text_cell(s1, &t, "K3",
		  "Update \xe2\x80\x93 caf\xc3\xa9, \xc3\xbc \"x\"\nline two");
	date_cell(s1, st, "L3", "2018-03-01");
	text_cell(s1, &t, "A4", "MS-2017-R04");
	c = cell(s1, "F4");
	tap_ok(c == NULL, "no due date: no cell");
	free(c);

	/* PEEL: heading + 2 questions in each of the 2 assessments by then,
	 * oldest first. */
	tap_is_int(count(s2, "<row "), 5, "PEEL: 5 rows");
	tap_ok(strstr(s2, "<autoFilter ref=\"A1:F5\"") &&
		       strstr(s2, "state=\"frozen\""),
	       "PEEL: frozen heading and autofilter");
	text_cell(s2, &t, "A2", "PEEL 2017");
	text_cell(s2, &t, "E2", "Good");
	text_cell(s2, &t, "E3", "Requires improvement");
	text_cell(s2, &t, "A4", "IPA November 2018");
	text_cell(s2, &t, "D4", "Protecting the Vulnerable");
	text_cell(s2, &t, "E4", "To be inspected in November 2018");
	tap_ok(cell_text(s2, &t, "F4") == NULL, "TBI is not carried");
	text_cell(s2, &t, "E5", "Requires improvement");
	text_cell(s2, &t, "F5", "PEEL 2017");

	/* Activities: heading + the one begun by then. */
	tap_is_int(count(s3, "<row "), 2, "Activities: 2 rows");
	tap_ok(strstr(s3, "<autoFilter ref=\"A1:G2\"") &&
		       strstr(s3, "state=\"frozen\""),
	       "Activities: frozen heading and autofilter");
	date_cell(s3, st, "A2", "2018-06-12");
	date_cell(s3, st, "B2", "2018-06-14");
	text_cell(s3, &t, "C2", "Insight visit");
	text_cell(s3, &t, "D2", "NPU Insight visit, \xe2\x80\x9cWV\xe2\x80\x9d"
				" &amp; &lt;b&gt;");
	date_cell(s3, st, "F2", "2018-07-01");
	text_cell(s3, &t, "G2", "Positive \xe2\x80\x93 caf\xc3\xa9");

	tap_ok(strstr(ss, "Leadership, \"awkward\" &amp; &lt;area&gt;") &&
		       !strstr(ss, "& <"),
	       "shared strings XML-escaped");
	sst_free(&t);
	free(wb), free(s1), free(s2), free(s3), free(ss), free(st);
}

/* Names in dir that start with prefix. */
static int leftovers(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
			n++;
	closedir(d);
	return n;
}

static char *file_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	char buf[64] = "";
	size_t n;

	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return ov_xstrdup(buf);
}

static void failures(const ov_dataset *ds, const char *dir)
{
	ov_diag d = OV_DIAG_INIT;
	char *missing = ov_xasprintf("%s/no-such-dir/out.xlsx", dir);
	char *isdir = ov_xasprintf("%s/adir", dir);
	char *old = ov_xasprintf("%s/old.xlsx", dir);
	ov_day as_at = fx_day(FX_AS_AT);
	ov_dataset *big = fx_register();
	char *text, *huge;
	FILE *f;

	tap_ok(ov_xlsx_write(ds, as_at, missing, &d) < 0,
	       "missing directory: -1");
	tap_ok(d.n == 1 && strstr(d.msg[0], missing),
	       "... message names the path");
	if (d.n)
		tap_diag(d.msg[0]);
	tap_ok(access(missing, F_OK) != 0, "... and no file");
	ov_diag_release(&d);

	/* The temporary file is made, the rename over a directory fails. */
	mkdir(isdir, 0700);
	tap_ok(ov_xlsx_write(ds, as_at, isdir, &d) < 0,
	       "target is a directory: -1");
	tap_ok(d.n == 1 && strstr(d.msg[0], isdir), "... with a message");
	if (d.n)
		tap_diag(d.msg[0]);
	tap_is_int(leftovers(dir, "adir.tmp-"), 0,
		   "... and no temporary file left");
	ov_diag_release(&d);
	rmdir(isdir);

	/* A cell longer than Excel allows: libxlsxwriter refuses it. */
	f = fopen(old, "w");
	fputs("previous", f);
	fclose(f);
	huge = ov_xmalloc(40001);
	memset(huge, 'x', 40000);
	huge[40000] = '\0';
	free(big->recs[1].text);
	big->recs[1].text = huge;
	tap_ok(ov_xlsx_write(big, as_at, old, &d) < 0, "text too long: -1");
	tap_ok(d.n == 1 && strstr(d.msg[0], "Recommendations") &&
		       strstr(d.msg[0], "row 3"),
	       "... message names the sheet and row");
	if (d.n)
		tap_diag(d.msg[0]);
	text = file_text(old);
	tap_is_str(text, "previous", "... the old file is untouched");
	tap_is_int(leftovers(dir, "old.xlsx.tmp-"), 0,
		   "... and no temporary file left");
	free(text);
	unlink(old);
	ov_diag_release(&d);

	/* Issue 6: text that is not UTF-8 (a register from before every
	 * text was checked) would make an XML part that does not parse. */
	f = fopen(old, "w");
	fputs("previous", f);
	fclose(f);
	free(big->recs[1].text);
	big->recs[1].text = ov_xstrdup("bad\xff");
	tap_ok(ov_xlsx_write(big, as_at, old, &d) < 0,
	       "text not in UTF-8: -1");
	tap_ok(d.n == 1 && strstr(d.msg[0], "Recommendations") &&
		       strstr(d.msg[0], "row 3") &&
		       strstr(d.msg[0], "not valid UTF-8"),
	       "... message names the sheet, the row and why");
	text = file_text(old);
	tap_is_str(text, "previous", "... the old file is untouched");
	tap_is_int(leftovers(dir, "old.xlsx.tmp-"), 0,
		   "... and no temporary file left");
	free(text);
	unlink(old);
	ov_diag_release(&d);

	tap_ok(ov_xlsx_write(ds, as_at, "-", &d) < 0 && d.n == 1,
	       "standard output refused with a message");
	ov_diag_release(&d);
	ov_dataset_free(big);
	free(missing);
	free(isdir);
	free(old);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	ov_buf b = OV_BUF_INIT;
	char chunk[4096];
	size_t n;

	*len = 0;
	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		ov_buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return ov_buf_detach(&b);
}

/* The creation time is pinned to as_at, so the same data gives the same
 * bytes (diffable, cacheable). */
static void same_bytes(const ov_dataset *ds, const char *path,
		       const char *dir)
{
	char *again = ov_xasprintf("%s/again.xlsx", dir);
	ov_diag d = OV_DIAG_INIT;
	size_t n1, n2;
	char *a, *b;

	tap_ok(ov_xlsx_write(ds, fx_day(FX_AS_AT), again, &d) == 0,
	       "written again");
	a = slurp(path, &n1);
	b = slurp(again, &n2);
	tap_ok(a && b && n1 == n2 && memcmp(a, b, n1) == 0,
	       "same data, same bytes");
	free(a);
	free(b);
	unlink(again);
	free(again);
	ov_diag_release(&d);
}

int main(int argc, char **argv)
{
	ov_dataset *ds = fx_register();
	const char *tmpdir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char *dir = ov_xasprintf("%s/ov-test-xlsx-XXXXXX", tmpdir);
	char *path = NULL;
	ov_diag d = OV_DIAG_INIT;

	if (argc != 2) {
		fprintf(stderr, "usage: test-io-xlsx UNZIP\n");
		return 2;
	}
	unzip = argv[1];
	if (!tap_ok(mkdtemp(dir) != NULL, "temporary directory"))
		goto out;
	path = ov_xasprintf("%s/tracker.xlsx", dir);
	tap_ok(ov_xlsx_write(ds, fx_day(FX_AS_AT), path, &d) == 0,
	       "workbook written");
	ov_diag_print(&d, stdout, "# ");
	tap_is_int(leftovers(dir, "tracker.xlsx.tmp-"), 0,
		   "no temporary file left");
	check_workbook(path);
	same_bytes(ds, path, dir);
	unlink(path);
	failures(ds, dir);
	rmdir(dir);
out:
	ov_diag_release(&d);
	free(path);
	free(dir);
	ov_dataset_free(ds);
	return tap_done();
}
