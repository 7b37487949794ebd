/*
 * The PostgreSQL schema as numbered migrations, as the SQLite backend's
 * (sqlite/schema.c): migration N brings the database from version N-1
 * to N in one transaction (PostgreSQL's DDL is transactional), and sets
 * store_meta's schema_version itself.  A migration, once released, never
 * changes.  The numbers are SQLite's: 1 the register, 2 accounts, 3
 * the derived state and the search index, 4 the state intervals, 5
 * the accounts' force, 6 issue 10's fields and the layouts.
 * PostgreSQL's 1 also makes store_meta, which holds the version (and,
 * from the start, the generation and the stale mark).
 *
 * The columns are those of the shared map of entities to tables
 * (store/tables.h): one per scalar field of core/fields.h, named by
 * ov_field_col, so a new field is a new column here (a migration) and
 * nothing more.  Types: text COLLATE "C" for every text (ids, refs and
 * the register's sorts compare bytewise, as SQLite's BINARY does, whatever
 * the database's own collation), date for a date, the composite ov_pdate
 * (day, precision) for a partial date (the day is the first of the year
 * or month: exact, and ordered as a date), boolean and integer, enums
 * their codes with the same CHECK lists as SQLite's.
 */
#include <stdlib.h>
#include <string.h>

#include "store/pg/pg.h"
#include "util/mem.h"

#define TXT "text COLLATE \"C\""
#define PROV                                                                   \
	"  assumed boolean NOT NULL DEFAULT false,\n"                          \
	"  note " TXT "\n"

static const char *const migrations[] = {
    /* 1: everything. */
    "CREATE TYPE ov_pdate AS (day date, prec smallint);\n"
    "CREATE TABLE store_meta (\n"
    "  key " TXT " PRIMARY KEY,\n"
    "  value bigint NOT NULL\n"
    ");\n"
    "INSERT INTO store_meta (key, value) VALUES ('generation', 1),\n"
    "  ('state_stale', 0), ('schema_version', 0);\n"
    "CREATE TABLE forces (\n"
    "  code " TXT " PRIMARY KEY,\n"
    "  name " TXT ",\n" PROV ");\n"
    "CREATE TABLE people (\n"
    "  id " TXT " PRIMARY KEY,\n"
    "  name " TXT ",\n"
    "  title " TXT ",\n" PROV ");\n"
    "CREATE TABLE boards (\n"
    "  id " TXT " PRIMARY KEY,\n"
    "  name " TXT ",\n"
    "  chair " TXT " REFERENCES people(id),\n" PROV ");\n"
    "CREATE TABLE plans (\n"
    "  id " TXT " PRIMARY KEY,\n"
    "  name " TXT ",\n"
    "  board " TXT " REFERENCES boards(id),\n" PROV ");\n"
    "CREATE TABLE assessments (\n"
    "  id " TXT " PRIMARY KEY,\n"
    "  force " TXT " NOT NULL REFERENCES forces(code),\n"
    "  year integer NOT NULL,\n"
    "  date date,\n"
    "  label " TXT ",\n"
    "  scale " TXT " NOT NULL CHECK (scale IN ('peel-2014',\n"
    "    'peel-2021')),\n"
    "  flag_note " TXT ",\n" PROV ");\n"
    "CREATE TABLE questions (\n"
    "  assessment " TXT " NOT NULL REFERENCES assessments(id)\n"
    "    ON DELETE CASCADE,\n"
    "  seq integer NOT NULL,\n"
    "  number integer NOT NULL,\n"
    "  key " TXT ",\n"
    "  pillar " TXT ",\n"
    "  text " TXT ",\n"
    "  lead " TXT " REFERENCES people(id),\n"
    "  flagged boolean NOT NULL,\n"
    "  grade " TXT " CHECK (grade IN ('outstanding', 'good', 'adequate',\n"
    "    'requires-improvement', 'inadequate', 'to-be-inspected',\n"
    "    'not-graded')),\n"
    "  inspect ov_pdate,\n"
    "  PRIMARY KEY (assessment, seq)\n"
    ");\n"
    "CREATE TABLE reports (\n"
    "  id " TXT " PRIMARY KEY,\n"
    "  title " TXT ",\n"
    "  short_name " TXT ",\n"
    "  kind " TXT " NOT NULL CHECK (kind IN ('peel', 'thematic', 'joint',\n"
    "    'national', 'force', 'spotlight', 'revisit', 'other')),\n"
    "  style " TXT " NOT NULL CHECK (style IN ('recommendations',\n"
    "    'findings')),\n"
    "  published ov_pdate,\n"
    "  fieldwork_from ov_pdate,\n"
    "  fieldwork_to ov_pdate,\n"
    "  force_fieldwork boolean NOT NULL,\n"
    "  force_fieldwork_when ov_pdate,\n"
    "  forces_in_scope integer CHECK (forces_in_scope >= 0),\n"
    "  forces_fieldwork integer CHECK (forces_fieldwork >= 0),\n"
    "  received date,\n"
    "  summary " TXT ",\n"
    "  plan " TXT " REFERENCES plans(id),\n" PROV ");\n"
    /* id: what events and bullets hang from; ref is the public id. */
    "CREATE TABLE recommendations (\n"
    "  id bigint PRIMARY KEY,\n"
    "  ref " TXT " NOT NULL UNIQUE,\n"
    "  report " TXT " NOT NULL REFERENCES reports(id),\n"
    "  force " TXT " NOT NULL REFERENCES forces(code),\n"
    "  area " TXT ",\n"
    "  subject " TXT ",\n"
    "  kind " TXT " NOT NULL CHECK (kind IN ('cause-of-concern',\n"
    "    'recommendation', 'afi')),\n"
    "  addressee " TXT " NOT NULL CHECK (addressee IN ('force',\n"
    "    'all-forces', 'nca', 'college-of-policing', 'home-office',\n"
    "    'npcc', 'cps', 'other-national')),\n"
    "  timescale " TXT ",\n"
    "  due_given date,\n"
    "  due date,\n" /* ov_rec_due(): due_given or from the timescale */
    "  text " TXT ",\n"
    "  sme " TXT " REFERENCES people(id),\n"
    "  plan " TXT " REFERENCES plans(id),\n"
    "  finding " TXT ",\n"
    "  response " TXT ",\n" PROV ");\n"
    "CREATE INDEX recommendations_report ON recommendations(report);\n"
    "CREATE INDEX recommendations_force ON recommendations(force, ref);\n"
    "CREATE TABLE bullets (\n"
    "  rec bigint NOT NULL REFERENCES recommendations(id)\n"
    "    ON DELETE CASCADE,\n"
    "  seq integer NOT NULL,\n"
    "  text " TXT " NOT NULL,\n"
    "  PRIMARY KEY (rec, seq)\n"
    ");\n"
    "CREATE TABLE events (\n"
    "  rec bigint NOT NULL REFERENCES recommendations(id)\n"
    "    ON DELETE CASCADE,\n"
    "  seq integer NOT NULL,\n"
    "  date date NOT NULL,\n"
    "  author " TXT ",\n"
    "  kind " TXT " NOT NULL CHECK (kind IN ('created', 'update', 'rag',\n"
    "    'owner', 'closure-proposed', 'closed', 'reopened', 'superseded',\n"
    "    'not-applicable')),\n"
    "  text " TXT ",\n"
    "  rag " TXT " CHECK (rag IN ('red', 'amber', 'green')),\n"
    "  owner " TXT " REFERENCES people(id),\n"
    "  basis " TXT ",\n"
    "  PRIMARY KEY (rec, seq)\n"
    ");\n"
    "CREATE TABLE activities (\n"
    "  id " TXT " PRIMARY KEY,\n"
    "  force " TXT " NOT NULL REFERENCES forces(code),\n"
    "  date_from date,\n"
    "  date_to date,\n"
    "  kind " TXT " NOT NULL CHECK (kind IN ('insight-visit',\n"
    "    'observation', 'file-review', 'interview', 'audit', 'fieldwork',\n"
    "    'other')),\n"
    "  subject " TXT ",\n"
    "  place " TXT ",\n"
    "  question " TXT ",\n"
    "  feedback_date date,\n"
    "  feedback " TXT ",\n"
    "  passed_to " TXT ",\n" PROV ");\n"
    "CREATE INDEX activities_force ON activities(force);\n"
    "CREATE TABLE meetings (\n"
    "  id " TXT " PRIMARY KEY,\n"
    "  force " TXT " NOT NULL REFERENCES forces(code),\n"
    "  committee " TXT ",\n"
    "  date date,\n"
    "  agenda_item " TXT ",\n"
    "  title " TXT ",\n"
    "  purpose " TXT ",\n"
    "  assessment " TXT " REFERENCES assessments(id),\n"
    "  background " TXT ",\n"
    "  peel_note " TXT ",\n"
    "  closures_note " TXT ",\n"
    "  activities_note " TXT ",\n"
    "  activities_after " TXT ",\n"
    "  recommendations " TXT ",\n"
    "  contact " TXT " REFERENCES people(id),\n" PROV ");\n"
    "CREATE INDEX meetings_force ON meetings(force);\n"
    "CREATE TABLE reviews (\n"
    "  meeting " TXT " NOT NULL REFERENCES meetings(id)\n"
    "    ON DELETE CASCADE,\n"
    "  seq integer NOT NULL,\n"
    "  report " TXT " NOT NULL REFERENCES reports(id),\n"
    "  intro " TXT ",\n"
    "  narrative " TXT ",\n"
    "  PRIMARY KEY (meeting, seq)\n"
    ");\n"
    "CREATE TABLE documents (\n"
    "  meeting " TXT " NOT NULL REFERENCES meetings(id)\n"
    "    ON DELETE CASCADE,\n"
    "  seq integer NOT NULL,\n"
    "  text " TXT " NOT NULL,\n"
    "  PRIMARY KEY (meeting, seq)\n"
    ");\n"
    "UPDATE store_meta SET value = 1 WHERE key = 'schema_version';\n",
    /* 2: accounts, sessions and failed sign-ins, as SQLite's 2. */
    "CREATE TABLE accounts (\n"
    "  login " TXT " PRIMARY KEY,\n"
    "  role " TXT " NOT NULL CHECK (role IN ('viewer', 'owner', 'editor',\n"
    "    'admin')),\n"
    /* Deferrable: a replace import deletes every person and adds them
     * again (pg/write.c checks the link before it commits). */
    "  person " TXT " REFERENCES people(id) DEFERRABLE,\n"
    "  hash " TXT " NOT NULL,\n"
    "  disabled boolean NOT NULL DEFAULT false,\n"
    "  created bigint NOT NULL\n"
    ");\n"
    "CREATE TABLE sessions (\n"
    "  token_hash " TXT " PRIMARY KEY,\n"
    "  login " TXT " NOT NULL REFERENCES accounts(login),\n"
    "  created bigint NOT NULL,\n"
    "  last_seen bigint NOT NULL\n"
    ");\n"
    "CREATE INDEX sessions_login ON sessions(login);\n"
    "CREATE TABLE login_failures (\n"
    "  login " TXT ",\n"
    "  addr " TXT ",\n"
    "  at bigint NOT NULL\n"
    ");\n"
    "CREATE INDEX login_failures_login ON login_failures(login, at);\n"
    "CREATE INDEX login_failures_addr ON login_failures(addr, at);\n"
    "CREATE INDEX login_failures_at ON login_failures(at);\n"
    "UPDATE store_meta SET value = 2 WHERE key = 'schema_version';\n",
    /* 3: the derived state, as SQLite's 3: what app/ folded from each
     * rec's whole timeline, next to copies of the rec's columns the
     * register filters and sorts on; a database that already holds
     * recommendations is marked stale, for app/ to rebuild. */
    "UPDATE store_meta SET value = 1 WHERE key = 'state_stale' AND\n"
    "  EXISTS (SELECT 1 FROM recommendations);\n"
    "CREATE TABLE rec_state (\n"
    "  rec bigint PRIMARY KEY REFERENCES recommendations(id)\n"
    "    ON DELETE CASCADE,\n"
    "  ref " TXT " NOT NULL,\n"
    "  report " TXT " NOT NULL,\n"
    "  force " TXT " NOT NULL,\n"
    "  area " TXT ",\n"
    "  due date,\n"
    "  status " TXT " CHECK (status IN ('open', 'closure-proposed',\n"
    "    'closed', 'superseded', 'not-applicable')),\n"
    "  status_rank integer,\n"
    "  status_date date,\n"
    "  rag " TXT " CHECK (rag IN ('red', 'amber', 'green')),\n"
    "  owner " TXT ",\n"
    "  closed_by " TXT ",\n"
    "  basis " TXT ",\n"
    "  last_update " TXT ",\n"
    "  last_update_date date,\n"
    "  last_event_date date\n"
    ");\n"
    "CREATE UNIQUE INDEX rec_state_ref ON rec_state(ref);\n"
    "CREATE INDEX rec_state_report ON rec_state(report, ref);\n"
    "CREATE INDEX rec_state_due ON rec_state((due IS NULL), due, report,\n"
    "  ref);\n"
    "CREATE INDEX rec_state_rank ON rec_state(status_rank, report, ref);\n"
    "CREATE INDEX rec_state_status ON rec_state(status, report, ref);\n"
    "CREATE INDEX rec_state_rag ON rec_state(rag, report, ref);\n"
    "CREATE INDEX rec_state_owner ON rec_state(owner);\n"
    "CREATE INDEX rec_state_force ON rec_state(force, status, report,\n"
    "  ref);\n"
    "CREATE INDEX rec_state_last_event ON rec_state(last_event_date);\n"
    /* The search index: each rec's terms, as SQLite's FTS5 index holds
     * them (pg/search.c makes them with the same tokenizer), so that a
     * search answers exactly what SQLite's does. */
    "CREATE TABLE rec_search (\n"
    "  rec bigint PRIMARY KEY REFERENCES recommendations(id)\n"
    "    ON DELETE CASCADE,\n"
    "  terms text[] COLLATE \"C\" NOT NULL\n"
    ");\n"
    "CREATE INDEX rec_search_terms ON rec_search USING gin (terms);\n"
    "UPDATE store_meta SET value = 3 WHERE key = 'schema_version';\n",
    /* 4: each recommendation's state intervals, as SQLite's 4: one row
     * per interval [from_day, to_day) with the fold's state over it, as
     * app/ derived it and gave it with the timeline; to_day 'infinity'
     * for the last, open-ended one, so "the interval holding D" is
     * to_day > D AND from_day <= D.  The rec's own columns are
     * rec_state's, joined by rec.  A database that already holds
     * recommendations is marked stale, for app/ to derive them. */
    "CREATE TABLE rec_interval (\n"
    "  rec bigint NOT NULL REFERENCES recommendations(id)\n"
    "    ON DELETE CASCADE,\n"
    "  from_day date NOT NULL,\n"
    "  to_day date NOT NULL CHECK (to_day > from_day),\n"
    "  status " TXT " CHECK (status IN ('open', 'closure-proposed',\n"
    "    'closed', 'superseded', 'not-applicable')),\n"
    "  status_rank integer,\n"
    "  status_date date,\n"
    "  rag " TXT " CHECK (rag IN ('red', 'amber', 'green')),\n"
    "  owner " TXT ",\n"
    "  closed_by " TXT ",\n"
    "  basis " TXT ",\n"
    "  last_update " TXT ",\n"
    "  last_update_date date,\n"
    "  PRIMARY KEY (rec, from_day)\n"
    ");\n"
    "CREATE INDEX rec_interval_at ON rec_interval(to_day, from_day);\n"
    "CREATE INDEX rec_interval_status ON rec_interval(status, to_day,\n"
    "  from_day);\n"
    "UPDATE store_meta SET value = 1 WHERE key = 'state_stale' AND\n"
    "  EXISTS (SELECT 1 FROM recommendations);\n"
    "UPDATE store_meta SET value = 4 WHERE key = 'schema_version';\n",
    /* 5: an account may be bound to one force, as SQLite's 5.  NULL:
     * every force.  Deferrable, as the person: a replace import deletes
     * every force and adds them again (pg/write.c checks the link before
     * it commits). */
    "ALTER TABLE accounts ADD COLUMN force " TXT "\n"
    "  REFERENCES forces(code) DEFERRABLE;\n"
    "UPDATE store_meta SET value = 5 WHERE key = 'schema_version';\n",
    /* 6 (issue 10), as SQLite's 6: a force's short name, a person who is
     * a unit, an assessment's overall and pillar grades and a date that
     * may be a month, a rec's cause of concern (checked by
     * core/validate.c, so no foreign key), an event's precision, revised
     * target and reason (kind 'target-revised'), an activity's partial
     * dates, a meeting's layout (layouts are imported after meetings, so
     * no foreign key), and the layouts.  A day already stored becomes a
     * partial date of that day (precision 3, OV_PREC_DAY). */
    "ALTER TABLE forces ADD COLUMN short_name " TXT ";\n"
    "ALTER TABLE people ADD COLUMN unit boolean NOT NULL DEFAULT false;\n"
    "ALTER TABLE assessments ALTER COLUMN date TYPE ov_pdate USING\n"
    "  CASE WHEN date IS NULL THEN NULL ELSE ROW(date, 3)::ov_pdate END;\n"
    "ALTER TABLE assessments ADD COLUMN overall " TXT " CHECK (overall IN\n"
    "  ('outstanding', 'good', 'adequate', 'requires-improvement',\n"
    "  'inadequate', 'not-graded', 'awaited'));\n"
    "CREATE TABLE pillars (\n"
    "  assessment " TXT " NOT NULL REFERENCES assessments(id)\n"
    "    ON DELETE CASCADE,\n"
    "  seq integer NOT NULL,\n"
    "  name " TXT " NOT NULL,\n"
    "  grade " TXT " CHECK (grade IN ('outstanding', 'good', 'adequate',\n"
    "    'requires-improvement', 'inadequate', 'to-be-inspected',\n"
    "    'not-graded', 'awaited')),\n"
    "  inspect ov_pdate,\n"
    "  PRIMARY KEY (assessment, seq)\n"
    ");\n"
    "ALTER TABLE questions DROP CONSTRAINT questions_grade_check;\n"
    "ALTER TABLE questions ADD CONSTRAINT questions_grade_check CHECK\n"
    "  (grade IN ('outstanding', 'good', 'adequate',\n"
    "  'requires-improvement', 'inadequate', 'to-be-inspected',\n"
    "  'not-graded', 'awaited'));\n"
    "ALTER TABLE recommendations ADD COLUMN cause " TXT ";\n"
    "ALTER TABLE events ADD COLUMN precision " TXT " CHECK (precision IN\n"
    "  ('month', 'year'));\n"
    "ALTER TABLE events ADD COLUMN target date;\n"
    "ALTER TABLE events ADD COLUMN reason " TXT ";\n"
    "ALTER TABLE events DROP CONSTRAINT events_kind_check;\n"
    "ALTER TABLE events ADD CONSTRAINT events_kind_check CHECK (kind IN\n"
    "  ('created', 'update', 'rag', 'owner', 'closure-proposed', 'closed',\n"
    "  'reopened', 'superseded', 'not-applicable', 'target-revised'));\n"
    "ALTER TABLE activities ALTER COLUMN date_from TYPE ov_pdate USING\n"
    "  CASE WHEN date_from IS NULL THEN NULL\n"
    "  ELSE ROW(date_from, 3)::ov_pdate END;\n"
    "ALTER TABLE activities ALTER COLUMN date_to TYPE ov_pdate USING\n"
    "  CASE WHEN date_to IS NULL THEN NULL\n"
    "  ELSE ROW(date_to, 3)::ov_pdate END;\n"
    "ALTER TABLE meetings ADD COLUMN layout " TXT ";\n"
    "CREATE TABLE layouts (\n"
    "  id " TXT " PRIMARY KEY,\n"
    "  force " TXT " NOT NULL REFERENCES forces(code),\n"
    "  committee " TXT ",\n" PROV ");\n"
    "CREATE TABLE layout_sections (\n"
    "  layout " TXT " NOT NULL REFERENCES layouts(id) ON DELETE CASCADE,\n"
    "  seq integer NOT NULL,\n"
    "  section " TXT " NOT NULL,\n"
    "  heading " TXT ",\n"
    "  none " TXT ",\n"
    "  omit boolean NOT NULL DEFAULT false,\n"
    "  status boolean NOT NULL DEFAULT false,\n"
    "  PRIMARY KEY (layout, seq)\n"
    ");\n"
    "UPDATE store_meta SET value = 6 WHERE key = 'schema_version';\n",
};

#define N_MIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

int pg_schema_latest(void)
{
	return N_MIGRATIONS;
}

/* What the database holds, read before anything is written to it. */
enum pg_kind { PG_EMPTY, PG_OURS, PG_FOREIGN };

/* Migration 1 made these and no later one drops them.  Only the
 * schema the connection works in (current_schema()) counts. */
static const char what_sql[] =
    "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n"
    "   ON n.oid = c.relnamespace WHERE n.nspname = current_schema()"
    "   AND c.relkind IN ('r', 'v', 'm', 'p', 'f')),"
    " (SELECT count(*) FROM pg_class c JOIN pg_namespace n"
    "   ON n.oid = c.relnamespace WHERE n.nspname = current_schema()"
    "   AND c.relkind = 'r' AND c.relname IN ('store_meta', 'forces',"
    "   'reports', 'recommendations', 'events', 'meetings'))";

static ov_store_rc what_is(pg *s, enum pg_kind *out, ov_diag *d)
{
	PGresult *res = NULL;
	ov_store_rc rc = pg_run(s, what_sql, NULL, &res,
	                        "cannot read the schema", NULL, NULL, d);
	long all, ours;

	if (rc)
		return rc;
	all = atol(PQgetvalue(res, 0, 0));
	ours = atol(PQgetvalue(res, 0, 1));
	PQclear(res);
	if (all == 0)
		*out = PG_EMPTY;
	else if (ours == 6 && pg_schema_version(s) > 0)
		*out = PG_OURS;
	else
		*out = PG_FOREIGN;
	return OV_STORE_OK;
}

static ov_store_rc read_version(pg *s, int *v, ov_diag *d)
{
	PGresult *res = NULL;
	ov_store_rc rc =
	    pg_run(s,
	           "SELECT value FROM store_meta"
	           " WHERE key = 'schema_version'",
	           NULL, &res, "cannot read the schema version", NULL, NULL, d);

	if (!rc && PQntuples(res) != 1) {
		ov_diag_add(d, "%s: cannot read the schema version", s->name);
		rc = OV_STORE_ERROR;
	}
	if (!rc)
		*v = atoi(PQgetvalue(res, 0, 0));
	PQclear(res);
	return rc;
}

int pg_schema_version(pg *s)
{
	ov_diag d = OV_DIAG_INIT;
	int v = -1;
	bool tx = PQtransactionStatus(s->c) != PQTRANS_IDLE;

	/* Outside a transaction a failure is its own; inside one it would
	 * abort the caller's, so a savepoint keeps it apart. */
	if (tx)
		PQclear(PQexec(s->c, "SAVEPOINT version"));
	if (read_version(s, &v, &d) != OV_STORE_OK)
		v = -1;
	if (tx)
		PQclear(PQexec(s->c, v < 0 ? "ROLLBACK TO SAVEPOINT version"
		                           : "RELEASE SAVEPOINT version"));
	ov_diag_release(&d);
	return v;
}

/* One migration in its own transaction; an advisory lock (held until it
 * ends) makes two processes opening a new database at once take turns,
 * and the version is read again under it. */
static ov_store_rc migrate_one(pg *s, int want, ov_diag *d)
{
	int v = 0;
	ov_store_rc rc = pg_begin_private(s, d);
	enum pg_kind kind = PG_OURS;

	if (!rc)
		rc = pg_do(s, "SELECT pg_advisory_xact_lock(7735906001)", NULL,
		           "cannot lock the schema", NULL, NULL, d);
	if (!rc && want == 1)
		rc = what_is(s, &kind, d);
	if (!rc && want == 1 && kind == PG_EMPTY)
		v = 0;
	else if (!rc)
		rc = read_version(s, &v, d);
	if (!rc && v == want - 1) {
		PGresult *res = PQexec(s->c, migrations[want - 1]);

		if (PQresultStatus(res) != PGRES_COMMAND_OK) {
			char *m = ov_xstrdup(
			    PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY)
			        ? PQresultErrorField(res,
			                             PG_DIAG_MESSAGE_PRIMARY)
			        : "no answer");
			ov_diag_add(d, "%s: migration %d failed: %s", s->name,
			            want, m);
			free(m);
			rc = OV_STORE_ERROR;
		}
		PQclear(res);
	}
	if (!rc)
		rc = pg_commit(s, d);
	if (rc)
		pg_rollback(s);
	return rc;
}

ov_store_rc pg_prepare_schema(pg *s, bool create, ov_diag *d)
{
	enum pg_kind kind;
	int v = 0;
	ov_store_rc rc = what_is(s, &kind, d);

	if (rc)
		return rc;
	if (kind == PG_EMPTY && !create) {
		ov_diag_at(d, OV_PROB_RUNTIME, NULL,
		           "%s holds no oversight database (it is empty); "
		           "run 'oversight init' first",
		           s->name);
		return OV_STORE_NOTFOUND;
	}
	if (kind == PG_FOREIGN) {
		ov_diag_at(d, OV_PROB_RUNTIME, NULL,
		           "%s: not an oversight database (its tables are "
		           "another program's?); it is left as it was",
		           s->name);
		return OV_STORE_ERROR;
	}
	if (kind == PG_OURS)
		rc = read_version(s, &v, d);
	if (!rc && (v > N_MIGRATIONS || v < 0)) {
		ov_diag_add(d,
		            "%s: database schema version %d is newer than this "
		            "program knows (%d); use a newer oversight",
		            s->name, v, N_MIGRATIONS);
		return OV_STORE_ERROR;
	}
	for (int want = v + 1; want <= N_MIGRATIONS && !rc; want++)
		rc = migrate_one(s, want, d);
	return rc;
}
