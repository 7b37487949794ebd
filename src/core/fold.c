#include "core/fold.h"

#include <string.h>

#include "util/mem.h"

bool ov_status_is_live(enum ov_status s)
{
	return s == OV_STATUS_OPEN || s == OV_STATUS_PROPOSED;
}

bool ov_rec_overdue(const ov_rec_state *st, ov_day due, ov_day as_at)
{
	return ov_status_is_live(st->status) && due != OV_DAY_NONE &&
	       as_at != OV_DAY_NONE && due < as_at;
}

bool ov_rec_closed_since(const ov_rec_state *st, ov_day since)
{
	return st->status == OV_STATUS_CLOSED && st->status_date > since;
}

static bool is_ended(enum ov_status s)
{
	return s == OV_STATUS_CLOSED || s == OV_STATUS_SUPERSEDED ||
	       s == OV_STATUS_NA;
}

bool ov_event_allowed(enum ov_status s, enum ov_event_kind k)
{
	switch (k) {
	case OV_EV_CREATED:
		return s == OV_STATUS_NONE;
	case OV_EV_UPDATE:
	case OV_EV_RAG:
	case OV_EV_OWNER:
		return s != OV_STATUS_NONE;
	case OV_EV_PROPOSED:
		return s == OV_STATUS_OPEN;
	case OV_EV_CLOSED:
	case OV_EV_SUPERSEDED:
	case OV_EV_NA:
		return ov_status_is_live(s);
	case OV_EV_REOPENED:
		return is_ended(s) || s == OV_STATUS_PROPOSED;
	}
	return false;
}

enum ov_status ov_event_next_status(enum ov_status s, enum ov_event_kind k)
{
	switch (k) {
	case OV_EV_CREATED:
	case OV_EV_REOPENED:
		return OV_STATUS_OPEN;
	case OV_EV_PROPOSED:
		return OV_STATUS_PROPOSED;
	case OV_EV_CLOSED:
		return OV_STATUS_CLOSED;
	case OV_EV_SUPERSEDED:
		return OV_STATUS_SUPERSEDED;
	case OV_EV_NA:
		return OV_STATUS_NA;
	case OV_EV_UPDATE:
	case OV_EV_RAG:
	case OV_EV_OWNER:
		break;
	}
	return s;
}

bool ov_event_changes_status(enum ov_event_kind k)
{
	return k != OV_EV_UPDATE && k != OV_EV_RAG && k != OV_EV_OWNER;
}

unsigned ov_status_event_kinds(void)
{
	unsigned kinds = 0;

	for (int k = 0; k <= OV_EV_NA; k++)
		if (ov_event_changes_status(k))
			kinds |= 1u << k;
	return kinds;
}

/* Applies one event as the table in fold.h says.  Validation (core/
 * validate.h) guarantees transitions are allowed; the fold itself does not
 * second-guess the timeline. */
static void apply(ov_rec_state *st, const ov_event *e)
{
	if (ov_event_changes_status(e->kind)) {
		st->status = ov_event_next_status(st->status, e->kind);
		st->status_date = e->date;
	}
	switch (e->kind) {
	case OV_EV_UPDATE:
		st->last_update = e->text;
		st->last_update_date = e->date;
		break;
	case OV_EV_RAG:
		st->rag = e->rag;
		break;
	case OV_EV_OWNER:
		st->owner = e->owner;
		break;
	case OV_EV_CLOSED:
		st->closed_by = e->author;
		st->basis = e->basis;
		break;
	case OV_EV_SUPERSEDED:
	case OV_EV_NA:
		st->closed_by = NULL;
		st->basis = e->basis;
		break;
	case OV_EV_REOPENED:
		st->closed_by = NULL;
		st->basis = NULL;
		break;
	case OV_EV_CREATED:
	case OV_EV_PROPOSED:
		break;
	}
}

static void state_none(ov_rec_state *out)
{
	out->status = OV_STATUS_NONE;
	out->status_date = OV_DAY_NONE;
	out->rag = OV_RAG_NONE;
	out->owner = NULL;
	out->closed_by = NULL;
	out->basis = NULL;
	out->last_update = NULL;
	out->last_update_date = OV_DAY_NONE;
}

void ov_rec_fold(const ov_rec *rec, ov_day as_at, ov_rec_state *out)
{
	state_none(out);
	if (!rec)
		return;
	/* Events are in date order, so the first one after as_at ends it. */
	for (size_t i = 0; i < rec->n_events; i++) {
		if (rec->events[i].date > as_at)
			break;
		apply(out, &rec->events[i]);
	}
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

bool ov_rec_state_equal(const ov_rec_state *a, const ov_rec_state *b)
{
	return a->status == b->status && a->status_date == b->status_date &&
	       a->rag == b->rag && same_str(a->owner, b->owner) &&
	       same_str(a->closed_by, b->closed_by) &&
	       same_str(a->basis, b->basis) &&
	       same_str(a->last_update, b->last_update) &&
	       a->last_update_date == b->last_update_date;
}

/*
 * The fold as at D applies the events before the first one dated after D.
 * That first one is also the first whose running maximum of dates passes
 * D, and the running maximum never falls: so the fold changes only on the
 * days the running maximum takes, and on such a day v it is the state
 * after every event whose running maximum is at most v.  For a timeline in
 * date order the running maximum is each event's own date.
 */
size_t ov_rec_intervals(const ov_rec *rec, ov_rec_interval **out)
{
	size_t n_ev = rec ? rec->n_events : 0, n = 0;
	ov_rec_interval *iv = ov_xcalloc(n_ev + 1, sizeof *iv);
	ov_rec_state st;
	ov_day max = OV_DAY_NONE;

	state_none(&st);
	for (size_t i = 0; i < n_ev; i++) {
		const ov_event *e = &rec->events[i];

		if (i == 0 || e->date > max)
			max = e->date;
		apply(&st, e);
		if (i + 1 < n_ev && rec->events[i + 1].date <= max)
			continue; /* the same day of the running maximum */
		if (n && ov_rec_state_equal(&iv[n - 1].state, &st))
			continue; /* nothing changed: the interval goes on */
		if (n)
			iv[n - 1].to = max;
		iv[n].from = max;
		iv[n].to = OV_DAY_NONE;
		iv[n++].state = st;
	}
	*out = iv;
	return n;
}
