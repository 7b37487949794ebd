#!/bin/sh
# Builds the libFuzzer targets (fuzz/fuzz_*.c) with clang, AddressSanitizer
# and UndefinedBehaviorSanitizer into $FUZZ_BUILD (default build-fuzz/).
#
# The library is built by meson itself in its own build directory (so the
# source list is never repeated here), with -fsanitize=fuzzer-no-link for
# coverage; each target is then linked against it with -fsanitize=fuzzer.
# Needs clang and libclang-rt-14-dev (libFuzzer's runtime); `make check`
# needs neither.  Run from the source root: sh fuzz/build.sh
set -eu

B=${FUZZ_BUILD:-build-fuzz}
CC=${FUZZ_CC:-clang}
SAN=address,undefined
TARGETS="json timescale date markdown extract"

command -v "$CC" >/dev/null || { echo "fuzz: $CC not found" >&2; exit 1; }

if [ ! -f "$B/build.ninja" ]; then
	CC="$CC" meson setup "$B" --buildtype=debugoptimized -Dwerror=false \
		-Db_sanitize="$SAN" -Db_lundef=false \
		-Dc_args=-fsanitize=fuzzer-no-link >/dev/null
fi
ninja -C "$B" liboversight.a >/dev/null

LIBS=$(pkg-config --libs sqlite3 jansson libcmark xlsxwriter cairo pangocairo)
for t in $TARGETS; do
	# shellcheck disable=SC2086 # LIBS is a list of flags
	"$CC" -std=c11 -g -O1 -Wall -Wextra -Werror -Wno-unused-parameter \
		-D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
		-fsanitize=fuzzer,$SAN -fno-sanitize-recover=undefined \
		-Isrc -Ifuzz -o "$B/fuzz-$t" \
		"fuzz/fuzz_$t.c" fuzz/fuzz_common.c "$B/liboversight.a" \
		$LIBS -lm
	echo "fuzz: built $B/fuzz-$t"
done
