#!/bin/sh
# Runs each fuzz target (built by `make fuzz`) for SECONDS (default 180).
#   sh fuzz/run.sh [SECONDS] [TARGET...]
# Each target starts from fuzz/corpus/<target>/ and grows a scratch corpus
# in $FUZZ_BUILD/corpus/<target>/ (never the committed seeds).  A crash is
# saved as $FUZZ_BUILD/crash/<target>/crash-<sha1>; copy it into
# fuzz/corpus/<target>/ so the replay test in `make check` covers it.
set -eu

B=${FUZZ_BUILD:-build-fuzz}
SECS=${1:-180}
[ $# -gt 0 ] && shift
TARGETS=${*:-json timescale date markdown extract}
rc=0

for t in $TARGETS; do
	mkdir -p "$B/corpus/$t" "$B/crash/$t"
	echo "fuzz: $t for ${SECS}s"
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	"$B/fuzz-$t" -max_total_time="$SECS" -print_final_stats=1 \
		-artifact_prefix="$B/crash/$t/" \
		"$B/corpus/$t" "fuzz/corpus/$t" >"$B/fuzz-$t.log" 2>&1 || {
		echo "fuzz: $t FAILED; see $B/fuzz-$t.log and $B/crash/$t/"
		rc=1
	}
	grep -E '^stat::(number_of_executed_units|peak_rss)|^#[0-9]+ *DONE' \
		"$B/fuzz-$t.log" || true
done
exit $rc
