/*
 * The SQLite backend: the store contract (contract.c) on fresh files in a
 * temporary directory, then what only a file database has: a missing
 * file, a file of garbage, a database from a newer program; and the
 * choice of backend from the `db` string.
 */
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

static void test_postgres_uri(void)
{
	ov_store *s = NULL;
	ov_diag d = OV_DIAG_INIT;

	tap_is_int(ov_store_open("postgresql://u:secret@localhost/db", false,
				 &s, &d),
		   OV_STORE_ERROR, "a postgresql:// URI: not built, ERROR");
	tap_ok(s == NULL && fx_has_msg(&d, "without the PostgreSQL backend"),
	       "... saying so");
	tap_ok(d.n == 1 && !strstr(d.msg[0], "secret"),
	       "... without repeating the password");
	ov_diag_release(&d);
	tap_is_int(ov_store_open("postgres://localhost/db", true, &s, &d),
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
	test_postgres_uri();
	cmd = ov_xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		tap_diag("could not remove the temporary directory");
	free(cmd);
	return tap_done();
}
