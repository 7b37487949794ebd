/*
 * The schema as numbered migrations.  Migration N brings the database from
 * user_version N-1 to N; each runs in its own transaction and sets
 * user_version itself.  A migration, once released, never changes: later
 * schema changes are new entries.  That is also why the CHECK lists below
 * spell out the enum codes of core/enums.h instead of generating them: a
 * new code needs a migration that rebuilds the table (SQLite cannot alter a
 * CHECK), and tests/store checks that every current code is accepted.
 * The lists are OR chains, not IN lists: SQLite builds a temporary b-tree
 * for an IN list of more than two constants on every INSERT, which was
 * most of the cost of a bulk import.
 *
 * Dates are ISO text ('YYYY-MM-DD'; partial dates 'YYYY' or 'YYYY-MM'),
 * enums their codes, so the database reads well in the sqlite3 shell.
 * The exception is events.date, a day number (days since 1970-01-01, as
 * util/date.h): a million of them are read and written by the register
 * and an import, and the view events_iso shows them as ISO dates.
 */
#include "store/sqlite/schema.h"

#include "store/sqlite/sq.h"

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
	"  grade TEXT CHECK (grade IS NULL OR (grade = 'outstanding' OR\n"
	"    grade = 'good' OR grade = 'adequate' OR grade =\n"
	"    'requires-improvement' OR grade = 'inadequate' OR grade =\n"
	"    'to-be-inspected' OR grade = 'not-graded')),\n"
	"  inspect TEXT,\n"
	"  PRIMARY KEY (assessment, seq)\n"
	");\n"
	"CREATE TABLE reports (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  title TEXT,\n"
	"  short_name TEXT,\n"
	"  kind TEXT NOT NULL CHECK (kind = 'peel' OR kind = 'thematic' OR\n"
	"    kind = 'joint' OR kind = 'national' OR kind = 'force' OR kind =\n"
	"    'spotlight' OR kind = 'revisit' OR kind = 'other'),\n"
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
	"  kind TEXT NOT NULL CHECK (kind = 'cause-of-concern' OR kind =\n"
	"    'recommendation' OR kind = 'afi'),\n"
	"  addressee TEXT NOT NULL CHECK (addressee = 'force' OR addressee =\n"
	"    'all-forces' OR addressee = 'nca' OR addressee =\n"
	"    'college-of-policing' OR addressee = 'home-office' OR addressee\n"
	"    = 'npcc' OR addressee = 'cps' OR addressee = 'other-national'),\n"
	"  timescale TEXT,\n"
	"  due_given TEXT,\n"
	"  due TEXT,\n" /* ov_rec_due(): due_given or from the timescale */
	"  text TEXT,\n"
	"  sme TEXT REFERENCES people(id),\n"
	"  plan TEXT REFERENCES plans(id),\n"
	"  finding TEXT,\n"
	"  response TEXT,\n" PROV ");\n"
	/* The register's report and force filters; the force one also
	 * gives a load of one force its recs in ref order without a sort. */
	"CREATE INDEX recommendations_report ON recommendations(report);\n"
	"CREATE INDEX recommendations_force ON recommendations(force, ref);\n"
	"CREATE TABLE bullets (\n"
	"  rec INTEGER NOT NULL REFERENCES recommendations(id)\n"
	"    ON DELETE CASCADE,\n"
	"  seq INTEGER NOT NULL,\n"
	"  text TEXT NOT NULL,\n"
	"  PRIMARY KEY (rec, seq)\n"
	") WITHOUT ROWID;\n"
	/* A timeline is stored together, in order: one range read gives a
	 * rec's events for the fold (store/sqlite/scan.c), and an import
	 * appends to one b-tree rather than to a rowid table and a (rec,
	 * seq) index.  No index on owner: people are only deleted by a
	 * replace, after the events. */
	"CREATE TABLE events (\n"
	"  rec INTEGER NOT NULL REFERENCES recommendations(id)\n"
	"    ON DELETE CASCADE,\n"
	"  seq INTEGER NOT NULL,\n"
	"  date INTEGER NOT NULL,\n" /* day number, see events_iso */
	"  kind TEXT NOT NULL CHECK (kind = 'created' OR kind = 'update' OR\n"
	"    kind = 'rag' OR kind = 'owner' OR kind = 'closure-proposed' OR\n"
	"    kind = 'closed' OR kind = 'reopened' OR kind = 'superseded' OR\n"
	"    kind = 'not-applicable'),\n"
	"  author TEXT,\n"
	"  text TEXT,\n"
	"  rag TEXT CHECK (rag IS NULL OR (rag = 'red' OR rag = 'amber' OR\n"
	"    rag = 'green')),\n"
	"  owner TEXT REFERENCES people(id),\n"
	"  basis TEXT,\n"
	"  PRIMARY KEY (rec, seq)\n"
	") WITHOUT ROWID;\n"
	/* The status events alone, narrow: the register's status filters
	 * (overdue above all) fold these before reading whole timelines. */
	"CREATE INDEX events_status ON events(rec, seq, date, kind)\n"
	"  WHERE kind <> 'update' AND kind <> 'rag' AND kind <> 'owner';\n"
	"CREATE VIEW events_iso AS SELECT rec, seq,\n"
	"  date(date * 86400, 'unixepoch') AS date, kind, author, text, rag,\n"
	"  owner, basis FROM events;\n"
	"CREATE TABLE activities (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  force TEXT NOT NULL REFERENCES forces(code),\n"
	"  date_from TEXT,\n"
	"  date_to TEXT,\n"
	"  kind TEXT NOT NULL CHECK (kind = 'insight-visit' OR kind =\n"
	"    'observation' OR kind = 'file-review' OR kind = 'interview' OR\n"
	"    kind = 'audit' OR kind = 'fieldwork' OR kind = 'other'),\n"
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
	/* 2: accounts, sessions and failed sign-ins.  Times are unix
	 * seconds.  A session is stored by its token's digest, never the
	 * token.  An account is never deleted (it is disabled), so sessions
	 * need no ON DELETE. */
	"CREATE TABLE accounts (\n"
	"  login TEXT PRIMARY KEY NOT NULL,\n"
	"  role TEXT NOT NULL CHECK (role = 'viewer' OR role = 'owner' OR\n"
	"    role = 'editor' OR role = 'admin'),\n"
	"  person TEXT REFERENCES people(id),\n"
	"  hash TEXT NOT NULL,\n"
	"  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),\n"
	"  created INTEGER NOT NULL\n"
	");\n"
	"CREATE TABLE sessions (\n"
	"  token_hash TEXT PRIMARY KEY NOT NULL,\n"
	"  login TEXT NOT NULL REFERENCES accounts(login),\n"
	"  created INTEGER NOT NULL,\n"
	"  last_seen INTEGER NOT NULL\n"
	") WITHOUT ROWID;\n"
	/* A new password or a disabled account ends the account's
	 * sessions. */
	"CREATE INDEX sessions_login ON sessions(login);\n"
	/* login is NULL for a login that cannot exist (bad syntax); addr
	 * NULL when the face has none.  The throttle counts by login and by
	 * address since a time; old rows are pruned by time. */
	"CREATE TABLE login_failures (\n"
	"  login TEXT,\n"
	"  addr TEXT,\n"
	"  at INTEGER NOT NULL\n"
	");\n"
	"CREATE INDEX login_failures_login ON login_failures(login, at);\n"
	"CREATE INDEX login_failures_addr ON login_failures(addr, at);\n"
	"CREATE INDEX login_failures_at ON login_failures(at);\n"
	"PRAGMA user_version = 2;\n",
	/* 3: the derived state of each recommendation and the search index,
	 * so that the register as it stands now is a query, not a fold.
	 *
	 * store_meta holds the data's generation (sq_commit adds one for
	 * every write transaction: a cache of anything read is good while it
	 * holds) and whether the derived state is stale.  This migration does
	 * not compute any state: the fold is core's (the rule "state = fold
	 * of the timeline" is not written in SQL), so a database that already
	 * holds recommendations is marked stale here, and app/ rebuilds the
	 * state and the search index when it next opens the register.
	 *
	 * rec_state: one row per rec, what app/ folded from its whole
	 * timeline (store/types.h: ov_store_state), next to copies of the
	 * rec's own columns the register filters and sorts on (ref, report,
	 * force, area, due: never changed once imported), so that every
	 * filter and order of the register is one index.  Day columns are day
	 * numbers, as events.date; due stays ISO text, as recommendations.due.
	 * status_rank is the status's place in the register's status order
	 * (app/ gives it).  A rec without any event has a NULL status. */
	"CREATE TABLE store_meta (\n"
	"  key TEXT PRIMARY KEY NOT NULL,\n"
	"  value INTEGER NOT NULL\n"
	") WITHOUT ROWID;\n"
	"INSERT INTO store_meta (key, value) VALUES ('generation', 1),\n"
	"  ('state_stale', EXISTS (SELECT 1 FROM recommendations));\n"
	"CREATE TABLE rec_state (\n"
	"  rec INTEGER PRIMARY KEY REFERENCES recommendations(id)\n"
	"    ON DELETE CASCADE,\n"
	"  ref TEXT NOT NULL,\n"
	"  report TEXT NOT NULL,\n"
	"  force TEXT NOT NULL,\n"
	"  area TEXT,\n"
	"  due TEXT,\n"
	"  status TEXT CHECK (status IS NULL OR (status = 'open' OR status =\n"
	"    'closure-proposed' OR status = 'closed' OR status = 'superseded'\n"
	"    OR status = 'not-applicable')),\n"
	"  status_rank INTEGER,\n"
	"  status_date INTEGER,\n"
	"  rag TEXT CHECK (rag IS NULL OR (rag = 'red' OR rag = 'amber' OR\n"
	"    rag = 'green')),\n"
	"  owner TEXT,\n"
	"  closed_by TEXT,\n"
	"  basis TEXT,\n"
	"  last_update TEXT,\n"
	"  last_update_date INTEGER,\n"
	"  last_event_date INTEGER\n"
	");\n"
	/* The four orders (report then ref; ref; due, none last; status),
	 * each alone and after a status filter; the RAG, owner and force
	 * filters; and the latest event, which says whether the state is the
	 * register as at a date. */
	"CREATE UNIQUE INDEX rec_state_ref ON rec_state(ref);\n"
	"CREATE INDEX rec_state_report ON rec_state(report, ref);\n"
	"CREATE INDEX rec_state_due ON rec_state(due IS NULL, due, report,\n"
	"  ref);\n"
	"CREATE INDEX rec_state_rank ON rec_state(status_rank, report, ref);\n"
	"CREATE INDEX rec_state_status ON rec_state(status, report, ref);\n"
	"CREATE INDEX rec_state_status_ref ON rec_state(status, ref);\n"
	"CREATE INDEX rec_state_status_due ON rec_state(status, due IS NULL,\n"
	"  due, report, ref);\n"
	"CREATE INDEX rec_state_rag ON rec_state(rag, report, ref);\n"
	"CREATE INDEX rec_state_owner ON rec_state(owner);\n"
	"CREATE INDEX rec_state_force ON rec_state(force, status, report,\n"
	"  ref);\n"
	"CREATE INDEX rec_state_last_event ON rec_state(last_event_date);\n"
	/* How many states there are of each status, RAG and force, kept by
	 * triggers in the transaction that writes the states: the register's
	 * total for those filters (a list page's count) is a sum over a few
	 * rows instead of a walk over tens of thousands of index entries.
	 * '' stands for no status and never rated (a key cannot be NULL). */
	"CREATE TABLE rec_state_tally (\n"
	"  status TEXT NOT NULL,\n"
	"  rag TEXT NOT NULL,\n"
	"  force TEXT NOT NULL,\n"
	"  n INTEGER NOT NULL,\n"
	"  PRIMARY KEY (status, rag, force)\n"
	") WITHOUT ROWID;\n"
	"CREATE TRIGGER rec_state_tally_add AFTER INSERT ON rec_state BEGIN\n"
	"  INSERT INTO rec_state_tally (status, rag, force, n)\n"
	"    VALUES (ifnull(new.status, ''), ifnull(new.rag, ''), new.force, 1)\n"
	"    ON CONFLICT (status, rag, force) DO UPDATE SET n = n + 1;\n"
	"END;\n"
	"CREATE TRIGGER rec_state_tally_drop AFTER DELETE ON rec_state BEGIN\n"
	"  UPDATE rec_state_tally SET n = n - 1 WHERE status =\n"
	"    ifnull(old.status, '') AND rag = ifnull(old.rag, '') AND force =\n"
	"    old.force;\n"
	"END;\n"
	"CREATE TRIGGER rec_state_tally_move AFTER UPDATE OF status, rag, force\n"
	"  ON rec_state BEGIN\n"
	"  UPDATE rec_state_tally SET n = n - 1 WHERE status =\n"
	"    ifnull(old.status, '') AND rag = ifnull(old.rag, '') AND force =\n"
	"    old.force;\n"
	"  INSERT INTO rec_state_tally (status, rag, force, n)\n"
	"    VALUES (ifnull(new.status, ''), ifnull(new.rag, ''), new.force, 1)\n"
	"    ON CONFLICT (status, rag, force) DO UPDATE SET n = n + 1;\n"
	"END;\n"
	/* The search index: one document per rec, its texts and those of
	 * its events, defined once by the view rec_search_text.  External
	 * content: the index keeps no copy of the text (FTS5 reads the view
	 * for its 'rebuild', and a rec's entry is taken out with the view's
	 * text before its timeline grows and put back after).  detail=none
	 * keeps only which recs hold a token, which is all a search of
	 * single words needs (store/sqlite/search.c makes every word of a
	 * query one token), and makes the order group_concat gives the
	 * texts (which SQLite does not promise) of no matter. */
	"CREATE VIEW rec_search_text AS SELECT x.id AS id,\n"
	"  x.ref || ' ' || ifnull(x.subject, '') || ' ' ||\n"
	"  ifnull(x.area, '') || ' ' || ifnull(x.text, '') || ' ' ||\n"
	"  ifnull(x.finding, '') || ' ' || ifnull(x.response, '') || ' ' ||\n"
	"  ifnull((SELECT group_concat(b.text, ' ') FROM bullets b\n"
	"    WHERE b.rec = x.id), '') || ' ' ||\n"
	"  ifnull((SELECT group_concat(ifnull(e.text, '') || ' ' ||\n"
	"    ifnull(e.basis, ''), ' ') FROM events e WHERE e.rec = x.id), '')\n"
	"  AS body FROM recommendations x;\n"
	"CREATE VIRTUAL TABLE rec_search USING fts5(body,\n"
	"  content = 'rec_search_text', content_rowid = 'id', detail = none,\n"
	"  columnsize = 0, tokenize = 'porter unicode61 remove_diacritics 2');\n"
	"PRAGMA user_version = 3;\n",
	/* 4: each recommendation's state intervals (core/fold.h:
	 * ov_rec_interval), so that the register as at any date is a range
	 * lookup, not a fold.  One row per interval, what app/ derived from
	 * the timeline and gave with it (store/types.h: ov_store_derived),
	 * written in the transaction that writes the timeline: the state
	 * columns are rec_state's, the days [from_day, to_day) day numbers,
	 * to_day 2147483647 for the last, open-ended interval.  The rec's own
	 * columns the register filters on are not copied: they are
	 * rec_state's, joined by rec.
	 *
	 * "Which intervals hold day D" is two-dimensional (from_day <= D <
	 * to_day), which one b-tree range cannot answer without walking the
	 * intervals of every earlier or every later day.  fork places each
	 * interval at a node of a fixed binary tree over the days (a
	 * relational interval tree; store/sqlite/state.c computes it): the
	 * first node from the root that lies in the interval.  The intervals
	 * holding D are then those at the ~18 nodes on the path from the root
	 * to D, each node one range of rec_interval_upper (a node before D:
	 * to_day > D) or rec_interval_lower (a node at or after D: from_day
	 * <= D), which read only intervals that hold D, give or take a few.
	 * Both carry the status, so the status filters are read there too.
	 * A database that already holds recommendations is marked stale, so
	 * app/ derives the intervals when it next opens the register. */
	"CREATE TABLE rec_interval (\n"
	"  rec INTEGER NOT NULL REFERENCES recommendations(id)\n"
	"    ON DELETE CASCADE,\n"
	"  from_day INTEGER NOT NULL,\n"
	"  to_day INTEGER NOT NULL CHECK (to_day > from_day),\n"
	"  fork INTEGER NOT NULL,\n"
	"  status TEXT CHECK (status IS NULL OR (status = 'open' OR status =\n"
	"    'closure-proposed' OR status = 'closed' OR status = 'superseded'\n"
	"    OR status = 'not-applicable')),\n"
	"  status_rank INTEGER,\n"
	"  status_date INTEGER,\n"
	"  rag TEXT CHECK (rag IS NULL OR (rag = 'red' OR rag = 'amber' OR\n"
	"    rag = 'green')),\n"
	"  owner TEXT,\n"
	"  closed_by TEXT,\n"
	"  basis TEXT,\n"
	"  last_update TEXT,\n"
	"  last_update_date INTEGER,\n"
	"  PRIMARY KEY (rec, from_day)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX rec_interval_upper ON rec_interval(fork, to_day,\n"
	"  status);\n"
	"CREATE INDEX rec_interval_lower ON rec_interval(fork, from_day,\n"
	"  status);\n"
	"UPDATE store_meta SET value = 1 WHERE key = 'state_stale'\n"
	"  AND EXISTS (SELECT 1 FROM recommendations);\n"
	"PRAGMA user_version = 4;\n",
};

#define N_MIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

int sq_schema_latest(void)
{
	return N_MIGRATIONS;
}

static ov_store_rc user_version(sq *s, int *out, ov_diag *d)
{
	sqlite3_stmt *st = NULL;
	bool found;
	ov_store_rc rc = sq_query(s, "PRAGMA user_version", NULL, &st, &found,
				  "cannot read the schema version", d);

	if (!rc && !found)
		rc = sq_fail(s, d, "cannot read the schema version");
	if (!rc)
		*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc;
}

int sq_schema_version(sq *s)
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
static ov_store_rc migrate_one(sq *s, int want, ov_diag *d)
{
	int v = 0;
	ov_store_rc rc = sq_begin(s, true, d);

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
		rc = sq_commit(s, d);
	if (rc != OV_STORE_OK)
		sq_rollback(s);
	return rc;
}

ov_store_rc sq_migrate(sq *s, ov_diag *d)
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
	if (v < N_MIGRATIONS && s->read_only) {
		ov_diag_add(d,
			    "%s: database schema version %d must be brought "
			    "up to %d, and this user may not write it; run "
			    "oversight once as a user who may",
			    s->path, v, N_MIGRATIONS);
		return OV_STORE_ERROR;
	}
	for (int want = v + 1; want <= N_MIGRATIONS && rc == OV_STORE_OK;
	     want++)
		rc = migrate_one(s, want, d);
	return rc;
}
