import Fluent
import Foundation
import RampartCore
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// The late list as CSV: the rows the page shows, for the nations the reader may see, and text a spreadsheet cannot
/// run as a formula.
@Suite struct PlanCSVTests {
    @Test func theLateListDownloadsForStaffAndOneNationsDelegateOnly() async throws {
        try await withTestApp { app in
            // setup
            try await Fixtures.seed(app)
            let run = try await PlanRuns.enqueue(requestedBy: nil, now: app.rampart.clock.now(), on: app.db)
            try await Fixtures.runQueuedPlans(app)
            let path = "/plans/\(try run.requireID().uuidString)/late.csv"
            let late = try await PlanLateDemands.page(run: run.requireID(), nation: nil, page: 1, per: 500, on: app.db)

            // MUT
            var answers: [String: TestingHTTPResponse] = [:]
            for person in Fixtures.everyone {
                let browser = Browser(app)
                _ = try await browser.signIn(person.email)
                answers[person.email] = try await browser.get(path)
            }

            // validate: staff get every late demand, in the page's order, one line each after the header, each marked
            let staff = try #require(answers[Fixtures.staff.email])
            #expect(staff.status == .ok && staff.headers.contentType?.subType == "csv")
            #expect(staff.headers.first(name: .contentDisposition)?.contains("run-1-late-alliance.csv") == true)
            let lines = staff.body.string.split(separator: "\r\n").map(String.init)
            #expect(lines.first?.hasPrefix("demand,nation,target,quantity,priority,due,") == true)
            #expect(lines.first?.hasSuffix(",releasability") == true)
            #expect(lines.dropFirst().allSatisfy { $0.hasSuffix("," + Releasability.staffOnly.marking) })
            #expect(lines.dropFirst().map { String($0.prefix { $0 != "," }) } == late.rows.map(\.demand_code))
            // a delegate gets their own nation's only; industry and observers none
            let fr = try #require(answers[Fixtures.frDelegate.email])
            let frCodes = fr.body.string.split(separator: "\r\n").dropFirst().map { String($0.prefix { $0 != "," }) }
            #expect(fr.status == .ok && frCodes == late.rows.filter { $0.nation == "FR" }.map(\.demand_code))
            #expect(fr.headers.first(name: .contentDisposition)?.contains("FR-only") == true)
            #expect(answers[Fixtures.knds.email]?.status == .forbidden)
            #expect(answers[Fixtures.observer.email]?.status == .forbidden)
            #expect(try await Browser(app).get(path).status == .seeOther)
        }
    }

    @Test func cellsAreQuotedAndFormulasStayText() {
        let table = CSVTable(
            header: ["a", "b"],
            rows: [
                [.text("=HYPERLINK(\"http://x\")"), .number(-2.5)], [.text("+1"), .integer(nil)], [.text("a,b \"c\"\nd"), .number(3)],
                [.text("@SUM(A1)"), .text("-5")],
            ])
        #expect(
            table.text
                == "a,b\r\n\"'=HYPERLINK(\"\"http://x\"\")\",-2.5\r\n'+1,\r\n\"a,b \"\"c\"\"\nd\",3\r\n'@SUM(A1),'-5\r\n")
    }
}
