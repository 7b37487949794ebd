/* The application layer's handle, init, import and export. */
#include "app/app.h"
#include "app/common.h"

#include <stdlib.h>
#include <string.h>

#include "io/csv.h"
#include "io/json.h"
#include "io/xlsx.h"
#include "util/file.h"
#include "util/mem.h"

int ov_app_open(const char *db, ov_app **out, ov_diag *d)
{
	ov_store *s = NULL;

	*out = NULL;
	if (ov_store_open(db, false, &s, d) != OV_STORE_OK)
		return -1;
	/* A register made before the stored state existed gets it now. */
	if (app_state_fresh(s, d) < 0) {
		ov_store_close(s);
		return -1;
	}
	*out = ov_xcalloc(1, sizeof **out);
	(*out)->s = s;
	return 0;
}

bool ov_app_read_only(ov_app *a)
{
	return ov_store_read_only(a->s);
}

void ov_app_close(ov_app *a)
{
	if (!a)
		return;
	ov_store_close(a->s);
	free(a);
}

int ov_app_init(const char *db, ov_init_result *out, ov_diag *d)
{
	ov_diag probe = OV_DIAG_INIT;
	ov_store *s = NULL;
	ov_store_rc rc = ov_store_open(db, false, &s, &probe);

	out->existed = rc == OV_STORE_OK;
	if (rc == OV_STORE_NOTFOUND)
		rc = ov_store_open(db, true, &s, d);
	else if (rc != OV_STORE_OK)
		app_take_problems(d, &probe);
	ov_diag_release(&probe);
	if (rc == OV_STORE_OK && app_state_fresh(s, d) < 0)
		rc = OV_STORE_ERROR;
	if (rc != OV_STORE_OK) {
		ov_store_close(s);
		return -1;
	}
	out->schema_version = ov_store_schema_version(s);
	ov_store_close(s);
	return 0;
}

static size_t count_events(const ov_dataset *ds)
{
	size_t n = 0;

	for (size_t i = 0; i < ds->n_recs; i++)
		n += ds->recs[i].n_events;
	return n;
}

/* The entities a document may repeat from the register: the ones shared
 * by a force's records, which a document about one report must carry. */
static const enum ov_entity_id shared_ents[] = {
	OV_ENT_FORCE, OV_ENT_PERSON, OV_ENT_BOARD, OV_ENT_PLAN, OV_ENT_REPORT};

/* ov_shape_diff's callback: a difference counts only where the document
 * (a) gives a value; what it leaves out, the register's value stands for.
 * Provenance (`assumed`, `note`: how the document came by the entity)
 * is not a difference: the register keeps its own. */
static void count_given(const char *path, const char *a, const char *b,
			void *ctx)
{
	(void)b;
	if (strcmp(path, "assumed") != 0 && strcmp(path, "note") != 0 &&
	    strcmp(a, "(none)") != 0 && strcmp(a, "0 items") != 0 &&
	    strcmp(a, "false") != 0)
		++*(size_t *)ctx;
}

/* Take out of ds's entity `ent` each element the store holds with every
 * field the document gives the same, keeping the others in order.  0, or
 * -1 if the store failed. */
static int drop_held_of(ov_app *a, ov_dataset *ds, enum ov_entity_id ent,
			ov_diag *d)
{
	const ov_entity *t = &ov_entities[ent];
	const ov_shape *sh = t->shape;
	char *arr = ov_entity_array(t, ds);
	size_t n = ov_entity_count(t, ds), kept = 0;
	void *held = ov_xcalloc(1, sh->size);
	int rc = 0;

	for (size_t i = 0; i < n; i++) {
		char *elem = arr + i * sh->size;
		ov_diag scratch = OV_DIAG_INIT;
		ov_store_rc got;
		bool same;

		ov_shape_init(sh, held);
		got = ov_store_get(a->s, ent, ov_shape_id(sh, elem), held,
				   &scratch);
		size_t given = 0;

		if (got == OV_STORE_OK)
			ov_shape_diff(sh, elem, held, count_given, &given);
		same = got == OV_STORE_OK && given == 0;
		ov_shape_release(sh, held);
		if (got == OV_STORE_ERROR) {
			for (size_t k = 0; k < scratch.n; k++)
				ov_diag_add(d, "%s", scratch.msg[k]);
			rc = -1;
		}
		ov_diag_release(&scratch);
		if (same) {
			ov_shape_release(sh, elem);
			continue;
		}
		if (kept != i)
			memcpy(arr + kept * sh->size, elem, sh->size);
		kept++;
	}
	*(size_t *)((char *)ds + t->count_off) = kept;
	free(held);
	return rc;
}

static int drop_held(ov_app *a, ov_dataset *ds, ov_diag *d)
{
	for (size_t i = 0; i < sizeof shared_ents / sizeof shared_ents[0]; i++)
		if (drop_held_of(a, ds, shared_ents[i], d) != 0)
			return -1;
	return 0;
}

int ov_app_import(ov_app *a, const char *path, bool replace,
		  void (*progress)(size_t done, size_t total, void *),
		  void *arg, ov_import_stats *out, ov_diag *d)
{
	ov_dataset *ds = NULL;
	ov_day *due = NULL;
	ov_store_derived *derived = NULL;
	ov_store_interval *iv = NULL;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (ov_json_read_file(path, &ds, d) != 0)
		goto out;
	/* Validation has made sure every rec's report is in the document:
	 * the due dates are worked out before held reports are dropped. */
	due = ov_xcalloc(ds->n_recs + 1, sizeof *due);
	derived = ov_xcalloc(ds->n_recs + 1, sizeof *derived);
	for (size_t i = 0; i < ds->n_recs; i++)
		due[i] = ov_rec_due(&ds->recs[i],
				    ov_dataset_find_report(ds, ds->recs[i].report));
	app_derive_all(ds, derived, &iv);
	if (!replace && drop_held(a, ds, d) != 0)
		goto out;
	if (ov_store_import(a->s, ds, due, derived, replace, progress, arg,
			    d) != OV_STORE_OK)
		goto out;
	*out = (ov_import_stats){ds->n_reports, ds->n_recs, count_events(ds),
				 ds->n_people, ds->n_assessments,
				 ds->n_activities, ds->n_meetings};
	rc = 0;
out:
	free(due);
	free(derived);
	free(iv);
	ov_dataset_free(ds);
	return rc;
}

/* JSON or CSV through an ov_outfile. */
static int write_text(const ov_app *a, const ov_dataset *ds,
		      enum ov_export_fmt fmt, ov_day as_at, const char *path,
		      ov_diag *d)
{
	ov_outfile o;
	int r;

	if (ov_outfile_open_except(&o, path, ov_store_files(a->s), d) != 0)
		return -1;
	r = fmt == OV_EXPORT_JSON ? ov_json_write(ds, o.f, d)
				  : ov_csv_write_recs(ds, as_at, o.f, d);
	if (r != 0) {
		ov_outfile_abort(&o);
		return -1;
	}
	return ov_outfile_commit(&o, d);
}

int ov_app_export(ov_app *a, enum ov_export_fmt fmt, ov_day as_at,
		  const char *path, ov_diag *d)
{
	ov_dataset *ds = NULL;
	int rc;

	if (fmt == OV_EXPORT_XLSX && (!path || strcmp(path, "-") == 0)) {
		ov_diag_at(d, OV_PROB_INPUT, "output",
			   "an xlsx workbook needs a file to go to");
		return -1;
	}
	if (app_load(a, NULL, OV_LOAD_ALL, &ds, d) < 0)
		return -1;
	rc = fmt == OV_EXPORT_XLSX ? ov_xlsx_write_except(ds, as_at, path,
						 ov_store_files(a->s), d)
				   : write_text(a, ds, fmt, as_at, path, d);
	ov_dataset_free(ds);
	return rc == 0 ? 0 : -1;
}
