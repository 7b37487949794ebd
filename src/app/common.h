#ifndef OV_APP_COMMON_H
#define OV_APP_COMMON_H
/* Private to src/app: the handle (ov_app of app/app.h) and the helpers its
 * files share (defined in app/common.c). */
#include "core/fold.h"
#include "core/model.h"
#include "store/store.h"
#include "util/diag.h"

struct ov_app {
	ov_store *s;
};
typedef struct ov_app ov_app;

/* Load the entities in `what` (OV_LOAD bits), of force if not NULL;
 * 0, or -1 with the store's problem in d. */
int app_load(ov_app *a, const char *force, unsigned what, ov_dataset **out,
             ov_diag *d);

/* The force a request is about: `given` if it names a force of ds, else
 * the only force in ds.  0 with *out borrowed from ds, or -1 with a
 * problem at "force" (unknown code, no forces, several and none
 * chosen). */
int app_pick_force(const ov_dataset *ds, const char *given, const char **out,
                   ov_diag *d);

/* An entity named in a request (id may be NULL: none named) is one the
 * register holds: 0, or -1 with "no NOUN 'ID' in the register" at `where`
 * (not found) or the store's problem.  A filter or option naming what is
 * not there says so, the same way everywhere (exit 2 on the command line),
 * instead of an empty answer. */
int app_known(ov_app *a, enum ov_entity_id ent, const char *id,
	      const char *where, const char *noun, ov_diag *d);
/* app_known() of a force, at "force". */
int app_force_known(ov_app *a, const char *force, ov_diag *d);

/* The state the store keeps for rec: the fold (core/fold.h) of its whole
 * timeline (strings borrowed from rec). */
void app_state_of(const ov_rec *rec, ov_store_state *out);
/* A fold's state as the store's type (strings borrowed), with the
 * status's rank; last_event_date OV_DAY_NONE. */
void app_state_from(const ov_rec_state *st, ov_store_state *out);
/* What the store keeps for rec (store/types.h: ov_store_derived): its
 * state and its state intervals (core's ov_rec_intervals), strings
 * borrowed from rec.  out->iv is iv, which has room for rec->n_events
 * intervals (a rec has at most one per event). */
void app_derive(const ov_rec *rec, ov_store_interval *iv,
		ov_store_derived *out);
/* The same for every rec of ds: *iv_out holds the intervals of all (the
 * caller frees it; each out[i].iv points into it), out has ds->n_recs
 * entries. */
void app_derive_all(const ov_dataset *ds, ov_store_derived *out,
		    ov_store_interval **iv_out);
/* The place of a status in the register's status order ("status" sort). */
int app_status_rank(enum ov_status s);
/* If the store says the stored state is stale, rebuild it; 0 or -1. */
int app_state_fresh(ov_store *s, ov_diag *d);

/* Append from's problems to `to`, parts kept apart, and empty from. */
void app_take_problems(ov_diag *to, ov_diag *from);

#endif
