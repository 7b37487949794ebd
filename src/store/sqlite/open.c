/* The SQLite backend: opening with its pragmas, closing, and the table of
 * operations store.c dispatches to (store/backend.h). */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store/backend.h"
#include "store/sqlite/accounts.h"
#include "store/sqlite/read.h"
#include "store/sqlite/scan.h"
#include "store/sqlite/schema.h"
#include "store/sqlite/search.h"
#include "store/sqlite/sq.h"
#include "store/sqlite/state.h"
#include "store/sqlite/write.h"
#include "util/mem.h"

/* journal_mode answers with a row naming the mode it ended in. */
static ov_store_rc set_wal(sq *s, ov_diag *d)
{
	sqlite3_stmt *st = NULL;
	bool found;
	ov_store_rc rc = sq_query(s, "PRAGMA journal_mode = WAL", NULL, &st,
				  &found, "cannot set WAL mode", d);

	if (!rc && (!found || strcmp(sq_col_text(st, 0), "wal") != 0)) {
		ov_diag_add(d, "%s: cannot use WAL mode (got '%s')", s->path,
			    found ? sq_col_text(st, 0) : "");
		rc = OV_STORE_ERROR;
	}
	sqlite3_finalize(st);
	return rc;
}

static ov_store_rc configure(sq *s, ov_diag *d)
{
	ov_store_rc rc;

	sqlite3_extended_result_codes(s->db, 1);
	if (sqlite3_busy_timeout(s->db, 5000) != SQLITE_OK)
		return sq_fail(s, d, "cannot set the busy timeout");
	/* 16 KiB pages for a new database (a no-op on an existing one, so
	 * it must come before WAL mode writes the first page): a bulk import
	 * of 1M events took a fifth less time than with 4 KiB pages, and
	 * reads were no slower. */
	rc = sq_exec(s, "PRAGMA page_size = 16384", d);
	if (rc == OV_STORE_OK)
		rc = set_wal(s, d);
	if (rc == OV_STORE_OK)
		rc = sq_exec(s, "PRAGMA foreign_keys = ON", d);
	if (rc == OV_STORE_OK)
		rc = sq_exec(s, "PRAGMA synchronous = FULL", d);
	/* The register reads every timeline in one ordered pass: pages
	 * through mmap and a 64 MiB cache, rather than a read() per page
	 * into the default 2 MiB, make that several times faster on a large
	 * register.  mmap costs no resident memory until pages are read. */
	if (rc == OV_STORE_OK)
		rc = sq_exec(s, "PRAGMA mmap_size = 1073741824", d);
	if (rc == OV_STORE_OK)
		rc = sq_exec(s, "PRAGMA cache_size = -65536", d);
	return rc;
}

/* A page cache of about bytes, and no memory map: each handle's map of
 * the file counts again in the process's resident memory. */
static ov_store_rc sq_limit_memory(void *impl, size_t bytes, ov_diag *d)
{
	sq *s = impl;
	char *sql = ov_xasprintf("PRAGMA cache_size = -%zu", bytes / 1024 ? bytes / 1024 : 1);
	ov_store_rc rc = sq_exec(s, "PRAGMA mmap_size = 0", d);

	if (rc == OV_STORE_OK)
		rc = sq_exec(s, sql, d);
	free(sql);
	return rc;
}

static bool file_exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 || errno != ENOENT;
}

static void sq_close(void *impl)
{
	sq *s = impl;

	if (!s)
		return;
	sq_search_release(s);
	sq_kept_release(s);
	sqlite3_close_v2(s->db);
	free(s->path);
	free(s);
}

/* No global count of SQLite's memory: its lock is taken by every
 * allocation of every thread (a web server's handles run at once).  It
 * must be set before SQLite's first use. */
static pthread_once_t config_once = PTHREAD_ONCE_INIT;

static void configure_sqlite(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static ov_store_rc sq_open(const char *path, bool create, void **impl,
			   ov_diag *d)
{
	sq *s = NULL;
	ov_store_rc rc = OV_STORE_OK;
	/* NOMUTEX: a handle is used by one thread at a time, and the
	 * per-call locking was a measurable part of reading a register. */
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
		    (create ? SQLITE_OPEN_CREATE : 0);

	*impl = NULL;
	pthread_once(&config_once, configure_sqlite);
	if (!create && !file_exists(path)) {
		ov_diag_at(d, OV_PROB_RUNTIME, NULL,
			   "no database at %s; run 'oversight init' first",
			   path);
		return OV_STORE_NOTFOUND;
	}
	s = ov_xcalloc(1, sizeof *s);
	s->path = ov_xstrdup(path);
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		if (s->db)
			rc = sq_fail(s, d, "cannot open");
		else
			ov_diag_add(d, "%s: cannot open: out of memory", path);
		rc = OV_STORE_ERROR;
		goto out;
	}
	rc = configure(s, d);
	if (rc == OV_STORE_OK)
		rc = sq_migrate(s, d);
	/* Every migration has run: store_meta is there to count writes. */
	s->generations = rc == OV_STORE_OK;
out:
	if (rc != OV_STORE_OK) {
		sq_close(s);
		return rc;
	}
	*impl = s;
	return OV_STORE_OK;
}

static int schema_version(void *impl)
{
	return sq_schema_version(impl);
}

const ov_store_ops ov_sqlite_ops = {
	.name = "sqlite",
	.open = sq_open,
	.close = sq_close,
	.schema_version = schema_version,
	.import = sq_import,
	.load = sq_load,
	.get = sq_get,
	.exists = sq_exists,
	.rec_append = sq_rec_append,
	.meeting_replace = sq_meeting_replace,
	.scan_recs = sq_scan_recs,
	.count = sq_count,
	.account_add = sq_account_add,
	.account_get = sq_account_get,
	.accounts = sq_accounts,
	.account_set_hash = sq_account_set_hash,
	.account_set_disabled = sq_account_set_disabled,
	.session_add = sq_session_add,
	.session_get = sq_session_get,
	.session_touch = sq_session_touch,
	.session_delete = sq_session_delete,
	.failure_add = sq_failure_add,
	.failure_count = sq_failure_count,
	.failure_clear = sq_failure_clear,
	.query_states = sq_query_states,
	.state_stale = sq_state_stale,
	.state_rebuild = sq_state_rebuild,
	.state_each = sq_state_each,
	.index_check = sq_index_check,
	.generation = sq_generation,
	.limit_memory = sq_limit_memory,
};
