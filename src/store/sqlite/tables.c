/* The SQLite backend's binds and reads over the shared map of entities
 * to tables (sqlite/tables.h). */
#include "store/sqlite/tables.h"

#include <string.h>

bool sq_is_daynum(const sq_child *c, const ov_field *f)
{
	return f->type == OV_F_DATE && c && c->daynum_col &&
	       strcmp(c->daynum_col, ov_field_col(f)) == 0;
}

int sq_fields(sqlite3_stmt *st, int at, const ov_shape *sh, void *elem,
	      const sq_child *c, bool write)
{
	int bad = 0;

	for (size_t i = 0; i < sh->n_fields; i++) {
		const ov_field *f = &sh->fields[i];
		bool daynum = sq_is_daynum(c, f);

		if (!ov_store_is_scalar(f))
			continue;
		if (write)
			bad |= sq_bind_field(st, at++, f, elem, daynum);
		else
			bad |= sq_col_field(st, at++, f, elem, daynum);
	}
	return bad ? -1 : at;
}

void sq_sql_insert(ov_buf *b, const sq_table *t, const sq_child *c)
{
	ov_store_sql_insert(b, t, c, "?");
}

void sq_sql_select(ov_buf *b, const sq_table *t, const char *where)
{
	ov_store_sql_select(b, t, where);
}

void sq_sql_select_child(ov_buf *b, const sq_table *t, const sq_child *c,
			 const char *where)
{
	ov_store_sql_select_child(b, t, c, where);
}
