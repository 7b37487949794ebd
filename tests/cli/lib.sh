# Shared helpers for the command-line tests (POSIX sh).  Each test script
# sources this, runs $OV_BIN in a fresh temporary directory and prints TAP.
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
