#!/usr/bin/env python3
"""Interoperability benchmark: 32 nations, 200 weapon systems and 2,000 munitions loaded through the API into a
served L scenario, then (1) the time of one change that rebuilds the whole interchangeability matrix (a fleet's
count set over real HTTP: validation, the change, the rebuild and the commit), and (2) the matrix page and API,
one calibre or class per page, at a fixed rate. SQLite or PostgreSQL. Writes bench/out/interop-results-DB.json.

    python3 bench/interop_bench.py --runs 5 --rate 200 --seconds 20 [--database sqlite|postgres] [--binary PATH]
"""
import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import time
import urllib.parse

import load
import server_bench as sb

NATIONS = ["AL", "BE", "BG", "CA", "HR", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IS", "IT", "LV", "LT", "LU", "ME",
           "NL", "MK", "NO", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "TR", "GB", "US"]
CALIBRES = ["155 mm", "120 mm", "105 mm", "81 mm", "60 mm", "30 mm", "35 mm", "40 mm", "227 mm", ""]


def world(items, seed=7):
    """200 systems of ten calibres, each nation operating 12 of them, 2,000 munitions each qualified for 3 to 6
    systems of one calibre by 1 to 3 of that system's operators, and each nation recognising 3 others."""
    rng = random.Random(seed)
    systems = [(f"SYS-{n:03d}", CALIBRES[n % len(CALIBRES)]) for n in range(200)]
    fleets = {(nation, code): rng.randint(4, 400) for nation in NATIONS for code, _ in rng.sample(systems, 12)}
    operators = {}
    for nation, code in fleets:
        operators.setdefault(code, []).append(nation)
    by_calibre = {}
    for code, calibre in systems:
        by_calibre.setdefault(calibre, []).append(code)
    qualifications = set()
    for n, item in enumerate(items[:2000]):
        calibre = CALIBRES[n % len(CALIBRES)]
        for code in rng.sample(by_calibre[calibre], rng.randint(3, 6)):
            candidates = operators.get(code) or [rng.choice(NATIONS)]
            for nation in rng.sample(candidates, min(len(candidates), rng.randint(1, 3))):
                qualifications.add((item, code, nation, f"20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"))
    recognitions = {(nation, other) for nation in NATIONS for other in rng.sample([x for x in NATIONS if x != nation], 3)}
    return systems, fleets, sorted(qualifications), sorted(recognitions)


def post_csv(base, path, token, header, rows, chunk=5000):
    for start in range(0, len(rows), chunk):
        body = (header + "\n" + "\n".join(",".join(map(str, r)) for r in rows[start:start + chunk]) + "\n").encode()
        status, answer, _ = sb.http("POST", base + path, body, {"Authorization": f"Bearer {token}", "Content-Type": "text/csv"})
        assert status == 200, (path, status, answer[:300])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--changes", type=int, default=11, help="changes timed per run")
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--port", type=int, default=8099)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--binary", help="a rampart binary to measure instead of building this tree")
    args = parser.parse_args()
    os.makedirs(sb.OUT, exist_ok=True)
    args.binary = args.binary or sb.release_binary()
    scenario = os.path.join(sb.OUT, "interop-bench-L.json")
    sb.sh(args.binary, "generate", "--scale", "L", "--seed", "42", "-o", scenario, stdout=open(os.devnull, "w"))
    # Munitions are end items; L has about 1,000, so the file gains end items without lines, of ten classes, up to 2,000.
    with open(scenario) as f:
        data = json.load(f)
    ends = [item["id"] for item in data["items"] if item["kind"] == "end"]
    for n in range(max(0, 2000 - len(ends))):
        data["items"].append({"id": f"MUNITION-{n:04d}", "name": f"Bench munition {n}", "kind": "end", "class": f"BENCH-{n % 10}"})
        ends.append(f"MUNITION-{n:04d}")
    with open(scenario, "w") as f:
        json.dump(data, f)
    items = ends[:2000]
    env, data_args = sb.prepare_database(args.binary, args.database, scenario, os.path.join(sb.OUT, "interop-bench.sqlite"))
    log = open(os.path.join(sb.OUT, f"interop-bench-{args.database}.log"), "w")
    server, accounts, base = sb.serve_demo(args.binary, args.port, data_args, env, log)
    try:
        staff = "staff@rampart.demo"
        token = sb.api_token(base, staff, accounts[staff])
        bearer = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        print(f"== {args.database}: waiting for the demo's first plan of L", flush=True)
        sb.wait_for_runs(base, token)
        systems, fleets, qualifications, recognitions = world(items)
        started = time.perf_counter()
        for code, calibre in systems:
            body = json.dumps({"code": code, "name": f"System {code}", "kind": "gun", "calibre": calibre}).encode()
            status, answer, _ = sb.http("POST", base + "/api/v1/weapon-systems", body, bearer)
            assert status == 201, answer[:300]
        post_csv(base, "/api/v1/fleets/import", token, "nation,system,count", [(n, s, c) for (n, s), c in sorted(fleets.items())])
        post_csv(base, "/api/v1/qualifications/import", token, "item,system,nation,qualified on", qualifications)
        for nation, other in recognitions:
            status, answer, _ = sb.http("PUT", f"{base}/api/v1/recognitions/{nation}/{other}", None, {"Authorization": f"Bearer {token}"})
            assert status == 200, answer[:300]
        loaded = time.perf_counter() - started
        status, body, _ = sb.http("GET", base + "/api/v1/interchangeability?per=1", headers=bearer)
        matrix = json.loads(body)
        print(f"== {args.database}: {len(systems)} systems, {len(fleets)} fleets, {len(qualifications)} qualifications, "
              f"{len(recognitions)} recognitions loaded in {loaded:.1f} s; {matrix['total']} munitions", flush=True)

        # (1) one change = one whole rebuild
        nation, system = sorted(fleets)[0]
        change_runs = []
        for run in range(args.runs):
            seconds = []
            for n in range(args.changes):
                status, body, _ = sb.http("GET", base + "/api/v1/fleets?per=500", headers=bearer)
                version = next(f["version"] for f in json.loads(body)["items"] if f["nation"] == nation and f["system"] == system)
                payload = json.dumps({"count": 100 + n + run * args.changes, "version": version}).encode()
                t0 = time.perf_counter()
                status, answer, _ = sb.http("PUT", f"{base}/api/v1/fleets/{nation}/{system}", payload, bearer)
                seconds.append(time.perf_counter() - t0)
                assert status == 200, answer[:300]
            change_runs.append(statistics.median(seconds))
            print(f"   run {run + 1}: a change with its rebuild, median of {args.changes}: {change_runs[-1] * 1000:.0f} ms", flush=True)
        status, body, _ = sb.http("GET", base + "/api/v1/interchangeability?per=1", headers=bearer)
        generation = json.loads(body)["generation"]

        # (2) pages and API, one calibre or class per page
        cookie = {"Cookie": sb.sign_in_cookie(base, staff, accounts[staff])}
        industry = next(e for e in accounts if e.startswith("industry"))
        industry_token = {"Authorization": f"Bearer {sb.api_token(base, industry, accounts[industry])}"}
        with open(scenario) as f:
            classes = sorted({i.get("class") for i in json.load(f)["items"] if i.get("class") and i["id"] in set(items)})
        q = urllib.parse.quote
        targets = [
            ("page, 155 mm", f"/interoperability?calibre={q('155 mm')}", cookie),
            ("page, 120 mm, page 2", f"/interoperability?calibre={q('120 mm')}&page=2", cookie),
            ("API, one class, staff", f"/api/v1/interchangeability?class={q(classes[0])}&per=50" if classes
             else "/api/v1/interchangeability?per=50", {"Authorization": bearer["Authorization"]}),
            ("API, by users, industry", "/api/v1/interchangeability?sort=users&dir=desc&per=50", industry_token),
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
            "database": args.database, "systems": len(systems), "fleets": len(fleets), "qualifications": len(qualifications),
            "recognitions": len(recognitions), "munitions": matrix["total"], "load_seconds": loaded,
            "change_with_rebuild_ms_median": statistics.median(change_runs) * 1000,
            "change_with_rebuild_ms_runs": [s * 1000 for s in change_runs], "generation": generation,
            "rate": args.rate, "seconds": args.seconds, "pages": medians, "raw": runs,
        }
        with open(os.path.join(sb.OUT, f"interop-results-{args.database}.json"), "w") as f:
            json.dump(report, f, indent=1)
        print(json.dumps({"change_with_rebuild_ms_median": report["change_with_rebuild_ms_median"],
                          "pages": {k: {"p50_ms": v.get("p50_ms"), "p99_ms": v.get("p99_ms")} for k, v in medians.items()}}, indent=1))
    finally:
        server.terminate()
        server.wait(timeout=30)
        if args.database == "postgres":
            sb.stop_postgres()


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main()
