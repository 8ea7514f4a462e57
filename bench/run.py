#!/usr/bin/env python3
"""Rampart planner benchmark: plan time and peak memory from S to XL, what-if time on L, and plan quality
against the LP bound solved by HiGHS. Writes bench/out/results.json and prints Markdown for BENCHMARKS.md.

    python3 bench/run.py [--runs 3] [--scales S M L XL] [--lp-scales S M] [--lp-time-limit 600] [--seed 1]

Builds `rampart` in release mode first. Times are wall-clock seconds of the `rampart` commands, median of
--runs runs; "planner" is the sum of the planner's own stages (rampart plan --timings), without reading the
scenario and writing the plan file.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
RAMPART = os.path.join(ROOT, ".build", "release", "rampart")
IO_STAGES = {"reading", "writing"}


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def timed(cmd):
    """Wall seconds, peak RSS in MiB and stderr of one command run under /usr/bin/time."""
    started = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "MAXRSS %M"] + cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr}")
    rss = int(re.search(r"MAXRSS (\d+)", p.stderr).group(1)) / 1024
    return seconds, rss, p.stderr


def stage_seconds(stderr):
    stages = dict((m.group(1), float(m.group(2))) for m in re.finditer(r"^  (.+): ([0-9.]+) s$", stderr, re.M))
    return stages, sum(v for k, v in stages.items() if k not in IO_STAGES)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--scales", nargs="+", default=["S", "M", "L", "XL"])
    ap.add_argument("--lp-scales", nargs="*", default=["S", "M"])
    ap.add_argument("--lp-time-limit", type=float, default=600)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    print("building release...", file=sys.stderr)
    run(["swift", "build", "-c", "release", "--product", "rampart"], cwd=ROOT)
    results = {"machine": machine(), "seed": args.seed, "runs": args.runs, "scales": {}}

    for scale in args.scales:
        scenario = os.path.join(OUT, f"{scale}.json")
        plan = os.path.join(OUT, f"{scale}.plan.json")
        gen_s, _, _ = timed([RAMPART, "generate", "--scale", scale, "--seed", str(args.seed), "-o", scenario])
        counts = {k: len(v) for k, v in json.load(open(scenario)).items() if isinstance(v, list)}
        walls, planners, rss = [], [], []
        stages = {}
        for _ in range(args.runs):
            s, m, err = timed([RAMPART, "plan", scenario, "--json", "-o", plan, "--quiet", "--timings",
                               "--bottlenecks", "2"])
            stages, planner = stage_seconds(err)
            walls.append(s)
            planners.append(planner)
            rss.append(m)
        objective = json.load(open(plan))["objective"]
        check = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "check_plan.py"), scenario, plan],
                               capture_output=True, text=True)
        entry = {
            "counts": counts, "generate_s": round(gen_s, 3),
            "plan_wall_s": [round(x, 3) for x in walls], "plan_wall_median_s": round(statistics.median(walls), 3),
            "planner_s": [round(x, 3) for x in planners], "planner_median_s": round(statistics.median(planners), 3),
            "peak_rss_mib": round(max(rss), 1), "stages_last_run_s": stages,
            "weighted_lateness": objective["weightedLateness"], "checker_ok": check.returncode == 0,
        }
        print(f"{scale}: plan {entry['plan_wall_median_s']} s (planner {entry['planner_median_s']} s), "
              f"{entry['peak_rss_mib']} MiB, checker {'ok' if entry['checker_ok'] else 'FAILED'}", file=sys.stderr)
        results["scales"][scale] = entry

    if "L" in args.scales:
        scenario = os.path.join(OUT, "L.json")
        supplier = biggest_supplier(scenario)
        walls = []
        for _ in range(args.runs):
            s, _, _ = timed([RAMPART, "what-if", scenario, "--remove-supplier", supplier, "--json", "-o",
                             os.path.join(OUT, "L.whatif.json"), "--quiet"])
            walls.append(s)
        results["what_if_L"] = {"supplier_removed": supplier, "wall_s": [round(x, 3) for x in walls],
                                "wall_median_s": round(statistics.median(walls), 3)}
        print(f"what-if L ({supplier} removed): {results['what_if_L']['wall_median_s']} s", file=sys.stderr)

    for scale in args.lp_scales:
        scenario = os.path.join(OUT, f"{scale}.json")
        lp = os.path.join(OUT, f"{scale}.lp")
        export_s, _, _ = timed([RAMPART, "export-lp", scenario, "-o", lp])
        p = subprocess.run([sys.executable, os.path.join(ROOT, "bench", "lp_bound.py"), lp,
                            "--time-limit", str(args.lp_time_limit)], capture_output=True, text=True)
        bound = json.loads(p.stdout) if p.stdout.strip() else {"status": p.stderr.strip()}
        entry = results["scales"].get(scale, {})
        ratio = None
        if bound.get("objective"):
            ratio = entry["weighted_lateness"] / bound["objective"]
        entry["lp"] = {"export_s": round(export_s, 3), **bound, "ratio": ratio,
                       "highs_over_plan_wall": (bound.get("seconds") or 0) / entry["plan_wall_median_s"],
                       "highs_over_planner": (bound.get("seconds") or 0) / entry["planner_median_s"]}
        print(f"{scale}: LP {bound.get('status')} {bound.get('objective')} in {bound.get('seconds')} s; "
              f"ratio {ratio}", file=sys.stderr)
        os.remove(lp)

    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(results, f, indent=2)
    print(markdown(results))


def biggest_supplier(path):
    s = json.load(open(path))
    by = {}
    for sup in s["supplies"]:
        by[sup["supplier"]] = by.get(sup["supplier"], 0) + sum(c["perMonth"] for c in sup["capacity"])
    return max(sorted(by), key=lambda k: by[k])


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    swift = run(["swift", "--version"]).stdout.splitlines()[0]
    return {"cpu": cpu, "cores": os.cpu_count(), "swift": swift}


def markdown(r):
    lines = ["| scale | demands | items | lines | supplies | plan (wall, median) | planner only | peak memory | weighted lateness | checker |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for scale, e in r["scales"].items():
        c = e["counts"]
        lines.append(f"| {scale} | {c['demands']:,} | {c['items']:,} | {c['lines']:,} | {c['supplies']:,} | "
                     f"{e['plan_wall_median_s']:.2f} s | {e['planner_median_s']:.2f} s | {e['peak_rss_mib']:.0f} MiB | "
                     f"{e['weighted_lateness']:,.0f} | {'ok' if e['checker_ok'] else 'FAILED'} |")
    if any("lp" in e for e in r["scales"].values()):
        lines += ["", "| scale | LP bound (HiGHS) | HiGHS time | planner / LP | HiGHS / planner only | HiGHS / whole command |",
                  "|---|---:|---:|---:|---:|---:|"]
        for scale, e in r["scales"].items():
            if "lp" not in e:
                continue
            lp = e["lp"]
            ratio = f"{lp['ratio']:.4f}" if lp.get("ratio") else lp.get("status")
            obj = f"{lp['objective']:,.0f}" if lp.get("objective") else "-"
            lines.append(f"| {scale} | {obj} | {lp.get('seconds')} s | {ratio} | {lp['highs_over_planner']:.0f}x | "
                         f"{lp['highs_over_plan_wall']:.0f}x |")
    if "what_if_L" in r:
        w = r["what_if_L"]
        lines += ["", f"What-if on L (supplier {w['supplier_removed']} removed, base and changed plans): "
                  f"{w['wall_median_s']:.2f} s median, against {r['scales']['L']['plan_wall_median_s']:.2f} s for a full plan."]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
