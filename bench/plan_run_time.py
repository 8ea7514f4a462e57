#!/usr/bin/env python3
"""How long a plan run takes in the application, and how fast a delegate's nation page answers after it, for
several builds in turn (interleaved, as the machine's speed drifts), on SQLite and on PostgreSQL.

    python3 bench/plan_run_time.py --binary OLD --binary NEW [--scale M] [--runs 3] [--rounds 2] [--database both]

A run's time is the client's: from POST /api/v1/plans until GET /api/v1/plans/{id} says succeeded, polled every
50 ms. The page's time is the median of 40 GETs of /nations/{code} as staff. Each build gets a fresh database.
Prints a Markdown table and writes bench/out/plan-run-time.json.
"""
import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_bench import OUT, ROOT, api_token, http, prepare_database, serve_demo, sh, sign_in_cookie, stop_postgres, wait_for_runs  # noqa: E402


def plan_once(base, bearer):
    started = time.perf_counter()
    status, body, _ = http("POST", base + "/api/v1/plans", headers=bearer)
    if status not in (200, 201, 202):
        raise RuntimeError(f"POST /api/v1/plans answered {status}: {body[:200]!r}")
    run = json.loads(body)["id"]
    while True:
        _, body, _ = http("GET", f"{base}/api/v1/plans/{run}", headers=bearer)
        state = json.loads(body)["status"]
        if state in ("succeeded", "failed"):
            if state != "succeeded":
                raise RuntimeError(f"plan run {run} failed: {json.loads(body).get('error')}")
            return time.perf_counter() - started
        time.sleep(0.05)


def measure(binary, database, scenario, runs, port):
    env, data_args = prepare_database(binary, database, scenario, os.path.join(OUT, "plan-run-time.sqlite"))
    log = open(os.path.join(OUT, f"plan-run-time-{database}.log"), "w")
    try:
        server, accounts, base = serve_demo(binary, port, data_args, env, log)
        try:
            staff = "staff@rampart.demo"
            token = api_token(base, staff, accounts[staff])
            bearer = {"Authorization": f"Bearer {token}"}
            wait_for_runs(base, token)
            seconds = [plan_once(base, bearer) for _ in range(runs)]
            cookie = {"Cookie": sign_in_cookie(base, staff, accounts[staff])}
            _, body, _ = http("GET", base + "/api/v1/nations", headers=bearer)
            nation = "DE" if any(n["code"] == "DE" for n in json.loads(body)) else json.loads(body)[0]["code"]
            page = []
            for _ in range(40):
                started = time.perf_counter()
                status, _, _ = http("GET", f"{base}/nations/{nation}", headers=cookie)
                page.append(time.perf_counter() - started)
                if status != 200:
                    raise RuntimeError(f"/nations/{nation} answered {status}")
            return {"plan_seconds": seconds, "page_ms": statistics.median(page) * 1000, "nation": nation}
        finally:
            server.terminate()
            server.wait()
    finally:
        log.close()
        if database == "postgres":
            stop_postgres()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", action="append", required=True, help="a rampart binary; give two or more")
    parser.add_argument("--scale", default="M")
    parser.add_argument("--runs", type=int, default=3, help="plan runs per build and round")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--port", type=int, default=8098)
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    scenario = os.path.join(OUT, f"server-{args.scale}.json")
    sh(args.binary[0], "generate", "--scale", args.scale, "--seed", "1", "-o", scenario)
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    results = {(b, d): [] for b in args.binary for d in databases}
    for round_ in range(args.rounds):
        for database in databases:
            for binary in args.binary:
                result = measure(binary, database, scenario, args.runs, args.port)
                results[(binary, database)].append(result)
                print(f"round {round_ + 1} {database} {binary}: plan {['%.2f' % s for s in result['plan_seconds']]} s, "
                      f"/nations/{result['nation']} {result['page_ms']:.1f} ms", flush=True)
    print("\n| database | build | plan run, median (s) | runs | nation page, median (ms) |\n|---|---|---:|---:|---:|")
    report = []
    for (binary, database), rounds in results.items():
        seconds = [s for r in rounds for s in r["plan_seconds"]]
        page = statistics.median(r["page_ms"] for r in rounds)
        report.append({"binary": binary, "database": database, "plan_seconds": seconds, "page_ms": page})
        print(f"| {database} | `{os.path.basename(binary)}` | {statistics.median(seconds):.2f} | {len(seconds)} | {page:.1f} |")
    with open(os.path.join(OUT, "plan-run-time.json"), "w") as out:
        json.dump({"scale": args.scale, "results": report}, out, indent=2)


if __name__ == "__main__":
    main()
