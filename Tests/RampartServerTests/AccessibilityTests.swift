import Fluent
import Foundation
import RampartCore
import Testing

@testable import RampartServer

/// axe-core on every page for every role, with a plan's results shown: no serious or critical violation.
extension BrowserTests {
    @Test func noPageHasASeriousAccessibilityViolation() async throws {
        try await withBrowser(planJobs: false) { app, server, driver in
            let staff = try await Self.user(app, Fixtures.staff)
            let queued = try await PlanRuns.enqueue(requestedBy: staff.id, now: app.rampart.clock.now(), on: app.db)
            try await Fixtures.runQueuedPlans(app)
            try await Fixtures.seedInteroperability(app)
            let run = "/plans/" + (try queued.requireID().uuidString)
            let signedOut = ["/signin", "/register", "/reset", "/verify", "/reset/confirm"]
            let pages: [(Fixtures.Person?, [String])] = [
                (nil, signedOut),
                (
                    Fixtures.staff,
                    [
                        "/dashboard", "/nations", "/nations/FR", "/nations/FR/demands/new", "/demands/FR-1", "/plans", run,
                        run + "/demands/FR-1", run + "/compare", "/sources/L-NEXTER",
                        "/lines", "/admin/users", "/audit", "/admin/jobs", "/account", "/account/tokens", "/interoperability",
                        "/weapon-systems", "/qualifications", "/newsletter", "/signals", "/standards", "/standardisation",
                    ]
                ),
                (
                    Fixtures.frDelegate,
                    [
                        "/dashboard", "/nations/FR", "/plans", run, run + "/demands/FR-1", run + "/compare", "/account",
                        "/interoperability", "/signals", "/standards", "/standardisation",
                        "/weapon-systems", "/qualifications",
                    ]
                ),
                (
                    Fixtures.knds,
                    ["/dashboard", "/plans", run, "/lines", "/sources/L-NEXTER", "/account", "/interoperability", "/signals", "/standards"]
                ),
                (Fixtures.observer, ["/dashboard", "/plans", run, "/account", "/signals", "/standardisation"]),
            ]
            var found: [String] = []
            for (person, paths) in pages {
                let page = try await driver.newSession(baseURL: server.baseURL)
                if let person { try await page.signIn(person.email) }
                for path in paths {
                    // MUT
                    try await page.open(path)
                    let report = try await AxeCore.check(page)
                    #expect(report.passed > 10, "axe did not run on \(path)")
                    found += report.violations.map { "\(person?.email ?? "signed out") \(path): \($0)" }
                }
                await page.end()
            }
            // validate
            #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
        }
    }
}
