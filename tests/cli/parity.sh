#!/bin/sh
# Parity (issue 8): the demo imported into SQLite and into PostgreSQL gives
# the same bytes from every command that reads the register -- export in
# each format, the paper in each format, recs, rec show, grades, summary
# and the listings -- as at several dates; and after the same events are
# recorded in both, and after an import --replace, still the same; and
# the same for the golden papers' registers of other shapes.
# Runs under tests/scripts/pg-server.sh with OV_TEST_BACKEND=pg.
. "$OV_SRCDIR/tests/cli/lib.sh"

[ "$BACKEND" = pg ] || skip_all "parity compares SQLite with PostgreSQL: OV_TEST_BACKEND=pg"
DEMO="$OV_SRCDIR/examples/wmp-2018-09.json"
[ -f "$DEMO" ] || skip_all "examples/wmp-2018-09.json not there"

S=sqlite.db
P=$(newdb parity)
mkdir s p

# on SIDE DB NAME ARGS...: run ARGS on DB, @OUT@ standing for an output
# file of the side's own; stdout (then the file) in SIDE/NAME, stderr in
# SIDE/NAME.err, the exit status in SIDE/NAME.rc.
on() {
	side=$1 db=$2 name=$3
	shift 3
	out="$WORK/$side/$name"
	set -- "$@" --
	while [ "$1" != -- ]; do
		a=$1
		shift
		[ "$a" = @OUT@ ] && a="$out.file"
		set -- "$@" "$a"
	done
	shift
	"$OV_BIN" --db "$db" "$@" >"$out" 2>"$out.err"
	echo $? >"$out.rc"
	[ ! -f "$out.file" ] || cat "$out.file" >>"$out"
}

# both NAME ARGS...: ARGS on each backend must succeed with the same bytes
# (stdout, or the @OUT@ file).
both() {
	name=$1
	shift
	on s "$S" "$name" "$@"
	on p "$P" "$name" "$@"
	if ! cmp -s "s/$name.rc" "p/$name.rc"; then
		echo "#   exit status: SQLite $(cat "s/$name.rc"), PostgreSQL $(cat "p/$name.rc")"
		sed 's/^/#   PostgreSQL stderr: /' "p/$name.err" | head -5
		sed 's/^/#   SQLite stderr: /' "s/$name.err" | head -5
		ok 1 "$name: the same exit status"
		return
	fi
	[ "$(cat "s/$name.rc")" -eq 0 ] && [ -s "s/$name" ]
	s=$?
	[ $s -eq 0 ] || sed 's/^/#   stderr: /' "s/$name.err" | head -5
	cmp -s "s/$name" "p/$name" || {
		s=1
		diff "s/$name" "p/$name" 2>&1 | head -20 | sed 's/^/#   /'
	}
	ok $s "$name: the same bytes on both"
}

run --db "$S" init
run --db "$S" import "$DEMO"
is_rc 0 "the demo imports into SQLite"
run --db "$P" init
is_rc 0 "init makes the schema in PostgreSQL"
run --db "$P" import "$DEMO"
is_rc 0 "the demo imports into PostgreSQL"

both export export

# The refs of the demo, for rec show.
"$OV_BIN" --db "$S" recs --as-at 2018-09-27 --format csv 2>/dev/null |
	sed 1d | cut -d, -f1 >refs
[ "$(wc -l <refs)" -gt 0 ]
ok $? "the demo has recommendations to show"

# compare_all TAG: every reading command, as at several dates.
compare_all() {
	tag=$1
	both "$tag-export" export
	for f in md html pdf; do
		both "$tag-paper-$f" paper --meeting 2018-09-27 --format $f -o @OUT@
	done
	# The day before anything, mid-year, the meeting, and today.
	for d in 2016-01-01 2018-06-30 2018-09-27 ""; do
		if [ -n "$d" ]; then at="--as-at $d"; else at=; d=today; fi
		# shellcheck disable=SC2086
		{
			both "$tag-recs-json-$d" recs --format json $at
			both "$tag-recs-$d" recs $at
			both "$tag-summary-$d" summary $at
			both "$tag-export-csv-$d" export --format csv $at
		}
	done
	both "$tag-grades" grades --as-at 2018-09-27
	both "$tag-grades-may" grades --as-at 2018-05-01
	both "$tag-export-xlsx" export --format xlsx --as-at 2018-09-27 -o @OUT@
	both "$tag-recs-overdue" recs --overdue --as-at 2018-09-27 --format csv
	both "$tag-recs-red" recs --rag red --as-at 2018-09-27 --format csv
	both "$tag-reports" reports
	both "$tag-activities" activities
	both "$tag-meetings" meetings
	both "$tag-check" check
	# The search: the same words find the same recommendations.
	for q in "domestic abuse" "FORCE should" "officers staff" slavery PLANS; do
		both "$tag-search-$(echo "$q" | tr -c 'a-zA-Z\n' _)" \
			recs --q "$q" --format csv --as-at 2018-09-27
	done
	while read -r ref; do
		both "$tag-rec-show-$ref" rec show "$ref" --as-at 2018-09-27
	done <refs
}
compare_all demo

# The same events recorded in both: the writes give the same register.
first=$(sed -n 1p refs)
second=$(sed -n 2p refs)
for side in "$S" "$P"; do
	USER=tester "$OV_BIN" --db "$side" rec update "$first" --note "Parity note" \
		--rag green --date 2018-09-28 >/dev/null 2>"$WORK/err" &&
		"$OV_BIN" --db "$side" rec propose-closure "$second" \
			--date 2018-09-28 --note "Evidence sent" --author tester \
			>/dev/null 2>>"$WORK/err" &&
		"$OV_BIN" --db "$side" rec close "$second" --date 2018-09-29 \
			--basis "Evidence seen" >/dev/null 2>>"$WORK/err"
	ok $? "the same three events are recorded ($(echo "$side" | cut -c1-12))"
done
compare_all written

# An import --replace of SQLite's export into both: still the same.
"$OV_BIN" --db "$S" export -o whole.json
both replace import --replace whole.json
both replaced-export export
both replaced-recs recs --format json --as-at 2018-09-29

# Registers of other shapes (issue 10): the golden papers' datasets, each
# with its own layout, pillar and overall grades, partial dates and
# revised targets (tests/paper/NAME/data.json), and every field of the
# format (tests/cli/fixtures/format10.json): NAME|MEETING|COMMITTEE.  The
# same bytes from both.
for g in "tvp-jiac|2018-12-14|Joint Independent Audit Committee" \
	"lancs-pcp|2019-09-23|Police and Crime Panel" \
	"notts-jasp|2022-09-22|Joint Audit and Scrutiny Panel" \
	"format10|2018-07-19|Independent Audit Committee"; do
	g_name=${g%%|*}
	g_rest=${g#*|}
	g_date=${g_rest%%|*}
	g_comm=${g_rest#*|}
	data="$OV_SRCDIR/tests/paper/$g_name/data.json"
	[ "$g_name" = format10 ] && data="$OV_SRCDIR/tests/cli/fixtures/format10.json"
	S=$g_name.db
	P=$(newdb "$g_name")
	for g_db in "$S" "$P"; do
		"$OV_BIN" --db "$g_db" init >/dev/null 2>"$WORK/err" &&
			"$OV_BIN" --db "$g_db" import "$data" >/dev/null 2>>"$WORK/err"
		ok $? "$g_name imports ($(echo "$g_db" | cut -c1-12))"
	done
	both "$g_name-export" export
	for f in md html pdf; do
		both "$g_name-paper-$f" paper --meeting "$g_date" \
			--committee "$g_comm" --format $f -o @OUT@
	done
	# (a register may have no PEEL assessment by then: the same refusal)
	on s "$S" "$g_name-grades" grades --as-at "$g_date"
	on p "$P" "$g_name-grades" grades --as-at "$g_date"
	for x in "" .rc .err; do
		cmp -s "s/$g_name-grades$x" "p/$g_name-grades$x" ||
			diff "s/$g_name-grades$x" "p/$g_name-grades$x" |
			head -10 | sed 's/^/#   /'
	done
	cmp -s "s/$g_name-grades" "p/$g_name-grades" &&
		cmp -s "s/$g_name-grades.rc" "p/$g_name-grades.rc" &&
		cmp -s "s/$g_name-grades.err" "p/$g_name-grades.err"
	ok $? "$g_name-grades: the same answer on both"
	both "$g_name-recs-json" recs --format json --as-at "$g_date"
	both "$g_name-summary" summary --as-at "$g_date"
	both "$g_name-activities" activities
	for q in "records system" "new service" inspection; do
		both "$g_name-search-$(echo "$q" | tr -c 'a-zA-Z\n' _)" \
			recs --q "$q" --format csv --as-at "$g_date"
	done
done

done_testing
