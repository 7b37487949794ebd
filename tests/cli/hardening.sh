#!/bin/sh
# Issue 6: what a hostile or careless user could still break from the
# command line (items 4, 6 and part of 10): formulas in CSV, write errors
# on standard output, escape sequences on the terminal, repeated options,
# grades --force with --assessment, paper --meeting=D, --db without a
# value, "no such force" exit codes, and huge values echoed in messages.
. "$OV_SRCDIR/tests/cli/lib.sh"

run init
run import "$FIXTURE"

# ---- item 4: CSV formula injection ----
run rec update SG-2017-R01 --date 2018-09-20 \
	--note '=HYPERLINK("http://evil.example/","x")'
is_rc 0 "a note that looks like a formula is recorded"
run recs --as-at 2018-09-27 --format csv
is_rc 0 "recs --format csv succeeds"
has "$WORK/out" ",\"'=HYPERLINK\(\"\"http://evil" \
	"recs --format csv: the formula gets a leading quote"
hasnt "$WORK/out" ",\"=HYPERLINK" "and is never a live formula"
has "$WORK/out" ",2018-09-20," "a date is not touched"
run export --format csv --as-at 2018-09-27
is_rc 0 "export --format csv succeeds"
has "$WORK/out" ",\"'=HYPERLINK\(\"\"http://evil" \
	"export --format csv: the formula gets a leading quote"
hasnt "$WORK/out" ",\"=HYPERLINK" "export: never a live formula"
for lead in '+1' '-3' '@SUM(A1)'; do
	run rec update SG-2017-R03 --date 2018-09-21 --note "$lead"
	run recs --as-at 2018-09-27 --format csv
	grep -F -q ",'$lead," "$WORK/out"
	ok $? "a note '$lead' is written '$lead with a quote before it"
done
run recs --as-at 2018-09-27 --format json
has "$WORK/out" '"last_update": "@SUM\(A1\)"' \
	"JSON keeps the stored text as it is"

# ---- item 6: write errors on standard output ----
if [ -w /dev/full ]; then
	for c in summary grades reports meetings activities recs \
		"recs --format csv" "recs --format json" check "user list" \
		"rec show SG-2017-R01" "export" "export --format csv" \
		"paper --meeting 2018-09-27 --format md" \
		"recs --help" "rec --help" "rec show --help" --help \
		--version; do
		# shellcheck disable=SC2086
		"$OV_BIN" $c >/dev/full 2>"$WORK/err"
		RC=$?
		is_rc 1 "$c to a full disk exits 1"
		[ -s "$WORK/err" ]
		ok $? "$c to a full disk says so"
	done
	FULL=$(copydb "$DB" full)
	"$OV_BIN" --db "$FULL" rec update SG-2017-R03 --date 2018-09-22 \
		--note later >/dev/full 2>"$WORK/err"
	RC=$?
	is_rc 1 "rec update to a full disk exits 1 (the event is recorded)"
	has "$WORK/err" "cannot write to standard output" "and says so"
else
	skip "no writable /dev/full here"
fi

# ---- item 10: escape sequences on the terminal ----
ESC=$(printf '\033')
BEL=$(printf '\007')
C1=$(printf '\302\233') # U+009B, a CSI on some terminals
run rec update SG-2017-R02 --date 2018-09-20 \
	--note "before ${ESC}]0;pwned${BEL} ${ESC}[31mred${C1}2J after" \
	--author "${ESC}[2Jwiper"
is_rc 0 "a note with escape sequences is recorded (the store keeps it)"
run rec show SG-2017-R02 --as-at 2018-09-27
is_rc 0 "rec show succeeds"
hasnt "$WORK/out" "$ESC" "rec show prints no ESC"
hasnt "$WORK/out" "$BEL" "nor BEL"
hasnt "$WORK/out" "$C1" "nor a C1 control"
grep -F -q 'before \x1B]0;pwned\x07 \x1B[31mred\u009B2J after' "$WORK/out"
ok $? "the note's controls are shown in a visible form"
grep -F -q '\x1B[2Jwiper' "$WORK/out"
ok $? "and the author's"
run recs --as-at 2018-09-27 --format json
grep -F -q -i '\u001b]0;pwned\u0007' "$WORK/out"
ok $? "the JSON keeps the stored text (escaped by JSON's own rules)"

# recs --format csv|json: the stored bytes to a pipe, the visible form on a
# terminal (script(1) gives the program one).
run recs --as-at 2018-09-27 --format csv
grep -q "$ESC" "$WORK/out"
ok $? "recs --format csv to a pipe keeps the stored bytes"
if command -v script >/dev/null 2>&1; then
	for f in csv json; do
		script -qc "\"$OV_BIN\" recs --as-at 2018-09-27 --format $f" \
			/dev/null >"$WORK/tty" 2>&1 </dev/null
		! grep -q "$ESC" "$WORK/tty" && ! grep -q "$C1" "$WORK/tty" &&
			grep -F -q -i '1b[31mred' "$WORK/tty"
		ok $? "recs --format $f on a terminal shows controls visibly"
	done
else
	skip "no script(1) for a terminal"
	skip "no script(1) for a terminal"
fi

# Tables, summary and grades from imported text with controls.
python3 - "$FIXTURE" "$WORK/esc.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
esc = "\x1b[41mX\x1b[0m\u009b"
for r in d["reports"]:
    r["title"] = esc + r["title"]
for a in d.get("assessments", []):
    a["label"] = esc + (a.get("label") or a["id"])
for r in d["recommendations"]:
    r["area"] = esc + (r.get("area") or "")
for m in d.get("meetings", []):
    m["committee"] = esc + m["committee"]
for a in d.get("activities", []):
    a["subject"] = esc + a["subject"]
json.dump(d, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
EOF
ESCDB=$(newdb esc)
run --db "$ESCDB" init
run --db "$ESCDB" import "$WORK/esc.json"
is_rc 0 "a register whose texts hold escape sequences imports"
for c in "reports" "recs --as-at 2018-09-27" "meetings" "activities" \
	"summary --as-at 2018-09-27" "grades --as-at 2018-09-27"; do
	# shellcheck disable=SC2086
	run --db "$ESCDB" $c
	is_rc 0 "$c succeeds"
	! grep -q "$ESC" "$WORK/out" && ! grep -q "$C1" "$WORK/out"
	ok $? "$c prints no ESC or C1 control"
done
run --db "$ESCDB" summary --as-at 2018-09-27
grep -F -q '\x1B[41mX\x1B[0m\u009B' "$WORK/out"
ok $? "summary shows them visibly"
run rec show "SG${ESC}[2J"
is_rc 2 "an unknown ref with an escape is refused"
hasnt "$WORK/err" "$ESC" "and the message on stderr holds no ESC"
grep -F -q 'SG\x1B[2J' "$WORK/err"
ok $? "but shows it visibly"

# ---- item 10: a repeated option ----
run recs --status open --status closed
is_rc 2 "a repeated option exits 2"
has "$WORK/err" "^oversight recs: --status given twice$" "and says so"
run recs --overdue --overdue
is_rc 2 "a repeated flag exits 2"
has "$WORK/err" "^oversight recs: --overdue given twice$" "and says so"
run export -o a.json --output b.json
is_rc 2 "-o and --output together are the same option twice"
[ ! -e a.json ] && [ ! -e b.json ]
ok $? "and nothing is written"
run rec update SG-2017-R01 --note a --note b
is_rc 2 "rec update --note twice exits 2"
run --db a.db --db b.db summary
is_rc 2 "--db twice exits 2"
has "$WORK/err" "^oversight: --db given twice$" "and says so"

# ---- item 10: grades --force with --assessment ----
run grades --assessment tst-peel-2017 --force TST
is_rc 0 "grades --assessment with its own force succeeds"
has "$WORK/out" "PEEL 2017" "and prints it"
run grades --assessment tst-peel-2017 --force NOPE
is_rc 2 "grades --assessment with an unknown force exits 2"
has "$WORK/err" "^oversight grades: --force: no force 'NOPE' in the register$" \
	"and names the force"

# ---- item 10: paper --meeting=D ----
run paper --meeting=2018-09-27 --format=md
is_rc 0 "paper --meeting=D --format=md succeeds"
has "$WORK/out" "HMICFRS" "and writes the paper"

# ---- item 10: --db without a value ----
run --db
is_rc 2 "--db without a value exits 2"
has "$WORK/err" "^oversight: --db needs a value" "and says so"
hasnt "$WORK/err" "unknown option" "not 'unknown option'"
run --db=
is_rc 2 "--db= (empty) exits 2"
has "$WORK/err" "^oversight: --db needs a value" "and says so"

# ---- item 10: "no such force" is exit 2 everywhere ----
for c in "recs" "grades" "activities" \
	"paper --meeting 2018-09-27 --format md"; do
	# shellcheck disable=SC2086
	run $c --force NOPE
	is_rc 2 "$c --force NOPE exits 2"
	has "$WORK/err" "--force: no force 'NOPE' in the register$" \
		"$c names the unknown force"
done

# ---- item 10: huge values are cut in messages ----
BIG=$(python3 -c 'print("x" * 130000)')
for c in "recs --status" "recs --as-at" "recs --sort" "recs --format" \
	"recs --force" "grades --assessment" "grades --force" \
	"paper --format md --meeting" "rec show" "rec" "recs" "recs --$BIG" \
	"" "--$BIG" "serve --threads" "activities --force"; do
	# shellcheck disable=SC2086
	"$OV_BIN" $c "$BIG" >/dev/null 2>"$WORK/err"
	RC=$?
	[ "$RC" -ne 0 ]
	ok $? "$(echo "$c" | cut -c1-30) HUGE fails"
	python3 -c '
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
long = [l for l in lines if len(l) > 420]
for l in long: print("#   %d characters: %s..." % (len(l), l[:100]))
sys.exit(1 if long or not lines else 0)' "$WORK/err"
	ok $? "$(echo "$c" | cut -c1-30) HUGE: no message line over 420 chars"
done
"$OV_BIN" recs --status "$BIG" 2>"$WORK/err"
grep -q "^oversight recs: --status: 'x\{79\}…' is not one of open" "$WORK/err"
ok $? "a value in a message is cut at 80 characters with an ellipsis"

done_testing
