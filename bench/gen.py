#!/usr/bin/env python3
"""Generate a national-scale synthetic dataset in the oversight/1 format.

    gen.py [--forces 43] [--recs 100000] [--events 1000000] [--seed 1] OUTDIR

Writes OUTDIR/national.json (canonical oversight/1: arrays sorted by id,
keys in model order, two-space indent) and, for the sqlite3 shell
yardstick, OUTDIR/recs.csv and OUTDIR/events.csv holding the same rows.
Deterministic for a given seed.
"""
import argparse
import csv
import datetime as dt
import json
import os
import random

TIMESCALES = [
    ("Immediately", 0), ("Within three months", 3), ("Within six months", 6),
    ("Within twelve months", 12), ("Within 18 months", 18), (None, None),
]
AREAS = ["Leadership", "Intelligence", "Investigation", "Prevention",
         "Crime recording", "Victim identification and initial response",
         "Safeguarding", "Custody", "Use of force", "Workforce"]
ADDRESSEES = ["all-forces"] * 6 + ["force"] * 3 + ["nca", "college-of-policing"]
KINDS = ["recommendation"] * 8 + ["afi", "cause-of-concern"]


def iso(d):
    return d.isoformat()


QUESTIONS = [("Effectiveness", "Prevent crime and ASB"),
             ("Effectiveness", "Investigating crime"),
             ("Effectiveness", "Protecting the vulnerable"),
             ("Effectiveness", "Tackling SOC"),
             ("Effectiveness", "Specialist capabilities"),
             ("Efficiency", "Use of resources"),
             ("Efficiency", "Planning for the future"),
             ("Legitimacy", "Treatment of the public"),
             ("Legitimacy", "Ethical and lawful workforce"),
             ("Legitimacy", "Treatment of the workforce")]
GRADES = ["outstanding", "good", "good", "requires-improvement", "inadequate"]


def per_force(rnd, forces, reports):
    """Each force: a graded PEEL assessment, a later partial one that carries
    grades forward, ten activities and two meetings reviewing two reports."""
    assessments, activities, meetings = [], [], []
    for f in forces:
        c = f["code"]
        for n, (year, date, graded) in enumerate(
                ((2017, "2018-03-22", True), (2018, "2018-09-01", False))):
            qs = []
            for i, (pillar, text) in enumerate(QUESTIONS, 1):
                q = {"key": f"q{i}", "number": i, "pillar": pillar,
                     "text": text}
                if graded:
                    q["grade"] = GRADES[rnd.randrange(len(GRADES))]
                elif i % 2:
                    q["grade"] = "to-be-inspected"
                    q["inspect"] = "2018-11"
                qs.append(q)
            assessments.append({"id": f"{c}-peel-{year}", "force": c,
                                "year": year, "date": date,
                                "label": f"PEEL {year}", "scale": "peel-2014",
                                "questions": qs})
        for i in range(10):
            d = dt.date(2018, 6, 29) + dt.timedelta(days=9 * i)
            activities.append({"id": f"{c}-act-{i:02d}", "force": c,
                               "from": iso(d),
                               "to": iso(d + dt.timedelta(days=i % 3)),
                               "kind": "insight-visit",
                               "subject": f"Department {i} insight visit"})
        for mid, date in (("prev", "2018-06-28"), ("cur", "2018-09-27")):
            meetings.append({
                "id": f"{c}-jac-{mid}", "force": c,
                "committee": "Joint Audit Committee", "date": date,
                "agenda_item": "5", "title": "HMICFRS update",
                "purpose": "To provide members of the Committee with "
                           "oversight of HMICFRS recommendations.",
                "assessment": f"{c}-peel-2018",
                "reviews": [{"report": reports[k]["id"],
                             "narrative": "Progress continues."}
                            for k in (0, 1)],
                "recommendations": "The Committee to note the report.",
                "contact": "p00001"})
    assessments.sort(key=lambda a: a["id"])
    activities.sort(key=lambda a: a["id"])
    meetings.sort(key=lambda m: m["id"])
    return assessments, activities, meetings


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--forces", type=int, default=43)
    ap.add_argument("--recs", type=int, default=100_000)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--reports", type=int, default=400)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("outdir")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    os.makedirs(a.outdir, exist_ok=True)

    forces = [{"code": f"F{i:02d}", "name": f"Synthetic Force {i:02d}"}
              for i in range(1, a.forces + 1)]
    people = [{"id": f"p{i:05d}", "name": f"Person {i:05d}",
               "title": "Superintendent"} for i in range(1, 501)]
    boards = [{"id": "b1", "name": "Improvement Board", "chair": "p00001"}]
    plans = [{"id": "pl1", "name": "Force Improvement Plan", "board": "b1"}]
    base = dt.date(2014, 1, 1)
    reports = []
    for i in range(1, a.reports + 1):
        pub = base + dt.timedelta(days=rnd.randrange(0, 365 * 8))
        reports.append({"id": f"r{i:04d}", "title": f"Synthetic report {i}",
                        "kind": "thematic", "style": "recommendations",
                        "published": iso(pub), "plan": "pl1", "_pub": pub})
    per_rec = a.events // a.recs
    extra = a.events - per_rec * a.recs
    recs = []
    csv_recs, csv_events = [], []
    for i in range(a.recs):
        rep = reports[rnd.randrange(len(reports))]
        force = forces[i % len(forces)]["code"]
        ts, months = TIMESCALES[rnd.randrange(len(TIMESCALES))]
        ref = f"{force}-{i:06d}"
        n = per_rec + (1 if i < extra else 0)
        d = rep["_pub"]
        tl = [{"date": iso(d), "author": "HMICFRS", "kind": "created"}]
        owner = people[rnd.randrange(len(people))]["id"]
        status = "open"
        for k in range(1, n):
            d = d + dt.timedelta(days=rnd.randrange(1, 20))
            last = k == n - 1
            if last and rnd.random() < 0.6 and status == "open":
                ev = {"date": iso(d), "author": "HMICFRS", "kind": "closed",
                      "basis": "Evidence reviewed by HMICFRS"}
                status = "closed"
            elif k == 1:
                ev = {"date": iso(d), "author": "Risk team", "kind": "owner",
                      "owner": owner}
            elif k % 3 == 2:
                ev = {"date": iso(d), "author": "Risk team", "kind": "rag",
                      "rag": ["red", "amber", "green"][rnd.randrange(3)]}
            else:
                ev = {"date": iso(d), "author": "Risk team", "kind": "update",
                      "text": f"Progress note {k} on {ref}: work continues."}
            tl.append(ev)
        rec = {"ref": ref, "report": rep["id"], "force": force,
               "area": AREAS[rnd.randrange(len(AREAS))],
               "kind": KINDS[rnd.randrange(len(KINDS))],
               "addressee": ADDRESSEES[rnd.randrange(len(ADDRESSEES))]}
        if ts:
            rec["timescale"] = ts
        rec["text"] = (f"{ts + ', f' if ts else 'F'}orces should review "
                       f"their arrangements for synthetic matter {i}.")
        rec["timeline"] = tl
        recs.append(rec)
        csv_recs.append([ref, rep["id"], force, rec["area"], rec["kind"],
                         rec["addressee"], ts or "", rec["text"]])
        for seq, ev in enumerate(tl):
            csv_events.append([ref, seq, ev["date"], ev["kind"], ev["author"],
                               ev.get("text", ""), ev.get("rag", ""),
                               ev.get("owner", ""), ev.get("basis", "")])
    recs.sort(key=lambda r: r["ref"])
    for r in reports:
        del r["_pub"]
    assessments, activities, meetings = per_force(rnd, forces, reports)
    doc = {"format": "oversight/1", "forces": forces, "people": people,
           "boards": boards, "plans": plans, "assessments": assessments,
           "reports": reports, "recommendations": recs,
           "activities": activities, "meetings": meetings}
    with open(os.path.join(a.outdir, "national.json"), "w",
              encoding="utf-8") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")
    for name, rows in (("recs.csv", csv_recs), ("events.csv", csv_events)):
        with open(os.path.join(a.outdir, name), "w", newline="",
                  encoding="utf-8") as f:
            csv.writer(f).writerows(rows)


if __name__ == "__main__":
    main()
