/* A timeline event from a request (form or JSON), shared by the detail
 * page's forms and the API: the kind picks the app call. */
#include <string.h>

#include "core/enums.h"
#include "util/date.h"
#include "util/utf8.h"
#include "web/events.h"

/* A field left blank (white space alone, util/utf8.h: the rule the
 * register's validation applies) is not given. */
static const char *nonempty(const char *s)
{
	return ov_text_blank(s) ? NULL : s;
}

int ov_web_record(ov_app *a, const char *ref, const ov_web_event *e,
                  ov_recorded *out, ov_diag *d)
{
	enum ov_event_kind kind;
	ov_day date, target = OV_DAY_NONE;
	int bad = 0;

	if (!e->kind || ov_event_kind_parse(e->kind, &kind) != 0 ||
	    kind == OV_EV_CREATED) {
		ov_diag_at(d, OV_PROB_INPUT, "kind",
		           "'%s' is not an event that can be recorded",
		           e->kind ? e->kind : "");
		return -1;
	}
	if (!nonempty(e->date) || ov_date_parse(e->date, &date) != 0) {
		ov_diag_at(d, OV_PROB_INPUT, "date",
		           "Enter the date as YYYY-MM-DD, a real date");
		bad = 1;
	}
	if (kind == OV_EV_UPDATE && !nonempty(e->note)) {
		ov_diag_at(d, OV_PROB_INPUT, "note",
		           "Enter the progress update");
		bad = 1;
	}
	if (kind == OV_EV_RAG && !nonempty(e->rag)) {
		ov_diag_at(d, OV_PROB_INPUT, "rag", "Choose a RAG rating");
		bad = 1;
	}
	if (kind == OV_EV_OWNER && !nonempty(e->owner)) {
		ov_diag_at(d, OV_PROB_INPUT, "owner", "Enter the new owner");
		bad = 1;
	}
	if ((kind == OV_EV_CLOSED || kind == OV_EV_SUPERSEDED ||
	     kind == OV_EV_NA) &&
	    !nonempty(e->basis)) {
		ov_diag_at(d, OV_PROB_INPUT, "basis",
		           "Enter the basis for this decision");
		bad = 1;
	}
	if (kind == OV_EV_TARGET &&
	    (!nonempty(e->target) || ov_date_parse(e->target, &target) != 0)) {
		ov_diag_at(d, OV_PROB_INPUT, "target",
		           "Enter the new target date as YYYY-MM-DD, a real "
		           "date");
		bad = 1;
	}
	if (kind == OV_EV_TARGET && !nonempty(e->reason)) {
		ov_diag_at(d, OV_PROB_INPUT, "reason",
		           "Enter why the target date moved");
		bad = 1;
	}
	if (bad)
		return -1;
	if (kind == OV_EV_TARGET) {
		ov_rec_target t = {.date = date,
		                   .author = e->author,
		                   .note = nonempty(e->note),
		                   .reason = e->reason,
		                   .target = target};

		return ov_app_rec_revise_target(a, ref, &t, out, d);
	}
	if (kind == OV_EV_UPDATE || kind == OV_EV_RAG || kind == OV_EV_OWNER) {
		ov_rec_update u = {.date = date, .author = e->author};

		u.note = kind == OV_EV_UPDATE ? e->note : NULL;
		u.rag = kind == OV_EV_RAG ? e->rag : NULL;
		u.owner = kind == OV_EV_OWNER ? e->owner : NULL;
		return ov_app_rec_update(a, ref, &u, out, d);
	}
	ov_rec_transition t = {.kind = kind,
	                       .date = date,
	                       .author = e->author,
	                       .note = nonempty(e->note),
	                       .basis = nonempty(e->basis)};
	return ov_app_rec_transition(a, ref, &t, out, d);
}
