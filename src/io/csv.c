#include "io/csv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "io/export.h"
#include "util/buf.h"
#include "util/date.h"

/* Whether a spreadsheet would read s as a formula (or, for a leading tab
 * or CR, strip what hides one): the first characters OWASP's "CSV
 * injection" advice names.  Every field of ours is text (dates begin with
 * a digit), so a "-3" is neutralised too rather than guessed a number. */
static bool formula_like(const char *s)
{
	return strchr("=+-@\t\r", s[0]) != NULL;
}

/* RFC 4180 section 2: a field needs quotes if it holds a separator, a
 * quote or a line break; inside quotes a quote is doubled.  A field that
 * could start a formula gets a leading single quote first (csv.h).  Runs
 * of bytes go out in one fwrite (the register writes a field per cell). */
void ov_csv_field(FILE *f, const char *s, bool first)
{
	size_t n;
	bool guard;

	if (!first)
		putc(',', f);
	if (!s || !*s)
		return;
	guard = formula_like(s);
	n = strcspn(s, ",\"\r\n");
	if (s[n] == '\0') {
		if (guard)
			putc('\'', f);
		fwrite(s, 1, n, f);
		return;
	}
	putc('"', f);
	if (guard)
		putc('\'', f);
	for (const char *q = strchr(s, '"'); q; q = strchr(s, '"')) {
		fwrite(s, 1, (size_t)(q - s) + 1, f); /* up to the quote */
		putc('"', f);                         /* which is doubled */
		s = q + 1;
	}
	fputs(s, f);
	putc('"', f);
}

void ov_csv_end(FILE *f)
{
	fputs("\r\n", f);
}

/* The columns, in csv.h's order. */
static const char *const rec_header[] = {
    "ref",          "report",
    "report_title", "area",
    "kind",         "addressee",
    "timescale",    "due",
    "owner",        "plan",
    "status",       "rag",
    "last_update",  "last_update_date",
    "text",
};

static void write_header(FILE *f)
{
	for (size_t i = 0; i < sizeof rec_header / sizeof *rec_header; i++)
		ov_csv_field(f, rec_header[i], i == 0);
	ov_csv_end(f);
}

static void write_rec(const ov_dataset *ds, const ov_rec *rec,
                      const ov_rec_state *st, FILE *f)
{
	const ov_report *rep = ov_dataset_find_report(ds, rec->report);
	char due[11], upd[11];
	char *owner = ov_export_person(ds, st->owner);
	ov_buf text = OV_BUF_INIT;

	ov_date_format(ov_rec_due(rec, rep), due);
	ov_date_format(st->last_update_date, upd);
	ov_export_rec_text(rec, &text);
	ov_csv_field(f, rec->ref, true);
	ov_csv_field(f, rec->report, false);
	ov_csv_field(f, rep ? rep->title : NULL, false);
	ov_csv_field(f, rec->area, false);
	ov_csv_field(f, ov_rec_kind_label(rec->kind), false);
	ov_csv_field(f, ov_addressee_label(rec->addressee), false);
	ov_csv_field(f, rec->timescale, false);
	ov_csv_field(f, due, false);
	ov_csv_field(f, owner, false);
	ov_csv_field(f, ov_export_plan_name(ds, rec, rep), false);
	ov_csv_field(f, ov_status_label(st->status), false);
	ov_csv_field(f, ov_rag_label(st->rag), false);
	ov_csv_field(f, st->last_update, false);
	ov_csv_field(f, upd, false);
	ov_csv_field(f, ov_buf_str(&text), false);
	ov_csv_end(f);
	free(owner);
	ov_buf_release(&text);
}

/* ds must be sorted (ov_dataset_sort) for the look-ups. */
int ov_csv_write_recs(const ov_dataset *ds, ov_day as_at, FILE *f, ov_diag *d)
{
	ov_rec_state st;

	errno = 0;
	write_header(f);
	for (size_t i = 0; i < ds->n_recs && !ferror(f); i++) {
		ov_rec_fold(&ds->recs[i], as_at, &st);
		if (st.status == OV_STATUS_NONE)
			continue;
		write_rec(ds, &ds->recs[i], &st, f);
	}
	if (fflush(f) != 0 || ferror(f)) {
		ov_diag_add(d, "writing CSV: %s",
		            errno ? strerror(errno) : "write error");
		return -1;
	}
	return 0;
}
