/* The cells the CSV and XLSX exports share (io/export.h). */
#include "io/export.h"

#include "util/mem.h"

void ov_export_rec_text(const ov_rec *rec, ov_buf *b)
{
	ov_buf_puts(b, rec->text      ? rec->text
	               : rec->finding ? rec->finding
	                              : "");
	for (size_t i = 0; i < rec->n_bullets; i++)
		ov_buf_printf(b, "%s\xe2\x80\xa2 %s", b->len ? "\n" : "",
		              rec->bullets[i]);
}

const char *ov_export_plan_name(const ov_dataset *ds, const ov_rec *rec,
                                const ov_report *rep)
{
	const char *id = rec->plan ? rec->plan : rep ? rep->plan : NULL;
	const ov_plan *p = ov_dataset_find_plan(ds, id);

	return p ? p->name : id;
}

char *ov_export_person(const ov_dataset *ds, const char *id)
{
	const ov_person *p = ov_dataset_find_person(ds, id);

	if (!id)
		return NULL;
	return p ? ov_person_display(p) : ov_xstrdup(id);
}
