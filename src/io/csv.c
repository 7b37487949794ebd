#include "io/csv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/mem.h"

/* RFC 4180 section 2: a field needs quotes if it holds a separator, a
 * quote or a line break; inside quotes a quote is doubled.  Runs of
 * bytes go out in one fwrite (the register writes a field per cell). */
void ov_csv_field(FILE *f, const char *s, bool first)
{
	size_t n;

	if (!first)
		putc(',', f);
	if (!s || !*s)
		return;
	n = strcspn(s, ",\"\r\n");
	if (s[n] == '\0') {
		fwrite(s, 1, n, f);
		return;
	}
	putc('"', f);
	for (const char *q = strchr(s, '"'); q; q = strchr(s, '"')) {
		fwrite(s, 1, (size_t)(q - s) + 1, f); /* up to the quote */
		putc('"', f);                          /* which is doubled */
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
	"ref",	     "report",	 "report_title", "area",
	"kind",	     "addressee", "timescale",	  "due",
	"owner",     "plan",	 "status",	  "rag",
	"last_update", "last_update_date", "text",
};

static void write_header(FILE *f)
{
	for (size_t i = 0; i < sizeof rec_header / sizeof *rec_header; i++)
		ov_csv_field(f, rec_header[i], i == 0);
	ov_csv_end(f);
}

/* The recommendation's words with its bullets, one per line; a
 * findings-style entry without text shows the finding instead. */
static void rec_text(const ov_rec *rec, ov_buf *b)
{
	ov_buf_puts(b, rec->text ? rec->text
				 : rec->finding ? rec->finding : "");
	for (size_t i = 0; i < rec->n_bullets; i++)
		ov_buf_printf(b, "%s\xe2\x80\xa2 %s", b->len ? "\n" : "",
			      rec->bullets[i]);
}

/* The plan that manages rec: its own, else its report's.  A plan id that
 * does not resolve is shown as the id rather than hidden. */
static const char *plan_name(const ov_dataset *ds, const ov_rec *rec,
			     const ov_report *rep)
{
	const char *id = rec->plan ? rec->plan : rep ? rep->plan : NULL;
	const ov_plan *p = ov_dataset_find_plan(ds, id);

	return p ? p->name : id;
}

/* The owner as people read it; an unresolved person id is shown as is. */
static char *owner_display(const ov_dataset *ds, const char *id)
{
	const ov_person *p = ov_dataset_find_person(ds, id);

	if (!id)
		return NULL;
	return p ? ov_person_display(p) : ov_xstrdup(id);
}

static void write_rec(const ov_dataset *ds, const ov_rec *rec,
		      const ov_rec_state *st, FILE *f)
{
	const ov_report *rep = ov_dataset_find_report(ds, rec->report);
	char due[11], upd[11];
	char *owner = owner_display(ds, st->owner);
	ov_buf text = OV_BUF_INIT;

	ov_date_format(ov_rec_due(rec, rep), due);
	ov_date_format(st->last_update_date, upd);
	rec_text(rec, &text);
	ov_csv_field(f, rec->ref, true);
	ov_csv_field(f, rec->report, false);
	ov_csv_field(f, rep ? rep->title : NULL, false);
	ov_csv_field(f, rec->area, false);
	ov_csv_field(f, ov_rec_kind_label(rec->kind), false);
	ov_csv_field(f, ov_addressee_label(rec->addressee), false);
	ov_csv_field(f, rec->timescale, false);
	ov_csv_field(f, due, false);
	ov_csv_field(f, owner, false);
	ov_csv_field(f, plan_name(ds, rec, rep), false);
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
int ov_csv_write_recs(const ov_dataset *ds, ov_day as_at, FILE *f,
		      ov_diag *d)
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
