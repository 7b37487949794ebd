#!/bin/sh
# oversight import / export: round trip, bad documents change nothing,
# whole-or-nothing output files.
. "$OV_SRCDIR/tests/cli/lib.sh"
A=$(newdb a)
B=$(newdb b)
EMPTY=$(newdb empty)

run --db "$A" init
run --db "$A" import "$FIXTURE"
is_rc 0 "import of the fixture succeeds"
has "$WORK/out" "4 recommendations" "import summarises what it added"
hasnt "$WORK/err" "importing:" "no progress when stderr is not a terminal"

run --db "$A" export -o a1.json
is_rc 0 "export -o succeeds"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d["format"]=="oversight/1" and len(d["recommendations"])==4 else 1)' a1.json
ok $? "the export is an oversight/1 document with the four recommendations"
run --db "$A" export
same "$WORK/out" a1.json "export to stdout gives the same bytes as -o"

run --db "$B" init
run --db "$B" import a1.json
is_rc 0 "the export imports into a second database"
run --db "$B" export -o b1.json
same a1.json b1.json "export, import, export is byte-identical"

run --db "$A" import a1.json
is_rc 2 "importing the same ids again is a conflict (exit 2)"
has "$WORK/err" "^oversight import: " "the conflict is reported"
run --db "$A" export -o a2.json
same a1.json a2.json "a conflicting import leaves the database unchanged"
run --db "$A" import --replace a1.json
is_rc 0 "import --replace of the same document succeeds"
run --db "$A" export -o a3.json
same a1.json a3.json "and gives the same register"

# Bad documents: each is refused with exit 2, every problem on stderr, and
# neither an empty nor a loaded database changes (--replace included).
mk() { # mk NAME PYTHON-EXPRESSION-ON-d
	python3 - "$FIXTURE" "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
exec(sys.argv[3])
json.dump(d, open(sys.argv[2], "w"), indent=1, ensure_ascii=False)
PY
}
printf 'this is not JSON\n' >bad-notjson.json
head -c 700 "$FIXTURE" >bad-truncated.json
mk bad-type.json 'd["recommendations"][0]["bullets"] = 5'
mk bad-unknown-id.json 'd["recommendations"][1]["report"] = "no-such-report"'
mk bad-duplicate.json 'd["recommendations"].append(dict(d["recommendations"][2]))'
mk bad-date.json 'd["recommendations"][1]["timeline"][3]["date"] = "2018-02-30"'
mk bad-close-nodate.json 'del d["recommendations"][0]["timeline"][3]["date"]'
mk bad-close-nobasis.json 'del d["recommendations"][0]["timeline"][3]["basis"]'
mk bad-close-blankbasis.json 'd["recommendations"][0]["timeline"][3]["basis"] = "   "'
mk bad-future.json 'd["recommendations"][1]["timeline"].append(dict(date="2199-12-31", author="x", kind="update", text="ahead"))'
mk bad-events.json 'd["recommendations"][1]["timeline"] += [dict(d["recommendations"][1]["timeline"][-1], kind="update", text="n")] * 10001'

run --db "$EMPTY" init
snapshot "$EMPTY" empty-before.json
snapshot "$A" a-before.json
for f in bad-notjson bad-truncated bad-type bad-unknown-id bad-duplicate \
	bad-date bad-close-nodate bad-close-nobasis bad-close-blankbasis \
	bad-future bad-events; do
	run --db "$EMPTY" import "$f.json"
	is_rc 2 "$f: import exits 2"
	has "$WORK/err" "^oversight import: .*$f\.json" \
		"$f: the message names the file"
	snapshot "$EMPTY" empty-after.json
	same empty-before.json empty-after.json "$f: empty database unchanged"
	run --db "$A" import --replace "$f.json"
	is_rc 2 "$f: import --replace exits 2"
	snapshot "$A" a-after.json
	same a-before.json a-after.json "$f: loaded database unchanged"
done
run --db "$EMPTY" import bad-date.json
has "$WORK/err" "timeline\[3\]\.date" "a bad date is reported with its JSON path"
run --db "$EMPTY" import bad-close-nobasis.json
has "$WORK/err" "basis" "a closure without basis is reported as such"
run --db "$EMPTY" import bad-close-blankbasis.json
has "$WORK/err" "timeline\[3\]\.basis: a 'closed' event needs a basis" \
	"a blank closure basis is reported as a missing one"
run --db "$EMPTY" import bad-future.json
has "$WORK/err" "timeline\[[0-9]*\]\.date: 2199-12-31 is more than 7 days after today" \
	"an event dated 2199-12-31 is refused on import too"
run --db "$EMPTY" import bad-events.json
has "$WORK/err" "timeline: more than 10000 events" \
	"a timeline of more than 10000 events is refused"
run --db "$EMPTY" import no-such-file.json
is_rc 2 "a missing input file exits 2"

run --db "$A" export -o missing-dir/out.json
[ "$RC" -eq 1 ] || [ "$RC" -eq 2 ]
ok $? "export into a missing directory fails (exit $RC)"
has "$WORK/err" "^oversight export: .*missing-dir" "the failure names the path"
[ -z "$(ls -A missing-dir 2>/dev/null)" ] && [ ! -e missing-dir/out.json ]
ok $? "and leaves no file"

run --db "$A" export --format csv --as-at 2018-09-27 -o recs.csv
is_rc 0 "export --format csv succeeds"
has recs.csv "^ref," "the CSV has a header record"
[ "$(grep -c 'TST\|PL-2016\|SG-2017' recs.csv)" -ge 4 ]
ok $? "the CSV has the recommendations"
run --db "$A" export --format xlsx
is_rc 2 "export --format xlsx without -o exits 2"
run --db "$A" export --format xlsx -o tracker.xlsx --as-at 2018-09-27
is_rc 0 "export --format xlsx -o succeeds"
python3 -c 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); sys.exit(0 if "xl/workbook.xml" in z.namelist() else 1)' tracker.xlsx
ok $? "the workbook is an XLSX file"
ls | grep -q '\.tmp-'
[ $? -ne 0 ]
ok $? "no temporary files are left behind"

done_testing
