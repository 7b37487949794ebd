/* The SQLite backend's map from field tables to schema, and the SQL made
 * from it (sqlite/tables.h). */
#include "store/sqlite/tables.h"

#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const sq_child question_ch[] = {
	{"pillars", "pillars", "assessment", NULL, NULL, "assessment pillar"},
	{"questions", "questions", "assessment", NULL, NULL,
	 "assessment question"}};
static const sq_child layout_ch[] = {
	{"sections", "layout_sections", "layout", NULL, NULL,
	 "layout section"}};
static const sq_child rec_ch[] = {
	{"bullets", "bullets", "rec", "text", NULL, "recommendation bullet"},
	{"timeline", "events", "rec", NULL, "date", "recommendation event"}};
static const sq_child meeting_ch[] = {
	{"reviews", "reviews", "meeting", NULL, NULL, "meeting review"},
	{"documents", "documents", "meeting", "text", NULL,
	 "meeting document"}};

/* table, noun, shape, force column, rowid parent, extra column,
 * children. */
#define T(tab, noun, sh) tab, noun, &ov_shape_##sh
static const sq_table tables[OV_ENT_N] = {
	[OV_ENT_FORCE] = {T("forces", "force", force), NULL, false, NULL},
	[OV_ENT_PERSON] = {T("people", "person", person), NULL, false, NULL},
	[OV_ENT_BOARD] = {T("boards", "board", board), NULL, false, NULL},
	[OV_ENT_PLAN] = {T("plans", "plan", plan), NULL, false, NULL},
	[OV_ENT_ASSESSMENT] = {T("assessments", "assessment", assessment),
			       "force", false, NULL, question_ch,
			       N(question_ch)},
	[OV_ENT_REPORT] = {T("reports", "report", report), NULL, false, NULL},
	[OV_ENT_REC] = {T("recommendations", "recommendation", rec), "force",
			true, "due", rec_ch, N(rec_ch)},
	[OV_ENT_ACTIVITY] = {T("activities", "activity", activity), "force",
			     false, NULL},
	[OV_ENT_MEETING] = {T("meetings", "meeting", meeting), "force", false,
			    NULL, meeting_ch, N(meeting_ch)},
	[OV_ENT_LAYOUT] = {T("layouts", "layout", layout), "force", false,
			   NULL, layout_ch, N(layout_ch)},
};
#undef T

const sq_table *sq_table_of(enum ov_entity_id ent)
{
	return &tables[ent];
}

const char *sq_key_col(const sq_table *t)
{
	return ov_field_col(&t->shape->fields[0]);
}

const ov_field *sq_child_field(const sq_table *t, const sq_child *c)
{
	return ov_field_find(t->shape, c->key);
}

const sq_child *sq_child_of(const sq_table *t, const char *key)
{
	for (size_t i = 0; i < t->n_children; i++)
		if (strcmp(t->children[i].key, key) == 0)
			return &t->children[i];
	return NULL;
}

bool sq_is_daynum(const sq_child *c, const ov_field *f)
{
	return f->type == OV_F_DATE && c && c->daynum_col &&
	       strcmp(c->daynum_col, ov_field_col(f)) == 0;
}

static bool is_scalar(const ov_field *f)
{
	return f->type != OV_F_STRV && f->type != OV_F_OBJV;
}

int sq_fields(sqlite3_stmt *st, int at, const ov_shape *sh, void *elem,
	      const sq_child *c, bool write)
{
	int bad = 0;

	for (size_t i = 0; i < sh->n_fields; i++) {
		const ov_field *f = &sh->fields[i];
		bool daynum = sq_is_daynum(c, f);

		if (!is_scalar(f))
			continue;
		if (write)
			bad |= sq_bind_field(st, at++, f, elem, daynum);
		else
			bad |= sq_col_field(st, at++, f, elem, daynum);
	}
	return bad ? -1 : at;
}

/* The scalar columns of sh, each as PREFIX.col, comma-separated. */
static size_t put_cols(ov_buf *b, const ov_shape *sh, const char *prefix,
		       size_t n)
{
	for (size_t i = 0; i < sh->n_fields; i++) {
		if (!is_scalar(&sh->fields[i]))
			continue;
		ov_buf_printf(b, "%s%s%s%s", n++ ? ", " : "",
			      prefix ? prefix : "", prefix ? "." : "",
			      ov_field_col(&sh->fields[i]));
	}
	return n;
}

static void put_params(ov_buf *b, size_t n)
{
	ov_buf_puts(b, ") VALUES (");
	for (size_t i = 1; i <= n; i++)
		ov_buf_printf(b, "%s?%zu", i > 1 ? ", " : "", i);
	ov_buf_putc(b, ')');
}

void sq_sql_insert(ov_buf *b, const sq_table *t, const sq_child *c)
{
	const ov_field *f = c ? sq_child_field(t, c) : NULL;
	size_t n = 0;

	ov_buf_reset(b);
	ov_buf_printf(b, "INSERT INTO %s (", c ? c->table : t->table);
	if (c) {
		ov_buf_printf(b, "%s, seq", c->parent_col);
		n = 2;
		if (f->type == OV_F_STRV)
			ov_buf_printf(b, ", %s", c->value_col), n++;
		else
			n = put_cols(b, f->sub, NULL, n);
	} else {
		n = put_cols(b, t->shape, NULL, 0);
		if (t->extra_col)
			ov_buf_printf(b, ", %s", t->extra_col), n++;
	}
	put_params(b, n);
}

void sq_sql_select(ov_buf *b, const sq_table *t, const char *where)
{
	ov_buf_reset(b);
	ov_buf_puts(b, "SELECT ");
	put_cols(b, t->shape, "x", 0);
	ov_buf_printf(b, " FROM %s x", t->table);
	if (where)
		ov_buf_printf(b, " WHERE %s", where);
	ov_buf_printf(b, " ORDER BY x.%s", sq_key_col(t));
}

void sq_sql_select_child(ov_buf *b, const sq_table *t, const sq_child *c,
			 const char *where)
{
	const ov_field *f = sq_child_field(t, c);

	ov_buf_reset(b);
	ov_buf_printf(b, "SELECT x.%s, ", sq_key_col(t));
	if (f->type == OV_F_STRV)
		ov_buf_printf(b, "c.%s", c->value_col);
	else
		put_cols(b, f->sub, "c", 0);
	ov_buf_printf(b, " FROM %s c JOIN %s x ON x.%s = c.%s", c->table,
		      t->table, t->rowid_parent ? "id" : sq_key_col(t),
		      c->parent_col);
	if (where)
		ov_buf_printf(b, " WHERE %s", where);
	ov_buf_printf(b, " ORDER BY x.%s, c.seq", sq_key_col(t));
}
