import RampartTestSupport
import Testing

@testable import RampartCore

/// Cases whose optimum is derived on paper; the planner must find it and the checker must accept the plan.
@Suite struct PlannerHandWorkedTests {
    private func planned(_ s: Scenario) -> Plan {
        let plan = Planner(options: .init(bottleneckCandidates: 2)).plan(s)
        #expect(PlanChecker(scenario: s).problems(in: plan) == [])
        return plan
    }

    /// One line, 10 a month, no lead time; two demands of 10 due in month 0. Only 10 can be on time:
    /// the priority-5 demand (weight 1) waits one month: 10 unit-months × 1.
    @Test func prioritiesCompeteForOneLine() {
        let s = scenario(
            items: [Item(id: "E", name: "E", kind: .end)],
            lines: [line("L1", "E", [(0, 10)])],
            demands: [demand("D-LOW", item: "E", 10, due: 0, priority: 5), demand("D-HIGH", item: "E", 10, due: 0, priority: 1)])
        let plan = planned(s)
        #expect(plan.objective.weightedLateness == 10)
        #expect(plan.deliveries.filter { $0.demand == "D-HIGH" }.allSatisfy { $0.month == 0 })
        #expect(plan.objective.onTimeUnits == 10)
        #expect(plan.objective.lateUnits == 10)
    }

    /// Lead time 3, 5 a month: 10 units due in month 2 arrive 5 in month 3 and 5 in month 4:
    /// weight 4 × (5 × 1 + 5 × 2) = 60.
    @Test func leadTimeMakesUnitsLate() {
        let s = scenario(
            items: [Item(id: "E", name: "E", kind: .end)],
            lines: [line("L1", "E", lead: 3, [(0, 5)])],
            demands: [demand("D1", item: "E", 10, due: 2, priority: 3)])
        let plan = planned(s)
        #expect(plan.objective.weightedLateness == 60)
        #expect(plan.deliveries.map(\.month).sorted() == [3, 4])
    }

    /// E needs 2 C; C (line, lead 1, 10 a month) needs 1 M; M is bought with lead 1. The first M arrives
    /// in month 1, the first C in month 2 (10 = 5 E), E starts in month 2 and arrives in month 3; the next
    /// 10 C arrive in month 3, so the other 5 E arrive in month 4. 10 E due in month 3 at priority 1:
    /// 16 × 5 × 1 = 80.
    @Test func multiLevelBillOfMaterials() {
        let s = scenario(
            items: [
                Item(id: "E", name: "E", kind: .end, bom: [BOMEntry(item: "C", qty: 2)]),
                Item(id: "C", name: "C", kind: .component, bom: [BOMEntry(item: "M", qty: 1)]),
                Item(id: "M", name: "M", kind: .material),
            ],
            lines: [line("LE", "E", lead: 1, [(0, 100)]), line("LC", "C", lead: 1, [(0, 10)])],
            supplies: [supply("SM", "M", lead: 1, [(0, 100)])],
            demands: [demand("D1", item: "E", 10, due: 3, priority: 1)])
        let plan = planned(s)
        #expect(plan.objective.weightedLateness == 80)
        #expect(plan.report?.lateDemands.first?.demand == "D1")
        let why = plan.report.map { $0.explanations[$0.lateDemands[0].explanation].why } ?? ""
        #expect(why.contains("LC at capacity"))
    }

    /// A class demand may take either X or Y; an item demand needs X. Capacity 5 each in month 0.
    /// The optimum serves both on time: the class demand takes Y. Weighted lateness 0.
    @Test func classDemandLeavesTheNamedItemToTheItemDemand() {
        let s = scenario(
            items: [Item(id: "X", name: "X", kind: .end, itemClass: "K"), Item(id: "Y", name: "Y", kind: .end, itemClass: "K")],
            lines: [line("LX", "X", [(0, 5)]), line("LY", "Y", [(0, 5)])],
            demands: [demand("D-CLASS", cls: "K", 5, due: 0, priority: 1), demand("D-X", item: "X", 5, due: 0, priority: 2)])
        let plan = planned(s)
        #expect(plan.objective.weightedLateness == 0)
        #expect(plan.deliveries.first { $0.demand == "D-CLASS" }?.item == "Y")
    }

    /// Initial stock serves a demand due in month 0 that no line could reach in time.
    @Test func initialStockServesEarlyDemand() {
        let s = scenario(
            items: [Item(id: "E", name: "E", kind: .end)],
            lines: [line("L1", "E", lead: 6, [(0, 100)])],
            stocks: [Stock(item: "E", qty: 30)],
            demands: [demand("D-EARLY", item: "E", 30, due: 0, priority: 2), demand("D-LATER", item: "E", 50, due: 8, priority: 1)])
        let plan = planned(s)
        #expect(plan.objective.weightedLateness == 0)
    }

    /// Two end items share one scarce material (10 a month, no lead time). Each needs 1 per unit.
    /// Priority 1 takes the material first; the priority-4 demand (weight 2) of 10 due in month 0
    /// gets nothing in month 0 and 10 in month 1: 2 × 10 × 1 = 20.
    @Test func sharedMaterialGoesToTheHigherPriority() {
        let s = scenario(
            items: [
                Item(id: "A", name: "A", kind: .end, bom: [BOMEntry(item: "M", qty: 1)]),
                Item(id: "B", name: "B", kind: .end, bom: [BOMEntry(item: "M", qty: 1)]),
                Item(id: "M", name: "M", kind: .material),
            ],
            lines: [line("LA", "A", [(0, 100)]), line("LB", "B", [(0, 100)])],
            supplies: [supply("SM", "M", [(0, 10)])],
            demands: [demand("D-B", item: "B", 10, due: 0, priority: 4), demand("D-A", item: "A", 10, due: 0, priority: 1)])
        let plan = planned(s)
        #expect(plan.objective.weightedLateness == 20)
        #expect(plan.report?.bottlenecks.first?.source == "SM")
    }

    /// Capacity starts in month 18 (a new line); a demand due in month 6 waits for it: 12 months × 10 × 4.
    @Test func rampUpStepDelaysUntilTheLineOpens() {
        let s = scenario(
            items: [Item(id: "E", name: "E", kind: .end)],
            lines: [line("L-NEW", "E", [(18, 10)])],
            demands: [demand("D1", item: "E", 10, due: 6, priority: 3)])
        let plan = planned(s)
        #expect(plan.objective.weightedLateness == 480)
        let why = plan.report.map { $0.explanations[$0.lateDemands[0].explanation].why } ?? ""
        #expect(why.contains("has no capacity in months 0-17"))
    }

    /// Nothing can be made: every unit is unserved, each costing (horizon - due + 12) months × weight.
    @Test func unservedUnitsCostPastTheHorizon() {
        let s = scenario(
            horizon: 24,
            items: [Item(id: "E", name: "E", kind: .end, bom: [BOMEntry(item: "M", qty: 1)]), Item(id: "M", name: "M", kind: .material)],
            lines: [line("L1", "E", [(0, 10)])],
            supplies: [supply("SM", "M", lead: 30, [(0, 10)])],
            demands: [demand("D1", item: "E", 5, due: 4, priority: 2)])
        let plan = planned(s)
        #expect(plan.objective.unservedUnits == 5)
        #expect(plan.objective.weightedLateness == 8 * 5 * Double(24 - 4 + 12))
        #expect(plan.production.isEmpty && plan.purchases.isEmpty)
    }

    @Test func sameScenarioSamePlan() throws {
        let s = scenario(
            items: [Item(id: "X", name: "X", kind: .end, itemClass: "K"), Item(id: "Y", name: "Y", kind: .end, itemClass: "K")],
            lines: [line("LX", "X", lead: 1, [(0, 5), (6, 9)]), line("LY", "Y", lead: 2, [(2, 7)])],
            demands: (0..<30).map { demand("D\($0)", cls: "K", Double(3 + $0 % 7), due: $0 % 12, priority: 1 + $0 % 5) })
        let a = Planner().plan(s)
        let b = Planner(options: .init(parallel: false)).plan(s)
        #expect(a == b)
    }

    /// A scarce material M (30 in stock, 30 more bought in month 1) that CHEAP consumes at 1 a unit and COSTLY at 30.
    /// Priority 1 wants 1 COSTLY, priority 3 wants 30 CHEAP, both in month 0. Serving COSTLY first makes the 30 CHEAP a
    /// month late: 4 × 30 = 120. The optimum delays the priority-1 unit by one month instead: 16 × 1 = 16.
    @Test func optimumDelaysAHigherPriorityToSaveMoreAtALowerOne() {
        let s = scenario(
            horizon: 2,
            items: [
                Item(id: "CHEAP", name: "CHEAP", kind: .end, bom: [BOMEntry(item: "M", qty: 1)]),
                Item(id: "COSTLY", name: "COSTLY", kind: .end, bom: [BOMEntry(item: "M", qty: 30)]),
                Item(id: "M", name: "M", kind: .material),
            ],
            lines: [line("L-CHEAP", "CHEAP", [(0, 100)]), line("L-COSTLY", "COSTLY", [(0, 100)])],
            supplies: [supply("S-M", "M", [(0, 0), (1, 30)])],
            stocks: [Stock(item: "M", qty: 30)],
            demands: [demand("D-P1", item: "COSTLY", 1, due: 0, priority: 1), demand("D-P3", item: "CHEAP", 30, due: 0, priority: 3)])
        let plan = planned(s)
        #expect(plan.objective.weightedLateness == 16)
        #expect(plan.deliveries.filter { $0.demand == "D-P1" }.map(\.month) == [1])
    }

    /// The same material, only the 30 in stock, horizon 1: 1 COSTLY at priority 2 or 30 CHEAP at priority 4. An unserved
    /// unit is charged 1 − 0 + 12 = 13 months: leaving the priority-2 unit unserved costs 8 × 13 = 104, leaving the 30
    /// CHEAP unserved 2 × 13 × 30 = 780. The optimum leaves the higher priority unserved.
    @Test func optimumLeavesAHigherPriorityUnservedToServeMoreUnits() {
        let s = scenario(
            horizon: 1,
            items: [
                Item(id: "CHEAP", name: "CHEAP", kind: .end, bom: [BOMEntry(item: "M", qty: 1)]),
                Item(id: "COSTLY", name: "COSTLY", kind: .end, bom: [BOMEntry(item: "M", qty: 30)]),
                Item(id: "M", name: "M", kind: .material),
            ],
            lines: [line("L-CHEAP", "CHEAP", [(0, 100)]), line("L-COSTLY", "COSTLY", [(0, 100)])],
            stocks: [Stock(item: "M", qty: 30)],
            demands: [demand("D-P2", item: "COSTLY", 1, due: 0, priority: 2), demand("D-P4", item: "CHEAP", 30, due: 0, priority: 4)])
        let plan = planned(s)
        #expect(plan.objective.weightedLateness == 104)
        #expect(plan.objective.unservedUnits == 1)
    }

    /// A class demand of 30 served by either variant of class K: K-1 needs 1 M a unit, K-30 needs 30; 30 M in stock.
    /// All 30 units can be on time from K-1 (objective 0); taking K-30 would serve one.
    @Test func classDemandTakesTheVariantThatSpendsLeastOfAScarceMaterial() {
        let s = scenario(
            horizon: 1,
            items: [
                Item(id: "K-30", name: "K-30", kind: .end, itemClass: "K", bom: [BOMEntry(item: "M", qty: 30)]),
                Item(id: "K-1", name: "K-1", kind: .end, itemClass: "K", bom: [BOMEntry(item: "M", qty: 1)]),
                Item(id: "M", name: "M", kind: .material),
            ],
            lines: [line("L-30", "K-30", [(0, 100)]), line("L-1", "K-1", [(0, 100)])],
            stocks: [Stock(item: "M", qty: 30)],
            demands: [demand("D-K", cls: "K", 30, due: 0, priority: 3)])
        let plan = planned(s)
        #expect(plan.objective.weightedLateness == 0)
        #expect(Set(plan.deliveries.map(\.item)) == ["K-1"])
    }

    // MARK: - The strict objective: a higher priority never gives anything up for a lower one

    private func plannedStrict(_ s: Scenario) -> Plan {
        let plan = Planner(options: .init(bottleneckCandidates: 2, objective: .strict)).plan(s)
        #expect(PlanChecker(scenario: s).problems(in: plan) == [])
        #expect(plan.objectiveAimedAt == .strict)
        return plan
    }

    private func byPriority(_ plan: Plan, _ s: Scenario) -> [Int: Double] {
        let outcomes = PlanEvaluator(scenario: s).outcomes(of: plan)
        return Dictionary(outcomes.map { ($0.demand.priority, $0.weightedLateness) }, uniquingKeysWith: +)
    }

    /// `optimumDelaysAHigherPriorityToSaveMoreAtALowerOne` under the strict objective: the priority-1 COSTLY unit takes
    /// the 30 M in stock in month 0 (on time: 0 at priority 1), and the 30 CHEAP wait for the 30 M bought in month 1:
    /// 4 × 30 × 1 = 120 at priority 3, against the weighted optimum's 16 at priority 1 and 0 at priority 3.
    @Test func strictKeepsTheHigherPriorityOnTimeWhateverItCostsALowerOne() {
        let s = scenario(
            horizon: 2,
            items: [
                Item(id: "CHEAP", name: "CHEAP", kind: .end, bom: [BOMEntry(item: "M", qty: 1)]),
                Item(id: "COSTLY", name: "COSTLY", kind: .end, bom: [BOMEntry(item: "M", qty: 30)]),
                Item(id: "M", name: "M", kind: .material),
            ],
            lines: [line("L-CHEAP", "CHEAP", [(0, 100)]), line("L-COSTLY", "COSTLY", [(0, 100)])],
            supplies: [supply("S-M", "M", [(0, 0), (1, 30)])],
            stocks: [Stock(item: "M", qty: 30)],
            demands: [demand("D-P1", item: "COSTLY", 1, due: 0, priority: 1), demand("D-P3", item: "CHEAP", 30, due: 0, priority: 3)])
        let strict = plannedStrict(s)
        #expect(strict.objective.weightedLateness == 120)
        #expect(strict.deliveries.filter { $0.demand == "D-P1" }.map(\.month) == [0])
        #expect(byPriority(strict, s) == [1: 0, 3: 120])
        // The weighted plan of the same scenario, against the strict one: priority 1 gave up 16, priority 3 gained 120.
        let weighted = planned(s)
        #expect(weighted.objectiveAimedAt == .weighted)
        let levels = PriorityComparison.compare(scenario: s, weighted: weighted, strict: strict)
        #expect(levels.map(\.priority) == [1, 3])
        #expect(levels.map(\.weightedLatenessGivenUp) == [16, -120])
        #expect(levels.map(\.weightedPlan.lateUnits) == [1, 0])
        #expect(levels.map(\.strictPlan.lateUnits) == [0, 30])
    }

    /// `optimumLeavesAHigherPriorityUnservedToServeMoreUnits` under the strict objective: the priority-2 COSTLY unit
    /// takes all 30 M and the 30 CHEAP of priority 4 go unserved: 2 × 13 × 30 = 780 (the weighted optimum: 104).
    @Test func strictServesTheHigherPriorityEvenIfMoreUnitsGoUnserved() {
        let s = scenario(
            horizon: 1,
            items: [
                Item(id: "CHEAP", name: "CHEAP", kind: .end, bom: [BOMEntry(item: "M", qty: 1)]),
                Item(id: "COSTLY", name: "COSTLY", kind: .end, bom: [BOMEntry(item: "M", qty: 30)]),
                Item(id: "M", name: "M", kind: .material),
            ],
            lines: [line("L-CHEAP", "CHEAP", [(0, 100)]), line("L-COSTLY", "COSTLY", [(0, 100)])],
            stocks: [Stock(item: "M", qty: 30)],
            demands: [demand("D-P2", item: "COSTLY", 1, due: 0, priority: 2), demand("D-P4", item: "CHEAP", 30, due: 0, priority: 4)])
        let strict = plannedStrict(s)
        #expect(strict.objective.weightedLateness == 780)
        #expect(strict.objective.unservedUnits == 30)
        #expect(strict.deliveries.filter { $0.demand == "D-P2" }.map(\.qty) == [1])
        #expect(planned(s).objective.weightedLateness == 104)
    }

    /// Two levels that share one line of 10 a month (no lead time, horizon 3), then a tie-break inside a level. Due in
    /// month 0: A of 10 at priority 2; due in month 1: B of 10 at priority 1 and C of 10 at priority 5. Strict: B on
    /// time first (month 1 or earlier), A takes month 0, C gets month 2 (late 1): priority 1: 0, 2: 0, 5: 10. Had A
    /// waited for C (weighted would not either: 8 > 1), priority 2 would pay. The strict plan is that: 10 in all.
    @Test func strictServesEachLevelInTurn() {
        let s = scenario(
            horizon: 3,
            items: [Item(id: "E", name: "E", kind: .end)],
            lines: [line("L1", "E", [(0, 10)])],
            demands: [
                demand("A", item: "E", 10, due: 0, priority: 2), demand("B", item: "E", 10, due: 1, priority: 1),
                demand("C", item: "E", 10, due: 1, priority: 5),
            ])
        let strict = plannedStrict(s)
        #expect(byPriority(strict, s) == [1: 0, 2: 0, 5: 10])
        #expect(strict.deliveries.filter { $0.demand == "C" }.map(\.month) == [2])
    }

    /// Strict plans of random scenarios: the checker accepts each (in `plannedStrict`), and one thread gives the same
    /// plan as two.
    @Test(arguments: 1...12)
    func strictPlansAreValidAndTheSameOnOneThread(seed: UInt64) {
        let s = AlternateGenerator.random(seed: seed).generate()
        let strict = plannedStrict(s)
        let serial = Planner(options: .init(bottleneckCandidates: 2, parallel: false, objective: .strict)).plan(s)
        #expect(strict.jsonBytes() == serial.jsonBytes())
    }
}
