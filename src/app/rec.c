/* One recommendation: showing it as at a date, and recording events on
 * its timeline.  Point reads only: nothing here loads the register. */
#include "app/app.h"
#include "app/common.h"

#include <stdlib.h>
#include <string.h>

#include "core/validate.h"
#include "util/mem.h"
#include "util/utf8.h"

/* Display names of the people a view names, each read once. */
static int add_name(ov_app *a, ov_rec_view *v, const char *id, ov_diag *d)
{
	ov_person p;
	ov_diag nf = OV_DIAG_INIT;
	ov_store_rc rc;
	struct ov_view_name *nm;

	if (!id || ov_rec_view_name(v, id) != id)
		return 0;
	memset(&p, 0, sizeof p);
	rc = ov_store_get(a->s, OV_ENT_PERSON, id, &p, &nf);
	if (rc != OV_STORE_OK && rc != OV_STORE_NOTFOUND) {
		app_take_problems(d, &nf);
		return -1;
	}
	ov_diag_release(&nf);
	v->names = ov_xrealloc(v->names, (v->n_names + 1) * sizeof *v->names);
	nm = &v->names[v->n_names++];
	nm->id = ov_xstrdup(id);
	nm->name = rc == OV_STORE_OK ? ov_person_display(&p) : ov_xstrdup(id);
	ov_person_release(&p);
	return 0;
}

const char *ov_rec_view_name(const ov_rec_view *v, const char *id)
{
	if (!id)
		return NULL;
	for (size_t i = 0; i < v->n_names; i++)
		if (strcmp(v->names[i].id, id) == 0)
			return v->names[i].name;
	return id;
}

static int view_names(ov_app *a, ov_rec_view *v, ov_diag *d)
{
	int rc = add_name(a, v, v->rec.sme, d);

	if (!rc)
		rc = add_name(a, v, v->state.owner, d);
	for (size_t i = 0; i < v->rec.n_events && !rc; i++)
		if (v->rec.events[i].date <= v->as_at)
			rc = add_name(a, v, v->rec.events[i].owner, d);
	return rc;
}

int ov_app_rec_show(ov_app *a, const char *ref, ov_day as_at,
		    ov_rec_view *v, ov_diag *d)
{
	const char *plan;

	memset(v, 0, sizeof *v);
	ov_rec_init(&v->rec);
	ov_report_init(&v->report);
	v->as_at = as_at;
	if (ov_store_get(a->s, OV_ENT_REC, ref, &v->rec, d) != OV_STORE_OK ||
	    ov_store_get(a->s, OV_ENT_REPORT, v->rec.report, &v->report, d) !=
		    OV_STORE_OK)
		goto fail;
	plan = v->rec.plan ? v->rec.plan : v->report.plan;
	if (plan && ov_store_get(a->s, OV_ENT_PLAN, plan, &v->plan, d) !=
			    OV_STORE_OK)
		goto fail;
	ov_rec_fold(&v->rec, as_at, &v->state);
	v->due = ov_rec_due(&v->rec, &v->report);
	for (size_t i = 0; i < v->rec.n_events; i++)
		v->later += v->rec.events[i].date > as_at;
	if (view_names(a, v, d) < 0)
		goto fail;
	return 0;
fail:
	ov_rec_view_release(v);
	return -1;
}

void ov_rec_view_release(ov_rec_view *v)
{
	if (!v)
		return;
	ov_rec_release(&v->rec);
	ov_report_release(&v->report);
	ov_plan_release(&v->plan);
	for (size_t i = 0; i < v->n_names; i++) {
		free(v->names[i].id);
		free(v->names[i].name);
	}
	free(v->names);
	memset(v, 0, sizeof *v);
}

/* Every owner the events name must be a person of the register. */
static int check_owners(ov_app *a, const ov_event *evs, size_t n,
			ov_diag *d)
{
	int bad = 0;

	for (size_t i = 0; i < n; i++) {
		ov_diag nf = OV_DIAG_INIT;
		ov_store_rc rc;

		if (evs[i].kind != OV_EV_OWNER || !evs[i].owner)
			continue;
		rc = ov_store_exists(a->s, OV_ENT_PERSON, evs[i].owner, &nf);
		if (rc == OV_STORE_NOTFOUND)
			ov_diag_at(d, OV_PROB_INPUT, "owner",
				   "no person with id '%s'", evs[i].owner);
		else if (rc != OV_STORE_OK)
			app_take_problems(d, &nf);
		bad |= rc != OV_STORE_OK;
		ov_diag_release(&nf);
	}
	return bad ? -1 : 0;
}

/* Check each new event against the stored timeline followed by the new
 * events before it.  Returns the number of problems (in d). */
static size_t validate_all(const ov_rec *rec, const ov_event *evs, size_t n,
			   ov_diag *d)
{
	ov_rec tmp = *rec;
	size_t bad = 0;

	tmp.events = ov_xcalloc(rec->n_events + n, sizeof *tmp.events);
	if (rec->n_events)
		memcpy(tmp.events, rec->events,
		       rec->n_events * sizeof *tmp.events);
	for (size_t i = 0; i < n && !bad; i++) {
		bad += ov_validate_event(&tmp, &evs[i], rec->ref, d);
		tmp.events[tmp.n_events++] = evs[i]; /* borrowed copy */
	}
	free(tmp.events);
	return bad;
}

/* The state and intervals of rec once evs follow its timeline (strings
 * borrowed from rec and evs; out->iv is *iv, which the caller frees). */
static void derived_after(const ov_rec *rec, const ov_event *evs, size_t n,
			  ov_store_derived *out, ov_store_interval **iv)
{
	ov_rec tmp = *rec;

	tmp.events = ov_xcalloc(rec->n_events + n, sizeof *tmp.events);
	if (rec->n_events)
		memcpy(tmp.events, rec->events,
		       rec->n_events * sizeof *tmp.events);
	memcpy(tmp.events + rec->n_events, evs, n * sizeof *evs);
	tmp.n_events = rec->n_events + n;
	*iv = ov_xcalloc(tmp.n_events + 1, sizeof **iv);
	app_derive(&tmp, *iv, out);
	free(tmp.events);
}

/* The one way events reach a timeline: read it, check the new events
 * against it, append them if it has not changed meanwhile, with the
 * state they leave it in. */
static int record(ov_app *a, const char *ref, const ov_event *evs, size_t n,
		  ov_recorded *out, ov_diag *d)
{
	ov_store_derived derived;
	ov_store_interval *iv = NULL;
	ov_rec rec;
	int rc = -1;

	ov_rec_init(&rec);
	if (ov_store_get(a->s, OV_ENT_REC, ref, &rec, d) != OV_STORE_OK)
		goto out;
	/* The rules first (core/validate.h: every text, date and the
	 * timeline's length), so an owner that is not even an id is never
	 * looked up or echoed. */
	if (validate_all(&rec, evs, n, d) != 0)
		goto out;
	if (check_owners(a, evs, n, d) < 0)
		goto out;
	derived_after(&rec, evs, n, &derived, &iv);
	if (ov_store_rec_append(a->s, ref, rec.n_events, evs, n, &derived,
				d) != OV_STORE_OK)
		goto out;
	out->n = n;
	out->date = evs[0].date;
	for (size_t i = 0; i < n; i++)
		out->kinds[i] = evs[i].kind;
	rc = 0;
out:
	free(iv);
	ov_rec_release(&rec);
	return rc;
}

static void event_of(ov_event *e, enum ov_event_kind kind, ov_day date,
		     const char *author)
{
	ov_event_init(e);
	e->kind = kind;
	e->date = date;
	e->author = (char *)author;
}

int ov_app_rec_update(ov_app *a, const char *ref, const ov_rec_update *u,
		      ov_recorded *out, ov_diag *d)
{
	ov_event evs[3];
	size_t n = 0;

	memset(out, 0, sizeof *out);
	if (!u->note && !u->rag && !u->owner) {
		ov_diag_at(d, OV_PROB_INPUT, NULL,
			   "give at least one of a note, a RAG or an owner");
		return -1;
	}
	if (u->note) {
		event_of(&evs[n], OV_EV_UPDATE, u->date, u->author);
		evs[n++].text = (char *)u->note;
	}
	if (u->rag) {
		event_of(&evs[n], OV_EV_RAG, u->date, u->author);
		if (ov_rag_parse(u->rag, &evs[n++].rag) != 0) {
			/* Echoed only if it is short text: a message is
			 * text, and the web writes it into JSON. */
			bool echo = strnlen(u->rag, 41) <= 40 &&
				    ov_utf8_valid_str(u->rag);

			ov_diag_at(d, OV_PROB_INPUT, "rag",
				   "'%s' is not one of %s", echo ? u->rag : "",
				   ov_rag_codes());
			return -1;
		}
	}
	if (u->owner) {
		event_of(&evs[n], OV_EV_OWNER, u->date, u->author);
		evs[n++].owner = (char *)u->owner;
	}
	return record(a, ref, evs, n, out, d);
}

static bool is_transition(enum ov_event_kind k)
{
	return k == OV_EV_PROPOSED || k == OV_EV_CLOSED ||
	       k == OV_EV_REOPENED || k == OV_EV_SUPERSEDED || k == OV_EV_NA;
}

int ov_app_rec_transition(ov_app *a, const char *ref,
			  const ov_rec_transition *t, ov_recorded *out,
			  ov_diag *d)
{
	ov_event ev;

	memset(out, 0, sizeof *out);
	if (!is_transition(t->kind)) {
		ov_diag_at(d, OV_PROB_INPUT, "kind",
			   "'%s' is not a change of status",
			   ov_event_kind_code(t->kind));
		return -1;
	}
	event_of(&ev, t->kind, t->date, t->author);
	/* A change of status's note is optional: a blank one is none. */
	ev.text = ov_text_blank(t->note) ? NULL : (char *)t->note;
	ev.basis = (char *)t->basis;
	return record(a, ref, &ev, 1, out, d);
}

bool ov_rec_view_allows(const ov_rec_view *v, enum ov_event_kind k)
{
	return v->later == 0 && ov_event_allowed(v->state.status, k);
}
