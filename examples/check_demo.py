#!/usr/bin/env python3
"""Checks an "oversight/1" document without the C reader.

    python3 examples/check_demo.py [FILE] [--seed SEED]

Shape: top-level keys, each entity's keys exactly the struct members of
src/core/model.h in order (n_* counts dropped, events -> "timeline", prov ->
"assumed", "note" last), enum codes from src/core/enums.h, dates, no
null/false/empty values, canonical bytes (two-space indent, UTF-8, final
newline).  Meaning: ids unique and sorted, references resolve, timelines
start with "created", are in date order and make the transitions of
src/core/fold.h, required event fields, text/finding/response by report
style.  With --seed, also that the facts of the September 2018 paper are
held (closures, activities, IPA table) and that every text said to be the
seed's words occurs in the seed.  Prints "ok" or the problems; exit 1 on
any problem.
"""
import json
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
problems = []


def bad(path, msg):
    problems.append(f"{path}: {msg}")


def struct_members(src, name):
    m = re.search(r"typedef struct %s \{(.*?)\} %s;" % (name, name), src, re.S)
    assert m, name
    body = re.sub(r"/\*.*?\*/", "", m.group(1), flags=re.S)
    out = []
    for decl in body.split(";"):
        decl = decl.strip()
        if not decl:
            continue
        parts = decl.split(None, 1)
        typ = parts[0] if parts[0] not in ("enum", "struct") else " ".join(decl.split()[:2])
        rest = decl[len(typ):]
        for d in rest.split(","):
            n = d.strip().lstrip("*").strip()
            if n.startswith("n_"):
                continue
            out.append(n)
    names = []
    for n in out:
        if n == "prov":
            names += ["assumed", "note"]
        elif n == "events":
            names.append("timeline")
        else:
            names.append(n)
    return names


def enum_codes(src, macro):
    m = re.search(r"#define %s\(X\)(.*?)\n\n" % macro, src, re.S)
    assert m, macro
    return [c for c in re.findall(r'X\(\w+, "([^"]*)",', m.group(1))]


model = (ROOT / "src/core/model.h").read_text()
enums = (ROOT / "src/core/enums.h").read_text()
KEYS = {k: struct_members(model, "ov_" + k) for k in
        ("force", "person", "board", "plan", "assessment", "question", "report",
         "rec", "event", "activity", "meeting", "review")}
E = {
    "status": enum_codes(enums, "OV_STATUS_LIST"),
    "rag": enum_codes(enums, "OV_RAG_LIST"),
    "event": enum_codes(enums, "OV_EVENT_LIST"),
    "rec_kind": enum_codes(enums, "OV_REC_KIND_LIST"),
    "addressee": enum_codes(enums, "OV_ADDRESSEE_LIST"),
    "report_kind": enum_codes(enums, "OV_REPORT_KIND_LIST"),
    "style": enum_codes(enums, "OV_STYLE_LIST"),
    "grade": enum_codes(enums, "OV_GRADE_LIST"),
    "scale": enum_codes(enums, "OV_SCALE_LIST"),
    "activity": enum_codes(enums, "OV_ACTIVITY_KIND_LIST"),
}
TOP = ["format", "forces", "people", "boards", "plans", "assessments", "reports",
       "recommendations", "activities", "meetings"]
ENUM_FIELDS = {
    ("assessment", "scale"): "scale", ("question", "grade"): "grade",
    ("report", "kind"): "report_kind", ("report", "style"): "style",
    ("rec", "kind"): "rec_kind", ("rec", "addressee"): "addressee",
    ("event", "kind"): "event", ("event", "rag"): "rag",
    ("activity", "kind"): "activity",
}
DAY_FIELDS = {("assessment", "date"), ("report", "received"), ("rec", "due_given"),
              ("event", "date"), ("activity", "from"), ("activity", "to"),
              ("activity", "feedback_date"), ("meeting", "date")}
PDATE_FIELDS = {("report", "published"), ("report", "fieldwork_from"),
                ("report", "fieldwork_to"), ("report", "force_fieldwork_when"),
                ("question", "inspect")}
INT_FIELDS = {("assessment", "year"), ("question", "number"),
              ("report", "forces_in_scope"), ("report", "forces_fieldwork")}
BOOL_FIELDS = {"assumed", "flagged", "force_fieldwork"}
LIST_STR = {("rec", "bullets"), ("meeting", "documents")}
NESTED = {("assessment", "questions"): "question", ("rec", "timeline"): "event",
          ("meeting", "reviews"): "review"}
NO_PROV = {"question", "event", "review"}


def parse_day(s):
    if not isinstance(s, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return None
    try:
        return date.fromisoformat(s)
    except ValueError:
        return None


def parse_pdate(s):
    if not isinstance(s, str):
        return None
    if re.fullmatch(r"\d{4}", s):
        return date(int(s), 1, 1)
    if re.fullmatch(r"\d{4}-\d{2}", s):
        y, m = map(int, s.split("-"))
        return date(y, m, 1) if 1 <= m <= 12 else None
    return parse_day(s)


def check_entity(kind, obj, path):
    if not isinstance(obj, dict):
        bad(path, "expected an object")
        return
    order = KEYS[kind]
    keys = list(obj)
    unknown = [k for k in keys if k not in order]
    if unknown:
        bad(path, f"unknown keys {unknown}; expected some of {order}")
        return
    if keys != sorted(keys, key=order.index):
        bad(path, f"keys out of order: {keys}")
    if kind in NO_PROV and ("assumed" in obj or "note" in obj):
        bad(path, "assumed/note not allowed here")
    if obj.get("assumed") and not obj.get("note"):
        bad(path, "assumed without a note")
    if "note" in obj and not obj.get("assumed"):
        bad(path, "note without assumed: true")
    for k, v in obj.items():
        p = f"{path}.{k}"
        if v is None or v is False or v == "" or v == []:
            bad(p, "empty values must be omitted")
            continue
        if k in BOOL_FIELDS:
            if v is not True:
                bad(p, "expected true")
        elif (kind, k) in INT_FIELDS:
            if not isinstance(v, int) or isinstance(v, bool):
                bad(p, "expected an integer")
        elif (kind, k) in DAY_FIELDS:
            if parse_day(v) is None:
                bad(p, f"expected a YYYY-MM-DD date, got {v!r}")
        elif (kind, k) in PDATE_FIELDS:
            if parse_pdate(v) is None:
                bad(p, f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {v!r}")
        elif (kind, k) in ENUM_FIELDS:
            codes = E[ENUM_FIELDS[(kind, k)]]
            if v not in codes:
                bad(p, f"{v!r} is not one of {codes}")
        elif (kind, k) in LIST_STR:
            if not isinstance(v, list) or not all(isinstance(s, str) and s for s in v):
                bad(p, "expected an array of non-empty strings")
        elif (kind, k) in NESTED:
            if not isinstance(v, list):
                bad(p, "expected an array")
                continue
            for i, sub in enumerate(v):
                check_entity(NESTED[(kind, k)], sub, f"{p}[{i}]")
        elif not isinstance(v, str):
            bad(p, "expected a string")
        elif "\r" in v or v != v.strip():
            bad(p, "stray whitespace or carriage return")


def check_sorted(arr, key, path):
    ids = [e.get(key) for e in arr if isinstance(e, dict)]
    if any(not isinstance(i, str) for i in ids):
        bad(path, f"every entry needs a string {key}")
        return {}
    if len(set(ids)) != len(ids):
        bad(path, "duplicate ids")
    if ids != sorted(ids, key=lambda s: s.encode()):
        bad(path, f"not sorted by {key}")
    for i, s in enumerate(ids):
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}", s):
            bad(f"{path}[{i}].{key}", f"bad id {s!r}")
    return {e[key]: e for e in arr}


# fold.h transitions
def allowed(status, ev):
    if ev == "created":
        return status is None
    if status is None:
        return False
    if ev == "closure-proposed":
        return status == "open"
    if ev == "closed":
        return status in ("open", "closure-proposed")
    if ev == "reopened":
        return status in ("closed", "superseded", "not-applicable", "closure-proposed")
    if ev in ("superseded", "not-applicable"):
        return status in ("open", "closure-proposed")
    return True


NEXT = {"created": "open", "closure-proposed": "closure-proposed", "closed": "closed",
        "reopened": "open", "superseded": "superseded", "not-applicable": "not-applicable"}


def fold(rec, as_at):
    st = {"status": None, "rag": None, "owner": None, "closed_by": None, "date": None}
    for e in rec.get("timeline", []):
        if e["date"] > as_at:
            break
        if e["kind"] in NEXT:
            st["status"] = NEXT[e["kind"]]
            st["date"] = e["date"]
        if e["kind"] == "closed":
            st["closed_by"] = e.get("author")
        if e["kind"] == "rag":
            st["rag"] = e.get("rag")
        if e["kind"] == "owner":
            st["owner"] = e.get("owner")
    return st


def check_meaning(doc):
    ix = {}
    for name, kind, key in [("forces", "force", "code"), ("people", "person", "id"),
                            ("boards", "board", "id"), ("plans", "plan", "id"),
                            ("assessments", "assessment", "id"),
                            ("reports", "report", "id"),
                            ("recommendations", "rec", "ref"),
                            ("activities", "activity", "id"),
                            ("meetings", "meeting", "id")]:
        arr = doc.get(name)
        if not isinstance(arr, list):
            bad(f"$.{name}", "expected an array")
            ix[name] = {}
            continue
        for i, e in enumerate(arr):
            check_entity(kind, e, f"$.{name}[{i}]")
        ix[name] = check_sorted(arr, key, f"$.{name}")

    def ref(path, value, table):
        if value is not None and value not in ix[table]:
            bad(path, f"{value!r} is not in $.{table}")

    for i, p in enumerate(doc["people"]):
        if not p.get("name") and not p.get("title"):
            bad(f"$.people[{i}]", "needs a name or a title")
    for i, b in enumerate(doc["boards"]):
        ref(f"$.boards[{i}].chair", b.get("chair"), "people")
    for i, p in enumerate(doc["plans"]):
        ref(f"$.plans[{i}].board", p.get("board"), "boards")
    qkeys = {}
    for i, a in enumerate(doc["assessments"]):
        path = f"$.assessments[{i}]"
        ref(f"{path}.force", a.get("force"), "forces")
        for f in ("id", "force", "year", "date", "label", "scale"):
            if f not in a:
                bad(path, f"missing {f}")
        qs = a.get("questions", [])
        nums = [q.get("number") for q in qs]
        if nums != sorted(nums) or len(set(nums)) != len(nums):
            bad(f"{path}.questions", "not sorted by number / duplicate numbers")
        keys = [q.get("key") for q in qs]
        if len(set(keys)) != len(keys):
            bad(f"{path}.questions", "duplicate keys")
        for j, q in enumerate(qs):
            qp = f"{path}.questions[{j}]"
            for f in ("key", "number", "pillar", "text"):
                if f not in q:
                    bad(qp, f"missing {f}")
            ref(f"{qp}.lead", q.get("lead"), "people")
            if q.get("grade") == "adequate" and a.get("scale") != "peel-2021":
                bad(f"{qp}.grade", "adequate only on peel-2021")
            if "inspect" in q and q.get("grade") != "to-be-inspected":
                bad(f"{qp}.inspect", "only with grade to-be-inspected")
            qkeys.setdefault(a.get("force"), set()).add(q.get("key"))
    for i, r in enumerate(doc["reports"]):
        path = f"$.reports[{i}]"
        for f in ("id", "title", "kind", "style"):
            if f not in r:
                bad(path, f"missing {f}")
        ref(f"{path}.plan", r.get("plan"), "plans")
        a, b = parse_pdate(r.get("fieldwork_from")), parse_pdate(r.get("fieldwork_to"))
        if a and b and a > b:
            bad(path, "fieldwork_from after fieldwork_to")
        if "force_fieldwork_when" in r and not r.get("force_fieldwork"):
            bad(path, "force_fieldwork_when without force_fieldwork")
    for i, r in enumerate(doc["recommendations"]):
        path = f"$.recommendations[{i}]"
        for f in ("ref", "report", "force", "kind", "addressee"):
            if f not in r:
                bad(path, f"missing {f}")
        ref(f"{path}.report", r.get("report"), "reports")
        ref(f"{path}.force", r.get("force"), "forces")
        ref(f"{path}.sme", r.get("sme"), "people")
        ref(f"{path}.plan", r.get("plan"), "plans")
        rep = ix["reports"].get(r.get("report"), {})
        if rep.get("style") == "findings":
            if "finding" not in r or "response" not in r:
                bad(path, "a findings-style report needs finding and response")
        elif "text" not in r:
            bad(f"{path}.text", "required (report style is recommendations)")
        tl = r.get("timeline", [])
        if not tl:
            bad(f"{path}.timeline", "needs at least the created event")
        status, last = None, None
        for j, e in enumerate(tl):
            ep = f"{path}.timeline[{j}]"
            if "date" not in e or "kind" not in e or "author" not in e:
                bad(ep, "needs date, author and kind")
                continue
            if last and e["date"] < last:
                bad(f"{ep}.date", "before the previous event")
            last = e["date"]
            if rep.get("published") and e["kind"] == "created" and \
                    parse_pdate(rep["published"]) and parse_day(e["date"]) and \
                    parse_day(e["date"]) < parse_pdate(rep["published"]):
                bad(f"{ep}.date", "created before the report was published")
            if not allowed(status, e["kind"]):
                bad(f"{ep}.kind", f"{e['kind']!r} not allowed after status {status!r}")
            status = NEXT.get(e["kind"], status)
            need = {"update": "text", "rag": "rag", "owner": "owner", "closed": "basis",
                    "superseded": "basis", "not-applicable": "basis"}.get(e["kind"])
            if need and need not in e:
                bad(ep, f"a {e['kind']!r} event needs {need!r}")
            if "rag" in e and e["kind"] != "rag":
                bad(f"{ep}.rag", "only on a rag event")
            if "owner" in e and e["kind"] != "owner":
                bad(f"{ep}.owner", "only on an owner event")
            if "basis" in e and e["kind"] not in ("closed", "superseded", "not-applicable"):
                bad(f"{ep}.basis", "only on closed/superseded/not-applicable")
            ref(f"{ep}.owner", e.get("owner"), "people")
    for i, a in enumerate(doc["activities"]):
        path = f"$.activities[{i}]"
        for f in ("id", "force", "from", "to", "kind", "subject"):
            if f not in a:
                bad(path, f"missing {f}")
        ref(f"{path}.force", a.get("force"), "forces")
        if a.get("from") and a.get("to") and a["to"] < a["from"]:
            bad(path, "to before from")
        if a.get("question") and a["question"] not in qkeys.get(a.get("force"), set()):
            bad(f"{path}.question", f"{a['question']!r} is no question key of the force")
    for i, m in enumerate(doc["meetings"]):
        path = f"$.meetings[{i}]"
        for f in ("id", "force", "committee", "date", "title"):
            if f not in m:
                bad(path, f"missing {f}")
        ref(f"{path}.force", m.get("force"), "forces")
        ref(f"{path}.assessment", m.get("assessment"), "assessments")
        ref(f"{path}.contact", m.get("contact"), "people")
        for j, rv in enumerate(m.get("reviews", [])):
            ref(f"{path}.reviews[{j}].report", rv.get("report"), "reports")
    return ix


def check_seed(doc, ix, seed_text):
    """The facts of the 27 September 2018 paper."""
    flat = re.sub(r"\s+", " ", seed_text)

    def in_seed(path, s):
        if re.sub(r"\s+", " ", s) not in flat:
            bad(path, "not word for word in the seed")

    m = ix["meetings"].get("jac-2018-09-27")
    if not m:
        bad("$.meetings", "no meeting jac-2018-09-27")
        return
    prev = [x for x in doc["meetings"] if x["committee"] == m["committee"]
            and x["force"] == m["force"] and x["date"] < m["date"]]
    if not prev:
        bad("$.meetings", "no previous meeting of the same committee")
        return
    since = max(x["date"] for x in prev)
    for f in ("purpose", "background", "peel_note", "closures_note", "activities_note",
              "activities_after", "recommendations"):
        in_seed(f"meeting.{f}", m[f])
    for rv in m["reviews"]:
        for f in ("intro", "narrative"):
            if f in rv:
                for para in rv[f].split("\n\n"):
                    in_seed(f"meeting.reviews.{rv['report']}.{f}", para)
    # IPA table
    a = ix["assessments"][m["assessment"]]
    want = {1: None, 2: None, 3: "to-be-inspected", 4: None, 5: "to-be-inspected",
            6: None, 7: "to-be-inspected", 8: "to-be-inspected", 9: "to-be-inspected",
            10: "to-be-inspected"}
    qs = {q["number"]: q for q in a["questions"]}
    if sorted(qs) != list(range(1, 11)):
        bad("ipa", "needs questions 1-10")
    for n, g in want.items():
        q = qs.get(n, {})
        if q.get("grade") != g:
            bad(f"ipa.q{n}", f"grade {q.get('grade')!r}, want {g!r}")
        if bool(q.get("flagged")) != (n in (3, 5, 7, 9)):
            bad(f"ipa.q{n}", "asterisk wrong")
        if g and q.get("inspect") != "2018-11":
            bad(f"ipa.q{n}", "inspect should be 2018-11")
        if not q.get("lead"):
            bad(f"ipa.q{n}", "no executive lead")
        in_seed(f"ipa.q{n}.text", f"{n}. {q.get('text')}")
    # carry-forward: latest earlier real grade
    real = ("outstanding", "good", "adequate", "requires-improvement", "inadequate")
    carried = {}
    for other in sorted(doc["assessments"], key=lambda x: x["date"]):
        if other["force"] != a["force"] or other["date"] >= a["date"]:
            continue
        for q in other["questions"]:
            if q.get("grade") in real:
                carried[q["key"]] = q["grade"]
    for n, g in {1: "good", 2: "good", 4: "good", 6: "requires-improvement"}.items():
        if carried.get(qs[n]["key"]) != g:
            bad(f"ipa.q{n}", f"carries {carried.get(qs[n]['key'])!r}, want {g!r}")
    # closures this quarter
    closed = []
    for r in doc["recommendations"]:
        for e in r.get("timeline", []):
            if e["kind"] == "closed" and since < e["date"] <= m["date"]:
                closed.append(r)
                if e.get("author") != "HMICFRS":
                    bad(r["ref"], "closed by someone other than HMICFRS")
    subjects = sorted(r.get("subject", "") for r in closed)
    want_subj = sorted([
        "mapping of organised crime groups",
        "referrals to the IOPC for allegations where abuse of authority for sexual gain is suspected",
        "quality of service and investigation", "development of good practice",
        "reducing delays within the High tech crime unit",
        "reducing delays within CPS for charging decisions",
        "identifying, disrupting and prosecuting perpetrators of CSE"])
    if subjects != want_subj:
        bad("closures", f"closed this quarter: {subjects}")
    kinds = sorted(ix["reports"][r["report"]]["kind"] for r in closed)
    if kinds.count("peel") != 2:
        bad("closures", f"want two PEEL closures, report kinds {kinds}")
    # activities since the last meeting
    acts = [x for x in doc["activities"] if since < x["from"] <= m["date"]]
    if len(acts) != 15:
        bad("activities", f"{len(acts)} since the last meeting, want 15")
    for x in acts:
        in_seed(f"activity {x['id']}.subject", x["subject"])
        if "place" in x:
            in_seed(f"activity {x['id']}.place", x["place"])
    # no red, reports reviewed
    for r in doc["recommendations"]:
        if fold(r, m["date"])["rag"] == "red" and fold(r, m["date"])["status"] in (
                "open", "closure-proposed"):
            bad(r["ref"], "graded red, but the seed says none are")
    sf = [r for r in doc["recommendations"] if r["report"] == "stolen-freedom-2017"]
    nat = [r for r in sf if r["addressee"] not in ("force", "all-forces")]
    if len(sf) != 11 or len(nat) != 4:
        bad("stolen-freedom", f"{len(sf)} recommendations, {len(nat)} national; want 11, 4")
    for r in sf:
        if r["addressee"] == "all-forces":
            in_seed(f"{r['ref']}.text", r["text"])
            for b in r.get("bullets", []):
                in_seed(f"{r['ref']}.bullets", "• " + b)
            if not r["text"].startswith(r["timescale"] + ","):
                bad(r["ref"], "text does not start with its timescale")
            st = fold(r, m["date"])
            if st["status"] != "open" or st["rag"] != "amber" or not st["owner"]:
                bad(r["ref"], f"as at the meeting: {st}")
    da = [r for r in doc["recommendations"] if r["report"] == "da-2017"]
    if len(da) != 6:
        bad("da-2017", f"{len(da)} areas, want 6")
    for r in da:
        in_seed(f"{r['ref']}.area", r["area"])
        in_seed(f"{r['ref']}.finding", r["finding"])
        in_seed(f"{r['ref']}.response", r["response"])
        in_seed(f"{r['ref']}.area+finding", r["area"] + " " + r["finding"])
    for rid in ("stolen-freedom-2017", "da-2017"):
        if "summary" in ix["reports"][rid]:
            in_seed(f"{rid}.summary", ix["reports"][rid]["summary"])


def main(argv):
    args = [a for a in argv[1:]]
    seed = None
    if "--seed" in args:
        i = args.index("--seed")
        seed = args[i + 1]
        del args[i:i + 2]
    path = args[0] if args else str(ROOT / "examples/wmp-2018-09.json")
    raw = Path(path).read_bytes()
    text = raw.decode("utf-8")
    doc = json.loads(text)
    if list(doc) != TOP:
        bad("$", f"top-level keys {list(doc)}, want {TOP}")
    if doc.get("format") != "oversight/1":
        bad("$.format", "want oversight/1")
    if json.dumps(doc, indent=2, ensure_ascii=False) + "\n" != text:
        bad(path, "not canonical (two-space indent, UTF-8 as is, final newline)")
    ix = check_meaning(doc)
    if seed and not problems:
        check_seed(doc, ix, Path(seed).read_text(encoding="utf-8"))
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s)")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
