#!/usr/bin/env python3
"""Tests of the bench tools on bench/fixtures/tiny*: python3 -m unittest bench/test_bench.py"""
import copy
import importlib.util
import json
import os
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_plan = load("check_plan")
lp_bound = load("lp_bound")


def fixture(name):
    with open(os.path.join(HERE, "fixtures", name)) as f:
        return json.load(f)


class CheckPlanTests(unittest.TestCase):
    def setUp(self):
        self.scenario = fixture("tiny.json")
        self.plan = fixture("tiny-plan.json")

    def problems(self, plan):
        problems, _ = check_plan.check(self.scenario, plan)
        return list(problems.lines())

    def assertProblem(self, plan, fragment):
        lines = self.problems(plan)
        self.assertTrue(any(fragment in line for line in lines), f"{fragment!r} not in {lines}")

    def test_optimal_plan_is_valid(self):
        problems, objective = check_plan.check(self.scenario, self.plan)
        self.assertEqual(list(problems.lines()), [])
        self.assertEqual(objective, {"weightedLateness": 318, "onTimeUnits": 15, "lateUnits": 15, "unservedUnits": 2})

    def test_capacity_steps(self):
        steps = [{"from": 2, "perMonth": 10}, {"from": 5, "perMonth": 30}]
        self.assertEqual([check_plan.capacity(steps, t) for t in (0, 1, 2, 4, 5, 9)], [0, 0, 10, 10, 30, 30])

    def test_over_capacity(self):
        plan = copy.deepcopy(self.plan)
        plan["production"][0]["qty"] = 11
        self.assertProblem(plan, "line L1 month 0: 11 exceeds capacity 10")
        self.assertProblem(plan, "stock: item TNT month 0")
        plan = copy.deepcopy(self.plan)
        plan["purchases"].append({"supply": "S1", "month": 1, "qty": 0.5})
        self.assertProblem(plan, "supply S1 month 1: 15.5 exceeds capacity 15")

    def test_units_arriving_past_the_horizon_never_arrive(self):
        plan = copy.deepcopy(self.plan)
        plan["production"][2]["month"] = 3
        plan["purchases"][1]["month"] = 2
        self.assertProblem(plan, "stock: item SHELL month 3")

    def test_lead_time_is_respected(self):
        plan = copy.deepcopy(self.plan)
        plan["deliveries"][3]["month"] = 1
        self.assertProblem(plan, "stock: item SHELL month 1")

    def test_delivery_of_another_item(self):
        plan = copy.deepcopy(self.plan)
        plan["deliveries"].append({"demand": "D2", "item": "TNT", "month": 3, "qty": 1})
        self.assertProblem(plan, "item TNT is not the item, of the class or in the items of demand D2")

    def test_listed_items(self):
        # D2 lists SHELL instead of naming its class: the plan stays valid; TNT is not on the list.
        scenario = copy.deepcopy(self.scenario)
        d2 = next(d for d in scenario["demands"] if d["id"] == "D2")
        del d2["class"]
        d2["items"] = ["SHELL"]
        problems, _ = check_plan.check(scenario, self.plan)
        self.assertEqual(list(problems.lines()), [])
        plan = copy.deepcopy(self.plan)
        plan["deliveries"].append({"demand": "D2", "item": "TNT", "month": 3, "qty": 1})
        problems, _ = check_plan.check(scenario, plan)
        self.assertTrue(any("item TNT is not the item, of the class or in the items of demand D2" in line
                            for line in problems.lines()))
        for bad, fragment in (([], "items must be a non-empty list"), (["SHELL", "SHELL"], "distinct"),
                              (["NOPE"], "items names unknown item NOPE")):
            d2["items"] = bad
            problems, _ = check_plan.check(scenario, self.plan)
            self.assertTrue(any(fragment in line for line in problems.lines()), (bad, list(problems.lines())))

    def test_over_delivery(self):
        plan = copy.deepcopy(self.plan)
        plan["deliveries"][0]["qty"] = 13
        self.assertProblem(plan, "demand D1a: delivered 13 exceeds qty 12")

    def test_months_and_quantities(self):
        plan = copy.deepcopy(self.plan)
        plan["deliveries"][4]["month"] = 4
        plan["production"][0]["qty"] = -1
        plan["purchases"][0]["month"] = 1.0
        self.assertProblem(plan, "deliveries[4]: month 4 outside 0..3")
        self.assertProblem(plan, "production[0]: qty -1 is not a number >= 0")
        self.assertProblem(plan, "purchases[0]: month 1.0 outside 0..3")

    def test_objective_mismatch(self):
        plan = copy.deepcopy(self.plan)
        plan["objective"]["weightedLateness"] = 318.001
        self.assertProblem(plan, "weightedLateness: plan says 318.001, recomputed 318.0")
        plan["objective"]["weightedLateness"] = 318.0001
        self.assertFalse(self.problems(plan))


@unittest.skipUnless(importlib.util.find_spec("highspy"), "highspy not installed (pip install highspy)")
class LPBoundTests(unittest.TestCase):
    def test_tiny_optimum(self):
        for name in ("tiny.lp", "tiny.mps"):
            result = lp_bound.solve(os.path.join(HERE, "fixtures", name))
            self.assertEqual(result["status"], "Optimal")
            self.assertAlmostEqual(result["objective"], 318.0, places=6)
            self.assertEqual((result["rows"], result["cols"]), (10, 23))


if __name__ == "__main__":
    unittest.main()
