#!/usr/bin/env python3
"""Demand signals benchmark at the issue's scale: a served L scenario (50,000 demands), every demand released and
those of priority 1 and 2 firm (set in the database before serving, as no API releases 50,000 at once), then
(1) the time of summing and suppressing the signals after the demands changed (the demands' generation moved on in the
database; the next request sums them again: the SQL aggregation, the fixed tables and every suppression rule; median
of --sums per run, industry's and staff's bases), and (2) the signal page and API at a fixed rate. Writes
bench/out/signals-results-DB.json.

    python3 bench/signals_bench.py --runs 5 --rate 200 --seconds 20 [--database sqlite|postgres] [--binary PATH]
"""
import argparse
import asyncio
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.parse

import load
import server_bench as sb


def sql(args, env, statement):
    """Runs one statement on the bench's database, beside the running server."""
    if args.database == "sqlite":
        connection = sqlite3.connect(os.path.join(sb.OUT, "signals-bench.sqlite"), timeout=30)
        with connection:
            connection.execute(statement)
        connection.close()
    else:
        subprocess.run(["psql", env["DATABASE_URL"], "-q", "-c", statement], check=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sums", type=int, default=7, help="sums timed per run and basis")
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--port", type=int, default=8098)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--binary", help="a rampart binary to measure instead of building this tree")
    args = parser.parse_args()
    os.makedirs(sb.OUT, exist_ok=True)
    args.binary = args.binary or sb.release_binary()
    scenario = os.path.join(sb.OUT, "signals-bench-L.json")
    sb.sh(args.binary, "generate", "--scale", "L", "--seed", "42", "-o", scenario, stdout=open(os.devnull, "w"))
    env, data_args = sb.prepare_database(args.binary, args.database, scenario, os.path.join(sb.OUT, "signals-bench.sqlite"))
    sql(args, env, "UPDATE demands SET released = TRUE, firm = (priority <= 2)")
    sql(args, env, "UPDATE demand_state SET generation = generation + 1 WHERE id = 1")
    log = open(os.path.join(sb.OUT, f"signals-bench-{args.database}.log"), "w")
    server, accounts, base = sb.serve_demo(args.binary, args.port, data_args, env, log)
    try:
        staff = "staff@rampart.demo"
        industry = next(e for e in accounts if e.startswith("industry"))
        tokens = {
            "staff": {"Authorization": f"Bearer {sb.api_token(base, staff, accounts[staff])}"},
            "industry": {"Authorization": f"Bearer {sb.api_token(base, industry, accounts[industry])}"},
        }
        status, body, _ = sb.http("GET", base + "/api/v1/signals?per=1", headers=tokens["industry"])
        assert status == 200, body[:300]
        first = json.loads(body)
        status, body, _ = sb.http("GET", base + "/api/v1/signals?per=500", headers=tokens["industry"])
        figures = json.loads(body)
        print(f"== {args.database}: {first['total']} figures for industry", flush=True)

        # (1) the sums after a change, per basis
        sums = {"industry": [], "staff": []}
        for run in range(args.runs):
            for basis, headers in tokens.items():
                seconds = []
                for _ in range(args.sums):
                    sql(args, env, "UPDATE demand_state SET generation = generation + 1 WHERE id = 1")
                    t0 = time.perf_counter()
                    status, answer, _ = sb.http("GET", base + "/api/v1/signals?per=1", headers=headers)
                    seconds.append(time.perf_counter() - t0)
                    assert status == 200, answer[:300]
                sums[basis].append(statistics.median(seconds))
            print(f"   run {run + 1}: summed again, median of {args.sums}: industry {sums['industry'][-1] * 1000:.0f} ms, "
                  f"staff {sums['staff'][-1] * 1000:.0f} ms", flush=True)
        status, body, _ = sb.http("GET", base + "/api/v1/signals?table=cells&per=500", headers=tokens["staff"])
        whole = json.loads(body)
        hidden = sum(1 for f in figures["items"] if f.get("hidden"))

        # (2) page and API at a fixed rate
        cookie = {"Cookie": sb.sign_in_cookie(base, industry, accounts[industry])}
        staff_cookie = {"Cookie": sb.sign_in_cookie(base, staff, accounts[staff])}
        target = next(f["target"] for f in whole["items"] if f.get("target"))
        q = urllib.parse.quote
        targets = [
            ("page, industry", "/signals", cookie),
            ("page, staff, one target", f"/signals?target={q(target)}", staff_cookie),
            ("API, industry, cells page 3", "/api/v1/signals?table=cells&per=50&page=3", tokens["industry"]),
            ("API, industry, years", "/api/v1/signals?table=years&from=2027&to=2030", tokens["industry"]),
        ]
        for name, path, headers in targets:
            status = sb.http("GET", base + path, headers=headers)[0]
            assert status == 200, (name, path, status)
        asyncio.run(load.run("127.0.0.1", args.port, targets, args.rate, 3))  # warm-up
        runs = []
        for run in range(args.runs):
            results, steal = sb.measured(lambda: asyncio.run(load.run("127.0.0.1", args.port, targets, args.rate, args.seconds)))
            runs.append(sb.summarise(results))
            runs[-1]["all"]["steal_pct"] = steal
            print(f"   run {run + 1}: p99 {runs[-1]['all']['p99_ms']:.1f} ms, errors {runs[-1]['all'].get('errors', 0)} "
                  f"(CPU steal {steal:.0f}%)", flush=True)
        medians = {route: {key: statistics.median(r[route][key] for r in runs) for key in runs[0][route]} for route in runs[0]}
        report = {
            "database": args.database, "demands": 50000, "figures_industry": first["total"], "hidden_in_first_500": hidden,
            "sum_ms_median": {b: statistics.median(v) * 1000 for b, v in sums.items()},
            "sum_ms_runs": {b: [s * 1000 for s in v] for b, v in sums.items()},
            "rate": args.rate, "seconds": args.seconds, "pages": medians, "raw": runs,
        }
        with open(os.path.join(sb.OUT, f"signals-results-{args.database}.json"), "w") as f:
            json.dump(report, f, indent=1)
        print(json.dumps({"sum_ms_median": report["sum_ms_median"],
                          "pages": {k: {"p50_ms": v.get("p50_ms"), "p99_ms": v.get("p99_ms")} for k, v in medians.items()}}, indent=1))
    finally:
        server.terminate()
        server.wait(timeout=30)
        if args.database == "postgres":
            sb.stop_postgres()


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main()
