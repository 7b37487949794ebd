#!/bin/sh
# The database file itself (issue 6, items 7 and 8): a database this user
# may read but not write is listed, and every write says why it cannot be
# made; a file that is not an oversight database (empty, or another
# program's SQLite file) is refused by every command, serve too, and left
# byte for byte as it was; only init makes or adopts a database.
. "$OV_SRCDIR/tests/cli/lib.sh"

# sql DB STATEMENTS: another program writing an SQLite file.
sql() {
	python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript(sys.argv[2])
c.commit()
c.close()' "$1" "$2"
}

# The commands that read the register, each as the arguments after --db.
READERS="recs|summary|reports|grades|activities|meetings|rec show SG-2017-R01|export -o out.json|check|user list|paper --meeting 2018-09-27 --format md -o paper.md"
# And those that write it.
WRITERS="import $FIXTURE|rec update SG-2017-R01 --note hello|user add ann --role viewer --password-stdin"

# each LIST DB FN: FN DB ARGS... for each command line in LIST.
each() {
	list=$1
	db=$2
	fn=$3
	while [ -n "$list" ]; do
		one=${list%%|*}
		if [ "$one" = "$list" ]; then list=; else list=${list#*|}; fi
		# shellcheck disable=SC2086
		$fn "$db" $one
	done
}

run init
run import "$FIXTURE"
run recs --format csv
cp "$WORK/out" recs.csv
run summary --as-at 2018-09-27
cp "$WORK/out" summary.txt

# ---- item 8: a file that is not an oversight database ----

# refused DB ARGS...: the command refuses DB, saying why, and leaves it
# (and no -wal or -shm beside it) as it was.
refused() {
	db=$1
	shift
	before=$(cksum <"$db")
	# (timeout: a serve that wrongly starts would not stop)
	echo pw | timeout 20 "$OV_BIN" --db "$db" "$@" >"$WORK/out" \
		2>"$WORK/err"
	RC=$?
	[ "$RC" -ne 0 ] && grep -Eq "$WHY" "$WORK/err" &&
		[ "$(wc -l <"$WORK/err")" -eq 1 ] &&
		[ "$(cksum <"$db")" = "$before" ] &&
		[ ! -e "$db-wal" ] && [ ! -e "$db-shm" ] && [ ! -e out.json ] &&
		[ ! -e paper.md ]
	ok $? "$* on $WHAT: refused, saying so, the file as it was"
}

: >empty.db
WHAT="an empty file"
WHY="empty.db holds no database \(an empty file\); run 'oversight init' first"
each "$READERS|$WRITERS" empty.db refused
refused empty.db serve --listen 127.0.0.1:0

if command -v python3 >/dev/null 2>&1 &&
	python3 -c 'import sqlite3' 2>/dev/null; then
	sql other.db "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
		INSERT INTO notes (body) VALUES ('mine');"
	# Another program that numbers its schema too, with a table of a
	# name oversight uses.
	sql versioned.db "CREATE TABLE events (at TEXT, what TEXT);
		PRAGMA user_version = 3;"
	WHY="not an oversight database \(another program's\?\); it is left as it was"
	for f in other.db versioned.db; do
		WHAT="another program's database ($f)"
		each "$READERS|$WRITERS" $f refused
		refused $f init
		refused $f serve --listen 127.0.0.1:0
	done
	[ "$(python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("PRAGMA journal_mode").fetchone()[0], c.execute("SELECT body FROM notes").fetchone()[0])' other.db)" = "delete mine" ]
	ok $? "... which is still in its own journal mode, with its data"
else
	skip "no python3 sqlite3 module to make another program's database"
fi

# init adopts an empty file, and the file is then a register.
WHAT=
run --db empty.db init
is_rc 0 "init adopts an empty file"
has "$WORK/out" "^Created database empty.db" "... saying it created it"
run --db empty.db import "$FIXTURE"
is_rc 0 "... which then takes an import"
run --db empty.db recs --format csv
same "$WORK/out" recs.csv "... and lists it"
run --db empty.db init
has "$WORK/out" "^Already have database empty.db" "init again: it is there already"

# An oversight database of an older schema is still migrated.
if command -v sqlite3 >/dev/null 2>&1; then
	cp oversight.db old.db
	sqlite3 old.db "DROP TABLE rec_interval; DROP TABLE rec_search;
		DROP VIEW rec_search_text; DROP TABLE rec_state;
		DROP TABLE rec_state_tally; DROP TABLE store_meta;
		PRAGMA user_version = 2;"
	run --db old.db recs --format csv
	is_rc 0 "an oversight database of schema version 2 is migrated"
	same "$WORK/out" recs.csv "... and lists what it did"
else
	skip "no sqlite3 shell to make an older schema"
fi

# ---- item 7: a database this user may read but not write ----

# As root, permissions do not hold: the reader is nobody.  As anyone
# else, the files' modes say it.
READER=
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv >/dev/null 2>&1 &&
		setpriv --reuid=nobody --regid=nogroup --clear-groups \
			"$OV_BIN" --version >/dev/null 2>&1; then
		READER="setpriv --reuid=nobody --regid=nogroup --clear-groups"
	else
		READER=none
	fi
fi

# as_reader ARGS...: run the binary as the reader, in the read-only
# directory, on its copy of the database.
as_reader() {
	(cd "$RO" && echo pw | timeout 20 $READER "$OV_BIN" --db o.db "$@") \
		>"$WORK/out" 2>"$WORK/err"
	RC=$?
}

# RO: a directory the reader may read but not write, outside $WORK
# (which only its owner may enter); the copy is made after every handle
# is closed, so that no -wal or -shm is there.
RO=
if [ "$READER" != none ]; then
	RO=$(mktemp -d /tmp/ov-ro-XXXXXX)
	cp oversight.db "$RO/o.db"
	trap 'chmod 0755 "$RO" 2>/dev/null; rm -rf "$WORK" "$RO"' EXIT
fi

# ro_lock, ro_unlock: the reader may read RO and o.db, write neither (as
# root, nobody reads them by "other"; as anyone else, the modes hold for
# the owner too); the test itself changes o.db between the two.
ro_lock() {
	chmod 0444 "$RO/o.db"
	chmod 0555 "$RO"
}
ro_unlock() {
	chmod 0755 "$RO"
	chmod 0644 "$RO/o.db"
}

if [ -z "$RO" ]; then
	skip "as root, without setpriv to drop to nobody: no read-only test"
else
	ro_lock
	[ ! -e "$RO/o.db-wal" ] && [ ! -e "$RO/o.db-shm" ]
	ok $? "the read-only copy has no -wal or -shm"
	sum=$(cksum <"$RO/o.db")
	as_reader recs --format csv
	is_rc 0 "recs on a read-only database"
	same "$WORK/out" recs.csv "... lists the register"
	as_reader summary --as-at 2018-09-27
	same "$WORK/out" summary.txt "summary on it"
	for c in reports grades activities meetings "rec show SG-2017-R01" \
		"user list" "export -o -"; do
		# shellcheck disable=SC2086
		as_reader $c
		is_rc 0 "$c on a read-only database"
	done
	as_reader recs --q conference --format csv
	has "$WORK/out" "^SG-2017-R01," "... a search too"
	as_reader check
	[ "$RC" -eq 1 ] &&
		grep -q "o.db: cannot check the search index: FTS5 checks it with a write, and this user may only read the database" "$WORK/err"
	ok $? "check on it: the search index cannot be checked, saying why"
	as_reader rec update SG-2017-R01 --note hello
	[ "$RC" -eq 1 ] &&
		grep -q "o.db: cannot write: this user may read the database but not write it" "$WORK/err"
	ok $? "rec update on it: refused, saying why"
	as_reader import "$FIXTURE"
	[ "$RC" -eq 1 ] && grep -q "may read the database but not write" "$WORK/err"
	ok $? "import on it: refused, saying why"
	as_reader serve --listen 127.0.0.1:0
	[ "$RC" -eq 1 ] &&
		grep -q "serve needs to write the database, and this user may only read it" "$WORK/err"
	ok $? "serve on it: refused at once, saying why"
	[ "$(cksum <"$RO/o.db")" = "$sum" ] && [ ! -e "$RO/o.db-wal" ]
	ok $? "... and the file is as it was"

	if command -v python3 >/dev/null 2>&1 &&
		python3 -c 'import sqlite3' 2>/dev/null; then
		# A writer has the database open: its -wal and -shm are there,
		# not the reader's to write, and hold a change not yet in the
		# file; the reader reads it through them.
		ro_unlock
		python3 -c 'import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1])
c.execute("SELECT count(*) FROM forces").fetchall()
open(sys.argv[2], "w").close()
time.sleep(60)' "$RO/o.db" "$WORK/holding" &
		holder=$!
		i=0
		while [ ! -e "$WORK/holding" ] && [ $i -lt 100 ]; do
			sleep 0.1
			i=$((i + 1))
		done
		(cd "$RO" && "$OV_BIN" --db o.db rec update SG-2017-R01 \
			--note "seen through the WAL" --date 2026-01-02) >/dev/null
		chmod 0444 "$RO/o.db" "$RO/o.db-wal" "$RO/o.db-shm"
		chmod 0555 "$RO"
		as_reader rec show SG-2017-R01
		[ "$RC" -eq 0 ] && grep -q "seen through the WAL" "$WORK/out" &&
			[ -e "$RO/o.db-wal" ]
		ok $? "a read-only database its writer has open: read through the WAL"
		kill "$holder"
		wait "$holder" 2>/dev/null
		chmod 0644 "$RO/o.db-wal" "$RO/o.db-shm" 2>/dev/null
		ro_unlock
		# Back to the file alone, as the copy was.
		(cd "$RO" && "$OV_BIN" --db o.db recs) >/dev/null
		ro_lock
	else
		skip "no python3 sqlite3 module to hold the database open"
	fi

	if command -v sqlite3 >/dev/null 2>&1; then
		# A stale stored state (a rec's RAG wrong, marked stale): the
		# reader cannot rebuild it, and folds the timelines instead.
		ro_unlock
		(cd "$RO" && "$OV_BIN" --db o.db recs --format csv) >now.csv
		sqlite3 "$RO/o.db" "UPDATE rec_state SET rag = 'green'
			WHERE ref = 'SG-2017-R02';
			UPDATE store_meta SET value = 1 WHERE key = 'state_stale';
			PRAGMA journal_mode = DELETE; PRAGMA journal_mode = WAL;" >/dev/null
		rm -f "$RO/o.db-wal" "$RO/o.db-shm"
		ro_lock
		sum=$(cksum <"$RO/o.db")
		as_reader recs --format csv
		is_rc 0 "recs on a read-only database whose state is stale"
		same "$WORK/out" now.csv "... lists the folded register"
		as_reader recs --rag green --format csv
		hasnt "$WORK/out" "^SG-2017-R02," "... not the stale state"
		[ "$(cksum <"$RO/o.db")" = "$sum" ]
		ok $? "... and writes nothing"

		# One of an older schema cannot be migrated by the reader.
		ro_unlock
		sqlite3 "$RO/o.db" "DROP TABLE rec_interval; DROP TABLE rec_search;
			DROP VIEW rec_search_text; DROP TABLE rec_state;
			DROP TABLE rec_state_tally; DROP TABLE store_meta;
			PRAGMA user_version = 2;"
		rm -f "$RO/o.db-wal" "$RO/o.db-shm"
		ro_lock
		as_reader recs
		[ "$RC" -eq 1 ] &&
			grep -q "schema version 2 must be brought up to 4, and this user may not write it" "$WORK/err"
		ok $? "an older schema, read-only: refused, saying why"
	else
		skip "no sqlite3 shell to make a stale state"
	fi
fi

echo "1..$TAP_N"
[ "$TAP_FAILED" -eq 0 ]
