#ifndef OV_IO_CSV_H
#define OV_IO_CSV_H
/*
 * CSV as RFC 4180: fields separated by commas, records by CRLF; a field
 * with a comma, quote, CR or LF is quoted and its quotes doubled.  UTF-8 is
 * passed through unchanged.
 *
 * Formula injection: a field that begins with '=', '+', '-', '@', a tab or
 * a carriage return is written with a single quote before it ("'=SUM(A1)"),
 * so that a spreadsheet shows it as text instead of running it.  Every
 * column we write is text or a YYYY-MM-DD date, none numeric, so the rule
 * has no exception: a field "-3" is written "'-3".  A reader that wants the
 * stored text back drops one leading quote from such a field.  (The XLSX
 * tracker writes strings as strings and needs no prefix.)
 */
#include <stdbool.h>
#include <stdio.h>

#include "core/model.h"
#include "util/diag.h"

/* Write one field; first is true for the first field of a record.  NULL
 * writes an empty field. */
void ov_csv_field(FILE *f, const char *s, bool first);
/* End the record. */
void ov_csv_end(FILE *f);

/* The recommendations of ds as they stood on as_at, one record each after
 * a header record: ref, report, report_title, area, kind, addressee,
 * timescale, due, owner, plan, status, rag, last_update, last_update_date,
 * text.  Returns 0, or -1 with a message in d if writing failed. */
int ov_csv_write_recs(const ov_dataset *ds, ov_day as_at, FILE *f,
		      ov_diag *d);

#endif
