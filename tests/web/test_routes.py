#!/usr/bin/env python3
"""Every route and method of the web face, for every role: the status it
answers (the route x role table of issue 7).  The table must name every
route of src/web/routes.c, so a new route cannot go untested.

Roles: anon (no session), viewer, owner (its person owns OWN, not OTHER),
editor, admin.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ovweb  # noqa: E402

t = ovweb.Tap()
if not ovweb.has_user_command():
    print("1..0 # SKIP no user command")
    sys.exit(0)


def owners():
    """(a rec owned by someone, its owner, a rec owned by someone else)."""
    rc, out, err = ovweb.run("recs", "--format", "json", db=srv.db)
    rows = __import__("json").loads(out)
    rows = rows["recommendations"] if isinstance(rows, dict) else rows
    owned = [r for r in rows if r.get("owner") and r.get("status") == "open"]
    own = owned[0]
    other = next(r for r in rows if r.get("owner") != own["owner"]
                 and r.get("status") == "open")
    return own["ref"], own["owner"], other["ref"]


srv = ovweb.Server()
OWN, PERSON, OTHER = owners()
for login, role, person in (("viewer1", "viewer", None),
                            ("owner1", "owner", PERSON),
                            ("editor1", "editor", None),
                            ("admin1", "admin", None)):
    srv.add_user(login, role, person)
ROLES = ["anon", "viewer", "owner", "editor", "admin"]
MEETING = "jac-2018-09-27"
REPORT = "da-2017"


def note(extra=None):
    f = {"kind": "update", "date": "2026-11-30", "note": "Progress noted"}
    f.update(extra or {})
    return f


# (method, path, form or JSON body, {role: status}); "anon" is no session.
# A page without a session redirects to /login (303); the API says 401.
S = 303  # a page's redirect: to /login, or after a successful POST
R = {"anon": S, "viewer": 200, "owner": 200, "editor": 200, "admin": 200}
A = {"anon": 401, "viewer": 200, "owner": 200, "editor": 200, "admin": 200}
EDIT = {"anon": S, "viewer": 403, "owner": 403, "editor": S, "admin": S}
ADMIN = {"anon": S, "viewer": 403, "owner": 403, "editor": 403, "admin": S}
TABLE = [
    ("GET", "/assets/govuk-frontend.min.css", None,
     {r: 200 for r in ROLES}),
    ("GET", "/assets/oversight.css", None, {r: 200 for r in ROLES}),
    ("GET", "/login", None,
     {"anon": 200, "viewer": S, "owner": S, "editor": S, "admin": S}),
    ("POST", "/login", {"login": "x", "password": "y"},
     {r: 403 for r in ROLES}),  # without the form's token
    ("GET", "/", None, R),
    ("GET", "/recommendations", None, R),
    ("GET", "/recommendations?status=open&page=1", None, R),
    ("GET", "/recommendations/" + OWN, None, R),
    ("POST", "/recommendations/%s/events" % OWN, note(),
     {"anon": S, "viewer": 403, "owner": S, "editor": S, "admin": S}),
    ("POST", "/recommendations/%s/events" % OTHER, note(),
     {"anon": S, "viewer": 403, "owner": 403, "editor": S, "admin": S}),
    ("GET", "/reports", None, R),
    ("GET", "/reports/" + REPORT, None, R),
    ("GET", "/grades", None, R),
    ("GET", "/activities", None, R),
    ("GET", "/meetings", None, R),
    ("GET", "/meetings/" + MEETING, None, R),
    ("POST", "/meetings/" + MEETING, {"peel_note": "Noted."}, EDIT),
    ("POST", "/meetings/%s/preview" % MEETING, {"background": "*Hello*"},
     {"anon": S, "viewer": 403, "owner": 403, "editor": 200, "admin": 200}),
    ("GET", "/meetings/%s/paper?format=md" % MEETING, None, R),
    ("GET", "/meetings/%s/paper?format=pdf" % MEETING, None, R),
    ("GET", "/export?format=csv", None, R),
    ("GET", "/national", None, R),
    ("GET", "/national?as-at=2018-09-27", None, R),
    ("GET", "/national/reports/" + REPORT, None, R),
    ("GET", "/national/grades", None, R),
    ("GET", "/export?format=json", None, R),
    ("GET", "/accounts", None,
     {"anon": S, "viewer": 403, "owner": 403, "editor": 403, "admin": 200}),
    ("POST", "/accounts", {"login": "new-{role}", "role": "viewer",
                           "password": ovweb.PASSWORD,
                           "confirm": ovweb.PASSWORD}, ADMIN),
    ("POST", "/accounts/viewer2/password",
     {"password": ovweb.PASSWORD + "x", "confirm": ovweb.PASSWORD + "x"},
     ADMIN),
    ("POST", "/accounts/viewer2/disable", {}, ADMIN),
    ("GET", "/api/v1/session", None, A),
    ("GET", "/api/v1/recommendations", None, A),
    ("GET", "/api/v1/recommendations/" + OWN, None, A),
    ("POST", "/api/v1/recommendations/%s/events" % OWN,
     {"json": note()},
     {"anon": 401, "viewer": 403, "owner": 201, "editor": 201,
      "admin": 201}),
    ("GET", "/api/v1/reports", None, A),
    ("GET", "/api/v1/reports/" + REPORT, None, A),
    ("GET", "/api/v1/grades", None, A),
    ("GET", "/api/v1/activities", None, A),
    ("GET", "/api/v1/meetings", None, A),
    ("GET", "/api/v1/meetings/" + MEETING, None, A),
    ("GET", "/api/v1/national/summary", None, A),
    ("GET", "/api/v1/national/reports/" + REPORT, None, A),
    ("GET", "/api/v1/national/grades", None, A),
    ("POST", "/logout", {}, {r: S for r in ROLES}),
    # Not routes: unknown paths and methods.
    ("GET", "/no-such-page", None, {r: 404 for r in ROLES}),
    ("DELETE", "/recommendations", None, {r: 405 for r in ROLES}),
    ("GET", "/api/v1/nothing", None, {r: 404 for r in ROLES}),
]

clients = {}
for role, login in (("viewer", "viewer1"), ("owner", "owner1"),
                    ("editor", "editor1"), ("admin", "admin1")):
    c = srv.client()
    r = c.sign_in(login)
    t.ok(r.status == 303 and c.csrf, "%s signs in" % role,
         "status %d" % r.status)
    clients[role] = c
clients["anon"] = srv.client()
srv.add_user("viewer2", "viewer")

for method, path, body, want in TABLE:
    for role in ROLES:
        c = clients[role]
        p = path
        if body is not None and "json" in body:
            r = c.api_post(p, body["json"])
        elif method == "POST":
            form = {k: v.format(role=role) for k, v in body.items()}
            if path == "/login":
                r = c.request("POST", p, form=form)
            else:
                r = c.post(p, form)
        else:
            r = c.request(method, p)
        t.ok(r.status == want[role],
             "%s %s as %s: %d" % (method, path, role, want[role]),
             "got %d: %s" % (r.status, r.text[:300]))

# Every route of routes.c is in the table.
src = open(os.path.join(ovweb.SRC, "src/web/routes.c")).read()
routes = re.findall(r'"(GET|POST)", "(/[^"]*)"', src)
tested = [(m, p.split("?")[0]) for m, p, _, _ in TABLE]


def covered(method, pattern):
    rx = "^" + re.escape(pattern).replace(r"\*\*", ".+").replace(
        r"\*", "[^/]+") + "$"
    return any(m == method and re.match(rx, p) for m, p in tested)


missing = [m + " " + p for m, p in routes if not covered(m, p)]
t.ok(len(routes) > 30 and not missing, "the table covers all %d routes"
     % len(routes), "missing: %s" % missing)

# After logout the old session is dead on the server too.
c = srv.client()
c.sign_in("editor1")
old = dict(c.cookies)
c.post("/logout", {})
c.cookies = old
r = c.get("/api/v1/session")
t.ok(r.status == 401, "a session ended by logout is refused afterwards",
     r.status)
srv.stop()
t.ok(srv.status == 0, "the server stops cleanly on SIGTERM",
     "exit %s" % srv.status)
t.done()
