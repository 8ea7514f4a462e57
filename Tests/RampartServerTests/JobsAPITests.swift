import Fluent
import Foundation
import RampartCore
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// The job queue as staff read it (`/api/v1/jobs`, `/admin/jobs`), and the refusals for everyone else.
@Suite struct JobsAPITests {
    @Test func staffFollowAPlanRunsJobFromQueuedToSucceeded() async throws {
        try await withTestApp { app in
            // setup: staff start a plan run
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            let started = try await app.api(.POST, "/api/v1/plans", token: staff)
            let run = try #require(try started.decoded(API.PlanRunDTO.self).id)

            // MUT: the queue before and after a worker ran it
            let queued = try await app.api(.GET, "/api/v1/jobs", token: staff).decoded(PageDTO<API.JobDTO>.self)
            try await Fixtures.runQueuedPlans(app)
            let page = try await app.api(.GET, "/api/v1/jobs", token: staff).decoded(PageDTO<API.JobDTO>.self)
            let job = try #require(page.items.first)
            let one = try await app.api(.GET, "/api/v1/jobs/\(job.id)", token: staff).decoded(API.JobDTO.self)

            // validate
            #expect(queued.total == 1 && queued.items.first?.status == .queued && queued.items.first?.attempts == 0)
            #expect(queued.items.first?.subject?.type == "plan run" && queued.items.first?.subject?.key == run.uuidString)
            #expect(page.total == 1 && job.kind == PlanRunJob.kind && job.status == .succeeded && job.progress == 1)
            #expect(job.attempts == 1 && job.maxAttempts == 1 && job.worker == "test-worker" && job.error == nil)
            #expect(job.startedAt != nil && job.finishedAt != nil && job.createdAt <= job.finishedAt!)
            #expect(one.id == job.id && one.status == .succeeded && one.subject == job.subject)
        }
    }

    @Test func theListFiltersByStatusAndKindAndNamesABadStatus() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            _ = try await app.api(.POST, "/api/v1/plans", token: staff)
            try await Fixtures.runQueuedPlans(app)
            _ = try await app.api(.POST, "/api/v1/plans", token: staff)

            func statuses(_ query: String) async throws -> [JobStatus] {
                try await app.api(.GET, "/api/v1/jobs" + query, token: staff).decoded(PageDTO<API.JobDTO>.self).items.map(\.status)
            }
            #expect(try await statuses("") == [.queued, .succeeded])
            #expect(try await statuses("?status=queued") == [.queued])
            #expect(try await statuses("?status=succeeded&kind=plan-run") == [.succeeded])
            #expect(try await statuses("?kind=another-kind") == [])
            #expect(try await statuses("?per=1&page=2") == [.succeeded])

            let bad = try await app.api(.GET, "/api/v1/jobs?status=done", token: staff)
            #expect(bad.status == .unprocessableEntity)
            let answer = try bad.decoded(ErrorAnswer.self)
            #expect(answer.field == "status" && answer.reason.contains("queued, running, succeeded, failed"))
            #expect(try await app.api(.GET, "/api/v1/jobs/\(UUID())", token: staff).status == .notFound)
            #expect(try await app.api(.GET, "/api/v1/jobs/not-a-uuid", token: staff).status == .notFound)
        }
    }

    @Test func onlyStaffReadTheQueue() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            _ = try await app.api(.POST, "/api/v1/plans", token: staff)
            let job = try #require(try await JobRecord.query(on: app.db).first())

            for person in Fixtures.everyone where person.role != .staff {
                let token = try await Fixtures.token(app, person)
                for path in ["/api/v1/jobs", "/api/v1/jobs/\(try job.requireID())"] {
                    let refused = try await app.api(.GET, path, token: token)
                    #expect(refused.status == .forbidden, "\(person.email) \(path)")
                    #expect(try refused.decoded(ErrorAnswer.self).error)
                }
                let browser = Browser(app)
                _ = try await browser.signIn(person.email)
                #expect(try await browser.get("/admin/jobs").status == .forbidden, "\(person.email)")
            }
            for path in ["/api/v1/jobs", "/api/v1/jobs/\(try job.requireID())"] {
                #expect(try await app.api(.GET, path, token: nil).status == .unauthorized)
            }
            let signedOut = try await Browser(app).get("/admin/jobs")
            #expect(signedOut.status == .seeOther && signedOut.headers.first(name: .location)?.hasPrefix("/signin?next=") == true)
        }
    }

    @Test func theJobsPageShowsEachJobWithALinkToWhatItWorksOn() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staffToken = try await Fixtures.token(app, Fixtures.staff)
            let run = try #require(try await app.api(.POST, "/api/v1/plans", token: staffToken).decoded(API.PlanRunDTO.self).id)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.staff.email)

            let page = try await browser.get("/admin/jobs")

            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("href=\"/plans/\(run.uuidString)\""))
            #expect(html.contains("<code>plan-run</code>") && html.contains("status-queued"))
            #expect(html.contains("0 of 1"))
        }
    }
}

/// One percentage across the planner's phases, and a second run refused while one waits.
@Suite struct PlanRunProgressTests {
    @Test func theBarOnlyMovesForwardAcrossThePhases() {
        // setup: the phases as the planner reports them, each from 0 to 1, and a phase the bar does not know
        let reports: [(String, Double)] = [
            ("indexing", 0), ("planning", 0), ("planning", 0.5), ("planning", 1), ("building the plan", 0), ("summarising", 0),
            ("explaining delays", 0), ("ranking bottlenecks", 0), ("ranking bottlenecks", 0.5), ("something new", 0.1),
            ("ranking bottlenecks", 1),
        ]
        // MUT
        var bar = 0.0, seen: [Double] = []
        for (phase, fraction) in reports {
            bar = PlanProgress.overall(phase: phase, fraction: fraction, after: bar)
            seen.append(bar)
        }
        // validate
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0 <= $1 }, "\(seen)")
        #expect(seen.last == PlanProgress.storingStart)
        #expect(PlanProgress.storing(done: 0, total: 10) == PlanProgress.storingStart)
        #expect(PlanProgress.storing(done: 10, total: 10) < 1)
    }

    @Test func aSecondStartIsRefusedWhileARunIsQueuedAndTheDashboardFollowsIt() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            #expect(try await app.api(.POST, "/api/v1/plans", token: staff).status == .accepted)

            // MUT
            let again = try await app.api(.POST, "/api/v1/plans", token: staff)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.staff.email)
            let dashboard = try await browser.get("/dashboard")
            let page = try await browser.post("/plans", [:])

            // validate
            #expect(again.status == .conflict)
            #expect(try again.error().reason.contains("already queued"))
            #expect(page.status == .conflict && page.body.string.contains("Not started: a plan run is already queued"))
            #expect(dashboard.body.string.contains("A plan run is queued."))
            #expect(dashboard.body.string.contains("http-equiv=\"refresh\""))
            #expect(!dashboard.body.string.contains("No plan has been run yet."))
            #expect(try await PlanRunRecord.query(on: app.db).count() == 1)

            // once it ran, with nothing changed since, the dashboard shows its result and who asked for it
            try await Fixtures.runQueuedPlans(app)
            let after = try await browser.get("/dashboard").body.string
            #expect(after.contains("Test staff") && !after.contains("A plan run is queued."))
            #expect(!after.contains("since this plan read the data"))

            // a change to a demand after it: the dashboard says the results may be out of date
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)
            _ = try await app.api(.PATCH, "/api/v1/demands/FR-1", token: fr, json: #"{"qty": 650, "version": 1}"#)
            let stale = try await browser.get("/dashboard").body.string
            #expect(stale.contains("1 change to demands, lines or supplies since this plan read the data"))
        }
    }
}
