/*
 * The PDF renderer: render a hand-built paper, then read it back with
 * poppler's pdftotext and pdfinfo and check the text, the footers, the
 * repeated table header, the metadata and the page size; and that bad input
 * and write failures are reported and leave nothing behind.
 */
#include "tap.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "paper/doc.h"
#include "paper/tree.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/mem.h"

#define NROWS 120
#define HEADER_MARK "Lead officer"

static int render_to(const ov_paper *p, const char *path);

/* ---- building a paper with paper/tree.h ------------------------------ */

static void table(ov_paper *p, size_t nrows)
{
	static const char *const head[] = {"Ref", "Recommendation",
					   HEADER_MARK, "RAG"};
	static const double width[] = {1, 5, 2, 1};
	ov_block *b = ov_paper_table(p, 4, head, width);

	for (size_t r = 0; r < nrows; r++) {
		ov_inline *row = ov_doc_table_row(b);
		char ref[32], rec[200];

		snprintf(ref, sizeof ref, "R%03zu", r + 1);
		snprintf(rec, sizeof rec, "Row %zu: forces should review their "
			 "arrangements%s", r + 1, r % 7 == 3 ?
			 " and report progress to the board chaired by ACC "
			 "Crime every quarter until HMICFRS closes it" : "");
		ov_inline_add(&row[0], ref, false, false);
		ov_inline_add(&row[1], rec, false, false);
		ov_inline_add(&row[2], "Det Supt Walton", false, false);
		ov_inline_add(&row[3], r % 3 ? "Green" : "Amber", false, false);
	}
}

static ov_paper *build(void)
{
	ov_paper *p = ov_paper_new();
	ov_block *b;

	p->meta.title = ov_xstrdup("HMICFRS update");
	p->meta.committee = ov_xstrdup("Joint Audit Committee");
	p->meta.date_text = ov_xstrdup("27 September 2018");
	p->meta.date_iso = ov_xstrdup("2018-09-27");
	p->meta.author = ov_xstrdup("Kath Holder");
	p->meta.force_name = ov_xstrdup("West Midlands Police");
	ov_paper_para_bold(p, "Agenda Item 5");
	ov_paper_para_bold(p, "JOINT AUDIT COMMITTEE");
	ov_paper_para_bold(p, "27th September 2018");
	ov_paper_heading(p, 1, "HMICFRS UPDATE");
	ov_paper_heading(p, 2, "1. PURPOSE OF REPORT");
	ov_paper_para(p, "To provide members of the Committee with oversight "
		      "of HMIC recommendations \xe2\x80\x93 the "
		      "force\xe2\x80\x99s caf\xc3\xa9 review.");
	ov_paper_para(p, "Markup stays text: <b>not bold</b> & 5 < 6");
	ov_paper_heading(p, 2, "2. BACKGROUND");
	ov_paper_heading(p, 3, "Modern Slavery: Stolen freedom");
	ov_paper_heading(p, 4, "Leadership");
	ov_paper_para(p, "Within twelve months, forces should review their "
		      "leadership and governance arrangements for modern "
		      "slavery and human trafficking, to ensure that:");
	b = ov_paper_list(p);
	ov_list_add(b, "senior leaders prioritise the response to modern "
		    "slavery and human trafficking;");
	ov_list_add(b, "every incident of modern slavery identified to police "
		    "is allocated appropriate resources with the skills, "
		    "experience and capacity to investigate it effectively;");
	ov_list_add(b, "forces develop effective partnership arrangements.");
	table(p, NROWS);
	ov_paper_heading(p, 2, "3. RECOMMENDATIONS");
	b = ov_paper_add(p, OV_BLOCK_PARA);
	ov_inline_add(&b->text, "The Committee to ", false, false);
	ov_inline_add(&b->text, "note", true, false);
	ov_inline_add(&b->text, " the contents of the report.", false, true);
	return p;
}

/* ---- reading it back -------------------------------------------------- */

static char *run_cmd(const char *cmd)
{
	ov_buf b = OV_BUF_INIT;
	char chunk[4096];
	size_t n;
	FILE *f = popen(cmd, "r");

	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		ov_buf_add(&b, chunk, n);
	if (pclose(f) != 0) {
		ov_buf_release(&b);
		return NULL;
	}
	return ov_buf_detach(&b);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *s = hay; (s = strstr(s, needle)); s += strlen(needle))
		n++;
	return n;
}

/* Split pdftotext output at form feeds into at most max pages. */
static int split_pages(char *text, char **pages, int max)
{
	int n = 0;
	char *s = text;

	while (*s && n < max) {
		char *ff = strchr(s, '\f');

		pages[n++] = s;
		if (!ff)
			break;
		*ff = '\0';
		s = ff + 1;
	}
	return n;
}

static void check_table_pages(char **pages, int np)
{
	int first = -1, last = -1, bad = 0;
	char last_row[32];

	snprintf(last_row, sizeof last_row, "R%03d", NROWS);
	for (int i = 0; i < np; i++) {
		if (first < 0 && strstr(pages[i], "R001"))
			first = i;
		if (strstr(pages[i], last_row))
			last = i;
	}
	tap_ok(first >= 0 && last >= first + 2, "the table spans 3+ pages");
	for (int i = 0; i < np; i++) {
		size_t want = i >= first && i <= last ? 1 : 0;

		if (count(pages[i], HEADER_MARK) != want) {
			bad++;
			printf("# page %d has %zu headers, want %zu\n", i + 1,
			       count(pages[i], HEADER_MARK), want);
		}
	}
	tap_ok(bad == 0, "the header row is on every page the table spans");
	bad = 0;
	for (int i = 0; i < np; i++) /* a 3-line row starts with "... and" */
		if (count(pages[i], "arrangements and") !=
		    count(pages[i], "closes it"))
			bad++;
	tap_ok(bad == 0, "no row is split across pages");
}

static void check_text(const char *pdf)
{
	char *cmd = ov_xasprintf("pdftotext -layout '%s' -", pdf);
	char *text = run_cmd(cmd);
	char *pages[64], want[64];
	int np;

	if (!tap_ok(text != NULL, "pdftotext reads the file"))
		goto out;
	tap_ok(strstr(text, "HMICFRS UPDATE") != NULL, "heading text");
	tap_ok(strstr(text, "the force\xe2\x80\x99s caf\xc3\xa9") &&
	       strstr(text, "recommendations \xe2\x80\x93 the"),
	       "non-ASCII text (\xe2\x80\x93 \xe2\x80\x99 \xc3\xa9)");
	tap_ok(strstr(text, "<b>not bold</b> & 5 < 6") != NULL,
	       "markup characters are printed, not interpreted");
	tap_ok(strstr(text, "\xe2\x80\xa2") && strstr(text, "senior leaders"),
	       "bullet list");
	tap_ok(strstr(text, "The Committee to note the contents") != NULL,
	       "styled runs");
	np = split_pages(text, pages, 64);
	if (np > 0 && pages[np - 1][strspn(pages[np - 1], " \n")] == '\0')
		np--; /* pdftotext ends with a form feed */
	tap_ok(np >= 4, "several pages");
	snprintf(want, sizeof want, "Page 1 of %d", np);
	tap_ok(strstr(pages[0], want) != NULL, "first page footer");
	snprintf(want, sizeof want, "Page %d of %d", np, np);
	tap_ok(strstr(pages[np - 1], want) != NULL, "last page footer");
	check_table_pages(pages, np);
out:
	free(text);
	free(cmd);
}

static void check_info(const char *pdf)
{
	char *cmd = ov_xasprintf("pdfinfo '%s'", pdf);
	char *info = run_cmd(cmd);

	if (tap_ok(info != NULL, "pdfinfo reads the file")) {
		tap_ok(strstr(info, "Title:           HMICFRS update "
			      "\xe2\x80\x93 Joint Audit Committee 27 "
			      "September 2018\n") != NULL, "title");
		tap_ok(strstr(info, "Author:          Kath Holder\n") != NULL,
		       "author");
		tap_ok(strstr(info, "595.28 x 841.89 pts (A4)") != NULL,
		       "A4 page size");
	}
	if (info && !tap_ok(strstr(info, "Title:") != NULL, "info printed"))
		printf("# %s\n", info);
	free(info);
	free(cmd);
}

/* A row taller than a page is split between lines, under a repeated
 * header, and loses nothing. */
static void check_tall_row(const char *dir)
{
	ov_paper *p = ov_paper_new();
	ov_inline *row;
	ov_buf cell = OV_BUF_INIT;
	char *path = ov_xasprintf("%s/tall.pdf", dir);
	char *cmd = ov_xasprintf("pdftotext -layout '%s' -", path);
	char *text = NULL, want[32];
	int missing = 0;

	table(p, 1);
	row = ov_doc_table_row(&p->blocks[0]);
	for (int i = 1; i <= 150; i++)
		ov_buf_printf(&cell, "tall line %d\n", i);
	ov_inline_add(&row[1], ov_buf_str(&cell), false, false);
	ov_buf_release(&cell);
	if (tap_is_int(render_to(p, path), 0, "renders a row taller than a page"))
		text = run_cmd(cmd);
	/* Other cells may share a text line with the first one. */
	for (int i = 1; text && i <= 150; i++) {
		snprintf(want, sizeof want, "tall line %d", i);
		missing += strstr(text, want) == NULL;
	}
	tap_ok(text && missing == 0 && count(text, "tall line ") == 150,
	       "every line of the tall row is there, once");
	tap_ok(text && count(text, HEADER_MARK) >= 2 &&
	       count(text, HEADER_MARK) == count(text, "\f"),
	       "its header repeats on each page");
	unlink(path);
	free(text);
	free(cmd);
	free(path);
	ov_paper_free(p);
}


/* No heading alone at the foot of a page: for every amount of text
 * before it, a run of two headings stays on the page where the table
 * under them starts (each filler line moves the run down a little). */
static void check_keep_with_next(const char *dir)
{
	char *path = ov_xasprintf("%s/keep.pdf", dir);
	char *cmd = ov_xasprintf("pdftotext '%s' -", path);
	int bad = 0, tried = 0;

	for (int k = 40; k < 80; k++) {
		ov_paper *p = ov_paper_new();
		char *text, *pages[8];
		int np;

		for (int i = 0; i < k; i++)
			ov_paper_para(p, "Filler line.");
		ov_paper_heading(p, 2, "KEEPHEADA");
		ov_paper_heading(p, 3, "KEEPHEADB");
		table(p, 2);
		if (render_to(p, path) != 0 || !(text = run_cmd(cmd))) {
			bad++;
			ov_paper_free(p);
			continue;
		}
		np = split_pages(text, pages, 8);
		for (int i = 0; i < np; i++)
			if (strstr(pages[i], "KEEPHEADA") &&
			    (!strstr(pages[i], "KEEPHEADB") ||
			     !strstr(pages[i], HEADER_MARK)))
				bad++;
		tried++;
		free(text);
		ov_paper_free(p);
	}
	tap_ok(tried == 40 && bad == 0,
	       "a heading keeps with the next heading and the table's start");
	if (bad)
		printf("#   %d of %d placements left a heading alone\n", bad,
		       tried);
	unlink(path);
	free(cmd);
	free(path);
}

/* ---- failures ---------------------------------------------------------- */

static void check_bad_utf8(const char *dir)
{
	ov_paper *p = ov_paper_new();
	ov_diag d = OV_DIAG_INIT;
	char *path = ov_xasprintf("%s/bad.pdf", dir);
	FILE *f = fopen(path, "w");
	long size;

	ov_paper_heading(p, 2, "Fine");
	ov_paper_para(p, "caf\xc3 broken");
	tap_is_int(ov_paper_render_pdf(p, f, &d), -1, "invalid UTF-8 refused");
	tap_ok(d.n == 1 && strstr(d.msg[0], "block 2") &&
	       strstr(d.msg[0], "not valid UTF-8"), "message names the block");
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	tap_is_int(size, 0, "nothing written");
	fclose(f);
	unlink(path);
	free(path);
	ov_paper_free(p);
	ov_diag_release(&d);
}

static void check_write_error(const ov_paper *p, const char *dir)
{
	ov_diag d = OV_DIAG_INIT;
	char *path = ov_xasprintf("%s/ro.pdf", dir);
	FILE *f;

	fclose(fopen(path, "w"));
	f = fopen(path, "r"); /* every write fails */
	tap_is_int(ov_paper_render_pdf(p, f, &d), -1, "write error reported");
	tap_ok(d.n >= 1 && strstr(d.msg[0], "PDF output"),
	       "write error message");
	if (d.n)
		printf("# %s\n", d.msg[0]);
	fclose(f);
	unlink(path);
	free(path);
	ov_diag_release(&d);
}

static void check_missing_dir(const ov_paper *p, const char *dir)
{
	ov_diag d = OV_DIAG_INIT;
	ov_outfile o;
	char *path = ov_xasprintf("%s/no-such-dir/paper.pdf", dir);
	int rc = ov_outfile_open(&o, path, &d);

	if (rc == 0) {
		rc = ov_paper_render_pdf(p, o.f, &d);
		rc = rc == 0 ? ov_outfile_commit(&o, &d) : (ov_outfile_abort(&o), -1);
	}
	tap_is_int(rc, -1, "missing directory refused");
	tap_ok(d.n >= 1 && strstr(d.msg[0], path), "message names the path");
	tap_ok(access(path, F_OK) != 0, "no file left");
	free(path);
	ov_diag_release(&d);
}

static int render_to(const ov_paper *p, const char *path)
{
	ov_diag d = OV_DIAG_INIT;
	ov_outfile o;
	int rc = ov_outfile_open(&o, path, &d);

	if (rc == 0) {
		rc = ov_paper_render_pdf(p, o.f, &d);
		if (rc == 0)
			rc = ov_outfile_commit(&o, &d);
		else
			ov_outfile_abort(&o);
	}
	ov_diag_print(&d, stdout, "# render");
	ov_diag_release(&d);
	return rc;
}

int main(void)
{
	const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char *dir = ov_xasprintf("%s/ov-test-pdf-XXXXXX", tmp);
	char *pdf;
	ov_paper *p;

	if (!mkdtemp(dir)) {
		perror(dir);
		return 1;
	}
	pdf = ov_xasprintf("%s/paper.pdf", dir);
	p = build();
	if (tap_is_int(render_to(p, pdf), 0, "renders")) {
		check_text(pdf);
		check_info(pdf);
	}
	check_tall_row(dir);
	check_keep_with_next(dir);
	check_bad_utf8(dir);
	check_write_error(p, dir);
	check_missing_dir(p, dir);
	if (getenv("OV_KEEP_PDF"))
		printf("# kept %s\n", pdf);
	else
		unlink(pdf);
	if (!getenv("OV_KEEP_PDF"))
		rmdir(dir);
	ov_paper_free(p);
	free(pdf);
	free(dir);
	/* Let LeakSanitizer see only our own allocations: release the
	 * process-wide caches of pango, cairo and fontconfig. */
	ov_paper_pdf_release();
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	FcFini();
	return tap_done();
}
