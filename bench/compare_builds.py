#!/usr/bin/env python3
"""Two builds of rampart compared on the same scenarios, interleaved: the previous build, then the new one, in turn,
so that the machine's drift (15-30 % between runs minutes apart) falls on both alike.

    python3 bench/compare_builds.py --before OLD_BINARY --after NEW_BINARY [--scales S M L] [--runs 7] [--seed 1]

For each scale it generates the scenario once (with --before), then plans it --runs times with each build,
alternating (before, after, after, before, ...), and reports the median wall time of each, the ratio after/before
of the medians, and the median of the per-pair ratios. It also checks that both builds write the same plan bytes
for the same scenario, and exits 1 when they do not. Writes bench/out/compare-builds.json.
"""
import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")


def plan(binary, scenario, output):
    started = time.perf_counter()
    subprocess.run([binary, "plan", scenario, "--json", "--quiet", "--bottlenecks", "2", "-o", output],
                   check=True, capture_output=True)
    return time.perf_counter() - started


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def compare(before, after, scale, runs, seed):
    scenario = os.path.join(OUT, f"compare-{scale}.json")
    subprocess.run([before, "generate", "--scale", scale, "--seed", str(seed), "-o", scenario], check=True,
                   capture_output=True)
    plans = {"before": os.path.join(OUT, f"compare-{scale}-before.json"),
             "after": os.path.join(OUT, f"compare-{scale}-after.json")}
    binaries = {"before": before, "after": after}
    times = {"before": [], "after": []}
    plan(before, scenario, plans["before"])  # warm the file cache
    for k in range(runs):
        order = ["before", "after"] if k % 2 == 0 else ["after", "before"]
        for name in order:
            times[name].append(plan(binaries[name], scenario, plans[name]))
    same = digest(plans["before"]) == digest(plans["after"])
    pair_ratios = [a / b for a, b in zip(times["after"], times["before"])]
    return {
        "scale": scale,
        "runs": runs,
        "before_median_s": statistics.median(times["before"]),
        "after_median_s": statistics.median(times["after"]),
        "ratio_of_medians": statistics.median(times["after"]) / statistics.median(times["before"]),
        "median_pair_ratio": statistics.median(pair_ratios),
        "same_plan_bytes": same,
        "times": times,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--before", required=True, help="the previous build's rampart binary")
    ap.add_argument("--after", required=True, help="the new build's rampart binary")
    ap.add_argument("--scales", nargs="+", default=["S", "M", "L"])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    results = [compare(args.before, args.after, s, args.runs, args.seed) for s in args.scales]
    with open(os.path.join(OUT, "compare-builds.json"), "w") as f:
        json.dump({"before": args.before, "after": args.after, "results": results}, f, indent=2)
    print("| scale | runs each | before (median) | after (median) | ratio of medians | median of pair ratios | same plan bytes |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for r in results:
        print(f"| {r['scale']} | {r['runs']} | {r['before_median_s']:.3f} s | {r['after_median_s']:.3f} s | "
              f"{r['ratio_of_medians']:.3f} | {r['median_pair_ratio']:.3f} | {'yes' if r['same_plan_bytes'] else 'NO'} |")
    if not all(r["same_plan_bytes"] for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
