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
