import Fluent
import Foundation
import RampartCore
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// The dashboard's chart of deliveries against demand shows one class or item at a time (units of unlike items are
/// not added up): the worst by default, another on request, and an unknown one is refused naming the field.
@Suite struct DashboardChartTests {
    @Test func theChartIsOfOneClassOrItemChosenFromTheRunsOwn() async throws {
        try await withTestApp { app in
            // setup
            let (run, results) = try await PlanViewsTests.plannedFixture(app)
            let summary = try #require(try await PlanRunSummaries.load(run, on: app.db))
            let targets = try #require(summary.targetRows(nation: nil)).map(\.target)
            try #require(targets.count >= 2, "the fixture should have two classes or items")
            let staff = Browser(app)
            _ = try await staff.signIn(Fixtures.staff.email)

            // MUT
            let first = try await staff.get("/dashboard").body.string
            let second = try await staff.get("/dashboard?target=\(targets[1])").body.string
            let unknown = try await staff.get("/dashboard?target=NOT-A-TARGET")

            // validate
            #expect(first.contains("Projected deliveries against demand: \(targets[0]) (units)"))
            #expect(second.contains("Projected deliveries against demand: \(targets[1]) (units)"))
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("target"))
            // the series of a class or item holds exactly its demands and deliveries
            let months = try #require(summary.targetMonths?.first { $0.target == targets[1] })
            let mine = results.filter { $0.target == targets[1] }
            #expect(months.demandedPerMonth.reduce(0, +) == mine.reduce(0) { $0 + $1.qty })
            #expect(months.deliveredPerMonth.reduce(0, +) == mine.reduce(0) { $0 + $1.onTimeUnits + $1.lateUnits })
            // a delegate chooses among their own nation's classes and items only
            let fr = Browser(app)
            _ = try await fr.signIn(Fixtures.frDelegate.email)
            let frTargets = Set(results.filter { $0.nation == "FR" }.map(\.target))
            if let other = targets.first(where: { !frTargets.contains($0) }) {
                #expect(try await fr.get("/dashboard?target=\(other)").status == .unprocessableEntity)
            }
            let frPage = try await fr.get("/dashboard").body.string
            #expect(frTargets.contains { frPage.contains("Projected deliveries against demand: \($0) (units)") })
            // the nation's page charts its class or item with the most weighted lateness
            let worst = try #require(summary.targetRows(nation: "FR")?.first?.target)
            let nationPage = try await fr.get("/nations/FR").body.string
            #expect(nationPage.contains("Projected deliveries against demand: \(worst) (units)"))
        }
    }
}
