#!/bin/sh
# oversight extract: the seed paper's recommendations, import of the
# output, the public register's history, the PDF path (PDFs made here by
# mkpdf, $1, with cairo + pango; one encrypted by qpdf) giving the same
# items as the text, and bad input refused with one line and nothing
# written.
MKPDF=${1:?usage: extract.sh MKPDF}
. "$OV_SRCDIR/tests/cli/lib.sh"
SEED="$OV_SRCDIR/../shared/seed/jac-2018-09-27-hmicfrs-update.txt"
[ -f "$SEED" ] || SEED=/work/shared/seed/jac-2018-09-27-hmicfrs-update.txt
SAMPLES="$OV_SRCDIR/tests/io/extract"

# py SCRIPT ARGS...: a check in Python; its exit status.
py() {
	python3 -c "$@"
}

# ---- the seed paper --------------------------------------------------------
if [ -f "$SEED" ]; then
	run extract "$SEED" --published 2017-10-24 --format json
	is_rc 0 "seed: extract exits 0"
	cp "$WORK/out" seed.json
	py '
import json, sys
d = json.load(open(sys.argv[1]))
ms = [r for r in d["recommendations"] if r["report"] == "modern-slavery"]
areas = [r["area"] for r in ms]
ts = [r.get("timescale") for r in ms]
want_areas = ["Leadership", "Intelligence",
    "Victim identification and initial response",
    "Victim identification and initial response", "Crime recording",
    "Investigation", "Prevention"]
want_ts = ["Within twelve months", "Within six months"] + ["Immediately"] * 5
ok = (areas == want_areas and ts == want_ts and
      len(ms[0].get("bullets", [])) == 4 and
      all(r["addressee"] == "all-forces" for r in ms) and
      ms[0]["bullets"][0].startswith("senior leaders prioritise"))
if not ok: print("#", areas, ts)
sys.exit(0 if ok else 1)' seed.json
	ok $? "seed: the seven Modern Slavery recommendations, areas, timescales, four bullets"
	py '
import json, sys
d = json.load(open(sys.argv[1]))
da = [r for r in d["recommendations"] if r["report"] == "domestic-abuse-2017"]
want = ["Risk Assessment", "Positive action and the role of arrest",
    "Build the case for the victim",
    "A shared view with the Crown Prosecution Service (CPS) on referrals and prosecutions",
    "The elements of a thorough police response",
    "Consistent performance measures"]
rep = [r for r in d["reports"] if r["id"] == "domestic-abuse-2017"][0]
ok = ([r["area"] for r in da] == want and rep["style"] == "findings" and
      all(r.get("finding") and r.get("response") and "text" not in r for r in da) and
      da[0]["response"].startswith("To address this") and
      da[5]["response"].startswith("To address this the Force produces"))
if not ok: print("#", [r["area"] for r in da])
sys.exit(0 if ok else 1)' seed.json
	ok $? "seed: six Domestic Abuse areas as finding and force response"
	run --db reg.db init
	run --db reg.db import seed.json
	is_rc 0 "seed: import takes the output as it is"
	run --db reg.db recs --report modern-slavery
	has "$WORK/out" '^7 recommendations' "seed: recs shows the seven"
	has "$WORK/out" '^modern-slavery-R01 +2018-10-24 +open +Leadership' \
		"seed: the first due twelve months after publication"
	# The flow extract -> review -> import into a register that holds
	# the force already (the demo register, whose WMP has a short name the
	# extract does not give).
	run --db demo.db init
	run --db demo.db import "$OV_SRCDIR/examples/wmp-2018-09.json"
	run --db demo.db export
	cp "$WORK/out" demo-before.json
	run --db demo.db import seed.json
	is_rc 0 "seed: import into a register holding its force"
	run --db demo.db recs --report modern-slavery
	has "$WORK/out" '^7 recommendations' "... recs shows the seven there"
	run --db demo.db export
	py '
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
sys.exit(0 if a["forces"] == b["forces"] and
         len(b["recommendations"]) == len(a["recommendations"]) + 13 else 1)' \
		demo-before.json "$WORK/out"
	ok $? "... the register's force left as it was, the 13 items added"
	run --db demo.db import seed.json
	is_rc 2 "seed: the same items again are a conflict"
	has "$WORK/err" "recommendation 'domestic-abuse-2017-R01' is already in the database" \
		"... naming the first"
	sed 's/"West Midlands Police"/"West Mercia Police"/' seed.json >other.json
	run --db reg.db init
	cp demo.db other.db
	run --db other.db import other.json
	is_rc 2 "seed: a force of the same code but another name is a conflict"
	has "$WORK/err" "force 'WMP' is already in the database" "... naming it"
	run extract "$SEED" --published 2017-10-24 --format table
	is_rc 0 "seed: table"
	has "$WORK/out" 'modern-slavery-R02 +rec +Intelligence +Within six months +2018-04-24 +all-forces' \
		"seed: the table shows area, timescale, due date and addressee"
else
	skip "seed paper not found"
fi

# ---- the public register's history -----------------------------------------
run extract "$SAMPLES/history.txt" --force TST --format json -o hist.json
is_rc 0 "history: extract"
py '
import json, sys
d = json.load(open(sys.argv[1]))
r = d["recommendations"]
k0 = [e["kind"] for e in r[0]["timeline"]]
last = r[0]["timeline"][-1]
ok = (k0 == ["created", "update", "update", "update", "closed"] and
      last["author"] == "HMICFRS" and last["date"] == "2016-06-14" and
      last["basis"].startswith("Authorised for closure") and
      r[0]["timeline"][0]["date"] == "2014-10-01" and
      [e["kind"] for e in r[1]["timeline"]] == ["created", "update"] and
      d["reports"][0]["published"] == "2014-10-01")
if not ok: print("#", k0, last)
sys.exit(0 if ok else 1)' hist.json
ok $? "history: statuses and comments become events, complete a closure with its basis"
run --db hist.db init
run --db hist.db import hist.json
is_rc 0 "history: import"
run --db hist.db recs --status closed
has "$WORK/out" '^1 recommendation$' "history: the completed one is closed"

# ---- doubts and links --------------------------------------------------------
run extract "$SAMPLES/causes-numbered.txt" --force TST --published 2018-06-01 --format json -o c.json
is_rc 0 "causes: extract"
py '
import json, sys
d = json.load(open(sys.argv[1]))
r = {x["ref"]: x for x in d["recommendations"]}
ok = (r["southmoor-police-R01"].get("cause") == "southmoor-police-C1" and
      "cause" not in r["southmoor-police-C1"])
if not ok: print("#", sorted(r))
sys.exit(0 if ok else 1)' c.json
ok $? "causes: the recommendation names the cause of concern it answers"
run extract "$SAMPLES/numbered-recommendations.txt" --force TST --published 2024-01-10 --format table
has "$WORK/out" 'R4: .*no timescale found' "doubts: the table says what was not found"

# ---- the PDF path ------------------------------------------------------------
# Each sample, with an annex page so that the running heads recur, as text
# and as a PDF (running head, page numbers; some in two columns, some with
# footnote markers): the same items.
pdf_same() {
	name=$1
	shift
	{ cat "$SAMPLES/$name.txt"; printf '\fAnnex A\n\nThis annex sets out how the inspection was carried out.\n'; } >"$name.txt"
	if ! "$MKPDF" "$name.txt" "$name.pdf" --header "HMICFRS – An inspection report" "$@" 2>"$WORK/err"; then
		ok 1 "pdf: $name: made"
		return
	fi
	"$OV_BIN" extract "$name.txt" --report r --force TST --published 2020-01-01 -o "$name-t.json" 2>/dev/null
	"$OV_BIN" extract "$name.pdf" --report r --force TST --published 2020-01-01 -o "$name-p.json" 2>"$WORK/err"
	py '
import json, sys
def recs(p):
    d = json.load(open(p))
    out = []
    for r in d["recommendations"]:
        r.pop("note", None); r.pop("assumed", None)
        for e in r["timeline"]: e.pop("text", None)
        out.append(r)
    return out
a, b = recs(sys.argv[1]), recs(sys.argv[2])
if a != b or not a:
    for x, y in zip(a, b):
        if x != y: print("#  text:", json.dumps(x)[:300]); print("#   pdf:", json.dumps(y)[:300])
    print("#", len(a), "from the text,", len(b), "from the PDF")
sys.exit(0 if a == b and a else 1)' "$name-t.json" "$name-p.json"
	ok $? "pdf: $name ($*): the same items as the text"
}
pdf_same peel-cause --columns --footnotes
pdf_same numbered-recommendations --footnotes
pdf_same page-breaks
# Under valgrind (the suite's third run) poppler takes seconds a page: the
# three above cover columns, footnotes and running heads there.
case "$OV_BIN" in
*-vg) ;;
*)
	pdf_same causes-numbered --columns
	pdf_same hyphenation
	pdf_same by-date --columns
	pdf_same afi-peel2017
	pdf_same we-recommend --footnotes
	pdf_same contents-page --footnotes
	;;
esac

# ---- bad input: one line on stderr, status 2, nothing written -----------------
# refused FILE DESCRIPTION REGEX
refused() {
	rm -f out.json
	run extract "$1" -o out.json
	s=0
	[ "$RC" -eq 2 ] || s=1
	[ "$(wc -l <"$WORK/err")" -eq 1 ] || s=1
	[ ! -e out.json ] && [ ! -s "$WORK/out" ] || s=1
	grep -Eq -- "$3" "$WORK/err" || s=1
	[ $s -eq 0 ] || echo "#   status $RC: $(head -3 "$WORK/err")"
	ok $s "bad: $2"
}
if command -v qpdf >/dev/null 2>&1 && [ -f peel-cause.pdf ]; then
	qpdf --encrypt secret owner 256 -- peel-cause.pdf locked.pdf
	refused locked.pdf "a password-protected PDF" 'protected by a password'
else
	skip "qpdf not installed"
fi
printf 'Recommendations\n\nThe force should act.\n' >not-a.pdf
refused not-a.pdf "a .pdf that is not a PDF" 'not a PDF'
printf '%%PDF-1.7\n%s\n' "this is not really a PDF at all" >broken.pdf
refused broken.pdf "a damaged PDF" 'not a PDF that can be read'
: >empty.txt
refused empty.txt "an empty file" 'empty'
truncate -s 65M big.txt
refused big.txt "a file over the 64 MiB limit" 'larger than'
head -c 8192 /dev/urandom >noise.bin
refused noise.bin "binary noise" 'not (UTF-8 )?text'
refused missing.txt "a file that is not there" 'missing.txt'
run extract "$SAMPLES/by-date.txt" --format json
is_rc 2 "bad: json needs a publication date the text does not give"
[ ! -s "$WORK/out" ]
ok $? "bad: and nothing is written then"
run extract "$SAMPLES/by-date.txt" --format xml
is_rc 2 "bad: an unknown format"
run extract "$SAMPLES/by-date.txt" --published 2020-01-01 --report 'bad id!'
is_rc 2 "bad: a report id that is not an id"
has "$WORK/err" '^oversight extract: --report: ' "bad: said of --report"
run extract "$SAMPLES/by-date.txt" --published 2020-01-01 --force 'x y'
is_rc 2 "bad: a force code that is not one"
echo keep >kept.json
run extract empty.txt -o kept.json
[ "$(cat kept.json)" = keep ]
ok $? "bad: an existing output file is left as it was"

done_testing
