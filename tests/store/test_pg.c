/*
 * The PostgreSQL backend: the store contract (contract.c) on a fresh
 * database per call, made on the throwaway server tests/scripts/
 * pg-server.sh starts (OV_PG_URI, its maintenance URI); then what only
 * a server database has: an empty database (only create gives it the
 * schema), another program's tables (refused, left as they were), a
 * schema from a newer program, a server that is not there and a wrong
 * password (one line naming the database, never the password).
 *
 * The server: the test starts tests/scripts/pg-server.sh itself (named by
 * OV_PG_HARNESS) as a child whose command prints the server's OV_PG_*
 * settings and waits; closing its input at the end stops and removes the
 * server.  So this program is the test (run under valgrind by the suite's
 * valgrind setup), not a shell around it.  With OV_PG_URI already set
 * (run under the wrapper by hand), that server is used.
 */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "contract.h"
#include "fixture/fixture.h"
#include "store/store.h"
#include "tap.h"
#include "util/mem.h"

static const char *maint, *host, *port;
static int n_made;

/* A server's message, one TAP comment per line (its "LINE 1: ..." and
 * caret lines would otherwise be unknown TAP lines). */
static void diag_lines(const char *msg)
{
	while (msg && *msg) {
		size_t n = strcspn(msg, "\n");
		char *line = ov_xstrndup(msg, n);

		tap_diag(line);
		free(line);
		msg += n + (msg[n] == '\n');
	}
}

/* Run fixed SQL on the maintenance database (or on db's URI). */
static int run_sql(const char *uri, const char *sql)
{
	PGconn *c = PQconnectdb(uri);
	PGresult *r = NULL;
	int ok = PQstatus(c) == CONNECTION_OK;

	if (ok) {
		r = PQexec(c, sql);
		ok = PQresultStatus(r) == PGRES_COMMAND_OK ||
		     PQresultStatus(r) == PGRES_TUPLES_OK;
		if (!ok)
			diag_lines(PQresultErrorMessage(r));
	} else {
		diag_lines(PQerrorMessage(c));
	}
	PQclear(r);
	PQfinish(c);
	return ok ? 0 : -1;
}

/* A new database, named from a counter (never from data). */
static char *fresh_db(const char *what)
{
	char *sql = ov_xasprintf("CREATE DATABASE ov_test_%d", ++n_made);

	(void)what;
	if (run_sql(maint, sql) != 0)
		tap_diag("cannot create a database");
	free(sql);
	return ov_xasprintf("postgresql:///ov_test_%d?host=%s&port=%s", n_made,
	                    host, port);
}

static void test_empty(void)
{
	char *db = fresh_db("empty");
	ov_store *s = NULL;
	ov_diag d = OV_DIAG_INIT;

	tap_is_int(ov_store_open(db, false, &s, &d), OV_STORE_NOTFOUND,
	           "an empty database without create: NOTFOUND");
	tap_ok(s == NULL && d.n == 1 &&
	           fx_has_msg(&d, "run 'oversight init' first") &&
	           fx_has_msg(&d, "ov_test_"),
	       "... one message naming it, saying to run init");
	ov_diag_release(&d);
	tap_is_int(ov_store_open(db, true, &s, &d), OV_STORE_OK,
	           "with create, it is given the schema");
	tap_ok(s && ov_store_schema_version(s) >= 1, "... schema version set");
	ov_store_close(s);
	s = NULL;
	tap_is_int(ov_store_open(db, false, &s, &d), OV_STORE_OK,
	           "... and it then opens without create");
	ov_store_close(s);
	ov_diag_release(&d);
	free(db);
}

static void foreign_one(const char *name, const char *sql)
{
	char *db = fresh_db(name);
	ov_store *s = NULL;
	ov_diag d = OV_DIAG_INIT;

	tap_ok(run_sql(db, sql) == 0, "another program's database");
	tap_diag(name);
	for (int create = 0; create < 2; create++) {
		tap_is_int(ov_store_open(db, create, &s, &d), OV_STORE_ERROR,
		           create ? "... refused with create"
		                  : "... refused without create");
		tap_ok(s == NULL && d.n == 1 &&
		           fx_has_msg(&d, "not an oversight database"),
		       "... one line saying it is not an oversight database");
		ov_diag_release(&d);
	}
	tap_ok(run_sql(db, "SELECT 1 FROM notes") == 0 ||
	           run_sql(db, "SELECT 1 FROM forces") == 0,
	       "... and its tables are still there");
	tap_ok(run_sql(db, "SELECT 'store_meta'::regclass") != 0 ||
	           !strcmp(name, "foreign-named"),
	       "... and none of ours was added");
	free(db);
}

static void test_foreign(void)
{
	foreign_one("foreign", "CREATE TABLE notes (body text);"
	                       "INSERT INTO notes VALUES ('mine');");
	foreign_one("foreign-named", "CREATE TABLE forces (code text);"
	                             "CREATE TABLE events (at text);"
	                             "CREATE TABLE store_meta (k text);");
}

static void test_future(void)
{
	char *db = fresh_db("future");
	ov_store *s = NULL;
	ov_diag d = OV_DIAG_INIT;

	tap_is_int(ov_store_open(db, true, &s, &d), OV_STORE_OK,
	           "a database for the future");
	ov_store_close(s);
	s = NULL;
	tap_ok(run_sql(db, "UPDATE store_meta SET value = 99"
	                   " WHERE key = 'schema_version'") == 0,
	       "... its version set to 99");
	tap_is_int(ov_store_open(db, false, &s, &d), OV_STORE_ERROR,
	           "a newer schema version is refused");
	tap_ok(fx_has_msg(&d, "version 99 is newer"), "... saying why");
	ov_diag_release(&d);
	free(db);
}

/* A bulk import (into an empty register: its links and indexes are
 * dropped and made again, pg/bulk.c) with a broken link: refused, naming
 * the row as a row-by-row import would, nothing written, and the links
 * are there again for the next write. */
static void bulk_one(const char *what, void (*breakit)(ov_dataset *),
                     const char *want)
{
	char *db = fresh_db(what);
	ov_store *s = NULL;
	ov_diag d = OV_DIAG_INIT;
	ov_dataset *ds = fx_small();
	ov_store_counts c;

	tap_is_int(ov_store_open(db, true, &s, &d), OV_STORE_OK,
	           "a fresh database for a bulk import");
	breakit(ds);
	tap_is_int(s ? ov_store_import(s, ds, NULL, NULL, false, NULL, NULL, &d)
	             : OV_STORE_ERROR,
	           OV_STORE_INVALID, what);
	tap_ok(fx_has_msg(&d, want) && fx_has_msg(&d, "FOREIGN KEY"),
	       "... naming the row");
	if (!fx_has_msg(&d, want))
		ov_diag_print(&d, stdout, "#   ");
	ov_diag_release(&d);
	tap_ok(s && ov_store_count(s, &c, &d) == OV_STORE_OK && c.forces == 0 &&
	           c.people == 0 && c.recs == 0 && c.events == 0,
	       "... nothing written");
	ov_dataset_free(ds);
	/* The same break again, into a register now larger than it: row by
	 * row this time, and the links are there to refuse it. */
	ds = fx_small();
	tap_is_int(s ? ov_store_import(s, ds, NULL, NULL, false, NULL, NULL, &d)
	             : OV_STORE_ERROR,
	           OV_STORE_OK, "... a whole import then goes in");
	ov_dataset_free(ds);
	ds = ov_dataset_new();
	fx_add_rec(ds, "NEW-1", "R-MISSING", "WMP", NULL, NULL, "2017-11-01");
	tap_is_int(s ? ov_store_import(s, ds, NULL, NULL, false, NULL, NULL, &d)
	             : OV_STORE_ERROR,
	           OV_STORE_INVALID, "... and the links refuse a broken one");
	ov_diag_release(&d);
	ov_dataset_free(ds);
	ov_store_close(s);
	free(db);
}

static void break_report(ov_dataset *ds)
{
	free(ds->recs[1].report);
	ds->recs[1].report = ov_xstrdup("R-MISSING");
}

static void break_owner(ov_dataset *ds)
{
	fx_ev_owner(&ds->recs[2], "2030-01-01", "p-nobody");
}

static void test_bulk(void)
{
	bulk_one("bulk import, a rec of a report not there", break_report,
	         "recommendation '");
	bulk_one("bulk import, an event owner not a person", break_owner,
	         "recommendation event '");
}

/* A server that is not there: a port nothing listens on. */
static void test_down(void)
{
	char *db =
	    ov_xasprintf("postgresql://u:s3cret@/x?host=%s&port=1", host);
	ov_store *s = NULL;
	ov_diag d = OV_DIAG_INIT;

	tap_is_int(ov_store_open(db, false, &s, &d), OV_STORE_ERROR,
	           "a server that is not there: ERROR");
	tap_ok(s == NULL && d.n == 1 && fx_has_msg(&d, "cannot connect") &&
	           fx_has_msg(&d, "postgresql://u@/x") &&
	           !strchr(d.n ? d.msg[0] : "\n", '\n'),
	       "... one line naming the database");
	tap_ok(d.n == 1 && !strstr(d.msg[0], "s3cret"),
	       "... without the password");
	tap_is_int(ov_diag_kind(&d), OV_PROB_RUNTIME, "... a runtime problem");
	ov_diag_release(&d);
	free(db);
}

/* A wrong password, over TCP where the server asks for one. */
static void test_password(void)
{
	const char *user = getenv("OV_PG_PW_USER");
	char *db;
	ov_store *s = NULL;
	ov_diag d = OV_DIAG_INIT;

	if (!user) {
		for (int i = 0; i < 3; i++)
			tap_skip("no password role (OV_PG_PW_USER)");
		return;
	}
	db = ov_xasprintf("postgresql://%s:wr0ngpass@127.0.0.1:%s/postgres",
	                  user, port);
	tap_is_int(ov_store_open(db, false, &s, &d), OV_STORE_ERROR,
	           "a wrong password: ERROR");
	tap_ok(s == NULL && d.n == 1 && fx_has_msg(&d, "cannot connect") &&
	           fx_has_msg(&d, "password"),
	       "... one line saying so");
	tap_ok(d.n == 1 && !strstr(d.msg[0], "wr0ngpass"),
	       "... without the password");
	ov_diag_release(&d);
	free(db);
}

/* The harness's child, its input (closed to stop it) and its pid. */
static int server_in = -1;
static pid_t server_pid = -1;

/* Start the server under the harness and take its settings into the
 * environment.  0; 1 if the harness skipped (its plan line printed);
 * -1 if it failed (its lines printed). */
static int start_server(const char *harness)
{
	int in[2], out[2];
	FILE *f;
	char line[4096];
	int r = -1;

	if (pipe(in) < 0 || pipe(out) < 0)
		return -1;
	server_pid = fork();
	if (server_pid < 0)
		return -1;
	if (server_pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		close(in[1]);
		close(out[0]);
		execlp("sh", "sh", harness, "run", "--", "sh", "-c",
		       "env | grep '^OV_PG_'; echo OV_PG_READY; read x",
		       (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	server_in = in[1];
	f = fdopen(out[0], "r");
	while (f && fgets(line, sizeof line, f)) {
		char *eq = strchr(line, '=');

		line[strcspn(line, "\n")] = '\0';
		if (!strcmp(line, "OV_PG_READY")) {
			r = 0;
			break;
		}
		if (!strncmp(line, "1..0", 4)) {
			printf("%s\n", line);
			r = 1;
			break;
		}
		if (strncmp(line, "OV_PG_", 6) || !eq) {
			printf("%s\n", line);
			continue;
		}
		*eq = '\0';
		setenv(line, eq + 1, 1);
	}
	if (f)
		fclose(f);
	return r;
}

static void stop_server(void)
{
	int st;

	if (server_in >= 0)
		close(server_in);
	if (server_pid > 0)
		waitpid(server_pid, &st, 0);
}

int main(void)
{
	const contract_backend pg_be = {"postgresql", fresh_db};
	const char *harness = getenv("OV_PG_HARNESS");
	int started = 0, rc;

	if (!getenv("OV_PG_URI") && harness) {
		started = start_server(harness);
		if (started != 0) {
			stop_server();
			if (started < 0)
				printf(
				    "Bail out! the PostgreSQL server did not "
				    "start\n");
			return started < 0 ? 1 : 0;
		}
	}
	maint = getenv("OV_PG_URI");
	host = getenv("OV_PG_HOST");
	port = getenv("OV_PG_PORT");
	if (!maint || !host || !port) {
		printf("1..0 # SKIP no PostgreSQL server (run under "
		       "tests/scripts/pg-server.sh)\n");
		return 0;
	}
	contract_run(&pg_be);
	test_bulk();
	test_empty();
	test_foreign();
	test_future();
	test_down();
	test_password();
	rc = tap_done();
	stop_server();
	return rc;
}
