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
	/* Validation has made sure every rec's report is in the document. */
	due = ov_xcalloc(ds->n_recs + 1, sizeof *due);
	derived = ov_xcalloc(ds->n_recs + 1, sizeof *derived);
	for (size_t i = 0; i < ds->n_recs; i++)
		due[i] = ov_rec_due(&ds->recs[i],
				    ov_dataset_find_report(ds, ds->recs[i].report));
	app_derive_all(ds, derived, &iv);
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
