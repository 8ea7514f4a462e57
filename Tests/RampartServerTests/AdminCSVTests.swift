import Fluent
import Foundation
import RampartCore
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// The remaining tables as CSV: accounts, the audit trail, jobs and the nations index for staff only; the list of
/// runs for everyone signed in, with figures only for those who read them.
@Suite struct AdminCSVTests {
    static func lines(_ response: TestingHTTPResponse?) -> [String] {
        (response?.body.string ?? "").split(separator: "\r\n").map(String.init)
    }

    @Test func staffTablesDownloadWholeAndAreRefusedToEveryoneElse() async throws {
        try await withTestApp { app in
            // setup: a plan run, so that the trail and the jobs have rows
            try await Fixtures.seed(app)
            _ = try await PlanRuns.enqueue(requestedBy: nil, now: app.rampart.clock.now(), on: app.db)
            try await Fixtures.runQueuedPlans(app)
            let paths = ["/admin/users.csv", "/audit.csv", "/admin/jobs.csv", "/nations.csv", "/plans.csv"]

            // MUT
            var answers: [String: [String: TestingHTTPResponse]] = [:]
            for person in Fixtures.everyone {
                let browser = Browser(app)
                _ = try await browser.signIn(person.email)
                for path in paths { answers[person.email, default: [:]][path] = try await browser.get(path) }
            }

            // validate: staff get every row
            let staff = try #require(answers[Fixtures.staff.email])
            for path in paths {
                #expect(staff[path]?.status == .ok && staff[path]?.headers.contentType?.subType == "csv", "\(path)")
            }
            let users = try await UserRecord.query(on: app.db).count()
            #expect(Self.lines(staff["/admin/users.csv"]).count == users + 1)
            #expect(Self.lines(staff["/admin/users.csv"]).first == "email,name,role,nation,company,verified")
            let entries = try await AuditRecord.query(on: app.db).all()
            let changeRows = entries.reduce(0) { $0 + max(1, Audit.decodeChanges($1.changes).count) }
            #expect(Self.lines(staff["/audit.csv"]).count == changeRows + 1)
            #expect(Self.lines(staff["/admin/jobs.csv"]).count == (try await JobRecord.query(on: app.db).count()) + 1)
            let nations = Self.lines(staff["/nations.csv"])
            #expect(nations.count == (try await NationRecord.query(on: app.db).count()) + 1)
            #expect(nations.dropFirst().allSatisfy { $0.hasSuffix(Releasability.staffOnly.marking) })
            #expect(Self.lines(staff["/plans.csv"]).count == 2 && Self.lines(staff["/plans.csv"])[1].hasPrefix("Run 1,succeeded,"))
            // everyone else: refused the staff tables; the runs list with its figures where they read them
            for person in Fixtures.everyone where person.email != Fixtures.staff.email {
                for path in paths.dropLast() {
                    #expect(answers[person.email]?[path]?.status == .forbidden, "\(person.email) \(path)")
                }
                let listed = Self.lines(answers[person.email]?["/plans.csv"])
                let run = try #require(listed.last)
                #expect(run.hasSuffix(",") == (person.role == .observer), "\(person.email): \(run)")
            }
            #expect(try await Browser(app).get("/audit.csv").status == .seeOther)
        }
    }
}
