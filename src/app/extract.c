/* oversight extract (app/extract.h): file -> text -> items (io/extract.h)
 * -> an oversight/1 dataset. */
#include "app/extract.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/validate.h"
#include "io/extract.h"
#include "io/json.h"
#include "io/pdftext.h"
#include "util/buf.h"
#include "util/file.h"
#include "util/mem.h"
#include "util/utf8.h"

#define AUTHOR "HMICFRS"
/* Report ids leave room in a 64-byte ref for "-R" and a number. */
#define MAX_REPORT_ID 48

/* ---- reading the file ---------------------------------------------------- */

static bool ends_with_ci(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n >= m && strcasecmp(s + n - m, suf) == 0;
}

/* The text of the file: a PDF's through poppler, a text file's as it is. */
static int read_text(const char *path, char **text, size_t *n, ov_diag *d)
{
	char *data = NULL;
	size_t len = 0;
	int rc = -1;

	*text = NULL;
	if (ov_file_read_all(path, OV_EXTRACT_MAX_BYTES, &data, &len, d) != 0)
		return -1;
	if (len == 0) {
		ov_diag_at(d, OV_PROB_INPUT, path, "the file is empty");
		goto out;
	}
	if (ov_pdftext_is_pdf(data, len)) {
		rc = ov_pdftext_read(path, data, len, text, n, d);
		goto out;
	}
	if (ends_with_ci(path, ".pdf")) {
		ov_diag_at(d, OV_PROB_INPUT, path,
		           "not a PDF (it does not begin with %%PDF-)");
		goto out;
	}
	*text = data;
	*n = len;
	data = NULL;
	rc = 0;
out:
	free(data);
	return rc;
}

/* ---- ids ----------------------------------------------------------------- */

/* An id from free text: letters and digits kept (lower case), runs of
 * anything else as one '-', at most max bytes; "" if nothing is left. */
static char *slug(const char *s, size_t max)
{
	ov_buf b = OV_BUF_INIT;

	for (; s && *s && b.len < max; s++) {
		if (isalnum((unsigned char)*s))
			ov_buf_putc(&b, (char)tolower((unsigned char)*s));
		else if (b.len && b.data[b.len - 1] != '-')
			ov_buf_putc(&b, '-');
	}
	while (b.len && b.data[b.len - 1] == '-')
		b.data[--b.len] = '\0';
	if (!b.len)
		ov_buf_puts(&b, "");
	return ov_buf_detach(&b);
}

static char *basename_of(const char *path)
{
	const char *b = strrchr(path, '/');
	const char *s = b ? b + 1 : path;
	const char *dot = strrchr(s, '.');

	return ov_xstrndup(s, dot && dot > s ? (size_t)(dot - s) : strlen(s));
}

/* ---- the force ----------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The force the text names most often ("West Midlands Police", "Kent
 * Constabulary"): capitalised words before "Police" or "Constabulary";
 * of names named as often, the first in alphabetical order. */
static char *named_force(const char *text)
{
	static const char *const ends[] = {" Police", " Constabulary", NULL};
	char **names = NULL, *best = NULL;
	size_t n = 0, best_n = 0;

	for (size_t e = 0; ends[e]; e++) {
		for (const char *q = strstr(text, ends[e]); q;
		     q = strstr(q + 1, ends[e])) {
			const char *a = q, *w = q;
			int words = 0;

			/* back over capitalised words: "West Midlands" */
			while (words < 4 && w > text &&
			       isalpha((unsigned char)w[-1])) {
				const char *st = w;

				while (st > text &&
				       isalpha((unsigned char)st[-1]))
					st--;
				if (!isupper((unsigned char)*st))
					break;
				a = st;
				words++;
				if (st == text || st[-1] != ' ')
					break;
				w = st - 1;
			}
			if (!words)
				continue;
			char *name =
			    ov_xstrndup(a, (size_t)(q - a) + strlen(ends[e]));

			if (strncmp(name, "The ", 4) == 0 ||
			    strstr(name, "National") ||
			    strstr(name, "College")) {
				free(name);
				continue;
			}
			names = ov_xrealloc(names, (n + 1) * sizeof *names);
			names[n++] = name;
		}
	}
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0, run = 1; i < n; i++, run++) {
		if (i + 1 < n && !strcmp(names[i], names[i + 1]))
			continue;
		if (run > best_n)
			best = names[i], best_n = run;
		run = 0;
	}
	best = ov_xstrdup(best);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return best;
}

/* "West Midlands Police" -> "WMP". */
static char *initials(const char *name)
{
	ov_buf b = OV_BUF_INIT;

	for (const char *s = name; *s; s++)
		if (isupper((unsigned char)*s) && (s == name || s[-1] == ' '))
			ov_buf_putc(&b, *s);
	return ov_buf_detach(&b);
}

static void note(ov_extract_result *r, char *s)
{
	r->notes = ov_xrealloc(r->notes, (r->n_notes + 1) * sizeof *r->notes);
	r->notes[r->n_notes++] = s;
}

static void set_force(ov_dataset *ds, const ov_extract_req *req,
                      const char *text, ov_extract_result *res)
{
	char *named = named_force(text);
	char *code = named ? initials(named) : NULL;
	ov_force *f;

	ds->forces = ov_xcalloc(1, sizeof *ds->forces);
	ds->n_forces = 1;
	f = &ds->forces[0];
	ov_force_init(f);
	if (req->force) {
		f->code = ov_xstrdup(req->force);
		if (named && strcasecmp(code, req->force) == 0) {
			f->name = ov_xstrdup(named);
		} else {
			f->name = ov_xstrdup(req->force);
			f->prov.assumed = true;
			f->prov.note = ov_xstrdup("the name is not known to "
			                          "extract: only the code was "
			                          "given");
		}
	} else if (named && *code) {
		f->code = ov_xstrdup(code);
		f->name = ov_xstrdup(named);
		f->prov.assumed = true;
		f->prov.note = ov_xasprintf("no --force given: the force the "
		                            "text names most, its code from "
		                            "the initials");
		note(res, ov_xasprintf("no --force given: taken as %s (%s), "
		                       "the force the text names most",
		                       code, named));
	} else {
		f->code = ov_xstrdup("FORCE");
		f->name = ov_xstrdup("Unknown force");
		f->prov.assumed = true;
		f->prov.note = ov_xstrdup("no --force given and the text names "
		                          "no force");
		note(res, ov_xstrdup("no --force given and the text names no "
		                     "force: the code FORCE is used"));
	}
	free(named);
	free(code);
}

/* ---- reports ------------------------------------------------------------- */

static bool report_findings(const ov_xdoc *doc, size_t rep)
{
	bool any = false;

	for (size_t i = 0; i < doc->n_items; i++) {
		if (doc->items[i].report != rep)
			continue;
		if (doc->items[i].text)
			return false;
		any = true;
	}
	return any;
}

static bool contains_ci(const char *s, const char *w)
{
	size_t n = strlen(w);

	for (; *s; s++)
		if (strncasecmp(s, w, n) == 0)
			return true;
	return false;
}

/* A report's kind as its title names it; OV_REP_OTHER when it does not. */
static enum ov_report_kind kind_of(const char *title)
{
	static const struct {
		const char *word;
		enum ov_report_kind kind;
	} k[] = {
	    {"PEEL", OV_REP_PEEL},           {"joint", OV_REP_JOINT},
	    {"spotlight", OV_REP_SPOTLIGHT}, {"re-visit", OV_REP_REVISIT},
	    {"revisit", OV_REP_REVISIT},     {"thematic", OV_REP_THEMATIC},
	};

	for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
		if (contains_ci(title, k[i].word))
			return k[i].kind;
	return OV_REP_OTHER;
}

static int set_reports(ov_dataset *ds, const ov_extract_req *req,
                       const ov_xdoc *doc, ov_extract_result *res, ov_diag *d)
{
	char *base = basename_of(req->path);

	ds->reports = ov_xcalloc(doc->n_reports, sizeof *ds->reports);
	ds->n_reports = doc->n_reports;
	if (req->published != OV_DAY_NONE && doc->n_reports > 1)
		note(res, ov_xasprintf("the text quotes %zu reports: "
		                       "--published is taken for each",
		                       doc->n_reports));
	for (size_t i = 0; i < doc->n_reports; i++) {
		const ov_xreport *x = &doc->reports[i];
		ov_report *r = &ds->reports[i];
		ov_buf nb = OV_BUF_INIT;
		const char *title = x->title             ? x->title
		                    : doc->first_heading ? doc->first_heading
		                                         : base;

		ov_report_init(r);
		r->title =
		    ov_xstrndup(title, ov_utf8_prefix(title, 200, &(bool){0}));
		r->short_name = ov_xstrdup(x->short_name);
		if (req->report && i == 0)
			r->id = ov_xstrdup(req->report);
		else if (req->report)
			r->id = ov_xasprintf("%s-%zu", req->report, i + 1);
		else
			r->id = slug(x->short_name ? x->short_name : title,
			             MAX_REPORT_ID);
		if (!*r->id || !isalnum((unsigned char)r->id[0])) {
			free(r->id);
			r->id = ov_xasprintf("report-%zu", i + 1);
		}
		for (size_t k = 0; k < i; k++)
			if (strcmp(ds->reports[k].id, r->id) == 0) {
				char *n = ov_xasprintf("%s-%zu", r->id, i + 1);

				free(r->id);
				r->id = n;
			}
		r->kind = kind_of(title);
		r->style =
		    report_findings(doc, i) ? OV_STYLE_FINDINGS : OV_STYLE_RECS;
		r->published = x->published;
		if (req->published != OV_DAY_NONE)
			r->published = (ov_pdate){req->published, OV_PREC_DAY};
		ov_buf_printf(&nb, "extracted from %s", base);
		if (!x->title)
			ov_buf_printf(
			    &nb, "; title %s",
			    doc->first_heading
			        ? "taken from the text's first heading"
			        : "taken from the file name");
		ov_buf_puts(&nb, r->kind == OV_REP_OTHER
		                     ? "; kind not determined"
		                     : "; kind from the title");
		if (req->published == OV_DAY_NONE)
			ov_buf_puts(&nb, "; publication as the text states it");
		r->prov.assumed = true;
		r->prov.note = ov_buf_detach(&nb);
		if (r->published.prec == OV_PREC_NONE) {
			if (req->fmt == OV_EXTRACT_JSON) {
				ov_diag_at(
				    d, OV_PROB_INPUT, "published",
				    "%s: the text does not say when '%.80s' "
				    "was published; give --published "
				    "YYYY-MM-DD",
				    req->path, r->title);
				free(base);
				return -1;
			}
			note(res, ov_xasprintf("report %s: no publication date "
			                       "found, so no due dates",
			                       r->id));
		} else if (r->published.prec != OV_PREC_DAY) {
			note(res,
			     ov_xasprintf("report %s: the text gives the "
			                  "publication only as a %s, so no "
			                  "due dates; give --published",
			                  r->id,
			                  r->published.prec == OV_PREC_YEAR
			                      ? "year"
			                      : "month"));
		}
	}
	free(base);
	return 0;
}

/* ---- recommendations ------------------------------------------------------
 */

static char kind_letter(enum ov_rec_kind k)
{
	return k == OV_RK_CAUSE ? 'C' : k == OV_RK_AFI ? 'A' : 'R';
}

static char **sort_refs; /* for cmp_ref: qsort has no context argument */

static int cmp_ref(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int r = strcmp(sort_refs[x], sort_refs[y]);

	return r ? r : (x > y) - (x < y);
}

/* Of refs that are equal, the first in the text keeps its ref; the others
 * lose it (drop) or get "-xN" after it, N their place in the text (no
 * report's number holds '-', so that is unique). */
static void make_unique(char **refs, size_t n, bool drop)
{
	size_t *ix = ov_xcalloc(n + 1, sizeof *ix), m = 0;

	for (size_t i = 0; i < n; i++)
		if (refs[i])
			ix[m++] = i;
	sort_refs = refs;
	qsort(ix, m, sizeof *ix, cmp_ref);
	for (size_t k = 1, first = 0; k < m; k++) {
		if (strcmp(refs[ix[k]], refs[ix[first]]) != 0) {
			first = k;
			continue;
		}
		char *r = drop
		              ? NULL
		              : ov_xasprintf("%s-x%zu", refs[ix[k]], ix[k] + 1);

		free(refs[ix[k]]);
		refs[ix[k]] = r;
	}
	sort_refs = NULL;
	free(ix);
}

/* Refs: REPORT-R3 from the report's own number, else REPORT-R01 in the
 * order found (-C causes of concern, -A areas for improvement). */
static char **make_refs(const ov_dataset *ds, const ov_xdoc *doc)
{
	size_t n = doc->n_items;
	char **refs = ov_xcalloc(n + 1, sizeof *refs);
	size_t *seq = ov_xcalloc(3 * doc->n_reports + 1, sizeof *seq);

	for (size_t i = 0; i < n; i++) {
		const ov_xitem *it = &doc->items[i];
		char *num = it->number ? slug(it->number, 8) : NULL;

		if (num && *num && !strchr(num, '-'))
			refs[i] =
			    ov_xasprintf("%s-%c%s", ds->reports[it->report].id,
			                 kind_letter(it->kind), num);
		free(num);
	}
	make_unique(refs, n, true);
	for (size_t i = 0; i < n; i++) {
		const ov_xitem *it = &doc->items[i];

		if (refs[i])
			continue;
		refs[i] =
		    ov_xasprintf("%s-%c%02zu", ds->reports[it->report].id,
		                 kind_letter(it->kind),
		                 ++seq[3 * it->report + (size_t)it->kind]);
	}
	make_unique(refs, n, false);
	free(seq);
	return refs;
}

static ov_event *push_event(ov_rec *r)
{
	r->events =
	    ov_xrealloc(r->events, (r->n_events + 1) * sizeof *r->events);
	ov_event *e = &r->events[r->n_events++];

	ov_event_init(e);
	e->author = ov_xstrdup(AUTHOR);
	return e;
}

static const char *status_words(const char *s)
{
	if (!strcmp(s, "awaiting-review"))
		return "awaiting review";
	if (!strcmp(s, "being-progressed"))
		return "being progressed";
	return NULL;
}

static int cmp_xev(const void *a, const void *b)
{
	const ov_xevent *x = *(ov_xevent *const *)a,
	                *y = *(ov_xevent *const *)b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* The timeline: created on the publication day (today when that is not
 * known to the day, or later than a week ahead), then the history in
 * date order: a status as an update, "complete" as the closure by
 * HMICFRS with the comment beside it as its basis, comments as updates. */
static void timeline(ov_rec *r, const ov_xitem *it, const ov_report *rep,
                     const char *file, char ***doubts, size_t *nd)
{
	ov_day today = ov_date_today(), created;
	const ov_xevent **ev = ov_xcalloc(it->n_events + 1, sizeof *ev);
	size_t n = 0;
	bool *used = ov_xcalloc(it->n_events + 1, sizeof *used);
	ov_event *e;

	created =
	    rep->published.prec == OV_PREC_DAY ? rep->published.day : today;
	if (created > today + OV_FUTURE_DAYS)
		created = today;
	for (size_t i = 0; i < it->n_events; i++) {
		if (it->events[i].date != OV_DAY_NONE &&
		    it->events[i].date > today + OV_FUTURE_DAYS) {
			*doubts =
			    ov_xrealloc(*doubts, (*nd + 1) * sizeof **doubts);
			(*doubts)[(*nd)++] = ov_xstrdup(
			    "a history entry dated in the future is left out");
			continue;
		}
		ev[n++] = &it->events[i];
		if (ev[n - 1]->date != OV_DAY_NONE && ev[n - 1]->date < created)
			created = ev[n - 1]->date;
	}
	qsort(ev, n, sizeof *ev, cmp_xev);
	e = push_event(r);
	e->date = created;
	e->kind = OV_EV_CREATED;
	e->author = (free(e->author), ov_xstrdup("oversight extract"));
	e->text = ov_xasprintf("Extracted from %s", file);
	for (size_t i = 0; i < n; i++) {
		const ov_xevent *x = ev[i];
		ov_day day = x->date == OV_DAY_NONE ? created : x->date;

		if (used[i])
			continue;
		e = push_event(r);
		e->date = day;
		if (x->kind == OV_XEV_COMMENT) {
			e->kind = OV_EV_UPDATE;
			e->text = ov_xstrdup(x->text);
		} else if (!strcmp(x->status, "complete")) {
			e->kind = OV_EV_CLOSED;
			/* the comment of the same entry is the basis */
			for (size_t k = i + 1; k < n && !e->basis; k++)
				if (ev[k]->kind == OV_XEV_COMMENT &&
				    (ev[k]->date == x->date ||
				     ev[k]->date == OV_DAY_NONE)) {
					e->basis = ov_xstrdup(ev[k]->text);
					used[k] = true;
				}
			if (!e->basis)
				e->basis = ov_xstrdup("Marked complete on "
				                      "HMICFRS's register");
		} else {
			const char *w = status_words(x->status);

			e->kind = OV_EV_UPDATE;
			e->text =
			    ov_xasprintf("Status on HMICFRS's register: %s",
			                 w ? w : x->status);
			if (!w) {
				*doubts = ov_xrealloc(
				    *doubts, (*nd + 1) * sizeof **doubts);
				(*doubts)[(*nd)++] = ov_xasprintf(
				    "unknown register status '%.*s', kept "
				    "as an update",
				    (int)ov_utf8_prefix(x->status, 40,
				                        &(bool){0}),
				    x->status);
			}
		}
	}
	free(used);
	free(ev);
}

static char *joined(char **v, size_t n, const char *sep)
{
	ov_buf b = OV_BUF_INIT;

	for (size_t i = 0; i < n; i++) {
		if (i)
			ov_buf_puts(&b, sep);
		ov_buf_puts(&b, v[i]);
	}
	return n ? ov_buf_detach(&b) : NULL;
}

static void set_recs(ov_dataset *ds, const ov_xdoc *doc, const char *file,
                     ov_extract_result *res)
{
	char **refs = make_refs(ds, doc);
	/* the recommendations answering each cause, as lists through
	 * next_answer (indices + 1, in the order of the text) */
	size_t *first_answer = ov_xcalloc(doc->n_items + 1, sizeof(size_t));
	size_t *next_answer = ov_xcalloc(doc->n_items + 1, sizeof(size_t));
	size_t *last = ov_xcalloc(doc->n_items + 1, sizeof(size_t));

	for (size_t k = 0; k < doc->n_items; k++) {
		size_t c = doc->items[k].cause;

		if (!c)
			continue;
		if (last[c - 1])
			next_answer[last[c - 1] - 1] = k + 1;
		else
			first_answer[c - 1] = k + 1;
		last[c - 1] = k + 1;
	}
	free(last);

	ds->recs = ov_xcalloc(doc->n_items + 1, sizeof *ds->recs);
	ds->n_recs = doc->n_items;
	res->rows = ov_xcalloc(doc->n_items + 1, sizeof *res->rows);
	res->n_rows = doc->n_items;
	for (size_t i = 0; i < doc->n_items; i++) {
		const ov_xitem *it = &doc->items[i];
		ov_rec *r = &ds->recs[i];
		ov_extract_row *row = &res->rows[i];
		const ov_report *rep = &ds->reports[it->report];
		ov_buf nb = OV_BUF_INIT;
		char **ans = NULL;
		size_t n_ans = 0;

		ov_rec_init(r);
		r->ref = ov_xstrdup(refs[i]);
		r->report = ov_xstrdup(rep->id);
		r->force = ov_xstrdup(ds->forces[0].code);
		r->area = ov_xstrdup(it->area); /* NULL: none stated */
		r->kind = it->kind;
		r->addressee = it->addressee;
		r->timescale = ov_xstrdup(it->timescale);
		r->text = ov_xstrdup(it->text);
		if (!r->text && rep->style == OV_STYLE_RECS)
			r->text = ov_xstrdup(it->finding);
		r->finding = ov_xstrdup(it->finding);
		r->response = ov_xstrdup(it->response);
		r->n_bullets = it->n_bullets;
		r->bullets = ov_xcalloc(it->n_bullets + 1, sizeof *r->bullets);
		for (size_t k = 0; k < it->n_bullets; k++)
			r->bullets[k] = ov_xstrdup(it->bullets[k]);
		for (size_t k = 0; k < it->n_doubts; k++) {
			row->doubts =
			    ov_xrealloc(row->doubts, (row->n_doubts + 1) *
			                                 sizeof *row->doubts);
			row->doubts[row->n_doubts++] =
			    ov_xstrdup(it->doubts[k]);
		}
		timeline(r, it, rep, file, &row->doubts, &row->n_doubts);
		row->due = ov_rec_due(r, rep);
		if (it->cause) {
			row->cause = ov_xstrdup(refs[it->cause - 1]);
			r->cause = ov_xstrdup(row->cause);
		}
		for (size_t k = first_answer[i]; k; k = next_answer[k - 1]) {
			ans = ov_xrealloc(ans, (n_ans + 1) * sizeof *ans);
			ans[n_ans++] = refs[k - 1];
		}
		row->answered_by = joined(ans, n_ans, ", ");
		free(ans);
		ov_buf_printf(&nb, "extracted from %s, line %zu", file,
		              it->line);
		if (row->n_doubts) {
			char *j = joined(row->doubts, row->n_doubts, "; ");

			ov_buf_printf(&nb, "; not determined: %s", j);
			free(j);
			res->n_doubtful++;
		}
		r->prov.assumed = row->n_doubts > 0;
		r->prov.note = ov_buf_detach(&nb);
	}
	for (size_t i = 0; i < doc->n_items; i++)
		free(refs[i]);
	free(refs);
	free(first_answer);
	free(next_answer);
}

/* ---- the request ----------------------------------------------------------
 */

/* ds sorted, and res->rows in the same order as ds->recs: both by ref,
 * refs being unique. */
static void sort_rows(ov_dataset *ds, ov_extract_result *res)
{
	size_t n = ds->n_recs;
	size_t *order = ov_xcalloc(n + 1, sizeof *order);
	ov_extract_row *rows = ov_xcalloc(n + 1, sizeof *rows);
	char **refs = ov_xcalloc(n + 1, sizeof *refs);

	for (size_t i = 0; i < n; i++) {
		order[i] = i;
		refs[i] = ds->recs[i].ref;
	}
	sort_refs = refs;
	qsort(order, n, sizeof *order, cmp_ref);
	sort_refs = NULL;
	for (size_t i = 0; i < n; i++)
		rows[i] = res->rows[order[i]];
	free(refs);
	free(order);
	free(res->rows);
	res->rows = rows;
	ov_dataset_sort(ds);
}

static int write_json(const ov_dataset *ds, const char *path, ov_diag *d)
{
	ov_outfile o;

	if (ov_outfile_open(&o, path ? path : "-", d) != 0)
		return -1;
	if (ov_json_write(ds, o.f, d) != 0) {
		ov_outfile_abort(&o);
		return -1;
	}
	return ov_outfile_commit(&o, d);
}

int ov_app_extract(const ov_extract_req *req, ov_extract_result *out,
                   ov_diag *d)
{
	char *text = NULL;
	size_t n = 0;
	ov_xdoc *doc = NULL;
	ov_dataset *ds = NULL;
	char *file = NULL;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (req->force && !ov_valid_id(req->force)) {
		ov_diag_at(
		    d, OV_PROB_INPUT, "force",
		    "'" OV_DIAG_Q "' is not a force code (1 to 64 of "
		    "A-Z a-z 0-9 . _ -, starting with a letter or digit)",
		    OV_DIAG_QV(req->force));
		return -1;
	}
	/* room for "-R01" after it in a ref */
	if (req->report && (!ov_valid_id(req->report) ||
	                    strlen(req->report) > MAX_REPORT_ID)) {
		ov_diag_at(
		    d, OV_PROB_INPUT, "report",
		    "'" OV_DIAG_Q "' is not a report id (1 to %d of "
		    "A-Z a-z 0-9 . _ -, starting with a letter or digit)",
		    OV_DIAG_QV(req->report), MAX_REPORT_ID);
		return -1;
	}
	if (read_text(req->path, &text, &n, d) != 0 ||
	    ov_extract_parse(req->path, text, n, &doc, d) != 0)
		goto out;
	file = ov_xstrdup(strrchr(req->path, '/') ? strrchr(req->path, '/') + 1
	                                          : req->path);
	ds = ov_dataset_new();
	set_force(ds, req, text, out);
	if (set_reports(ds, req, doc, out, d) != 0)
		goto out;
	set_recs(ds, doc, file, out);
	/* What the extractor made must be what import takes. */
	if (ov_validate_dataset(ds, d) != 0)
		goto out;
	sort_rows(ds, out);
	if (req->fmt == OV_EXTRACT_JSON && write_json(ds, req->out, d) != 0)
		goto out;
	out->ds = ds;
	ds = NULL;
	rc = 0;
out:
	if (rc != 0)
		ov_extract_result_release(out);
	ov_dataset_free(ds);
	ov_extract_doc_free(doc);
	free(text);
	free(file);
	return rc;
}

void ov_extract_result_release(ov_extract_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n_rows; i++) {
		ov_extract_row *row = &r->rows[i];

		free(row->cause);
		free(row->answered_by);
		for (size_t k = 0; k < row->n_doubts; k++)
			free(row->doubts[k]);
		free(row->doubts);
	}
	free(r->rows);
	for (size_t i = 0; i < r->n_notes; i++)
		free(r->notes[i]);
	free(r->notes);
	ov_dataset_free(r->ds);
	memset(r, 0, sizeof *r);
}
