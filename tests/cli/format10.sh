#!/bin/sh
# The fields of issue 10 (docs/format.md): a team as owner, overall and
# pillar grades, "inspected, grade awaited", month-only dates of
# assessments, activities and status changes, a revised target with its
# reason, a recommendation's cause of concern, no area, no contact, and a
# committee's layout.  They round-trip byte for byte through the store,
# and every bad value is refused with exit 2 at its JSON path.
. "$OV_SRCDIR/tests/cli/lib.sh"

DOC="$OV_SRCDIR/tests/cli/fixtures/format10.json"
A=$(newdb a)
E=$(newdb empty)
B=$(newdb b)

run --db "$A" init
run --db "$A" import "$DOC"
is_rc 0 "the document with every new field imports"
run --db "$A" export -o out.json
is_rc 0 "... and exports"
same "$DOC" out.json "... byte for byte as it was"

mk() { # mk NAME PYTHON-EXPRESSION-ON-d
	python3 - "$DOC" "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
exec(sys.argv[3])
json.dump(d, open(sys.argv[2], "w"), indent=1, ensure_ascii=False)
PY
}
# NAME|PYTHON|PATH|WORDS
while IFS='|' read -r name py path words; do
	[ -n "$name" ] || continue
	mk "$name.json" "$py"
	run --db "$E" init
	run --db "$E" import "$name.json"
	is_rc 2 "$name: import exits 2"
	has "$WORK/err" "$name\.json: \\$\\.$path: .*$words" \
		"$name: the message names $path"
done <<'CASES'
grade|d["assessments"][0]["overall"] = "great"|assessments\[0\]\.overall|expected one of
adequate|d["assessments"][0]["pillars"][0]["grade"] = "adequate"|assessments\[0\]\.pillars\[0\]\.grade|not a grade on the peel-2014 scale
pillar|d["assessments"][0]["pillars"][0]["name"] = " "|assessments\[0\]\.pillars\[0\]\.name|blank
adate|d["assessments"][0]["date"] = "2017-13"|assessments\[0\]\.date|expected
actdate|d["activities"][0]["to"] = "2018-04"|activities\[0\]\.to|before it starts
prec|d["recommendations"][0]["timeline"][2]["precision"] = "week"|recommendations\[0\]\.timeline\[2\]\.precision|expected one of
precday|d["recommendations"][0]["timeline"][2]["date"] = "2018-06-02"|recommendations\[0\]\.timeline\[2\]\.date|first day of the month
target|del d["recommendations"][0]["timeline"][2]["target"]|recommendations\[0\]\.timeline\[2\]\.target|needs the new target date
reason|del d["recommendations"][0]["timeline"][2]["reason"]|recommendations\[0\]\.timeline\[2\]\.reason|needs a reason
notarget|d["recommendations"][0]["timeline"][1]["target"] = "2019-01-01"|recommendations\[0\]\.timeline\[1\]\.target|only a 'target-revised' event
cause|d["recommendations"][1]["cause"] = "P17-A01"|recommendations\[1\]\.cause|does not answer another
nocause|d["recommendations"][0]["cause"] = "P17-Z99"|recommendations\[0\]\.cause|no recommendation
unit|del d["people"][0]["name"]|people\[0\]\.name|needs its name
area|d["recommendations"][0]["area"] = "  "|recommendations\[0\]\.area|blank
layout|d["meetings"][0]["layout"] = "nope"|meetings\[0\]\.layout|no layout 'nope'
section|d["layouts"][0]["sections"][0]["section"] = "foreword"|layouts\[0\]\.sections\[0\]\.section|expected one of
omit|d["layouts"][0]["sections"][1]["none"] = "None."|layouts\[0\]\.sections\[1\]\.omit|no 'none' sentence
heading|d["layouts"][0]["sections"][0]["heading"] = " "|layouts\[0\]\.sections\[0\]\.heading|blank
status|d["layouts"][0]["sections"][0]["status"] = True|layouts\[0\]\.sections\[0\]\.status|only the 'reviews' section
short|d["forces"][0]["short_name"] = ""|forces\[0\]\.short_name|blank
twice|d["layouts"].append(dict(d["layouts"][0], id="iac2"))|layouts\[1\]\.committee|already has a layout
CASES

snapshot "$E" e.json
[ "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d.get("recommendations", [])))' e.json)" = 0 ]
ok $? "nothing was written by the refused imports"

# grades shows the overall and pillar grades, and "awaited" as such.
run --db "$A" grades
has "$WORK/out" "^Overall: Good" "grades: the overall grade"
has "$WORK/out" "^Pillar: Efficiency: Inspected, grade awaited" \
	"... a pillar's grade, awaited"
has "$WORK/out" "^Pillar: Legitimacy: To be inspected in February" \
	"... one to be inspected"
has "$WORK/out" "Inspected, grade awaited" "... a question's, awaited"

# The search finds a revised target's reason, imported or recorded.
run --db "$A" recs --q awaiting --format csv
is_rc 0 "recs --q finds words of a revised target's reason"
[ "$(sed 1d "$WORK/out" | cut -d, -f1 | tr '\n' ' ')" = "P17-A01 " ]
ok $? "... the one recommendation whose reason has them"

# The force moves a target: rec revise-target records it with its reason.
run --db "$A" rec revise-target P17-C01 --target 2019-06-30 \
	--reason "Awaiting the new risk model" --date 2018-07-02 --author Risk
is_rc 0 "rec revise-target records a revised target"
has "$WORK/out" "^P17-C01: Target revised on 2018-07-02" "... and says so"
run --db "$A" rec show P17-C01
has "$WORK/out" "^Revised due *2019-06-30" "rec show: the revised due date"
has "$WORK/out" "Awaiting the new risk model" "... and why it moved"
run --db "$A" recs --q "risk model" --format csv
[ "$(sed 1d "$WORK/out" | cut -d, -f1 | tr '\n' ' ')" = "P17-C01 " ]
ok $? "... and the search finds the reason recorded"
run --db "$A" rec revise-target P17-C01 --target 2019-07-31 --date 2018-07-03
is_rc 2 "revise-target without --reason exits 2"
has "$WORK/err" "--reason is required" "... saying what is missing"
run --db "$A" rec revise-target P17-C01 --reason why --date 2018-07-03
is_rc 2 "revise-target without --target exits 2"
run --db "$A" rec revise-target P17-A01 --target 2019-07-31 --reason late \
	--date 2019-02-01
is_rc 2 "a closed recommendation's target is not revised (exit 2)"
has "$WORK/err" "cannot follow status 'closed'" "... saying why"

# A document without layouts keeps its ten keys: layouts is written only
# when there is one.
run --db "$B" init
run --db "$B" import "$FIXTURE"
run --db "$B" export -o small.json
hasnt small.json '"layouts"' "a register without layouts exports no layouts key"

done_testing
