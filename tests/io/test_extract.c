/* io/extract: the report-text parser on short texts in the inspectorate's
 * styles (tests/io/extract/NAME.txt), each against the items a person
 * finds in it (NAME.expect).  Prints each text's precision and recall.
 *
 * NAME.expect: one item a line, '|'-separated:
 *   kind|number|area|timescale|addressee|bullets|cause|text|bullets-text
 * kind cause, rec or afi; '-' for none; cause is the line number (1-based,
 * among the items) of the cause of concern it answers; text must occur in
 * the item's text (or its finding), bullets-text (optional) in its bullets
 * joined by " | ".  Lines starting with '#' are comments. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/extract.h"
#include "tap.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/mem.h"

#define NF 9

typedef struct want {
	char *f[NF];
} want;

static const char *kind_name(enum ov_rec_kind k)
{
	return k == OV_RK_CAUSE ? "cause" : k == OV_RK_AFI ? "afi" : "rec";
}

static int eq(const char *want_s, const char *got)
{
	if (!strcmp(want_s, "-"))
		return got == NULL;
	return got && !strcmp(want_s, got);
}

static int match(const want *w, const ov_xitem *it)
{
	char n[32];
	ov_buf b = OV_BUF_INIT;
	int ok;
	const char *text = it->text ? it->text : it->finding;

	snprintf(n, sizeof n, "%zu", it->n_bullets);
	for (size_t k = 0; k < it->n_bullets; k++)
		ov_buf_printf(&b, "%s%s", k ? " | " : "", it->bullets[k]);
	ok = !strcmp(w->f[0], kind_name(it->kind)) && eq(w->f[1], it->number) &&
	     eq(w->f[2], it->area) && eq(w->f[3], it->timescale) &&
	     !strcmp(w->f[4], ov_addressee_code(it->addressee)) &&
	     !strcmp(w->f[5], n) && text && strstr(text, w->f[7]) &&
	     (!w->f[8] || strstr(ov_buf_str(&b), w->f[8]));
	if (ok && strcmp(w->f[6], "-"))
		ok = it->cause == (size_t)atoi(w->f[6]);
	else if (ok)
		ok = it->cause == 0;
	ov_buf_release(&b);
	return ok;
}

static size_t read_want(const char *path, want **out)
{
	char *data;
	size_t len, n = 0;
	ov_diag d = OV_DIAG_INIT;
	want *w = NULL;

	if (ov_file_read_text(path, 1 << 20, &data, &len, &d) != 0) {
		ov_diag_release(&d);
		*out = NULL;
		return 0;
	}
	for (char *line = strtok(data, "\n"); line; line = strtok(NULL, "\n")) {
		if (line[0] == '#' || !line[0])
			continue;
		w = ov_xrealloc(w, (n + 1) * sizeof *w);
		memset(&w[n], 0, sizeof w[n]);
		char *p = line;

		for (int k = 0; k < NF && p; k++) {
			char *bar = strchr(p, '|');

			if (bar)
				*bar = '\0';
			w[n].f[k] = ov_xstrdup(p);
			p = bar ? bar + 1 : NULL;
		}
		n++;
	}
	free(data);
	*out = w;
	return n;
}

static void dump(const ov_xdoc *doc)
{
	for (size_t i = 0; i < doc->n_items; i++) {
		const ov_xitem *it = &doc->items[i];
		const char *t = it->text ? it->text : it->finding;

		printf("#   found %zu: %s|%s|%s|%s|%s|%zu|%zu|%.70s\n", i + 1,
		       kind_name(it->kind), it->number ? it->number : "-",
		       it->area ? it->area : "-",
		       it->timescale ? it->timescale : "-",
		       ov_addressee_code(it->addressee), it->n_bullets,
		       it->cause, t ? t : "");
	}
}

/* One text: precision and recall of its items against NAME.expect. */
static void check_text(const char *dir, const char *name)
{
	char *txt = ov_xasprintf("%s/%s.txt", dir, name);
	char *exp = ov_xasprintf("%s/%s.expect", dir, name);
	char *data = NULL, *label;
	size_t len, nw, hit = 0;
	want *w = NULL;
	ov_diag d = OV_DIAG_INIT;
	ov_xdoc *doc = NULL;
	bool *used;

	nw = read_want(exp, &w);
	if (ov_file_read_all(txt, 1 << 20, &data, &len, &d) != 0 ||
	    ov_extract_parse(name, data, len, &doc, &d) != 0) {
		tap_ok(0, name);
		goto out;
	}
	used = ov_xcalloc(doc->n_items + 1, sizeof *used);
	for (size_t i = 0; i < nw; i++)
		for (size_t k = 0; k < doc->n_items; k++)
			if (!used[k] && match(&w[i], &doc->items[k])) {
				used[k] = true;
				hit++;
				break;
			}
	free(used);
	double prec = doc->n_items ? 100.0 * hit / doc->n_items : 100.0;
	double rec = nw ? 100.0 * hit / nw : 100.0;

	label = ov_xasprintf("%s: precision %.0f%% recall %.0f%% (%zu found, "
	                     "%zu expected, %zu right)",
	                     name, prec, rec, doc->n_items, nw, hit);
	if (!tap_ok(hit == nw && hit == doc->n_items, label))
		dump(doc);
	free(label);
out:
	for (size_t i = 0; i < nw; i++)
		for (int k = 0; k < NF; k++)
			free(w[i].f[k]);
	free(w);
	ov_extract_doc_free(doc);
	ov_diag_release(&d);
	free(data);
	free(txt);
	free(exp);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void all_texts(const char *dir)
{
	DIR *dd = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;

	if (!tap_ok(dd != NULL, "the samples' directory opens"))
		return;
	while ((e = readdir(dd))) {
		size_t l = strlen(e->d_name);

		if (l > 4 && !strcmp(e->d_name + l - 4, ".txt")) {
			names = ov_xrealloc(names, (n + 1) * sizeof *names);
			names[n++] = ov_xstrndup(e->d_name, l - 4);
		}
	}
	closedir(dd);
	qsort(names, n, sizeof *names, cmp_str);
	tap_ok(n >= 12, "at least a dozen sample texts");
	for (size_t i = 0; i < n; i++) {
		check_text(dir, names[i]);
		free(names[i]);
	}
	free(names);
}

static ov_xdoc *parse_file(const char *dir, const char *name)
{
	char *p = ov_xasprintf("%s/%s", dir, name), *data = NULL;
	size_t len;
	ov_diag d = OV_DIAG_INIT;
	ov_xdoc *doc = NULL;

	if (ov_file_read_all(p, 1 << 20, &data, &len, &d) == 0)
		ov_extract_parse(name, data, len, &doc, &d);
	ov_diag_release(&d);
	free(data);
	free(p);
	return doc;
}

/* The public register's history markup. */
static void history(const char *dir)
{
	ov_xdoc *doc = parse_file(dir, "history.txt");
	const ov_xitem *it;

	if (!tap_ok(doc && doc->n_items == 2, "history: two items"))
		goto out;
	it = &doc->items[0];
	tap_is_int((long long)it->n_events, 5, "history: five entries");
	if (it->n_events == 5) {
		tap_is_str(it->events[0].status, "awaiting-review",
		           "history: first status");
		tap_is_int(it->events[0].date, ov_date_from_ymd(2014, 11, 18),
		           "history: 18th November 2014");
		tap_ok(it->events[2].kind == OV_XEV_COMMENT &&
		           it->events[2].date == ov_date_from_ymd(2015, 3, 2),
		       "history: a comment dated by the entry before it");
		tap_is_str(it->events[3].status, "complete",
		           "history: complete");
		tap_ok(it->events[4].text &&
		           strstr(it->events[4].text, "Authorised for closure"),
		       "history: the closing comment");
	}
	tap_ok(it->text && !strstr(it->text, "[on]"),
	       "history: markup is not part of the text");
	tap_is_int((long long)doc->items[1].n_events, 1,
	           "history: the second item's entry");
	tap_ok(doc->reports[0].published.prec == OV_PREC_DAY &&
	           doc->reports[0].published.day ==
	               ov_date_from_ymd(2014, 10, 1),
	       "history: 'Published 1 October 2014' read");
out:
	ov_extract_doc_free(doc);
}

/* Doubts are stated, not hidden. */
static void doubts(const char *dir)
{
	ov_xdoc *doc = parse_file(dir, "numbered-recommendations.txt");
	bool no_ts = false, no_area = false;

	if (!tap_ok(doc && doc->n_items == 4, "doubts: the four items"))
		goto out;
	for (size_t k = 0; k < doc->items[3].n_doubts; k++)
		no_ts |= !strcmp(doc->items[3].doubts[k], "no timescale found");
	for (size_t k = 0; k < doc->items[0].n_doubts; k++)
		no_area |=
		    !strcmp(doc->items[0].doubts[k], "no area heading found");
	tap_ok(no_ts, "doubts: a recommendation without a timescale says so");
	tap_ok(no_area, "doubts: an item under no area heading says so");
out:
	ov_extract_doc_free(doc);
}

static void bad(void)
{
	ov_diag d = OV_DIAG_INIT;
	ov_xdoc *doc = (ov_xdoc *)1;

	tap_ok(ov_extract_parse("e", "", 0, &doc, &d) == -1 && !doc &&
	           d.n == 1 && strstr(d.msg[0], "empty"),
	       "bad: empty text refused");
	ov_diag_release(&d);
	tap_ok(ov_extract_parse("s", " \n\f\n", 4, &doc, &d) == -1 && !doc,
	       "bad: white space alone refused");
	ov_diag_release(&d);
	tap_ok(ov_extract_parse("n", "a\0b", 3, &doc, &d) == -1 && !doc &&
	           strstr(d.msg[0], "NUL"),
	       "bad: NUL bytes refused");
	ov_diag_release(&d);
	tap_ok(ov_extract_parse("u", "caf\xe9", 4, &doc, &d) == -1 &&
	           strstr(d.msg[0], "UTF-8"),
	       "bad: not UTF-8 refused");
	ov_diag_release(&d);
	tap_ok(ov_extract_parse("t", "Hello.", 6, &doc, &d) == 0 && doc &&
	           doc->n_items == 0,
	       "bad: a text without items gives none");
	ov_extract_doc_free(doc);
	ov_diag_release(&d);
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "tests/io/extract";

	all_texts(dir);
	history(dir);
	doubts(dir);
	bad();
	return tap_done();
}
