#!/usr/bin/env python3
"""Soak test of the server: the M scenario loaded, an open-loop mix of reads and writes by every role at a fixed
rate (200 requests/s) for 10 minutes, a plan run started every minute, on SQLite and on PostgreSQL (a throwaway
cluster with fsync on, started by scripts/start-postgres.sh on 127.0.0.1:5435 and removed afterwards).

    python3 bench/soak.py [--database sqlite|postgres|both] [--binary PATH] [--rate 200] [--seconds 600]
                          [--plan-every 60] [--rss-every 30] [--output bench/out/soak-results.json]

Every request is recorded with its kind (read or write), route, the role sending it, its status and its latency,
counted from the moment it was scheduled (bench/load.py's rule: a slow server cannot hide its queueing). Errors
are 5xx answers, failed connections and timeouts (`--timeout`); a 409 for a stale version is an answer. Answers
other than the expected ones (say a 422 or 404) are not errors but are listed, with the request that got them.
The server's resident memory (VmRSS from /proc/PID/status), its open files and threads are sampled every
`--rss-every` seconds. The targets (reads' p99 under 50 ms, writes' under 200 ms, no errors, memory that does not
grow after the first `--settle` seconds) are printed as met or not; the exit status is non-zero only when the
harness itself fails (the server does not start, a sign-in fails, ...), never for a missed target.
"""
import argparse
import asyncio
import copy
import datetime
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.parse

import load
import server_bench as bench

HOST = "127.0.0.1"
READ_P99_MS = 50.0
WRITE_P99_MS = 200.0
CONNECTION_FAILED, TIMED_OUT = 0, -1
ROLES = ("staff", "delegate", "industry", "observer")
LOGGED_ERROR = re.compile(r"^\S+ (error|critical) |\[ (ERROR|CRITICAL) \]")  # Vapor's log lines at error level or above


# ---------------------------------------------------------------- what the simulated clients know

class Clients:
    """The four demo accounts (a token and a session cookie each) and what they have read: the versions of the
    delegate's first page of demands and of industry's sources, the demands entered by the soak and not yet
    withdrawn, and the latest successful plan run."""

    def __init__(self, nation, tokens, cookies, demands, sources, template, latest_plan):
        self.nation = nation
        self.tokens, self.cookies = tokens, cookies
        self.demands = demands            # code -> {"version", "qty0"}
        self.sources = sources            # code -> {"version", "capacity0"}
        self.template = template          # item or class and due month for new demands
        self.latest_plan = latest_plan    # id of the latest successful run
        self.entered = []                 # [code, version] of demands entered by the soak, not yet withdrawn
        self.entering = 0                 # creations in flight
        self.serial = 0
        self.plan_runs = []               # runs started by the soak: {"id", "at"}

    def bearer(self, role):
        return {"Authorization": f"Bearer {self.tokens[role]}"}

    def cookie(self, role):
        return {"Cookie": self.cookies[role]}


class Op:
    """One request to send: its kind, route label, role, method, path, headers, body; the answers expected; and
    what to learn from the answer (`learn(status, body)`)."""
    __slots__ = ("kind", "route", "role", "method", "path", "headers", "body", "expected", "learn")

    def __init__(self, kind, route, role, method, path, headers, body=None, expected=(200,), learn=None):
        self.kind, self.route, self.role, self.method, self.path = kind, route, role, method, path
        self.headers = dict(headers)
        self.body = None
        if body is not None:
            self.body = json.dumps(body).encode()
            self.headers["Content-Type"] = "application/json"
        self.expected, self.learn = expected, learn


def stale_version(body):
    """The current version a 409 names ("... it is now at version N ..."), or None."""
    try:
        match = re.search(r"now at version (\d+)", json.loads(body).get("reason", ""))
    except (ValueError, AttributeError):
        return None
    return int(match.group(1)) if match else None


def json_body(body):
    try:
        return json.loads(body)
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------- the mix

def read_ops(c):
    """Every read of the mix as (route, role, make-op), chosen uniformly."""
    nation = c.nation

    def learn_plans(status, body):
        page = json_body(body) if status == 200 else None
        for run in (page or {}).get("items", []):
            if run.get("status") == "succeeded" and run.get("id"):
                c.latest_plan = run["id"]
                break

    def learn_demands(status, body):
        page = json_body(body) if status == 200 else None
        for demand in (page or {}).get("items", []):
            known = c.demands.get(demand.get("id"))
            if known is not None and isinstance(demand.get("version"), int):
                known["version"] = max(known["version"], demand["version"])

    def learn_sources(status, body):
        page = json_body(body) if status == 200 else None
        for source in (page or {}).get("items", []):
            known = c.sources.get(source.get("id"))
            if known is not None and isinstance(source.get("version"), int):
                known["version"] = max(known["version"], source["version"])

    ops = []
    for role in ROLES:
        ops.append(("GET /dashboard (page)", role, lambda r=role: Op("read", "GET /dashboard (page)", r, "GET", "/dashboard", c.cookie(r))))
        ops.append(("GET /api/v1/dashboard", role, lambda r=role: Op("read", "GET /api/v1/dashboard", r, "GET", "/api/v1/dashboard", c.bearer(r))))
        ops.append(("GET /api/v1/plans", role, lambda r=role: Op("read", "GET /api/v1/plans", r, "GET", "/api/v1/plans?per=20", c.bearer(r),
                                                                 learn=learn_plans)))
        ops.append(("GET /api/v1/signals", role, lambda r=role: Op("read", "GET /api/v1/signals", r, "GET", "/api/v1/signals", c.bearer(r))))
        ops.append(("GET /plans/{id} (page)", role, lambda r=role: Op("read", "GET /plans/{id} (page)", r, "GET", f"/plans/{c.latest_plan}",
                                                                      c.cookie(r))))
    for role in ("staff", "delegate"):
        ops.append((f"GET /api/v1/nations/{nation}/demands", role,
                    lambda r=role: Op("read", "GET /api/v1/nations/{code}/demands", r, "GET", f"/api/v1/nations/{nation}/demands?per=50",
                                      c.bearer(r), learn=learn_demands)))
    for role in ("staff", "industry"):
        ops.append(("GET /api/v1/sources", role,
                    lambda r=role: Op("read", "GET /api/v1/sources", r, "GET", "/api/v1/sources?per=50", c.bearer(r),
                                      learn=learn_sources if r == "industry" else None)))
    return ops


def patch_demand(c, rng):
    """A delegate changes the quantity of one of its nation's demands, at the version it last read."""
    code = rng.choice(sorted(c.demands))
    known = c.demands[code]
    sent = known["version"]

    def learn(status, body):
        if status == 200:
            version = (json_body(body) or {}).get("version")
            if isinstance(version, int):
                known["version"] = max(known["version"], version)
        elif status == 409:
            known["version"] = max(known["version"], stale_version(body) or sent)

    qty = max(1, round(known["qty0"]) + rng.randint(-2, 2))
    return Op("write", "PATCH /api/v1/demands/{code}", "delegate", "PATCH", f"/api/v1/demands/{urllib.parse.quote(code)}",
              c.bearer("delegate"), {"qty": qty, "version": sent}, expected=(200, 409), learn=learn)


def enter_demand(c, rng):
    """A delegate enters a new demand of its nation (D-<NATION>-SOAK-nnnn)."""
    c.serial += 1
    c.entering += 1
    code = f"D-{c.nation}-SOAK-{c.serial:04d}"
    body = dict(c.template, id=code, qty=rng.randint(1, 50), priority=rng.randint(1, 5))

    def learn(status, answer):
        c.entering -= 1
        if status == 201:
            version = (json_body(answer) or {}).get("version", 1)
            c.entered.append([code, version])

    return Op("write", "POST /api/v1/nations/{code}/demands", "delegate", "POST", f"/api/v1/nations/{c.nation}/demands",
              c.bearer("delegate"), body, expected=(201, 409), learn=learn)


def withdraw_demand(c, rng):
    """A delegate withdraws one of the demands the soak entered, at the version it got back."""
    entry = c.entered.pop(rng.randrange(len(c.entered)))
    code, version = entry

    def learn(status, body):
        if status == 409:
            entry[1] = stale_version(body) or version
            c.entered.append(entry)
        elif status not in (204, 404):
            c.entered.append(entry)   # not withdrawn: it may be tried again

    return Op("write", "DELETE /api/v1/demands/{code}", "delegate", "DELETE",
              f"/api/v1/demands/{urllib.parse.quote(code)}?version={version}", c.bearer("delegate"), expected=(204, 409), learn=learn)


def patch_source(c, rng):
    """Industry changes one of its company's capacity schedules (the schedule it read at the start, scaled by 0.9 to
    1.1), at the version it last read."""
    code = rng.choice(sorted(c.sources))
    known = c.sources[code]
    sent = known["version"]
    factor = rng.choice((0.9, 0.95, 1.0, 1.05, 1.1))
    steps = [{"from": step["from"], "perMonth": round(step["perMonth"] * factor, 3)} for step in known["capacity0"]]

    def learn(status, body):
        if status == 200:
            version = (json_body(body) or {}).get("version")
            if isinstance(version, int):
                known["version"] = max(known["version"], version)
        elif status == 409:
            known["version"] = max(known["version"], stale_version(body) or sent)

    return Op("write", "PATCH /api/v1/sources/{code}", "industry", "PATCH", f"/api/v1/sources/{urllib.parse.quote(code)}",
              c.bearer("industry"), {"capacity": steps, "version": sent}, expected=(200, 409), learn=learn)


def start_plan(c, at):
    def learn(status, body):
        run = json_body(body) if status == 202 else None
        c.plan_runs.append({"id": (run or {}).get("id"), "at": round(at, 1), "status": status})

    return Op("write", "POST /api/v1/plans", "staff", "POST", "/api/v1/plans", c.bearer("staff"), expected=(202,), learn=learn)


class Mix:
    """Chooses the next request: a read with probability 1 - write_share (uniformly among the reads), else a write:
    4 in 10 a demand's quantity, 2 a new demand, 2 a withdrawal, 2 a capacity schedule. At most `max_entered`
    demands entered by the soak stand (or are being entered) at once: beyond, a withdrawal replaces the entry, or a
    capacity change when there is none to withdraw yet; a withdrawal with nothing to withdraw becomes an entry. So the
    scenario keeps its size."""

    def __init__(self, clients, write_share, seed, max_entered=40):
        self.c, self.write_share, self.rng, self.max_entered = clients, write_share, random.Random(seed), max_entered
        self.reads = read_ops(clients)

    def next(self):
        c, rng = self.c, self.rng
        if rng.random() >= self.write_share:
            return rng.choice(self.reads)[2]()
        pick = rng.random()
        if pick < 0.4 and c.demands:
            return patch_demand(c, rng)
        if pick < 0.8:
            full = len(c.entered) + c.entering >= self.max_entered
            if c.entered and (pick >= 0.6 or full):
                return withdraw_demand(c, rng)
            if not full:
                return enter_demand(c, rng)
        if c.sources:
            return patch_source(c, rng)
        return patch_demand(c, rng) if c.demands else rng.choice(self.reads)[2]()


# ---------------------------------------------------------------- the server's memory

def process_sample(pid):
    """VmRSS and VmHWM (MiB), threads, open files and CPU seconds of process `pid`, from /proc."""
    sample = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                sample[name.lower() + "_mib"] = round(int(value.split()[0]) / 1024.0, 1)
            elif name == "Threads":
                sample["threads"] = int(value)
    sample["open_files"] = len(os.listdir(f"/proc/{pid}/fd"))
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    sample["cpu_s"] = round((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), 2)
    return sample


# ---------------------------------------------------------------- the load

async def soak(clients, port, pid, args):
    """Runs the mix at args.rate for args.seconds, starts a plan every args.plan_every seconds and samples the
    server every args.rss_every seconds. Returns (records, samples, samples of unexpected answers, harness lag)."""
    loop = asyncio.get_running_loop()
    mix = Mix(clients, args.write_share, args.seed)
    pool = asyncio.Queue()
    for _ in range(args.connections):
        pool.put_nowait(load.Connection(HOST, port))
    records, samples, unexpected = [], [], {}
    lag = {"max_s": 0.0, "late_over_10ms": 0}
    start = loop.time() + 0.1
    tasks = set()

    async def send(op, at):
        connection, status, answer = None, CONNECTION_FAILED, b""
        try:
            async with asyncio.timeout_at(at + args.timeout):
                connection = await pool.get()
                status, answer, _ = await connection.exchange(op.method, op.path, op.headers, op.body, keep_body=True)
        except TimeoutError:
            status = TIMED_OUT
            if connection is not None:
                connection.close()
        except (ConnectionError, asyncio.IncompleteReadError, OSError, ValueError, IndexError):
            status = CONNECTION_FAILED
            if connection is not None:
                connection.close()
        finally:
            if connection is not None:
                pool.put_nowait(connection)
        latency = loop.time() - at
        records.append((round(at - start, 4), op.kind, op.route, op.role, status, latency))
        if op.learn is not None:
            op.learn(status, answer)
        if status not in op.expected:
            kept = unexpected.setdefault((op.route, status), [])
            if len(kept) < 3:
                kept.append({"at_s": round(at - start, 2), "role": op.role, "request": f"{op.method} {op.path}",
                             "body": op.body.decode() if op.body else None,
                             "answer": (answer or b"")[:600].decode("utf-8", "replace")})

    def launch(op, at):
        task = loop.create_task(send(op, at))
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    async def requests():
        interval = 1.0 / args.rate
        for index in range(int(args.rate * args.seconds)):
            at = start + index * interval
            delay = at - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            late = loop.time() - at
            lag["max_s"] = max(lag["max_s"], late)
            lag["late_over_10ms"] += late > 0.010
            launch(mix.next(), at)

    async def plans():
        if args.plan_every <= 0:
            return
        for index in range(int((args.seconds - 1e-9) // args.plan_every) + 1):
            at = start + index * args.plan_every
            await asyncio.sleep(max(0.0, at - loop.time()))
            launch(start_plan(clients, at - start), at)

    async def sampler():
        index = 0
        while index * args.rss_every < args.seconds:
            at = start + index * args.rss_every
            index += 1
            await asyncio.sleep(max(0.0, at - loop.time()))
            samples.append(dict(t_s=round(loop.time() - start, 1), **process_sample(pid)))

    await asyncio.gather(requests(), plans(), sampler())
    if tasks:
        await asyncio.wait(set(tasks), timeout=args.timeout + 5)
    samples.append(dict(t_s=round(loop.time() - start, 1), **process_sample(pid)))
    while not pool.empty():
        pool.get_nowait().close()
    return records, samples, unexpected, lag


# ---------------------------------------------------------------- the report

def stats(rows):
    """rows: [(status, latency_s)] -> requests, errors, p50/p90/p99/max in ms, count per status."""
    latencies = [latency * 1000 for _, latency in rows]
    statuses = {}
    for status, _ in rows:
        key = {CONNECTION_FAILED: "connection failed", TIMED_OUT: "timeout"}.get(status, str(status))
        statuses[key] = statuses.get(key, 0) + 1
    return {"requests": len(rows), "errors": sum(1 for status, _ in rows if is_error(status)),
            "p50_ms": load.percentile(latencies, 50), "p90_ms": load.percentile(latencies, 90),
            "p99_ms": load.percentile(latencies, 99), "max_ms": max(latencies) if latencies else float("nan"),
            "statuses": dict(sorted(statuses.items()))}


def is_error(status):
    return status >= 500 or status in (CONNECTION_FAILED, TIMED_OUT)


def memory_verdict(samples, settle_s, tolerance_pct):
    """Whether the resident memory grew after the first `settle_s` seconds: the highest sample after them against the
    highest up to them, and the least-squares trend of the samples after them."""
    before = [s["vmrss_mib"] for s in samples if s["t_s"] <= settle_s]
    after = [s for s in samples if s["t_s"] > settle_s]
    if not before or not after:
        return {"met": None, "why": "too few samples after the settling time"}
    baseline, peak = max(before), max(s["vmrss_mib"] for s in after)
    trend = None
    if len(after) >= 2:
        ts, vs = [s["t_s"] for s in after], [s["vmrss_mib"] for s in after]
        mt, mv = sum(ts) / len(ts), sum(vs) / len(vs)
        var = sum((t - mt) ** 2 for t in ts)
        trend = 60.0 * sum((t - mt) * (v - mv) for t, v in zip(ts, vs)) / var if var else 0.0
    allowed = baseline * tolerance_pct / 100.0
    span_min = (after[-1]["t_s"] - after[0]["t_s"]) / 60.0
    met = peak - baseline <= allowed and (trend is None or trend * span_min <= allowed)
    return {"met": met, "settle_s": settle_s, "peak_during_settle_mib": baseline, "peak_after_mib": peak,
            "growth_mib": round(peak - baseline, 1), "trend_mib_per_min": None if trend is None else round(trend, 2),
            "tolerance_pct": tolerance_pct, "last_mib": after[-1]["vmrss_mib"]}


def summarise(records, samples, args):
    by_route, by_kind, by_role = {}, {"read": [], "write": []}, {}
    for _, kind, route, role, status, latency in records:
        by_route.setdefault((kind, route), []).append((status, latency))
        by_kind[kind].append((status, latency))
        by_role.setdefault(f"{kind} {role}", []).append((status, latency))
    windows = []
    for index, sample in enumerate(samples[1:], start=1):
        lo, hi = samples[index - 1]["t_s"], sample["t_s"]
        rows = [r for r in records if lo <= r[0] < hi] if index < len(samples) - 1 else [r for r in records if r[0] >= lo]
        reads = [(r[4], r[5]) for r in rows if r[1] == "read"]
        writes = [(r[4], r[5]) for r in rows if r[1] == "write"]
        windows.append({"from_s": lo, "to_s": hi, "reads": stats(reads), "writes": stats(writes),
                        "errors": sum(1 for r in rows if is_error(r[4])), "server": sample})
    errors = {"5xx": sum(1 for r in records if r[4] >= 500), "connection failed": sum(1 for r in records if r[4] == CONNECTION_FAILED),
              "timeout": sum(1 for r in records if r[4] == TIMED_OUT)}
    return {"reads": stats(by_kind["read"]), "writes": stats(by_kind["write"]),
            "routes": {route: dict(kind=kind, **stats(rows)) for (kind, route), rows in sorted(by_route.items())},
            "roles": {key: stats(rows) for key, rows in sorted(by_role.items())},
            "errors": dict(errors, total=sum(errors.values())), "windows": windows,
            "memory": memory_verdict(samples, min(args.settle, args.seconds / 3.0), args.rss_tolerance)}


def parse_time(text):
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
    except (AttributeError, ValueError):
        return None


def plan_outcomes(base, token, started, wait_s):
    """Waits (at most wait_s) for the runs the soak started to finish; returns each one's status and times."""
    wanted = {run["id"] for run in started if run.get("id")}
    deadline, found = time.time() + wait_s, {}
    while True:
        status, body, _ = bench.http("GET", base + f"/api/v1/plans?per={min(500, max(20, len(wanted) + 5))}",
                                     headers={"Authorization": f"Bearer {token}"})
        if status == 200:
            found = {run["id"]: run for run in json.loads(body)["items"] if run["id"] in wanted}
        if all(found.get(i, {}).get("status") in ("succeeded", "failed") for i in wanted) or time.time() > deadline:
            break
        time.sleep(1)
    outcomes = []
    for run in started:
        got = found.get(run.get("id"), {})
        created, begun, finished = (parse_time(got.get(k)) for k in ("createdAt", "startedAt", "finishedAt"))
        outcomes.append({"started_at_s": run["at"], "post_status": run["status"], "id": run.get("id"),
                         "status": got.get("status", "unknown"), "error": got.get("error"),
                         "queued_s": begun - created if begun and created else None,
                         "seconds": finished - begun if finished and begun else None})
    return outcomes


# ---------------------------------------------------------------- one database

def sample_ops(clients):
    """One request of every kind the mix sends, made on a copy of `clients` (which they leave as it was)."""
    c, rng = copy.deepcopy(clients), random.Random(0)
    ops = [make() for _, _, make in read_ops(c)] + [patch_demand(c, rng), enter_demand(c, rng), start_plan(c, 0)]
    if c.sources:
        ops.append(patch_source(c, rng))
    c.entered.append([f"D-{c.nation}-SOAK-0000", 1])
    ops.append(withdraw_demand(c, rng))
    return ops


def openapi_check(base, ops):
    """Checks the requests the soak sends against /api/v1/openapi.json: the operation exists, every body field is
    in the schema and every required field is sent. Returns the problems found (empty when it agrees)."""
    status, body, _ = bench.http("GET", base + "/api/v1/openapi.json")
    if status != 200:
        return [f"GET /api/v1/openapi.json answered {status}"]
    document = json.loads(body)

    def resolve(schema):
        while "$ref" in schema:
            schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
        return schema

    problems = []
    for op in ops:
        template = op.route.split(" ", 1)[1]
        operation = document.get("paths", {}).get(template, {}).get(op.method.lower())
        if operation is None:
            problems.append(f"{op.method} {template}: not in the document")
            continue
        if op.body is None:
            continue
        schema = resolve(operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {}))
        sent = json.loads(op.body)
        properties = schema.get("properties", {})
        problems += [f"{op.method} {template}: `{k}` is not in its schema" for k in sent if k not in properties]
        problems += [f"{op.method} {template}: required `{k}` not sent" for k in schema.get("required", []) if k not in sent]
        for key, value in sent.items():
            item = resolve(properties.get(key, {})).get("items")
            if isinstance(value, list) and value and item:
                fields = resolve(item).get("properties", {})
                problems += [f"{op.method} {template}: `{key}[].{k}` is not in its schema" for k in value[0] if k not in fields]
    return problems


def drain(stream, log):
    """Copies the server's standard output to its log, so that the pipe never fills up and blocks it."""
    for line in stream:
        log.write(line)


def soak_database(database, scenario, args):
    name = f"soak-{database}"
    env, data_args = bench.prepare_database(args.binary, database, scenario, os.path.join(bench.OUT, "soak.sqlite"),
                                            pg_port=args.pg_port, pg_state=args.pg_state, stdout=subprocess.DEVNULL)
    log_path = os.path.join(bench.OUT, f"{name}.log")
    log = open(log_path, "w", buffering=1)
    try:
        server, accounts, base = bench.serve_demo(args.binary, args.port, data_args, env, log)
    except BaseException:
        log.close()
        if database == "postgres":
            bench.stop_postgres(args.pg_state)
        raise
    drainer = threading.Thread(target=drain, args=(server.stdout, log), daemon=True)
    drainer.start()
    try:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited ({server.returncode}); see {log_path}")
        emails = {"staff": "staff@rampart.demo", "industry": "industry@rampart.demo", "observer": "observer@rampart.demo",
                  "delegate": next(e for e in accounts if e.startswith("delegate."))}
        nation = emails["delegate"].split(".")[1].split("@")[0].upper()
        tokens = {role: bench.api_token(base, email, accounts[email]) for role, email in emails.items()}
        cookies = {role: bench.sign_in_cookie(base, email, accounts[email]) for role, email in emails.items()}
        print(f"== {database}: waiting for the demo's first plan of the scenario", flush=True)
        first = bench.wait_for_runs(base, tokens["staff"], timeout=args.plan_wait)
        latest = next((run["id"] for run in first if run["status"] == "succeeded"), None)
        if latest is None:
            raise RuntimeError(f"the first plan run did not succeed: {first[0].get('error')}")

        status, body, _ = bench.http("GET", base + f"/api/v1/nations/{nation}/demands?per=50", headers={"Authorization": f"Bearer {tokens['delegate']}"})
        page = json.loads(body)["items"] if status == 200 else []
        if not page:
            raise RuntimeError(f"the delegate read no demands of {nation} ({status})")
        demands = {d["id"]: {"version": d["version"], "qty0": d["qty"]} for d in page}
        template = {"item": page[0]["item"]} if page[0].get("item") else {"class": page[0]["class"]}
        template["dueMonth"] = page[0]["dueMonth"]
        status, body, _ = bench.http("GET", base + "/api/v1/sources?per=50", headers={"Authorization": f"Bearer {tokens['industry']}"})
        sources = {s["id"]: {"version": s["version"], "capacity0": s["capacity"]} for s in (json.loads(body)["items"] if status == 200 else [])
                   if s["capacity"]}
        if not sources:
            print(f"   industry reads no source with a capacity schedule ({status}): no capacity changes in the mix", flush=True)
        clients = Clients(nation, tokens, cookies, demands, sources, template, latest)

        contract = openapi_check(base, [op for op in sample_ops(clients) if op.route.split(" ", 1)[1].startswith("/api/")])
        for problem in contract:
            print(f"   OpenAPI: {problem}", flush=True)

        print(f"== {database}: soak of {args.seconds:.0f} s at {args.rate:.0f} requests/s ({args.write_share:.0%} writes), "
              f"a plan every {args.plan_every:.0f} s; delegate of {nation}, industry with {len(sources)} sources", flush=True)
        before = bench.cpu_times()
        records, samples, unexpected, lag = asyncio.run(soak(clients, args.port, server.pid, args))
        delta = [b - a for a, b in zip(before, bench.cpu_times())]
        steal = 100.0 * delta[7] / max(1, sum(delta))
        print(f"== {database}: load done; waiting for the plan runs (at most {args.plan_wait:.0f} s)", flush=True)
        plans = plan_outcomes(base, tokens["staff"], clients.plan_runs, args.plan_wait)
        server_alive = server.poll() is None
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except Exception:
            server.kill()
            server.wait(timeout=30)
        if database == "postgres":
            bench.stop_postgres(args.pg_state)
        drainer.join(timeout=10)
        log.flush()
    log.close()

    with open(log_path, errors="replace") as text:
        logged = [line.rstrip() for line in text if LOGGED_ERROR.search(line)]
    report = summarise(records, samples, args)
    report.update({
        "database": database, "demands": first[0].get("demandCount"), "nation": nation, "steal_pct": round(steal, 1),
        "harness_lag": {"max_ms": round(lag["max_s"] * 1000, 1), "requests_sent_over_10ms_late": lag["late_over_10ms"]},
        "plans": plans, "server_alive_at_end": server_alive, "openapi_problems": contract,
        "slowest": [{"at_s": r[0], "kind": r[1], "route": r[2], "role": r[3], "status": r[4], "ms": round(r[5] * 1000, 1)}
                    for r in sorted(records, key=lambda r: -r[5])[:50]],
        "unexpected_answers": [{"route": route, "status": status, "count": sum(1 for r in records if r[2] == route and r[4] == status),
                                "examples": examples} for (route, status), examples in sorted(unexpected.items(), key=lambda kv: (kv[0][0], kv[0][1]))],
        "server_log": {"path": os.path.relpath(log_path, bench.ROOT), "error_lines": len(logged), "first_error_lines": logged[:10]},
    })
    report["targets"] = {
        "reads_p99": {"ms": report["reads"]["p99_ms"], "under_ms": READ_P99_MS, "met": report["reads"]["p99_ms"] < READ_P99_MS},
        "writes_p99": {"ms": report["writes"]["p99_ms"], "under_ms": WRITE_P99_MS, "met": report["writes"]["p99_ms"] < WRITE_P99_MS},
        "no_errors": {"errors": report["errors"]["total"], "met": report["errors"]["total"] == 0},
        "memory_flat": report["memory"],
    }
    return report


# ---------------------------------------------------------------- printing

def show(report, args):
    print(f"\n{report['database']}: {report['demands']} demands; {args.rate:.0f} requests/s for {args.seconds:.0f} s "
          f"({report['reads']['requests']} reads, {report['writes']['requests']} writes), a plan every {args.plan_every:.0f} s; "
          f"CPU steal {report['steal_pct']:.0f}%; harness: latest send {report['harness_lag']['max_ms']:.0f} ms behind schedule")
    print(f"{'route':38} {'kind':5} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>6}  answers")

    def row(label, kind, s):
        answers = ", ".join(f"{k}: {v}" for k, v in s["statuses"].items())
        print(f"{label:38} {kind:5} {s['requests']:8d} {s['p50_ms']:8.1f} {s['p99_ms']:8.1f} {s['max_ms']:8.1f} {s['errors']:6d}  {answers}")

    for route, s in report["routes"].items():
        row(route, s["kind"], s)
    row("all reads", "read", report["reads"])
    row("all writes", "write", report["writes"])

    print(f"\n-- every {args.rss_every:.0f} s (latency by scheduled time; server sampled at the end of each window)")
    print(f"{'window s':>11} {'reads':>6} {'p50':>7} {'p99':>7} {'writes':>6} {'p50':>7} {'p99':>7} {'errors':>6} "
          f"{'RSS MiB':>8} {'HWM MiB':>8} {'files':>5} {'threads':>7} {'CPU s':>7}")
    for w in report["windows"]:
        r, wr, s = w["reads"], w["writes"], w["server"]
        print(f"{w['from_s']:5.0f}-{w['to_s']:<5.0f} {r['requests']:6d} {r['p50_ms']:7.1f} {r['p99_ms']:7.1f} {wr['requests']:6d} "
              f"{wr['p50_ms']:7.1f} {wr['p99_ms']:7.1f} {w['errors']:6d} {s['vmrss_mib']:8.1f} {s['vmhwm_mib']:8.1f} "
              f"{s['open_files']:5d} {s['threads']:7d} {s['cpu_s']:7.1f}")

    plans = report["plans"]
    done = [p for p in plans if p["status"] == "succeeded"]
    print(f"\n-- plan runs: {len(plans)} started, {len(done)} succeeded, "
          f"{sum(1 for p in plans if p['status'] == 'failed')} failed, "
          f"{sum(1 for p in plans if p['status'] not in ('succeeded', 'failed'))} unfinished")
    for p in plans:
        seconds = "?" if p["seconds"] is None else f"{p['seconds']:.0f} s"
        queued = "?" if p["queued_s"] is None else f"{p['queued_s']:.0f} s"
        print(f"   at {p['started_at_s']:6.1f} s: POST {p['post_status']}, {p['status']}, queued {queued}, ran {seconds}"
              + (f" ({p['error']})" if p.get("error") else ""))

    if report["unexpected_answers"]:
        print("\n-- answers other than the expected ones (not errors unless 5xx)")
        for u in report["unexpected_answers"]:
            status = {CONNECTION_FAILED: "connection failed", TIMED_OUT: "timeout"}.get(u["status"], u["status"])
            example = u["examples"][0]
            print(f"   {u['route']}: {status} x{u['count']}, e.g. {example['role']} {example['request']}"
                  + (f" {example['body']}" if example["body"] else "") + f" -> {example['answer'][:300]}")
    if report["openapi_problems"]:
        print("\n-- requests the OpenAPI document does not describe: " + "; ".join(report["openapi_problems"]))
    log = report["server_log"]
    print(f"\n-- server log {log['path']}: {log['error_lines']} error lines" + "".join(f"\n   {l[:300]}" for l in log["first_error_lines"][:5]))
    if not report["server_alive_at_end"]:
        print("   the server was no longer running at the end")

    t = report["targets"]
    verdict = {True: "met", False: "NOT MET", None: "not judged"}
    print("\n-- targets")
    print(f"   reads p99 {t['reads_p99']['ms']:.1f} ms (under {READ_P99_MS:.0f} ms): {verdict[t['reads_p99']['met']]}")
    print(f"   writes p99 {t['writes_p99']['ms']:.1f} ms (under {WRITE_P99_MS:.0f} ms): {verdict[t['writes_p99']['met']]}")
    e = report["errors"]
    print(f"   errors {e['total']} (5xx {e['5xx']}, connections failed {e['connection failed']}, timeouts {e['timeout']}): "
          f"{verdict[t['no_errors']['met']]}")
    m = t["memory_flat"]
    if m.get("met") is None:
        print(f"   memory: {verdict[None]} ({m.get('why')})")
    else:
        print(f"   memory: peak after the first {m['settle_s']:.0f} s {m['peak_after_mib']:.1f} MiB against {m['peak_during_settle_mib']:.1f} MiB "
              f"before ({m['growth_mib']:+.1f} MiB), trend {m['trend_mib_per_min']} MiB/min, allowed +{m['tolerance_pct']:.0f}%: "
              f"{verdict[m['met']]}")


# ---------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--binary", help="a rampart binary to soak (an earlier build, say) instead of building this tree's release")
    parser.add_argument("--rate", type=float, default=200, help="requests a second, open loop (default 200)")
    parser.add_argument("--seconds", type=float, default=600, help="how long the load lasts (default 600)")
    parser.add_argument("--plan-every", type=float, default=60, help="start a plan run every this many seconds, from 0 (0: none; default 60)")
    parser.add_argument("--write-share", type=float, default=0.2, help="the share of writes in the mix (default 0.2)")
    parser.add_argument("--rss-every", type=float, default=30, help="sample the server's memory every this many seconds (default 30)")
    parser.add_argument("--settle", type=float, default=120,
                        help="memory may grow during the first this many seconds (default 120; at most a third of --seconds)")
    parser.add_argument("--rss-tolerance", type=float, default=10, help="growth allowed after --settle, in %% of the peak before (default 10)")
    parser.add_argument("--timeout", type=float, default=10, help="a request not answered this many seconds after its time is an error")
    parser.add_argument("--plan-wait", type=float, default=600, help="how long to wait for plan runs to finish (default 600 s)")
    parser.add_argument("--connections", type=int, default=32, help="keep-alive connections (default 32, as server_bench)")
    parser.add_argument("--scale", default="M")
    parser.add_argument("--seed", type=int, default=1, help="seed of the mix")
    parser.add_argument("--port", type=int, default=8099)
    parser.add_argument("--pg-port", type=int, default=5435)
    parser.add_argument("--pg-state", default="/tmp/rampart-soak-pg")
    parser.add_argument("--output", default=os.path.join(bench.OUT, "soak-results.json"))
    args = parser.parse_args()
    if args.rate <= 0 or args.seconds <= 0 or args.rss_every <= 0 or not 0 <= args.write_share <= 1:
        parser.error("--rate, --seconds and --rss-every must be above 0 and --write-share 0 to 1")

    os.makedirs(bench.OUT, exist_ok=True)
    if args.binary is None:
        print("== building rampart (release)", flush=True)
        args.binary = bench.release_binary()
    args.binary = os.path.abspath(args.binary)
    scenario = os.path.join(bench.OUT, f"soak-{args.scale}.json")
    bench.sh(args.binary, "generate", "--scale", args.scale, "--seed", "1", "-o", scenario)

    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    reports = []
    for database in databases:
        reports.append(soak_database(database, scenario, args))
        show(reports[-1], args)
    machine = {"cores": os.cpu_count(), "cpu": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")}
    settings = {k: v for k, v in vars(args).items() if k not in ("output",)}
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w") as out:
        json.dump({"settings": settings, "machine": machine, "date": time.strftime("%Y-%m-%d %H:%M"), "databases": reports}, out, indent=1)
    print(f"\nresults: {os.path.abspath(args.output)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
