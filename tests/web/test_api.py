#!/usr/bin/env python3
"""The JSON API (src/web/api.c) against its description, docs/openapi.json.

A fresh register with the demo data and an editor account, `oversight
serve` on a free port of 127.0.0.1, a real sign-in through POST /login;
then every call of /api/v1: good requests and bad ones.  Each answer's
status is checked, and its body is validated against the schema the
OpenAPI document gives for that path, method and status.  The server is
always stopped at the end (SIGTERM, as a user's Ctrl-C would), also when
a check fails or the test is killed, and must then exit 0: under ASan
that is also its leak check.

Environment: OV_BIN (the program; else OV_BUILDDIR/oversight), OV_SRCDIR
(the source tree).  Python 3's standard library and python3-jsonschema
(Debian's; scripts/debian-packages.txt).  Speaks TAP; skips as a whole
while the program has no `user` command.
"""
import datetime
import json
import os
import re
import sys
import traceback
import urllib.parse

import ovweb

try:
    import jsonschema
except ImportError:
    # A Python of its own (a virtualenv, pyenv) does not see Debian's
    # packages; the Debian package is what scripts/install-deps.sh puts in.
    sys.path.append("/usr/lib/python3/dist-packages")
    try:
        import jsonschema
    except ImportError:
        print("Bail out! python3-jsonschema is not installed "
              "(scripts/debian-packages.txt)")
        sys.exit(1)

SPEC_PATH = os.path.join(ovweb.SRC, "docs", "openapi.json")
ROUTES = os.path.join(ovweb.SRC, "src", "web", "routes.c")

LOGIN, ROLE = "editor1", "editor"


T = ovweb.Tap(detail_lines=40)


# ---- the OpenAPI document ----

class Spec:
    """Paths, methods and statuses of docs/openapi.json, and validation of
    bodies against their schemas, $refs resolved in the document's
    components."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.doc = json.load(f)
        self.templates = []
        for p in self.doc["paths"]:
            rx = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(p)) + "$"
            self.templates.append((re.compile(rx), p))
        self.validated = 0

    def _resolve(self, obj):
        while isinstance(obj, dict) and "$ref" in obj and \
                not obj["$ref"].startswith("#/components/schemas/"):
            node = self.doc
            for part in obj["$ref"].lstrip("#/").split("/"):
                node = node[part]
            obj = node
        return obj

    def template(self, url_path):
        for rx, p in self.templates:
            if rx.match(url_path):
                return p
        return None

    def response_schema(self, url_path, method, status):
        p = self.template(url_path)
        if p is None:
            raise KeyError("no path in the document matches %s" % url_path)
        op = self.doc["paths"][p].get(method.lower())
        if op is None:
            raise KeyError("%s has no %s" % (p, method))
        rs = op["responses"]
        r = rs.get(str(status)) or rs.get("default")
        if r is None:
            raise KeyError("%s %s has no response %s" % (method, p, status))
        r = self._resolve(r)
        return r["content"]["application/json"]["schema"]

    def schema(self, name):
        return {"$ref": "#/components/schemas/" + name}

    def validator(self, schema):
        # The schema, with the components beside it so that its $refs
        # ("#/components/schemas/...") resolve within this one document.
        root = dict(schema)
        root["components"] = self.doc["components"]
        return jsonschema.Draft202012Validator(
            root, format_checker=jsonschema.FormatChecker())

    def errors(self, schema, value):
        v = self.validator(schema)
        return ["%s: %s" % ("/".join(str(x) for x in e.absolute_path) or "$",
                            e.message)
                for e in v.iter_errors(value)]


# ---- the checks ----

class Api:
    """Calls that check status, content type and schema, one TAP line
    each."""

    def __init__(self, spec, client):
        self.spec = spec
        self.c = client

    def call(self, method, path, want, body=None, headers=None, what=None,
             json_body=True):
        hdrs = dict(headers or {})
        data = None
        if body is not None:
            if json_body and not isinstance(body, (bytes, str)):
                data = json.dumps(body).encode()
            else:
                data = body.encode() if isinstance(body, str) else body
            hdrs.setdefault("Content-Type", "application/json")
        a = self.c.request(method, path, data, hdrs)
        label = "%s %s -> %s" % (method, path, "/".join(
            str(w) for w in (want if isinstance(want, tuple) else (want,))))
        if what:
            label += ": " + what
        problems = self.check(method, path, a, want)
        T.ok(not problems, label, "\n".join(problems))
        return a

    def check(self, method, path, a, want):
        wants = want if isinstance(want, tuple) else (want,)
        out = []
        if a.status not in wants:
            out.append("status %d, wanted %s" % (a.status, wants))
        ct = a.header("Content-Type") or ""
        if not ct.startswith("application/json"):
            out.append("Content-Type %r" % ct)
        if a.json_error:
            out.append("the body is not JSON: " + a.json_error)
        if a.header("X-Content-Type-Options") != "nosniff":
            out.append("no X-Content-Type-Options: nosniff")
        if a.data is not None:
            url_path = urllib.parse.urlsplit(path).path
            try:
                schema = self.spec.response_schema(url_path, method,
                                                   a.status)
                errs = self.spec.errors(schema, a.data)
                self.spec.validated += 1
                out += ["schema: " + e for e in errs[:20]]
            except KeyError as e:
                out.append(str(e))
        if out:
            out.append("body: " + a.body[:1500].decode("utf-8", "replace"))
        return out


def where_of(a):
    try:
        return [e.get("where") for e in a.data["errors"]]
    except (TypeError, KeyError, AttributeError):
        return []


def check_document(spec):
    doc = spec.doc
    T.ok(doc.get("openapi") == "3.1.0", "docs/openapi.json is OpenAPI 3.1.0")
    bad = []
    for name, s in doc["components"]["schemas"].items():
        try:
            jsonschema.Draft202012Validator.check_schema(s)
        except jsonschema.SchemaError as e:
            bad.append("%s: %s" % (name, e.message))
    T.ok(not bad, "every schema of docs/openapi.json is a valid JSON Schema",
         "\n".join(bad))
    schemes = doc["components"].get("securitySchemes", {})
    T.ok(schemes.get("session") == {**schemes.get("session", {}),
                                    "type": "apiKey", "in": "cookie",
                                    "name": "ov_session"},
         "the session cookie is the security scheme")
    # The route table and the document name the same calls.
    with open(ROUTES, encoding="utf-8") as f:
        routes = set()
        for m, p in re.findall(r'API\("(GET|POST)",\s*"(/api/v1[^"]*)"',
                               f.read()):
            n = [0]

            def name(_):
                n[0] += 1
                return "{%d}" % n[0]
            routes.add((m.lower(), re.sub(r"\*", name, p)))
    documented = set()
    for p, ops in doc["paths"].items():
        generic = re.sub(r"\{[^}]+\}", "{}", p)
        for m in ops:
            documented.add((m, generic))
    routes = {(m, re.sub(r"\{\d+\}", "{}", p)) for m, p in routes}
    T.ok(routes and routes == documented,
         "every /api/v1 route of src/web/routes.c is documented, and only "
         "those (%d)" % len(routes),
         "routes only: %s\ndocument only: %s"
         % (sorted(routes - documented), sorted(documented - routes)))
    missing = []
    for p, ops in doc["paths"].items():
        for m, op in ops.items():
            for code in ("400", "401", "403"):
                if code not in op["responses"]:
                    missing.append("%s %s: %s" % (m, p, code))
            if m == "post":
                for code in ("201", "404", "409"):
                    if code not in op["responses"]:
                        missing.append("%s %s: %s" % (m, p, code))
    T.ok(not missing, "every call documents its problem statuses",
         "\n".join(missing))
    return routes


def check_unauthenticated(spec, port, today):
    """Every call without a session (none, or a made-up one) is 401."""
    paths = [("GET", "/api/v1/session"),
             ("GET", "/api/v1/recommendations?status=open"),
             ("GET", "/api/v1/recommendations/SF-2017-R05"),
             ("GET", "/api/v1/reports"),
             ("GET", "/api/v1/reports/da-2017"),
             ("GET", "/api/v1/grades"),
             ("GET", "/api/v1/activities"),
             ("GET", "/api/v1/meetings"),
             ("GET", "/api/v1/meetings/jac-2018-09-27"),
             ("POST", "/api/v1/recommendations/SF-2017-R05/events")]
    anon = Api(spec, ovweb.Client(port))
    for m, p in paths:
        body = {"kind": "update", "date": today, "note": "x"} \
            if m == "POST" else None
        anon.call(m, p, 401, body, {"X-CSRF-Token": "x"} if body else None,
                  "no session")
    forged = ovweb.Client(port)
    for m, p in paths[:2] + paths[-1:]:
        body = {"kind": "update", "date": today, "note": "x"} \
            if m == "POST" else None
        Api(spec, forged).call(
            m, p, 401, body,
            {"Cookie": "ov_session=" + "A" * 43, **(
                {"X-CSRF-Token": "x"} if body else {})},
            "a session cookie that is not one")
    return len(paths)


def check_reads(api, spec):
    a = api.call("GET", "/api/v1/session", 200)
    csrf = None
    if a.data:
        T.ok(a.data.get("login") == LOGIN and a.data.get("role") == ROLE,
             "the session is the account signed in", a.data)
        csrf = a.data.get("csrf")

    a = api.call("GET", "/api/v1/recommendations", 200)
    total = a.data["total"] if a.data else 0
    T.ok(a.data and total == 24 and len(a.data["recommendations"]) == 24
         and a.data["page"] == 1 and a.data["limit"] == 50,
         "the whole demo register: 24 rows, page 1 of 50",
         a.data and {k: a.data[k] for k in ("total", "page", "limit")})
    a = api.call("GET", "/api/v1/recommendations?status=open&sort=due"
                 "&limit=5&page=2", 200)
    if a.data:
        rows = a.data["recommendations"]
        T.ok(len(rows) <= 5 and all(r["status"] == "open" for r in rows)
             and a.data["page"] == 2 and a.data["limit"] == 5,
             "status, sort, limit and page are applied",
             [(r["ref"], r["status"]) for r in rows])
    a = api.call("GET", "/api/v1/recommendations?report=da-2017&rag=amber"
                 "&as-at=2018-09-27&overdue=", 200)
    if a.data:
        rows = a.data["recommendations"]
        T.ok(rows and all(r["report"] == "da-2017" and r["rag"] == "amber"
                          for r in rows) and a.data["as_at"] == "2018-09-27",
             "report, rag and as-at are applied (an empty overdue is not "
             "given)", [(r["ref"], r["rag"]) for r in rows])
    a = api.call("GET", "/api/v1/national/summary?as-at=2018-09-27", 200)
    T.ok(a.data and [f["force"] for f in a.data["forces"]] == ["WMP"]
         and a.data["forces"][0]["recs"] > 0,
         "the summary by force: the demo's one force", a.data)
    a = api.call("GET", "/api/v1/national/reports/da-2017", 200)
    T.ok(a.data and a.data["report"] == "da-2017" and a.data["forces"] == 1
         and all(r["forces"] == 1 for r in a.data["recommendations"]),
         "a report across forces: one force holds each", a.data)
    a = api.call("GET", "/api/v1/national/grades?as-at=2018-09-27", 200)
    T.ok(a.data and a.data["questions"] and
         all(sum(q["distribution"].values()) == 1
             for q in a.data["questions"]),
         "the grades across forces: one force counted per question")
    api.call("GET", "/api/v1/national/reports/nope", 404,
             what="an unknown report")
    api.call("GET", "/api/v1/national/grades?as-at=soon", 400,
             what="a bad date")
    api.call("GET", "/api/v1/national/summary?force=NOPE", 404,
             what="an unknown force")
    a = api.call("GET", "/api/v1/recommendations?as-at=2010-01-01", 200)
    T.ok(a.data and a.data["total"] == 0,
         "nothing is listed before the register began")
    bad = [("status=bogus", "status"), ("rag=purple", "rag"),
           ("sort=size", "sort"), ("page=0", "page"), ("page=x", "page"),
           ("limit=501", "limit"), ("limit=-1", "limit"),
           ("as-at=2018-02-30", "as-at"), ("due-before=soon", "due-before"),
           ("overdue=perhaps", "overdue"), ("colour=red", "colour"),
           ("status=open&status=closed", "status")]
    for qs, where in bad:
        a = api.call("GET", "/api/v1/recommendations?" + qs, 400,
                     what="names %s" % where)
        T.ok(where in where_of(a), "the problem is at '%s'" % where,
             where_of(a))
    # A force the register does not hold is not an empty list (issue 6).
    a = api.call("GET", "/api/v1/recommendations?force=NOPE", 404,
                 what="an unknown force")
    T.ok("force" in where_of(a), "the problem is at 'force'", where_of(a))
    a = api.call("GET", "/api/v1/recommendations?status=bogus&page=0", 400)
    T.ok(set(where_of(a)) >= {"status", "page"},
         "every bad parameter is named at once", where_of(a))

    a = api.call("GET", "/api/v1/recommendations/SF-2017-R05", 200)
    if a.data:
        j = a.data
        T.ok(j["recommendation"]["ref"] == "SF-2017-R05"
             and j["state"]["ref"] == "SF-2017-R05"
             and j["state"]["status"] == "open"
             and j["state"]["owner"] == "acc-crime"
             and j["report"]["id"] == j["recommendation"]["report"]
             and len(j["recommendation"]["timeline"]) >= 2
             and j["recommendation"]["timeline"][0]["kind"] == "created",
             "one recommendation: its fields, timeline and state",
             json.dumps(j)[:800])
    a = api.call("GET", "/api/v1/recommendations/SF-2017-R05?as-at=2017-11-01",
                 200)
    T.ok(a.data and a.data["state"]["owner"] is None
         and a.data["state"]["rag"] is None and a.data["later"] >= 2,
         "as at a date: the state then, later events counted",
         a.data and a.data["state"])
    a = api.call("GET", "/api/v1/recommendations/SF-2017-R05?as-at=2001-01-01",
                 200)
    T.ok(a.data and a.data["state"]["status"] is None,
         "as at a date before it was made: no status")
    api.call("GET", "/api/v1/recommendations/NO-SUCH-REF", 404)
    api.call("GET", "/api/v1/recommendations/%E2%80%94", 404,
             what="a ref in UTF-8")
    a = api.call("GET", "/api/v1/recommendations/SF-2017-R05?as-at=yesterday",
                 400)
    T.ok("as-at" in where_of(a), "the problem is at 'as-at'", where_of(a))
    a = api.call("GET", "/api/v1/recommendations/SF-2017-R05?page=2", 400)
    T.ok("page" in where_of(a), "a parameter a call does not take is "
         "named", where_of(a))

    a = api.call("GET", "/api/v1/reports", 200)
    if a.data:
        reps = {r["report"]["id"]: r["n_recommendations"]
                for r in a.data["reports"]}
        T.ok(len(reps) == 5 and sum(reps.values()) == 24
             and reps.get("stolen-freedom-2017") == 11,
             "every report with its number of recommendations", reps)
    a = api.call("GET", "/api/v1/reports/stolen-freedom-2017?as-at=2018-09-27",
                 200)
    if a.data:
        c = a.data["counts"]
        T.ok(len(a.data["recommendations"]) == 11 and c["total"] == 11
             and sum(c["by_status"].values()) == 11
             and sum(c["by_rag"].values())
             == c["by_status"]["open"] + c["by_status"]["closure-proposed"],
             "a report: its refs, and counts that add up", c)
    api.call("GET", "/api/v1/reports/no-such-report", 404)
    api.call("GET", "/api/v1/reports/da-2017?as-at=2018-13-01", 400)

    a = api.call("GET", "/api/v1/grades?as-at=2018-09-27", 200)
    if a.data:
        grid, qs = a.data["grid"], a.data["assessment"]["questions"]
        T.ok(len(grid) == len(qs) and all(
            g["key"] == q["key"] for g, q in zip(grid, qs))
             and any(g["carried"] and g["carried_from"] for g in grid)
             and any(g["grade"] == "to-be-inspected" and g["inspect"]
                     for g in grid),
             "the PEEL grid: a cell per question, carry-forward marked",
             grid[:3])
        first = a.data["assessment"]["id"]
    else:
        first = "x"
    a = api.call("GET", "/api/v1/grades?assessment=wmp-peel-2017", 200)
    T.ok(a.data and a.data["assessment"]["id"] == "wmp-peel-2017",
         "grades of a chosen assessment (the current one was %s)" % first)
    api.call("GET", "/api/v1/grades?assessment=no-such", 404)
    api.call("GET", "/api/v1/grades?force=NOPE", (400, 404))
    api.call("GET", "/api/v1/grades?as-at=31/12/2018", 400)

    a = api.call("GET", "/api/v1/activities", 200)
    n_all = len(a.data["activities"]) if a.data else 0
    T.ok(n_all == 15, "every activity (15)", n_all)
    a = api.call("GET", "/api/v1/activities?from=2018-09-01&to=2018-09-30"
                 "&force=WMP", 200)
    T.ok(a.data and 0 < len(a.data["activities"]) < n_all
         and all(x["to"] >= "2018-09-01" and x["from"] <= "2018-09-30"
                 for x in a.data["activities"]),
         "activities in a period")
    a = api.call("GET", "/api/v1/activities?from=2018-10-01&to=2018-09-01",
                 400)
    T.ok("to" in where_of(a), "a period that ends before it starts",
         where_of(a))
    api.call("GET", "/api/v1/activities?force=NOPE", 404)
    api.call("GET", "/api/v1/activities?from=2018-9-1", 400)

    a = api.call("GET", "/api/v1/meetings", 200)
    ids = [m["id"] for m in a.data["meetings"]] if a.data else []
    T.ok(len(ids) == 2, "every meeting", ids)
    for i in ids:
        a = api.call("GET", "/api/v1/meetings/" + i, 200)
        T.ok(a.data and a.data["meeting"]["id"] == i, "meeting %s" % i)
    api.call("GET", "/api/v1/meetings/no-such-meeting", 404)
    api.call("GET", "/api/v1/meetings?x=1", 400)
    api.call("GET", "/api/v1/reports?as-at=2018-01-01", 400,
             what="the list takes no parameters")
    return csrf


def timeline(api, ref):
    a = api.c.request("GET", "/api/v1/recommendations/" + ref)
    return json.loads(a.body)["recommendation"]["timeline"]


def check_events(api, spec, csrf, today):
    ref = "DA-2017-01"
    path = "/api/v1/recommendations/%s/events" % ref
    good = {"kind": "update", "date": today, "note": "Audit under way \u2014 "
            "posted through the API"}
    T.ok(not spec.errors(spec.schema("EventRequest"), good),
         "the good event is one the document allows")
    before = len(timeline(api, ref))

    a = api.call("POST", path, 403, good, what="without X-CSRF-Token")
    T.ok("csrf" in where_of(a), "the problem is at 'csrf'", where_of(a))
    api.call("POST", path, 403, good, {"X-CSRF-Token": "wrong"},
             "a wrong X-CSRF-Token")
    h = {"X-CSRF-Token": csrf}
    for body, what in [('{"kind": "update", ', "broken JSON"),
                       ("", "an empty body"),
                       ('["update"]', "not an object"),
                       ('{"kind": "update", "kind": "rag"}', "a member twice"),
                       (b'{"kind":"update","date":"%s","note":"\xff"}'
                        % today.encode(), "not UTF-8"),
                       ('{"kind":"update","date":"%s","note":"a\\u0000b"}'
                        % today, "a NUL in a string")]:
        a = api.call("POST", path, 400, body, h, what, json_body=False)
        T.ok("body" in where_of(a), "%s: the problem is at 'body'" % what,
             where_of(a))
    a = api.call("POST", path, 400, json.dumps(good),
                 {**h, "Content-Type": "text/plain"}, "not application/json",
                 json_body=False)
    for body, where in [(dict(good, colour="red"), "colour"),
                        (dict(good, note=3), "note"),
                        (dict(good, kind="created"), "kind"),
                        (dict(good, kind="finished"), "kind"),
                        (dict(good, date="2018-02-30"), "date"),
                        ({"kind": "update", "note": "x"}, "date"),
                        ({"kind": "update", "date": today}, "note"),
                        ({"kind": "rag", "date": today, "rag": "purple"},
                         "rag"),
                        ({"kind": "closed", "date": today}, "basis"),
                        ({"kind": "owner", "date": today,
                          "owner": "no-such-person"}, "owner")]:
        a = api.call("POST", path, 400, body, h, "names %s" % where)
        T.ok(any(w and w.split(".")[-1] == where for w in where_of(a)),
             "the problem is at '%s'" % where, where_of(a))
        T.ok(spec.errors(spec.schema("EventRequest"), body) or
             where == "owner",
             "the document refuses it too (%s)" % where)
    a = api.call("POST", path, 400, dict(good, note="x" * 70000), h,
                 "a note longer than a field may be")
    T.ok("note" in where_of(a), "the problem is at 'note'", where_of(a))
    api.call("POST", path, 413, dict(good, note="x" * 300000), h,
             "a body over the server's limit")
    api.call("POST", "/api/v1/recommendations/NO-SUCH-REF/events", 404, good,
             h, "an unknown ref")
    T.ok(len(timeline(api, ref)) == before,
         "nothing was written by the refused requests")

    a = api.call("POST", path, 201, good, h, "a progress update")
    if a.data:
        rec = a.data["recorded"]
        T.ok(len(rec) == 1 and rec[0]["author"] == LOGIN
             and rec[0]["kind"] == "update" and rec[0]["text"] == good["note"]
             and rec[0]["date"] == today
             and a.data["state"]["last_update"] == good["note"],
             "201: the event recorded, by the account, and the new state",
             a.data)
        T.ok(a.header("Location") == "/api/v1/recommendations/" + ref,
             "201 says where the recommendation is",
             a.header("Location"))
    a = api.call("GET", "/api/v1/recommendations/" + ref, 200)
    last = a.data["recommendation"]["timeline"][-1] if a.data else {}
    T.ok(last.get("author") == LOGIN and last.get("text") == good["note"]
         and last.get("date") == today and a.data["state"]["last_update_date"]
         == today, "GET shows the new event with author = the login", last)

    a = api.call("POST", path, 201, {"kind": "rag", "date": today,
                                     "rag": "green"}, h, "a RAG rating")
    T.ok(a.data and a.data["state"]["rag"] == "green", "the RAG is set")
    a = api.call("POST", path, 201, {"kind": "owner", "date": today,
                                     "owner": "acc-crime"}, h, "an owner")
    T.ok(a.data and a.data["state"]["owner"] == "acc-crime",
         "the owner is set")
    n = len(timeline(api, ref))
    a = api.call("POST", path, (400, 409), dict(good, date="2018-01-01"), h,
                 "dated before the last event")
    T.ok(any(w and w.endswith("date") for w in where_of(a)),
         "the problem is at the date", where_of(a))
    n = len(timeline(api, ref))
    a = api.call("POST", path, 400, {"kind": "closed", "date": today,
                                     "basis": " \t\u00a0 "}, h,
                 "closed with a blank basis")
    T.ok(any(w and w.endswith("basis") for w in where_of(a))
         and len(timeline(api, ref)) == n,
         "the problem is at the basis, nothing written", where_of(a))
    closed = {"kind": "closed", "date": today,
              "basis": "HMICFRS letter of today"}
    a = api.call("POST", path, 201, closed, h, "closed by HMICFRS")
    T.ok(a.data and a.data["state"]["status"] == "closed"
         and a.data["state"]["closed_by"] == LOGIN, "the status is closed")
    a = api.call("POST", path, (400, 409), closed, h, "closed twice")
    T.ok(any(w and w.endswith("kind") for w in where_of(a)),
         "the problem is at the kind", where_of(a))
    a = api.call("POST", path, (400, 409), {"kind": "closure-proposed",
                                            "date": today}, h,
                 "closure proposed after closure")
    T.ok(len(timeline(api, ref)) == n + 1,
         "only the good events were written")
    a = api.call("POST", path, 201, {"kind": "reopened", "date": today,
                                     "note": "Reopened by the API test"}, h,
                 "reopened")
    T.ok(a.data and a.data["state"]["status"] == "open", "open again")
    # An event may be dated up to a week ahead (core/validate.h's
    # OV_FUTURE_DAYS), no further: a later one would lock the timeline.
    n = len(timeline(api, ref))
    too_late = (datetime.date.today()
                + datetime.timedelta(days=8)).isoformat()
    a = api.call("POST", path, 400, dict(good, date=too_late), h,
                 "dated more than a week after today")
    T.ok(any(w and w.endswith("date") for w in where_of(a))
         and len(timeline(api, ref)) == n,
         "the problem is at the date, nothing written", where_of(a))
    later = (datetime.date.today() + datetime.timedelta(days=7)).isoformat()
    a = api.call("POST", path, 201, dict(good, date=later), h,
                 "dated a week after today")
    T.ok(a.data and a.data["as_at"] == later
         and a.data["state"]["last_update_date"] == later,
         "the state as at the event's own date")


def main():
    spec = Spec(SPEC_PATH)
    server = None
    try:
        try:
            server = ovweb.Server(start=False)
        except RuntimeError as e:
            print("Bail out! %s" % e)
            return 1
        password = ovweb.add_account(server.db, LOGIN, ROLE)
        if password is None:
            print("1..0 # SKIP the program has no `user` command yet "
                  "(accounts are not merged)")
            return 0
        check_document(spec)
        server.start()
        today = datetime.date.today().isoformat()
        check_unauthenticated(spec, server.port, today)
        client = server.client()
        client.sign_in(LOGIN, password, strict=True)
        T.ok(True, "signed in as %s through POST /login" % LOGIN)
        api = Api(spec, client)
        csrf = check_reads(api, spec)
        if T.ok(bool(csrf), "the session gives a CSRF token"):
            check_events(api, spec, csrf, today)
        T.diag("%d answers validated against docs/openapi.json"
               % spec.validated)
    except Exception:  # a broken step is a failure, not a traceback
        T.ok(False, "the test ran to its end", traceback.format_exc())
    finally:
        if server is not None and server.proc is not None:
            status = server.stop()
            T.ok(status == 0, "the server stopped cleanly on SIGTERM "
                 "(exit %s)" % status, server.stderr())
    return T.done(exit=False)


if __name__ == "__main__":
    sys.exit(main())
