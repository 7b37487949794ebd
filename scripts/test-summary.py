#!/usr/bin/env python3
"""Count TAP assertions across meson test logs and print the closing line.

Usage: test-summary.py LOG...   Each LOG is a meson testlog*.json.
A test program that crashed or exited non-zero without a failing assertion
still counts as one failure, so a crash is never hidden.
Exit status 1 when anything failed.
"""
import json
import re
import sys

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
        out = t.get("stdout") or ""
        ok = len(re.findall(r"^ok\b", out, re.M))
        bad = len(re.findall(r"^not ok\b", out, re.M))
        skip = len(re.findall(r"^ok\b.*# *SKIP", out, re.M | re.I))
        passed += ok - skip
        skipped += skip
        failed += bad
        if t.get("result") not in ("OK", "SKIP", "EXPECTEDFAIL") and bad == 0:
            print(f"test-summary: {d}: {t.get('name')}: {t.get('result')}", file=sys.stderr)
            failed += 1
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed else 0)
