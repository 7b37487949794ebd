#ifndef OV_IO_XLSX_H
#define OV_IO_XLSX_H
/*
 * The tracker spreadsheet forces keep, through libxlsxwriter: sheets
 * Recommendations (ref, report, area, text, timescale, due, owner, plan,
 * status, RAG, last update, last update date), PEEL (each assessment's
 * table with carry-forward) and Activities.  Header rows frozen, autofilter
 * on, dates as date cells, columns sized to read.
 */
#include "core/model.h"
#include "util/diag.h"

/* Write the workbook for ds as at as_at to path as util/file.h's
 * ov_outfile does (whole or not at all for a file, through a FIFO or
 * device, never replacing a link).  Returns 0, or -1 with a message in
 * d. */
int ov_xlsx_write(const ov_dataset *ds, ov_day as_at, const char *path,
		  ov_diag *d);
/* The same, refusing a path that is one of the files in keep
 * (ov_outfile_open_except). */
int ov_xlsx_write_except(const ov_dataset *ds, ov_day as_at,
			 const char *path, const char *const *keep,
			 ov_diag *d);

#endif
