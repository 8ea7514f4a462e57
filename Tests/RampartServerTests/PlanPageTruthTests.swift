import Fluent
import Foundation
import Plot
import RampartCore
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// What the plan page says is true for its reader: the late list is filtered by role before it is cut and says
/// "N of M"; "none" is said only where there are none; a part the reader may not see says so.
@Suite struct PlanPageTruthTests {
    @Test func everyRoleReadsTrueStatementsAboutAPlanWithLateDemands() async throws {
        try await withTestApp { app in
            // setup: a plan of the fixture, which has late demands in FR and PL
            try await Fixtures.seed(app)
            let run = try await PlanRuns.enqueue(requestedBy: nil, now: app.rampart.clock.now(), on: app.db)
            try await Fixtures.runQueuedPlans(app)
            let runID = try run.requireID()
            let results = try await PlanDemandResultRecord.query(on: app.db).filter(\.$planRunID == runID).all()
            let late = results.filter { $0.lateUnits > 0 || $0.unservedUnits > 0 }
            try #require(!late.isEmpty, "the fixture should have late demands")

            for person in Fixtures.everyone {
                // MUT
                let browser = Browser(app)
                _ = try await browser.signIn(person.email)
                let page = try await browser.get("/plans/\(runID.uuidString)")
                #expect(page.status == .ok)
                let text = page.body.string

                // validate
                #expect(!text.contains("Every requirement is met on time"), "\(person.email)")
                switch person.role {
                case .staff:
                    #expect(text.contains("\(late.count) of all nations' demands"), "\(person.email)")
                case .delegate:
                    let nation = try #require(person.nation)
                    let own = late.filter { $0.nation == nation }.count
                    let name = Alliance.name(of: nation) + "'s"
                    if own == 0 {
                        #expect(text.contains("None of \(name) demands is late or short"), "\(person.email)")
                    } else {
                        #expect(text.contains("\(own) of \(name) demands"), "\(person.email)")
                        #expect(!text.contains("None of"), "\(person.email)")
                    }
                    for other in late where other.nation != nation {
                        #expect(!text.contains(">\(other.demandCode)<"), "\(person.email) sees \(other.demandCode)")
                    }
                    #expect(text.contains("Bottlenecks name lines and suppliers: they are shown to Alliance staff."))
                case .industry, .observer:
                    #expect(text.contains("Late demands and their reasons are shown to Alliance staff and to each nation"))
                    for other in late { #expect(!text.contains(">\(other.demandCode)<"), "\(person.email) sees \(other.demandCode)") }
                    #expect(!text.contains("None of"), "\(person.email)")
                    if person.role == .observer {
                        #expect(text.contains("observers see the run's status"), "\(person.email)")
                        #expect(!text.contains("No nation outcomes"), "\(person.email)")
                    }
                }
            }
        }
    }

    /// A delegate's home page is their nation: its figures, its late demands with why, its deliveries; no other
    /// nation's demands, and the others' released demand beside.
    @Test func aDelegatesDashboardIsTheirNation() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let run = try await PlanRuns.enqueue(requestedBy: nil, now: app.rampart.clock.now(), on: app.db)
            try await Fixtures.runQueuedPlans(app)
            let late = try await PlanLateDemands.page(run: run.requireID(), nation: "FR", page: 1, per: 50, on: app.db)
            let others = try await PlanDemandResultRecord.query(on: app.db).filter(\.$nation != "FR").all().map(\.demandCode)

            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.frDelegate.email)
            let page = try await browser.get("/dashboard").body.string

            #expect(page.contains("France in the latest plan") && page.contains("France: deliveries against demand"))
            if late.total == 0 {
                #expect(page.contains("None of France's demands is late or short in this plan."))
            } else {
                for row in late.rows.prefix(5) { #expect(page.contains(">\(row.demand_code)<"), "\(row.demand_code)") }
            }
            for code in others { #expect(!page.contains(">\(code)<"), "FR's dashboard shows \(code)") }
            #expect(page.contains("Released demand"))
        }
    }

    @Test func aRankingThatSavedNothingSaysSo() {
        let model = PlanDetailPage.Model(
            run: PlanRunRow(
                id: "r", status: .succeeded, progress: 1, phase: "done", createdAt: "", requestedBy: nil, weightedLateness: 10,
                onTimeUnits: 1, lateUnits: 1, unservedUnits: 0, error: nil),
            nations: .shown([]),
            late: .shown(.init(rows: [], total: 3, scope: "all nations'", page: 1, pageCount: 1, pagePath: "/plans/r")),
            bottlenecks: .shown(.init(rows: [], candidatesTried: 2)))
        let html = PlanDetailPage.render(PageSnapshotTests.staff, model).render()
        #expect(
            html.contains(
                "Re-planning with more capacity at the 2 lines and supplies most often named in the reasons saved no weighted lateness"))
        #expect(!html.contains("No bottleneck found"))
        #expect(
            PlanDetailPage.lateSummary(.init(rows: [], total: 0, scope: "France's", page: 1, pageCount: 1, pagePath: "/"))
                == "None of France's demands is late or short in this run.")
    }
}
