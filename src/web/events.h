#ifndef OV_WEB_EVENTS_H
#define OV_WEB_EVENTS_H
/* One timeline event as a request gives it (all text as received). */
#include "app/app.h"

typedef struct ov_web_event {
	const char *kind;   /* an event kind code: "update", "rag", ... */
	const char *date;   /* YYYY-MM-DD */
	const char *author; /* the signed-in account */
	const char *note, *rag, *owner, *basis;
	const char *target, *reason; /* target-revised: YYYY-MM-DD, why */
} ov_web_event;

/* Record e on ref through app: 0, or -1 with problems at the request's
 * field names (kind, date, note, rag, owner, basis, target, reason) or
 * app's.  A target-revised event goes to ov_app_rec_revise_target, the
 * call the CLI's revise-target makes. */
int ov_web_record(ov_app *a, const char *ref, const ov_web_event *e,
                  ov_recorded *out, ov_diag *d);

#endif
