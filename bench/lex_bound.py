#!/usr/bin/env python3
"""Lexicographic (strict-priority) LP bound of a scenario: one LP per priority level, each minimising that level's
weighted lateness with every level above fixed at its optimum. Level p's optimum is a lower bound on the weighted
lateness of priority p of any plan that is optimal for the levels above it (a strict plan).

    bench/lex_bound.py SCENARIO.json MODEL.lp [--plan PLAN.json] [--tolerance 1e-7]

MODEL.lp is `rampart export-lp SCENARIO.json -o MODEL.lp` (aggregated groups). Prints JSON: per priority the bound
(weighted unit-months), HiGHS's seconds, and with --plan the plan's weighted lateness at that priority and the ratio.
Columns are mapped to priorities through their names (x_GROUP_ITEM_MONTH, u_GROUP, GROUP = index of the group's
first demand), as LPTextWriter writes them. Exit 0 if every level solved to optimality, 1 otherwise.
"""
import argparse
import json
import re
import sys
import time

import lp_bound


def group_priorities(scenario):
    """Group name (index of its first demand with qty > 0) -> priority, as LPModel groups demands."""
    first = {}
    names = {}
    for d, demand in enumerate(scenario["demands"]):
        if demand["qty"] <= 0:
            continue
        listed = tuple(sorted(demand["items"])) if demand.get("items") is not None else None
        key = (demand.get("item") is None, demand.get("item") or demand.get("class") or listed, demand["dueMonth"],
               demand["priority"])
        if key not in first:
            first[key] = d
            names[d] = demand["priority"]
    return names


def plan_by_priority(scenario, plan):
    weights = {1: 16, 2: 8, 3: 4, 4: 2, 5: 1}
    horizon = scenario["horizonMonths"]
    demands = {d["id"]: d for d in scenario["demands"]}
    got = {}
    out = {p: 0.0 for p in range(1, 6)}
    for e in plan["deliveries"]:
        d = demands[e["demand"]]
        got[d["id"]] = got.get(d["id"], 0) + e["qty"]
        out[d["priority"]] += weights[d["priority"]] * max(0, e["month"] - d["dueMonth"]) * e["qty"]
    for d in scenario["demands"]:
        short = d["qty"] - got.get(d["id"], 0)
        if short > 1e-9 * max(1, d["qty"]):
            out[d["priority"]] += weights[d["priority"]] * (horizon - d["dueMonth"] + 12) * short
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("scenario")
    ap.add_argument("model")
    ap.add_argument("--plan")
    ap.add_argument("--tolerance", type=float, default=1e-6, help="relative slack on each fixed level")
    args = ap.parse_args(argv)
    highspy = lp_bound.load_highspy()
    with open(args.scenario) as f:
        scenario = json.load(f)
    priority_of = group_priorities(scenario)
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    if h.readModel(args.model) != highspy.HighsStatus.kOk:
        print(f"lex_bound.py: cannot read {args.model}", file=sys.stderr)
        return 2
    lp = h.getLp()
    costs = list(lp.col_cost_)
    level = []
    for name in lp.col_names_:
        m = re.match(r"[xu]_(\d+)", name)
        level.append(priority_of.get(int(m.group(1))) if m else None)
    n = len(costs)
    result = {"levels": [], "ok": True}
    for p in range(1, 6):
        columns = [k for k in range(n) if level[k] == p]
        if not columns:
            result["levels"].append({"priority": p, "bound": 0.0, "seconds": 0.0})
            continue
        h.changeColsCost(n, list(range(n)), [costs[k] if level[k] == p else 0.0 for k in range(n)])
        started = time.perf_counter()
        h.run()
        status = h.getModelStatus()
        if status != highspy.HighsModelStatus.kOptimal:
            # The fixed levels can leave simplex in numerical trouble: start again from scratch with the interior point.
            h.clearSolver()
            h.setOptionValue("solver", "ipm")
            h.run()
            h.setOptionValue("solver", "choose")
            status = h.getModelStatus()
        seconds = time.perf_counter() - started
        if status != highspy.HighsModelStatus.kOptimal:
            result["ok"] = False
            result["levels"].append({"priority": p, "bound": None, "status": h.modelStatusToString(status)})
            break
        bound = h.getInfo().objective_function_value
        result["levels"].append({"priority": p, "bound": bound, "seconds": round(seconds, 3)})
        # Fix this level at its optimum (with a little slack) for the levels below.
        slack = args.tolerance * max(1.0, abs(bound))
        h.addRow(-highspy.kHighsInf, bound + slack, len(columns), columns, [costs[k] for k in columns])
    if args.plan:
        with open(args.plan) as f:
            by_priority = plan_by_priority(scenario, json.load(f))
        for entry in result["levels"]:
            entry["plan"] = by_priority[entry["priority"]]
            if entry.get("bound"):
                entry["ratio"] = entry["plan"] / entry["bound"]
    print(json.dumps(result, indent=1))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
