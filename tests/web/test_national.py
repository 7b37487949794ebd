#!/usr/bin/env python3
"""The national view on the web (/national, /national/reports/ID,
/national/grades and their API calls) on the four-force fixture
tests/cli/fixtures/national.json, and accounts bound to a force: such an
account sees its own force's figures only, there and in the register,
a recommendation, the PEEL grades and the activities; another force's
recommendation is not found, and asking for another force is refused.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ovweb  # noqa: E402

t = ovweb.Tap()
if not ovweb.has_user_command():
    print("1..0 # SKIP no user command")
    sys.exit(0)

NAT = os.path.join(ovweb.SRC, "tests", "cli", "fixtures", "national.json")
srv = ovweb.Server(start=False)
rc, out, err = ovweb.run("import", "--replace", NAT, db=srv.db)
t.ok(rc == 0, "the national fixture replaces the demo", err)
srv.add_user("nat", "viewer")
srv.add_user("ccc", "editor", force="CCC")
srv.start()
nat, ccc = srv.client(), srv.client()
t.ok(nat.sign_in("nat").status == 303, "a national viewer signs in")
t.ok(ccc.sign_in("ccc").status == 303, "an editor bound to CCC signs in")

D = "?as-at=2020-06-30"

# ---- the whole nation ----
r = nat.get("/api/v1/national/summary" + D)
t.ok(r.status == 200, "GET /api/v1/national/summary", r.text[:300])
f = {x["force"]: x for x in r.json()["forces"]}
t.ok(list(f) == ["AAA", "BBB", "CCC", "DDD"], "... every force", list(f))
t.ok((f["BBB"]["closure-proposed"], f["BBB"]["overdue"], f["BBB"]["red"])
     == (1, 1, 1) and f["CCC"]["open"] == 3 and f["AAA"]["closed_recent"] == 1,
     "... the figures as the command line counts them", f)

r = nat.get("/api/v1/national/reports/vuln-2019" + D)
t.ok(r.status == 200, "GET /api/v1/national/reports/vuln-2019", r.text[:300])
recs = {x["ref"]: x for x in r.json()["recommendations"]}
t.ok(r.json()["forces"] == 4 and recs["VU-AAA-1"]["forces"] == 3 and
     recs["VU-AAA-1"]["overdue"] == 2 and recs["VU-AAA-2"]["open"] == 3,
     "... each recommendation across forces", recs)
r = nat.get("/api/v1/national/reports/nope")
t.ok(r.status == 404 and r.json()["errors"][0]["where"] == "report",
     "... an unknown report: 404 at report", r.text[:200])
r = nat.get("/api/v1/national/summary?as-at=2020-02-30")
t.ok(r.status == 400 and r.json()["errors"][0]["where"] == "as-at",
     "... a bad date: 400 at as-at", r.text[:200])
r = nat.get("/api/v1/national/summary?force=ZZZ")
t.ok(r.status == 404 and r.json()["errors"][0]["where"] == "force",
     "... an unknown force: 404 at force", r.text[:200])

r = nat.get("/api/v1/national/grades" + D)
t.ok(r.status == 200, "GET /api/v1/national/grades", r.text[:300])
q = {x["key"]: x for x in r.json()["questions"]}
t.ok(q["q-efficient"]["grades"]["AAA"] ==
     {"grade": "requires-improvement", "carried_from": "aaa-peel-2017"} and
     q["q-vuln"]["distribution"]["not-known"] == 3 and
     q["q-effective"]["distribution"]["adequate"] == 1,
     "... carry-forward and the distribution on both scales", q)

for path, words in (("/national" + D, ["Alphashire Police",
                                       "Deltashire Police",
                                       "/national/reports/vuln-2019"]),
                    ("/national/reports/vuln-2019" + D,
                     ["VU-AAA-1", "4 forces hold its recommendations"]),
                    ("/national/grades" + D,
                     ["Protecting vulnerable people", "Carried forward from",
                      "Gammashire Police"])):
    r = nat.get(path)
    t.ok(r.status == 200 and all(w in r.text for w in words),
         "GET %s shows %s" % (path, words), r.text[:300])
r = nat.get("/national?as-at=2020-13-01")
t.ok(r.status == 400 and "Enter the as-at date" in r.text,
     "/national with a bad date: 400 saying so", r.status)
r = nat.get("/national/reports/nope")
t.ok(r.status == 404, "/national/reports/nope: 404", r.status)
t.ok('href="/national"' in nat.get("/").text,
     "the navigation links the national view")

# Pages a national account has made (and the server cached) first.
t.ok(nat.get("/recommendations").status == 200 and
     "Alphashire Police" in nat.get("/").text,
     "the national account's register and dashboard")

# ---- an account bound to CCC ----
r = ccc.get("/api/v1/session")
t.ok(r.status == 200 and r.json()["force"] == "CCC",
     "the session says the account is bound to CCC", r.text[:200])
r = ccc.get("/api/v1/national/summary" + D)
t.ok(r.status == 200 and [x["force"] for x in r.json()["forces"]] == ["CCC"],
     "bound to CCC: the summary by force is CCC's alone", r.text[:300])
r = ccc.get("/api/v1/national/reports/vuln-2019" + D)
t.ok(r.status == 200 and r.json()["forces"] == 1 and
     [x["ref"] for x in r.json()["recommendations"]] ==
     ["VU-CCC-1", "VU-CCC-2"], "... the report across forces: CCC's copies",
     r.text[:300])
r = ccc.get("/api/v1/national/grades" + D)
t.ok(r.status == 200 and [x["force"] for x in r.json()["forces"]] == ["CCC"]
     and all(list(x["grades"]) == ["CCC"] for x in r.json()["questions"]),
     "... the grades across forces: CCC's", r.text[:300])
r = ccc.get("/national" + D)
t.ok(r.status == 200 and "Gammashire Police" in r.text and
     "Alphashire Police" not in r.text, "... the page: CCC alone")
r = ccc.get("/api/v1/national/summary?force=AAA")
t.ok(r.status == 403 and r.json()["errors"][0]["where"] == "force",
     "... asking for another force: 403 at force", r.text[:200])
r = ccc.get("/national?force=AAA")
t.ok(r.status == 403, "... the page for another force: 403", r.status)
r = ccc.get("/api/v1/recommendations?limit=500")
refs = sorted(x["ref"] for x in r.json()["recommendations"])
t.ok(r.status == 200 and refs == ["LC-CCC-1", "VU-CCC-1", "VU-CCC-2"],
     "... the register: CCC's recommendations alone", refs)
r = ccc.get("/recommendations")
t.ok(r.status == 200 and "VU-CCC-1" in r.text and "VU-AAA-1" not in r.text,
     "... the register's page: CCC's alone")
r = ccc.get("/")
t.ok(r.status == 200 and "Gammashire Police" in r.text and
     "Alphashire Police" not in r.text,
     "... the dashboard: CCC's (not the national one cached)")
r = ccc.get("/reports/vuln-2019")
t.ok(r.status == 200 and "VU-CCC-1" in r.text and "VU-AAA-1" not in r.text,
     "... a report's page: its own recommendations of it")
r = ccc.get("/api/v1/reports/vuln-2019")
t.ok(r.status == 200 and "VU-AAA-1" not in r.text and "VU-CCC-1" in r.text,
     "... and its API", r.text[:300])
r = ccc.get("/api/v1/recommendations/VU-AAA-1")
t.ok(r.status == 404, "... another force's recommendation: 404", r.status)
r = ccc.get("/recommendations/VU-AAA-1")
t.ok(r.status == 404, "... its page: 404", r.status)
t.ok(ccc.get("/recommendations/VU-CCC-1").status == 200,
     "... its own: 200")
r = ccc.api_post("/api/v1/recommendations/VU-AAA-2/events",
                 {"kind": "update", "date": "2026-11-30",
                  "note": "Written across the force line"})
t.ok(r.status == 404, "... recording an event on another force's: 404",
     r.text[:200])
rc, out, err = ovweb.run("rec", "show", "VU-AAA-2", db=srv.db)
t.ok(rc == 0 and "VU-AAA-2" in out and "across the force line" not in out,
     "... and nothing is written", out[-300:])
r = ccc.api_post("/api/v1/recommendations/VU-CCC-1/events",
                 {"kind": "update", "date": "2026-11-30", "note": "Noted"})
t.ok(r.status == 201, "... an event on its own: 201", r.text[:200])
r = ccc.get("/api/v1/grades?as-at=2020-06-30")
t.ok(r.status == 200 and r.json()["assessment"]["force"] == "CCC",
     "... the PEEL grades: its own without asking", r.text[:200])
t.ok(ccc.get("/api/v1/grades?force=AAA").status == 403,
     "... another force's grades: 403")
r = ccc.get("/api/v1/activities")
t.ok(r.status == 200 and r.json()["activities"] == [],
     "... the activities: CCC's (none)", r.text[:200])
# An admin binds an account to a force through /accounts.
srv.add_user("boss", "admin")
boss = srv.client()
boss.sign_in("boss")
r = boss.post("/accounts", {"login": "bbb.viewer", "role": "viewer",
                            "force": "BBB", "password": ovweb.PASSWORD,
                            "confirm": ovweb.PASSWORD})
t.ok(r.status == 303, "POST /accounts with a force adds the account",
     r.text[:300])
r = boss.post("/accounts", {"login": "zzz.viewer", "role": "viewer",
                            "force": "ZZZ", "password": ovweb.PASSWORD,
                            "confirm": ovweb.PASSWORD})
t.ok(r.status == 400 and "no force" in r.text,
     "... an unknown force is refused, saying so", r.status)
rc, out, err = ovweb.run("user", "list", "--json", db=srv.db)
acc = {a["login"]: a["force"] for a in __import__("json").loads(out)}
t.ok(acc.get("bbb.viewer") == "BBB" and "zzz.viewer" not in acc,
     "... bound to BBB, and nothing else written", acc)
bbb = srv.client()
bbb.sign_in("bbb.viewer")
r = bbb.get("/api/v1/national/summary")
t.ok(r.status == 200 and [x["force"] for x in r.json()["forces"]] == ["BBB"],
     "... it sees BBB alone", r.text[:200])

r = nat.get("/api/v1/recommendations?limit=500")
t.ok(len(r.json()["recommendations"]) == 10,
     "an account bound to no force sees every force's", r.status)

srv.stop()
t.ok(srv.status == 0, "the server stops cleanly", srv.status)
t.done()
