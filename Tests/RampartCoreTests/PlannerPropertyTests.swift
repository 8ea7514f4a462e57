import Foundation
import RampartTestSupport
import Testing

@testable import RampartCore

/// On random scenarios of every shape: no plan breaks a constraint, the objective is what the lists give,
/// and the plan is the same whatever the thread count.
@Suite struct PlannerPropertyTests {
    @Test(arguments: 1...200)
    func randomScenarioPlansAreFeasible(seed: Int) {
        var random = RandomScenario(seed: UInt64(seed))
        let s = random.make()
        let plan = Planner(options: .init(bottleneckCandidates: 2, parallel: false)).plan(s)
        #expect(PlanChecker(scenario: s).problems(in: plan) == [], "seed \(seed)")
        let evaluator = PlanEvaluator(scenario: s)
        #expect(evaluator.objective(of: plan) == plan.objective, "seed \(seed)")
        #expect(evaluator.report(of: plan).nations == plan.report?.nations, "seed \(seed)")
        let demanded = s.demands.reduce(0) { $0 + $1.qty }
        let accounted = plan.objective.onTimeUnits + plan.objective.lateUnits + plan.objective.unservedUnits
        #expect(abs(demanded - accounted) < 1e-6 * max(1, demanded), "seed \(seed)")
    }

    @Test(arguments: 1...20)
    func everyStrategyGivesAFeasiblePlan(seed: Int) {
        var random = RandomScenario(seed: UInt64(1000 + seed))
        let s = random.make()
        for strategy in PlanStrategy.all {
            let plan = Planner(options: .init(strategies: [strategy], bottleneckCandidates: 0, parallel: false)).plan(s)
            #expect(PlanChecker(scenario: s).problems(in: plan) == [], "seed \(seed) \(strategy)")
        }
    }
}

@Suite struct PlanJSONTests {
    @Test(arguments: 1...30)
    func planJsonReadsBackEqual(seed: Int) throws {
        var random = RandomScenario(seed: UInt64(500 + seed))
        let s = random.make()
        let plan = Planner(options: .init(bottleneckCandidates: 2, parallel: false)).plan(s)
        let decoded = try JSONDecoder().decode(Plan.self, from: Data(plan.jsonBytes()))
        #expect(decoded == plan)
    }

    @Test func hostileStringsAreEscaped() throws {
        var plan = Plan(
            scenario: "a\"b\\c\n\u{1}é", objective: Objective(weightedLateness: 0.1, onTimeUnits: 1e-7, lateUnits: 3, unservedUnits: 0),
            production: [], purchases: [], deliveries: [DeliveryEntry(demand: "</script>", item: "x", month: 0, qty: 1234567.25)])
        plan.report = nil
        let decoded = try JSONDecoder().decode(Plan.self, from: Data(plan.jsonBytes()))
        #expect(decoded == plan)
    }
}
