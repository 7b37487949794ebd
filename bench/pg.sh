#!/bin/sh
# The PostgreSQL import benchmark (not a test): see bench/README.md.
#   sh bench/pg.sh
# On the national dataset (bench/gen.py, made once into $OUT as run.sh
# does), under a throwaway server (tests/scripts/pg-server.sh: a fresh
# cluster, unix socket, fsync=off), in one run:
#   - `oversight import` into a new database (init first, untimed);
#   - the yardstick: psql \copy of the same recommendation and event rows
#     from CSV into bare tables (the same columns and keys as run.sh's
#     sqlite3 yardstick), in one transaction, then the same secondary index;
#   - `oversight export` from it equals the document, byte for byte;
#   - the overdue list as at 2023-12-31 (CSV) against the same rows from a
#     flat table of precomputed state in psql (the floor).
# Environment: BIN (default build/oversight: use a release build), OUT
# (default bench/out), RECS / EVENTS (default 100000 / 1000000).  Prints
# a Markdown table.
set -eu
BIN=${BIN:-build/oversight}
OUT=${OUT:-bench/out}
RECS=${RECS:-100000}
EVENTS=${EVENTS:-1000000}

if [ "${1:-}" != inner ]; then
	mkdir -p "$OUT"
	if [ ! -f "$OUT/national.json" ] ||
		[ "$(cat "$OUT/params" 2>/dev/null)" != "$RECS $EVENTS" ]; then
		echo "generating $RECS recommendations, $EVENTS events..." >&2
		python3 bench/gen.py --recs "$RECS" --events "$EVENTS" "$OUT"
		echo "$RECS $EVENTS" > "$OUT/params"
	fi
	BIN=$(realpath "$BIN") OUT=$(realpath "$OUT") \
		exec sh tests/scripts/pg-server.sh run -- sh "$0" inner
fi

TIME=/usr/bin/time
PSQL="$OV_PG_BINDIR/psql"
[ -x "$PSQL" ] || PSQL=psql
uri() { echo "postgresql:///$1?host=$OV_PG_HOST&port=$OV_PG_PORT"; }

# measure LABEL CMD...: wall seconds and peak RSS of one run.
measure() {
	label=$1; shift
	$TIME -f '%e %M' -o "$OUT/time.txt" "$@" > "$OUT/stdout.txt" 2> "$OUT/stderr.txt" || {
		echo "bench: $* failed:" >&2; cat "$OUT/stderr.txt" >&2; exit 1; }
	read -r secs kib < "$OUT/time.txt"
	printf '| %s | %s s | %s MiB |\n' "$label" "$secs" "$((kib / 1024))"
}

"$PSQL" -qX "$OV_PG_URI" -c "CREATE DATABASE ov_bench" -c "CREATE DATABASE ov_yard"
"$BIN" --db "$(uri ov_bench)" init > /dev/null
size=$(stat -c %s "$OUT/national.json")
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $("$PSQL" -XAtc 'SHOW server_version' "$OV_PG_URI" | cut -d' ' -f1) PostgreSQL (fsync=off), $(date -u +%Y-%m-%d)."
echo
echo "| what | time | peak memory |"
echo "|---|---|---|"
echo "| document | $((size / 1048576)) MiB, $RECS recommendations, $EVENTS events | |"
measure "oversight import into PostgreSQL" \
	"$BIN" --db "$(uri ov_bench)" import "$OUT/national.json"
import_secs=$secs
measure "psql \\copy of the same rows from CSV (yardstick)" \
	"$PSQL" -qX1 -v ON_ERROR_STOP=1 "$(uri ov_yard)" \
	-c "CREATE TABLE recs (ref text PRIMARY KEY, report text, force text, area text, kind text, addressee text, timescale text, text text)" \
	-c "CREATE TABLE events (rec text, seq int, date date, kind text, author text, text text, rag text, owner text, basis text, PRIMARY KEY (rec, seq))" \
	-c "\\copy recs FROM '$OUT/recs.csv' CSV" \
	-c "\\copy events FROM '$OUT/events.csv' CSV" \
	-c "CREATE INDEX events_date ON events (rec, kind, date, seq)"
yard_secs=$secs
measure "oversight export from PostgreSQL" \
	"$BIN" --db "$(uri ov_bench)" export -o "$OUT/export-pg.json"
if cmp -s "$OUT/export-pg.json" "$OUT/national.json"; then
	echo "| export equals the imported document | byte for byte | |"
else
	echo "| export equals the imported document | NO: differs | |"
fi
echo
echo "import / yardstick: $(echo "$import_secs $yard_secs" | awk '{printf "%.2f", $1 / $2}')x"

# The overdue list as at 2023-12-31, CSV, from the register just imported,
# against its floor on PostgreSQL: the same rows printed by psql from a
# flat table of every rec's state as at that date, precomputed (loaded
# from oversight's own CSV of the whole register, empty fields NULL, text
# in "C" order as the register's), filtered and sorted there.  Best of 5,
# wall (both wait on the same server: its work is not in the client's
# CPU) and the client's CPU.
at=2023-12-31
flat_sql="SELECT * FROM flat WHERE status IN ('open', 'closure-proposed') AND due < '$at' ORDER BY report, ref"
"$BIN" --db "$(uri ov_bench)" recs --as-at $at --format csv > "$OUT/all-pg.csv"
cols=$(head -n 1 "$OUT/all-pg.csv" | sed 's/,/ text COLLATE "C", /g; s/$/ text COLLATE "C"/')
"$PSQL" -qX1 -v ON_ERROR_STOP=1 "$(uri ov_yard)" \
	-c "CREATE TABLE flat ($cols)" \
	-c "\\copy flat FROM '$OUT/all-pg.csv' CSV HEADER" -c "ANALYZE flat"
best() { # best of 5: "wall_ms cpu_ms"
	bw= bc=
	for i in 1 2 3 4 5; do
		t0=$(date +%s%N)
		$TIME -f '%U %S' -o "$OUT/cpu.txt" "$@" > /dev/null
		t1=$(date +%s%N)
		w=$(( (t1 - t0) / 1000000 ))
		c=$(awk '{ printf "%d", ($1 + $2) * 1000 + 0.5 }' "$OUT/cpu.txt")
		if [ -z "$bw" ] || [ "$w" -lt "$bw" ]; then bw=$w; fi
		if [ -z "$bc" ] || [ "$c" -lt "$bc" ]; then bc=$c; fi
	done
	echo "$bw $bc"
}
rows=$("$BIN" --db "$(uri ov_bench)" recs --overdue --as-at $at --format csv | wc -l)
frows=$("$PSQL" -XAq --csv "$(uri ov_yard)" -c "$flat_sql" | wc -l)
set -- $(best "$PSQL" -XAq --csv "$(uri ov_yard)" -c "$flat_sql")
fw=$1 fc=$2
set -- $(best "$BIN" --db "$(uri ov_bench)" recs --overdue --as-at $at --format csv)
echo
echo "The overdue list as at $at, CSV, best of 5:"
echo
echo "| what | rows | wall | client CPU | ratio to the flat table (wall) |"
echo "|---|---|---|---|---|"
echo "| flat table, psql (the floor) | $((frows - 1)) | $fw ms | $fc ms | 1× |"
echo "| oversight, PostgreSQL | $((rows - 1)) | $1 ms | $2 ms | $(awk -v a="$1" -v b="$fw" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')× |"
