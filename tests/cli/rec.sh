#!/bin/sh
# oversight rec: show one recommendation; append events; every refusal
# leaves the database as it was.
. "$OV_SRCDIR/tests/cli/lib.sh"

run init
run import "$FIXTURE"

run rec show SG-2017-R01 --as-at 2018-09-27
is_rc 0 "rec show succeeds"
has "$WORK/out" "^Report +Stolen goods: a made-up" "it shows the report title"
has "$WORK/out" "^Area +Leadership and governance" "the area"
has "$WORK/out" "^Timescale +Within twelve months" "the timescale"
has "$WORK/out" "^Due +2018-10-24" "the due date, derived and ISO"
has "$WORK/out" "^Status +Open \(as at 2018-09-27\)" "the status as at the date"
has "$WORK/out" "^RAG +Amber" "the RAG"
has "$WORK/out" "^Owner +ACC Crime" "the owner"
has "$WORK/out" "^SME +Jo Bloggs" "the SME"
has "$WORK/out" "^Plan +Force Vulnerability Improvement Plan" \
	"the plan (from the report)"
has "$WORK/out" "• senior leaders prioritise" "the bullets"
has "$WORK/out" "2018-09-14  Progress update  Jo Bloggs" "the timeline"
has "$WORK/out" "Profile raised" "with the update's text"

run rec show PL-2016-01 --as-at 2018-07-01
has "$WORK/out" "^Status +Closure proposed" "status before the closure"
has "$WORK/out" "1 later event not shown" "later events are counted, not shown"
run rec show PL-2016-01 --as-at 2018-09-27
has "$WORK/out" "^Status +Closed" "status after the closure"
has "$WORK/out" "Basis: Evidence reviewed" "the closure's basis"

run rec show NOPE-1
is_rc 2 "rec show of an unknown ref exits 2"
has "$WORK/err" "^oversight rec show: .*NOPE-1" "the unknown ref is named"
run rec show
is_rc 2 "rec show without a ref exits 2"

# Refusals: nothing written.
snapshot "$DB" before.json
refuse() { # refuse DESCRIPTION REGEX ARGS...
	desc=$1 re=$2
	shift 2
	run "$@"
	is_rc 2 "$desc exits 2"
	has "$WORK/err" "$re" "$desc: the message says why"
	snapshot "$DB" after.json
	same before.json after.json "$desc: database unchanged"
}
refuse "update of an unknown ref" "NOPE-1" \
	rec update NOPE-1 --note hello --date 2018-09-20
refuse "update with a bad date" "--date: '2018-02-30'" \
	rec update SG-2017-R02 --note hello --date 2018-02-30
refuse "update with nothing to record" "at least one of" \
	rec update SG-2017-R02 --date 2018-09-20
refuse "update with a bad RAG" "--rag: 'purple' is not one of" \
	rec update SG-2017-R02 --rag purple --note x --date 2018-09-20
refuse "update naming an unknown owner" "--owner: no person with id 'ghost'" \
	rec update SG-2017-R02 --owner ghost --note x --date 2018-09-20
refuse "update dated before the last event" "SG-2017-R01" \
	rec update SG-2017-R01 --note late --date 2018-01-01
refuse "closing without a basis" "--basis is required" \
	rec close SG-2017-R02 --date 2018-09-20
refuse "closing without a date" "--date is required" \
	rec close SG-2017-R02 --basis "Evidence reviewed"
refuse "closing an already closed recommendation" "PL-2016-01" \
	rec close PL-2016-01 --date 2018-09-20 --basis again
refuse "proposing closure of a closed recommendation" "PL-2016-01" \
	rec propose-closure PL-2016-01 --date 2018-09-20
refuse "reopening an open recommendation" "SG-2017-R02" \
	rec reopen SG-2017-R02 --date 2018-09-20
refuse "superseding without a basis" "--basis is required" \
	rec supersede SG-2017-R02 --date 2018-09-20
refuse "not-applicable without a basis" "--basis is required" \
	rec not-applicable SG-2017-R03 --date 2018-09-20
# Issue 6: every text is the importer's UTF-8, a required one is not
# blank, and an event is dated at most a week after today.
BAD=$(printf 'bad\377')
refuse "a note not in UTF-8" "SG-2017-R02.text: is not valid UTF-8" \
	rec update SG-2017-R02 --note "$BAD" --date 2018-09-20
refuse "an author not in UTF-8" "SG-2017-R02.author: is not valid UTF-8" \
	rec update SG-2017-R02 --note x --author "$BAD" --date 2018-09-20
OLD_USER=${USER-}
export USER="$BAD"
refuse "a \$USER not in UTF-8" "author: is not valid UTF-8" \
	rec update SG-2017-R02 --note x --date 2018-09-20
export USER="$OLD_USER"
refuse "an owner not in UTF-8" "owner: is not a valid id" \
	rec update SG-2017-R02 --owner "$BAD" --date 2018-09-20
refuse "a basis not in UTF-8" "basis: is not valid UTF-8" \
	rec close SG-2017-R02 --date 2018-09-20 --basis "$BAD"
refuse "a closure note not in UTF-8" "text: is not valid UTF-8" \
	rec propose-closure SG-2017-R02 --date 2018-09-20 --note "$BAD"
refuse "a blank closure basis" "--basis is required" \
	rec close SG-2017-R02 --date 2018-09-20 --basis "   "
refuse "a blank superseded basis" "--basis is required" \
	rec supersede SG-2017-R02 --date 2018-09-20 --basis "	 "
refuse "a blank not-applicable basis" "--basis is required" \
	rec not-applicable SG-2017-R03 --date 2018-09-20 --basis " "
refuse "a blank progress note" "text: an 'update' event needs text" \
	rec update SG-2017-R02 --note "  " --date 2018-09-20
refuse "a blank author" "author: is required" \
	rec update SG-2017-R02 --note x --author " " --date 2018-09-20
refuse "an update dated 2199-12-31" "2199-12-31 is more than 7 days after today" \
	rec update SG-2017-R02 --note x --date 2199-12-31
AHEAD=$(python3 -c 'import datetime as d; print(d.date.today() + d.timedelta(days=8))')
refuse "a closure dated 8 days ahead" "date: .* is more than 7 days after today" \
	rec close SG-2017-R02 --date "$AHEAD" --basis "Evidence reviewed"

# Happy paths.
USER=tester run rec update SG-2017-R02 --note "Agreements drafted" \
	--rag amber --owner jo-bloggs --date 2018-09-20
is_rc 0 "rec update with note, RAG and owner succeeds"
run recs --as-at 2018-09-20 --format json
python3 -c '
import json, sys
r = {x["ref"]: x for x in json.load(sys.stdin)}["SG-2017-R02"]
ok = (r["rag"] == "amber" and r["owner"] == "jo-bloggs"
      and r["last_update"] == "Agreements drafted"
      and r["last_update_date"] == "2018-09-20")
sys.exit(0 if ok else 1)' <"$WORK/out"
ok $? "the three events are in the register as at their date"
run rec show SG-2017-R02 --as-at 2018-09-20
has "$WORK/out" "2018-09-20  Progress update  tester" "the author defaults to \$USER"
run recs --as-at 2018-09-19 --rag red
has "$WORK/out" "^SG-2017-R02 " "the day before, it was still red"

run rec propose-closure SG-2017-R02 --date 2018-09-21 --note "Evidence sent"
is_rc 0 "rec propose-closure succeeds"
run rec close SG-2017-R02 --date 2018-09-25 --basis "Agreements seen"
is_rc 0 "rec close succeeds"
run rec show SG-2017-R02 --as-at 2018-09-30
has "$WORK/out" "^Closed by +HMICFRS" "the closure's author defaults to HMICFRS"
run recs --status closed --as-at 2018-09-25
has "$WORK/out" "^SG-2017-R02 " "closed as at the closure date"
run recs --status closure-proposed --as-at 2018-09-24
has "$WORK/out" "^SG-2017-R02 " "pending sign-off the day before"
run rec reopen SG-2017-R02 --date 2018-09-26 --note "Reopened by review"
is_rc 0 "rec reopen succeeds"
run rec supersede SG-2017-R02 --date 2018-09-27 --basis "Replaced by 2019 report"
is_rc 0 "rec supersede succeeds"
run rec not-applicable SG-2017-R03 --date 2018-09-27 --basis "National body only"
is_rc 0 "rec not-applicable succeeds"
run recs --as-at 2018-09-27 --format json
python3 -c '
import json, sys
r = {x["ref"]: x["status"] for x in json.load(sys.stdin)}
sys.exit(0 if r["SG-2017-R02"] == "superseded" and r["SG-2017-R03"] == "not-applicable" else 1)' <"$WORK/out"
ok $? "superseded and not-applicable show in the register"

# The appended events survive an export and import.
run export -o after.json
C=$(newdb c)
run --db "$C" init
run --db "$C" import after.json
is_rc 0 "the register with appended events re-imports"
run --db "$C" export -o again.json
same after.json again.json "and exports the same bytes"

done_testing
