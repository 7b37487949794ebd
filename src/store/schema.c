/*
 * The schema as numbered migrations.  Migration N brings the database from
 * user_version N-1 to N; each runs in its own transaction and sets
 * user_version itself.  A migration, once released, never changes: later
 * schema changes are new entries.  That is also why the CHECK lists below
 * spell out the enum codes of core/enums.h instead of generating them: a
 * new code needs a migration that rebuilds the table (SQLite cannot alter a
 * CHECK), and tests/store checks that every current code is accepted.
 *
 * Dates are ISO text ('YYYY-MM-DD'; partial dates 'YYYY' or 'YYYY-MM'),
 * enums their codes, so the database reads well in the sqlite3 shell.
 */
#include "store/sqlite_int.h"

#define PROV                                                                  \
	"  assumed INTEGER NOT NULL DEFAULT 0 CHECK (assumed IN (0, 1)),\n"   \
	"  note TEXT\n"

static const char *const migrations[] = {
	/* 1: everything. */
	"CREATE TABLE forces (\n"
	"  code TEXT PRIMARY KEY NOT NULL,\n"
	"  name TEXT,\n" PROV ");\n"
	"CREATE TABLE people (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  name TEXT,\n"
	"  title TEXT,\n" PROV ");\n"
	"CREATE TABLE boards (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  name TEXT,\n"
	"  chair TEXT REFERENCES people(id),\n" PROV ");\n"
	"CREATE TABLE plans (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  name TEXT,\n"
	"  board TEXT REFERENCES boards(id),\n" PROV ");\n"
	"CREATE TABLE assessments (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  force TEXT NOT NULL REFERENCES forces(code),\n"
	"  year INTEGER NOT NULL,\n"
	"  date TEXT,\n"
	"  label TEXT,\n"
	"  scale TEXT NOT NULL CHECK (scale IN ('peel-2014', 'peel-2021')),\n"
	"  flag_note TEXT,\n" PROV ");\n"
	"CREATE TABLE questions (\n"
	"  assessment TEXT NOT NULL REFERENCES assessments(id)\n"
	"    ON DELETE CASCADE,\n"
	"  seq INTEGER NOT NULL,\n"
	"  number INTEGER NOT NULL,\n"
	"  key TEXT,\n"
	"  pillar TEXT,\n"
	"  text TEXT,\n"
	"  lead TEXT REFERENCES people(id),\n"
	"  flagged INTEGER NOT NULL CHECK (flagged IN (0, 1)),\n"
	"  grade TEXT CHECK (grade IS NULL OR grade IN ('outstanding',\n"
	"    'good', 'adequate', 'requires-improvement', 'inadequate',\n"
	"    'to-be-inspected', 'not-graded')),\n"
	"  inspect TEXT,\n"
	"  PRIMARY KEY (assessment, seq)\n"
	");\n"
	"CREATE TABLE reports (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  title TEXT,\n"
	"  short_name TEXT,\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('peel', 'thematic', 'joint',\n"
	"    'national', 'force', 'spotlight', 'revisit', 'other')),\n"
	"  style TEXT NOT NULL CHECK (style IN ('recommendations',\n"
	"    'findings')),\n"
	"  published TEXT,\n"
	"  fieldwork_from TEXT,\n"
	"  fieldwork_to TEXT,\n"
	"  force_fieldwork INTEGER NOT NULL CHECK (force_fieldwork IN (0, 1)),\n"
	"  force_fieldwork_when TEXT,\n"
	"  forces_in_scope INTEGER CHECK (forces_in_scope >= 0),\n"
	"  forces_fieldwork INTEGER CHECK (forces_fieldwork >= 0),\n"
	"  received TEXT,\n"
	"  summary TEXT,\n"
	"  plan TEXT REFERENCES plans(id),\n" PROV ");\n"
	/* id is the row number events and bullets hang from (small keys make
	 * the timeline index small); ref is the public id. */
	"CREATE TABLE recommendations (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  ref TEXT NOT NULL UNIQUE,\n"
	"  report TEXT NOT NULL REFERENCES reports(id),\n"
	"  force TEXT NOT NULL REFERENCES forces(code),\n"
	"  area TEXT,\n"
	"  subject TEXT,\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('cause-of-concern',\n"
	"    'recommendation', 'afi')),\n"
	"  addressee TEXT NOT NULL CHECK (addressee IN ('force', 'all-forces',\n"
	"    'nca', 'college-of-policing', 'home-office', 'npcc', 'cps',\n"
	"    'other-national')),\n"
	"  timescale TEXT,\n"
	"  due_given TEXT,\n"
	"  due TEXT,\n" /* ov_rec_due(): due_given or from the timescale */
	"  text TEXT,\n"
	"  sme TEXT REFERENCES people(id),\n"
	"  plan TEXT REFERENCES plans(id),\n"
	"  finding TEXT,\n"
	"  response TEXT,\n" PROV ");\n"
	"CREATE INDEX recommendations_due ON recommendations(due);\n"
	"CREATE INDEX recommendations_report ON recommendations(report, ref);\n"
	"CREATE INDEX recommendations_force ON recommendations(force);\n"
	"CREATE TABLE bullets (\n"
	"  rec INTEGER NOT NULL REFERENCES recommendations(id)\n"
	"    ON DELETE CASCADE,\n"
	"  seq INTEGER NOT NULL,\n"
	"  text TEXT NOT NULL,\n"
	"  PRIMARY KEY (rec, seq)\n"
	");\n"
	/* sets: which derived field the event sets (core/fold.h), so the
	 * fold as at a date is one index seek per field. */
	"CREATE TABLE events (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  rec INTEGER NOT NULL REFERENCES recommendations(id)\n"
	"    ON DELETE CASCADE,\n"
	"  seq INTEGER NOT NULL,\n"
	"  date TEXT NOT NULL,\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('created', 'update', 'rag',\n"
	"    'owner', 'closure-proposed', 'closed', 'reopened', 'superseded',\n"
	"    'not-applicable')),\n"
	"  sets TEXT NOT NULL GENERATED ALWAYS AS (CASE kind\n"
	"    WHEN 'update' THEN 'update' WHEN 'rag' THEN 'rag'\n"
	"    WHEN 'owner' THEN 'owner' ELSE 'status' END) VIRTUAL,\n"
	"  author TEXT,\n"
	"  text TEXT,\n"
	"  rag TEXT CHECK (rag IS NULL OR rag IN ('red', 'amber', 'green')),\n"
	"  owner TEXT REFERENCES people(id),\n"
	"  basis TEXT,\n"
	"  UNIQUE (rec, seq)\n"
	");\n"
	/* rag and owner ride along so their lookups never touch the
	 * table. */
	"CREATE INDEX events_fold ON events(rec, sets, date, seq, rag, owner);\n"
	"CREATE INDEX events_owner ON events(owner) WHERE owner IS NOT NULL;\n"
	"CREATE TABLE activities (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  force TEXT NOT NULL REFERENCES forces(code),\n"
	"  date_from TEXT,\n"
	"  date_to TEXT,\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('insight-visit', 'observation',\n"
	"    'file-review', 'interview', 'audit', 'fieldwork', 'other')),\n"
	"  subject TEXT,\n"
	"  place TEXT,\n"
	"  question TEXT,\n"
	"  feedback_date TEXT,\n"
	"  feedback TEXT,\n"
	"  passed_to TEXT,\n" PROV ");\n"
	"CREATE INDEX activities_force ON activities(force);\n"
	"CREATE TABLE meetings (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  force TEXT NOT NULL REFERENCES forces(code),\n"
	"  committee TEXT,\n"
	"  date TEXT,\n"
	"  agenda_item TEXT,\n"
	"  title TEXT,\n"
	"  purpose TEXT,\n"
	"  assessment TEXT REFERENCES assessments(id),\n"
	"  background TEXT,\n"
	"  peel_note TEXT,\n"
	"  closures_note TEXT,\n"
	"  activities_note TEXT,\n"
	"  activities_after TEXT,\n"
	"  recommendations TEXT,\n"
	"  contact TEXT REFERENCES people(id),\n" PROV ");\n"
	"CREATE INDEX meetings_force ON meetings(force);\n"
	"CREATE TABLE reviews (\n"
	"  meeting TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,\n"
	"  seq INTEGER NOT NULL,\n"
	"  report TEXT NOT NULL REFERENCES reports(id),\n"
	"  intro TEXT,\n"
	"  narrative TEXT,\n"
	"  PRIMARY KEY (meeting, seq)\n"
	");\n"
	"CREATE TABLE documents (\n"
	"  meeting TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,\n"
	"  seq INTEGER NOT NULL,\n"
	"  text TEXT NOT NULL,\n"
	"  PRIMARY KEY (meeting, seq)\n"
	");\n"
	"PRAGMA user_version = 1;\n",
};

#define N_MIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

int ov_sql_schema_latest(void)
{
	return N_MIGRATIONS;
}

static ov_store_rc user_version(ov_store *s, int *out, ov_diag *d)
{
	sqlite3_stmt *st = NULL;
	ov_store_rc rc = ov_sql_prepare(s, "PRAGMA user_version", &st, d);

	if (rc != OV_STORE_OK)
		goto out;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = ov_sql_fail(s, d, "cannot read the schema version");
		goto out;
	}
	*out = sqlite3_column_int(st, 0);
out:
	sqlite3_finalize(st);
	return rc;
}

int ov_store_schema_version(ov_store *s)
{
	ov_diag d = OV_DIAG_INIT;
	int v = -1;

	if (user_version(s, &v, &d) != OV_STORE_OK)
		v = -1;
	ov_diag_release(&d);
	return v;
}

/* Re-reads the version inside the write transaction so two processes
 * opening a new database at once do not both migrate it. */
static ov_store_rc migrate_one(ov_store *s, int want, ov_diag *d)
{
	int v = 0;
	ov_store_rc rc = ov_sql_begin(s, d);

	if (rc == OV_STORE_OK)
		rc = user_version(s, &v, d);
	if (rc == OV_STORE_OK && v == want - 1) {
		if (sqlite3_exec(s->db, migrations[want - 1], NULL, NULL,
				 NULL) != SQLITE_OK) {
			ov_diag_add(d, "%s: migration %d failed: %s", s->path,
				    want, sqlite3_errmsg(s->db));
			rc = OV_STORE_ERROR;
		}
	}
	if (rc == OV_STORE_OK)
		rc = ov_sql_commit(s, d);
	if (rc != OV_STORE_OK)
		ov_sql_rollback(s);
	return rc;
}

ov_store_rc ov_sql_migrate(ov_store *s, ov_diag *d)
{
	int v = 0;
	ov_store_rc rc = user_version(s, &v, d);

	if (rc != OV_STORE_OK)
		return rc;
	if (v > N_MIGRATIONS || v < 0) {
		ov_diag_add(d,
			    "%s: database schema version %d is newer than this "
			    "program knows (%d); use a newer oversight",
			    s->path, v, N_MIGRATIONS);
		return OV_STORE_ERROR;
	}
	for (int want = v + 1; want <= N_MIGRATIONS && rc == OV_STORE_OK;
	     want++)
		rc = migrate_one(s, want, d);
	return rc;
}
