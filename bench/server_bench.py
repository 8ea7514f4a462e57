#!/usr/bin/env python3
"""Server benchmark: dashboard and API reads at a fixed rate with the M scenario loaded, then the same
load while a plan of M runs in the background, on SQLite and on PostgreSQL (a throwaway cluster with fsync on,
started by scripts/start-postgres.sh on 127.0.0.1:5434). Writes bench/out/server-results.json.

    python3 bench/server_bench.py --runs 5 --rate 200 --seconds 20 [--database sqlite|postgres|both]
"""
import argparse
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import load

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
BIN = os.path.join(ROOT, ".build-release", "release", "rampart")


def sh(*args, **kw):
    return subprocess.run(args, check=True, cwd=ROOT, **kw)


def http(method, url, body=None, headers=None):
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def sign_in_cookie(base, email, password):
    """Signs in through the form (with its CSRF cookie) and returns the Cookie header."""
    status, body, headers = http("GET", base + "/signin")
    csrf = re.search(r"rampart_csrf=([^;]+)", headers.get("Set-Cookie", "")).group(1)
    form = urllib.parse.urlencode({"email": email, "password": password, "next": "/dashboard", "csrf_token": csrf}).encode()
    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(base + "/signin", data=form, method="POST", headers={
        "Cookie": f"rampart_csrf={csrf}", "Content-Type": "application/x-www-form-urlencoded"})
    try:
        opener.open(request)
    except urllib.error.HTTPError as error:
        cookies = error.headers.get_all("Set-Cookie") or []
        session = next(c for c in cookies if c.startswith("rampart_session="))
        return session.split(";")[0]
    raise RuntimeError("sign-in did not redirect")


def wait_for_runs(base, token, timeout=600):
    deadline = time.time() + timeout
    while time.time() < deadline:
        _, body, _ = http("GET", base + "/api/v1/plans?per=5", headers={"Authorization": f"Bearer {token}"})
        runs = json.loads(body)["items"]
        if runs and all(r["status"] in ("succeeded", "failed") for r in runs):
            return runs
        time.sleep(0.5)
    raise RuntimeError("plan runs did not finish")


def cpu_times():
    """The machine's CPU counters (/proc/stat): user, nice, system, idle, iowait, irq, softirq, steal."""
    with open("/proc/stat") as stat:
        return [int(v) for v in stat.readline().split()[1:9]]


def measured(run):
    """Runs `run()` and returns its result with the share of CPU time the hypervisor took away meanwhile (steal):
    on a shared VM, a run with high steal measures the neighbours, not the server."""
    before = cpu_times()
    result = run()
    delta = [b - a for a, b in zip(before, cpu_times())]
    return result, 100.0 * delta[7] / max(1, sum(delta))


def summarise(results):
    by_route = {}
    for name, status, latency in results:
        by_route.setdefault(name, []).append((status, latency))
    summary = {}
    for name, rows in list(by_route.items()) + [("all", [(s, l) for _, s, l in results])]:
        latencies = [l * 1000 for _, l in rows]
        summary[name] = {
            "requests": len(rows), "errors": sum(1 for s, _ in rows if s != 200),
            "p50_ms": load.percentile(latencies, 50), "p90_ms": load.percentile(latencies, 90),
            "p99_ms": load.percentile(latencies, 99), "max_ms": max(latencies),
        }
    return summary


def start_postgres(port=5434, state="/tmp/rampart-bench-pg"):
    """A throwaway cluster on 127.0.0.1:`port` with fsync on (scripts/start-postgres.sh); returns its DATABASE_URL."""
    env = dict(os.environ, RAMPART_TEST_PG_PORT=str(port), RAMPART_TEST_PG_STATE=state, RAMPART_TEST_PG_DURABLE="1")
    url = subprocess.run(["scripts/start-postgres.sh"], cwd=ROOT, env=env, check=True, stdout=subprocess.PIPE, text=True).stdout.strip()
    return url


def stop_postgres(state="/tmp/rampart-bench-pg"):
    subprocess.run(["scripts/stop-postgres.sh"], cwd=ROOT, env=dict(os.environ, RAMPART_TEST_PG_STATE=state))


def release_binary():
    """Builds this tree's rampart (release, in .build-release) and returns its path."""
    sh("swift", "build", "-c", "release", "--product", "rampart", "--scratch-path", ".build-release")
    return BIN


def prepare_database(binary, database, scenario, sqlite_file, pg_port=5434, pg_state="/tmp/rampart-bench-pg", stdout=None):
    """A fresh database holding `scenario` (imported with `rampart import`): on sqlite a new file at `sqlite_file`,
    on postgres a throwaway cluster (start_postgres; the caller stops it). Returns the environment and the
    `--data` arguments to run the binary with."""
    env = dict(os.environ)
    data_args = []
    if database == "postgres":
        env["DATABASE_URL"] = start_postgres(pg_port, pg_state)
    else:
        for path in (sqlite_file, sqlite_file + "-wal", sqlite_file + "-shm"):
            if os.path.exists(path):
                os.remove(path)
        data_args = ["--data", sqlite_file]
    try:
        subprocess.run([binary, "import", scenario] + data_args, check=True, cwd=ROOT, env=env, stdout=stdout)
    except BaseException:
        if database == "postgres":
            stop_postgres(pg_state)
        raise
    return env, data_args


def api_token(base, email, password):
    """A bearer token for the account (POST /api/v1/auth/token)."""
    status, body, _ = http("POST", base + "/api/v1/auth/token", json.dumps({"email": email, "password": password}).encode(),
                           {"Content-Type": "application/json"})
    if status not in (200, 201):
        raise RuntimeError(f"sign-in of {email} for a token answered {status}: {body[:200]!r}")
    return json.loads(body)["token"]


def serve_demo(binary, port, data_args, env, stderr):
    """Starts `rampart serve --demo`; returns the process, the demo accounts it printed and its base URL, once healthy."""
    server = subprocess.Popen([binary, "serve", "--demo", "--port", str(port), "--log-level", "warning"] + data_args,
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=stderr, text=True)
    try:
        accounts = {}
        for line in server.stdout:
            match = re.search(r"(\S+@rampart\.demo)\s+password: (\S+)", line)
            if match:
                accounts[match.group(1)] = match.group(2)
            if "Passwords are new" in line:
                break
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                if http("GET", base + "/health")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        return server, accounts, base
    except BaseException:
        server.terminate()
        raise


def bench_database(database, scenario, args):
    """Loads the scenario into `database` (sqlite or postgres), serves it and measures. Returns the report."""
    env, data_args = prepare_database(args.binary, database, scenario, os.path.join(OUT, "server-bench.sqlite"))

    log = open(os.path.join(OUT, f"server-bench-{database}.log"), "w")
    try:
        server, accounts, base = serve_demo(args.binary, args.port, data_args, env, log)
    except BaseException:
        if database == "postgres":
            stop_postgres()
        raise
    try:
        staff = "staff@rampart.demo"
        delegate = next(e for e in accounts if e.startswith("delegate."))
        nation = delegate.split(".")[1].split("@")[0].upper()
        token = api_token(base, staff, accounts[staff])
        delegate_token = api_token(base, delegate, accounts[delegate])
        print(f"== {database}: waiting for the first plan of the scenario", flush=True)
        first = wait_for_runs(base, token)
        cookie = sign_in_cookie(base, staff, accounts[staff])
        bearer = {"Authorization": f"Bearer {token}"}
        targets = [
            ("GET /dashboard (page)", "/dashboard", {"Cookie": cookie}),
            ("GET /api/v1/dashboard", "/api/v1/dashboard", bearer),
            (f"GET /api/v1/nations/{nation}/demands", f"/api/v1/nations/{nation}/demands?per=50",
             {"Authorization": f"Bearer {delegate_token}"}),
            ("GET /api/v1/plans", "/api/v1/plans?per=20", bearer),
        ]
        asyncio.run(load.run("127.0.0.1", args.port, targets, args.rate, 3))  # warm-up

        steady, during_plan, plan_seconds = [], [], []
        for run in range(args.runs):
            results, steal = measured(lambda: asyncio.run(load.run("127.0.0.1", args.port, targets, args.rate, args.seconds)))
            steady.append(summarise(results))
            steady[-1]["all"]["steal_pct"] = steal
            print(f"   {database} run {run + 1}: steady p99 {steady[-1]['all']['p99_ms']:.1f} ms (CPU steal {steal:.0f}%)", flush=True)
        for run in range(args.runs):
            status, body, _ = http("POST", base + "/api/v1/plans", headers=bearer)
            assert status == 202, body
            results, steal = measured(lambda: asyncio.run(load.run("127.0.0.1", args.port, targets, args.rate, args.seconds)))
            runs = wait_for_runs(base, token)
            latest = runs[0]
            plan_seconds.append((time.mktime(time.strptime(latest["finishedAt"][:19], "%Y-%m-%dT%H:%M:%S"))
                                 - time.mktime(time.strptime(latest["startedAt"][:19], "%Y-%m-%dT%H:%M:%S"))))
            during_plan.append(summarise(results))
            during_plan[-1]["all"]["steal_pct"] = steal
            print(f"   {database} run {run + 1}: p99 while planning {during_plan[-1]['all']['p99_ms']:.1f} ms (CPU steal {steal:.0f}%), "
                  f"plan {latest['status']}", flush=True)

        def medians(runs):
            routes = runs[0].keys()
            return {route: {key: statistics.median(r[route][key] for r in runs) for key in runs[0][route]} for route in routes}

        return {"database": database, "demands": first[0]["demandCount"], "steady": medians(steady),
                "during_plan": medians(during_plan), "plan_seconds_median": statistics.median(plan_seconds) if plan_seconds else None,
                "raw": {"steady": steady, "during_plan": during_plan}}
    finally:
        server.terminate()
        server.wait(timeout=30)
        if database == "postgres":
            stop_postgres()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--scale", default="M")
    parser.add_argument("--port", type=int, default=8097)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--binary", help="a rampart binary to measure (an earlier build, say) instead of building one")
    args = parser.parse_args()

    os.makedirs(OUT, exist_ok=True)
    if args.binary is None:
        print("== building rampart (release)", flush=True)
        args.binary = release_binary()
    scenario = os.path.join(OUT, f"server-{args.scale}.json")
    sh(args.binary, "generate", "--scale", args.scale, "--seed", "1", "-o", scenario)

    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    reports = [bench_database(database, scenario, args) for database in databases]
    machine = {"cores": os.cpu_count(), "cpu": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")}
    with open(os.path.join(OUT, "server-results.json"), "w") as out:
        json.dump({"scale": args.scale, "rate": args.rate, "seconds": args.seconds, "runs": args.runs, "machine": machine,
                   "databases": reports}, out, indent=2)
    for report in reports:
        print(f"\n{report['database']}: {report['demands']} demands, {args.rate:.0f} requests/s, median of {args.runs} runs of {args.seconds:.0f} s")
        print(f"{'route':40} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>7}")
        for label, block in (("steady", report["steady"]), ("while a plan runs", report["during_plan"])):
            print(f"-- {label}")
            for route, row in block.items():
                print(f"{route:40} {row['p50_ms']:8.1f} {row['p90_ms']:8.1f} {row['p99_ms']:8.1f} {row['max_ms']:8.1f} {row['errors']:7.0f}")
        print(f"CPU steal during the runs (median): steady {report['steady']['all']['steal_pct']:.0f}%, "
              f"while planning {report['during_plan']['all']['steal_pct']:.0f}%")
        print(f"plan of {args.scale} from the application: median {report['plan_seconds_median']} s (whole seconds)")


if __name__ == "__main__":
    sys.exit(main())
