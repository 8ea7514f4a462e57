#!/usr/bin/env python3
"""Table tools under load: sorted, filtered and searched list pages (a run's late demands, a nation's demands, the
lines) at a fixed rate with the M scenario loaded and planned, on SQLite or PostgreSQL; then the time of each CSV
export (every nation's demands, and the run's late list) over real HTTP. Writes bench/out/table-results.json.

    python3 bench/table_bench.py --runs 5 --rate 200 --seconds 20 [--database sqlite|postgres] [--binary PATH]
"""
import argparse
import asyncio
import json
import os
import statistics
import sys
import time
import urllib.request

import load
import server_bench as sb


def timed_get(url, headers):
    started = time.perf_counter()
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=120) as response:
        body = response.read()
        status = response.status
    return status, len(body), body.count(b"\r\n"), time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--scale", default="M")
    parser.add_argument("--port", type=int, default=8098)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--binary", help="a rampart binary to measure instead of building this tree")
    args = parser.parse_args()
    os.makedirs(sb.OUT, exist_ok=True)
    args.binary = args.binary or sb.release_binary()
    scenario = os.path.join(sb.OUT, f"table-bench-{args.scale}.json")
    sb.sh(args.binary, "generate", "--scale", args.scale, "--seed", "42", "-o", scenario, stdout=open(os.devnull, "w"))
    env, data_args = sb.prepare_database(args.binary, args.database, scenario, os.path.join(sb.OUT, "table-bench.sqlite"))
    log = open(os.path.join(sb.OUT, f"table-bench-{args.database}.log"), "w")
    server, accounts, base = sb.serve_demo(args.binary, args.port, data_args, env, log)
    try:
        staff = "staff@rampart.demo"
        delegate = next(e for e in accounts if e.startswith("delegate."))
        nation = delegate.split(".")[1].split("@")[0].upper()
        token = sb.api_token(base, staff, accounts[staff])
        print(f"== {args.database}: waiting for the first plan of {args.scale}", flush=True)
        run_id = sb.wait_for_runs(base, token)[0]["id"]
        staff_cookie = {"Cookie": sb.sign_in_cookie(base, staff, accounts[staff])}
        delegate_cookie = {"Cookie": sb.sign_in_cookie(base, delegate, accounts[delegate])}
        targets = [
            ("late, by due month, priority 2", f"/plans/{run_id}?sort=due&dir=asc&priority=2", staff_cookie),
            ("late, searched, unserved only", f"/plans/{run_id}?q=155&outcome=unserved&page=2", staff_cookie),
            ("nation, by months late, one year", f"/nations/{nation}?sort=months_late&dir=desc&year=2028", delegate_cookie),
            ("nation, searched, late only", f"/nations/{nation}?q=class&outcome=late&page=2", delegate_cookie),
            ("lines, by company, lines only", "/lines?sort=company&dir=asc&kind=line&page=3", staff_cookie),
            ("lines, searched", "/lines?q=de&sort=lead&dir=desc", staff_cookie),
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
        routes = runs[0].keys()
        medians = {route: {key: statistics.median(r[route][key] for r in runs) for key in runs[0][route]} for route in routes}

        # Every nation's demands as CSV, one after another (all of the scenario's demands), and the late list.
        status, body, _ = sb.http("GET", base + "/api/v1/nations?per=200", headers={"Authorization": f"Bearer {token}"})
        listed = json.loads(body)
        nations = [n["code"] for n in (listed["items"] if isinstance(listed, dict) else listed)]
        csv_runs = []
        for _ in range(args.runs):
            total_seconds, total_rows, largest = 0.0, 0, (0.0, "")
            for code in nations:
                status, size, lines, seconds = timed_get(f"{base}/nations/{code}/demands.csv", staff_cookie)
                assert status == 200
                total_seconds += seconds
                total_rows += max(0, lines - 1)
                largest = max(largest, (seconds, code))
            _, late_size, late_lines, late_seconds = timed_get(f"{base}/plans/{run_id}/late.csv", staff_cookie)
            csv_runs.append({"all_demands_seconds": total_seconds, "demand_rows": total_rows, "largest_nation_seconds": largest[0],
                             "largest_nation": largest[1], "late_csv_seconds": late_seconds, "late_rows": max(0, late_lines - 1)})
            print(f"   CSV: all {total_rows} demands in {total_seconds:.3f} s over {len(nations)} nations "
                  f"(slowest {largest[1]} {largest[0]:.3f} s); late list {late_lines - 1} rows in {late_seconds:.3f} s", flush=True)
        csv = {key: statistics.median(r[key] for r in csv_runs) for key in ("all_demands_seconds", "largest_nation_seconds", "late_csv_seconds")}
        csv["demand_rows"] = csv_runs[0]["demand_rows"]
        csv["late_rows"] = csv_runs[0]["late_rows"]
        report = {"database": args.database, "scale": args.scale, "rate": args.rate, "seconds": args.seconds, "runs": args.runs,
                  "pages": medians, "csv": csv, "raw": {"pages": runs, "csv": csv_runs}}
        out = os.path.join(sb.OUT, f"table-results-{args.database}.json")
        with open(out, "w") as f:
            json.dump(report, f, indent=1)
        print(json.dumps({"pages": {k: {"p50_ms": v.get("p50_ms"), "p99_ms": v.get("p99_ms")} for k, v in medians.items()}, "csv": csv},
                         indent=1))
    finally:
        server.terminate()
        server.wait(timeout=30)
        if args.database == "postgres":
            sb.stop_postgres()


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main()
