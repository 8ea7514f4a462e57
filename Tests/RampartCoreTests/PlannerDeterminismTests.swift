import RampartTestSupport
import Testing

@testable import RampartCore

/// The plan, its explanations and its bottlenecks do not depend on the thread count, and generated scenarios of
/// several seeds give plans the independent checker accepts.
@Suite struct PlannerDeterminismTests {
    @Test(arguments: 1...40)
    func parallelAndSerialGiveTheSamePlan(seed: Int) {
        var random = RandomScenario(seed: UInt64(2000 + seed))
        let s = random.make()
        let parallel = Planner(options: .init(bottleneckCandidates: 3, parallel: true)).plan(s)
        let serial = Planner(options: .init(bottleneckCandidates: 3, parallel: false)).plan(s)
        #expect(parallel == serial, "seed \(seed)")
    }

    @Test(arguments: [1, 2, 3])
    func generatedScenariosPlanFeasiblyAndTheSameOnAnyThreadCount(seed: Int) {
        let s = ScenarioGenerator(seed: UInt64(seed), scale: .S).generate()
        let parallel = Planner(options: .init(bottleneckCandidates: 2, parallel: true)).plan(s)
        #expect(PlanChecker(scenario: s).problems(in: parallel) == [])
        let serial = Planner(options: .init(bottleneckCandidates: 2, parallel: false)).plan(s)
        #expect(parallel == serial)
        #expect(parallel.report?.lateDemands.isEmpty == false, "generated scenarios have a backlog to explain")
    }

    @Test func demoScenarioPlansFeasibly() {
        let s = DemoScenario.make()
        let plan = Planner().plan(s)
        #expect(PlanChecker(scenario: s).problems(in: plan) == [])
        #expect(plan.objective.onTimeUnits > 0)
    }

    /// Two nations' demands with the same target, due month and priority share a short delivery in
    /// proportion to what they asked for, not in the order of their ids.
    @Test func identicalDemandsShareAShortfallInProportion() {
        let s = scenario(
            items: [Item(id: "E", name: "E", kind: .end)],
            lines: [line("L1", "E", [(0, 30)])],
            demands: [demand("D-AL-1", item: "E", 20, due: 0, nation: "AL"), demand("D-US-1", item: "E", 40, due: 0, nation: "US")])
        let plan = Planner().plan(s)
        #expect(PlanChecker(scenario: s).problems(in: plan) == [])
        let onTime = Dictionary(grouping: plan.deliveries.filter { $0.month == 0 }, by: \.demand).mapValues { $0.reduce(0) { $0 + $1.qty } }
        #expect(onTime == ["D-AL-1": 10, "D-US-1": 20])
    }
}
