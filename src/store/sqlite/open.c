/* The SQLite backend: opening with its pragmas, closing, and the table of
 * operations store.c dispatches to (store/backend.h). */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/backend.h"
#include "store/sqlite/accounts.h"
#include "store/sqlite/read.h"
#include "store/sqlite/scan.h"
#include "store/sqlite/schema.h"
#include "store/sqlite/search.h"
#include "store/sqlite/sq.h"
#include "store/sqlite/state.h"
#include "store/sqlite/write.h"
#include "util/buf.h"
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

/* Pragmas for a database that is oversight's (or is being made one): not
 * before what_is() has said so, since page_size and WAL mode write. */
static ov_store_rc configure(sq *s, ov_diag *d)
{
	ov_store_rc rc = OV_STORE_OK;

	/* 16 KiB pages for a new database (a no-op on an existing one, so
	 * it must come before WAL mode writes the first page): a bulk import
	 * of 1M events took a fifth less time than with 4 KiB pages, and
	 * reads were no slower.  A read-only handle changes neither: it
	 * reads the file in whatever mode its writer left it. */
	if (!s->read_only)
		rc = sq_exec(s, "PRAGMA page_size = 16384", d);
	if (rc == OV_STORE_OK && !s->read_only)
		rc = set_wal(s, d);
	if (rc == OV_STORE_OK)
		rc = sq_exec(s, "PRAGMA foreign_keys = ON", d);
	if (rc == OV_STORE_OK && !s->read_only)
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

/* Whether this process may write path and the directory it is in (a
 * write makes a journal or the -wal and -shm files beside the file).
 * By the effective ids, as open() would check. */
static bool may_write(const char *path)
{
	char *dir = ov_xstrdup(path);
	char *slash = strrchr(dir, '/');
	bool yes;

	if (!slash)
		strcpy(dir, ".");
	else
		slash[slash == dir] = '\0'; /* "/x.db": the directory is "/" */
	yes = faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) == 0 &&
	      faccessat(AT_FDCWD, dir, W_OK, AT_EACCESS) == 0;
	free(dir);
	return yes;
}

static bool file_exists_shm(const char *path)
{
	char *shm = ov_xasprintf("%s-shm", path);
	bool yes = file_exists(shm);

	free(shm);
	return yes;
}

/* "file:" URI of path with immutable=1.  Only [A-Za-z0-9._~/-] is left
 * as it is; an absolute path gets an empty authority ("file:///..."). */
static char *immutable_uri(const char *path)
{
	ov_buf b = OV_BUF_INIT;
	char *out;

	ov_buf_puts(&b, path[0] == '/' ? "file://" : "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("._~/-", *p))
			ov_buf_putc(&b, (char)*p);
		else
			ov_buf_printf(&b, "%%%02X", *p);
	}
	ov_buf_puts(&b, "?immutable=1");
	out = ov_xstrdup(ov_buf_str(&b));
	ov_buf_release(&b);
	return out;
}

/* What the file holds, read before anything is written to it. */
enum sq_kind {
	SQ_EMPTY,   /* an empty file, or an SQLite file with no schema */
	SQ_OURS,    /* user_version set and migration 1's tables there */
	SQ_FOREIGN, /* anything else: another program's database */
};

/* Migration 1 made these and no later one drops them: together they
 * say the file is oversight's whatever its schema version. */
static const char what_sql[] =
	"SELECT (SELECT count(*) FROM sqlite_master),"
	" (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN"
	" ('forces', 'reports', 'recommendations', 'events', 'meetings'))";

static ov_store_rc what_is(sq *s, enum sq_kind *out, ov_diag *d)
{
	sqlite3_stmt *st = NULL;
	bool found;
	int v = sq_schema_version(s);
	ov_store_rc rc = sq_query(s, what_sql, NULL, &st, &found,
				  "cannot read the schema", d);

	if (!rc && !found)
		rc = sq_fail(s, d, "cannot read the schema");
	if (!rc && v == 0 && sqlite3_column_int(st, 0) == 0)
		*out = SQ_EMPTY;
	else if (!rc)
		*out = v > 0 && sqlite3_column_int(st, 1) == 5 ? SQ_OURS
							     : SQ_FOREIGN;
	sqlite3_finalize(st);
	return rc;
}

/* The connection, read-write or read-only as this process may.  A
 * read-only WAL database whose -wal and -shm are not there (its writer
 * closed it) and cannot be made (the directory is not ours to write)
 * cannot be read by an ordinary read-only connection; SQLite reads it as
 * immutable, the one way it has (wal.html, "Read-Only Databases").  Any
 * writer then running would have made those files, so the fallback is
 * taken only when none was.  A writer that starts during the read is
 * neither seen nor locked out (should it checkpoint meanwhile, the read
 * may fail or be torn, and is run again): a listing can bear that, a
 * server could not, and serve refuses a read-only database. */
static ov_store_rc connect(sq *s, bool create, bool exists, ov_diag *d)
{
	/* NOMUTEX: a handle is used by one thread at a time, and the
	 * per-call locking was a measurable part of reading a register. */
	int base = SQLITE_OPEN_NOMUTEX;
	int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
	int err;

	s->read_only = exists && !may_write(s->path);
	if (s->read_only)
		flags = SQLITE_OPEN_READONLY;
	if (sqlite3_open_v2(s->path, &s->db, base | flags, NULL) != SQLITE_OK)
		goto fail;
	sqlite3_extended_result_codes(s->db, 1);
	if (sqlite3_busy_timeout(s->db, 5000) != SQLITE_OK)
		goto fail;
	if (!s->read_only)
		return OV_STORE_OK;
	/* The first read says whether the -shm was wanted: SQLite answers
	 * SQLITE_READONLY (or CANTOPEN) for it, and anything else (busy, not
	 * a database) is for what_is() to report. */
	if (sq_schema_version(s) >= 0)
		return OV_STORE_OK;
	err = sqlite3_errcode(s->db) & 0xff; /* e.g. READONLY_DIRECTORY */
	if ((err != SQLITE_READONLY && err != SQLITE_CANTOPEN) ||
	    file_exists_shm(s->path))
		return OV_STORE_OK;
	sqlite3_close_v2(s->db);
	s->db = NULL;
	{
		char *uri = immutable_uri(s->path);
		int r = sqlite3_open_v2(uri, &s->db,
					base | SQLITE_OPEN_READONLY |
						SQLITE_OPEN_URI,
					NULL);
		free(uri);
		if (r != SQLITE_OK)
			goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	return OV_STORE_OK;
fail:
	if (s->db)
		return sq_fail(s, d, "cannot open");
	ov_diag_add(d, "%s: cannot open: out of memory", s->path);
	return OV_STORE_ERROR;
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

/* Only init (create) makes a database: of a missing file, or of an
 * empty one (adopted).  Any other command, and init too, refuses a file
 * that is not oversight's, before any pragma or migration writes to it,
 * so that it is left byte for byte as it was. */
static ov_store_rc sq_open(const char *path, bool create, void **impl,
			   ov_diag *d)
{
	sq *s = NULL;
	ov_store_rc rc = OV_STORE_OK;
	bool exists = file_exists(path);
	enum sq_kind kind = SQ_EMPTY;

	*impl = NULL;
	pthread_once(&config_once, configure_sqlite);
	if (!create && !exists) {
		ov_diag_at(d, OV_PROB_RUNTIME, NULL,
			   "no database at %s; run 'oversight init' first",
			   path);
		return OV_STORE_NOTFOUND;
	}
	s = ov_xcalloc(1, sizeof *s);
	s->path = ov_xstrdup(path);
	rc = connect(s, create, exists, d);
	if (rc == OV_STORE_OK)
		rc = what_is(s, &kind, d);
	if (rc == OV_STORE_OK && kind == SQ_EMPTY && !create) {
		ov_diag_at(d, OV_PROB_RUNTIME, NULL,
			   "%s holds no database (an empty file); run "
			   "'oversight init' first",
			   path);
		rc = OV_STORE_NOTFOUND;
	} else if (rc == OV_STORE_OK && kind == SQ_FOREIGN) {
		ov_diag_at(d, OV_PROB_RUNTIME, NULL,
			   "%s: not an oversight database (another "
			   "program's?); it is left as it was",
			   path);
		rc = OV_STORE_ERROR;
	}
	if (rc == OV_STORE_OK)
		rc = configure(s, d);
	if (rc == OV_STORE_OK)
		rc = sq_migrate(s, d);
	/* Every migration has run: store_meta is there to count writes. */
	s->generations = rc == OV_STORE_OK;
	if (rc != OV_STORE_OK) {
		sq_close(s);
		return rc;
	}
	*impl = s;
	return OV_STORE_OK;
}

static bool sq_read_only(void *impl)
{
	return ((sq *)impl)->read_only;
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
	.read_only = sq_read_only,
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
