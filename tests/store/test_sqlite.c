/*
 * The SQLite backend: the store contract (contract.c) on fresh files in a
 * temporary directory, then what only a file database has: a missing
 * file, a file of garbage, a database from a newer program, an empty
 * file and another program's database (refused, not written; only create
 * adopts an empty one); and the choice of backend from the `db` string.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "contract.h"
#include "fixture/fixture.h"
#include "store/store.h"
#include "tap.h"
#include "util/mem.h"

static char *tmpdir;

static char *path_in_tmp(const char *name)
{
	return ov_xasprintf("%s/%s.db", tmpdir, name);
}

static void test_missing(void)
{
	char *p = path_in_tmp("missing");
	ov_store *s = NULL;
	ov_diag d = OV_DIAG_INIT;

	tap_is_int(ov_store_open(p, false, &s, &d), OV_STORE_NOTFOUND,
		   "open without create on a missing file: NOTFOUND");
	tap_ok(s == NULL, "... no handle");
	tap_ok(fx_has_msg(&d, "no database at ") &&
		       fx_has_msg(&d, "; run 'oversight init' first"),
	       "... message says to run init");
	tap_ok(access(p, F_OK) != 0, "... and no file was created");
	ov_diag_release(&d);
	free(p);
}

static void test_corrupt(void)
{
	char *p = path_in_tmp("garbage");
	FILE *f = fopen(p, "wb");
	ov_store *s = NULL;
	ov_diag d = OV_DIAG_INIT;

	for (int i = 0; f && i < 8192; i++)
		fputc((i * 7919) & 0xff, f);
	if (f)
		fclose(f);
	tap_is_int(ov_store_open(p, false, &s, &d), OV_STORE_ERROR,
		   "open a file of garbage: ERROR");
	tap_ok(s == NULL && d.n == 1 && fx_has_msg(&d, p),
	       "... one message naming the file");
	tap_ok(fx_has_msg(&d, "not a database"), "... saying it is not one");
	ov_diag_release(&d);
	free(p);
}

/* The schema version is SQLite's user_version, four big-endian bytes at
 * offset 60 of the file's header (the file format, not the library: this
 * test includes nothing of SQLite's).  A database the store made, closed
 * (so its WAL is checkpointed into the file), gets version 99. */
static int set_user_version(const char *path, unsigned v)
{
	unsigned char be[4] = {v >> 24, v >> 16 & 0xff, v >> 8 & 0xff,
			       v & 0xff};
	FILE *f = fopen(path, "r+b");
	int rc = f && fseek(f, 60, SEEK_SET) == 0 &&
			 fwrite(be, 1, 4, f) == 4
		 ? 0
		 : -1;

	if (f && fclose(f) != 0)
		rc = -1;
	return rc;
}

static void test_future(void)
{
	char *p = path_in_tmp("future");
	ov_store *s = NULL;
	ov_diag d = OV_DIAG_INIT;

	tap_is_int(ov_store_open(p, true, &s, &d), OV_STORE_OK,
		   "a database for the future");
	ov_store_close(s);
	s = NULL;
	tap_is_int(set_user_version(p, 99), 0, "... its version set to 99");
	tap_is_int(ov_store_open(p, false, &s, &d), OV_STORE_ERROR,
		   "database with a newer schema version is refused");
	tap_ok(fx_has_msg(&d, "version 99 is newer"), "... saying why");
	ov_diag_release(&d);
	free(p);
}

/* The whole file, or NULL; *n its size. */
static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long len;

	*n = 0;
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0) {
		buf = ov_xmalloc((size_t)len + 1);
		*n = fread(buf, 1, (size_t)len, f);
	}
	fclose(f);
	return buf;
}

static bool no_side_files(const char *path)
{
	char *wal = ov_xasprintf("%s-wal", path);
	char *shm = ov_xasprintf("%s-shm", path);
	bool none = access(wal, F_OK) != 0 && access(shm, F_OK) != 0;

	free(wal);
	free(shm);
	return none;
}

static void test_empty(void)
{
	char *p = path_in_tmp("empty");
	FILE *f = fopen(p, "wb");
	ov_store *s = NULL;
	ov_diag d = OV_DIAG_INIT;
	size_t n = 1;

	if (f)
		fclose(f);
	tap_is_int(ov_store_open(p, false, &s, &d), OV_STORE_NOTFOUND,
		   "open without create on an empty file: NOTFOUND");
	tap_ok(s == NULL && fx_has_msg(&d, "holds no database (an empty "
					   "file); run 'oversight init'"),
	       "... saying it holds no database");
	free(slurp(p, &n));
	tap_ok(n == 0 && no_side_files(p), "... and it is still empty");
	ov_diag_release(&d);
	tap_is_int(ov_store_open(p, true, &s, &d), OV_STORE_OK,
		   "with create, an empty file is adopted");
	tap_ok(s && ov_store_schema_version(s) > 0,
	       "... and given the schema");
	ov_store_close(s);
	s = NULL;
	tap_is_int(ov_store_open(p, false, &s, &d), OV_STORE_OK,
		   "... and it then opens without create");
	ov_store_close(s);
	ov_diag_release(&d);
	free(p);
}

/* Another program's database: refused with and without create, byte for
 * byte as it was, in its own journal mode (no -wal beside it). */
static void foreign_one(const char *name, const char *sql)
{
	char *p = path_in_tmp(name);
	sqlite3 *db = NULL;
	ov_store *s = NULL;
	ov_diag d = OV_DIAG_INIT;
	char *before = NULL, *after = NULL;
	size_t n_before = 0, n_after = 0;

	tap_ok(sqlite3_open(p, &db) == SQLITE_OK &&
		       sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK,
	       "another program's database");
	tap_diag(name);
	sqlite3_close(db);
	before = slurp(p, &n_before);
	for (int create = 0; create < 2; create++) {
		tap_is_int(ov_store_open(p, create, &s, &d), OV_STORE_ERROR,
			   create ? "... refused with create"
				  : "... refused without create");
		tap_ok(s == NULL && fx_has_msg(&d, p) &&
			       fx_has_msg(&d, "not an oversight database"),
		       "... saying it is not an oversight database");
		ov_diag_release(&d);
		after = slurp(p, &n_after);
		tap_ok(before && after && n_before == n_after &&
			       memcmp(before, after, n_after) == 0 &&
			       no_side_files(p),
		       "... and left byte for byte as it was");
		free(after);
	}
	free(before);
	free(p);
}

static void test_foreign(void)
{
	foreign_one("foreign", "CREATE TABLE notes (body TEXT);"
			       "INSERT INTO notes VALUES ('mine');");
	/* Versioned, with some of oversight's table names. */
	foreign_one("foreign-versioned",
		    "CREATE TABLE forces (code TEXT);"
		    "CREATE TABLE events (at TEXT);"
		    "PRAGMA user_version = 2;");
	/* oversight's tables, but no version: not a database it made. */
	foreign_one("foreign-unversioned",
		    "CREATE TABLE forces (code TEXT);"
		    "CREATE TABLE reports (id TEXT);"
		    "CREATE TABLE recommendations (id INTEGER);"
		    "CREATE TABLE events (rec INTEGER);"
		    "CREATE TABLE meetings (id TEXT);");
}

/* A postgresql:// or postgres:// URI goes to the PostgreSQL backend, never
 * to a file: with no server there, one line naming the URI without its
 * password, and no file made. */
static void test_postgres_uri(void)
{
	ov_store *s = NULL;
	ov_diag d = OV_DIAG_INIT;

	tap_is_int(ov_store_open("postgresql://u:secret@127.0.0.1:1/db", false,
				 &s, &d),
		   OV_STORE_ERROR, "a postgresql:// URI with no server: ERROR");
	tap_ok(s == NULL && fx_has_msg(&d, "postgresql://u@127.0.0.1:1/db") &&
		       fx_has_msg(&d, "cannot connect"),
	       "... saying it cannot connect to it");
	tap_ok(d.n == 1 && !strstr(d.msg[0], "secret"),
	       "... without repeating the password");
	ov_diag_release(&d);
	tap_is_int(ov_store_open("postgres://127.0.0.1:1/db", true, &s, &d),
		   OV_STORE_ERROR, "postgres:// too");
	tap_ok(access("postgres:", F_OK) != 0, "... and no file was made");
	ov_diag_release(&d);
}

static char *fresh_db(const char *what)
{
	return path_in_tmp(what);
}

int main(void)
{
	char tmpl[] = "/tmp/ov-test-store-XXXXXX";
	const contract_backend sqlite_be = {"sqlite", fresh_db};
	char *cmd;

	tmpdir = mkdtemp(tmpl);
	if (!tmpdir)
		return 1;
	contract_run(&sqlite_be);
	test_missing();
	test_corrupt();
	test_future();
	test_empty();
	test_foreign();
	test_postgres_uri();
	cmd = ov_xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		tap_diag("could not remove the temporary directory");
	free(cmd);
	return tap_done();
}
