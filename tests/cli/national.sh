#!/bin/sh
# The national view on the command line: summary --by-force, reports
# --across-forces REPORT and grades --across-forces, on a register of four
# forces sharing a national thematic report (fixtures/national.json: PEEL
# assessments on both grading scales, one carrying grades forward), with
# the exact figures worked out by hand from the fixture; and the bad input
# each refuses (exit 2), and accounts bound to a force (user add --force).
. "$OV_SRCDIR/tests/cli/lib.sh"

NAT="$OV_SRCDIR/tests/cli/fixtures/national.json"
export OVERSIGHT_DB="$WORK/nat.db"
run init
run import "$NAT"
is_rc 0 "the national fixture imports"

# jcheck DESCRIPTION PYTHON: the assertions in PYTHON over the JSON in
# $WORK/out (bound to j).
jcheck() {
	python3 -c "
import json, sys
j = json.load(open(sys.argv[1]))
$2
" "$WORK/out" >"$WORK/py.err" 2>&1
	s=$?
	[ $s -eq 0 ] || sed 's/^/#   /' "$WORK/py.err" | tail -5
	ok $s "$1"
}

# ---- summary --by-force ----

run summary --by-force --as-at 2020-06-30 --format json
is_rc 0 "summary --by-force --format json"
jcheck "... each force's figures as at 2020-06-30" '
f = {x["force"]: x for x in j["forces"]}
assert j["as_at"] == "2020-06-30" and j["closed_since"] == "2020-03-30", j
assert list(f) == ["AAA", "BBB", "CCC", "DDD"], list(f)
def fig(c, **want):
    got = {k: f[c][k] for k in want}
    assert got == want, (c, got, want)
fig("AAA", recs=3, open=2, closed=1, live=2, overdue=0, green=1,
    rag_not_set=1, closed_recent=1, reports=1, activities=1, meetings=0,
    peel="aaa-ipa-2018")
fig("BBB", recs=2, open=1, **{"closure-proposed": 1}, live=2, overdue=1,
    red=1, rag_not_set=1, closed_recent=0, reports=1, activities=0,
    meetings=1, peel="bbb-peel-2017")
fig("CCC", recs=3, open=3, live=3, overdue=1, rag_not_set=3, reports=2,
    peel="ccc-peel-2021")
fig("DDD", recs=1, superseded=1, live=0, overdue=0, reports=1, peel=None)'

run summary --by-force --as-at 2020-12-31 --format json
jcheck "... as at 2020-12-31: CCC-2 closed, DDD-1 created and overdue" '
f = {x["force"]: x for x in j["forces"]}
assert (f["CCC"]["open"], f["CCC"]["closed"]) == (2, 1), f["CCC"]
assert (f["DDD"]["recs"], f["DDD"]["open"], f["DDD"]["overdue"]) == (2, 1, 1), f["DDD"]
assert f["DDD"]["peel"] is None and f["BBB"]["activities"] == 1'

run summary --as-at 2020-06-30
cp "$WORK/out" "$WORK/whole.txt"
run summary --by-force --as-at 2020-06-30 --format csv
is_rc 0 "summary --by-force --format csv"
python3 -c '
import csv, sys, re
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
whole = open(sys.argv[2]).read()
def total(label):
    return int(re.search(r"^  %s +(\d+)$" % re.escape(label), whole, re.M).group(1))
assert [r["force"] for r in rows] == ["AAA", "BBB", "CCC", "DDD"]
for col, label in (("recs", "Recommendations"), ("open", "  Open"),
                   ("closed", "  Closed"), ("overdue", "  Overdue"),
                   ("live", "Open or closure proposed")):
    assert sum(int(r[col]) for r in rows) == total(label), col
' "$WORK/out" "$WORK/whole.txt"
ok $? "... its figures add up to the summary of the whole register"

run summary --by-force --as-at 2020-06-30
is_rc 0 "summary --by-force as a table"
has "$WORK/out" "^BBB +2 +1 +1 +0 +0 +1 +1 +0 +0 +0$" "... BBB's row"
has "$WORK/out" "^4 forces$" "... four forces"
width_ok "$WORK/out" "... within 80 columns"

run summary --by-force --as-at 2020-06-30 --force CCC --format csv
is_rc 0 "summary --by-force --force CCC"
[ "$(sed -n '2,$p' "$WORK/out" | cut -d, -f1 | tr -d '\r' | tr '\n' ' ')" = "CCC " ]
ok $? "... CCC alone"

# ---- reports --across-forces ----

run reports --across-forces --report vuln-2019 --as-at 2020-06-30 --format json
is_rc 0 "reports --across-forces --format json"
jcheck "... each recommendation across the forces as at 2020-06-30" '
assert j["report"] == "vuln-2019" and j["forces"] == 4, j
r = {x["ref"]: x for x in j["recommendations"]}
assert list(r) == ["VU-AAA-1", "VU-AAA-2", "VU-AAA-3"], list(r)
def fig(ref, **want):
    got = {k: r[ref][k] for k in want}
    assert got == want, (ref, got, want)
fig("VU-AAA-1", forces=3, open=1, **{"closure-proposed": 1}, closed=1, overdue=2)
fig("VU-AAA-2", forces=3, open=3, closed=0, overdue=0, area="Training")
fig("VU-AAA-3", forces=2, open=1, superseded=1, overdue=0, kind="afi")'

run reports --across-forces --report vuln-2019 --as-at 2020-12-31 --format csv
is_rc 0 "... as csv, as at 2020-12-31"
tr -d '\r' <"$WORK/out" >"$WORK/lf" && mv "$WORK/lf" "$WORK/out"
has "$WORK/out" "^VU-AAA-1,Initial response,4,2,1,1,0,0,3," \
	"... DDD's copy counted once created (4 forces, 3 overdue)"
has "$WORK/out" "^VU-AAA-2,Training,3,2,0,1,0,0,0," "... CCC-2 closed by then"

run reports --across-forces --report vuln-2019 --as-at 2019-01-14
is_rc 0 "... before the report's recommendations were created"
has "$WORK/out" "0 forces hold" "... no force holds one yet"
has "$WORK/out" "^0 recommendations$" "... none listed"

run reports --across-forces --report vuln-2019 --as-at 2020-06-30 --force BBB --format json
jcheck "... --force BBB counts BBB alone" '
r = {x["ref"]: x for x in j["recommendations"]}
assert j["forces"] == 1 and list(r) == ["VU-BBB-1", "VU-BBB-2"], j
assert r["VU-BBB-1"]["closure-proposed"] == 1 and r["VU-BBB-1"]["overdue"] == 1'

run reports --across-forces --report vuln-2019 --as-at 2020-06-30
has "$WORK/out" "^VU-AAA-1 +Initial response +3 +1 +1 +1 +2$" "... as a table"
width_ok "$WORK/out" "... within 80 columns"

# ---- grades --across-forces ----

run grades --across-forces --as-at 2020-06-30 --format json
is_rc 0 "grades --across-forces --format json"
jcheck "... the distribution and each force's grade, with carry-forward" '
assert [x["assessment"] for x in j["forces"]] == ["aaa-ipa-2018",
    "bbb-peel-2017", "ccc-peel-2021", None], j["forces"]
q = {x["key"]: x for x in j["questions"]}
assert list(q) == ["q-effective", "q-efficient", "q-legit", "q-vuln"], list(q)
def dist(k, **want):
    d = {g: n for g, n in q[k]["distribution"].items() if n}
    want = {g.replace("_", "-"): n for g, n in want.items()}
    assert d == want, (k, d, want)
dist("q-effective", outstanding=1, adequate=1, inadequate=1, not_known=1)
dist("q-efficient", good=2, requires_improvement=1, not_known=1)
dist("q-legit", good=1, adequate=1, inadequate=1, not_known=1)
dist("q-vuln", requires_improvement=1, not_known=3)
g = q["q-efficient"]["grades"]
assert g["AAA"] == {"grade": "requires-improvement",
                    "carried_from": "aaa-peel-2017"}, g["AAA"]
assert g["BBB"] == {"grade": "good", "carried_from": None}, g["BBB"]
assert q["q-effective"]["grades"]["AAA"]["grade"] == "inadequate"
assert q["q-effective"]["text"] == "How effective is the force?"'

run grades --across-forces --as-at 2021-06-30 --format csv
is_rc 0 "... as csv, as at 2021-06-30"
tr -d '\r' <"$WORK/out" >"$WORK/lf" && mv "$WORK/lf" "$WORK/out"
has "$WORK/out" "^q-vuln,4,Protecting vulnerable people,DDD,ddd-peel-2021,adequate,$" \
	"... DDD's 2021 assessment counts by then"
has "$WORK/out" "^q-legit,3,.*,DDD,ddd-peel-2021,to-be-inspected,$" \
	"... to be inspected"
has "$WORK/out" "^q-efficient,2,.*,DDD,ddd-peel-2021,not-known,$" \
	"... a question its assessment does not list is not known"

run grades --across-forces --as-at 2020-06-30
is_rc 0 "grades --across-forces as a table"
has "$WORK/out" "^AAA +2 +Requires improvement \(carried from PEEL 2017\) +IPA 2018$" \
	"... the carried grade says where from"
has "$WORK/out" "^4 +Protecting vulnerable people +0 +0 +0 +1 +0 +0 +0 +3$" \
	"... the distribution row"
width_ok "$WORK/out" "... within 80 columns"

run grades --across-forces --as-at 2020-06-30 --force AAA --format csv
[ "$(sed -n '2,$p' "$WORK/out" | cut -d, -f4 | sort -u | tr -d '\r' | tr '\n' ' ')" = "AAA " ]
ok $? "grades --across-forces --force AAA: AAA alone"

# ---- bad input: a clear message, exit 2 ----

bad() {
	desc=$1 re=$2
	shift 2
	run "$@"
	is_rc 2 "$desc exits 2"
	has "$WORK/err" "$re" "... $desc: the message says why"
}
bad "an unknown report" "^oversight reports: --report: no report 'nope' in the register" \
	reports --across-forces --report nope
bad "an unknown force (report)" "^oversight reports: --force: no force 'ZZZ' in the register" \
	reports --across-forces --report vuln-2019 --force ZZZ
bad "an unknown force (summary)" "^oversight summary: --force: no force 'ZZZ'" \
	summary --by-force --force ZZZ
bad "an unknown force (grades)" "^oversight grades: --force: no force 'ZZZ'" \
	grades --across-forces --force ZZZ
bad "a bad date (summary)" "--as-at: '2020-02-30' is not a valid date" \
	summary --by-force --as-at 2020-02-30
bad "a bad date (report)" "--as-at: 'soon' is not a valid date" \
	reports --across-forces --report vuln-2019 --as-at soon
bad "a bad date (grades)" "--as-at: '2020-13-01' is not a valid date" \
	grades --across-forces --as-at 2020-13-01
bad "a bad format" "--format: 'xml' is not one of" \
	summary --by-force --format xml
bad "--force without --by-force" "--force needs --by-force" summary --force AAA
bad "--format without --across-forces" "--format needs --across-forces" \
	reports --format json
bad "--across-forces with --assessment" "takes no --assessment" \
	grades --across-forces --assessment aaa-ipa-2018
bad "--across-forces with no report" "^oversight reports: --report: is required" \
	reports --across-forces
bad "--report without --across-forces" "--report needs --across-forces" \
	reports --report vuln-2019

run reports --help
has "$WORK/out" "--across-forces --report ID" "reports --help describes --across-forces"
run grades --help
has "$WORK/out" "grades --across-forces" "grades --help describes --across-forces"
run summary --help
has "$WORK/out" "summary --by-force" "summary --help describes --by-force"

# ---- accounts bound to a force ----

PW="correct horse battery staple 9"
printf '%s\n' "$PW" | "$OV_BIN" user add ccc.viewer --role viewer --force CCC \
	--password-stdin >"$WORK/out" 2>"$WORK/err"
RC=$?
is_rc 0 "user add --force CCC"
has "$WORK/out" "^ccc.viewer: account added \(viewer, force CCC\)$" "... says so"
run user list --json
jcheck "... listed with its force" '
assert [(a["login"], a["force"]) for a in j] == [("ccc.viewer", "CCC")], j'
printf '%s\n' "$PW" | "$OV_BIN" user add zzz.viewer --role viewer --force ZZZ \
	--password-stdin >"$WORK/out" 2>"$WORK/err"
RC=$?
is_rc 2 "user add --force of an unknown force exits 2"
has "$WORK/err" "^oversight user add: --force: no force 'ZZZ' in the register" \
	"... the message says why"
run user list --json
jcheck "... and no account is written" 'assert len(j) == 1, j'

# A register from before accounts had a force (schema version 2, by lib.sh's OV_SQL_TO_V2) is
# migrated: its accounts kept, bound to no force.
if command -v sqlite3 >/dev/null 2>&1; then
	cp "$WORK/nat.db" old.db
	rm -f old.db-wal old.db-shm
	sqlite3 old.db "$OV_SQL_TO_V2"
	run --db old.db user list --json
	is_rc 0 "a register of schema version 2 opens"
	jcheck "... its account kept, bound to no force" '
assert [(a["login"], a["force"]) for a in j] == [("ccc.viewer", None)], j'
	[ "$(sqlite3 old.db 'PRAGMA user_version')" = "$OV_SCHEMA" ]
	ok $? "... and migrated"
else
	skip "no sqlite3 shell to make an older register"
fi

done_testing
