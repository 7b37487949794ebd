/*
 * The JSON API under /api/v1; docs/openapi.json describes every call and
 * tests/web/test_api.py checks the real answers against it.
 *
 * The server has already checked the session, the right and (for a POST)
 * the X-CSRF-Token header.  Each handler here checks its query parameters
 * (an unknown, repeated or bad one is a 400 naming it), calls app once or
 * twice, builds one JSON object with jansson (put, push: a part that
 * cannot be made fails what holds it) and ends with reply(), which
 * answers with the object or with the problems met.  Entities
 * appear as the oversight/1 document writes them (ov_json_write_entity,
 * which walks the field tables of core/fields.h), a register row by the
 * register's own columns (ov_rec_row_*); what is derived (state as at a
 * date, counts, carry-forward) sits beside an entity, never inside it.
 * Problems are {"errors":[{kind, where, what}]} with the status of their
 * kind (ov_web_json_problems).  Dates are YYYY-MM-DD, enums their codes,
 * absent values null (in an entity: left out, as in the document).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/national.h"
#include "core/enums.h"
#include "core/fields.h"
#include "core/fold.h"
#include "io/json.h"
#include "util/date.h"
#include "util/mem.h"
#include "web/events.h"
#include "web/http.h"
#include "web/layout.h"

/* Rows of a page of the register: as the list page, unless `limit`. */
#define API_PAGE_ROWS 50
#define API_MAX_LIMIT 500
#define API_MAX_PAGE 1000000

/* ---- answers ---- */

/* Answer with doc (taken; NULL: it could not be built) as the body. */
static int answer(ov_web_resp *r, unsigned status, json_t *doc)
{
	char *text = doc ? json_dumps(doc, JSON_COMPACT) : NULL;

	json_decref(doc);
	if (!text) {
		ov_diag d = OV_DIAG_INIT;

		ov_diag_add(&d, "the answer could not be written");
		ov_web_json_problems(r, &d);
		ov_diag_release(&d);
		return 0;
	}
	ov_web_json(r, status, text);
	return 0;
}

/* How every handler ends: when ok, doc (taken) with status; else the
 * problems in d, or when there are none (a part of doc could not be
 * made, for want of memory), "the answer could not be written". */
static int reply(ov_web_resp *r, unsigned status, json_t *doc, bool ok,
                 const ov_diag *d)
{
	if (ok)
		return answer(r, status, doc);
	json_decref(doc);
	if (d->n) {
		ov_web_json_problems(r, d);
		return 0;
	}
	return answer(r, status, NULL);
}

/* Release a part that failed: NULL, so that what holds it fails too. */
static json_t *drop(json_t *j)
{
	json_decref(j);
	return NULL;
}

/* A JSON string, or null for NULL.  Text from the store is UTF-8 (it was
 * checked on the way in); should a value not be, null is shown rather
 * than a broken document. */
static json_t *jstr(const char *s)
{
	json_t *j = s ? json_string(s) : NULL;

	return j ? j : json_null();
}

static json_t *jday(ov_day day)
{
	char buf[11];

	if (day == OV_DAY_NONE)
		return json_null();
	ov_date_format(day, buf);
	return json_string(buf);
}

static json_t *jpdate(ov_pdate p)
{
	char buf[11];

	if (p.prec == OV_PREC_NONE)
		return json_null();
	ov_pdate_format(p, buf);
	return json_string(buf);
}

/* Entity e of shape sh as the oversight/1 document writes it: a new
 * object, or NULL with a runtime problem in d. */
static json_t *entity(const ov_shape *sh, const void *e, ov_diag *d)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	json_t *j = NULL;
	json_error_t err;
	int rc;

	if (!f) {
		ov_diag_add(d, "out of memory writing %s", sh->what);
		return NULL;
	}
	rc = ov_json_write_entity(sh, e, f, d);
	if (fclose(f) != 0 && rc == 0) {
		ov_diag_add(d, "cannot write %s", sh->what);
		rc = -1;
	}
	if (rc == 0 && !(j = json_loadb(text, len, 0, &err)))
		ov_diag_add(d, "cannot show %s: %s", sh->what, err.text);
	free(text);
	return j;
}

/* Set key of o to v (taken; jansson releases it when it cannot be set,
 * also when o is NULL): whether it was.  The usual step of building an
 * answer, where any part may be NULL after a problem; chained with &&,
 * the parts after a failed one are not made. */
static bool put(json_t *o, const char *key, json_t *v)
{
	return v && json_object_set_new(o, key, v) == 0;
}

/* Append v (taken) to the array *a; if it cannot be, *a is released and
 * set to NULL, which ends a loop `for (...; *a && ...; ...)`. */
static void push(json_t **a, json_t *v)
{
	if (!v || json_array_append_new(*a, v) != 0)
		*a = drop(*a);
}

/* A register row by the register's columns, in its order (the same walk
 * as `recs --json`).  A status of "" is a recommendation not created
 * yet as at the date asked: null. */
static json_t *row_json(const ov_rec_row *w)
{
	static int status_col = -2;
	json_t *o = json_object();
	char buf[11];

	if (status_col == -2)
		status_col = ov_rec_row_col("status");
	for (size_t c = 0; o && c < ov_rec_row_ncols; c++) {
		const char *v = ov_rec_row_get(w, c, buf);

		if ((int)c == status_col && v && !*v)
			v = NULL;
		if (!put(o, ov_rec_row_name(c), jstr(v)))
			o = drop(o);
	}
	return o;
}

/* ---- query parameters ---- */

static const char *const no_params[] = {NULL};

/* Every parameter given must be one of names (NULL-terminated) and be
 * given once; each that is not is a problem at its name. */
static int check_params(const ov_web_req *q, const char *const *names,
                        ov_diag *d)
{
	int rc = 0;

	for (size_t i = 0; i < q->query.n; i++) {
		const char *k = q->query.v[i].name;
		size_t before = 0;
		bool known = false;

		for (size_t j = 0; names[j]; j++)
			known |= strcmp(names[j], k) == 0;
		for (size_t j = 0; j < i; j++)
			before += strcmp(q->query.v[j].name, k) == 0;
		if (!known && before == 0) {
			ov_buf all = OV_BUF_INIT;

			for (size_t j = 0; names[j]; j++)
				ov_buf_printf(&all, "%s%s", j ? ", " : "",
				              names[j]);
			if (names[0])
				ov_diag_at(d, OV_PROB_INPUT, k,
				           "not a parameter of this call (it "
				           "takes %s)",
				           ov_buf_str(&all));
			else
				ov_diag_at(d, OV_PROB_INPUT, k,
				           "not a parameter of this call (it "
				           "takes none)");
			ov_buf_release(&all);
			rc = -1;
		} else if (known && before == 1) {
			ov_diag_at(d, OV_PROB_INPUT, k, "given more than once");
			rc = -1;
		}
	}
	return rc;
}

/* The parameters of a call that takes names and an as-at date (default
 * today): 0, or -1 with every problem in d. */
static int check_as_at(const ov_web_req *q, const char *const *names,
                       ov_day *as_at, ov_diag *d)
{
	return check_params(q, names, d) |
	       ov_web_query_day(q, OV_WEB_API, "as-at", q->today, as_at, d);
}

static int count_param(const ov_web_req *q, const char *name, long lo, long hi,
                       long dflt, size_t *out, ov_diag *d)
{
	const char *v = ov_web_query(q, name);
	char *end;
	long n;

	*out = (size_t)dflt;
	if (!v)
		return 0;
	n = strtol(v, &end, 10);
	if (*end || end == v || v[0] == '+' || v[0] == '-' || n < lo ||
	    n > hi) {
		ov_diag_at(d, OV_PROB_INPUT, name,
		           "'%s' is not a whole number from %ld to %ld", v, lo,
		           hi);
		return -1;
	}
	*out = (size_t)n;
	return 0;
}

/* ---- GET /api/v1/session ---- */

int ov_api_session(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	const ov_account *who = &q->sess->who;
	json_t *doc = NULL;
	bool ok = check_params(q, no_params, &d) == 0;

	if (ok)
		doc =
		    json_pack("{s:o, s:s, s:o, s:o, s:s}", "login",
		              jstr(who->login), "role", ov_role_code(who->role),
		              "person", jstr(who->person), "force",
		              jstr(who->force), "csrf", q->sess->csrf);
	reply(r, 200, doc, ok, &d);
	ov_diag_release(&d);
	return 0;
}

/* ---- GET /api/v1/recommendations ---- */

/* The list page's parameters (and the command line's force and
 * due-before); all but page and limit go to ov_rec_filter_set. */
static const char *const recs_params[] = {
    "q",       "status",     "rag",   "report", "owner", "area",  "force",
    "overdue", "due-before", "as-at", "sort",   "page",  "limit", NULL};

int ov_api_recs(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	ov_rec_filter f;
	ov_register reg = {0};
	size_t page = 1, limit = API_PAGE_ROWS;
	json_t *doc = NULL, *rows;
	int bad = check_params(q, recs_params, &d);
	bool ok = false;

	ov_rec_filter_init(&f, q->today);
	for (size_t i = 0; recs_params[i]; i++) {
		const char *v = ov_web_query(q, recs_params[i]);

		if (v && strcmp(recs_params[i], "page") &&
		    strcmp(recs_params[i], "limit") &&
		    ov_rec_filter_set(&f, recs_params[i], v, &d) < 0)
			bad = -1;
	}
	bad |= ov_web_scope_force(q, &f.force, &d);
	bad |= count_param(q, "page", 1, API_MAX_PAGE, 1, &page, &d);
	bad |= count_param(q, "limit", 1, API_MAX_LIMIT, API_PAGE_ROWS, &limit,
	                   &d);
	if (bad < 0)
		goto out;
	f.offset = (page - 1) * limit;
	f.limit = limit;
	if (ov_app_register(q->app, &f, &reg, &d) < 0)
		goto out;
	rows = json_array();
	for (size_t i = 0; rows && i < reg.n; i++)
		push(&rows, row_json(&reg.rows[i]));
	doc = json_object();
	ok = put(doc, "as_at", jday(f.as_at)) &&
	     put(doc, "page", json_integer((json_int_t)page)) &&
	     put(doc, "limit", json_integer((json_int_t)limit)) &&
	     put(doc, "total", json_integer((json_int_t)reg.total)) &&
	     put(doc, "recommendations", rows);
out:
	reply(r, 200, doc, ok, &d);
	ov_register_release(&reg);
	ov_diag_release(&d);
	return 0;
}

/* ---- GET /api/v1/recommendations/REF ---- */

/* The register's row for the recommendation v shows: its columns as at
 * v->as_at, the same as GET /recommendations gives.  Borrows from v. */
static void view_row(const ov_rec_view *v, ov_rec_row *w)
{
	const ov_rec *rec = &v->rec;
	const ov_rec_state *st = &v->state;

	memset(w, 0, sizeof *w);
	w->ref = rec->ref;
	w->report = rec->report;
	w->report_title = v->report.title;
	w->force = rec->force;
	w->area = rec->area;
	w->subject = rec->subject;
	w->timescale = rec->timescale;
	w->text = rec->text;
	w->kind = rec->kind;
	w->addressee = rec->addressee;
	w->due = v->due;
	w->status = st->status;
	w->status_date = st->status_date;
	w->rag = st->rag;
	w->owner = (char *)st->owner;
	w->owner_name = (char *)ov_rec_view_name(v, st->owner);
	w->closed_by = (char *)st->closed_by;
	w->basis = (char *)st->basis;
	w->last_update = (char *)st->last_update;
	w->last_update_date = st->last_update_date;
	w->plan = rec->plan ? rec->plan : v->report.plan;
}

static json_t *state_json(const ov_rec_view *v)
{
	ov_rec_row w;

	view_row(v, &w);
	return row_json(&w);
}

static json_t *rec_json(const ov_rec_view *v, ov_diag *d)
{
	json_t *o = json_object(), *names = json_object();

	for (size_t i = 0; names && i < v->n_names; i++)
		if (!put(names, v->names[i].id, jstr(v->names[i].name)))
			names = drop(names);
	if (put(o, "as_at", jday(v->as_at)) && put(o, "state", state_json(v)) &&
	    put(o, "later", json_integer((json_int_t)v->later)) &&
	    put(o, "recommendation", entity(&ov_shape_rec, &v->rec, d)) &&
	    put(o, "report", entity(&ov_shape_report, &v->report, d)) &&
	    put(o, "plan",
	        v->plan.id ? entity(&ov_shape_plan, &v->plan, d)
	                   : json_null()) &&
	    put(o, "names", names))
		return o;
	return drop(o);
}

int ov_api_rec(ov_web_req *q, ov_web_resp *r)
{
	static const char *const names[] = {"as-at", NULL};
	ov_diag d = OV_DIAG_INIT;
	ov_rec_view v;
	ov_day as_at;
	json_t *doc = NULL;

	memset(&v, 0, sizeof v);
	if (check_as_at(q, names, &as_at, &d) == 0 &&
	    ov_app_rec_visible(q->app, &q->sess->who, q->param, &d) == 0 &&
	    ov_app_rec_show(q->app, q->param, as_at, &v, &d) == 0)
		doc = rec_json(&v, &d);
	reply(r, 200, doc, doc != NULL, &d);
	ov_rec_view_release(&v);
	ov_diag_release(&d);
	return 0;
}

/* ---- POST /api/v1/recommendations/REF/events ---- */

/* The members an event may have (web/events.h), all strings. */
static const char *const event_keys[] = {
    "kind", "date", "note", "rag", "owner", "basis", "target", "reason", NULL};

static bool is_json(const char *ct)
{
	size_t n = strlen("application/json");

	return ct && strncasecmp(ct, "application/json", n) == 0 &&
	       (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

/* The body as an event: values[i] for event_keys[i] (borrowed from
 * *doc, which the caller releases), or -1 with every problem in d. */
static int read_event(const ov_web_req *q, json_t **doc, const char *values[],
                      ov_diag *d)
{
	json_error_t err;
	const char *key;
	json_t *v;
	int rc = 0;

	*doc = NULL;
	if (!is_json(q->content_type)) {
		ov_diag_at(d, OV_PROB_INPUT, "Content-Type",
		           "send the event as application/json");
		return -1;
	}
	if (!q->body || q->body_len == 0) {
		ov_diag_at(d, OV_PROB_INPUT, "body",
		           "the body is empty; send the event as a JSON "
		           "object");
		return -1;
	}
	if (!ov_web_utf8_ok(q->body, q->body_len)) {
		ov_diag_at(d, OV_PROB_INPUT, "body",
		           "the body is not UTF-8 "
		           "text (or holds a NUL byte)");
		return -1;
	}
	*doc = json_loadb(q->body, q->body_len, JSON_REJECT_DUPLICATES, &err);
	if (!*doc) {
		ov_diag_at(d, OV_PROB_INPUT, "body",
		           "not valid JSON at line %d, column %d: %s", err.line,
		           err.column, err.text);
		return -1;
	}
	if (!json_is_object(*doc)) {
		ov_diag_at(d, OV_PROB_INPUT, "body",
		           "the body must be a JSON object");
		return -1;
	}
	json_object_foreach(*doc, key, v)
	{
		size_t i;

		for (i = 0; event_keys[i] && strcmp(event_keys[i], key); i++)
			;
		if (!event_keys[i]) {
			ov_diag_at(d, OV_PROB_INPUT, key,
			           "not a member of an event (it has kind, "
			           "date, note, rag, owner, basis, target, "
			           "reason)");
			rc = -1;
		} else if (!json_is_string(v)) {
			ov_diag_at(d, OV_PROB_INPUT, key, "must be a string");
			rc = -1;
		} else if (json_string_length(v) > OV_WEB_MAX_FIELD) {
			ov_diag_at(d, OV_PROB_INPUT, key,
			           "longer than %d bytes", OV_WEB_MAX_FIELD);
			rc = -1;
		} else {
			values[i] = json_string_value(v);
		}
	}
	return rc;
}

/* The events just recorded, found from the end of the timeline (kind,
 * date and author as recorded): an array of them as the document writes
 * events. */
static json_t *recorded_json(const ov_rec_view *v, const ov_recorded *done,
                             const char *author, ov_diag *d)
{
	json_t *a = json_array();
	size_t from = v->rec.n_events;
	const ov_event **found = ov_xcalloc(done->n + 1, sizeof *found);

	for (size_t i = done->n; i-- > 0;)
		while (from > 0) {
			const ov_event *e = &v->rec.events[--from];

			if (e->kind == done->kinds[i] &&
			    e->date == done->date && e->author &&
			    strcmp(e->author, author) == 0) {
				found[i] = e;
				break;
			}
		}
	for (size_t i = 0; a && i < done->n; i++) {
		if (!found[i])
			ov_diag_add(d, "the recorded event cannot be read "
			               "back");
		push(&a,
		     found[i] ? entity(&ov_shape_event, found[i], d) : NULL);
	}
	free(found);
	return a;
}

int ov_api_rec_events(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	const char *values[9] = {0};
	json_t *body = NULL, *doc = NULL;
	ov_recorded done;
	ov_rec_view v;
	ov_web_event e;
	bool ok = false;

	memset(&v, 0, sizeof v);
	if ((check_params(q, no_params, &d) |
	     read_event(q, &body, values, &d)) < 0)
		goto out;
	e = (ov_web_event){.kind = values[0],
	                   .date = values[1],
	                   .note = values[2],
	                   .rag = values[3],
	                   .owner = values[4],
	                   .basis = values[5],
	                   .target = values[6],
	                   .reason = values[7],
	                   .author = q->sess->who.login};
	if (ov_web_record(q->app, q->param, &e, &done, &d) < 0)
		goto out;
	/* The state with the new events in it, also when they are dated
	 * after today. */
	if (ov_app_rec_show(q->app, q->param,
	                    done.date > q->today ? done.date : q->today, &v,
	                    &d) < 0)
		goto out;
	doc = json_object();
	ok = put(doc, "ref", jstr(v.rec.ref)) &&
	     put(doc, "as_at", jday(v.as_at)) &&
	     put(doc, "recorded",
	         recorded_json(&v, &done, q->sess->who.login, &d)) &&
	     put(doc, "state", state_json(&v));
	if (ok) {
		char *where =
		    ov_page_href("/api/v1/recommendations", v.rec.ref, NULL);

		ov_web_header(r, "Location", where);
		free(where);
	}
out:
	reply(r, 201, doc, ok, &d);
	json_decref(body);
	ov_rec_view_release(&v);
	ov_diag_release(&d);
	return 0;
}

/* ---- reports ---- */

int ov_api_reports(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	ov_report_list l = {0};
	json_t *doc = NULL, *reps;
	bool ok = false;

	if (check_params(q, no_params, &d) < 0 ||
	    ov_app_reports(q->app, &l, &d) < 0)
		goto out;
	reps = json_array();
	for (size_t i = 0; reps && i < l.ds->n_reports; i++) {
		json_t *o = json_object();

		if (!put(o, "report",
		         entity(&ov_shape_report, &l.ds->reports[i], &d)) ||
		    !put(o, "n_recommendations",
		         json_integer((json_int_t)l.n_recs[i])))
			o = drop(o);
		push(&reps, o);
	}
	doc = json_object();
	ok = put(doc, "reports", reps);
out:
	reply(r, 200, doc, ok, &d);
	ov_report_list_release(&l);
	ov_diag_release(&d);
	return 0;
}

/* The counts of a report's recommendations as at a date: by status; by
 * RAG and overdue among the live ones (as the summary counts them). */
static json_t *counts_json(const ov_register *reg, ov_day as_at)
{
	size_t by_status[OV_STATUS_NA + 1] = {0};
	size_t by_rag[OV_RAG_GREEN + 1] = {0}, unrated = 0, overdue = 0;
	json_t *o = json_object(), *st = json_object(), *rag = json_object();

	for (size_t i = 0; i < reg->n; i++) {
		const ov_rec_row *w = &reg->rows[i];
		ov_rec_state s = {.status = w->status,
		                  .status_date = w->status_date};

		if (w->status >= 0 && w->status <= OV_STATUS_NA)
			by_status[w->status]++;
		if (!ov_status_is_live(w->status))
			continue;
		if (w->rag >= 0 && w->rag <= OV_RAG_GREEN)
			by_rag[w->rag]++;
		else
			unrated++;
		overdue += ov_rec_overdue(&s, w->due, as_at);
	}
	bool ok = true;

	for (int i = 0; i <= OV_STATUS_NA; i++)
		ok &= put(st, ov_status_code(i),
		          json_integer((json_int_t)by_status[i]));
	for (int i = 0; i <= OV_RAG_GREEN; i++)
		ok &= put(rag, ov_rag_code(i),
		          json_integer((json_int_t)by_rag[i]));
	ok &= put(rag, "none", json_integer((json_int_t)unrated));
	ok &= put(o, "total", json_integer((json_int_t)reg->n));
	ok &= put(o, "by_status", st);
	ok &= put(o, "by_rag", rag);
	ok &= put(o, "overdue", json_integer((json_int_t)overdue));
	return ok ? o : drop(o);
}

int ov_api_report(ov_web_req *q, ov_web_resp *r)
{
	static const char *const names[] = {"as-at", NULL};
	ov_diag d = OV_DIAG_INIT;
	ov_report_list l = {0};
	ov_register reg = {0};
	ov_rec_filter f;
	const ov_report *rep;
	json_t *doc = NULL, *refs;
	ov_day as_at;
	bool ok = false;

	if (check_as_at(q, names, &as_at, &d) < 0 ||
	    ov_app_reports(q->app, &l, &d) < 0)
		goto out;
	rep = ov_dataset_find_report(l.ds, q->param);
	if (!rep) {
		ov_diag_at(&d, OV_PROB_NOTFOUND, "report", "no report '%s'",
		           q->param);
		goto out;
	}
	ov_rec_filter_init(&f, as_at);
	f.report = rep->id;
	f.sort = OV_SORT_REF;
	/* An account bound to a force: its own recommendations of it. */
	ov_app_scope_force(q->sess ? &q->sess->who : NULL, NULL, &f.force,
	                   &d);
	if (ov_app_register(q->app, &f, &reg, &d) < 0)
		goto out;
	refs = json_array();
	for (size_t i = 0; refs && i < reg.n; i++)
		push(&refs, jstr(reg.rows[i].ref));
	doc = json_object();
	ok = put(doc, "as_at", jday(as_at)) &&
	     put(doc, "report", entity(&ov_shape_report, rep, &d)) &&
	     put(doc, "recommendations", refs) &&
	     put(doc, "counts", counts_json(&reg, as_at));
out:
	reply(r, 200, doc, ok, &d);
	ov_register_release(&reg);
	ov_report_list_release(&l);
	ov_diag_release(&d);
	return 0;
}

/* ---- GET /api/v1/grades ---- */

/* Cell c of the grid for question qn: the grade shown, when a question
 * to be inspected will be, and where a carried grade came from. */
static json_t *cell_json(const ov_assessment *a, const ov_question *qn,
                         const ov_peel_cell *c)
{
	json_t *o = json_object(), *from = json_null();
	char buf[11];

	if (c->from && c->from != a) {
		from = json_object();
		if (!put(from, "id", jstr(c->from->id)) ||
		    !put(from, "label", jstr(c->from->label)) ||
		    !put(from, "date", jpdate(c->from->date)))
			from = drop(from);
	}
	bool when = c->grade == OV_GRADE_TBI && c->inspect.prec != OV_PREC_NONE;

	ov_pdate_format(c->inspect, buf);
	if (put(o, "number", json_integer(qn->number)) &&
	    put(o, "key", jstr(qn->key)) &&
	    put(o, "grade",
	        c->grade == OV_GRADE_NONE ? json_null()
	                                  : jstr(ov_grade_code(c->grade))) &&
	    put(o, "inspect", when ? jstr(buf) : json_null()) &&
	    put(o, "carried", json_boolean(c->from && c->from != a)) &&
	    put(o, "carried_from", from))
		return o;
	return drop(o);
}

int ov_api_grades(ov_web_req *q, ov_web_resp *r)
{
	static const char *const names[] = {"assessment", "force", "as-at",
	                                    NULL};
	ov_diag d = OV_DIAG_INIT;
	ov_grades g = {0};
	const char *force = NULL;
	json_t *doc = NULL, *grid;
	ov_day as_at;
	bool ok = false;

	if (check_as_at(q, names, &as_at, &d) < 0 ||
	    ov_web_scope_force(q, &force, &d) < 0 ||
	    ov_app_grades(q->app, ov_web_query(q, "assessment"), force, as_at,
	                  &g, &d) < 0)
		goto out;
	grid = json_array();
	for (size_t i = 0; grid && i < g.a->n_questions; i++)
		push(&grid, cell_json(g.a, &g.a->questions[i], &g.cells[i]));
	doc = json_object();
	ok = put(doc, "as_at", jday(as_at)) &&
	     put(doc, "assessment", entity(&ov_shape_assessment, g.a, &d)) &&
	     put(doc, "grid", grid);
out:
	reply(r, 200, doc, ok, &d);
	ov_grades_release(&g);
	ov_diag_release(&d);
	return 0;
}

/* ---- activities and meetings ---- */

/* A listing's items as the document writes them. */
static json_t *list_json(const ov_list *l, const ov_shape *sh, ov_diag *d)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < l->n; i++)
		push(&a, entity(sh, l->items[i], d));
	return a;
}

int ov_api_activities(ov_web_req *q, ov_web_resp *r)
{
	static const char *const names[] = {"from", "to", "force", NULL};
	ov_diag d = OV_DIAG_INIT;
	ov_list l = {0};
	const char *force = NULL;
	json_t *doc = NULL;
	ov_day from, to;
	bool ok = false;

	if ((check_params(q, names, &d) |
	     ov_web_query_day(q, OV_WEB_API, "from", OV_DAY_NONE, &from, &d) |
	     ov_web_query_day(q, OV_WEB_API, "to", OV_DAY_NONE, &to, &d) |
	     ov_web_scope_force(q, &force, &d)) < 0 ||
	    ov_app_activities(q->app, from, to, force, &l, &d) < 0)
		goto out;
	doc = json_object();
	ok = put(doc, "from", jday(from)) && put(doc, "to", jday(to)) &&
	     put(doc, "force", jstr(force)) &&
	     put(doc, "activities", list_json(&l, &ov_shape_activity, &d));
out:
	reply(r, 200, doc, ok, &d);
	ov_list_release(&l);
	ov_diag_release(&d);
	return 0;
}

int ov_api_meetings(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	ov_list l = {0};
	json_t *doc = NULL;
	bool ok = false;

	if (check_params(q, no_params, &d) == 0 &&
	    ov_app_meetings(q->app, &l, &d) == 0) {
		doc = json_object();
		ok = put(doc, "meetings", list_json(&l, &ov_shape_meeting, &d));
	}
	reply(r, 200, doc, ok, &d);
	ov_list_release(&l);
	ov_diag_release(&d);
	return 0;
}

int ov_api_meeting(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	ov_list l = {0};
	const ov_meeting *m = NULL;
	json_t *doc = NULL;
	bool ok = false;

	if (check_params(q, no_params, &d) < 0 ||
	    ov_app_meetings(q->app, &l, &d) < 0)
		goto out;
	for (size_t i = 0; !m && i < l.n; i++)
		if (strcmp(((const ov_meeting *)l.items[i])->id, q->param) == 0)
			m = l.items[i];
	if (!m) {
		ov_diag_at(&d, OV_PROB_NOTFOUND, "meeting", "no meeting '%s'",
		           q->param);
		goto out;
	}
	doc = json_object();
	ok = put(doc, "meeting", entity(&ov_shape_meeting, m, &d));
out:
	reply(r, 200, doc, ok, &d);
	ov_list_release(&l);
	ov_diag_release(&d);
	return 0;
}

/* ---- the national view (app/national.h) ----
 * The same shapes as the command line's --format json (cli/national.c):
 * counts by status code, RAG code and grade code.  ?force= is the
 * account's scope when it is bound to a force (ov_web_scope_force). */

static const char *const national_params[] = {"as-at", "force", NULL};

static json_t *jnum(size_t n)
{
	return json_integer((json_int_t)n);
}

/* by_status[] as members of o, by status code: whether all were set. */
static bool put_statuses(json_t *o, const size_t *by_status)
{
	bool ok = true;

	for (int st = 0; ok && st <= OV_STATUS_NA; st++)
		ok = put(o, ov_status_code(st), jnum(by_status[st]));
	return ok;
}

static json_t *force_summary_json(const ov_force_summary *f)
{
	const ov_summary *s = &f->s;
	json_t *o = json_object();
	bool ok = put(o, "force", jstr(f->force->code)) &&
	          put(o, "name", jstr(f->force->name)) &&
	          put(o, "recs", jnum(s->recs)) &&
	          put_statuses(o, s->by_status) &&
	          put(o, "live", jnum(s->live)) &&
	          put(o, "overdue", jnum(s->overdue));

	for (int rg = 0; ok && rg <= OV_RAG_GREEN; rg++)
		ok = put(o, ov_rag_code(rg), jnum(s->by_rag[rg]));
	ok = ok && put(o, "rag_not_set", jnum(s->unrated)) &&
	     put(o, "closed_recent", jnum(s->closed_recent)) &&
	     put(o, "reports", jnum(s->reports)) &&
	     put(o, "activities", jnum(s->activities)) &&
	     put(o, "meetings", jnum(s->meetings)) &&
	     put(o, "peel", jstr(s->peel[0] ? s->peel[0]->id : NULL));
	return ok ? o : drop(o);
}

int ov_api_national_summary(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	ov_national_summary ns = {0};
	const char *force = NULL;
	json_t *doc = NULL, *forces;
	ov_day as_at;
	bool ok = false;

	if (check_as_at(q, national_params, &as_at, &d) < 0 ||
	    ov_web_scope_force(q, &force, &d) < 0 ||
	    ov_app_summary_by_force(q->app, as_at, force, &ns, &d) < 0)
		goto out;
	forces = json_array();
	for (size_t i = 0; forces && i < ns.n; i++)
		push(&forces, force_summary_json(&ns.forces[i]));
	doc = json_object();
	ok = put(doc, "as_at", jday(as_at)) &&
	     put(doc, "closed_since", jday(ns.since)) &&
	     put(doc, "forces", forces);
out:
	reply(r, 200, doc, ok, &d);
	ov_national_summary_release(&ns);
	ov_diag_release(&d);
	return 0;
}

static json_t *national_rec_json(const ov_national_rec *x)
{
	json_t *o = json_object();
	bool ok = put(o, "ref", jstr(x->first->ref)) &&
	          put(o, "area", jstr(x->first->area)) &&
	          put(o, "subject", jstr(x->first->subject)) &&
	          put(o, "kind", jstr(ov_rec_kind_code(x->first->kind))) &&
	          put(o, "text", jstr(x->first->text)) &&
	          put(o, "forces", jnum(x->forces)) &&
	          put_statuses(o, x->by_status) &&
	          put(o, "overdue", jnum(x->overdue));

	return ok ? o : drop(o);
}

int ov_api_national_report(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	ov_national_report nr = {0};
	const char *force = NULL;
	json_t *doc = NULL, *recs;
	ov_day as_at;
	bool ok = false;

	if (check_as_at(q, national_params, &as_at, &d) < 0 ||
	    ov_web_scope_force(q, &force, &d) < 0 ||
	    ov_app_report_across(q->app, q->param, as_at, force, &nr, &d) < 0)
		goto out;
	recs = json_array();
	for (size_t i = 0; recs && i < nr.n; i++)
		push(&recs, national_rec_json(&nr.recs[i]));
	doc = json_object();
	ok = put(doc, "report", jstr(nr.report->id)) &&
	     put(doc, "title", jstr(nr.report->title)) &&
	     put(doc, "as_at", jday(as_at)) &&
	     put(doc, "forces", jnum(nr.forces)) &&
	     put(doc, "recommendations", recs);
out:
	reply(r, 200, doc, ok, &d);
	ov_national_report_release(&nr);
	ov_diag_release(&d);
	return 0;
}

static const char *nat_grade_code(enum ov_grade g)
{
	return g == OV_GRADE_NONE ? "not-known" : ov_grade_code(g);
}

static json_t *national_question_json(const ov_national_grades *g, size_t q)
{
	const ov_question *qn = g->questions[q];
	json_t *o = json_object(), *dist = json_object(),
	       *grades = json_object();
	bool ok = true;

	for (size_t k = 0; ok && k < OV_NAT_GRADES; k++)
		ok = put(dist,
		         k + 1 < OV_NAT_GRADES ? ov_grade_code((enum ov_grade)k)
		                               : "not-known",
		         jnum(g->dist[q][k]));
	for (size_t f = 0; ok && f < g->n_forces; f++) {
		const ov_peel_cell *c = &g->cells[q * g->n_forces + f];
		json_t *cell = json_object();

		ok = put(cell, "grade", jstr(nat_grade_code(c->grade))) &&
		     put(cell, "carried_from",
		         jstr(c->from && c->from != g->current[f] ? c->from->id
		                                                  : NULL));
		ok = put(grades, g->forces[f]->code, ok ? cell : drop(cell));
	}
	if (!ok) {
		json_decref(dist);
		json_decref(grades);
		return drop(o);
	}
	ok = put(o, "key", jstr(qn->key)) &&
	     put(o, "number", json_integer(qn->number)) &&
	     put(o, "pillar", jstr(qn->pillar)) &&
	     put(o, "text", jstr(qn->text)) && put(o, "distribution", dist);
	if (!ok) {
		json_decref(grades);
		return drop(o);
	}
	return put(o, "grades", grades) ? o : drop(o);
}

int ov_api_national_grades(ov_web_req *q, ov_web_resp *r)
{
	ov_diag d = OV_DIAG_INIT;
	ov_national_grades g = {0};
	const char *force = NULL;
	json_t *doc = NULL, *forces, *questions;
	ov_day as_at;
	bool ok = false;

	if (check_as_at(q, national_params, &as_at, &d) < 0 ||
	    ov_web_scope_force(q, &force, &d) < 0 ||
	    ov_app_grades_across(q->app, as_at, force, &g, &d) < 0)
		goto out;
	forces = json_array();
	for (size_t f = 0; forces && f < g.n_forces; f++) {
		json_t *o = json_object();

		push(&forces,
		     put(o, "force", jstr(g.forces[f]->code)) &&
		             put(o, "assessment",
		                 jstr(g.current[f] ? g.current[f]->id : NULL))
		         ? o
		         : drop(o));
	}
	questions = json_array();
	for (size_t i = 0; questions && i < g.n_questions; i++)
		push(&questions, national_question_json(&g, i));
	doc = json_object();
	ok = put(doc, "as_at", jday(as_at)) && put(doc, "forces", forces);
	if (!ok)
		json_decref(questions);
	ok = ok && put(doc, "questions", questions);
out:
	reply(r, 200, doc, ok, &d);
	ov_national_grades_release(&g);
	ov_diag_release(&d);
	return 0;
}
