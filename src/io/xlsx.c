#include "io/xlsx.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "core/fields.h"
#include "core/fold.h"
#include "core/peel.h"
#include "io/export.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/file.h"
#include "util/mem.h"
#include "util/utf8.h"

/* The workbook being written.  rc is the first libxlsxwriter error; once it
 * is set every later write is skipped, and its message is already in d. */
typedef struct xw {
	lxw_workbook *wb;
	lxw_format *head, *text, *wrap, *date;
	const char *path; /* the target, for messages */
	ov_diag *d;
	lxw_error rc;
} xw;

/* One column of a sheet: its heading, its width in characters, and how its
 * cells are shown. */
enum col_style { COL_TEXT, COL_WRAP, COL_DATE, COL_NUM };
typedef struct col {
	const char *title;
	double width;
	enum col_style style;
} col;

typedef struct sheet {
	xw *x;
	lxw_worksheet *ws;
	const char *name;
	const col *cols;
	lxw_col_t n_cols;
	lxw_row_t row; /* the row being written; 0 is the heading */
} sheet;

static void fail(sheet *s, lxw_col_t c, lxw_error rc)
{
	char *where =
	    ov_xasprintf("%s: sheet %s, row %lu, column %u", s->x->path,
	                 s->name, (unsigned long)s->row + 1, (unsigned)c + 1);

	s->x->rc = rc;
	ov_diag_at(s->x->d, OV_PROB_RUNTIME, where, "%s", lxw_strerror(rc));
	free(where);
}

static lxw_format *col_format(const sheet *s, lxw_col_t c)
{
	switch (s->cols[c].style) {
	case COL_WRAP:
		return s->x->wrap;
	case COL_DATE:
		return s->x->date;
	default:
		return s->x->text;
	}
}

/* NULL or "" leaves the cell empty. */
static void put_str(sheet *s, lxw_col_t c, const char *v)
{
	lxw_error rc;

	if (s->x->rc || !v || !*v)
		return;
	/* An XML part with bytes that are not UTF-8 does not parse, and
	 * the workbook would not open: refuse it, as the JSON export does
	 * (a register made before validation held every text to UTF-8
	 * may hold one). */
	if (!ov_utf8_valid_str(v)) {
		char *where = ov_xasprintf(
		    "%s: sheet %s, row %lu, column %u", s->x->path, s->name,
		    (unsigned long)s->row + 1, (unsigned)c + 1);

		s->x->rc = LXW_ERROR_PARAMETER_VALIDATION;
		ov_diag_at(s->x->d, OV_PROB_RUNTIME, where, "not valid UTF-8");
		free(where);
		return;
	}
	rc = worksheet_write_string(s->ws, s->row, c, v, col_format(s, c));
	if (rc)
		fail(s, c, rc);
}

static void put_num(sheet *s, lxw_col_t c, double v)
{
	lxw_error rc;

	if (s->x->rc)
		return;
	rc = worksheet_write_number(s->ws, s->row, c, v, col_format(s, c));
	if (rc)
		fail(s, c, rc);
}

/* A real date cell (a day serial with a date format); OV_DAY_NONE leaves
 * the cell empty. */
static void put_date(sheet *s, lxw_col_t c, ov_day v)
{
	lxw_datetime dt = {0};
	lxw_error rc;

	if (s->x->rc || v == OV_DAY_NONE)
		return;
	ov_date_to_ymd(v, &dt.year, &dt.month, &dt.day);
	rc = worksheet_write_datetime(s->ws, s->row, c, &dt, s->x->date);
	if (rc)
		fail(s, c, rc);
}

/* A partial date: a day as a date cell, a month or year as its text
 * ("2018-11"), so that nothing is made more precise than it is. */
static void put_pdate(sheet *s, lxw_col_t c, ov_pdate v)
{
	char iso[11];

	if (v.prec == OV_PREC_DAY) {
		put_date(s, c, v.day);
	} else if (v.prec != OV_PREC_NONE) {
		ov_pdate_format(v, iso);
		put_str(s, c, iso);
	}
}

/* Add a sheet and write its heading row. */
static void sheet_begin(sheet *s, xw *x, const char *name, const col *cols,
                        lxw_col_t n_cols)
{
	lxw_error rc;

	memset(s, 0, sizeof *s);
	s->x = x;
	s->name = name;
	s->cols = cols;
	s->n_cols = n_cols;
	if (x->rc)
		return;
	s->ws = workbook_add_worksheet(x->wb, name);
	if (!s->ws) {
		x->rc = LXW_ERROR_MEMORY_MALLOC_FAILED;
		ov_diag_at(x->d, OV_PROB_RUNTIME, x->path,
		           "cannot add sheet %s", name);
		return;
	}
	for (lxw_col_t c = 0; c < n_cols && !x->rc; c++) {
		rc =
		    worksheet_write_string(s->ws, 0, c, cols[c].title, x->head);
		if (rc)
			fail(s, c, rc);
	}
	s->row = 1;
}

/* Freeze the heading, filter over the rows written, size the columns. */
static void sheet_end(sheet *s)
{
	lxw_row_t last = s->row > 1 ? s->row - 1 : 0;
	lxw_error rc;

	if (s->x->rc)
		return;
	worksheet_freeze_panes(s->ws, 1, 0);
	rc = worksheet_autofilter(s->ws, 0, 0, last, s->n_cols - 1);
	if (rc) {
		fail(s, 0, rc);
		return;
	}
	for (lxw_col_t c = 0; c < s->n_cols; c++) {
		rc = worksheet_set_column(s->ws, c, c, s->cols[c].width, NULL);
		if (rc) {
			fail(s, c, rc);
			return;
		}
	}
}

static const col rec_cols[] = {
    {"Ref", 14, COL_TEXT},         {"Report", 36, COL_WRAP},
    {"Area", 20, COL_WRAP},        {"Recommendation", 60, COL_WRAP},
    {"Timescale", 18, COL_WRAP},   {"Due", 12, COL_DATE},
    {"Owner", 26, COL_WRAP},       {"Plan", 28, COL_WRAP},
    {"Status", 16, COL_TEXT},      {"RAG", 8, COL_TEXT},
    {"Last update", 60, COL_WRAP}, {"Last update date", 14, COL_DATE},
};

static void rec_row(sheet *s, const ov_dataset *ds, const ov_rec *rec,
                    const ov_rec_state *st)
{
	const ov_report *rep = ov_dataset_find_report(ds, rec->report);
	char *who = ov_export_person(ds, st->owner);
	ov_buf text = OV_BUF_INIT;

	ov_export_rec_text(rec, &text);
	put_str(s, 0, rec->ref);
	put_str(s, 1, rep && rep->title ? rep->title : rec->report);
	put_str(s, 2, rec->area);
	put_str(s, 3, ov_buf_str(&text));
	put_str(s, 4, rec->timescale);
	put_date(s, 5, ov_rec_due(rec, rep));
	put_str(s, 6, who);
	put_str(s, 7, ov_export_plan_name(ds, rec, rep));
	put_str(s, 8, ov_status_label(st->status));
	put_str(s, 9, ov_rag_label(st->rag));
	put_str(s, 10, st->last_update);
	put_date(s, 11, st->last_update_date);
	s->row++;
	free(who);
	ov_buf_release(&text);
}

static void write_recs(xw *x, const ov_dataset *ds, ov_day as_at)
{
	sheet s;
	ov_rec_state st;

	sheet_begin(&s, x, "Recommendations", rec_cols,
	            sizeof rec_cols / sizeof *rec_cols);
	for (size_t i = 0; i < ds->n_recs && !x->rc; i++) {
		ov_rec_fold(&ds->recs[i], as_at, &st);
		if (st.status != OV_STATUS_NONE)
			rec_row(&s, ds, &ds->recs[i], &st);
	}
	sheet_end(&s);
}

/* ---- sheets of dated entities ---------------------------------------------
 *
 * The PEEL and Activities sheets each list the entities of one kind dated
 * on or before as_at, in (date, id) order, a group of rows for each. */

/* Writes the rows of entity e (as_at: the day the sheet is as at). */
typedef void rows_fn(sheet *s, const ov_dataset *ds, const void *e,
                     ov_day as_at);

typedef struct dated_sheet {
	const char *name;
	const col *cols;
	lxw_col_t n_cols;
	enum ov_entity_id entity;
	const char *date_key; /* the entity's field that dates it */
	rows_fn *rows;
} dated_sheet;

typedef struct dated {
	ov_day day;
	const char *id;
	const void *e;
} dated;

static int cmp_dated(const void *a, const void *b)
{
	const dated *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return strcmp(x->id, y->id);
}

static void write_dated(xw *x, const ov_dataset *ds, ov_day as_at,
                        const dated_sheet *def)
{
	const ov_entity *t = &ov_entities[def->entity];
	const ov_field *date = ov_field_find(t->shape, def->date_key);
	const char *arr = ov_entity_array(t, ds);
	size_t n_all = ov_entity_count(t, ds), n = 0;
	dated *order = ov_xcalloc(n_all + 1, sizeof *order);
	sheet s;

	for (size_t i = 0; i < n_all; i++) {
		const void *e = arr + i * t->shape->size;
		const void *m = ov_field_cptr(date, e);
		ov_day day = date->type == OV_F_PDATE
			     ? ((const ov_pdate *)m)->day : *(const ov_day *)m;

		if (day <= as_at)
			order[n++] = (dated){day, ov_shape_id(t->shape, e), e};
	}
	qsort(order, n, sizeof *order, cmp_dated);
	sheet_begin(&s, x, def->name, def->cols, def->n_cols);
	for (size_t i = 0; i < n && !x->rc; i++)
		def->rows(&s, ds, order[i].e, as_at);
	sheet_end(&s);
	free(order);
}

/* "Good", "To be inspected in November 2018", or "" when nothing is
 * known; into b. */
static void grade_text(const ov_peel_cell *c, ov_buf *b)
{
	int y, m, dd;

	if (c->grade != OV_GRADE_TBI) {
		ov_buf_puts(b, ov_grade_label(c->grade));
		return;
	}
	ov_buf_puts(b, "To be inspected");
	if (c->inspect.prec == OV_PREC_NONE)
		return;
	ov_date_to_ymd(c->inspect.day, &y, &m, &dd);
	if (c->inspect.prec == OV_PREC_YEAR)
		ov_buf_printf(b, " in %d", y);
	else
		ov_buf_printf(b, " in %s %d", ov_month_name(m), y);
}

static const col peel_cols[] = {
    {"Assessment", 24, COL_WRAP}, {"Number", 8, COL_NUM},
    {"Pillar", 16, COL_TEXT},     {"Question", 40, COL_WRAP},
    {"Grade", 30, COL_WRAP},      {"Carried from", 24, COL_WRAP},
};

/* An assessment's table with carry-forward, a row per question. */
static void peel_rows(sheet *s, const ov_dataset *ds, const void *e,
                      ov_day as_at)
{
	const ov_assessment *a = e;
	ov_peel_cell *cells =
	    ov_xcalloc(a->n_questions ? a->n_questions : 1, sizeof *cells);
	ov_buf grade = OV_BUF_INIT;

	(void)as_at; /* the assessment is dated on or before it */
	ov_peel_table(ds, a, cells);
	for (size_t i = 0; i < a->n_questions && !s->x->rc; i++) {
		const ov_question *q = &a->questions[i];

		ov_buf_reset(&grade);
		grade_text(&cells[i], &grade);
		put_str(s, 0, a->label ? a->label : a->id);
		put_num(s, 1, q->number);
		put_str(s, 2, q->pillar);
		put_str(s, 3, q->text);
		put_str(s, 4, ov_buf_str(&grade));
		put_str(s, 5, cells[i].from ? cells[i].from->label : NULL);
		s->row++;
	}
	ov_buf_release(&grade);
	free(cells);
}

/* Every assessment dated on or before as_at, oldest first. */
static const dated_sheet peel_sheet = {
    "PEEL", peel_cols, sizeof peel_cols / sizeof *peel_cols, OV_ENT_ASSESSMENT,
    "date", peel_rows,
};

static const col act_cols[] = {
    {"From", 12, COL_DATE},     {"To", 12, COL_DATE},
    {"Kind", 16, COL_TEXT},     {"Subject", 40, COL_WRAP},
    {"Place", 12, COL_WRAP},    {"Feedback date", 14, COL_DATE},
    {"Feedback", 60, COL_WRAP},
};

static void act_row(sheet *s, const ov_dataset *ds, const void *e, ov_day as_at)
{
	const ov_activity *a = e;
	/* Feedback dated after as_at had not been received then. */
	bool fb = a->feedback_date == OV_DAY_NONE || a->feedback_date <= as_at;

	(void)ds;
	put_pdate(s, 0, a->from);
	put_pdate(s, 1, a->to);
	put_str(s, 2, ov_activity_kind_label(a->kind));
	put_str(s, 3, a->subject);
	put_str(s, 4, a->place);
	if (fb) {
		put_date(s, 5, a->feedback_date);
		put_str(s, 6, a->feedback);
	}
	s->row++;
}

/* Activities begun on or before as_at, in date order. */
static const dated_sheet act_sheet = {
    "Activities",    act_cols, sizeof act_cols / sizeof *act_cols,
    OV_ENT_ACTIVITY, "from",   act_row,
};

static void make_formats(xw *x)
{
	x->head = workbook_add_format(x->wb);
	x->text = workbook_add_format(x->wb);
	x->wrap = workbook_add_format(x->wb);
	x->date = workbook_add_format(x->wb);
	if (!x->head || !x->text || !x->wrap || !x->date) {
		x->rc = LXW_ERROR_MEMORY_MALLOC_FAILED;
		ov_diag_at(x->d, OV_PROB_RUNTIME, x->path,
		           "cannot add cell formats");
		return;
	}
	format_set_bold(x->head);
	format_set_align(x->head, LXW_ALIGN_VERTICAL_TOP);
	format_set_align(x->text, LXW_ALIGN_VERTICAL_TOP);
	format_set_text_wrap(x->wrap);
	format_set_align(x->wrap, LXW_ALIGN_VERTICAL_TOP);
	format_set_num_format(x->date, "yyyy-mm-dd");
	format_set_align(x->date, LXW_ALIGN_VERTICAL_TOP);
}

/* Metadata, with the creation time pinned to as_at so the same data gives
 * the same bytes. */
static void set_properties(xw *x, ov_day as_at)
{
	lxw_doc_properties props = {0};
	lxw_error rc;

	props.title = "HMICFRS recommendations";
	if (as_at != OV_DAY_NONE && as_at > 0)
		props.created = (time_t)as_at * 86400;
	rc = workbook_set_properties(x->wb, &props);
	if (rc) {
		x->rc = rc;
		ov_diag_at(x->d, OV_PROB_RUNTIME, x->path, "%s",
		           lxw_strerror(rc));
	}
}

/* ds must be sorted (ov_dataset_sort) for the look-ups. */
int ov_xlsx_write(const ov_dataset *ds, ov_day as_at, const char *path,
                  ov_diag *d)
{
	return ov_xlsx_write_except(ds, as_at, path, NULL, d);
}

int ov_xlsx_write_except(const ov_dataset *ds, ov_day as_at, const char *path,
                         const char *const *keep, ov_diag *d)
{
	xw x = {0};
	ov_outfile o;
	const char *file;
	lxw_error lrc;

	if (strcmp(path, "-") == 0) {
		ov_diag_at(d, OV_PROB_INPUT, "-",
		           "a workbook cannot be written to standard output; "
		           "give a file name");
		return -1;
	}
	/* libxlsxwriter writes the whole workbook to a file it names when
	 * it is closed: the output's own temporary file, or for a FIFO or a
	 * device a scratch file that commit copies through. */
	if (ov_outfile_open_except(&o, path, keep, d) < 0)
		return -1;
	file = ov_outfile_scratch(&o, d);
	if (!file)
		goto fail;
	x.path = path;
	x.d = d;
	x.wb = workbook_new(file);
	if (!x.wb) {
		ov_diag_at(d, OV_PROB_RUNTIME, path, "cannot start workbook");
		goto fail;
	}
	make_formats(&x);
	if (!x.rc)
		set_properties(&x, as_at);
	write_recs(&x, ds, as_at);
	write_dated(&x, ds, as_at, &peel_sheet);
	write_dated(&x, ds, as_at, &act_sheet);
	if (x.rc) {
		lxw_workbook_free(x.wb);
		goto fail;
	}
	lrc = workbook_close(x.wb);
	if (lrc) {
		ov_diag_at(d, OV_PROB_RUNTIME, path,
		           "cannot write workbook: %s", lxw_strerror(lrc));
		goto fail;
	}
	return ov_outfile_commit(&o, d);
fail:
	ov_outfile_abort(&o);
	return -1;
}
