#!/usr/bin/env python3
"""Independent plan checker, written from planning-model.md (version 1) only.

    bench/check_plan.py SCENARIO.json PLAN.json

Rebuilds the stock balance from the plan's production, purchases and deliveries, checks every
constraint of the model and recomputes the objective block. Exit 0 if the plan is valid and its
objective matches within 1e-6 relative, else 1 with one message per problem (the first few of each kind).
"""
import json
import math
import sys
from collections import defaultdict

REL_TOL = 1e-6
WEIGHTS = {1: 16, 2: 8, 3: 4, 4: 2, 5: 1}
OBJECTIVE_KEYS = ("weightedLateness", "onTimeUnits", "lateUnits", "unservedUnits")
MESSAGES_PER_KIND = 10


class Problems:
    def __init__(self):
        self.by_kind = defaultdict(list)

    def add(self, kind, message):
        self.by_kind[kind].append(message)

    def __bool__(self):
        return bool(self.by_kind)

    def lines(self):
        for kind, messages in self.by_kind.items():
            for message in messages[:MESSAGES_PER_KIND]:
                yield f"{kind}: {message}"
            if len(messages) > MESSAGES_PER_KIND:
                yield f"{kind}: ... and {len(messages) - MESSAGES_PER_KIND} more"


def close(a, b):
    return abs(a - b) <= REL_TOL * max(1.0, abs(a), abs(b))


def is_month(value, horizon):
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < horizon


def is_qty(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value >= 0


def capacity(steps, t):
    """perMonth of the last step with from <= t; 0 before the first step."""
    value, best = 0.0, None
    for step in steps:
        if step["from"] <= t and (best is None or step["from"] >= best):
            best, value = step["from"], float(step["perMonth"])
    return value


class Scenario:
    def __init__(self, data, problems):
        self.horizon = data["horizonMonths"]
        self.name = data.get("name")
        self.items = {item["id"]: item for item in data["items"]}
        self.lines = {line["id"]: line for line in data.get("lines", [])}
        self.supplies = {supply["id"]: supply for supply in data.get("supplies", [])}
        self.demands = {}
        for d in data.get("demands", []):
            if d["id"] in self.demands:
                problems.add("scenario", f"demand id {d['id']} appears twice")
            self.demands[d["id"]] = d
        self.initial = defaultdict(float)
        for stock in data.get("stocks", []):
            self.initial[stock["item"]] += stock["qty"]
        self.validate(problems)

    def validate(self, problems):
        for item in self.items.values():
            for entry in item.get("bom", []):
                if entry["item"] not in self.items:
                    problems.add("scenario", f"item {item['id']}: bom names unknown item {entry['item']}")
        for kind, sources in (("line", self.lines), ("supply", self.supplies)):
            for source in sources.values():
                if source["item"] not in self.items:
                    problems.add("scenario", f"{kind} {source['id']}: unknown item {source['item']}")
        classes = {item.get("class") for item in self.items.values()}
        for d in self.demands.values():
            named = [k for k in ("item", "class", "items") if d.get(k) is not None]
            if len(named) != 1:
                problems.add("scenario", f"demand {d['id']}: names {len(named)} of item, class and items, not exactly one")
            elif "items" in named:
                listed = d["items"]
                if not listed or len(set(listed)) != len(listed):
                    problems.add("scenario", f"demand {d['id']}: items must be a non-empty list of distinct ids")
                for item_id in listed:
                    if item_id not in self.items:
                        problems.add("scenario", f"demand {d['id']}: items names unknown item {item_id}")
            elif "item" in d and d["item"] not in self.items:
                problems.add("scenario", f"demand {d['id']}: unknown item {d['item']}")
            elif "class" in d and d["class"] not in classes:
                problems.add("scenario", f"demand {d['id']}: no item has class {d['class']}")
            if d.get("priority") not in WEIGHTS:
                problems.add("scenario", f"demand {d['id']}: priority {d.get('priority')} is not 1..5")
            if not is_month(d.get("dueMonth"), self.horizon):
                problems.add("scenario", f"demand {d['id']}: dueMonth {d.get('dueMonth')} out of range")
            if not is_qty(d.get("qty")):
                problems.add("scenario", f"demand {d['id']}: qty {d.get('qty')} is not a number >= 0")

    def serves(self, demand, item_id):
        if demand.get("item") is not None:
            return item_id == demand["item"]
        if demand.get("items") is not None:
            return item_id in demand["items"]
        return self.items[item_id].get("class") == demand.get("class")


def check_entries(entries, key, sources, horizon, problems, kind):
    """Sums valid entries per (source, month); checks capacity. Returns {(source_id, month): qty}."""
    totals = defaultdict(float)
    for n, entry in enumerate(entries):
        where = f"{kind}[{n}]"
        source_id, month, qty = entry.get(key), entry.get("month"), entry.get("qty")
        if source_id not in sources:
            problems.add(kind, f"{where}: unknown {key} {source_id}")
        elif not is_month(month, horizon):
            problems.add(kind, f"{where}: month {month} outside 0..{horizon - 1}")
        elif not is_qty(qty):
            problems.add(kind, f"{where}: qty {qty} is not a number >= 0")
        else:
            totals[(source_id, month)] += qty
    for (source_id, month), qty in totals.items():
        cap = capacity(sources[source_id]["capacity"], month)
        if qty > cap + REL_TOL * max(1.0, cap):
            problems.add(kind, f"{key} {source_id} month {month}: {qty:g} exceeds capacity {cap:g}")
    return totals


def check(scenario_data, plan):
    problems = Problems()
    scenario = Scenario(scenario_data, problems)
    horizon = scenario.horizon
    if plan.get("version") != 1:
        problems.add("plan", f"version {plan.get('version')} is not 1")

    arrivals = defaultdict(lambda: [0.0] * horizon)
    outflows = defaultdict(lambda: [0.0] * horizon)
    produced = check_entries(plan.get("production", []), "line", scenario.lines, horizon, problems, "production")
    bought = check_entries(plan.get("purchases", []), "supply", scenario.supplies, horizon, problems, "purchases")
    for (line_id, month), qty in produced.items():
        line = scenario.lines[line_id]
        if month + line["leadTimeMonths"] < horizon:
            arrivals[line["item"]][month + line["leadTimeMonths"]] += qty
        for entry in scenario.items.get(line["item"], {}).get("bom", []):
            outflows[entry["item"]][month] += entry["qty"] * qty
    for (supply_id, month), qty in bought.items():
        supply = scenario.supplies[supply_id]
        if month + supply["leadTimeMonths"] < horizon:
            arrivals[supply["item"]][month + supply["leadTimeMonths"]] += qty

    delivered = defaultdict(lambda: defaultdict(float))
    for n, entry in enumerate(plan.get("deliveries", [])):
        where = f"deliveries[{n}]"
        demand_id, item_id, month, qty = entry.get("demand"), entry.get("item"), entry.get("month"), entry.get("qty")
        demand = scenario.demands.get(demand_id)
        if demand is None:
            problems.add("deliveries", f"{where}: unknown demand {demand_id}")
        elif item_id not in scenario.items:
            problems.add("deliveries", f"{where}: unknown item {item_id}")
        elif not scenario.serves(demand, item_id):
            problems.add("deliveries", f"{where}: item {item_id} is not the item, of the class or in the items of demand {demand_id}")
        elif not is_month(month, horizon):
            problems.add("deliveries", f"{where}: month {month} outside 0..{horizon - 1}")
        elif not is_qty(qty):
            problems.add("deliveries", f"{where}: qty {qty} is not a number >= 0")
        else:
            delivered[demand_id][month] += qty
            outflows[item_id][month] += qty

    check_stock(scenario, arrivals, outflows, problems)
    objective = recompute_objective(scenario, delivered, problems)
    compare_objective(plan.get("objective"), objective, problems)
    return problems, objective


def check_stock(scenario, arrivals, outflows, problems):
    zero = [0.0] * scenario.horizon
    for item_id in sorted(set(arrivals) | set(outflows)):
        stock = scenario.initial.get(item_id, 0.0)
        gross_in, gross_out = stock, 0.0
        arriving, leaving = arrivals.get(item_id, zero), outflows.get(item_id, zero)
        for t in range(scenario.horizon):
            stock += arriving[t] - leaving[t]
            gross_in += arriving[t]
            gross_out += leaving[t]
            if stock < -REL_TOL * max(1.0, gross_in, gross_out):
                problems.add("stock", f"item {item_id} month {t}: stock {stock:g} < 0")
                break


def recompute_objective(scenario, delivered, problems):
    weighted, on_time, late, unserved = [], [], [], []
    for demand_id, demand in scenario.demands.items():
        due, qty = demand.get("dueMonth", 0), demand.get("qty", 0)
        weight = WEIGHTS.get(demand.get("priority"), 0)
        by_month = delivered.get(demand_id, {})
        total = math.fsum(by_month.values())
        if total > qty + REL_TOL * max(1.0, qty):
            problems.add("deliveries", f"demand {demand_id}: delivered {total:g} exceeds qty {qty:g}")
        short = max(0.0, qty - total)
        for month, units in by_month.items():
            (on_time if month <= due else late).append(units)
            if month > due:
                weighted.append(weight * (month - due) * units)
        weighted.append(weight * (scenario.horizon - due + 12) * short)
        unserved.append(short)
    return {"weightedLateness": math.fsum(weighted), "onTimeUnits": math.fsum(on_time),
            "lateUnits": math.fsum(late), "unservedUnits": math.fsum(unserved)}


def compare_objective(reported, recomputed, problems):
    if not isinstance(reported, dict):
        problems.add("objective", "plan has no objective block")
        return
    for key in OBJECTIVE_KEYS:
        value = reported.get(key)
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            problems.add("objective", f"{key} missing or not a number")
        elif not close(float(value), recomputed[key]):
            problems.add("objective", f"{key}: plan says {value}, recomputed {recomputed[key]}")


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        with open(argv[1]) as f:
            scenario = json.load(f)
        with open(argv[2]) as f:
            plan = json.load(f)
    except (OSError, ValueError) as error:
        print(f"check_plan.py: {error}", file=sys.stderr)
        return 1
    if plan.get("scenario") != scenario.get("name"):
        print(f"warning: plan is for scenario {plan.get('scenario')!r}, file is {scenario.get('name')!r}")
    problems, objective = check(scenario, plan)
    for line in problems.lines():
        print(line)
    print("recomputed objective: " + json.dumps(objective))
    print("INVALID" if problems else "OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
