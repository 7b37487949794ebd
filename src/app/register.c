#define _GNU_SOURCE /* qsort_r */
/*
 * The register as at a date, two ways that give the same rows.
 *
 * From the stored state: the store keeps each rec's fold, now (its
 * stored state) and as at every date (its state intervals, app/state.c
 * and core's ov_rec_intervals), and answers as at any date from them.
 * The filters are turned into filters on stored columns, the order into
 * sort keys, and the store filters, sorts, counts and cuts the page
 * (ov_store_query_states); here only the page's rows are made.
 *
 * By folding: where the store says it cannot answer (its stored state is
 * stale and this reader may not rebuild it, or f->fold asks for it: tests
 * and benchmarks compare the two ways), the store streams the
 * recommendations that pass
 * the filters on stored columns (report, area, force, due, search words),
 * each with its timeline up to the date; here each is folded
 * (ov_rec_fold, the one fold), the filters on the folded state are
 * applied (status, RAG, owner, overdue, closed since), the rows that pass
 * are built with their report's title and their owner's display name,
 * then sorted and cut to the page.
 *
 * One table of sort keys (sort_keys) is both the store's ORDER BY and the
 * comparison here; tests/store compares the two ways for every filter and
 * order on random registers.
 */
#include "app/app.h"
#include "app/common.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "io/json.h"
#include "util/mem.h"

static const char *const sort_codes[OV_SORT_N] = {"report", "ref", "due",
						  "status"};

void ov_rec_filter_init(ov_rec_filter *f, ov_day as_at)
{
	static const ov_rec_filter none = {
		.status = OV_STATUS_NONE, .rag = OV_RAG_NONE,
		.due_before = OV_DAY_NONE, .closed_since = OV_DAY_NONE,
		.sort = OV_SORT_REPORT};

	*f = none;
	f->as_at = as_at;
}

static int bad_value(ov_diag *d, const char *name, const char *value,
		     const char *expected)
{
	ov_diag_at(d, OV_PROB_INPUT, name, "'" OV_DIAG_Q "' is not %s",
		   OV_DIAG_QV(value), expected);
	return -1;
}

static int set_date(ov_day *out, const char *name, const char *value,
		    ov_diag *d)
{
	if (ov_date_parse(value, out) == 0)
		return 0;
	return bad_value(d, name, value,
			 "a valid date (expected YYYY-MM-DD)");
}

/* An enum filter: parsed (0), "none" where allowed (0), or refused
 * naming the codes. */
static int set_code(const char *name, const char *value, bool none_ok,
		    int parsed, const char *codes, ov_diag *d)
{
	char *expected;
	int rc;

	if (parsed == 0 || (none_ok && strcmp(value, "none") == 0))
		return 0;
	expected = ov_xasprintf("one of %s%s", codes, none_ok ? ", none" : "");
	rc = bad_value(d, name, value, expected);
	free(expected);
	return rc;
}

static int set_rag(ov_rec_filter *f, const char *value, ov_diag *d)
{
	f->rag_set = true;
	f->rag = OV_RAG_NONE;
	return set_code("rag", value, true, ov_rag_parse(value, &f->rag),
			ov_rag_codes(), d);
}

static int set_status(ov_rec_filter *f, const char *value, ov_diag *d)
{
	f->status_set = true;
	return set_code("status", value, false,
			ov_status_parse(value, &f->status), ov_status_codes(),
			d);
}

static int set_sort(ov_rec_filter *f, const char *value, ov_diag *d)
{
	for (int i = 0; i < OV_SORT_N; i++)
		if (strcmp(value, sort_codes[i]) == 0) {
			f->sort = i;
			return 0;
		}
	return bad_value(d, "sort", value, "one of report, ref, due, status");
}

static int set_flag(bool *out, const char *name, const char *value,
		    ov_diag *d)
{
	if (!value || !*value || !strcmp(value, "1") ||
	    !strcmp(value, "true") || !strcmp(value, "yes"))
		*out = true;
	else if (!strcmp(value, "0") || !strcmp(value, "false") ||
		 !strcmp(value, "no"))
		*out = false;
	else
		return bad_value(d, name, value, "true or false");
	return 0;
}

/* A blank q is no search; a q is bounded and UTF-8. */
static int set_q(ov_rec_filter *f, const char *value, ov_diag *d)
{
	const char *p = value;

	while (*p && strchr(" \t\r\n\f\v", *p))
		p++;
	if (!*p) {
		f->q = NULL;
		return 0;
	}
	if (strlen(value) > OV_REC_Q_MAX) {
		ov_diag_at(d, OV_PROB_INPUT, "q",
			   "search words too long (%zu bytes; at most %d)",
			   strlen(value), OV_REC_Q_MAX);
		return -1;
	}
	if (!ov_json_utf8_valid(value)) {
		ov_diag_at(d, OV_PROB_INPUT, "q",
			   "search words are not valid UTF-8");
		return -1;
	}
	f->q = value;
	return 0;
}

/* The filters that are a plain id or text: where each goes. */
static const char **text_filter(ov_rec_filter *f, const char *name)
{
	if (!strcmp(name, "report"))
		return &f->report;
	if (!strcmp(name, "owner"))
		return &f->owner;
	if (!strcmp(name, "area"))
		return &f->area;
	if (!strcmp(name, "force"))
		return &f->force;
	return NULL;
}

int ov_rec_filter_set(ov_rec_filter *f, const char *name, const char *value,
		      ov_diag *d)
{
	const char **text = text_filter(f, name);

	if (!strcmp(name, "overdue"))
		return set_flag(&f->overdue, name, value, d);
	if (!value)
		return bad_value(d, name, "", "given");
	if (text) {
		*text = value;
		return 0;
	}
	if (!strcmp(name, "status"))
		return set_status(f, value, d);
	if (!strcmp(name, "rag"))
		return set_rag(f, value, d);
	if (!strcmp(name, "sort"))
		return set_sort(f, value, d);
	if (!strcmp(name, "q"))
		return set_q(f, value, d);
	if (!strcmp(name, "as-at"))
		return set_date(&f->as_at, name, value, d);
	if (!strcmp(name, "due-before"))
		return set_date(&f->due_before, name, value, d);
	ov_diag_at(d, OV_PROB_INPUT, name, "not a filter of the register");
	return -1;
}

/* Display names by owner id, made once each (from the stored state,
 * where a row's owner is a person the store read for it): open
 * addressing, cap a power of two, at most half full. */
typedef struct name_cache {
	char **id, **disp;
	size_t n, cap;
} name_cache;

typedef struct reg {
	const ov_rec_filter *f;
	ov_dataset *ds;     /* people and reports (folding only) */
	char **disp;        /* display name of each person, made once */
	name_cache names;   /* from the stored state */
	ov_rec_row *rows;
	size_t n, cap;
} reg;

static size_t name_slot(char *const *ids, size_t cap, const char *id)
{
	size_t h = 14695981039346656037u;

	for (const char *p = id; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	for (h &= cap - 1; ids[h] && strcmp(ids[h], id);
	     h = (h + 1) & (cap - 1))
		;
	return h;
}

static void name_cache_grow(name_cache *c)
{
	size_t cap = c->cap ? 2 * c->cap : 64;
	char **id = ov_xcalloc(cap, sizeof *id);
	char **disp = ov_xcalloc(cap, sizeof *disp);

	for (size_t i = 0; i < c->cap; i++)
		if (c->id[i]) {
			size_t k = name_slot(id, cap, c->id[i]);

			id[k] = c->id[i];
			disp[k] = c->disp[i];
		}
	free(c->id);
	free(c->disp);
	c->id = id;
	c->disp = disp;
	c->cap = cap;
}

/* p's display name, borrowed from c (made on first sight of p's id). */
static const char *name_cached(name_cache *c, const ov_person *p)
{
	size_t k;

	if (2 * (c->n + 1) > c->cap)
		name_cache_grow(c);
	k = name_slot(c->id, c->cap, p->id);
	if (!c->id[k]) {
		c->id[k] = ov_xstrdup(p->id);
		c->disp[k] = ov_person_display(p);
		c->n++;
	}
	return c->disp[k];
}

static void name_cache_release(name_cache *c)
{
	for (size_t i = 0; i < c->cap; i++) {
		free(c->id[i]);
		free(c->disp[i]);
	}
	free(c->id);
	free(c->disp);
	memset(c, 0, sizeof *c);
}

/* "Name, Title" of the owner, borrowed from r or (an owner not among the
 * people, which the schema forbids) made in *tmp, which the caller
 * frees. */
static const char *owner_display(reg *r, const char *owner, char **tmp)
{
	const ov_person *p = ov_dataset_find_person(r->ds, owner);
	size_t i;

	*tmp = NULL;
	if (!owner)
		return NULL;
	if (!p) {
		ov_person missing = {.id = (char *)owner};
		return *tmp = ov_person_display(&missing);
	}
	i = (size_t)(p - r->ds->people);
	if (!r->disp[i])
		r->disp[i] = ov_person_display(p);
	return r->disp[i];
}

enum { RS_REF, RS_REPORT, RS_TITLE, RS_FORCE, RS_AREA, RS_SUBJECT,
       RS_TIMESCALE, RS_TEXT, RS_PLAN, RS_OWNER, RS_OWNER_NAME,
       RS_CLOSED_BY, RS_BASIS, RS_LAST_UPDATE, RS_N };

static char **row_field(ov_rec_row *r, int i)
{
	char **f[RS_N] = {
		&r->ref, &r->report, &r->report_title, &r->force, &r->area,
		&r->subject, &r->timescale, &r->text, &r->plan, &r->owner,
		&r->owner_name, &r->closed_by, &r->basis, &r->last_update};
	return f[i];
}

/* Point r's strings into one new block holding copies of v (NULLs stay
 * NULL): a row is one malloc and one free. */
static void row_strings(ov_rec_row *r, const char *const v[RS_N])
{
	size_t len[RS_N], total = 0;
	char *p;

	for (int i = 0; i < RS_N; i++) {
		len[i] = v[i] ? strlen(v[i]) + 1 : 0;
		total += len[i];
	}
	p = ov_xmalloc(total ? total : 1);
	for (int i = 0; i < RS_N; i++) {
		*row_field(r, i) = v[i] ? memcpy(p, v[i], len[i]) : NULL;
		p += len[i];
	}
}

/* What a row is made of, whichever way it was read. */
typedef struct row_src {
	const ov_rec *rec;
	const ov_store_state *st;
	ov_day due;
	const char *report_title, *report_plan, *owner_name;
} row_src;

static void make_row(const row_src *src, ov_rec_row *r)
{
	const ov_rec *rec = src->rec;
	const ov_store_state *st = src->st;
	const char *v[RS_N];

	v[RS_REF] = rec->ref;
	v[RS_REPORT] = rec->report;
	v[RS_TITLE] = src->report_title;
	v[RS_FORCE] = rec->force;
	v[RS_AREA] = rec->area;
	v[RS_SUBJECT] = rec->subject;
	v[RS_TIMESCALE] = rec->timescale;
	v[RS_TEXT] = rec->text;
	v[RS_PLAN] = rec->plan ? rec->plan : src->report_plan;
	v[RS_OWNER] = st->owner;
	v[RS_OWNER_NAME] = src->owner_name;
	v[RS_CLOSED_BY] = st->closed_by;
	v[RS_BASIS] = st->basis;
	v[RS_LAST_UPDATE] = st->last_update;
	memset(r, 0, sizeof *r);
	row_strings(r, v);
	r->kind = rec->kind;
	r->addressee = rec->addressee;
	r->due = src->due;
	r->status = st->status;
	r->status_date = st->status_date;
	r->rag = st->rag;
	r->last_update_date = st->last_update_date;
}

static void add_row(reg *g, const row_src *src)
{
	OV_GROW(g->rows, g->cap, g->n + 1);
	make_row(src, &g->rows[g->n++]);
}

/* ---- the order ---- */

/* Each order as keys, in turn; every one ends in ref (unique), so it is
 * a total order.  The store sorts on the same keys. */
static const enum ov_store_key sort_keys[OV_SORT_N][OV_STORE_MAX_KEYS] = {
	[OV_SORT_REPORT] = {OV_KEY_REPORT, OV_KEY_REF},
	[OV_SORT_REF] = {OV_KEY_REF},
	[OV_SORT_DUE] = {OV_KEY_DUE, OV_KEY_REPORT, OV_KEY_REF},
	[OV_SORT_STATUS] = {OV_KEY_STATUS, OV_KEY_REPORT, OV_KEY_REF},
};

/* Strings compare bytewise with NULL first; days with none last. */
static int cmp_str(const char *a, const char *b)
{
	if (!a || !b)
		return a == b ? 0 : a ? 1 : -1;
	return strcmp(a, b);
}

static int cmp_day(ov_day a, ov_day b)
{
	if (a == b)
		return 0;
	if (a == OV_DAY_NONE || b == OV_DAY_NONE)
		return a == OV_DAY_NONE ? 1 : -1;
	return a < b ? -1 : 1;
}

static int cmp_key(const ov_rec_row *a, const ov_rec_row *b,
		   enum ov_store_key k)
{
	int ra, rb;

	switch (k) {
	case OV_KEY_REF:
		return cmp_str(a->ref, b->ref);
	case OV_KEY_REPORT:
		return cmp_str(a->report, b->report);
	case OV_KEY_DUE:
		return cmp_day(a->due, b->due);
	case OV_KEY_STATUS:
		ra = app_status_rank(a->status);
		rb = app_status_rank(b->status);
		return (ra > rb) - (ra < rb);
	case OV_KEY_END:
		break;
	}
	return 0;
}

/* qsort_r, so that threads each sorting their own register do not share
 * the order. */
static int cmp_rows(const void *pa, const void *pb, void *arg)
{
	const ov_rec_row *a = *(const ov_rec_row *const *)pa,
			 *b = *(const ov_rec_row *const *)pb;
	const enum ov_store_key *keys = arg;
	int c = 0;

	for (int i = 0; !c && i < OV_STORE_MAX_KEYS && keys[i]; i++)
		c = cmp_key(a, b, keys[i]);
	return c;
}

static void rows_release(ov_rec_row *rows, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		free(rows[i].ref);
}

/* Sort the rows (as pointers: a row is many times a pointer), keep the
 * page, free the rest. */
static void order_and_page(reg *g, const ov_rec_filter *f, ov_register *out)
{
	ov_rec_row **p = ov_xmalloc((g->n ? g->n : 1) * sizeof *p);
	size_t from = f->offset < g->n ? f->offset : g->n;
	size_t to = f->limit && f->limit < g->n - from ? from + f->limit
						      : g->n;

	for (size_t i = 0; i < g->n; i++)
		p[i] = &g->rows[i];
	qsort_r(p, g->n, sizeof *p, cmp_rows, (void *)sort_keys[f->sort]);
	out->rows = ov_xmalloc((to - from ? to - from : 1) * sizeof *out->rows);
	for (size_t i = 0; i < g->n; i++) {
		if (i >= from && i < to)
			out->rows[i - from] = *p[i];
		else
			free(p[i]->ref);
	}
	out->n = to - from;
	out->total = g->n;
	free(p);
	free(g->rows);
	g->rows = NULL;
	g->n = 0;
}

/* ---- from the stored state ---- */

/* The statuses for which test(st) holds: core's rules on the status,
 * asked of every status, so that the store's filter is theirs. */
static unsigned statuses_where(bool (*test)(const ov_rec_state *, void *),
			       void *arg)
{
	unsigned bits = 0;

	for (int s = 0; s <= OV_STATUS_NA; s++) {
		ov_rec_state st = {.status = (enum ov_status)s};

		if (test(&st, arg))
			bits |= 1u << s;
	}
	return bits;
}

/* overdue (ov_rec_overdue) is a live status and a due date before
 * as_at: the status part, as at the day after a due date. */
static bool may_be_overdue(const ov_rec_state *st, void *arg)
{
	ov_day as_at = *(const ov_day *)arg;

	return ov_rec_overdue(st, as_at - 1, as_at);
}

/* closed since (ov_rec_closed_since) is a status and a status date after
 * since: the status part, for a status on the day after. */
static bool may_be_closed_since(const ov_rec_state *st, void *arg)
{
	ov_rec_state at = *st;
	ov_day since = *(const ov_day *)arg;

	at.status_date = since + 1;
	return ov_rec_closed_since(&at, since);
}

static void query_for(const ov_rec_filter *f, ov_store_query *q)
{
	ov_day as_at = f->as_at, since = f->closed_since;
	unsigned all = (1u << (OV_STATUS_NA + 1)) - 1, one;
	size_t k = 0;

	memset(q, 0, sizeof *q);
	q->as_at = f->as_at;
	q->statuses = f->status_set ? 1u << f->status : all;
	q->rag_set = f->rag_set;
	q->rag = f->rag;
	q->owner = f->owner;
	q->report = f->report;
	q->area = f->area;
	q->force = f->force;
	q->due_before = f->due_before;
	q->status_after = OV_DAY_NONE;
	q->q = f->q;
	q->offset = f->offset;
	q->limit = f->limit;
	if (f->overdue) {
		q->statuses &= as_at == OV_DAY_NONE
				       ? 0
				       : statuses_where(may_be_overdue, &as_at);
		if (q->due_before == OV_DAY_NONE || as_at < q->due_before)
			q->due_before = as_at;
	}
	if (f->closed_since_set) {
		q->statuses &= statuses_where(may_be_closed_since, &since);
		q->status_after = since;
	}
	/* Within one status the status key is the same for every row: the
	 * order is the rest of the keys (and the status filter's index gives
	 * it). */
	one = q->statuses && !(q->statuses & (q->statuses - 1));
	for (int i = 0; i < OV_STORE_MAX_KEYS && sort_keys[f->sort][i]; i++)
		if (!(one && sort_keys[f->sort][i] == OV_KEY_STATUS))
			q->order[k++] = sort_keys[f->sort][i];
}

/* One row of the page, in order. */
static int take_state(const ov_store_state_row *row, void *ctx)
{
	reg *g = ctx;
	const ov_store_state *st = row->state;
	row_src src = {row->rec, st, row->due, row->report_title,
		       row->report_plan, NULL};
	ov_person missing = {.id = (char *)st->owner};

	if (st->owner)
		src.owner_name = name_cached(
		    &g->names, row->owner ? row->owner : &missing);
	add_row(g, &src);
	return 0;
}

/* The register from the stored state, if the store can give it. */
static int from_state(ov_app *a, const ov_rec_filter *f, ov_register *out,
		      bool *answered, ov_diag *d)
{
	reg g = {.f = f};
	ov_store_query q;
	size_t total = 0;
	ov_store_rc rc;

	query_for(f, &q);
	/* The whole list comes in the store's order and is sorted here. */
	q.any_order = !q.offset && !q.limit;
	rc = ov_store_query_states(a->s, &q, take_state, &g, &total, answered,
				   d);
	/* Each row holds its own copy of its owner's name. */
	name_cache_release(&g.names);
	if (rc != OV_STORE_OK) {
		rows_release(g.rows, 0, g.n);
		free(g.rows);
		return -1;
	}
	if (!*answered) {
		rows_release(g.rows, 0, g.n);
		free(g.rows);
		return 0;
	}
	if (q.any_order) {
		order_and_page(&g, f, out);
		return 0;
	}
	out->rows = g.rows ? g.rows : ov_xmalloc(sizeof *out->rows);
	out->n = g.n;
	out->total = total;
	return 0;
}

/* ---- by folding ---- */

static bool needs_status(const ov_rec_filter *f)
{
	return f->overdue || f->status_set || f->closed_since_set;
}

/* The filters on the folded status alone; a rec not yet created never
 * passes. */
static bool status_passes(const ov_rec_filter *f, const ov_rec_state *st,
			  ov_day due)
{
	if (st->status == OV_STATUS_NONE)
		return false;
	if (f->overdue && !ov_rec_overdue(st, due, f->as_at))
		return false;
	if (f->status_set && st->status != f->status)
		return false;
	if (f->closed_since_set && !ov_rec_closed_since(st, f->closed_since))
		return false;
	return true;
}

/* All the filters on the folded state. */
static bool state_passes(const ov_rec_filter *f, const ov_rec_state *st,
			 ov_day due)
{
	if (!status_passes(f, st, due))
		return false;
	if (f->rag_set && st->rag != f->rag)
		return false;
	if (f->owner && (!st->owner || strcmp(st->owner, f->owner) != 0))
		return false;
	return true;
}

/* The look before a rec is read whole: its status events alone fold to
 * its status (core/fold.h), so a status filter drops most recs here. */
static int probe_status(const ov_rec *brief, ov_day due, void *ctx)
{
	reg *g = ctx;
	ov_rec_state st;

	ov_rec_fold(brief, g->f->as_at, &st);
	return status_passes(g->f, &st, due);
}

static int take(const ov_rec *rec, ov_day due, void *ctx)
{
	reg *g = ctx;
	const ov_report *rep = ov_dataset_find_report(g->ds, rec->report);
	ov_rec_state folded;
	ov_store_state st;
	row_src src;
	char *tmp;

	ov_rec_fold(rec, g->f->as_at, &folded);
	if (!state_passes(g->f, &folded, due))
		return 0;
	app_state_from(&folded, &st);
	src = (row_src){rec, &st, due, rep ? rep->title : NULL,
			rep ? rep->plan : NULL, NULL};
	src.owner_name = owner_display(g, st.owner, &tmp);
	add_row(g, &src);
	free(tmp);
	return 0;
}

static void scan_for(const ov_rec_filter *f, ov_store_scan *q)
{
	ov_store_scan_init(q);
	q->report = f->report;
	q->area = f->area;
	q->force = f->force;
	q->due_before = f->due_before;
	q->q = f->q;
	/* Overdue needs a due date before the date: a column filter too. */
	if (f->overdue && (q->due_before == OV_DAY_NONE ||
			   f->as_at < q->due_before))
		q->due_before = f->as_at;
	q->timeline = true;
	q->events_upto = f->as_at;
	if (needs_status(f)) {
		q->want = probe_status;
		q->probe_kinds = ov_status_event_kinds();
	}
}

static int by_folding(ov_app *a, const ov_rec_filter *f, ov_register *out,
		      ov_diag *d)
{
	reg g = {.f = f};
	ov_store_scan q;
	int rc = -1;

	if (app_load(a, NULL, OV_LOAD(OV_ENT_PERSON) | OV_LOAD(OV_ENT_REPORT),
		     &g.ds, d) < 0)
		return -1;
	g.disp = ov_xcalloc(g.ds->n_people + 1, sizeof *g.disp);
	scan_for(f, &q);
	if (ov_store_scan_recs(a->s, &q, take, &g, d) != OV_STORE_OK)
		goto out;
	order_and_page(&g, f, out);
	rc = 0;
out:
	rows_release(g.rows, 0, g.n);
	free(g.rows);
	for (size_t i = 0; i < g.ds->n_people; i++)
		free(g.disp[i]);
	free(g.disp);
	ov_dataset_free(g.ds);
	return rc;
}

int ov_app_register(ov_app *a, const ov_rec_filter *f, ov_register *out,
		    ov_diag *d)
{
	bool answered = false;

	memset(out, 0, sizeof *out);
	if (f->sort < 0 || f->sort >= OV_SORT_N) {
		ov_diag_at(d, OV_PROB_INPUT, "sort", "not a known order");
		return -1;
	}
	if (app_force_known(a, f->force, d) < 0)
		return -1;
	if (!f->fold && from_state(a, f, out, &answered, d) < 0)
		return -1;
	return answered ? 0 : by_folding(a, f, out, d);
}

/* ---- a row's columns ---- */

enum col_type { C_STR, C_DAY, C_KIND, C_ADDRESSEE, C_STATUS, C_RAG };

static const struct row_col {
	const char *name;
	enum col_type type;
	size_t off;
} row_cols[] = {
#define COL(t, m) {#m, t, offsetof(ov_rec_row, m)}
	COL(C_STR, ref),	 COL(C_STR, report),
	COL(C_STR, report_title), COL(C_STR, force),
	COL(C_STR, area),	 COL(C_STR, subject),
	COL(C_KIND, kind),	 COL(C_ADDRESSEE, addressee),
	COL(C_STR, timescale),	 COL(C_DAY, due),
	COL(C_STATUS, status),	 COL(C_DAY, status_date),
	COL(C_RAG, rag),	 COL(C_STR, owner),
	COL(C_STR, owner_name),	 COL(C_STR, closed_by),
	COL(C_STR, basis),	 COL(C_STR, last_update),
	COL(C_DAY, last_update_date), COL(C_STR, plan),
	COL(C_STR, text),
#undef COL
};

const size_t ov_rec_row_ncols = sizeof row_cols / sizeof row_cols[0];

const char *ov_rec_row_name(size_t col)
{
	return row_cols[col].name;
}

int ov_rec_row_col(const char *name)
{
	for (size_t i = 0; i < ov_rec_row_ncols; i++)
		if (strcmp(row_cols[i].name, name) == 0)
			return (int)i;
	return -1;
}

const char *ov_rec_row_get(const ov_rec_row *r, size_t col, char *buf)
{
	const void *m = (const char *)r + row_cols[col].off;
	ov_day day;

	switch (row_cols[col].type) {
	case C_STR:
		return *(char *const *)m;
	case C_DAY:
		day = *(const ov_day *)m;
		ov_date_format(day, buf);
		return day == OV_DAY_NONE ? NULL : buf;
	case C_KIND:
		return ov_rec_kind_code(r->kind);
	case C_ADDRESSEE:
		return ov_addressee_code(r->addressee);
	case C_STATUS:
		return ov_status_code(r->status);
	case C_RAG:
		return r->rag == OV_RAG_NONE ? NULL : ov_rag_code(r->rag);
	}
	return NULL;
}

void ov_register_release(ov_register *r)
{
	if (!r)
		return;
	rows_release(r->rows, 0, r->n);
	free(r->rows);
	memset(r, 0, sizeof *r);
}
