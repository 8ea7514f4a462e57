import Fluent
import Foundation
import RampartCore
import SQLKit
import Testing

@testable import RampartServer

/// The stored plan summary is the server's own shape, with a version; runs stored before the version keep their
/// results.
@Suite struct StoredSummaryTests {
    /// A summary as the server stored it before it carried a version (the core's report types written as they were).
    static let beforeVersions = """
        {"bottlenecks":[{"country":"FR","extraPerMonth":50,"item":"SHELL-155","kind":"line","owner":"KNDS France",\
        "saturatedMonths":[{"from":0,"to":5}],"savedPerExtraUnit":1.5,"source":"L-NEXTER","weightedLatenessSaved":900}],\
        "deliveredPerMonth":[0,100],"demandedPerMonth":[600,0],"late":[{"demand":"FR-1","lateUnits":10,"nation":"FR",\
        "reason":"L-NEXTER is full","target":"SHELL-155","unservedUnits":0,"weightedLateness":160}],"lateDemandCount":1,\
        "monthLabels":["2026-01","2026-02"],"nations":[{"demandedUnits":600,"key":"FR","lateUnits":10,\
        "meanDelayMonths":1,"onTimeUnits":590,"unservedUnits":0,"weightedLateness":160}]}
        """

    @Test func aSummaryStoredBeforeVersionsReadsAsVersion1() throws {
        let summary = try JSONDecoder().decode(PlanRunSummary.self, from: Data(Self.beforeVersions.utf8))
        #expect(summary.version == 1)
        #expect(summary.nations.map(\.key) == ["FR"] && summary.bottlenecks.first?.saturatedMonths.first?.to == 5)
        #expect(summary.late.first?.reason == "L-NEXTER is full")
        // version 2's counts by outcome and totals per class or item are absent, not made up
        #expect(summary.targets == nil && summary.nations.first?.demands == nil)
    }

    @Test func aNewSummaryCountsDemandsByOutcomeAndSumsUnitsOnlyWithinATarget() throws {
        let scenario = Fixtures.scenario()
        let plan = Planner(options: .init(bottleneckCandidates: 0, parallel: false)).plan(scenario)
        let outcomes = PlanEvaluator(scenario: scenario).outcomes(of: plan)
        let summary = PlanRunSummary(plan: plan, scenario: scenario, outcomes: outcomes)
        let targets = try #require(summary.targets)
        for nation in summary.nations {
            let mine = outcomes.filter { $0.demand.nation == nation.key }
            let counts = try #require(nation.demands)
            #expect(counts.demands == mine.count)
            #expect(counts.onTime == mine.filter { $0.late <= 0 && $0.unserved <= 0 }.count)
            #expect(counts.late == mine.filter { $0.late > 0 }.count)
            #expect(counts.unserved == mine.filter { $0.unserved > 0 }.count)
            for row in targets where row.nation == nation.key {
                let these = mine.filter { $0.demand.target.key == row.target }
                #expect(row.demands.demands == these.count && row.qty == these.reduce(0) { $0 + $1.demand.qty })
                #expect(row.lateUnits == these.reduce(0) { $0 + $1.late })
            }
        }
        #expect(targets.reduce(0) { $0 + $1.demands.demands } == scenario.demands.count)
    }

    @Test func aSummaryOfANewerVersionIsRefusedNotMisread() {
        let newer = Self.beforeVersions.replacingOccurrences(
            of: "{\"bottlenecks\"", with: "{\"version\":\(PlanRunSummary.currentVersion + 1),\"bottlenecks\"")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(PlanRunSummary.self, from: Data(newer.utf8)) }
    }

    @Test func aNewSummaryCarriesTheCurrentVersionAndRoundTrips() throws {
        let summary = PlanRunSummariesTests.summary()
        #expect(summary.version == PlanRunSummary.currentVersion)
        let back = try JSONDecoder().decode(PlanRunSummary.self, from: try JSONEncoder().encode(summary))
        #expect(try PlanRunSummariesTests.json(back) == PlanRunSummariesTests.json(summary))
    }

    @Test func migration011WritesTheVersionIntoStoredSummaries() async throws {
        try await withTestApp { app in
            // setup: a run stored before versions
            let run = PlanRunRecord(requestedBy: nil, scenarioName: "fixture", demandCount: 3, createdAt: app.rampart.clock.now())
            run.status = .succeeded
            try await run.create(on: app.db)
            try await PlanRunFileRecord(planRunID: try run.requireID(), planJSON: "{}", summaryJSON: Self.beforeVersions).create(on: app.db)

            // MUT
            try await VersionPlanSummaries().prepare(on: app.db)

            // validate: the version is written, the rest read as before
            let file = try #require(try await PlanRunFileRecord.query(on: app.db).first())
            let object = try #require(try JSONSerialization.jsonObject(with: Data(file.summaryJSON.utf8)) as? [String: Any])
            #expect(object["version"] as? Int == 1)
            let summary = try #require(try await PlanRunSummaries.read(try run.requireID(), on: app.db))
            #expect(summary.lateDemandCount == 1 && summary.nations.first?.onTimeUnits == 590)
        }
    }
}
