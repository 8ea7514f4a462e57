#!/usr/bin/env python3
"""Solve an exported Rampart linear programme (.lp or .mps) with HiGHS and print the result as JSON.

    bench/lp_bound.py SCENARIO.lp [--time-limit S] [--solver choose|simplex|ipm|pdlp]

Prints {"status", "objective", "seconds", "rows", "cols"}. "objective" is the LP optimum (a lower
bound on any plan's weighted lateness) and is null unless HiGHS proves optimality.
Exit status: 0 optimal, 1 solved to another status, 2 usage or setup error.
"""
import argparse
import json
import os
import sys
import time


def load_highspy():
    try:
        import highspy
    except ImportError:
        sys.exit("lp_bound.py: the Python package 'highspy' is missing; install it with: pip install highspy")
    return highspy


def solve(path, time_limit=None, solver="choose"):
    highspy = load_highspy()
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("solver", solver)
    if time_limit is not None:
        h.setOptionValue("time_limit", float(time_limit))
    started = time.perf_counter()
    if h.readModel(path) != highspy.HighsStatus.kOk:
        return {"status": "read error", "objective": None, "seconds": time.perf_counter() - started,
                "rows": None, "cols": None}
    h.run()
    seconds = time.perf_counter() - started
    model_status = h.getModelStatus()
    lp = h.getLp()
    # A scenario without demands exports an LP with no columns: its optimum is 0.
    empty = model_status == highspy.HighsModelStatus.kModelEmpty
    optimal = empty or model_status == highspy.HighsModelStatus.kOptimal
    return {
        "status": "Optimal" if empty else h.modelStatusToString(model_status),
        "objective": (0.0 if empty else h.getInfo().objective_function_value) if optimal else None,
        "seconds": round(seconds, 3),
        "rows": lp.num_row_,
        "cols": lp.num_col_,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description="LP bound of a Rampart scenario with HiGHS")
    parser.add_argument("model", help="linear programme written by Rampart (.lp or .mps)")
    parser.add_argument("--time-limit", type=float, default=None, metavar="S", help="seconds")
    parser.add_argument("--solver", default="choose", choices=["choose", "simplex", "ipm", "pdlp"])
    args = parser.parse_args(argv)
    if not os.path.isfile(args.model):
        print(f"lp_bound.py: no such file: {args.model}", file=sys.stderr)
        return 2
    result = solve(args.model, args.time_limit, args.solver)
    print(json.dumps(result))
    if result["status"] == "read error":
        return 2
    return 0 if result["objective"] is not None else 1


if __name__ == "__main__":
    sys.exit(main())
