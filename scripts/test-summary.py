#!/usr/bin/env python3
"""Count TAP assertions across meson test logs and print the closing line.

Usage: test-summary.py LOG...   Each LOG is a meson testlog*.json.
Prints "N passed, N failed, N skipped".  An assertion with the TAP
directive "# SKIP" ("ok 3 # SKIP no /dev/full") counts as skipped, not
passed; so does a whole test meson reports as skipped (exit status 77, or
a plan "1..0 # SKIP") that printed no assertion of its own.  An
assertion marked "# TODO" is work not done yet and counts as neither.
A test program that crashed or exited non-zero without a failing assertion
still counts as one failure, so a crash is never hidden.
Exit status 1 when anything failed.
"""
import json
import re
import sys

# An assertion line, and in what follows it the directive, if any (TAP:
# "# SKIP reason" or "# TODO reason", any case), as meson reads them.
ASSERT = re.compile(r"^(not )?ok\b(.*)$", re.M)
DIRECTIVE = re.compile(r"#\s*(SKIP\S*|TODO)\b", re.I)


def count(out):
    """(passed, failed, skipped) among the TAP assertions in out."""
    passed = failed = skipped = 0
    for m in ASSERT.finditer(out):
        bad, rest = m.group(1), m.group(2)
        found = DIRECTIVE.search(rest)
        directive = found.group(1).upper() if found else ""
        if directive.startswith("SKIP") and not bad:
            skipped += 1
        elif directive == "TODO":
            continue
        elif bad:
            failed += 1
        else:
            passed += 1
    return passed, failed, skipped


passed = failed = skipped = 0
for d in sys.argv[1:]:
    try:
        f = open(d, encoding="utf-8")
    except OSError as e:
        print(f"test-summary: {e}", file=sys.stderr)
        failed += 1
        continue
    for line in f:
        t = json.loads(line)
        ok, bad, skip = count(t.get("stdout") or "")
        passed += ok
        failed += bad
        skipped += skip
        result = t.get("result")
        if result == "SKIP" and ok + bad + skip == 0:
            skipped += 1
        elif result not in ("OK", "SKIP", "EXPECTEDFAIL") and bad == 0:
            print(f"test-summary: {d}: {t.get('name')}: {result}", file=sys.stderr)
            failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
