#!/bin/sh
# Benchmarks (not tests): see bench/README.md.
# Usage: sh bench/run.sh [all|point|overdue]
# all (the default) measures everything; point only the import, the export
# and the point operations (rec show, rec update) next to it; overdue only
# the import and the overdue list as at 2023-12-31 against a flat table of
# precomputed state (the floor for any as-at design), and, with
# PG_DB=postgresql://..., the same list on PostgreSQL.
# Environment: BIN (default build/oversight), OUT (default bench/out),
# RECS / EVENTS (default 100000 / 1000000).  Prints Markdown tables.
set -eu
WHAT=${1:-all}
case $WHAT in
all|point|overdue) ;;
*) echo "usage: sh bench/run.sh [all|point|overdue]" >&2; exit 2 ;;
esac
BIN=${BIN:-build/oversight}
# bench-register (bench/bench_register.c) is built next to the binary.
BENCH_REGISTER=${BENCH_REGISTER:-$(dirname "$BIN")/bench/bench-register}
OUT=${OUT:-bench/out}
RECS=${RECS:-100000}
EVENTS=${EVENTS:-1000000}
mkdir -p "$OUT"
TIME=/usr/bin/time

if [ ! -f "$OUT/national.json" ] || [ "$(cat "$OUT/params" 2>/dev/null)" != "$RECS $EVENTS" ]; then
	echo "generating $RECS recommendations, $EVENTS events..." >&2
	python3 bench/gen.py --recs "$RECS" --events "$EVENTS" "$OUT"
	echo "$RECS $EVENTS" > "$OUT/params"
fi
size=$(stat -c %s "$OUT/national.json")

# run1 CMD...: one run under $TIME; sets secs (wall seconds) and kib (peak
# RSS, KiB).  Output goes to $OUT/stdout.txt and $OUT/stderr.txt.
run1() {
	$TIME -f '%e %M' -o "$OUT/time.txt" "$@" > "$OUT/stdout.txt" 2> "$OUT/stderr.txt" || {
		echo "bench: $* failed:" >&2; cat "$OUT/stderr.txt" >&2; exit 1; }
	read -r secs kib < "$OUT/time.txt"
}

# measure LABEL CMD...: wall seconds and peak RSS (MiB) of one run.
measure() {
	label=$1; shift
	run1 "$@"
	printf '| %s | %s s | %s MiB |\n' "$label" "$secs" "$((kib / 1024))"
}

# best_ms N [-p PREP] CMD...: best of N runs of a quick command, in
# milliseconds (wall, via date +%s%N).  PREP, if given, runs before each
# run, untimed.
best_ms() {
	n=$1; shift
	prep=:
	if [ "$1" = -p ]; then prep=$2; shift 2; fi
	best=
	i=0
	while [ $i -lt "$n" ]; do
		$prep
		t0=$(date +%s%N); "$@" > /dev/null; t1=$(date +%s%N)
		ms=$(( (t1 - t0) / 1000000 ))
		if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
		i=$((i + 1))
	done
	echo "$best"
}

db="$OUT/bench.db"
rm -f "$db" "$db-wal" "$db-shm" "$OUT/yard.db"
"$BIN" --db "$db" init > /dev/null

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sqlite3 --version | cut -d' ' -f1) sqlite3 shell, $(date -u +%Y-%m-%d)."
echo
echo "| what | time | peak memory |"
echo "|---|---|---|"
echo "| document | $((size / 1048576)) MiB, $RECS recommendations, $EVENTS events | |"
measure "oversight import" "$BIN" --db "$db" import "$OUT/national.json"
[ "$WHAT" = all ] && measure "sqlite3 shell .import of the same rows from CSV (yardstick)" \
	sqlite3 "$OUT/yard.db" -cmd "PRAGMA journal_mode=WAL" -cmd "PRAGMA synchronous=FULL" \
	"CREATE TABLE recs(ref TEXT PRIMARY KEY, report TEXT, force TEXT, area TEXT, kind TEXT, addressee TEXT, timescale TEXT, text TEXT);" \
	"CREATE TABLE events(rec TEXT, seq INT, date TEXT, kind TEXT, author TEXT, text TEXT, rag TEXT, owner TEXT, basis TEXT, PRIMARY KEY(rec, seq));" \
	".mode csv" "BEGIN" ".import $OUT/recs.csv recs" ".import $OUT/events.csv events" "COMMIT" \
	"CREATE INDEX events_date ON events(rec, kind, date, seq);"
# best_cpu N CMD...: best of N runs, user + system CPU milliseconds (the
# machine is shared: CPU time varies less than wall time under load).
best_cpu() {
	n=$1; shift
	best=
	i=0
	while [ $i -lt "$n" ]; do
		$TIME -f '%U %S' -o "$OUT/cpu.txt" "$@" > /dev/null 2>&1
		ms=$(awk '{ printf "%d", ($1 + $2) * 1000 + 0.5 }' "$OUT/cpu.txt")
		if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
		i=$((i + 1))
	done
	echo "$best"
}

# The overdue list as at 2023-12-31 (CSV) against the floor: the same rows
# printed by the sqlite3 shell from a flat table holding every rec's state
# as at that date, precomputed (made from oversight's own CSV of the whole
# register; empty fields NULL), filtered and sorted there.  The shell
# quotes every text, oversight only where CSV needs it: the rows and
# values are the same, the bytes not.
overdue() {
	at=2023-12-31
	flat="$OUT/flat.db"
	rm -f "$flat"
	"$BIN" --db "$db" recs --as-at $at --format csv > "$OUT/all.csv"
	sqlite3 "$flat" ".mode csv" ".import $OUT/all.csv flat"
	sqlite3 "$flat" "UPDATE flat SET due = NULL WHERE due = '';
		UPDATE flat SET timescale = NULL WHERE timescale = '';
		UPDATE flat SET rag = NULL WHERE rag = '';
		UPDATE flat SET owner = NULL WHERE owner = '';
		UPDATE flat SET last_update = NULL WHERE last_update = '';
		UPDATE flat SET last_update_date = NULL WHERE last_update_date = '';
		VACUUM;"
	flat_sql="SELECT * FROM flat WHERE status IN ('open', 'closure-proposed') AND due < '$at' ORDER BY report, ref"
	rows=$("$BIN" --db "$db" recs --overdue --as-at $at --format csv | wc -l)
	frows=$(sqlite3 "$flat" ".headers on" ".mode csv" "$flat_sql" | wc -l)
	echo
	echo "The overdue list as at $at, CSV, whole process, best of 5 (wall / CPU):"
	echo
	echo "| what | rows | wall | CPU (user + sys) | ratio to the flat table (CPU) |"
	echo "|---|---|---|---|---|"
	fw=$(best_ms 5 sqlite3 "$flat" ".headers on" ".mode csv" "$flat_sql")
	fc=$(best_cpu 5 sqlite3 "$flat" ".headers on" ".mode csv" "$flat_sql")
	echo "| flat table, sqlite3 shell (the floor) | $((frows - 1)) | $fw ms | $fc ms | 1× |"
	ow=$(best_ms 5 "$BIN" --db "$db" recs --overdue --as-at $at --format csv)
	oc=$(best_cpu 5 "$BIN" --db "$db" recs --overdue --as-at $at --format csv)
	echo "| oversight, SQLite | $((rows - 1)) | $ow ms | $oc ms | $(awk -v a="$oc" -v b="$fc" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')× |"
	# PostgreSQL: the same list (PG_DB a postgresql:// URI holding the same
	# national dataset, imported by oversight).  Its flat-table floor
	# (psql), in the same run, is bench/pg.sh's.
	if [ -n "${PG_DB:-}" ]; then
		pw=$(best_ms 5 "$BIN" --db "$PG_DB" recs --overdue --as-at $at --format csv)
		pc=$(best_cpu 5 "$BIN" --db "$PG_DB" recs --overdue --as-at $at --format csv)
		echo "| oversight, PostgreSQL (client process only for CPU) | - | $pw ms | $pc ms | - |"
	fi
}

if [ "$WHAT" = overdue ]; then
	overdue
	exit 0
fi
measure "oversight export" "$BIN" --db "$db" export -o "$OUT/export.json"
export_secs=$secs export_kib=$kib
if cmp -s "$OUT/national.json" "$OUT/export.json"; then
	echo "| export equals the imported document | byte for byte | |"
else
	echo "| export equals the imported document | NO: differs | |"
fi
if [ "$WHAT" = all ]; then
	for d in 2016-01-01 2018-09-27 2020-06-30 2023-12-31; do
		rows=$("$BIN" --db "$db" recs --overdue --as-at "$d" --format csv | wc -l)
		for fmt in csv table json; do
			ms=$(best_ms 5 "$BIN" --db "$db" recs --overdue --as-at "$d" --format $fmt)
			echo "| recs --overdue --as-at $d --format $fmt ($((rows - 1)) rows), best of 5, whole process | $ms ms | |"
		done
	done
	if "$BIN" paper --help > /dev/null 2>&1; then
		demo="$OUT/demo.db"
		rm -f "$demo" "$demo-wal" "$demo-shm"
		"$BIN" --db "$demo" init > /dev/null
		"$BIN" --db "$demo" import examples/wmp-2018-09.json > /dev/null
		ms=$(best_ms 5 "$BIN" --db "$demo" paper --meeting 2018-09-27 --format pdf -o "$OUT/demo.pdf")
		echo "| paper --format pdf, the demo register (the seed paper), best of 5, whole process | $ms ms | |"
		ms=$(best_ms 5 "$BIN" --db "$db" paper --meeting 2018-09-27 --force F01 --format pdf -o "$OUT/f01.pdf")
		echo "| paper --format pdf, one force, best of 5, whole process | $ms ms | |"
		t0=$(date +%s%N)
		for i in $(seq -w 1 43); do
			"$BIN" --db "$db" paper --meeting 2018-09-27 --force "F$i" --format pdf -o "$OUT/f$i.pdf"
		done
		t1=$(date +%s%N)
		echo "| paper --format pdf for each of the 43 forces, total | $(( (t1 - t0) / 1000000 )) ms | |"
	fi
	overdue
	# The web's list page from the stored state (issue 7): one process,
	# the register open, many calls (bench/bench_register.c).
	echo
	echo "ov_app_register on the open register, as at today (bench-register):"
	echo
	"$BENCH_REGISTER" "$db"
fi

# Point operations on one recommendation, next to the export above: the
# middle ref of the dataset (in sorted order), gen.py's first person, and a
# date after every generated event.  Each update runs on a fresh copy of the
# database (copying not timed), so the benchmark database is left as it is;
# the copy is synced to disk first, or the update's commit would also pay
# for writing back the 90 MiB the copy left dirty in the page cache.
ref=$(cut -d, -f1 "$OUT/recs.csv" | LC_ALL=C sort | sed -n "$((RECS / 2 + 1))p")
person=$(grep -m1 -o '"id": "p[0-9]*"' "$OUT/national.json" | cut -d'"' -f4)
[ -n "$ref" ] && [ -n "$person" ] || { echo "bench: no ref or person in the dataset" >&2; exit 1; }
copy="$OUT/point.db"
fresh_copy() {
	rm -f "$copy" "$copy-wal" "$copy-shm"
	cp "$db" "$copy"
	for x in wal shm; do
		if [ -f "$db-$x" ]; then cp "$db-$x" "$copy-$x"; fi
	done
	sync
}
export_ms=$(awk -v s="$export_secs" 'BEGIN { printf "%d", s * 1000 + 0.5 }')
# point LABEL MS: a row with peak RSS from the run1 before it and the ratio.
point() {
	ratio=$(awk -v e="$export_ms" -v t="$2" 'BEGIN { printf "%.1f", (t > 0 ? e / t : 0) }')
	echo "| $1 | $2 ms | $((kib / 1024)) MiB | $ratio× |"
}
echo
echo "Point operations on $ref (whole process, best of 5; peak memory of one more run):"
echo
echo "| what | time | peak memory | ratio to export |"
echo "|---|---|---|---|"
echo "| oversight export (JSON; the row above) | $export_ms ms | $((export_kib / 1024)) MiB | 1× |"
ms=$(best_ms 5 "$BIN" --db "$db" rec show "$ref")
run1 "$BIN" --db "$db" rec show "$ref"
point "rec show $ref" "$ms"
# Dated today: an event may not be more than a week ahead (core/validate.h),
# and today is after every event the generator writes.
today=$(date +%F)
ms=$(best_ms 5 -p fresh_copy "$BIN" --db "$copy" rec update "$ref" --owner "$person" --date "$today" --author bench)
fresh_copy
run1 "$BIN" --db "$copy" rec update "$ref" --owner "$person" --date "$today" --author bench
point "rec update $ref --owner $person --date $today --author bench, on a fresh copy" "$ms"
rm -f "$copy" "$copy-wal" "$copy-shm"
echo
echo "Targets: each point operation at most 1/40 of the export's time (ratio ≥ 40×), peak memory under 40 MiB."
