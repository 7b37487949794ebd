#include "core/fold.h"

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
	case OV_EV_TARGET:
		return ov_status_is_live(s);
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
	case OV_EV_TARGET:
		break;
	}
	return s;
}

bool ov_event_changes_status(enum ov_event_kind k)
{
	return k != OV_EV_UPDATE && k != OV_EV_RAG && k != OV_EV_OWNER &&
	       k != OV_EV_TARGET;
}

unsigned ov_status_event_kinds(void)
{
	unsigned kinds = 0;

	for (int k = 0; k <= OV_EV_TARGET; k++)
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
		st->status_precision = e->precision;
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
	case OV_EV_TARGET:
		st->target = e->target;
		st->target_reason = e->reason;
		st->target_date = e->date;
		break;
	case OV_EV_CREATED:
	case OV_EV_PROPOSED:
		break;
	}
}

void ov_rec_fold(const ov_rec *rec, ov_day as_at, ov_rec_state *out)
{
	out->status = OV_STATUS_NONE;
	out->status_date = OV_DAY_NONE;
	out->rag = OV_RAG_NONE;
	out->owner = NULL;
	out->closed_by = NULL;
	out->basis = NULL;
	out->last_update = NULL;
	out->last_update_date = OV_DAY_NONE;
	out->status_precision = OV_PRECISION_NONE;
	out->target = OV_DAY_NONE;
	out->target_reason = NULL;
	out->target_date = OV_DAY_NONE;
	if (!rec)
		return;
	/* Events are in date order, so the first one after as_at ends it. */
	for (size_t i = 0; i < rec->n_events; i++) {
		if (rec->events[i].date > as_at)
			break;
		apply(out, &rec->events[i]);
	}
}

ov_day ov_rec_effective_due(const ov_rec_state *st, ov_day due)
{
	return st->target != OV_DAY_NONE ? st->target : due;
}
