#!/bin/sh
# Golden papers (issue 10).  The demo's paper (examples/wmp-2018-09.json,
# the seed's default layout) must come out byte for byte as
# tests/paper/demo/DATE.{md,html}.  Three papers of other shapes, each
# from its own dataset and layout in tests/paper/NAME/data.json, must come
# out as tests/paper/NAME/DATE.md, and the facts of NAME/facts.txt must be
# in its Markdown, HTML (tags stripped) and PDF (pdftotext) alike; a fact
# marked "^" also comes after the previous marked one.
set -u
BIN=${OV_BIN:?}; SRC=${OV_SRCDIR:?}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
n=0; failed=0
ok() { n=$((n+1)); echo "ok $n - $1"; }
nok() { n=$((n+1)); failed=1; echo "not ok $n - $1"; }
check() { if eval "$2"; then ok "$1"; else nok "$1"; fi; }

load() { # load DATA
	rm -f "$T/ov.db"
	"$BIN" --db "$T/ov.db" init >/dev/null &&
		"$BIN" --db "$T/ov.db" import "$1" >/dev/null
}
paper() { # paper DATE COMMITTEE FORMAT OUT
	"$BIN" --db "$T/ov.db" paper --meeting "$1" --committee "$2" \
		--format "$3" -o "$4"
}
norm() { tr '\n\t\f' '   ' | sed 's/  */ /g'; }

load "$SRC/examples/wmp-2018-09.json"
check "demo data imports" '[ $? -eq 0 ]'
for d in 2018-06-28 2018-09-27; do
	for f in md html; do
		paper "$d" "Joint Audit Committee" "$f" "$T/demo.$f"
		check "demo $d.$f is byte-identical" \
			'cmp -s "$T/demo.$f" "$SRC/tests/paper/demo/$d.$f"'
	done
done

# name date committee
while read -r name date committee; do
	dir="$SRC/tests/paper/$name"
	load "$dir/data.json"
	check "$name: data imports" '[ $? -eq 0 ]'
	for want in "$dir"/*.md; do
		d=$(basename "$want" .md)
		paper "$d" "$committee" md "$T/p.md"
		check "$name: $d.md as expected" 'cmp -s "$T/p.md" "$want"'
	done
	paper "$date" "$committee" md "$T/p.md"
	paper "$date" "$committee" html "$T/p.html"
	paper "$date" "$committee" pdf "$T/p.pdf"
	check "$name: html and pdf written" '[ -s "$T/p.html" ] && [ -s "$T/p.pdf" ]'
	sed 's/\\\([*_`|<#.()-]\)/\1/g; s/\*\*//g; s/^#* //' "$T/p.md" |
		tr '|' ' ' | norm >"$T/md.txt"
	sed 's/<[^>]*>/ /g; s/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#39;/'"'"'/g' \
		"$T/p.html" | norm >"$T/html.txt"
	pdftotext -layout "$T/p.pdf" - | norm >"$T/pdf.txt"
	for fmt in md html pdf; do
		python3 - "$dir/facts.txt" "$T/$fmt.txt" >"$T/missing" <<'PY'
import sys
facts = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")
         if l.strip() and not l.startswith("#")]
text = " ".join(open(sys.argv[2], encoding="utf-8").read().split())
at = 0
for f in facts:
    ordered = f.startswith("^")
    f = " ".join(f.lstrip("^").split())
    i = text.find(f, at if ordered else 0)
    if i < 0:
        print(("out of order or missing: " if ordered else "missing: ") + f)
    elif ordered:
        at = i + len(f)
PY
		check "$name: every fact in the $fmt, in order" '[ ! -s "$T/missing" ]'
		[ -s "$T/missing" ] && sed 's/^/#   /' "$T/missing"
	done
done <<'CASES'
tvp-jiac 2018-12-14 Joint Independent Audit Committee
lancs-pcp 2019-09-23 Police and Crime Panel
notts-jasp 2022-09-22 Joint Audit and Scrutiny Panel
CASES

echo "1..$n"
exit $failed
