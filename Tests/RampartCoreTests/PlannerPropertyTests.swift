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
        #expect(plan.jsonParts(parallel: false) == plan.jsonParts(parallel: true))
        #expect(plan.jsonParts(parallel: true).flatMap { $0 } == plan.jsonBytes())
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

/// An explanation's causes are data in the plan file; its sentence is written from them, never stored.
@Suite struct ExplanationFileTests {
    private static let causes = [
        Constraint(kind: .lineAtCapacity, source: "L-PL-1", item: "SHELL-155", months: [MonthRange(from: 2, to: 9)], level: 0),
        Constraint(kind: .leadTime, source: "S-TW-1", sourceIsLine: false, item: "MICROCHIP", leadTimeMonths: 6, level: 1),
    ]

    @Test func causesNotKeptAreCountedAndNamedInTheSentence() throws {
        let explanation = Explanation(causes: Self.causes, moreCauses: 3)
        #expect(
            explanation.why
                == "SHELL-155 line L-PL-1 at capacity in months 2-9; MICROCHIP supply S-TW-1 needs 6 months: too late to start in time; and 3 more"
        )
        #expect(Explanation(causes: Self.causes).why.hasSuffix("too late to start in time"))
        #expect(Explanation(causes: []).why == "no capacity left in the horizon")
    }

    @Test func thePlanFileHoldsTheCountAndNoSentence() throws {
        var plan = Plan(
            scenario: "s", objective: Objective(weightedLateness: 0, onTimeUnits: 0, lateUnits: 0, unservedUnits: 0),
            production: [], purchases: [], deliveries: [])
        plan.report = PlanReport(
            planner: PlannerInfo(strategy: "x", strategiesTried: []), nations: [], items: [], lateDemands: [],
            explanations: [Explanation(causes: Self.causes, moreCauses: 3), Explanation(causes: Self.causes)], bottlenecks: [])
        let text = String(decoding: plan.jsonBytes(), as: UTF8.self)
        #expect(!text.contains("\"why\""))
        #expect(text.components(separatedBy: "\"moreCauses\":3").count == 2)
        #expect(!text.contains("\"moreCauses\":0"))
        // The kind says which a line at capacity is; only the lead times, of lines or supplies, say it.
        #expect(text.components(separatedBy: "\"sourceIsLine\"").count == 3)
        let decoded = try JSONDecoder().decode(Plan.self, from: Data(plan.jsonBytes()))
        #expect(decoded == plan)
    }

    @Test func aFileWithTheOldSentenceReadsAsNoMoreCauses() throws {
        let json =
            #"{"causes":[{"kind":"noSource","sourceIsLine":true,"item":"X","months":[],"level":0}],"why":"no line or supply makes X"}"#
        let explanation = try JSONDecoder().decode(Explanation.self, from: Data(json.utf8))
        #expect(explanation.moreCauses == 0)
        #expect(explanation.why == "no line or supply makes X")
    }
}
