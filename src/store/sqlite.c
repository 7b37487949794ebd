/* The SQLite store: opening, pragmas, transactions, errors, binding. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store/sqlite_int.h"
#include "util/mem.h"

ov_store_rc ov_sql_fail(ov_store *s, ov_diag *d, const char *what)
{
	ov_diag_add(d, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
	return OV_STORE_ERROR;
}

ov_store_rc ov_sql_prepare(ov_store *s, const char *sql, sqlite3_stmt **st,
			   ov_diag *d)
{
	if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK) {
		*st = NULL;
		return ov_sql_fail(s, d, "cannot prepare a statement");
	}
	return OV_STORE_OK;
}

ov_store_rc ov_sql_exec(ov_store *s, const char *sql, ov_diag *d)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return ov_sql_fail(s, d, "cannot run a statement");
	return OV_STORE_OK;
}

/* IMMEDIATE takes the write lock now, so a busy database fails (after the
 * busy timeout) before any work rather than at COMMIT. */
ov_store_rc ov_sql_begin(ov_store *s, ov_diag *d)
{
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return ov_sql_fail(s, d, "cannot start a transaction");
	return OV_STORE_OK;
}

ov_store_rc ov_sql_commit(ov_store *s, ov_diag *d)
{
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		ov_store_rc rc = ov_sql_fail(s, d, "cannot commit");
		ov_sql_rollback(s);
		return rc;
	}
	return OV_STORE_OK;
}

void ov_sql_rollback(ov_store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int ov_sql_bind_str(sqlite3_stmt *st, int i, const char *v)
{
	if (!v)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

int ov_sql_bind_day(sqlite3_stmt *st, int i, ov_day v)
{
	char buf[11];

	if (v == OV_DAY_NONE)
		return sqlite3_bind_null(st, i);
	ov_date_format(v, buf);
	return sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

int ov_sql_bind_pdate(sqlite3_stmt *st, int i, ov_pdate v)
{
	char buf[11];

	if (v.prec == OV_PREC_NONE || v.day == OV_DAY_NONE)
		return sqlite3_bind_null(st, i);
	ov_pdate_format(v, buf);
	return sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

int ov_sql_bind_int(sqlite3_stmt *st, int i, long long v)
{
	return sqlite3_bind_int64(st, i, v);
}

int ov_sql_bind_named_str(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(st, name);

	return i ? ov_sql_bind_str(st, i, v) : SQLITE_OK;
}

int ov_sql_bind_named_day(sqlite3_stmt *st, const char *name, ov_day v)
{
	int i = sqlite3_bind_parameter_index(st, name);

	return i ? ov_sql_bind_day(st, i, v) : SQLITE_OK;
}

char *ov_sql_col_str(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? ov_xstrdup((const char *)t) : NULL;
}

const char *ov_sql_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

ov_day ov_sql_col_day(sqlite3_stmt *st, int i)
{
	ov_day v;

	if (ov_date_parse(ov_sql_col_text(st, i), &v) < 0)
		return OV_DAY_NONE;
	return v;
}

ov_pdate ov_sql_col_pdate(sqlite3_stmt *st, int i)
{
	ov_pdate v;

	if (ov_pdate_parse(ov_sql_col_text(st, i), &v) < 0)
		return OV_PDATE_NONE;
	return v;
}

enum ov_status ov_sql_status_of_kind(const char *kind_code)
{
	enum ov_event_kind k;

	if (ov_event_kind_parse(kind_code, &k) < 0)
		return OV_STATUS_NONE;
	return ov_event_next_status(OV_STATUS_NONE, k);
}

/* journal_mode answers with a row naming the mode it ended in. */
static ov_store_rc set_wal(ov_store *s, ov_diag *d)
{
	sqlite3_stmt *st = NULL;
	ov_store_rc rc = ov_sql_prepare(s, "PRAGMA journal_mode = WAL", &st, d);

	if (rc != OV_STORE_OK)
		goto out;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = ov_sql_fail(s, d, "cannot set WAL mode");
		goto out;
	}
	if (strcmp(ov_sql_col_text(st, 0), "wal") != 0) {
		ov_diag_add(d, "%s: cannot use WAL mode (got '%s')", s->path,
			    ov_sql_col_text(st, 0));
		rc = OV_STORE_ERROR;
	}
out:
	sqlite3_finalize(st);
	return rc;
}

static ov_store_rc configure(ov_store *s, ov_diag *d)
{
	ov_store_rc rc;

	sqlite3_extended_result_codes(s->db, 1);
	if (sqlite3_busy_timeout(s->db, 5000) != SQLITE_OK)
		return ov_sql_fail(s, d, "cannot set the busy timeout");
	rc = set_wal(s, d);
	if (rc == OV_STORE_OK)
		rc = ov_sql_exec(s, "PRAGMA foreign_keys = ON", d);
	if (rc == OV_STORE_OK)
		rc = ov_sql_exec(s, "PRAGMA synchronous = FULL", d);
	/* The register query seeks the timeline index once per field and
	 * rec: reading pages through mmap and a 64 MiB cache, rather than a
	 * read() per page into the default 2 MiB, makes that several times
	 * faster on a large register. */
	if (rc == OV_STORE_OK)
		rc = ov_sql_exec(s, "PRAGMA mmap_size = 1073741824", d);
	if (rc == OV_STORE_OK)
		rc = ov_sql_exec(s, "PRAGMA cache_size = -65536", d);
	return rc;
}

static bool file_exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 || errno != ENOENT;
}

ov_store_rc ov_store_open(const char *path, bool create, ov_store **out,
			  ov_diag *d)
{
	ov_store *s = NULL;
	ov_store_rc rc = OV_STORE_OK;
	int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);

	*out = NULL;
	if (!create && !file_exists(path)) {
		ov_diag_add(d, "no database at %s; run 'oversight init' first",
			    path);
		return OV_STORE_NOTFOUND;
	}
	s = ov_xcalloc(1, sizeof *s);
	s->path = ov_xstrdup(path);
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		rc = s->db ? ov_sql_fail(s, d, "cannot open")
			   : OV_STORE_ERROR;
		if (!s->db)
			ov_diag_add(d, "%s: cannot open: out of memory", path);
		goto out;
	}
	rc = configure(s, d);
	if (rc == OV_STORE_OK)
		rc = ov_sql_migrate(s, d);
out:
	if (rc != OV_STORE_OK) {
		ov_store_close(s);
		return rc;
	}
	*out = s;
	return OV_STORE_OK;
}

void ov_store_close(ov_store *s)
{
	if (!s)
		return;
	sqlite3_close_v2(s->db);
	free(s->path);
	free(s);
}

void ov_rec_filter_init(ov_rec_filter *f, ov_day as_at)
{
	memset(f, 0, sizeof *f);
	f->as_at = as_at;
	f->status = OV_STATUS_NONE;
	f->rag = OV_RAG_NONE;
	f->due_before = OV_DAY_NONE;
	f->closed_since = OV_DAY_NONE;
}
