#!/usr/bin/env python3
"""serve itself: HTTPS with --tls-cert/--tls-key (a certificate made here
with openssl), a Secure session cookie under TLS, bad TLS files and a bad
--listen refused with a clear message, the limits stated in --help, a
body over the limit answered 413, broken UTF-8 and bad paths 400, and a
clean stop on SIGINT."""
import atexit
import http.client
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ovweb  # noqa: E402

t = ovweb.Tap()
if not ovweb.has_user_command():
    print("1..0 # SKIP no user command")
    sys.exit(0)

rc, out, err = ovweb.run("serve", "--help")
t.ok(rc == 0 and "connections at once" in out and "413" in out
     and "idle" in out, "serve --help states the limits", out)

srv = ovweb.Server(accounts=[("editor1", "editor", None)])
c = srv.client()
t.ok(c.sign_in("editor1").status == 303, "sign in")

# Bodies and encodings.
big = "x" * (300 * 1024)
r = c.request("POST", "/recommendations/DA-2017-01/events",
              body="kind=update&note=" + big,
              headers={"Content-Type": "application/x-www-form-urlencoded"})
t.ok(r.status == 413, "a body over 256 KiB is refused with 413", r.status)
r = c.request("POST", "/api/v1/recommendations/DA-2017-01/events",
              body=b'{"kind":"update","note":"\xff\xfe"}',
              headers={"Content-Type": "application/json",
                       "X-CSRF-Token": c.csrf})
t.ok(r.status == 400, "broken UTF-8 in a JSON body: 400", r.status)
r = c.post("/recommendations/DA-2017-01/events",
           {"kind": "update", "date": "2026-11-30"})
t.ok(r.status == 400 and "Enter the progress update" in r.text,
     "a form without its note: 400 with the message by the field", r.status)
r = c.request("POST", "/recommendations/DA-2017-01/events",
              body="kind=update&date=2026-11-30&note=%FF%FE&csrf=" + c.csrf,
              headers={"Content-Type": "application/x-www-form-urlencoded"})
t.ok(r.status == 400 and "UTF-8" in r.text, "broken UTF-8 in a form: 400",
     r.status)
r = c.get("/recommendations?status=%ZZ")
t.ok(r.status == 400, "a broken %-escape in the query: 400", r.status)
r = c.get("/recommendations/%FF")
t.ok(r.status in (400, 404), "a path that is not UTF-8: 4xx", r.status)
r = c.get("/recommendations/NO-SUCH-REF")
t.ok(r.status == 404 and "NO-SUCH-REF" in r.text,
     "an unknown ref: 404 naming it", r.status)
r = c.post("/recommendations/DA-2017-01/events",
           {"kind": "update", "date": "2026-11-30", "note": "x",
            "csrf": "forged"})
t.ok(r.status == 403, "a wrong CSRF token: 403", r.status)
r = c.request("POST", "/recommendations/DA-2017-01/events",
              form={"kind": "update", "date": "2026-11-30", "note": "x"})
t.ok(r.status == 403, "no CSRF token: 403", r.status)
rows = c.get("/api/v1/recommendations/DA-2017-01").json()
t.ok(not any(e.get("text") == "x" for e in
             rows["recommendation"]["timeline"]),
     "... and nothing was written")

# SIGINT stops it cleanly.
srv.proc.send_signal(signal.SIGINT)
try:
    code = srv.proc.wait(timeout=60)
except subprocess.TimeoutExpired:
    code = None
t.ok(code == 0, "SIGINT stops the server with status 0", code)
srv.stop()

# TLS.
d = tempfile.mkdtemp(prefix="ov-tls-")
atexit.register(shutil.rmtree, d, True)
cert, key = os.path.join(d, "cert.pem"), os.path.join(d, "key.pem")
p = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048",
                    "-nodes", "-keyout", key, "-out", cert, "-days", "2",
                    "-subj", "/CN=127.0.0.1"], capture_output=True)
if p.returncode != 0:
    t.skip("HTTPS", "openssl cannot make a certificate")
else:
    db = os.path.join(d, "t.db")
    for args in (("init",), ("import", ovweb.DEMO)):
        ovweb.run(*args, db=db)
    ovweb.run("user", "add", "ed", "--role", "editor", "--password-stdin",
              stdin=ovweb.PASSWORD + "\n", db=db)
    proc = subprocess.Popen([ovweb.BIN, "--db", db, "serve", "--listen",
                             "127.0.0.1:0", "--tls-cert", cert,
                             "--tls-key", key],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        line = proc.stdout.readline()
        m = re.match(r"oversight: serving https://127\.0\.0\.1:(\d+)/", line)
        t.ok(m is not None, "with a certificate it serves https", line)
        ctx = ssl.create_default_context(cafile=cert)
        ctx.check_hostname = False
        conn = http.client.HTTPSConnection("127.0.0.1", int(m.group(1)),
                                           context=ctx, timeout=60)
        conn.request("GET", "/login")
        r = conn.getresponse()
        body = r.read()
        cookie = r.getheader("Set-Cookie") or ""
        t.ok(r.status == 200 and b"Sign in" in body, "GET /login over TLS")
        t.ok("Secure" in cookie and "HttpOnly" in cookie and
             "SameSite=Strict" in cookie,
             "under TLS the cookie is Secure, HttpOnly, SameSite=Strict",
             cookie)
        t.ok("max-age" in (r.getheader("Strict-Transport-Security") or ""),
             "and Strict-Transport-Security is sent")
        conn.close()
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    t.ok(proc.returncode == 0, "the TLS server stops cleanly",
         proc.returncode)

# Refusals at start.
tmp = tempfile.mkdtemp(prefix="ov-bad-")
atexit.register(shutil.rmtree, tmp, True)
bad = os.path.join(tmp, "t.db")
ovweb.run("init", db=bad)
for args, want, name in (
        (["--tls-cert", "/nonexistent.pem", "--tls-key", "/nonexistent.pem"],
         "nonexistent", "a missing certificate file"),
        (["--tls-cert", cert], "--tls-key", "a certificate without a key"),
        (["--listen", "nonsense"], "HOST:PORT", "a --listen without a port"),
        (["--listen", "256.1.1.1:80"], "--listen", "a --listen not an address")):
    rc, out, err = ovweb.run("serve", *args, db=bad)
    t.ok(rc != 0 and want in err, "%s is refused, saying so" % name,
         "rc %d: %s" % (rc, err))
rc, out, err = ovweb.run("serve", "--listen", "127.0.0.1:0",
                         db=os.path.join(tmp, "missing.db"))
t.ok(rc != 0 and "missing.db" in err, "a missing database is refused",
     err)
t.done()
