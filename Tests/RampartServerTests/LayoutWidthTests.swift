import Fluent
import Foundation
import RampartCore
import Testing

@testable import RampartServer

/// No page scrolls sideways in a 1280-pixel window: the document is never wider than the window, for any role, with a
/// plan's results shown (wide tables scroll inside their own box).
extension BrowserTests {
    @Test func noPageIsWiderThanA1280PixelWindow() async throws {
        try await withBrowser(planJobs: false) { app, server, driver in
            let staff = try await Self.user(app, Fixtures.staff)
            let queued = try await PlanRuns.enqueue(requestedBy: staff.id, now: app.rampart.clock.now(), on: app.db)
            try await Fixtures.runQueuedPlans(app)
            try await Fixtures.seedInteroperability(app)
            let run = "/plans/" + (try queued.requireID().uuidString)
            let pages: [(Fixtures.Person, [String])] = [
                (
                    Fixtures.staff,
                    [
                        "/dashboard", "/nations", "/nations/FR", "/nations/FR/demands/new", "/demands/FR-1", "/plans", run,
                        run + "/demands/FR-1", run + "/compare", "/sources/L-NEXTER",
                        "/lines", "/admin/users", "/audit", "/admin/jobs", "/account", "/account/tokens", "/interoperability",
                        "/weapon-systems", "/qualifications", "/signals", "/standards", "/standardisation",
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
            for (person, paths) in pages {
                let page = try await driver.newSession(baseURL: server.baseURL)
                try await page.signIn(person.email)
                for path in paths {
                    // MUT
                    try await page.open(path)
                    let widths =
                        try await page.execute(
                            "return [document.documentElement.scrollWidth, window.innerWidth, document.documentElement.clientWidth];"
                        ).array?.compactMap(\.int) ?? []

                    // validate
                    #expect(widths.count == 3, "\(path): \(widths)")
                    if widths.count == 3 {
                        #expect(widths[1] >= 1200, "the window is \(widths[1]) pixels wide")
                        #expect(
                            widths[0] <= widths[2], "\(person.email) \(path) is \(widths[0]) pixels wide in a \(widths[2])-pixel window")
                    }
                }
                await page.end()
            }
        }
    }
}
