#ifndef OV_IO_EXPORT_H
#define OV_IO_EXPORT_H
/*
 * Private to src/io: what a recommendation's cells say in the CSV and the
 * XLSX register, so the two exports cannot word them differently.
 */
#include "core/model.h"
#include "util/buf.h"

/* Appends to b the recommendation's words with its bullets, one per line
 * ("\u2022 " before each); a findings-style entry without text shows the
 * finding instead. */
void ov_export_rec_text(const ov_rec *rec, ov_buf *b);
/* The plan that manages rec: its own, else its report's (rep may be NULL).
 * A plan id that does not resolve is shown as the id rather than hidden;
 * NULL when there is none.  Borrowed from ds (ds sorted). */
const char *ov_export_plan_name(const ov_dataset *ds, const ov_rec *rec,
				const ov_report *rep);
/* The person as people read them (ov_person_display), or an unresolved
 * id as it is; NULL for a NULL id.  A fresh string (ds sorted). */
char *ov_export_person(const ov_dataset *ds, const char *id);

#endif
