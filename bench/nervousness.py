#!/usr/bin/env python3
"""How nervous the plan is: after one demand's quantity goes up 1 %, how many *other* demands' outcomes change.

    python3 bench/nervousness.py --rampart .build/release/rampart [--edits 10] [--scenarios standard-S alternate-S random-1]

For each scenario (`standard-S`, `alternate-M`, `random-N`: generated with seed 1, or seed N for random), plans it
(`plan --json --bottlenecks 0`), then for `--edits` demands spread evenly over the file raises that demand's qty by
1 % (rounded up to a whole unit), plans again and compares every other demand:
- "deliveries changed": any delivery (item, month, qty) differs by more than 1e-6 relative;
- "outcome changed": its units on time, late or unserved differ by more than 0.5 units, or its last delivery month
  moved (what a nation would notice).
Prints, per scenario, the median and maximum over the edits of how many other demands changed, and the share of all
demands. Writes OUT/nervousness.json (default bench/out/nervousness).
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def outcomes(scenario, plan):
    demands = {d["id"]: d for d in scenario["demands"]}
    per = {d: {"deliveries": {}, "onTime": 0.0, "late": 0.0, "delivered": 0.0, "last": None} for d in demands}
    for e in plan["deliveries"]:
        o = per[e["demand"]]
        key = (e["item"], e["month"])
        o["deliveries"][key] = o["deliveries"].get(key, 0.0) + e["qty"]
        o["delivered"] += e["qty"]
        if e["month"] > demands[e["demand"]]["dueMonth"]:
            o["late"] += e["qty"]
        else:
            o["onTime"] += e["qty"]
        if e["qty"] > 0:
            o["last"] = e["month"] if o["last"] is None else max(o["last"], e["month"])
    for d, o in per.items():
        o["unserved"] = max(0.0, demands[d]["qty"] - o["delivered"])
    return per


def deliveries_differ(a, b):
    for key in set(a) | set(b):
        x, y = a.get(key, 0.0), b.get(key, 0.0)
        if abs(x - y) > 1e-6 * max(1.0, abs(x), abs(y)):
            return True
    return False


def outcome_differs(a, b):
    return (abs(a["onTime"] - b["onTime"]) > 0.5 or abs(a["late"] - b["late"]) > 0.5
            or abs(a["unserved"] - b["unserved"]) > 0.5 or a["last"] != b["last"])


def plan(rampart, scenario_path, plan_path):
    subprocess.run([rampart, "plan", scenario_path, "--json", "-o", plan_path, "--bottlenecks", "0", "--quiet"],
                   check=True, capture_output=True)
    with open(plan_path) as f:
        return json.load(f)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rampart", required=True)
    ap.add_argument("--edits", type=int, default=10)
    ap.add_argument("--scenarios", nargs="*", default=["standard-S", "alternate-S", "random-1", "random-2", "random-3"])
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "out", "nervousness"))
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    results = []
    print("| scenario | demands | edits | other demands whose deliveries changed: median | max | share (median) "
          "| whose outcome changed: median | max | share (median) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name in args.scenarios:
        structure, _, rest = name.partition("-")
        cmd = [args.rampart, "generate", "--structure", structure]
        cmd += ["--seed", rest] if structure == "random" else ["--scale", rest, "--seed", "1"]
        base_path = os.path.join(args.out, f"{name}.json")
        subprocess.run(cmd + ["-o", base_path], check=True, capture_output=True)
        with open(base_path) as f:
            scenario = json.load(f)
        base = outcomes(scenario, plan(args.rampart, base_path, os.path.join(args.out, f"{name}.plan.json")))
        n = len(scenario["demands"])
        picks = sorted({(k * n) // args.edits for k in range(args.edits)})
        changed, noticed = [], []
        for k in picks:
            edited = json.loads(json.dumps(scenario))
            d = edited["demands"][k]
            d["qty"] = math.ceil(d["qty"] * 1.01)
            path = os.path.join(args.out, f"{name}.edit.json")
            with open(path, "w") as f:
                json.dump(edited, f)
            after = outcomes(edited, plan(args.rampart, path, os.path.join(args.out, f"{name}.edit.plan.json")))
            others = [i for i in base if i != d["id"]]
            changed.append(sum(1 for i in others if deliveries_differ(base[i]["deliveries"], after[i]["deliveries"])))
            noticed.append(sum(1 for i in others if outcome_differs(base[i], after[i])))
        results.append({"scenario": name, "demands": n, "edited": picks, "deliveriesChanged": changed,
                        "outcomeChanged": noticed})
        print(f"| {name} | {n:,} | {len(picks)} | {statistics.median(changed):g} | {max(changed)} | "
              f"{statistics.median(changed) / n * 100:.1f} % | {statistics.median(noticed):g} | {max(noticed)} | "
              f"{statistics.median(noticed) / n * 100:.1f} % |", flush=True)
    with open(os.path.join(args.out, "nervousness.json"), "w") as f:
        json.dump(results, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
