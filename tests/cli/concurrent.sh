#!/bin/sh
# Writers at once (issue 8): N processes record events on the same
# recommendations at the same time.  Every write the program acknowledged
# (exit 0) is in the register afterwards, exactly once; none that it
# refused is; a refusal is exit 2 saying that nothing was recorded (an
# event dated before the last one recorded), never a failure, and never
# because another writer got there first (the program tries again);
# each timeline is in date order; and the stored state is still the fold
# of the timelines (check).
. "$OV_SRCDIR/tests/cli/lib.sh"

N=8 # writers
M=6 # events each
REFS="SG-2017-R01 SG-2017-R02"

run init
run import "$FIXTURE"
is_rc 0 "the fixture is imported"

# writer I: M events, alternating between the refs, each dated a day later
# than its last, so writers overtake one another; every outcome logged.
writer() {
	i=$1
	j=0
	while [ $j -lt $M ]; do
		set -- $REFS
		if [ $(((i + j) % 2)) -eq 0 ]; then ref=$1; else ref=$2; fi
		day=$(printf '2019-01-%02d' $((j * 2 + i % 2 + 1)))
		case $((j % 3)) in
		0) rag=red ;;
		1) rag=amber ;;
		*) rag=green ;;
		esac
		note="w$i-e$j"
		"$OV_BIN" rec update "$ref" --note "$note" --rag $rag --date "$day" \
			--author "writer $i" >/dev/null 2>"$WORK/w$i-e$j.err"
		echo "$? $ref $day $note" >>"$WORK/w$i.log"
		j=$((j + 1))
	done
}

i=0
pids=
while [ $i -lt $N ]; do
	writer $i &
	pids="$pids $!"
	i=$((i + 1))
done
# shellcheck disable=SC2086
wait $pids
cat "$WORK"/w*.log >outcomes
[ "$(wc -l <outcomes)" -eq $((N * M)) ]
ok $? "$N writers made $((N * M)) attempts, each logged"
acked=$(grep -c '^0 ' outcomes)
[ "$acked" -gt 0 ]
ok $? "$acked of them acknowledged (exit 0)"
# Any refusal: exit 2, naming the recommendation and saying nothing was
# recorded.
bad=0
late=0
raced=0
while read -r rc ref day note; do
	[ "$rc" -eq 0 ] && continue
	e=$(echo "$note" | sed 's/^w\([0-9]*\)-e/w\1-e/')
	if [ "$rc" -ne 2 ] || ! grep -q "$ref" "$WORK/$e.err" ||
		! grep -q "nothing recorded" "$WORK/$e.err"; then
		bad=$((bad + 1))
		echo "#   $note ($ref, $day): exit $rc: $(head -1 "$WORK/$e.err")"
	elif grep -q "is before the previous event" "$WORK/$e.err"; then
		late=$((late + 1))
	else
		raced=$((raced + 1))
	fi
done <outcomes
echo "# $acked acknowledged; refused: $late dated before the last event, $raced as a conflict to try again"
[ $bad -eq 0 ]
ok $? "every refusal is exit 2, nothing recorded; no write failed"
# A write that lost the race to another is read again, validated again
# against the timeline as it now is and recorded by the program
# (app/rec.c), not handed back to the user.
[ $raced -eq 0 ]
ok $? "no write is refused only because another was recorded meanwhile ($raced were)"

run export -o after.json
is_rc 0 "the register exports after the writers"
python3 - after.json outcomes <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
acked, refused = {}, set()
for line in open(sys.argv[2]):
    rc, ref, day, note = line.split()
    if rc == "0":
        acked[note] = (ref, day)
    else:
        refused.add(note)
found = {}
bad = []
for r in d["recommendations"]:
    dates = [e.get("date") for e in r.get("timeline", [])]
    if dates != sorted(dates):
        bad.append("%s: timeline out of date order: %s" % (r["ref"], dates))
    for e in r.get("timeline", []):
        t = e.get("text")
        if t and t.startswith("w") and "-e" in t:
            found.setdefault(t, []).append((r["ref"], e.get("date")))
for note, where in acked.items():
    got = found.get(note, [])
    if got != [where]:
        bad.append("acknowledged %s %s: found %s" % (note, where, got))
for note in refused:
    if note in found:
        bad.append("refused %s: found %s" % (note, found[note]))
for note in found:
    if note not in acked and note not in refused:
        bad.append("unknown event %s" % note)
for b in bad[:20]:
    print("#   " + b)
sys.exit(1 if bad else 0)
PY
ok $? "every acknowledged event is there once, no refused one, timelines in date order"

run check
is_rc 0 "the stored state is the fold of the timelines after the writers"
for ref in $REFS; do
	run rec show "$ref" --as-at 2019-12-31
	is_rc 0 "rec show $ref after the writers"
done

done_testing
