#!/bin/sh
# oversight reports, grades, activities, meetings, summary.
. "$OV_SRCDIR/tests/cli/lib.sh"
EMPTY=$(newdb empty)

# An empty register lists nothing, without error.
run --db "$EMPTY" init
for c in reports meetings activities summary recs; do
	run --db "$EMPTY" $c
	is_rc 0 "$c on an empty register succeeds"
done
has "$WORK/out" "^0 recommendations$" "and lists nothing"
run --db "$EMPTY" recs --format json
[ "$(tr -d ' \n' <"$WORK/out")" = "[]" ]
ok $? "recs --format json on an empty register is []"

run init
run import "$FIXTURE"

run reports
is_rc 0 "reports succeeds"
width_ok "$WORK/out" "reports fits 80 columns"
has "$WORK/out" "^peel-2016 +2016-12-08 +peel +PEEL: police legitimacy 2016 +1$" \
	"a report row: id, published, kind, title, count"
has "$WORK/out" "^slavery-2017 .*Stolen goods.*… +3$" \
	"a long title is cut and the count kept"

run grades --as-at 2018-09-27
is_rc 0 "grades succeeds"
width_ok "$WORK/out" "grades fits 80 columns"
has "$WORK/out" "IPA November 2018" "the current assessment is chosen by date"
has "$WORK/out" "^2 +Efficiency +Use of resources +Requires improvement \(carried" \
	"a carried grade says so"
grep -A1 "Use of resources" "$WORK/out" | tr -s ' \n' ' ' |
	grep -q "Requires improvement (carried from PEEL 2017)"
ok $? "and names where it came from (wrapped to fit)"
has "$WORK/out" "Treatment of the Public\* +To be inspected in November" \
	"a flagged question to be inspected in a month"
has "$WORK/out" "^\* Inspected in every force\.$" "the asterisk's note"
run grades --as-at 2018-05-01
has "$WORK/out" "^2 +Efficiency +Use of resources +Requires improvement$" \
	"an earlier date gives the earlier assessment's own grade"
run grades --assessment tst-peel-2017
has "$WORK/out" "PEEL 2017" "--assessment picks one"
run grades --assessment nope
is_rc 2 "an unknown assessment exits 2"
has "$WORK/err" "^oversight grades: --assessment: no assessment 'nope'" \
	"and is named"
run grades --force NOPE
is_rc 2 "an unknown force exits 2"
run grades --as-at 2017-01-01
is_rc 2 "no assessment yet exits 2 (nothing to show at that date)"
has "$WORK/err" "^oversight grades: --as-at: no PEEL assessment" \
	"and the date is named"

run activities
is_rc 0 "activities succeeds"
width_ok "$WORK/out" "activities fits 80 columns"
has "$WORK/out" "^2018-07-02 +Insight visit +Neighbourhood.*… +Wolverhampton$" \
	"a one-day activity with its kind, cut subject and place"
has "$WORK/out" "^2018-08-13 to 2018-08-17 +Audit +Counter Corruption" \
	"a range of days"
run activities --from 2018-08-01 --to 2018-08-31
hasnt "$WORK/out" "^2018-07-02" "--from drops earlier activities"
has "$WORK/out" "^1 activity$" "one activity in August"
run activities --from 2018-08-15 --to 2018-08-15
has "$WORK/out" "^2018-08-13 " "an activity overlapping the period is kept"
run activities --from 2018-09-01 --to 2018-08-01
is_rc 2 "--to before --from exits 2"
run activities --from 2018-02-30
is_rc 2 "a bad --from exits 2"

run meetings
is_rc 0 "meetings succeeds"
width_ok "$WORK/out" "meetings fits 80 columns"
has "$WORK/out" "^2018-09-27 +Joint Audit Committee +5 +HMICFRS update +jac-2018-09-27$" \
	"a meeting row"

run summary --as-at 2018-09-27
is_rc 0 "summary succeeds"
width_ok "$WORK/out" "summary fits 80 columns"
has "$WORK/out" "^Register as at 2018-09-27$" "the date"
has "$WORK/out" "^  Recommendations +4$" "four recommendations"
has "$WORK/out" "^    Open +3$" "three open"
has "$WORK/out" "^    Closed +1$" "one closed"
has "$WORK/out" "^    RAG Red +1$" "one red"
has "$WORK/out" "^    RAG Amber +1$" "one amber"
has "$WORK/out" "^    RAG not set +1$" "one not rated"
has "$WORK/out" "^    Overdue +2$" "two overdue"
has "$WORK/out" "^  Closed since 2018-06-27 +1$" "one closure in the quarter"
has "$WORK/out" "^  Inspection reports +2$" "two reports"
has "$WORK/out" "^  Activities +2$" "two activities"
has "$WORK/out" "^  Committee meetings +1$" "one meeting"
has "$WORK/out" "^  PEEL assessment \(TST\) +IPA November 2018$" "the PEEL label"
run summary --as-at 2018-06-01
has "$WORK/out" "^    Closure proposed +1$" "earlier, the closure was pending"
has "$WORK/out" "^  Closed since 2018-03-01 +0$" "and nothing closed"
has "$WORK/out" "^  PEEL assessment \(TST\) +PEEL 2017$" "and PEEL 2017 current"

done_testing
