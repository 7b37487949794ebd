#!/bin/sh
# scripts/test-summary.py on made-up meson logs: skipped assertions and
# skipped tests are counted apart from passes, TODO is neither, and a crash
# without a failing assertion is still a failure.
set -u
SUMMARY="${OV_SRCDIR:?}/scripts/test-summary.py"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
n=0; failed=0
is() {
	n=$((n + 1))
	if [ "$1" = "$2" ]; then
		echo "ok $n - $3"
	else
		failed=1
		echo "not ok $n - $3"
		echo "#   got: $1"
		echo "#  want: $2"
	fi
}

# log FILE: one meson testlog line per "name|result|stdout" argument.
log() {
	out=$1; shift
	python3 -c '
import json, sys
with open(sys.argv[1], "w") as f:
    for a in sys.argv[2:]:
        name, result, stdout = a.split("|", 2)
        f.write(json.dumps({"name": name, "result": result,
                            "stdout": stdout.replace("\\n", "\n")}) + "\n")
' "$out" "$@"
}

log "$T/all.json" \
	'pass|OK|ok 1 - a\nok 2 - b\n1..2\n' \
	'some|OK|ok 1 - a\nok 2 # SKIP no /dev/full\nok 3 - issue #4 # skip why\n1..3\n' \
	'todo|OK|not ok 1 - later # TODO not yet\nok 2 - c\n1..2\n' \
	'plan0|SKIP|1..0 # SKIP no tool\n' \
	'exit77|SKIP|'
got=$(python3 "$SUMMARY" "$T/all.json"); rc=$?
is "$got" "4 passed, 0 failed, 4 skipped" \
	"skipped assertions and whole skipped tests counted as skipped"
is "$rc" 0 "... exit status 0"

log "$T/none.json" 'pass|OK|ok 1 - a\n1..1\n'
is "$(python3 "$SUMMARY" "$T/none.json")" "1 passed, 0 failed, 0 skipped" \
	"0 skipped is still printed"

log "$T/bad.json" 'fail|FAIL|ok 1 - a\nnot ok 2 - b\n1..2\n' \
	'crash|ERROR|ok 1 - a\n'
got=$(python3 "$SUMMARY" "$T/bad.json" 2>/dev/null); rc=$?
is "$got" "2 passed, 2 failed, 0 skipped" \
	"a failing assertion, and a crash without one, are failures"
is "$rc" 1 "... exit status 1"

echo "1..$n"
exit $failed
