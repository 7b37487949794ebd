"""Shared by the HTTP tests: a fresh register with the demo data and
accounts, a server on 127.0.0.1 (a free port), clients that sign in, and
TAP output.  The server is stopped at exit, also when a test fails.

Environment: OV_BIN (the program), OV_SRCDIR (the source tree).
"""
import atexit
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

BIN = os.environ.get("OV_BIN", "build/oversight")
SRC = os.environ.get("OV_SRCDIR", ".")
DEMO = os.path.join(SRC, "examples", "wmp-2018-09.json")
PASSWORD = "correct-horse-battery-staple-42"


class Tap:
    """TAP lines; the exit status says whether all passed."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, name, detail=None):
        self.n += 1
        if not cond:
            self.failed += 1
        print(("ok" if cond else "not ok") + " %d - %s" % (self.n, name))
        if not cond and detail is not None:
            for line in str(detail).splitlines()[:20]:
                print("#   " + line)
        sys.stdout.flush()
        return cond

    def skip(self, name, why):
        self.n += 1
        print("ok %d - %s # SKIP %s" % (self.n, name, why))

    def done(self):
        print("1..%d" % self.n)
        sys.exit(1 if self.failed else 0)


def run(*args, stdin=None, db=None):
    """Run the program; (exit status, stdout, stderr)."""
    cmd = [BIN] + (["--db", db] if db else []) + list(args)
    p = subprocess.run(cmd, input=stdin, capture_output=True, text=True,
                       timeout=600)
    return p.returncode, p.stdout, p.stderr


class Server:
    """A fresh database with the demo data, and the server on it."""

    def __init__(self, accounts=()):
        self.dir = tempfile.mkdtemp(prefix="ov-web-")
        self.db = os.path.join(self.dir, "t.db")
        self.proc = None
        for args in (("init",), ("import", DEMO)):
            rc, out, err = run(*args, db=self.db)
            if rc != 0:
                raise RuntimeError("%s: %s" % (args, err))
        for login, role, person in accounts:
            self.add_user(login, role, person)
        atexit.register(self.stop)
        self.start()

    def add_user(self, login, role, person=None):
        args = ["user", "add", login, "--role", role, "--password-stdin"]
        if person:
            args += ["--person", person]
        rc, out, err = run(*args, stdin=PASSWORD + "\n", db=self.db)
        if rc != 0:
            raise RuntimeError("user add %s: %s" % (login, err))

    def start(self):
        self.log = open(os.path.join(self.dir, "server.log"), "w")
        self.proc = subprocess.Popen(
            [BIN, "--db", self.db, "serve", "--listen", "127.0.0.1:0"],
            stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.proc.stdout.readline()
        m = re.match(r"oversight: serving http://127\.0\.0\.1:(\d+)/", line)
        if not m:
            self.stop()
            raise RuntimeError("server did not start: %r" % line)
        self.port = int(m.group(1))

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.status = self.proc.returncode if self.proc else None
        self.proc = None
        if os.environ.get("OV_KEEP") is None:
            shutil.rmtree(self.dir, ignore_errors=True)

    def client(self):
        return Client(self.port)


class Response:
    def __init__(self, r):
        self.status = r.status
        self.headers = r.getheaders()
        self.body = r.read()
        self.text = self.body.decode("utf-8", "replace")

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def json(self):
        return json.loads(self.text)


class Client:
    """One browser: its cookies, and requests without redirects."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}
        self.csrf = None

    def request(self, method, path, body=None, headers=None, form=None,
                raw=False):
        h = dict(headers or {})
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            h["Content-Type"] = "application/x-www-form-urlencoded"
        if isinstance(body, str):
            body = body.encode()
        if self.cookies:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            c.putrequest(method, path, skip_accept_encoding=True)
            for k, v in h.items():
                c.putheader(k, v)
            if body is not None:
                c.putheader("Content-Length", str(len(body)))
            c.endheaders()
            if body is not None:
                c.send(body)
            r = Response(c.getresponse())
        finally:
            c.close()
        for k, v in r.headers:
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                value = rest.split(";", 1)[0]
                if "Max-Age=0" in v:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = value
        return r

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, form=None, **kw):
        form = dict(form or {})
        if self.csrf and "csrf" not in form:
            form["csrf"] = self.csrf
        return self.request("POST", path, form=form, **kw)

    def api_post(self, path, obj, csrf=True):
        h = {"Content-Type": "application/json"}
        if csrf and self.csrf:
            h["X-CSRF-Token"] = self.csrf
        return self.request("POST", path, body=json.dumps(obj), headers=h)

    def sign_in(self, login, password=PASSWORD):
        """Sign in through the form; the response of the POST."""
        self.get("/login")
        r = self.request("POST", "/login", form={
            "login": login, "password": password, "next": "/",
            "csrf": self.cookies.get("ov_login", "")})
        if r.status == 303 and "ov_session" in self.cookies:
            s = self.get("/api/v1/session")
            if s.status == 200:
                self.csrf = s.json().get("csrf")
        return r


def has_user_command():
    rc, out, err = run("--help")
    return re.search(r"^\s+user\b", out + err, re.M) is not None
