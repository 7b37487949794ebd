#!/bin/sh
# The demo dataset (examples/wmp-2018-09.json): what the issue says the
# register must show for the 27 September 2018 paper.
. "$OV_SRCDIR/tests/cli/lib.sh"

DEMO="$OV_SRCDIR/examples/wmp-2018-09.json"
if [ ! -f "$DEMO" ]; then
	skip_all "examples/wmp-2018-09.json not there yet"
fi

run init
run import "$DEMO"
is_rc 0 "the demo dataset imports"

run export -o a.json
B=$(newdb b)
run --db "$B" init
run --db "$B" import a.json
run --db "$B" export -o b.json
same a.json b.json "the demo dataset round-trips byte for byte"

run recs --as-at 2018-09-27 --format json
python3 - "$WORK/out" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
sf = [r for r in rows if "Stolen freedom" in (r["report_title"] or "")]
def fail(m):
    print("#   " + m); sys.exit(1)
if len(sf) != 11: fail("%d Stolen freedom recommendations" % len(sf))
forces = [r for r in sf if r["addressee"] in ("all-forces", "force")]
if len(forces) != 7: fail("%d addressed to forces" % len(forces))
ts = sorted(r["timescale"] for r in forces)
want = sorted(["Within twelve months", "Within six months"] + ["Immediately"] * 5)
if ts != want: fail("timescales %r" % ts)
PY
ok $? "eleven Stolen freedom recommendations, seven for forces, with the seed's timescales"

run grades --as-at 2018-09-27
is_rc 0 "grades succeeds on the demo"
[ "$(grep -cE '^[0-9]+ ' "$WORK/out")" -eq 10 ]
ok $? "grades prints ten questions"
has "$WORK/out" "^6 .*Use of resources +Requires improvement" \
	"Use of resources requires improvement"
has "$WORK/out" "To be inspected in November" "questions to be inspected in November"
width_ok "$WORK/out" "grades fits 80 columns"

run recs --status closed --as-at 2018-09-27
[ "$(grep -cE '^[A-Z0-9-]+ .* closed( |$)' "$WORK/out")" -eq 7 ]
ok $? "seven closed rows as at 2018-09-27"
has "$WORK/out" "^7 recommendations$" "and seven in all"
width_ok "$WORK/out" "the recs table fits 80 columns"

run summary --as-at 2018-09-27
is_rc 0 "summary of the demo succeeds"
has "$WORK/out" "IPA November 2018" "the summary names the current PEEL assessment"
for c in reports activities meetings; do
	run "$c"
	width_ok "$WORK/out" "$c fits 80 columns on the demo"
done

done_testing
