#!/usr/bin/env python3
"""Black-box probes of the server's hardening claims (docs/server.md, "Accounts", "Limits", "JSON API").

    python3 bench/hardening_probe.py --binary PATH [--port N] [--keep]

Starts `PATH serve --demo --data <fresh temp sqlite file> --port N` (development mail: every mail, codes
included, is written to the server's log, which this reads), probes it over HTTP on 127.0.0.1 only and prints
one line per probe, `PASS|FAIL <name>: <detail>`, then `N passed, M failed`. Progress goes to stderr.

The limits count per client address, so each probe talks from a loopback source address of its own
(127.0.0.10, 127.0.0.11, ...; the server still listens on 127.0.0.1 only): a probe's answers are then not
the echo of an earlier probe's requests. Exit status 0 whatever the probes find (it is a measuring tool);
2 when the harness itself cannot run (the server does not start, say). Standard library only.
"""
import argparse
import concurrent.futures
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import server_bench  # noqa: E402  (ROOT, wait_for_runs)

BIG_PAGE = "9223372036854775807"  # Int.max
MB = 1024 * 1024


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


def strong_password():
    return "Pr0be-" + secrets.token_hex(6) + "-Xy!"


class HarnessError(Exception):
    pass


# ---------------------------------------------------------------------------------------------- HTTP client

class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name):
        return self.headers.get(name.lower())

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def text(self, limit=300):
        return self.body[:limit].decode("utf-8", "replace")

    def cookies(self):
        """Set-Cookie values by name."""
        out = {}
        for value in self.headers.get("set-cookie-all", []):
            name, _, rest = value.partition("=")
            out[name.strip()] = rest.split(";")[0]
        return out


class Client:
    """HTTP/1.1 to 127.0.0.1:port from a chosen loopback source address; one connection per request."""

    def __init__(self, port, source="127.0.0.1", timeout=120):
        self.port, self.source, self.timeout = port, source, timeout

    def connection(self):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout, source_address=(self.source, 0))

    def request(self, method, path, body=None, headers=None, json_body=None, connection=None):
        headers = dict(headers or {})
        if json_body is not None:
            body = json.dumps(json_body).encode()
            headers.setdefault("Content-Type", "application/json")
        if isinstance(body, str):
            body = body.encode()
        conn = connection or self.connection()
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            answer_headers = {k.lower(): v for k, v in response.getheaders()}
            answer_headers["set-cookie-all"] = response.msg.get_all("Set-Cookie") or []
            return Answer(response.status, answer_headers, data)
        finally:
            conn.close()

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post_json(self, path, payload, token=None):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return self.request("POST", path, json_body=payload, headers=headers)

    def form(self, path, fields, cookie):
        return self.request("POST", path, body=urllib.parse.urlencode(fields),
                            headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def at_once(count, job):
    """Runs job(i, connection) in `count` threads, each with its connection open, released together. Returns the
    results (or the exceptions raised) in order."""
    barrier = threading.Barrier(count)

    def one(i):
        conn, err = None, None
        try:
            conn = job.client.connection()
            conn.connect()
        except Exception as e:  # noqa: BLE001
            err = e
        barrier.wait()
        if err is not None:
            return err
        try:
            return job(i, conn)
        except Exception as e:  # noqa: BLE001
            return e

    with concurrent.futures.ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(one, range(count)))


class Job:
    def __init__(self, client, fn):
        self.client, self.fn = client, fn

    def __call__(self, i, conn):
        return self.fn(i, conn)


# ---------------------------------------------------------------------------------------------- the server

MAIL_RECORD = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\S* \w+ ", re.M)


class Server:
    def __init__(self, binary, port, data, log_path):
        self.binary, self.port, self.data, self.log_path = binary, port, data, log_path
        self.proc = None
        self.accounts = {}
        self.nation = None
        self.starts = 0

    def start(self):
        self.starts += 1
        logfile = open(self.log_path, "a")
        self.proc = subprocess.Popen([self.binary, "serve", "--demo", "--data", self.data, "--port", str(self.port)],
                                     cwd=server_bench.ROOT, stdout=subprocess.PIPE, stderr=logfile, text=True)
        logfile.close()
        accounts, nation = {}, None
        deadline = time.time() + 120
        for line in self.proc.stdout:
            match = re.search(r"(\S+@rampart\.demo)\s+password: (\S+)(?: \((\w\w)\))?", line)
            if match:
                accounts[match.group(1)] = match.group(2)
                if match.group(1).startswith("delegate."):
                    nation = match.group(3) or match.group(1).split(".")[1].split("@")[0].upper()
            if "Passwords are new" in line or time.time() > deadline:
                break
        threading.Thread(target=lambda: [None for _ in self.proc.stdout], daemon=True).start()  # keep the pipe drained
        if len(accounts) < 4:
            raise HarnessError(f"the server printed {len(accounts)} demo accounts (exit code {self.proc.poll()}); see {self.log_path}")
        self.accounts, self.nation = accounts, nation
        for _ in range(300):
            if self.healthy():
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.2)
        raise HarnessError(f"the server did not answer /health (exit code {self.proc.poll()}); see {self.log_path}")

    def healthy(self):
        try:
            return Client(self.port, timeout=10).get("/health").status == 200
        except OSError:
            return False

    def alive(self):
        """Whether the process runs and answers /health (a few tries)."""
        for _ in range(5):
            if self.proc.poll() is not None:
                return False
            if self.healthy():
                return True
            time.sleep(1)
        return False

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def rss_kb(self):
        try:
            with open(f"/proc/{self.proc.pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            return None
        return None

    def mails(self):
        """Every mail the development transport logged: [{to, subject, body, code}] in order."""
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        starts = [m.start() for m in MAIL_RECORD.finditer(text)] + [len(text)]
        out = []
        for a, b in zip(starts, starts[1:]):
            record = text[a:b]
            if "Mail (not sent" not in record:
                continue
            first, _, body = record.partition("\n")
            to = re.search(r"\bto=(\S+)", first)
            subject = re.search(r"\bsubject=(.*?) (?:to|unsubscribe)=", first)
            code = re.search(r"^\s+(\d{6})\s*$", body, re.M)
            out.append({"to": to.group(1) if to else None, "subject": subject.group(1) if subject else None,
                        "body": body, "code": code.group(1) if code else None})
        return out

    def wait_mail(self, to, n, timeout=40):
        """The n-th mail (from 1) to `to`, once it is logged."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            mails = [m for m in self.mails() if m["to"] == to]
            if len(mails) >= n:
                return mails[n - 1]
            time.sleep(0.2)
        raise HarnessError(f"no mail #{n} to {to} within {timeout} s")


# ---------------------------------------------------------------------------------------------- the probes

class Probes:
    def __init__(self, server):
        self.server = server
        self.port = server.port
        self.results = []
        self.next_source = 10
        self.tokens = {}
        self.cookies = {}

    # -- plumbing

    def source(self):
        """A loopback source address no earlier probe used."""
        self.next_source += 1
        return f"127.0.0.{self.next_source}"

    def client(self, source=None):
        return Client(self.port, source or self.source())

    def report(self, ok, name, detail):
        line = f"{'PASS' if ok else 'FAIL'} {name}: {detail}"
        self.results.append(ok)
        print(line, flush=True)

    def sign_in(self):
        """Tokens and session cookies of the demo accounts, from a source address of this start's own."""
        client = Client(self.port, f"127.0.1.{self.server.starts}")
        self.tokens = {}
        for email, password in self.server.accounts.items():
            answer = client.post_json("/api/v1/auth/token", {"email": email, "password": password})
            if answer.status != 201:
                raise HarnessError(f"token for {email} answered {answer.status}: {answer.text()}")
            self.tokens[email.split("@")[0].split(".")[0]] = answer.json()["token"]
        self.cookies = {role: self.session_cookie(client, f"{role}@rampart.demo" if role != "delegate" else self.delegate_email())
                        for role in ("staff", "delegate")}

    def delegate_email(self):
        return next(e for e in self.server.accounts if e.startswith("delegate."))

    def session_cookie(self, client, email):
        page = client.get("/signin")
        csrf = page.cookies().get("rampart_csrf")
        answer = client.form("/signin", {"email": email, "password": self.server.accounts[email], "next": "/dashboard",
                                         "csrf_token": csrf}, f"rampart_csrf={csrf}")
        session = answer.cookies().get("rampart_session")
        if answer.status != 303 or not session:
            raise HarnessError(f"form sign-in of {email} answered {answer.status}")
        return f"rampart_session={session}"

    def restart_if_dead(self):
        """Restarts the server when it died or stopped answering; returns a note for the detail line, or ''."""
        if self.server.alive():
            return ""
        code = self.server.proc.poll()
        self.server.stop()
        log(f"   the server is down (exit code {code}); restarting it")
        self.server.start()
        self.sign_in()
        return f"; the server died (exit code {code}) and was restarted"

    def run(self, name, fn):
        log(f"-- {name}")
        try:
            fn()
        except Exception as error:  # noqa: BLE001
            note = self.restart_if_dead()
            self.report(False, name, f"the probe broke off: {type(error).__name__}: {error}{note}")

    def register(self, client, email, password, name="Probe Person"):
        return client.post_json("/api/v1/accounts", {"email": email, "displayName": name, "password": password})

    def verified_account(self, client, prefix):
        """A new verified account (registered and proved with its mailed code); returns (email, password)."""
        email, password = f"{prefix}-{secrets.token_hex(4)}@example.org", strong_password()
        answer = self.register(client, email, password)
        if answer.status not in (201, 202):
            raise HarnessError(f"registration of {email} answered {answer.status}: {answer.text()}")
        code = self.server.wait_mail(email, 1)["code"]
        answer = client.post_json("/api/v1/accounts/verify", {"email": email, "code": code})
        if answer.status != 200:
            raise HarnessError(f"verification of {email} answered {answer.status}: {answer.text()}")
        return email, password

    def staff_demands(self):
        answer = Client(self.port).get("/api/v1/demands?per=500", headers=bearer(self.tokens["staff"]))
        return answer.json()["items"]

    # -- 1. crash

    def crash(self):
        nation = self.server.nation
        cases = [
            ("GET /api/v1/items?page=Int.max (staff token)", f"/api/v1/items?page={BIG_PAGE}", "staff", "token"),
            ("GET /audit?page=Int.max (staff session)", f"/audit?page={BIG_PAGE}", "staff", "cookie"),
            (f"GET /api/v1/nations/{nation}/demands?page=Int.max (delegate token)", f"/api/v1/nations/{nation}/demands?page={BIG_PAGE}",
             "delegate", "token"),
            (f"GET /api/v1/nations/{nation}/demands?page=Int.max (observer token)", f"/api/v1/nations/{nation}/demands?page={BIG_PAGE}",
             "observer", "token"),
            ("GET /api/v1/audit?page=Int.max (staff token)", f"/api/v1/audit?page={BIG_PAGE}", "staff", "token"),
            (f"GET /nations/{nation}?page=Int.max (delegate session)", f"/nations/{nation}?page={BIG_PAGE}", "delegate", "cookie"),
        ]
        for label, path, role, kind in cases:
            name = f"crash {label}"
            log(f"-- {name}")
            headers = bearer(self.tokens[role]) if kind == "token" else {"Cookie": self.cookies[role]}
            try:
                answer = Client(self.port, self.source(), timeout=60).get(path, headers=headers)
                shown = "(an HTML page)" if answer.text(20).lstrip().startswith("<") else repr(answer.text(100))
                status, detail = answer.status, f"answered {answer.status} {shown}"
            except Exception as error:  # noqa: BLE001
                status, detail = None, f"no answer ({type(error).__name__}: {error})"
            note = self.restart_if_dead()
            ok = status is not None and 400 <= status < 500 and not note
            self.report(ok, name, detail + (note or "; /health still answers"))

    # -- 2. upload memory

    def upload_memory(self):
        name = "upload memory: unauthenticated chunked PUT /api/v1/scenario of 150 MB"
        log(f"-- {name}")
        try:
            server_bench.wait_for_runs(f"http://127.0.0.1:{self.port}", self.tokens["staff"], timeout=300)
        except Exception as error:  # noqa: BLE001
            log(f"   waiting for plan runs: {error}")
        time.sleep(1)
        samples = []
        for _ in range(5):
            samples.append(self.server.rss_kb())
            time.sleep(0.1)
        before = min(s for s in samples if s is not None)
        peak = [before]
        done = threading.Event()

        def sample():
            while not done.is_set():
                rss = self.server.rss_kb()
                if rss is not None:
                    peak[0] = max(peak[0], rss)
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        total = 150 * MB
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=120, source_address=(self.source(), 0))
        received = bytearray()

        def read():
            try:
                while True:
                    chunk = sock.recv(65536)
                    if not chunk:
                        return
                    received.extend(chunk)
                    if b"\r\n\r\n" in received:
                        return
            except OSError:
                return

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        sent, stopped = 0, None
        block = b'{"pad":"' + b"a" * (64 * 1024 - 8)

        def blocks():
            remaining = total
            while remaining > 0:
                piece = block[:min(len(block), remaining)]
                remaining -= len(piece)
                yield piece

        try:
            sock.sendall(f"PUT /api/v1/scenario HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nContent-Type: application/json\r\n"
                         "Transfer-Encoding: chunked\r\n\r\n".encode())
            for piece in blocks():
                sock.sendall(b"%x\r\n" % len(piece) + piece + b"\r\n")
                sent += len(piece)
            sock.sendall(b"0\r\n\r\n")
        except OSError as error:
            stopped = f"the server closed the connection after {sent / MB:.1f} MB ({type(error).__name__})"
        reader.join(timeout=120)
        time.sleep(0.5)
        done.set()
        sampler.join()
        sock.close()
        status_line = bytes(received).split(b"\r\n", 1)[0].decode("latin-1", "replace")
        status = int(status_line.split()[1]) if status_line.startswith("HTTP/") else None
        growth = (peak[0] - before) / 1024
        note = self.restart_if_dead()
        sending = stopped or f"sent {sent / MB:.0f} MB"
        self.report(status == 401 and growth < 50 and not note, name,
                    f"answered {status if status else 'nothing'}; {sending}; VmRSS before {before / 1024:.1f} MB, peak "
                    f"{peak[0] / 1024:.1f} MB, growth {growth:.1f} MB (limit 50){note}")

    # -- 3. takeover of an unverified address

    def takeover(self):
        name = "takeover: second registration of an unverified address"
        client = self.client()
        email = f"takeover-{secrets.token_hex(4)}@example.org"
        first, second = strong_password(), strong_password()
        a1 = self.register(client, email, first, "Owner")
        code1 = self.server.wait_mail(email, 1)["code"]
        a2 = self.register(client, email, second, "Attacker")
        self.server.wait_mail(email, 2)
        verify = client.post_json("/api/v1/accounts/verify", {"email": email, "code": code1})
        with_first = client.post_json("/api/v1/auth/token", {"email": email, "password": first})
        with_second = client.post_json("/api/v1/auth/token", {"email": email, "password": second})
        self.report(with_first.status == 201 and with_second.status >= 400, name,
                    f"registrations {a1.status}, {a2.status}; verify with the first mail's code {verify.status}; "
                    f"sign-in with the first password {with_first.status}, with the second {with_second.status}")

    # -- 4. huge quantity

    def huge_quantity(self):
        name = "huge quantity: delegate PATCH qty 1e308"
        client = self.client()
        token = self.tokens["delegate"]
        own = client.get(f"/api/v1/nations/{self.server.nation}/demands?per=5", headers=bearer(token)).json()["items"][0]
        answer = client.request("PATCH", f"/api/v1/demands/{urllib.parse.quote(own['id'])}", headers=bearer(token),
                                json_body={"qty": 1e308, "version": own["version"]})
        body = answer.json() or {}
        names_qty = body.get("field") == "qty" or "qty" in str(body.get("reason", "")) or any("qty" in p for p in body.get("problems") or [])
        after = client.get(f"/api/v1/demands/{urllib.parse.quote(own['id'])}", headers=bearer(token)).json() or {}
        self.report(answer.status == 422 and names_qty, name,
                    f"{own['id']}: answered {answer.status} {answer.text(160)!r}; stored qty now {after.get('qty')}")

    # -- 5. concurrent guesses

    def concurrent_codes(self):
        name = "concurrent guesses: 20 wrong verification codes at once"
        client = self.client()
        email, password = f"guess-{secrets.token_hex(4)}@example.org", strong_password()
        self.register(client, email, password)
        code = self.server.wait_mail(email, 1)["code"]
        wrong = [f"{(int(code) + 1 + i * 7919) % 1000000:06d}" for i in range(20)]
        job = Job(client, lambda i, conn: client.request("POST", "/api/v1/accounts/verify",
                                                          json_body={"email": email, "code": wrong[i]}, connection=conn))
        answers = at_once(20, job)
        statuses = [a.status if isinstance(a, Answer) else type(a).__name__ for a in answers]
        checked = sum(1 for a in answers if isinstance(a, Answer) and a.status == 422)
        refused = sum(1 for a in answers if isinstance(a, Answer) and a.status == 429)
        reasons = sorted({(a.json() or {}).get("reason", "")[:70] for a in answers if isinstance(a, Answer)})
        right = client.post_json("/api/v1/accounts/verify", {"email": email, "code": code})
        self.report(checked <= 5 and right.status != 200, name,
                    f"{checked} answered 422 (checked: wrong code), {refused} answered 429 (refused unchecked), other "
                    f"{[s for s in statuses if s not in (422, 429)]}; reasons {reasons}; then the right code answered {right.status}")

    def concurrent_sign_ins(self):
        name = "concurrent guesses: 25 wrong sign-ins at once against one account"
        email, _ = self.verified_account(self.client(), "burst")
        client = self.client()
        job = Job(client, lambda i, conn: client.request("POST", "/api/v1/auth/token",
                                                          json_body={"email": email, "password": f"Wrong-Passw0rd-{i}!"}, connection=conn))
        answers = at_once(25, job)
        statuses = [a.status if isinstance(a, Answer) else type(a).__name__ for a in answers]
        checked, refused = statuses.count(401), statuses.count(429)
        self.report(checked <= 5 and refused == 25 - checked, name,
                    f"{checked} answered 401 (password checked), {refused} answered 429, other {[s for s in statuses if s not in (401, 429)]}")

    # -- 6. enumeration

    def enumeration(self):
        client = self.client()
        known, unknown = "industry@rampart.demo", f"nobody-{secrets.token_hex(4)}@example.org"
        password = strong_password()

        def normalised(answer, email):
            def walk(value):
                if isinstance(value, dict):
                    return {k: ("<id>" if k in ("id", "registration") else walk(v)) for k, v in value.items()}
                if isinstance(value, list):
                    return [walk(v) for v in value]
                if isinstance(value, str):
                    return value.replace(email, "<email>")
                return value
            body = answer.json()
            return answer.status, walk(body) if body is not None else answer.text(500)

        registrations = {}

        def step(label, path, payload_for):
            answers = {}
            for email in (known, unknown):
                answers[email] = client.post_json(path, payload_for(email))
            if label == "registration":
                for email, answer in answers.items():
                    registrations[email] = (answer.json() or {}).get("registration")
            a, b = normalised(answers[known], known), normalised(answers[unknown], unknown)
            detail = (f"both {a[0]} {json.dumps(a[1])[:150]}" if a == b
                      else f"known address {a[0]} {json.dumps(a[1])[:150]} / unknown {b[0]} {json.dumps(b[1])[:150]}")
            self.report(a == b, f"enumeration: {label}", detail)

        def resend(email):
            payload = {"email": email}
            if registrations.get(email):
                payload["registration"] = registrations[email]
            return payload

        steps = [
            ("registration", "/api/v1/accounts", lambda e: {"email": e, "displayName": "Probe Person", "password": password}),
            ("verification with a wrong code", "/api/v1/accounts/verify", lambda e: {"email": e, "code": "000000"}),
            ("send a new code", "/api/v1/accounts/verify/resend", resend),
            ("reset request", "/api/v1/password-reset", lambda e: {"email": e}),
            ("reset confirmation with a wrong code", "/api/v1/password-reset/confirm",
             lambda e: {"email": e, "code": "000000", "password": strong_password()}),
        ]
        for label, path, payload_for in steps:
            self.run(f"enumeration: {label}", lambda: step(label, path, payload_for))

    # -- 7. registration throttle

    def registration_throttle(self):
        name = "registration throttle: 15 registrations of different addresses from one client"
        client = self.client()
        statuses = [self.register(client, f"many-{i}-{secrets.token_hex(3)}@example.org", strong_password()).status for i in range(15)]
        self.report(429 in statuses, name, f"answers {statuses}")

    # -- 8. chunked form

    def chunked_form(self):
        name = "chunked form: 20 KB POST /register in small chunks"
        source = self.source()
        client = Client(self.port, source)
        page = client.get("/register")
        csrf = page.cookies().get("rampart_csrf")
        email = f"chunked-{secrets.token_hex(4)}@example.org"
        # The token comes last, after the padding: the check must see the whole streamed body.
        body = urllib.parse.urlencode([("filler", "x" * 20480), ("email", email), ("display_name", "Chunked Form"),
                                       ("password", strong_password()), ("csrf_token", csrf)]).encode()
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=60, source_address=(source, 0))
        try:
            sock.sendall(f"POST /register HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                         f"Cookie: rampart_csrf={csrf}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".encode())
            pieces = 0
            for i in range(0, len(body), 512):
                piece = body[i:i + 512]
                sock.sendall(b"%x\r\n" % len(piece) + piece + b"\r\n")
                pieces += 1
                time.sleep(0.003)
            sock.sendall(b"0\r\n\r\n")
            received = b""
            while b"\r\n\r\n" not in received:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                received += chunk
        finally:
            sock.close()
        head = received.split(b"\r\n\r\n", 1)[0].decode("latin-1")
        status = int(head.split()[1]) if head.startswith("HTTP/") else None
        location = re.search(r"(?im)^location: (\S+)", head)
        self.report(status is not None and status != 403 and status < 500, name,
                    f"{len(body)} bytes in {pieces} chunks: answered {status}" + (f" -> {location.group(1)[:60]}" if location else ""))

    # -- 9. oracle

    def oracle(self):
        name = "oracle: a delegate creates a demand with another nation's unreleased id"
        nation = self.server.nation
        demands = self.staff_demands()
        other = next(d for d in demands if d["nation"] != nation and not d["released"])
        taken = {d["id"] for d in demands}
        nobody = next(i for i in (f"D-{other['nation']}-{9000 + n}" for n in range(1000)) if i not in taken)
        client = self.client()
        token = self.tokens["delegate"]

        def attempt(demand_id):
            payload = {"id": demand_id, "qty": 1, "dueMonth": other["dueMonth"], "priority": 3}
            payload["class" if other.get("class") else "item"] = other.get("class") or other.get("item")
            answer = client.post_json(f"/api/v1/nations/{nation}/demands", payload, token=token)
            if answer.status == 201:  # tidy up what the probe made
                made = answer.json()
                client.request("DELETE", f"/api/v1/demands/{urllib.parse.quote(made['id'])}?version={made['version']}", headers=bearer(token))
            body = answer.json()
            return answer.status, json.dumps(body, sort_keys=True).replace(demand_id, "<id>") if body is not None else answer.text()

        a, b = attempt(other["id"]), attempt(nobody)
        self.report(a == b, name, f"{other['id']} (unreleased, {other['nation']}) answered {a[0]} {a[1][:140]} / "
                                  f"{nobody} (nobody's) answered {b[0]} {b[1][:140]}")

    # -- 10. lock-out of the wrong people

    def no_lockout_on_success(self):
        name = "lock-out of the wrong people: 30 successful sign-ins from one address, then a 31st"
        email, password = self.verified_account(self.client(), "often")
        client = self.client()
        statuses = [client.post_json("/api/v1/auth/token", {"email": email, "password": password}).status for _ in range(30)]
        last = client.post_json("/api/v1/auth/token", {"email": email, "password": password})
        self.report(last.status == 201, name,
                    f"the 30 answered {sorted(set(statuses))} ({statuses.count(201)} x 201); the 31st answered {last.status}"
                    + ("" if last.status == 201 else f" {last.text(100)!r}"))

    # -- 11. small ones

    def token_no_store(self):
        name = "small: POST /api/v1/auth/token answers Cache-Control: no-store"
        client = self.client()
        answer = client.post_json("/api/v1/auth/token", {"email": "observer@rampart.demo", "password": self.server.accounts["observer@rampart.demo"]})
        value = answer.header("cache-control")
        self.report(answer.status == 201 and value is not None and "no-store" in value.lower(), name,
                    f"answered {answer.status}, Cache-Control: {value}")

    def hex_form_number(self):
        name = "small: demand edit form qty=0x10 is refused"
        client = self.client()
        token = self.tokens["delegate"]
        own = client.get(f"/api/v1/nations/{self.server.nation}/demands?per=5", headers=bearer(token)).json()["items"][1]
        path = f"/demands/{urllib.parse.quote(own['id'])}"
        page = client.get(path, headers={"Cookie": self.cookies["delegate"]}).body.decode()
        fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page))
        form = {"csrf_token": fields.get("csrf_token", ""), "qty": "0x10", "due_month": fields.get("due_month", ""),
                "priority": fields.get("priority", ""), "version": fields.get("version", "")}
        answer = client.form(path, form, self.cookies["delegate"])
        after = client.get(f"/api/v1/demands/{urllib.parse.quote(own['id'])}", headers=bearer(token)).json() or {}
        self.report(400 <= answer.status < 500 and after.get("qty") == own["qty"], name,
                    f"{own['id']} (qty {own['qty']}): answered {answer.status}; stored qty now {after.get('qty')}")

    def observer_counts(self):
        name = "small: observers' /api/v1/dashboard counts leave unreleased demands out"
        demands = self.staff_demands()
        released = sum(1 for d in demands if d["released"])
        answer = Client(self.port).get("/api/v1/dashboard", headers=bearer(self.tokens["observer"]))
        counts = (answer.json() or {}).get("counts", {})
        demand_counts = {k: v for k, v in counts.items() if "demand" in k.lower()}
        ok = answer.status == 200 and all(v <= released for v in demand_counts.values())
        self.report(ok, name, f"observer's counts {counts}; the database holds {len(demands)} demands, {released} released")

    def all(self):
        self.crash()
        self.run("upload memory", self.upload_memory)
        self.run("takeover", self.takeover)
        self.run("huge quantity", self.huge_quantity)
        self.run("concurrent guesses: verification codes", self.concurrent_codes)
        self.run("concurrent guesses: sign-ins", self.concurrent_sign_ins)
        self.enumeration()
        self.run("registration throttle", self.registration_throttle)
        self.run("chunked form", self.chunked_form)
        self.run("oracle", self.oracle)
        self.run("lock-out of the wrong people", self.no_lockout_on_success)
        self.run("small: token Cache-Control", self.token_no_store)
        self.run("small: form number 0x10", self.hex_form_number)
        self.run("small: observer counts", self.observer_counts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", required=True, help="the rampart binary to probe")
    parser.add_argument("--port", type=int, default=8099)
    parser.add_argument("--keep", action="store_true", help="keep the temporary database and server log")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="rampart-probe-")
    server = Server(os.path.abspath(args.binary), args.port, os.path.join(workdir, "probe.sqlite"), os.path.join(workdir, "server.log"))
    log(f"== {args.binary} on 127.0.0.1:{args.port}, data and log in {workdir}")
    probes = None
    try:
        server.start()
        probes = Probes(server)
        probes.sign_in()
        probes.all()
    except HarnessError as error:
        log(f"harness error: {error}")
        return 2
    finally:
        server.stop()
        if args.keep:
            log(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    passed = sum(probes.results)
    print(f"{passed} passed, {len(probes.results) - passed} failed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
