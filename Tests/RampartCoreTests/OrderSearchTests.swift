import RampartTestSupport
import Testing

@testable import RampartCore

/// The improvement phase over the order of the groups (`OrderSearch`): never worse than the plan it starts from,
/// better where a group served late can be served earlier at less cost to others, exact about the constraints.
@Suite struct OrderSearchTests {
    static func plans(_ s: Scenario) -> (without: Plan, with: Plan) {
        var off = Planner.Options(bottleneckCandidates: 0, parallel: false, explain: false)
        off.searchWork = 0
        let on = Planner.Options(bottleneckCandidates: 0, parallel: false, explain: false)
        return (Planner(options: off).plan(s), Planner(options: on).plan(s))
    }

    static func latenessByPriority(_ plan: Plan, _ s: Scenario) -> [Double] {
        var levels = [Double](repeating: 0, count: 5)
        for o in PlanEvaluator(scenario: s).outcomes(of: plan) { levels[o.demand.priority - 1] += o.weightedLateness }
        return levels
    }

    @Test(arguments: [UInt64(11), 48, 64, 70])
    func searchNeverWorsensAndStaysExact(seed: UInt64) {
        let s = AlternateGenerator.random(seed: seed).generate()
        let (without, with) = Self.plans(s)
        #expect(with.objective.weightedLateness <= without.objective.weightedLateness, "seed \(seed)")
        #expect(PlanChecker(scenario: s).problems(in: with) == [], "seed \(seed)")
    }

    /// Random seed 64, as the family was before its demands listed items, was its worst plan before the search (1.061
    /// × the LP bound); the search takes it to 1.043 (BENCHMARKS.md). Here only that it finds a better plan, and names
    /// it in the strategies tried.
    @Test func searchFindsABetterPlanOnTheWorstRandomScenario() throws {
        let s = AlternateGenerator.random(seed: 64, listedShare: 0).generate()
        let (without, with) = Self.plans(s)
        #expect(with.objective.weightedLateness < 0.99 * without.objective.weightedLateness)
        let tried = try #require(with.report?.planner.strategiesTried)
        #expect(tried.contains { $0.strategy.hasSuffix("/search") })
    }

    @Test func searchSteps() {
        #expect(OrderSearch.steps(work: 0, groups: 100) == 0)
        #expect(OrderSearch.steps(work: 100_000, groups: 400) == OrderSearch.maxPasses / OrderSearch.width)
        #expect(OrderSearch.steps(work: 100_000, groups: 8_000) == 6)
        #expect(OrderSearch.steps(work: 100_000, groups: 200_000) == 0)
    }

    /// Under strict priority the search keeps a plan only where it is better level by level.
    @Test func strictSearchNeverWorsensAHigherPriority() {
        let s = AlternateGenerator.random(seed: 64).generate()
        var off = Planner.Options(bottleneckCandidates: 0, parallel: false, explain: false, objective: .strict)
        off.searchWork = 0
        let on = Planner.Options(bottleneckCandidates: 0, parallel: false, explain: false, objective: .strict)
        let without = Planner(options: off).plan(s)
        let with = Planner(options: on).plan(s)
        let a = Self.latenessByPriority(without, s), b = Self.latenessByPriority(with, s)
        #expect(!PlanObjective.strict.isBetter(total: 0, byPriority: a, than: (0, b)))
        #expect(PlanChecker(scenario: s).problems(in: with) == [])
    }
}
