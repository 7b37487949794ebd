"""Shared by the HTTP tests: a fresh register with the demo data and
accounts, a server on 127.0.0.1 (a free port), clients that sign in, and
TAP output.  Every server is stopped at exit (SIGTERM, as a user's
Ctrl-C would), also when a test fails, when the test gets SIGTERM or
SIGINT (a runner's timeout), and -- by the parent-death signal -- when
the test is killed outright.

Environment: OV_BIN (the program; else OV_BUILDDIR/oversight), OV_SRCDIR
(the source tree), OV_TEST_TIMEOUT (seconds to wait on the server; 120),
OV_KEEP (keep the servers' directories).
"""
import atexit
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

SRC = os.environ.get("OV_SRCDIR") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..")
BIN = os.environ.get("OV_BIN") or os.path.join(
    os.environ.get("OV_BUILDDIR", os.path.join(SRC, "build")), "oversight")
DEMO = os.path.join(SRC, "examples", "wmp-2018-09.json")
PASSWORD = "correct-horse-battery-staple-42"
# Generous: under valgrind the server is slow.
TIMEOUT = float(os.environ.get("OV_TEST_TIMEOUT", "120"))


class Tap:
    """TAP lines; the exit status says whether all passed."""

    def __init__(self, detail_lines=20):
        self.n = 0
        self.failed = 0
        self.detail_lines = detail_lines

    def ok(self, cond, name, detail=None):
        self.n += 1
        if not cond:
            self.failed += 1
        print(("ok" if cond else "not ok") + " %d - %s" % (self.n, name))
        if not cond and detail is not None:
            for line in str(detail).splitlines()[:self.detail_lines]:
                print("#   " + line)
        sys.stdout.flush()
        return cond

    def skip(self, name, why):
        self.n += 1
        print("ok %d - %s # SKIP %s" % (self.n, name, why))

    def diag(self, text):
        for line in str(text).splitlines():
            print("# " + line)
        sys.stdout.flush()

    def done(self, exit=True):
        """The plan line; exits with the status, or returns it."""
        print("1..%d" % self.n)
        if self.failed:
            print("# %d of %d failed" % (self.failed, self.n))
        sys.stdout.flush()
        status = 1 if self.failed else 0
        if exit:
            sys.exit(status)
        return status


def run(*args, stdin=None, db=None, timeout=600):
    """Run the program; (exit status, stdout, stderr)."""
    cmd = [BIN] + (["--db", db] if db else []) + list(args)
    p = subprocess.run(cmd, input=stdin, capture_output=True, text=True,
                       timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def add_account(db, login, role, person=None, password=None, force=None):
    """`user add` with the password on standard input (a fresh strong one
    unless given): the password, or None when the program has no `user`
    command yet; raises on any other failure."""
    if password is None:
        password = "Ov-" + secrets.token_urlsafe(18)
    args = ["user", "add", login, "--role", role, "--password-stdin"]
    if person:
        args += ["--person", person]
    if force:
        args += ["--force", force]
    rc, out, err = run(*args, stdin=password + "\n", db=db)
    if rc != 0 and "unknown command" in err:
        return None
    if rc != 0:
        raise RuntimeError("user add %s: exit %d: %s" % (login, rc, err))
    return password


# Every server started, so that the exit handler stops each one, however
# the test ends (even between starting one and learning its address).
SERVERS = []


def stop_servers():
    # A second signal now would cut the stop short.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for s in SERVERS:
        s.stop()
        s.remove()


def die_with_parent():
    """In the child before exec: SIGTERM when the test process dies, even
    by SIGKILL (Linux's PR_SET_PDEATHSIG), so no server outlives it."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):
        pass


atexit.register(stop_servers)
# A test runner's timeout sends SIGTERM: leave through atexit, which
# stops the servers.
signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + 15))
signal.signal(signal.SIGINT, lambda *_: sys.exit(128 + 2))


class Server:
    """A fresh database with the demo data, and the server on it (unless
    start=False: then start() it).  stop() ends it and returns its exit
    status (once; later calls return the same)."""

    def __init__(self, accounts=(), start=True):
        self.dir = tempfile.mkdtemp(prefix="ov-web-")
        self.db = os.path.join(self.dir, "t.db")
        self.err_path = os.path.join(self.dir, "server.log")
        self.proc = None
        self.status = None
        SERVERS.append(self)
        for args in (("init",), ("import", DEMO)):
            rc, out, err = run(*args, db=self.db)
            if rc != 0:
                raise RuntimeError("oversight %s: exit %d: %s"
                                   % (args[0], rc, err))
        for login, role, person in accounts:
            self.add_user(login, role, person)
        if start:
            self.start()

    def add_user(self, login, role, person=None, force=None):
        """An account with the shared password (force: bound to it)."""
        if add_account(self.db, login, role, person, PASSWORD,
                       force) is None:
            raise RuntimeError("user add %s: no `user` command" % login)

    def start(self):
        self.log = open(self.err_path, "w")
        self.status = None
        self.proc = subprocess.Popen(
            [BIN, "--db", self.db, "serve", "--listen", "127.0.0.1:0"],
            stdout=subprocess.PIPE, stderr=self.log, text=True,
            preexec_fn=die_with_parent)
        # Read the first line in a thread, so a server that never says
        # where it serves cannot hang the test.
        line = []
        reader = threading.Thread(
            target=lambda: line.append(self.proc.stdout.readline()),
            daemon=True)
        reader.start()
        reader.join(TIMEOUT)
        m = re.match(r"oversight: serving (http://127\.0\.0\.1:(\d+)/)",
                     line[0] if line else "")
        if not m:
            self.stop()
            raise RuntimeError("the server did not say where it serves: "
                               "%r; stderr: %s" % (line, self.stderr()))
        self.url = m.group(1)
        self.port = int(m.group(2))

    def stderr(self):
        """The end of the server's standard error."""
        try:
            with open(self.err_path, encoding="utf-8",
                      errors="replace") as f:
                return f.read()[-4000:]
        except OSError:
            return ""

    def stop(self):
        if self.proc is None:
            return self.status
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(TIMEOUT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.status = self.proc.returncode
        self.proc.stdout.close()
        self.log.close()
        self.proc = None
        return self.status

    def remove(self):
        """Remove the server's directory (at exit; kept with OV_KEEP)."""
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
        # The body parsed when it says it is JSON (strictly UTF-8), else
        # None; why it did not parse in json_error.
        self.data = None
        self.json_error = None
        if (self.header("Content-Type") or "").startswith("application/json"):
            try:
                self.data = json.loads(self.body.decode("utf-8"))
            except ValueError as e:
                self.json_error = str(e)

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
        # A Cookie header the caller gives (a forged session) wins, as a
        # cookie jar's does.
        if self.cookies and not any(k.lower() == "cookie" for k in h):
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        c = http.client.HTTPConnection("127.0.0.1", self.port,
                                       timeout=TIMEOUT)
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

    def sign_in(self, login, password=PASSWORD, strict=False):
        """Sign in through the form as a browser does (its token is the
        value of the ov_login cookie GET /login sets); the response of
        the POST.  strict: raise unless GET /login gave the cookie and
        the POST a 303 with a session cookie."""
        a = self.get("/login")
        token = self.cookies.get("ov_login")
        if strict and (a.status != 200 or not token):
            raise RuntimeError("GET /login: %d, ov_login cookie %r"
                               % (a.status, token))
        r = self.request("POST", "/login", form={
            "login": login, "password": password, "next": "/",
            "csrf": token or ""})
        if strict and (r.status != 303 or "ov_session" not in self.cookies):
            raise RuntimeError("POST /login: %d, no session cookie: %s"
                               % (r.status, r.body[:500]))
        if r.status == 303 and "ov_session" in self.cookies:
            s = self.get("/api/v1/session")
            if s.status == 200:
                self.csrf = s.json().get("csrf")
        return r


def has_user_command():
    rc, out, err = run("--help")
    return re.search(r"^\s+user\b", out + err, re.M) is not None
