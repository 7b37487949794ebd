/*
 * The PostgreSQL backend: a bulk import's links and indexes (pg/ops.h,
 * pg_bulk_*).  Checking each link row by row as COPY loads it (a query
 * and a row lock on the parent per link, per row) and adding a million
 * rows to each index of the derived tables in their random order were
 * nine tenths of an import of the national dataset.  So a bulk import
 * (into a register no larger than itself) drops the register's foreign
 * keys and the derived tables' secondary indexes in its transaction,
 * loads, then makes them again: the server then checks each link with
 * one join over the table and sorts each index once.  A broken link
 * fails there, and the import with it (nothing commits).  Their
 * definitions are read from the catalogue, so they stay written once, in
 * the migrations.  The tables are locked (ACCESS EXCLUSIVE) until the
 * import commits: readers wait for it.
 */
#include <stdlib.h>
#include <string.h>

#include "store/pg/ops.h"
#include "util/mem.h"

/* The register's tables, in import order: their links are dropped and
 * made again.  Accounts and sessions are not loaded by an import. */
static const char *const linked[] = {
    "boards",    "plans",           "assessments", "pillars", "questions",
    "reports",   "recommendations", "bullets",     "events",  "activities",
    "meetings",  "reviews",         "documents",   "layouts", "layout_sections",
    "rec_state", "rec_interval",    "rec_search"};

static const char *const list_fks_sql =
    "SELECT c.conrelid::regclass::text, c.conname,"
    " pg_get_constraintdef(c.oid) FROM pg_constraint c"
    " JOIN pg_namespace n ON n.oid = c.connamespace"
    " WHERE c.contype = 'f' AND n.nspname = current_schema()"
    " AND c.conrelid::regclass::text = ANY ($1::text[])"
    " ORDER BY array_position($1::text[], c.conrelid::regclass::text),"
    " c.conname";

/* Indexes that are not a primary key's. */
static const char *const list_indexes_sql =
    "SELECT i.tablename, i.indexname, i.indexdef FROM pg_indexes i"
    " WHERE i.schemaname = current_schema()"
    " AND i.tablename IN ('rec_state', 'rec_interval', 'rec_search')"
    " AND NOT EXISTS (SELECT 1 FROM pg_constraint c"
    " WHERE c.conname = i.indexname AND c.contype = 'p')"
    " ORDER BY i.tablename, i.indexname";

static void keep(pg_bulk *b, const PGresult *res, bool fk)
{
	for (int i = 0; i < PQntuples(res); i++) {
		OV_GROW(b->item, b->cap, b->n + 1);
		b->item[b->n].table = ov_xstrdup(PQgetvalue(res, i, 0));
		b->item[b->n].name = ov_xstrdup(PQgetvalue(res, i, 1));
		b->item[b->n].def = ov_xstrdup(PQgetvalue(res, i, 2));
		b->item[b->n].fk = fk;
		b->n++;
	}
}

static ov_store_rc read_defs(pg *s, pg_bulk *b, ov_diag *d)
{
	pg_params p = {0};
	ov_buf arr = OV_BUF_INIT;
	PGresult *res = NULL;
	ov_store_rc rc;

	ov_buf_putc(&arr, '{');
	for (size_t i = 0; i < sizeof linked / sizeof *linked; i++)
		ov_buf_printf(&arr, "%s%s", i ? "," : "", linked[i]);
	ov_buf_putc(&arr, '}');
	pg_p_str(&p, ov_buf_str(&arr));
	rc = pg_run(s, list_indexes_sql, NULL, &res, "cannot read the schema",
	            NULL, NULL, d);
	if (!rc)
		keep(b, res, false);
	PQclear(res);
	res = NULL;
	if (!rc)
		rc = pg_run(s, list_fks_sql, &p, &res, "cannot read the schema",
		            NULL, NULL, d);
	if (!rc)
		keep(b, res, true);
	PQclear(res);
	pg_params_release(&p);
	ov_buf_release(&arr);
	return rc;
}

ov_store_rc pg_bulk_off(pg *s, pg_bulk *b, ov_diag *d)
{
	/* Room to sort an index of a million rows in memory (the server's
	 * default, 64 MiB, spills to disk), for this transaction only. */
	ov_store_rc rc =
	    pg_do(s, "SET LOCAL maintenance_work_mem = '256MB'", NULL,
	          "cannot prepare the import", NULL, NULL, d);

	if (!rc)
		rc = read_defs(s, b, d);

	/* The names are the catalogue's, quoted; never data. */
	for (size_t i = 0; i < b->n && !rc; i++) {
		char *sql =
		    b->item[i].fk
		        ? ov_xasprintf("ALTER TABLE \"%s\" DROP"
		                       " CONSTRAINT \"%s\"",
		                       b->item[i].table, b->item[i].name)
		        : ov_xasprintf("DROP INDEX \"%s\"", b->item[i].name);

		rc = pg_do(s, sql, NULL, "cannot prepare the import", NULL,
		           NULL, d);
		free(sql);
	}
	return rc;
}

ov_store_rc pg_bulk_on(pg *s, pg_bulk *b, pg_bulk_namer *name, void *ctx,
                       ov_diag *d)
{
	ov_store_rc rc = OV_STORE_OK;

	for (size_t i = 0; i < b->n && !rc; i++) {
		const pg_bulk_item *it = &b->item[i];
		char *sql = it->fk ? ov_xasprintf("ALTER TABLE \"%s\" ADD"
		                                  " CONSTRAINT \"%s\" %s",
		                                  it->table, it->name, it->def)
		                   : ov_xstrdup(it->def);
		PGresult *res = PQexec(s->c, sql);

		if (PQresultStatus(res) != PGRES_COMMAND_OK) {
			const char *noun = NULL, *id = NULL;

			name(ctx, res, it->table, &noun, &id);
			rc = pg_failed(s, res, "cannot check the links",
			               noun ? noun : it->table, id, d);
		}
		PQclear(res);
		free(sql);
	}
	return rc;
}

void pg_bulk_release(pg_bulk *b)
{
	for (size_t i = 0; b && i < b->n; i++) {
		free(b->item[i].table);
		free(b->item[i].name);
		free(b->item[i].def);
	}
	if (b) {
		free(b->item);
		memset(b, 0, sizeof *b);
	}
}
