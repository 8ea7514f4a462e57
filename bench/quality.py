#!/usr/bin/env python3
"""Plan quality as a distribution: plan / LP bound on S and M of both generators (standard, alternate) and over a
family of small random scenarios, with HiGHS's time beside the planner's.

    python3 bench/quality.py [--scales S M] [--random 100] [--random-first 1] [--seed 1] [--check]
                             [--driver PATH | --rampart PATH] [--jobs 1] [--out bench/out/quality]

Two ways to run the planner:
- `--driver PATH` (default: compiled on first use by bench/quality/run.sh): a small program over RampartCore built
  with `swiftc -O`, no SwiftPM or Vapor. "planner" is `Planner.plan` alone (with `rampart plan`'s options), measured
  inside the process.
- `--rampart PATH` (e.g. .build/release/rampart): the CLI (`generate --structure`, `plan --json -o --timings`,
  `export-lp`). "planner" is the sum of the planner's stages from `--timings` (without reading and writing).
Both give the same plan. "whole" is the wall time of the plan command.

The LP optimum depends on the scenario only, so it is cached by the scenario file's SHA-256 in OUT/lp-cache.json:
re-running after a planner change re-solves nothing. `--check` runs bench/check_plan.py on every plan.
Writes OUT/quality.json and prints Markdown tables. Exit 1 if a plan fails the checker or an LP is not solved.
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import lp_bound  # noqa: E402

IO_STAGES = {"reading", "writing"}


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def percentile(values, q):
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


class Runner:
    def __init__(self, args):
        self.rampart = args.rampart
        self.driver = args.driver
        if not self.rampart and not self.driver:
            self.driver = subprocess.run(
                [os.path.join(ROOT, "bench", "quality", "run.sh")], check=True, capture_output=True, text=True
            ).stdout.strip().splitlines()[-1]

    def generate(self, structure, scale, seed, path):
        if self.rampart:
            cmd = [self.rampart, "generate", "--structure", structure, "--seed", str(seed), "-o", path]
            if structure != "random":
                cmd += ["--scale", scale]
        elif structure == "random":
            cmd = [self.driver, "generate", "random", str(seed), path]
        else:
            cmd = [self.driver, "generate", structure, scale, str(seed), path]
        subprocess.run(cmd, check=True, capture_output=True)

    def export_lp(self, scenario, path):
        cmd = [self.rampart, "export-lp", scenario, "-o", path] if self.rampart else [self.driver, "export-lp", scenario, path]
        subprocess.run(cmd, check=True, capture_output=True)

    def plan(self, scenario, path):
        """(planner seconds, whole command seconds, weighted lateness)."""
        started = time.perf_counter()
        if self.rampart:
            p = subprocess.run(
                [self.rampart, "plan", scenario, "--json", "-o", path, "--timings", "--quiet"],
                check=True, capture_output=True, text=True)
            whole = time.perf_counter() - started
            stages = {m.group(1): float(m.group(2)) for m in re.finditer(r"^  (.+): ([0-9.]+) s$", p.stderr, re.M)}
            planner = sum(v for k, v in stages.items() if k not in IO_STAGES)
            with open(path) as f:
                objective = json.load(f)["objective"]["weightedLateness"]
            return planner, whole, objective
        p = subprocess.run([self.driver, "plan", scenario, path], check=True, capture_output=True, text=True)
        whole = time.perf_counter() - started
        out = json.loads(p.stdout)
        return out["plannerSeconds"], whole, out["weightedLateness"]


def lp_optimum(runner, scenario, work, cache, time_limit):
    key = sha256(scenario)
    if key not in cache:
        lp = os.path.join(work, "model.lp")
        runner.export_lp(scenario, lp)
        result = lp_bound.solve(lp, time_limit=time_limit)
        os.remove(lp)
        cache[key] = {"objective": result["objective"], "seconds": result["seconds"], "status": result["status"],
                      "rows": result["rows"], "cols": result["cols"]}
    return cache[key]


def measure(runner, name, structure, scale, seed, args, cache):
    work = os.path.join(args.out, "work", name)
    os.makedirs(work, exist_ok=True)
    scenario = os.path.join(work, "scenario.json")
    plan = os.path.join(work, "plan.json")
    runner.generate(structure, scale, seed, scenario)
    lp = lp_optimum(runner, scenario, work, cache, args.lp_time_limit)
    planner, whole, objective = runner.plan(scenario, plan)
    with open(scenario) as f:
        demands = len(json.load(f)["demands"])
    row = {"name": name, "structure": structure, "scale": scale, "seed": seed, "demands": demands,
           "plan": objective, "lp": lp["objective"], "lpStatus": lp["status"], "highsSeconds": lp["seconds"],
           "plannerSeconds": planner, "wholeSeconds": whole}
    row["ratio"] = objective / lp["objective"] if lp["objective"] else (1.0 if objective == 0 else None)
    if args.check:
        p = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "check_plan.py"), scenario, plan],
                           capture_output=True, text=True)
        row["checked"] = p.returncode == 0
        if p.returncode != 0:
            row["checkOutput"] = p.stdout[-2000:] + p.stderr[-2000:]
    if not args.keep:
        for path in (scenario, plan):
            os.remove(path)
    return row


def fmt_ratio(r):
    return "n/a" if r is None else f"{r:.4f}"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scales", nargs="*", default=["S", "M"])
    ap.add_argument("--structures", nargs="*", default=["standard", "alternate"])
    ap.add_argument("--random", type=int, default=100, help="how many small random scenarios (seeds from --random-first)")
    ap.add_argument("--random-first", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1, help="seed of the S/M scenarios")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep scenario and plan files under OUT/work")
    ap.add_argument("--driver")
    ap.add_argument("--rampart")
    ap.add_argument("--jobs", type=int, default=1, help="scenarios measured at once (timings are noisier above 1)")
    ap.add_argument("--lp-time-limit", type=float, default=600)
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "out", "quality"))
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    runner = Runner(args)
    cache_path = os.path.join(args.out, "lp-cache.json")
    cache = json.load(open(cache_path)) if os.path.exists(cache_path) else {}

    named = [(f"{st}-{sc}", st, sc, args.seed) for st in args.structures for sc in args.scales]
    randoms = [(f"random-{s}", "random", None, s) for s in range(args.random_first, args.random_first + args.random)]
    rows = []
    try:
        for job in named:
            rows.append(measure(runner, *job, args, cache))
            print(f"{job[0]}: {fmt_ratio(rows[-1]['ratio'])}", file=sys.stderr)
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            for row in pool.map(lambda job: measure(runner, *job, args, cache), randoms):
                rows.append(row)
    finally:
        with open(cache_path, "w") as f:
            json.dump(cache, f, indent=1, sort_keys=True)

    random_rows = [r for r in rows if r["structure"] == "random"]
    summary = {}
    if random_rows:
        ratios = [r["ratio"] for r in random_rows if r["ratio"] is not None]
        highs = [r["highsSeconds"] for r in random_rows]
        planner = [r["plannerSeconds"] for r in random_rows]
        speed = [r["highsSeconds"] / max(r["plannerSeconds"], 1e-6) for r in random_rows]
        summary = {
            "count": len(random_rows), "demands": [min(r["demands"] for r in random_rows), max(r["demands"] for r in random_rows)],
            "ratio": {"median": statistics.median(ratios), "p90": percentile(ratios, 90), "max": max(ratios)},
            "worst": max(random_rows, key=lambda r: r["ratio"] or 0)["name"],
            "highsSeconds": {"median": statistics.median(highs), "max": max(highs)},
            "plannerSeconds": {"median": statistics.median(planner), "max": max(planner)},
            "highsOverPlanner": {"median": statistics.median(speed), "min": min(speed)},
        }
    with open(os.path.join(args.out, "quality.json"), "w") as f:
        json.dump({"rows": rows, "random": summary}, f, indent=1)

    print("| scenario | demands | LP bound | HiGHS | plan | plan / LP | planner | whole | HiGHS / planner |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        if r["structure"] == "random":
            continue
        print(f"| {r['name']} | {r['demands']:,} | {r['lp']:,.0f} | {r['highsSeconds']:.2f} s | {r['plan']:,.0f} | "
              f"**{fmt_ratio(r['ratio'])}** | {r['plannerSeconds']:.3f} s | {r['wholeSeconds']:.2f} s | "
              f"{r['highsSeconds'] / max(r['plannerSeconds'], 1e-6):.0f}× |")
    if summary:
        q = summary["ratio"]
        print()
        print(f"Random family: {summary['count']} scenarios, {summary['demands'][0]}-{summary['demands'][1]} demands; "
              f"plan / LP median **{q['median']:.4f}**, p90 **{q['p90']:.4f}**, max **{q['max']:.4f}** ({summary['worst']}); "
              f"HiGHS median {summary['highsSeconds']['median']:.2f} s (max {summary['highsSeconds']['max']:.2f}), "
              f"planner median {summary['plannerSeconds']['median'] * 1000:.1f} ms "
              f"(max {summary['plannerSeconds']['max'] * 1000:.1f}); HiGHS / planner median "
              f"{summary['highsOverPlanner']['median']:.0f}×, min {summary['highsOverPlanner']['min']:.0f}×.")
    bad = [r["name"] for r in rows if r.get("checked") is False or r["lp"] is None]
    if bad:
        print(f"\nFAILED (checker or LP): {', '.join(bad)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
