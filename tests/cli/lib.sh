# Shared helpers for the command-line tests (POSIX sh).  Each test script
# sources this, runs $OV_BIN in a fresh temporary directory and prints TAP.
#
# Backends: OV_TEST_BACKEND=sqlite (the default) or pg.  On pg the script
# runs under tests/scripts/pg-server.sh (which sets OV_PG_URI and the rest)
# and each database it names is a fresh PostgreSQL database; the same
# assertions then hold for both.  A script names its databases with
# `newdb NAME` (never "NAME.db" itself); commands run without --db use $DB
# (OVERSIGHT_DB is set to it on pg; on sqlite it is the default
# ./oversight.db).
set -u
: "${OV_BIN:?OV_BIN must name the oversight binary}"
: "${OV_SRCDIR:?OV_SRCDIR must name the source tree}"

FIXTURE="$OV_SRCDIR/tests/cli/fixtures/small.json"
TAP_N=0
TAP_FAILED=0
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
# No stray database from the environment.
unset OVERSIGHT_DB

BACKEND=${OV_TEST_BACKEND:-sqlite}
case $BACKEND in
sqlite | pg) ;;
*)
	echo "Bail out! OV_TEST_BACKEND='$BACKEND' is neither sqlite nor pg"
	exit 1
	;;
esac

# pg_sql DB SQL: run SQL in the database DB (a newdb value) as the
# superuser; output unaligned, tuples only.  pg only.
pg_sql() {
	"$OV_PG_BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"
}

# pg_uri NAME: the URI of the PostgreSQL database NAME on the test server.
pg_uri() {
	echo "postgresql:///$1?host=$OV_PG_HOST&port=$OV_PG_PORT"
}

# pg_name NAME: the PostgreSQL name of the test's database NAME (this
# script's own, should several scripts share a server).
pg_name() {
	echo "ov_${TEST_ID}_$(echo "$1" | tr -c 'a-zA-Z0-9_\n' _ | tr A-Z a-z)"
}

# newdb NAME: the --db value of the test's database NAME, the same for the
# same NAME.  sqlite: NAME.db in the work directory, not made yet (init
# makes it).  pg: a PostgreSQL database made empty on first use (init
# makes the schema in it).
newdb() {
	if [ "$BACKEND" = sqlite ]; then
		echo "$1.db"
		return
	fi
	n=$(pg_name "$1")
	if [ ! -e "$WORK/.pgdb-$n" ]; then
		pg_sql "$OV_PG_URI" "CREATE DATABASE $n" >&2 ||
			echo "#   could not create the database $n" >&2
		: >"$WORK/.pgdb-$n"
	fi
	pg_uri "$n"
}

# nodb NAME: a --db value naming a database that is not there.
nodb() {
	if [ "$BACKEND" = sqlite ]; then
		echo "$1.db"
	else
		pg_uri "$(pg_name "$1")_absent"
	fi
}

# copydb FROM NAME: the --db value of a new database NAME holding a copy of
# the database FROM (a newdb value, that no process has open).
copydb() {
	if [ "$BACKEND" = sqlite ]; then
		cp "$1" "$2.db"
		echo "$2.db"
		return
	fi
	n=$(pg_name "$2")
	pg_sql "$OV_PG_URI" "CREATE DATABASE $n TEMPLATE $(echo "$1" |
		sed 's|^postgresql:///||; s|?.*||')" >&2 ||
		echo "#   could not copy the database into $n" >&2
	: >"$WORK/.pgdb-$n"
	pg_uri "$n"
}

# db_made DB: whether DB holds anything at all (sqlite: the file is there;
# pg: the database has a table), i.e. whether a command made it.
db_made() {
	if [ "$BACKEND" = sqlite ]; then
		[ -e "$1" ]
	else
		[ "$(pg_sql "$1" "SELECT count(*) FROM pg_tables
			WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")" \
			!= 0 ]
	fi
}

TEST_ID=$$
if [ "$BACKEND" = pg ]; then
	if [ -z "${OV_PG_URI:-}" ]; then
		echo "1..0 # SKIP OV_TEST_BACKEND=pg needs a server:" \
			"run it under tests/scripts/pg-server.sh"
		exit 0
	fi
	DB=$(newdb oversight)
	export OVERSIGHT_DB="$DB"
else
	DB=oversight.db
fi

# sqlite_only WHAT: on sqlite return 0; on pg report one skipped
# assertion "SQLite only: WHAT" and return 1.  For a part of a script about
# SQLite's own files:
#   if sqlite_only "the database file under other names"; then ...; fi
sqlite_only() {
	[ "$BACKEND" = sqlite ] && return 0
	skip "SQLite only: $1"
	return 1
}

# ok COND_STATUS DESCRIPTION: one assertion from a status (0 = pass).
ok() {
	TAP_N=$((TAP_N + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $TAP_N - $2"
	else
		TAP_FAILED=$((TAP_FAILED + 1))
		echo "not ok $TAP_N - $2"
		if [ -s "$WORK/err" ]; then
			sed 's/^/#   stderr: /' "$WORK/err" | head -20
		fi
	fi
}

# skip REASON: one assertion that cannot run here, reported as skipped
# (the TAP directive "# SKIP"), never as a pass.
skip() {
	TAP_N=$((TAP_N + 1))
	echo "ok $TAP_N # SKIP $1"
}

# skip_all REASON: the whole script cannot run here; the plan "1..0 # SKIP"
# makes meson report the test as skipped.  Call it before any assertion.
skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

# run ARGS...: run the binary; sets RC, stdout in $WORK/out, stderr in
# $WORK/err.
run() {
	"$OV_BIN" "$@" >"$WORK/out" 2>"$WORK/err"
	RC=$?
}

# is_rc WANT DESCRIPTION: the last run exited with WANT.
is_rc() {
	[ "$RC" -eq "$1" ]
	s=$?
	[ $s -eq 0 ] || echo "#   exit status $RC, wanted $1"
	ok $s "$2"
}

# has FILE REGEX DESCRIPTION: FILE has a line matching the extended regex.
has() {
	grep -Eq -- "$2" "$1"
	ok $? "$3"
}

# hasnt FILE REGEX DESCRIPTION
hasnt() {
	! grep -Eq -- "$2" "$1"
	ok $? "$3"
}

# same FILE1 FILE2 DESCRIPTION: byte-identical.
same() {
	cmp -s "$1" "$2"
	s=$?
	[ $s -eq 0 ] || diff "$1" "$2" | head -20 | sed 's/^/#   /'
	ok $s "$3"
}

# width_ok FILE DESCRIPTION: no line wider than 80 characters (UTF-8).
width_ok() {
	python3 -c '
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
wide = [l for l in lines if len(l) > 80]
for l in wide: print("#   %d: %s" % (len(l), l))
sys.exit(1 if wide else 0)' "$1"
	ok $? "$2"
}

# snapshot DB FILE: the register in DB as the program's own canonical JSON
# export, for before/after comparisons that hold for any backend.  An
# export that fails leaves a line no other snapshot has, so a comparison
# with it fails too.
SNAPSHOTS=0
snapshot() {
	SNAPSHOTS=$((SNAPSHOTS + 1))
	if ! "$OV_BIN" --db "$1" export -o "$2" 2>"$WORK/snapshot.err"; then
		echo "#   export of $1 failed: $(head -1 "$WORK/snapshot.err")"
		echo "export of $1 failed (snapshot $SNAPSHOTS)" >"$2"
	fi
}

done_testing() {
	echo "1..$TAP_N"
	[ "$TAP_FAILED" -eq 0 ]
	exit $?
}

# The schema version this build migrates to, and SQL that takes a register
# of that version back to version 2 (migration 6's columns and tables
# first, then 5's and 4's, migration 6's CHECK lists, wider than version
# 3's, staying; the search view
# first of all, as it names columns of events; then migration 3's), for
# the tests that open an older register.  A new migration adds its undo
# here, at the front.
OV_SCHEMA=6
OV_SQL_TO_V2="DROP TABLE rec_interval; ALTER TABLE accounts DROP COLUMN force;
	DROP TABLE rec_search; DROP VIEW rec_search_text;
	DROP TABLE layout_sections; DROP TABLE layouts; DROP TABLE pillars;
	ALTER TABLE people DROP COLUMN unit;
	ALTER TABLE forces DROP COLUMN short_name;
	ALTER TABLE assessments DROP COLUMN overall;
	ALTER TABLE recommendations DROP COLUMN cause;
	ALTER TABLE meetings DROP COLUMN layout; DROP VIEW events_iso;
	ALTER TABLE events DROP COLUMN precision;
	ALTER TABLE events DROP COLUMN target;
	ALTER TABLE events DROP COLUMN reason;
	CREATE VIEW events_iso AS SELECT rec, seq,
	  date(date * 86400, 'unixepoch') AS date, kind, author, text, rag,
	  owner, basis FROM events;
	DROP TABLE rec_state; DROP TABLE rec_state_tally; DROP TABLE store_meta;
	PRAGMA user_version = 2;"
# PostgreSQL's: its latest version, and SQL that takes a register of it
# back to version 3 (migration 6's, then 5's and 4's; 6's CHECK lists,
# wider than version 3's, staying).  A new migration adds its undo here,
# at the front.
OV_PG_SCHEMA=6
OV_PG_SQL_TO_V3="DROP TABLE layout_sections; DROP TABLE layouts;
	DROP TABLE pillars;
	ALTER TABLE meetings DROP COLUMN layout;
	ALTER TABLE activities ALTER COLUMN date_from TYPE date
	  USING (date_from).day;
	ALTER TABLE activities ALTER COLUMN date_to TYPE date
	  USING (date_to).day;
	ALTER TABLE events DROP COLUMN precision;
	ALTER TABLE events DROP COLUMN target;
	ALTER TABLE events DROP COLUMN reason;
	ALTER TABLE recommendations DROP COLUMN cause;
	ALTER TABLE assessments DROP COLUMN overall;
	ALTER TABLE assessments ALTER COLUMN date TYPE date USING (date).day;
	ALTER TABLE people DROP COLUMN unit;
	ALTER TABLE forces DROP COLUMN short_name;
	ALTER TABLE accounts DROP COLUMN force;
	DROP TABLE rec_interval;
	UPDATE store_meta SET value = 3 WHERE key = 'schema_version';"
