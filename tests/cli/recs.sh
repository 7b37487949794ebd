#!/bin/sh
# oversight recs: the register as at a date, filters and formats.
. "$OV_SRCDIR/tests/cli/lib.sh"

run init
run import "$FIXTURE"

run recs --as-at 2018-07-01 --format json
is_rc 0 "recs --format json succeeds"
cp "$WORK/out" before.json
python3 - before.json <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
keys = {"ref", "report", "report_title", "area", "kind", "addressee",
        "timescale", "due", "status", "rag", "owner"}
assert isinstance(rows, list) and len(rows) == 4, rows
for r in rows:
    missing = keys - set(r)
    assert not missing, missing
r = {x["ref"]: x for x in rows}
assert r["PL-2016-01"]["status"] == "closure-proposed", r["PL-2016-01"]
assert r["SG-2017-R03"]["owner"] is None and r["SG-2017-R03"]["rag"] is None
assert r["SG-2017-R02"]["due"] == "2018-04-24", r["SG-2017-R02"]["due"]
assert r["SG-2017-R01"]["owner"] == "acc-crime"
assert r["SG-2017-R03"]["addressee"] == "nca"
PY
ok $? "the JSON parses, has the keys, nulls and ISO dates"

run recs --as-at 2018-09-27 --format json
python3 -c '
import json, sys
r = {x["ref"]: x for x in json.load(sys.stdin)}
sys.exit(0 if r["PL-2016-01"]["status"] == "closed" else 1)' <"$WORK/out"
ok $? "after the closure date the same recommendation is closed"

run recs --status closed --as-at 2018-08-14
is_rc 0 "recs --status closed before the closure"
hasnt "$WORK/out" "PL-2016-01" "the day before, it is not closed"
has "$WORK/out" "^0 recommendations" "and nothing is listed"
run recs --status closed --as-at 2018-08-15
has "$WORK/out" "^PL-2016-01 .* closed" "on the closure date it is closed"
has "$WORK/out" "^1 recommendation$" "and only it is listed"

run recs --as-at 2016-12-01
has "$WORK/out" "^0 recommendations" "nothing exists before the first report"

run recs --rag red --as-at 2018-09-27
has "$WORK/out" "^SG-2017-R02 " "recs --rag red finds the red one"
[ "$(grep -c '^SG-\|^PL-' "$WORK/out")" -eq 1 ]
ok $? "and only it"
run recs --rag none --as-at 2018-09-27
has "$WORK/out" "^SG-2017-R03 " "recs --rag none finds the unrated one"
run recs --report peel-2016 --as-at 2018-09-27
has "$WORK/out" "^PL-2016-01 " "recs --report filters by report"
hasnt "$WORK/out" "^SG-" "and leaves the others out"
run recs --owner acc-crime --as-at 2018-09-27
has "$WORK/out" "^SG-2017-R01 " "recs --owner filters by owner"
hasnt "$WORK/out" "^SG-2017-R02 " "and leaves the others out"
run recs --area Intelligence --as-at 2018-09-27
has "$WORK/out" "^SG-2017-R02 " "recs --area filters by area"
run recs --overdue --as-at 2018-09-27
has "$WORK/out" "^SG-2017-R02 " "an open recommendation past due is overdue"
hasnt "$WORK/out" "^PL-2016-01 " "a closed one is not"
run recs --due-before 2018-01-01 --as-at 2018-09-27
has "$WORK/out" "^SG-2017-R03 " "--due-before keeps the earlier due date"
hasnt "$WORK/out" "^SG-2017-R01 " "--due-before drops the later one"
run recs --force TST --as-at 2018-09-27
has "$WORK/out" "^4 recommendations" "--force filters by force"
# A force the register does not hold is not an empty list but an error,
# exit 2, as for every command that takes --force (issue 6).
run recs --force NOPE --as-at 2018-09-27
is_rc 2 "--force of an unknown force exits 2"
has "$WORK/err" "^oversight recs: --force: no force 'NOPE' in the register$" \
	"and names it"

run recs --as-at 2018-09-27
is_rc 0 "the table prints"
width_ok "$WORK/out" "the table fits 80 columns"
has "$WORK/out" "^Ref +Due +Status +RAG +Owner +Area" "the table has its header"
has "$WORK/out" "Leadership and .*…$" \
	"a long area is cut with an ellipsis"
has "$WORK/out" "^SG-2017-R01 +2018-10-24 +open +Amber +ACC Crime" \
	"a row shows ref, ISO due date, status, RAG and owner"

run recs --as-at 2018-09-27 --format csv
is_rc 0 "recs --format csv succeeds"
python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
assert rows[0][0] == "ref", rows[0]
assert len(rows) == 5, len(rows)
t = [r for r in rows if r[0] == "SG-2017-R03"][0]
assert "café" in t[-1], t
' <"$WORK/out"
ok $? "the CSV parses, with a header, four records and UTF-8 intact"

run recs --due-before 2018-13-01
is_rc 2 "recs --due-before 2018-13-01 exits 2"
has "$WORK/err" "^oversight recs: --due-before: '2018-13-01'" \
	"the option and value are named"

done_testing
