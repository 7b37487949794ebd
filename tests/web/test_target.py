#!/usr/bin/env python3
"""A revised target date through the web (issue 10): the rec page's
"Revise target date" form records a target-revised event through the
app call the CLI's `rec revise-target` makes; the page shows the original
due date, the revised target, why and when; `rec show` and the export
have it; bad input (no reason, a bad date, a closed rec, no CSRF token)
is refused by the field and writes nothing; the JSON API takes the kind;
an event known only to its month shows as the month."""
import datetime
import html
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ovweb  # noqa: E402

t = ovweb.Tap()
if not ovweb.has_user_command():
    print("1..0 # SKIP no user command")
    sys.exit(0)

# The demo with one status change known only to its month: the first
# whose month's first day still follows the event before it.
with open(ovweb.DEMO) as f:
    demo = json.load(f)
month_ref = month_label = None
for rec in demo["recommendations"]:
    tl = rec.get("timeline") or []
    for i in range(1, len(tl)):
        e = tl[i]
        d = datetime.date.fromisoformat(e["date"])
        first = d.replace(day=1)
        if (e["kind"] in ("closed", "closure-proposed") and "precision" not in e
                and datetime.date.fromisoformat(tl[i - 1]["date"]) <= first
                and all(datetime.date.fromisoformat(x["date"]) >= d
                        for x in tl[i + 1:])):
            e["date"] = first.isoformat()
            e["precision"] = "month"
            month_ref, month_label = rec["ref"], first.strftime("%B %Y")
            break
    if month_ref:
        break
tmp = tempfile.mkdtemp(prefix="ov-target-")
demo_path = os.path.join(tmp, "demo.json")
with open(demo_path, "w") as f:
    json.dump(demo, f)
ovweb.DEMO = demo_path

srv = ovweb.Server(accounts=[("editor1", "editor", None),
                             ("viewer1", "viewer", None)])
c = srv.client()
t.ok(c.sign_in("editor1").status == 303, "sign in as an editor")

LIVE, CLOSED = "DA-2017-01", "NCPI-2014-01"
today = datetime.date.today().isoformat()
ev_path = "/recommendations/%s/events"


def timeline(ref):
    r = c.get("/api/v1/recommendations/" + ref)
    return r.json()["recommendation"]["timeline"]


def targets(ref):
    return [e for e in timeline(ref) if e["kind"] == "target-revised"]


page = c.get("/recommendations/" + LIVE).text
t.ok("Revise target date" in page and 'name="reason"' in page
     and 'value="target-revised"' in page,
     "a live rec's page offers the Revise target date form")
t.ok("Revise target date" not in c.get("/recommendations/" + CLOSED).text,
     "a closed rec's page does not")
v = srv.client()
t.ok(v.sign_in("viewer1").status == 303, "sign in as a viewer")
t.ok("Revise target date" not in v.get("/recommendations/" + LIVE).text,
     "a viewer is not offered the form")

# Bad input: each refused by its field, the input kept, nothing written.
bad = [
    ({"target": "2027-03-31", "reason": "  "}, "reason",
     "Enter why the target date moved", "no reason"),
    ({"target": "2027-02-30", "reason": "Waiting on IT"}, "target",
     "Enter the new target date", "an impossible date"),
    ({"target": "31/03/2027", "reason": "Waiting on IT"}, "target",
     "Enter the new target date", "a date not YYYY-MM-DD"),
    ({"reason": "Waiting on IT"}, "target", "Enter the new target date",
     "no target date"),
]
for extra, field, msg, name in bad:
    form = {"kind": "target-revised", "date": today}
    form.update(extra)
    r = c.post(ev_path % LIVE, form)
    t.ok(r.status == 400 and msg in r.text, name + ": 400 with the message",
         (r.status, r.text[:300]))
    t.ok('govuk-error-summary' in r.text and 'href="#%s"' % field in r.text
         and 'govuk-error-message' in r.text and r.text.count(msg) >= 2
         and 'id="%s"' % field in r.text,
         name + ": in the error summary and by the field", r.text[:300])
    kept = extra.get("reason", "").strip()
    t.ok((not kept or html.escape(kept) in r.text) and
         ("target" not in extra or 'value="%s"' % extra["target"] in r.text),
         name + ": the input kept")
t.ok(targets(LIVE) == [], "... and nothing was written")

r = c.post(ev_path % CLOSED, {"kind": "target-revised", "date": today,
                              "target": "2027-03-31",
                              "reason": "Too late for this"})
t.ok(400 <= r.status < 500, "a closed rec: refused with a 4xx", r.status)
t.ok(targets(CLOSED) == [], "... and nothing was written")

r = c.post(ev_path % LIVE, {"kind": "target-revised", "date": today,
                            "target": "2027-03-31", "reason": "x",
                            "csrf": "forged"})
t.ok(r.status == 403, "a wrong CSRF token: 403", r.status)
r = c.request("POST", ev_path % LIVE,
              form={"kind": "target-revised", "date": today,
                    "target": "2027-03-31", "reason": "x"})
t.ok(r.status == 403, "no CSRF token: 403", r.status)
t.ok(targets(LIVE) == [], "... and nothing was written")

# The form records it.
reason = "New case system delayed <until> spring"
r = c.post(ev_path % LIVE, {"kind": "target-revised", "date": today,
                            "target": "2027-03-31", "reason": reason})
t.ok(r.status == 303, "the form records a revised target: 303", r.status)
page = c.get("/recommendations/" + LIVE).text
t.ok("Revised target" in page and "2027-03-31" in page
     and html.escape(reason, quote=False) in page
     and "<until>" not in page,
     "the page shows the revised target and why, escaped")
t.ok("Target moved on" in page and "Target revised" in page
     and "New target 2027-03-31" in page,
     "... when it moved, and the timeline's event reads sensibly")
t.ok(">Due<" in page or "Due</dt>" in page,
     "... and the original due date is still shown")
got = targets(LIVE)
t.ok(len(got) == 1 and got[0].get("target") == "2027-03-31"
     and got[0].get("reason") == reason
     and got[0].get("author") == "editor1",
     "the API's timeline has the event", got)

rc, out, err = ovweb.run("rec", "show", LIVE, db=srv.db)
t.ok(rc == 0 and "2027-03-31" in out and reason in out,
     "oversight rec show has the revised target and why", out + err)
rc, out, err = ovweb.run("export", db=srv.db)
t.ok(rc == 0 and '"target-revised"' in out and '"2027-03-31"' in out,
     "the export has the event", err)

# The API takes the kind too, and refuses it without a reason.
r = c.api_post("/api/v1" + ev_path % LIVE,
               {"kind": "target-revised", "date": today,
                "target": "2027-06-30"})
t.ok(r.status == 400 and any((e.get("where") or "").endswith("reason")
                             for e in r.json().get("errors", [])),
     "API: no reason is a 400 at reason", r.text[:300])
r = c.api_post("/api/v1" + ev_path % LIVE,
               {"kind": "target-revised", "date": today,
                "target": "2027-06-30", "reason": "Supplier slipped"})
t.ok(r.status in (200, 201) and
     r.json()["recorded"][0].get("target") == "2027-06-30",
     "API: a revised target is recorded", r.text[:300])
page = c.get("/recommendations/" + LIVE).text
t.ok("2027-06-30" in page and "Supplier slipped" in page,
     "the page shows the latest target in force")

# A status change known only to its month.
if month_ref is None:
    t.skip("month precision", "the demo has no event to make one")
else:
    page = c.get("/recommendations/" + month_ref).text
    t.ok('<td class="govuk-table__cell">%s</td>' % month_label in page,
         "an event known to its month shows as '%s'" % month_label,
         month_ref)

srv.stop()
t.done()
