#!/usr/bin/env python3
"""Strict plans (`rampart plan --objective strict`) against the lexicographic bound, per priority level.

    python3 bench/strict_quality.py --rampart .build/release/rampart [--scales S] [--random 100] [--random-first 1]
                                    [--check] [--out bench/out/strict]

For standard S (seed 1) and the random family (`generate --structure random --seed N`): plans with the strict
objective, exports the LP and computes the lexicographic bound with `lex_bound.py` (one LP per priority, the levels
above fixed at their optimum). Bounds depend on the scenario only and are cached by the scenario file's SHA-256 in
OUT/lex-cache.json. Per level the targets of issue 10 are checked:
- where the bound is above 0: plan / bound at most 1.01;
- where the bound is 0: at most 0.1 % of that level's units late or unserved.
A level whose LP did not solve (and the levels below it) has no bound and is counted apart.
Writes OUT/strict.json and prints Markdown. `--check` also runs check_plan.py on every plan. Exit 1 if a plan fails
the checker.
"""
import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import lex_bound  # noqa: E402

RATIO_TARGET = 1.01
ZERO_SHARE_TARGET = 0.001


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def units_by_priority(scenario, plan):
    """Per priority: (units demanded, units late or unserved) of the plan."""
    demands = {d["id"]: d for d in scenario["demands"]}
    got, late = {}, {}
    for e in plan["deliveries"]:
        d = demands[e["demand"]]
        got[d["id"]] = got.get(d["id"], 0) + e["qty"]
        if e["month"] > d["dueMonth"]:
            late[d["id"]] = late.get(d["id"], 0) + e["qty"]
    out = {}
    for d in scenario["demands"]:
        demanded, bad = out.get(d["priority"], (0.0, 0.0))
        short = max(0.0, d["qty"] - got.get(d["id"], 0))
        if short <= 1e-9 * max(1, d["qty"]):
            short = 0.0
        out[d["priority"]] = (demanded + d["qty"], bad + late.get(d["id"], 0) + short)
    return out


def measure(rampart, name, generate, args, cache):
    work = os.path.join(args.out, "work")
    os.makedirs(work, exist_ok=True)
    scenario_path = os.path.join(work, f"{name}.json")
    plan_path = os.path.join(work, f"{name}.plan.json")
    subprocess.run([rampart, "generate"] + generate + ["-o", scenario_path], check=True, capture_output=True)
    subprocess.run([rampart, "plan", scenario_path, "--json", "-o", plan_path, "--objective", "strict", "--quiet"],
                   check=True, capture_output=True)
    key = sha256(scenario_path)
    with open(scenario_path) as f:
        scenario = json.load(f)
    with open(plan_path) as f:
        plan = json.load(f)
    if key not in cache:
        lp = os.path.join(work, f"{name}.lp")
        subprocess.run([rampart, "export-lp", scenario_path, "-o", lp], check=True, capture_output=True)
        out = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "lex_bound.py"), scenario_path, lp],
                             capture_output=True, text=True)
        os.remove(lp)
        cache[key] = {str(level["priority"]): level.get("bound") for level in json.loads(out.stdout)["levels"]}
    planned = lex_bound.plan_by_priority(scenario, plan)
    units = units_by_priority(scenario, plan)
    row = {"name": name, "demands": len(scenario["demands"]), "aimedAt": plan.get("objectiveAimedAt"), "levels": []}
    for p in sorted(units):
        bound = cache[key].get(str(p))
        demanded, bad = units[p]
        level = {"priority": p, "bound": bound, "plan": planned[p], "units": demanded, "lateOrUnserved": bad}
        if bound is None:
            level["verdict"] = "no bound"
        elif bound > 0:
            level["ratio"] = planned[p] / bound
            level["verdict"] = "met" if level["ratio"] <= RATIO_TARGET + 1e-12 else "not met"
        else:
            level["share"] = bad / demanded if demanded else 0.0
            level["verdict"] = "met" if level["share"] <= ZERO_SHARE_TARGET else "not met"
        row["levels"].append(level)
    if args.check:
        p = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "check_plan.py"), scenario_path, plan_path],
                           capture_output=True, text=True)
        row["checked"] = p.returncode == 0
    os.remove(scenario_path)
    os.remove(plan_path)
    return row


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rampart", required=True)
    ap.add_argument("--scales", nargs="*", default=["S"])
    ap.add_argument("--random", type=int, default=100)
    ap.add_argument("--random-first", type=int, default=1)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "out", "strict"))
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    cache_path = os.path.join(args.out, "lex-cache.json")
    cache = json.load(open(cache_path)) if os.path.exists(cache_path) else {}
    jobs = [(f"standard-{s}", ["--structure", "standard", "--scale", s, "--seed", "1"]) for s in args.scales]
    jobs += [(f"random-{n}", ["--structure", "random", "--seed", str(n)])
             for n in range(args.random_first, args.random_first + args.random)]
    rows = []
    try:
        for name, generate in jobs:
            rows.append(measure(args.rampart, name, generate, args, cache))
            print(name, " ".join(f"p{lv['priority']}:{lv.get('ratio', lv.get('share', '-'))}" for lv in rows[-1]["levels"]),
                  file=sys.stderr)
    finally:
        with open(cache_path, "w") as f:
            json.dump(cache, f, indent=1, sort_keys=True)
    with open(os.path.join(args.out, "strict.json"), "w") as f:
        json.dump(rows, f, indent=1)

    print("| scenario set | priority | levels with bound > 0 | plan / bound: median | max | met (≤ 1.01) "
          "| levels with bound 0 | late or unserved share: max | met (≤ 0.1 %) | no bound |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, subset in (("standard", [r for r in rows if r["name"].startswith("standard")]),
                          ("random", [r for r in rows if r["name"].startswith("random")])):
        if not subset:
            continue
        for p in range(1, 6):
            levels = [lv for r in subset for lv in r["levels"] if lv["priority"] == p]
            ratios = [lv["ratio"] for lv in levels if "ratio" in lv]
            shares = [lv["share"] for lv in levels if "share" in lv]
            none = sum(1 for lv in levels if lv["verdict"] == "no bound")
            print(f"| {label} ({len(subset)}) | {p} | {len(ratios)} | "
                  f"{statistics.median(ratios):.4f} | {max(ratios):.4f} | "
                  f"{sum(1 for r in ratios if r <= RATIO_TARGET + 1e-12)} | " if ratios else
                  f"| {label} ({len(subset)}) | {p} | 0 | | | | ", end="")
            print(f"{len(shares)} | {max(shares) * 100:.3f} % | {sum(1 for s in shares if s <= ZERO_SHARE_TARGET)} | {none} |"
                  if shares else f"0 | | | {none} |")
    failed = [r["name"] for r in rows if r.get("checked") is False]
    if failed:
        print("checker refused: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
