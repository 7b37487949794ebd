#!/bin/sh
# The facts the seed paper (jac-2018-09-27) states, checked in the paper
# written from examples/wmp-2018-09.json as Markdown, HTML (tags stripped)
# and PDF (pdftotext); xmllint on the HTML; moving the clock; bad requests.
set -u
BIN=${OV_BIN:?}; SRC=${OV_SRCDIR:?}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
n=0; failed=0
ok() { n=$((n+1)); echo "ok $n - $1"; }
nok() { n=$((n+1)); failed=1; echo "not ok $n - $1"; }
check() { if eval "$2"; then ok "$1"; else nok "$1"; fi; }
skip() { n=$((n+1)); echo "ok $n - $1 # SKIP $2"; }

DB=$T/ov.db
"$BIN" --db "$DB" init >/dev/null &&
"$BIN" --db "$DB" import "$SRC/examples/wmp-2018-09.json" >/dev/null
check "demo data imports" '[ $? -eq 0 ]'
paper() { "$BIN" --db "$DB" paper --meeting 2018-09-27 "$@"; }
paper --format md -o "$T/p.md"; check "md written" '[ $? -eq 0 ] && [ -s "$T/p.md" ]'
paper --format html -o "$T/p.html"; check "html written" '[ $? -eq 0 ] && [ -s "$T/p.html" ]'
check "xmllint --html: no errors" '[ -z "$(xmllint --html --noout "$T/p.html" 2>&1)" ]'

# Plain text of each format, whitespace squeezed, Markdown escapes gone.
norm() { tr '\n\t' '  ' | sed 's/  */ /g'; }
sed 's/\\\([*_`|<#.-]\)/\1/g; s/\*\*//g' "$T/p.md" | tr '|' ' ' | norm >"$T/md.txt"
sed 's/<[^>]*>/ /g; s/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#39;/'"'"'/g' \
	"$T/p.html" | norm >"$T/html.txt"
formats="md html"
if [ -f "$SRC/src/paper/render_pdf.c" ]; then
	paper --format pdf -o "$T/p.pdf"
	check "pdf written" '[ $? -eq 0 ] && [ -s "$T/p.pdf" ]'
	pdftotext -layout "$T/p.pdf" - | norm >"$T/pdf.txt"
	formats="md html pdf"
else
	skip "pdf facts" "render_pdf.c not merged yet"
fi

# One fact a line; all are searched case-insensitively, whitespace squeezed.
cat >"$T/facts" <<'FACTS'
Agenda Item 5
JOINT AUDIT COMMITTEE
27th September 2018
HMICFRS UPDATE
1. Prevent Crime and ASB Good
2. Investigating crime & catching criminals Good
3. Protecting the Vulnerable* To be Inspected in November
4. Tackling SOC Good
5. Specialist Capabilities* To be Inspected in November
6. Use of resources Requires Improvement
7. Planning for the future* To be Inspected in November
8. Treatment of the Public To be Inspected in November
9. Ethical & Lawful workforce* To be Inspected in November
10. Treatment of the Workforce To be Inspected in November
mapping of organised crime groups
referrals to the IOPC for allegations where abuse of authority for sexual gain is suspected
quality of service and investigation
development of good practice
reducing delays within the High tech crime unit
reducing delays within CPS for charging decisions
identifying, disrupting and prosecuting perpetrators of CSE
five recommendations closed by HMICFRS
2nd NPU Insight visit (WV)
4th Design authority observation
9th & 10th Crime and Grievance File review
26th Informal interview Head of PPU
27th Mission Support Insight Visit
13th – 17th Counter Corruption Unit Insight visit
3rd – 21st CDI audit
4th Local Tactical Delivery Board observation (BE)
6th Force Contact Insight visit
17th Stop and Search insight
19th Force Leadership and Strategic Tasking & Coordination observation
21st Control room insight (Lloyd House & Bournville Lane)
24th NPU insight visit (CV)
27th Use of Force insight
27th POD insight visit
None received
There are no recommendations currently graded as red.
between October 2016 and March 2017
West Midlands Police was one of the ten forces selected and was subject to fieldwork in February 2017
The report outlined eleven recommendations with four assigned to national functions
the remaining seven being all force recommendations
All recommendations are being addressed as part of the Force Vulnerability Improvement Plan which is managed through the Vulnerability Improvement Board chaired by ACC Crime
Leadership Within twelve months, forces should review their leadership
Intelligence Within six months, forces should have in place active information-sharing
Victim identification and initial response Immediately, forces should ensure that all victims
Crime recording Immediately, forces should take steps to ensure they fully comply
Investigation Immediately, forces should ensure that allegations
Prevention Immediately, forces should review their use of preventative powers
Risk Assessment
Positive action and the role of arrest
Consistent performance measures
Name: Kath Holder
Title: Risk and Organisational Learning Manager
FACTS
for f in $formats; do
	while IFS= read -r fact; do
		if grep -qiF -- "$fact" "$T/$f.txt"; then ok "$f: $fact"
		else nok "$f: $fact"; fi
	done <"$T/facts"
done
check "html: activities in order, July before August" \
	'grep -o "2nd NPU Insight.*13th – 17th Counter" "$T/html.txt" >/dev/null'

# Moving the clock: a copy of the data with a recommendation set Red in
# May 2018.  The June paper shows it and none of the closures made later.
python3 - "$SRC/examples/wmp-2018-09.json" "$T/moved.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for r in d["recommendations"]:
    if r["ref"] == "SF-2017-R03":
        r["subject"] = "section 45 defence"
        tl = r["timeline"]
        tl.insert(3, {"date": "2018-05-01", "author": "Kath Holder",
                      "kind": "rag", "rag": "red"})
json.dump(d, open(sys.argv[2], "w"))
PY
DB2=$T/moved.db
"$BIN" --db "$DB2" init >/dev/null && "$BIN" --db "$DB2" import "$T/moved.json" >/dev/null
check "moved copy imports" '[ $? -eq 0 ]'
"$BIN" --db "$DB2" paper --meeting 2018-06-28 --format md -o "$T/jun.md"
check "June paper written" '[ $? -eq 0 ]'
check "June: the Red recommendation is listed" 'grep -q "section 45 defence (SF-2017-R03)" "$T/jun.md"'
check "June: no 'no recommendations ... red'" '! grep -q "no recommendations currently graded as red" "$T/jun.md"'
check "June: later closures absent" '! grep -q "closed by HMICFRS" "$T/jun.md"'
check "June: September activities absent" '! grep -q "CDI audit" "$T/jun.md"'
check "June: dated 28th June 2018" 'grep -q "28th June 2018" "$T/jun.md"'
"$BIN" --db "$DB2" paper --meeting 2018-09-27 --format md -o "$T/sep.md"
check "September (moved): still Red, closures present" \
	'grep -q "SF-2017-R03" "$T/sep.md" && grep -q "five recommendations closed by HMICFRS" "$T/sep.md"'
check "original September paper unchanged by the copy" \
	'grep -q "There are no recommendations currently graded as red." "$T/p.md"'

# Bad requests: status, message, no file left behind.
paper --format md -o "$T/x.md" 2>/dev/null; true
"$BIN" --db "$DB" paper --meeting 2018-09-28 --format md -o "$T/nf.md" 2>"$T/err"; rc=$?
check "meeting not found: exit 2" '[ $rc -eq 2 ]'
check "meeting not found: message lists meetings" 'grep -q "no meeting of the Joint Audit Committee on 2018-09-28; meetings on: 2018-06-28, 2018-09-27" "$T/err"'
check "meeting not found: no file" '[ ! -e "$T/nf.md" ]'
"$BIN" --db "$DB" paper --meeting 2018-02-30 --format md -o "$T/bd.md" 2>"$T/err"; rc=$?
check "bad date: exit 2 with message" '[ $rc -eq 2 ] && grep -q "not a date" "$T/err"'
check "bad date: no file" '[ ! -e "$T/bd.md" ]'
"$BIN" --db "$DB" paper --meeting 2018-09-27 --format md -o "$T/no/such/dir/p.md" 2>"$T/err"; rc=$?
check "unwritable path: exit 1 with message" '[ $rc -eq 1 ] && grep -q "no/such/dir/p.md" "$T/err"'
check "unwritable path: nothing left" '[ -z "$(find "$T" -name "*.tmp-*")" ]'
"$BIN" --db "$DB" paper --meeting 2018-09-27 --format docx 2>"$T/err"; rc=$?
check "unknown format: exit 2" '[ $rc -eq 2 ] && grep -q "docx" "$T/err"'

echo "1..$n"
exit $failed
