#!/usr/bin/env python3
"""Where the slow requests fall while a plan runs: starts a plan of M, keeps the benchmark's read load going,
polls the run's phase every 0.1 s, and prints the phases and the slowest requests on one time line (seconds
from the POST that started the run). For finding what holds requests up; the figures of record come from
server_bench.py.

    python3 bench/plan_trace.py [--database sqlite|postgres] [--binary PATH] [--plans 2] [--slowest 25]
"""
import argparse
import asyncio
import json
import os
import subprocess
import threading
import time

import load
import server_bench as bench


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--binary", help="a rampart binary; by default this tree's release build, built if needed")
    parser.add_argument("--plans", type=int, default=2)
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--seconds", type=float, default=12)
    parser.add_argument("--slowest", type=int, default=25)
    parser.add_argument("--port", type=int, default=8098)
    args = parser.parse_args()

    os.makedirs(bench.OUT, exist_ok=True)
    if args.binary is None:
        bench.sh("swift", "build", "-c", "release", "--product", "rampart", "--scratch-path", ".build-release")
        args.binary = bench.BIN
    scenario = os.path.join(bench.OUT, "server-M.json")
    if not os.path.exists(scenario):
        bench.sh(args.binary, "generate", "--scale", "M", "--seed", "1", "-o", scenario)

    env, data_args = dict(os.environ), []
    if args.database == "postgres":
        env["DATABASE_URL"] = bench.start_postgres()
    else:
        data = os.path.join(bench.OUT, "plan-trace.sqlite")
        for path in (data, data + "-wal", data + "-shm"):
            if os.path.exists(path):
                os.remove(path)
        data_args = ["--data", data]
    subprocess.run([args.binary, "import", scenario] + data_args, check=True, cwd=bench.ROOT, env=env,
                   stdout=subprocess.DEVNULL)
    server, accounts, base = bench.serve_demo(args.binary, args.port, data_args, env, subprocess.DEVNULL)
    try:
        staff = "staff@rampart.demo"
        _, body, _ = bench.http("POST", base + "/api/v1/auth/token",
                                json.dumps({"email": staff, "password": accounts[staff]}).encode(),
                                {"Content-Type": "application/json"})
        bearer = {"Authorization": f"Bearer {json.loads(body)['token']}"}
        bench.wait_for_runs(base, json.loads(body)["token"])
        cookie = bench.sign_in_cookie(base, staff, accounts[staff])
        targets = [("dashboard page", "/dashboard", {"Cookie": cookie}),
                   ("API dashboard", "/api/v1/dashboard", bearer),
                   ("plan list", "/api/v1/plans?per=20", bearer)]
        asyncio.run(load.run("127.0.0.1", args.port, targets, args.rate, 3))  # warm-up

        for plan in range(args.plans):
            phases, polling = [], [True]

            def poll():
                while polling[0]:
                    try:
                        _, body, _ = bench.http("GET", base + "/api/v1/plans?per=1", headers=bearer)
                        run = json.loads(body)["items"][0]
                        phases.append((time.perf_counter(), run["status"], run.get("phase")))
                    except (OSError, KeyError, IndexError, ValueError):
                        pass
                    time.sleep(0.1)

            poller = threading.Thread(target=poll)
            poller.start()
            started = time.perf_counter()
            bench.http("POST", base + "/api/v1/plans", headers=bearer)
            timeline = []
            asyncio.run(load.run("127.0.0.1", args.port, targets, args.rate, args.seconds, timeline=timeline))
            polling[0] = False
            poller.join()

            print(f"-- plan {plan + 1} on {args.database}: phases, then the {args.slowest} slowest requests")
            last = None
            for at, status, phase in phases:
                if (status, phase) != last:
                    print(f"{at - started:7.2f} s  {status}: {phase}")
                    last = (status, phase)
            for offset, name, latency in sorted(sorted(timeline, key=lambda r: -r[2])[:args.slowest]):
                print(f"{offset:7.2f} s  {name:15} {latency * 1000:7.1f} ms")
    finally:
        server.terminate()
        server.wait(timeout=30)
        if args.database == "postgres":
            bench.stop_postgres()


if __name__ == "__main__":
    main()
