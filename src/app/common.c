/* The helpers the application layer's files share (app/common.h). */
#include "app/common.h"

int app_load(ov_app *a, const char *force, unsigned what, ov_dataset **out,
	     ov_diag *d)
{
	return ov_store_load(a->s, force, what, out, d) == OV_STORE_OK ? 0
								       : -1;
}

static void not_there(ov_diag *d, const char *where, const char *noun,
		      const char *id)
{
	ov_diag_at(d, OV_PROB_NOTFOUND, where,
		   "no %s '" OV_DIAG_Q "' in the register", noun,
		   OV_DIAG_QV(id));
}

int app_known(ov_app *a, enum ov_entity_id ent, const char *id,
	      const char *where, const char *noun, ov_diag *d)
{
	ov_diag sd = OV_DIAG_INIT;
	ov_store_rc rc;

	if (!id)
		return 0;
	rc = ov_store_exists(a->s, ent, id, &sd);
	if (rc == OV_STORE_NOTFOUND)
		not_there(d, where, noun, id);
	else if (rc != OV_STORE_OK)
		app_take_problems(d, &sd);
	ov_diag_release(&sd);
	return rc == OV_STORE_OK ? 0 : -1;
}

int app_force_known(ov_app *a, const char *force, ov_diag *d)
{
	return app_known(a, OV_ENT_FORCE, force, "force", "force", d);
}

int app_pick_force(const ov_dataset *ds, const char *given,
		   const char **out, ov_diag *d)
{
	const ov_force *f;

	if (given) {
		f = ov_dataset_find_force(ds, given);
		if (!f) {
			not_there(d, "force", "force", given);
			return -1;
		}
		*out = f->code;
		return 0;
	}
	if (ds->n_forces == 1) {
		*out = ds->forces[0].code;
		return 0;
	}
	if (ds->n_forces == 0)
		ov_diag_at(d, OV_PROB_INPUT, NULL,
			   "the register holds no force yet");
	else
		ov_diag_at(d, OV_PROB_INPUT, "force",
			   "the register holds %zu forces; choose one",
			   ds->n_forces);
	return -1;
}

void app_take_problems(ov_diag *to, ov_diag *from)
{
	for (size_t i = 0; i < from->n; i++)
		ov_diag_at(to, from->p[i].kind, from->p[i].where, "%s",
			   from->p[i].what);
	ov_diag_release(from);
}
