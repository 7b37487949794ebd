/*
 * The register as at a date: the timeline fold of core/fold.h done in one
 * SQL query.  Each derived field is "the last event that sets it, dated on
 * or before :asat, ties by seq", one seek on events_fold(rec, sets, date,
 * seq) per field and rec.  The query runs in three stages so no work is
 * spent on rows a filter will drop:
 *   base: ids of the recommendations passing the static filters (due
 *         first, over recommendations_due), with the id of their last
 *         status event;
 *   st:   those already created and passing the status filters, with RAG
 *         and owner (covered by the index) and last-update looked up;
 *   out:  RAG and owner filters, the rec's own columns and names joined
 *         in, ordered.
 * Only ids and derived values are materialised: copying whole rows into
 * the intermediate tables cost more than the seeks.
 * The SQL is assembled from the constant fragments below, chosen by which
 * filters are set; every value is bound.
 */
#include <stdlib.h>
#include <string.h>

#include "store/sqlite_int.h"
#include "util/buf.h"
#include "util/mem.h"

#define LAST(field, sets, rec)                                                \
	"(SELECT e." field " FROM events e WHERE e.rec = " rec                \
	" AND e.sets = '" sets "' AND e.date <= :asat"                        \
	" ORDER BY e.date DESC, e.seq DESC LIMIT 1)"

static const char *const q_base =
	"WITH base AS MATERIALIZED (SELECT r.id AS rid, "
	LAST("id", "status", "r.id") " AS sev"
	" FROM recommendations r WHERE 1";
static const char *const q_st =
	"), st AS MATERIALIZED (SELECT b.rid, s.kind AS skind, s.date AS sdate,"
	" CASE WHEN s.kind = 'closed' THEN s.author END AS closed_by,"
	" CASE WHEN s.kind IN ('closed', 'superseded', 'not-applicable')"
	" THEN s.basis END AS basis,"
	" " LAST("rag", "rag", "b.rid") " AS rag,"
	" " LAST("owner", "owner", "b.rid") " AS owner,"
	" " LAST("id", "update", "b.rid") " AS uev"
	" FROM base b JOIN events s ON s.id = b.sev WHERE 1";
static const char *const q_out =
	") SELECT r.ref, r.report, p.title, r.force, r.area, r.subject,"
	" r.timescale, r.text, r.kind, r.addressee, r.due, t.skind, t.sdate,"
	" t.closed_by, t.basis, t.rag, t.owner, o.id, o.name, o.title,"
	" u.text, u.date, coalesce(r.plan, p.plan)"
	" FROM st t JOIN recommendations r ON r.id = t.rid"
	" JOIN reports p ON p.id = r.report"
	" LEFT JOIN people o ON o.id = t.owner"
	" LEFT JOIN events u ON u.id = t.uev WHERE 1";
static const char *const q_order = " ORDER BY r.report, r.ref";

/* The event kinds whose last occurrence leaves a rec in each status. */
static const char *status_kinds(enum ov_status s)
{
	switch (s) {
	case OV_STATUS_OPEN: return " AND s.kind IN ('created', 'reopened')";
	case OV_STATUS_PROPOSED: return " AND s.kind = 'closure-proposed'";
	case OV_STATUS_CLOSED: return " AND s.kind = 'closed'";
	case OV_STATUS_SUPERSEDED: return " AND s.kind = 'superseded'";
	case OV_STATUS_NA: return " AND s.kind = 'not-applicable'";
	default: return " AND 0";
	}
}

static void build_sql(const ov_rec_filter *f, ov_buf *b)
{
	ov_buf_puts(b, q_base);
	if (f->overdue)
		ov_buf_puts(b, " AND r.due < :asat");
	if (f->due_before != OV_DAY_NONE)
		ov_buf_puts(b, " AND r.due < :due_before");
	if (f->report)
		ov_buf_puts(b, " AND r.report = :report");
	if (f->area)
		ov_buf_puts(b, " AND r.area = :area");
	if (f->force)
		ov_buf_puts(b, " AND r.force = :force");
	ov_buf_puts(b, q_st);
	if (f->overdue)
		ov_buf_puts(b, " AND s.kind IN ('created', 'reopened',"
			       " 'closure-proposed')");
	if (f->status_set)
		ov_buf_puts(b, status_kinds(f->status));
	if (f->closed_since_set)
		ov_buf_puts(b, " AND s.kind = 'closed' AND s.date > :since");
	ov_buf_puts(b, q_out);
	if (f->rag_set)
		ov_buf_puts(b, f->rag == OV_RAG_NONE ? " AND t.rag IS NULL"
						     : " AND t.rag = :rag");
	if (f->owner)
		ov_buf_puts(b, " AND t.owner = :owner");
	ov_buf_puts(b, q_order);
	if (f->limit)
		ov_buf_puts(b, " LIMIT :limit");
}

static void bind_filter(sqlite3_stmt *st, const ov_rec_filter *f)
{
	int i = sqlite3_bind_parameter_index(st, ":limit");

	ov_sql_bind_named_day(st, ":asat", f->as_at);
	ov_sql_bind_named_day(st, ":due_before", f->due_before);
	ov_sql_bind_named_day(st, ":since", f->closed_since);
	ov_sql_bind_named_str(st, ":report", f->report);
	ov_sql_bind_named_str(st, ":area", f->area);
	ov_sql_bind_named_str(st, ":force", f->force);
	ov_sql_bind_named_str(st, ":owner", f->owner);
	if (f->rag_set && f->rag != OV_RAG_NONE)
		ov_sql_bind_named_str(st, ":rag", ov_rag_code(f->rag));
	if (i)
		sqlite3_bind_int64(st, i, (sqlite3_int64)f->limit);
}

static char *owner_display(sqlite3_stmt *st)
{
	ov_person p = {0};
	char *out;

	if (sqlite3_column_type(st, 17) == SQLITE_NULL)
		return NULL;
	p.id = (char *)ov_sql_col_text(st, 17);
	p.name = (char *)sqlite3_column_text(st, 18);
	p.title = (char *)sqlite3_column_text(st, 19);
	out = ov_person_display(&p);
	return out;
}

/* Enum codes come from CHECKed columns; a bad one means damage. */
static int read_row(sqlite3_stmt *st, ov_rec_row *r)
{
	int bad = 0;

	memset(r, 0, sizeof *r);
	r->ref = ov_sql_col_str(st, 0);
	r->report = ov_sql_col_str(st, 1);
	r->report_title = ov_sql_col_str(st, 2);
	r->force = ov_sql_col_str(st, 3);
	r->area = ov_sql_col_str(st, 4);
	r->subject = ov_sql_col_str(st, 5);
	r->timescale = ov_sql_col_str(st, 6);
	r->text = ov_sql_col_str(st, 7);
	bad |= ov_rec_kind_parse(ov_sql_col_text(st, 8), &r->kind);
	bad |= ov_addressee_parse(ov_sql_col_text(st, 9), &r->addressee);
	r->due = ov_sql_col_day(st, 10);
	r->status = ov_sql_status_of_kind(ov_sql_col_text(st, 11));
	bad |= r->status == OV_STATUS_NONE ? -1 : 0;
	r->status_date = ov_sql_col_day(st, 12);
	r->closed_by = ov_sql_col_str(st, 13);
	r->basis = ov_sql_col_str(st, 14);
	r->rag = OV_RAG_NONE;
	if (sqlite3_column_type(st, 15) != SQLITE_NULL)
		bad |= ov_rag_parse(ov_sql_col_text(st, 15), &r->rag);
	r->owner = ov_sql_col_str(st, 16);
	r->owner_name = owner_display(st);
	r->last_update = ov_sql_col_str(st, 20);
	r->last_update_date = ov_sql_col_day(st, 21);
	r->plan = ov_sql_col_str(st, 22);
	return bad;
}

ov_store_rc ov_store_recs(ov_store *s, const ov_rec_filter *f,
			  ov_rec_row **rows, size_t *n, ov_diag *d)
{
	ov_buf sql = OV_BUF_INIT;
	sqlite3_stmt *st = NULL;
	ov_rec_row *out = NULL;
	size_t cnt = 0, cap = 0;
	ov_store_rc rc;
	int step;

	*rows = NULL;
	*n = 0;
	build_sql(f, &sql);
	rc = ov_sql_prepare(s, ov_buf_str(&sql), &st, d);
	if (rc)
		goto out;
	bind_filter(st, f);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		OV_GROW(out, cap, cnt + 1);
		if (read_row(st, &out[cnt++]) != 0) {
			ov_diag_add(d, "%s: recommendation '%s' has a stored "
				    "value that is not valid (database "
				    "damaged?)", s->path, out[cnt - 1].ref);
			rc = OV_STORE_ERROR;
			goto out;
		}
	}
	if (step != SQLITE_DONE)
		rc = ov_sql_fail(s, d, "cannot read the register");
out:
	sqlite3_finalize(st);
	ov_buf_release(&sql);
	if (rc) {
		ov_rec_rows_free(out, cnt);
		return rc;
	}
	*rows = out;
	*n = cnt;
	return OV_STORE_OK;
}

void ov_rec_rows_free(ov_rec_row *rows, size_t n)
{
	for (size_t i = 0; rows && i < n; i++) {
		ov_rec_row *r = &rows[i];
		free(r->ref);
		free(r->report);
		free(r->report_title);
		free(r->force);
		free(r->area);
		free(r->subject);
		free(r->timescale);
		free(r->text);
		free(r->owner);
		free(r->owner_name);
		free(r->closed_by);
		free(r->basis);
		free(r->last_update);
		free(r->plan);
	}
	free(rows);
}
