#!/bin/sh
# A short, bounded real libFuzzer run of the report-text parser
# (fuzz/fuzz_extract.c) inside `make check`: built with clang and
# -fsanitize=fuzzer,address,undefined from the parser's own sources (a
# small closed set: the parser, the timescale rules and the util pieces
# they use; a link error here means that set grew), then run for
# OV_FUZZ_SECONDS (default 10) from fuzz/corpus/extract/.  Prints TAP;
# a crash, a leak or a broken property fails it and leaves the input in
# BUILD/fuzz-extract-lf/crash/.  Skipped without clang or libFuzzer's
# runtime (libclang-rt-14-dev).  Not in the valgrind run: a
# sanitizer-built fuzzer cannot run under valgrind.
set -u
SRC=${OV_SRCDIR:?OV_SRCDIR must name the source tree}
OUT=${OV_BUILDDIR:?OV_BUILDDIR must name the build tree}/fuzz-extract-lf
SECS=${OV_FUZZ_SECONDS:-10}
CC=${FUZZ_CC:-clang}

command -v "$CC" >/dev/null 2>&1 || { echo "1..0 # SKIP $CC not installed"; exit 0; }
mkdir -p "$OUT/corpus" "$OUT/crash"
if ! "$CC" -std=c11 -g -O1 -Wall -Wextra -Werror -Wno-unused-parameter \
	-D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-I"$SRC/src" -I"$SRC/fuzz" -o "$OUT/fuzz-extract" \
	"$SRC/fuzz/fuzz_extract.c" "$SRC/fuzz/fuzz_common.c" \
	"$SRC/src/io/extract.c" "$SRC/src/core/timescale.c" \
	"$SRC/src/util/mem.c" "$SRC/src/util/buf.c" "$SRC/src/util/utf8.c" \
	"$SRC/src/util/date.c" "$SRC/src/util/diag.c" >"$OUT/build.log" 2>&1; then
	if grep -q 'libclang_rt.fuzzer\|cannot find.*fuzzer' "$OUT/build.log"; then
		echo "1..0 # SKIP libFuzzer's runtime (libclang-rt-14-dev) is missing"
		exit 0
	fi
	echo "not ok 1 - the fuzzer builds"
	sed 's/^/#   /' "$OUT/build.log" | head -20
	echo "1..1"
	exit 1
fi
echo "ok 1 - the fuzzer builds"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
"$OUT/fuzz-extract" -max_total_time="$SECS" -max_len=8192 -timeout=10 \
	-rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$OUT/crash/" \
	"$OUT/corpus" "$SRC/fuzz/corpus/extract" >"$OUT/run.log" 2>&1
rc=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$OUT/run.log")
if [ $rc -eq 0 ]; then
	echo "ok 2 - no crash in ${SECS}s (${runs:-?} inputs)"
	echo "1..2"
	exit 0
fi
echo "not ok 2 - the fuzzer failed (status $rc); input saved in $OUT/crash/"
grep -E 'ERROR|fuzz:|SUMMARY|#[0-9]' "$OUT/run.log" | head -20 | sed 's/^/#   /'
echo "1..2"
exit 1
