#!/bin/sh
# oversight check: the stored state and the search index against the
# timelines; a register made before they existed gets them on open; recs
# --q.  The sqlite3 shell (psql on PostgreSQL) breaks the state on
# purpose (and, on SQLite, takes a database back to an older schema),
# which no command can.
. "$OV_SRCDIR/tests/cli/lib.sh"

if [ "$BACKEND" = sqlite ]; then
	command -v sqlite3 >/dev/null 2>&1 || skip_all "no sqlite3 shell"
fi

run init
run import "$FIXTURE"
run check
is_rc 0 "check on a fresh import succeeds"
has "$WORK/out" "^4 recommendations checked: each stored state is the fold" \
	"... and says what it checked"

# break_db SQLITE-SQL PG-SQL: change the stored state behind the
# program's back (the sqlite3 shell, or psql), as no command can.
break_db() {
	if [ "$BACKEND" = sqlite ]; then
		sqlite3 "$DB" "$1"
	else
		pg_sql "$DB" "$2" >/dev/null
	fi
}

break_db "UPDATE rec_state SET rag = 'green' WHERE ref = 'SG-2017-R02'" \
	"UPDATE rec_state SET rag = 'green' WHERE ref = 'SG-2017-R02'"
run check
is_rc 1 "a stored state that is not the fold: check exits 1"
has "$WORK/err" "^oversight check: SG-2017-R02: the stored state is not the fold of its timeline" \
	"... naming the recommendation"
has "$WORK/err" "1 of 4 recommendations differ" "... counting them"
has "$WORK/err" "'oversight check --rebuild' computes them again" \
	"... and saying how to mend it"
run check --rebuild
is_rc 0 "check --rebuild mends it"
has "$WORK/out" "^Rebuilt the state of 4 recommendations" "... saying so"
run recs --rag red --format csv
has "$WORK/out" "^SG-2017-R02," "... the register reads the mended state"

# An interval before the last one broken: the register as at today is
# right, as at that date it is not; check finds it, --rebuild mends it.
# (SQLite keeps days as numbers, 17347 is 2017-06-30; PostgreSQL dates.)
run recs --as-at 2017-06-30 --format csv
cp "$WORK/out" before-iv.csv
break_db "UPDATE rec_interval SET status = 'closed', status_rank = 2 WHERE rec = (SELECT id FROM recommendations WHERE ref = 'PL-2016-01') AND from_day <= 17347 AND to_day > 17347" \
	"UPDATE rec_interval SET status = 'closed', status_rank = 2 WHERE rec = (SELECT id FROM recommendations WHERE ref = 'PL-2016-01') AND from_day <= '2017-06-30' AND to_day > '2017-06-30'"
run recs --as-at 2017-06-30 --format csv
has "$WORK/out" "^PL-2016-01,.*,closed," "... (the register as at that date reads the broken interval)"
run check
is_rc 1 "a stored interval that is not the fold: check exits 1"
has "$WORK/err" "^oversight check: PL-2016-01: the stored state is not the fold of its timeline" \
	"... naming the recommendation"
run check --rebuild
is_rc 0 "... and --rebuild mends it"
run recs --as-at 2017-06-30 --format csv
same "$WORK/out" before-iv.csv "... the register as at that date reads the mended interval"
break_db "DELETE FROM rec_interval WHERE rec = (SELECT id FROM recommendations WHERE ref = 'SG-2017-R01')" \
	"DELETE FROM rec_interval WHERE rec = (SELECT id FROM recommendations WHERE ref = 'SG-2017-R01')"
run check
is_rc 1 "a rec's intervals gone: check exits 1"
has "$WORK/err" "^oversight check: SG-2017-R01: the stored state" "... naming it"
run check --rebuild
is_rc 0 "... and --rebuild mends it"

# The search index: SQLite's is an FTS5 table, PostgreSQL's an array of
# terms a row.
break_db "INSERT INTO rec_search (rec_search, rowid, body) SELECT 'delete', id, body FROM rec_search_text WHERE id = 2" \
	"DELETE FROM rec_search WHERE rec = 2"
run check
is_rc 1 "a search index that lost a rec: check exits 1"
has "$WORK/err" "the search index or the counts of states do not hold" \
	"... saying so"
run check --rebuild
is_rc 0 "... and --rebuild mends it"
run recs --q conference --format csv
has "$WORK/out" "^SG-2017-R01," "... the search finds it again"
# Only SQLite keeps counts of the states in a table of their own.
if sqlite_only "counts of states kept in a table (rec_state_tally)"; then
	sqlite3 "$DB" "UPDATE rec_state_tally SET n = n + 1 WHERE status = 'open'"
	run check
	is_rc 1 "counts of states that are wrong: check exits 1"
	run check --rebuild
	is_rc 0 "... and --rebuild mends them"
	run recs --status open --format csv
	[ "$(wc -l < "$WORK/out")" -eq 4 ]
	ok $? "... the list of open ones"
fi

run recs --q "forces should" --format csv
[ "$(grep -c '^SG-2017-R0[12],\|^PL-2016-01,' "$WORK/out")" -eq 3 ] && [ "$(wc -l < "$WORK/out")" -eq 4 ]
ok $? "recs --q finds the recommendations with every word"
run recs --q "CAFE nca" --format csv
has "$WORK/out" "^SG-2017-R03," "... in any case, without accents"
run recs --q "conference" --status open --format csv
has "$WORK/out" "^SG-2017-R01," "... in progress notes, with other filters"
[ "$(wc -l < "$WORK/out")" -eq 2 ]
ok $? "... and only there"
for q in "' OR 1=1 --" '"' '*' 'NEAR(' "<script>alert(1)</script>"; do
	run recs --q "$q" --format csv
	[ "$RC" -eq 0 ] && [ "$(wc -l < "$WORK/out")" -eq 1 ] && [ ! -s "$WORK/err" ]
	ok $? "recs --q '$q': no error, no rows"
done
run recs --q "$(python3 -c 'print("x" * 300)')"
is_rc 2 "recs --q with too many bytes exits 2"
has "$WORK/err" "^oversight recs: --q: search words too long" \
	"... naming the option"

# A register of an older schema, with data: the store marks the state
# stale and the app rebuilds it when it opens the register.  (On SQLite,
# version 2: what the migrations after 2 made is taken away, by lib.sh's
# OV_SQL_TO_V2; an older version would need migration 2's tables taken
# away too.  On PostgreSQL, version 3: what the migrations after 3 made
# is taken away, by lib.sh's OV_PG_SQL_TO_V3.)
run recs --format json
cp "$WORK/out" before.json
run recs --format json --as-at 2017-06-30
cp "$WORK/out" before-2017.json
if [ "$BACKEND" = pg ]; then
	OLD=$(copydb "$DB" old)
	pg_sql "$OLD" "$OV_PG_SQL_TO_V3"
	run --db "$OLD" recs --format json
	is_rc 0 "a register of schema version 3 opens"
	same "$WORK/out" before.json "... and lists what it did before"
	[ "$(pg_sql "$OLD" "SELECT value FROM store_meta WHERE key = 'schema_version'")" = "$OV_PG_SCHEMA" ] &&
		[ "$(pg_sql "$OLD" "SELECT value FROM store_meta WHERE key = 'state_stale'")" = 0 ] &&
		[ "$(pg_sql "$OLD" 'SELECT count(DISTINCT rec) FROM rec_interval')" = 4 ]
	ok $? "... migrated to version $OV_PG_SCHEMA, its intervals built, not stale"
	run --db "$OLD" recs --format json --as-at 2017-06-30
	same "$WORK/out" before-2017.json "... and lists as at an earlier date what it did before"
	run --db "$OLD" check
	is_rc 0 "... and its state checks"
else
	for v in 2; do
		cp oversight.db old.db
		rm -f old.db-wal old.db-shm
		sqlite3 old.db "$OV_SQL_TO_V2"
		run --db old.db recs --format json
		is_rc 0 "a register of schema version $v opens"
		same "$WORK/out" before.json "... and lists what it did before"
		[ "$(sqlite3 old.db 'PRAGMA user_version')" = "$OV_SCHEMA" ] &&
			[ "$(sqlite3 old.db "SELECT value FROM store_meta WHERE key = 'state_stale'")" = 0 ] &&
			[ "$(sqlite3 old.db 'SELECT count(*) FROM rec_state')" = 4 ] &&
			[ "$(sqlite3 old.db 'SELECT count(DISTINCT rec) FROM rec_interval')" = 4 ]
		ok $? "... migrated to version $OV_SCHEMA, its state and intervals built, not stale"
		run --db old.db recs --format json --as-at 2017-06-30
		same "$WORK/out" before-2017.json "... and lists as at an earlier date what it did before"
		run --db old.db check
		is_rc 0 "... and its state checks"
	done
fi

run --db "$(nodb missing)" check
is_rc 1 "check of a database that is not there exits 1"
run check --bogus
is_rc 2 "check with an unknown option exits 2"

done_testing
