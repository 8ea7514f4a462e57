import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// Plan runs are numbered for people, in the order they were queued (migration 015).
@Suite struct PlanRunNumberTests {
    @Test func runsAreNumberedInOrderAndNamedSo() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            _ = try await app.api(.POST, "/api/v1/plans", token: staff)
            try await Fixtures.runQueuedPlans(app)
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)
            _ = try await app.api(.PATCH, "/api/v1/demands/FR-1", token: fr, json: #"{"qty": 650, "version": 1}"#)
            _ = try await app.api(.POST, "/api/v1/plans", token: staff)

            // MUT
            let numbers = try await PlanRunRecord.query(on: app.db).sort(\.$createdAt).all().map(\.number)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.staff.email)
            let list = try await browser.get("/plans").body.string

            // validate
            #expect(numbers == [1, 2])
            #expect(list.contains(">Run 2</a>") && list.contains(">Run 1</a>"))
        }
    }

    @Test func migration015NumbersTheRunsStoredBeforeInTheirOrder() async throws {
        try await withTestApp { app in
            try await app.db.withConnection { db in
                // setup: three runs stored before 015, queued a minute apart
                try await NumberPlanRuns().revert(on: db)
                let sql = try SQLAccess.sql(db)
                let start = app.rampart.clock.now()
                var ids: [UUID] = []
                for minute in [2.0, 0.0, 1.0] {
                    let id = UUID()
                    ids.append(id)
                    try await sql.raw(
                        """
                        INSERT INTO plan_runs (id, status, progress, phase, scenario_name, demand_count, created_at)
                        VALUES (\(bind: id), 'succeeded', 1, 'done', 'x', 0, \(bind: start.addingTimeInterval(minute * 60)))
                        """
                    ).run()
                }

                // MUT
                try await NumberPlanRuns().prepare(on: db)

                // validate: numbered by when they were queued
                var numbers: [Int?] = []
                for id in ids { numbers.append(try await PlanRunRecord.find(id, on: db)?.number) }
                #expect(numbers == [3, 1, 2])
            }
        }
    }
}
