#!/bin/sh
# Bad input on PostgreSQL (issue 8): a refused import leaves the database
# exactly as it was (pg_dump before and after, and the program's own
# export), also when the server refuses a row halfway through the load; a
# server that is not there, a wrong password and another program's
# database each give one clear line on stderr and exit 1, and change
# nothing.  Runs under tests/scripts/pg-server.sh with OV_TEST_BACKEND=pg;
# the last part stops that server.
. "$OV_SRCDIR/tests/cli/lib.sh"

[ "$BACKEND" = pg ] || skip_all "PostgreSQL only: OV_TEST_BACKEND=pg"
BAD="$OV_SRCDIR/tests/io/bad"
PSQL="$OV_PG_BINDIR/psql"

# dump DB FILE: the whole database as pg_dump prints it.  Sequences are
# left out: PostgreSQL never rolls a sequence back (by design), so a
# refused write may leave a gap in the numbers, which no command shows;
# so is the random key of psql's \restrict lines (newer pg_dump).
dump() {
	"$OV_PG_BINDIR/pg_dump" --no-owner -d "$1" 2>"$WORK/dump.err" |
		grep -v '^SELECT pg_catalog.setval(\|^\\restrict \|^\\unrestrict ' \
		>"$2"
	[ -s "$2" ] || echo "pg_dump of $1 failed: $(head -1 "$WORK/dump.err")" >"$2"
}

# one_line_rc1 DESCRIPTION: the last run exited 1 with exactly one line
# on stderr, naming the program, and nothing on stdout.
one_line_rc1() {
	[ "$RC" -eq 1 ] && [ "$(wc -l <"$WORK/err")" -eq 1 ] &&
		grep -q "^oversight" "$WORK/err" && [ ! -s "$WORK/out" ]
	s=$?
	[ $s -eq 0 ] || {
		echo "#   exit status $RC, wanted 1, with one line on stderr:"
		sed 's/^/#   stderr: /' "$WORK/err" | head -5
	}
	ok $s "$1"
	[ $s -ne 0 ] || sed 's/^/#   says: /' "$WORK/err"
}

# ---- a refused import leaves PostgreSQL as it was ----
run init
run import "$FIXTURE"
is_rc 0 "the fixture is imported"
EMPTY=$(newdb empty)
run --db "$EMPTY" init
dump "$DB" full-before.sql
dump "$EMPTY" empty-before.sql
snapshot "$DB" full-before.json
for f in "$BAD"/*.json; do
	name=$(basename "$f" .json)
	run --db "$EMPTY" import "$f"
	is_rc 2 "$name: import into an empty register exits 2"
	dump "$EMPTY" empty-after.sql
	same empty-before.sql empty-after.sql "$name: the empty database is as it was"
	run import --replace "$f"
	is_rc 2 "$name: import --replace into a full register exits 2"
	dump "$DB" full-after.sql
	same full-before.sql full-after.sql "$name: the full database is as it was"
done
run import "$FIXTURE"
is_rc 2 "importing the same ids again is a conflict (exit 2)"
dump "$DB" full-after.sql
same full-before.sql full-after.sql "the conflicting import left it as it was"

# The server refuses a row in the middle of the load (a trigger on every
# table of the schema, tripping after half the rows): the import fails,
# exit 1, and nothing of it stays.
PART=$(newdb part)
run --db "$PART" init
run --db "$PART" import "$FIXTURE"
is_rc 0 "the fixture imports into a scratch database"
tables=$(pg_sql "$PART" "SELECT quote_ident(schemaname) || '.' ||
	quote_ident(tablename) FROM pg_tables WHERE schemaname NOT IN
	('pg_catalog', 'information_schema') ORDER BY 1")
rows=0
for t in $tables; do
	rows=$((rows + $(pg_sql "$PART" "SELECT count(*) FROM $t")))
done
[ "$rows" -gt 10 ]
ok $? "the import wrote $rows rows over $(echo "$tables" | wc -w) tables"
TRIP=$(newdb trip)
run --db "$TRIP" init
{
	echo "CREATE SEQUENCE public.ov_trip_n;"
	echo "CREATE FUNCTION public.ov_trip() RETURNS trigger LANGUAGE plpgsql AS \$\$
BEGIN
	IF nextval('public.ov_trip_n') > $((rows / 2)) THEN
		RAISE EXCEPTION 'ov_trip: row refused on purpose';
	END IF;
	RETURN NEW;
END \$\$;"
	for t in $tables; do
		echo "CREATE TRIGGER ov_trip BEFORE INSERT ON $t
			FOR EACH ROW EXECUTE FUNCTION public.ov_trip();"
	done
} >trip.sql
"$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$TRIP" -f trip.sql >/dev/null 2>"$WORK/err"
ok $? "a trigger on each of the tables refuses the row after half of them"
dump "$TRIP" trip-before.sql
snapshot "$TRIP" trip-before.json
run --db "$TRIP" import "$FIXTURE"
[ "$RC" -eq 1 ] && [ -s "$WORK/err" ]
ok $? "the import the server refuses halfway fails, exit 1 (got $RC)"
[ "$(pg_sql "$TRIP" "SELECT last_value FROM public.ov_trip_n")" -gt $((rows / 2)) ]
ok $? "... after writing rows (the trigger tripped)"
dump "$TRIP" trip-after.sql
same trip-before.sql trip-after.sql "... and none of them stayed"
snapshot "$TRIP" trip-after.json
same trip-before.json trip-after.json "... the register is still empty"

# ---- another program's database ----
# Each command refuses it, one line, exit 1, and leaves it as it was.
OTHER=$(newdb other)
pg_sql "$OTHER" "CREATE TABLE notes (id serial PRIMARY KEY, body text);
	INSERT INTO notes (body) VALUES ('mine');
	CREATE TABLE events (at date, what text);
	CREATE TABLE recommendations (id int, title text);" >/dev/null
dump "$OTHER" other-before.sql
for c in "init" "recs" "summary" "export" "import $FIXTURE" "check" \
	"rec update SG-2017-R01 --note hello --date 2018-09-20" "user list"; do
	# shellcheck disable=SC2086
	run --db "$OTHER" $c
	one_line_rc1 "$c on another program's database: one line, exit 1"
	dump "$OTHER" other-after.sql
	same other-before.sql other-after.sql "$c: the other program's database is as it was"
done
# (timeout: a serve that wrongly starts would not stop)
timeout 20 "$OV_BIN" --db "$OTHER" serve --listen 127.0.0.1:0 \
	>"$WORK/out" 2>"$WORK/err" </dev/null
RC=$?
one_line_rc1 "serve on another program's database: refused at once, one line, exit 1"

# ---- a wrong password ----
OWNED=ov_${TEST_ID}_pw
pg_sql "$OV_PG_URI" "CREATE DATABASE $OWNED OWNER $OV_PG_PW_USER" >/dev/null
TCP="127.0.0.1:$OV_PG_PORT/$OWNED"
RIGHT="postgresql://$OV_PG_PW_USER:$OV_PG_PW_PASSWORD@$TCP"
WRONG="postgresql://$OV_PG_PW_USER:not-the-password@$TCP"
run --db "$RIGHT" init
is_rc 0 "with the right password over TCP, init succeeds"
run --db "$RIGHT" import "$FIXTURE"
is_rc 0 "... and an import"
dump "$RIGHT" pw-before.sql
for c in "recs" "init" "import $FIXTURE" "export" \
	"rec update SG-2017-R01 --note hello --date 2018-09-20"; do
	# shellcheck disable=SC2086
	run --db "$WRONG" $c
	one_line_rc1 "$c with a wrong password: one line, exit 1"
	has "$WORK/err" "password" "$c: the line says it is the password"
	hasnt "$WORK/err" "not-the-password" "$c: and does not repeat it"
done
run --db "postgresql://$OV_PG_PW_USER@$TCP" recs
one_line_rc1 "no password at all: one line, exit 1"
OVERSIGHT_DB="$WRONG" "$OV_BIN" summary >"$WORK/out" 2>"$WORK/err"
RC=$?
one_line_rc1 "a wrong password in OVERSIGHT_DB: one line, exit 1"
dump "$RIGHT" pw-after.sql
same pw-before.sql pw-after.sql "nothing was written with the wrong password"

# ---- a server that is not there ----
NOWHERE=$(mktemp -d)
DOWN_SOCK="postgresql:///postgres?host=$NOWHERE&port=$OV_PG_PORT"
FREE=$(python3 -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
DOWN_TCP="postgresql://$OV_PG_PW_USER:x@127.0.0.1:$FREE/postgres"
for c in "recs" "init" "import $FIXTURE" "summary" \
	"rec update SG-2017-R01 --note hello --date 2018-09-20"; do
	# shellcheck disable=SC2086
	PGCONNECT_TIMEOUT=10 timeout 60 "$OV_BIN" --db "$DOWN_SOCK" $c \
		>"$WORK/out" 2>"$WORK/err"
	RC=$?
	one_line_rc1 "$c with no server on the socket: one line, exit 1"
	# shellcheck disable=SC2086
	PGCONNECT_TIMEOUT=10 timeout 60 "$OV_BIN" --db "$DOWN_TCP" $c \
		>"$WORK/out" 2>"$WORK/err"
	RC=$?
	one_line_rc1 "$c with nothing on the TCP port: one line, exit 1"
done
rmdir "$NOWHERE"

# The test's own server, stopped: its databases are as unreachable.
if [ "$(id -u)" -eq 0 ]; then
	runuser -u postgres -- "$OV_PG_BINDIR/pg_ctl" -D "$OV_PG_DATA" -m fast \
		-w stop >/dev/null 2>&1
else
	"$OV_PG_BINDIR/pg_ctl" -D "$OV_PG_DATA" -m fast -w stop >/dev/null 2>&1
fi
ok $? "the server is stopped"
for c in "recs" "init" "import $FIXTURE" "export -o out.json" \
	"rec update SG-2017-R01 --note hello --date 2018-09-20"; do
	# shellcheck disable=SC2086
	PGCONNECT_TIMEOUT=10 timeout 60 "$OV_BIN" $c >"$WORK/out" 2>"$WORK/err"
	RC=$?
	one_line_rc1 "$c with the server stopped: one line, exit 1"
done
PGCONNECT_TIMEOUT=10 timeout 20 "$OV_BIN" serve --listen 127.0.0.1:0 \
	>"$WORK/out" 2>"$WORK/err" </dev/null
RC=$?
one_line_rc1 "serve with the server stopped: refused at once, one line, exit 1"
[ ! -e out.json ]
ok $? "and no export file was left"

done_testing
