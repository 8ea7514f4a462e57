import Fluent
import Foundation
import RampartCore
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// A plan run aims at the weighted objective or at strict priority (migration 016): chosen in the start form or the
/// API's start body, stored on the run, planned with, named in the plan file, shown on the run's page and audited.
@Suite struct PlanRunObjectiveTests {
    private func planFile(_ app: Application, _ id: UUID) async throws -> Plan {
        let json = try #require(try await PlanRunFileRecord.query(on: app.db).filter(\.$planRunID == id).first()?.planJSON)
        return try JSONDecoder().decode(Plan.self, from: Data(json.utf8))
    }

    @Test func theAPIStartsAStrictRunThatPlansStrictly() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)

            // MUT
            let started = try await app.api(.POST, "/api/v1/plans", token: staff, json: #"{"objective": "strict"}"#)
            try await Fixtures.runQueuedPlans(app)

            // validate
            #expect(started.status == .accepted)
            let dto = try started.content.decode(API.PlanRunDTO.self)
            #expect(dto.objectiveAimedAt == .strict)
            let id = try #require(dto.id)
            let read = try await app.api(.GET, "/api/v1/plans/\(id.uuidString)", token: staff)
            let after = try read.content.decode(API.PlanRunDTO.self)
            #expect(after.status == .succeeded)
            #expect(after.objectiveAimedAt == .strict)
            #expect(try await planFile(app, id).objectiveAimedAt == .strict)
            let audit = try #require(
                try await AuditRecord.query(on: app.db).filter(\.$entity == "plan run").filter(\.$entityKey == id.uuidString).first())
            #expect(audit.action == "start")
            #expect(audit.changes.contains("objective") && audit.changes.contains("strict"))
        }
    }

    @Test func noBodyAimsAtTheWeightedObjectiveAndAnUnknownOneIsRefused() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)

            // MUT
            let refused = try await app.api(.POST, "/api/v1/plans", token: staff, json: #"{"objective": "fastest"}"#)
            let refusedCount = try await PlanRunRecord.query(on: app.db).count()
            let started = try await app.api(.POST, "/api/v1/plans", token: staff)
            try await Fixtures.runQueuedPlans(app)

            // validate
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("weighted, strict"))
            #expect(refusedCount == 0)
            let dto = try started.content.decode(API.PlanRunDTO.self)
            #expect(dto.objectiveAimedAt == .weighted)
            #expect(try await planFile(app, try #require(dto.id)).objectiveAimedAt == .weighted)
        }
    }

    @Test func theStartFormOffersTheChoiceAndTheRunPageShowsIt() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.staff.email)

            // MUT
            let form = try await browser.get("/plans").body.string
            let posted = try await browser.post("/plans", ["objective": "strict"])
            try await Fixtures.runQueuedPlans(app)
            let run = try #require(try await PlanRunRecord.query(on: app.db).first())
            let page = try await browser.get("/plans/\(try run.requireID().uuidString)").body.string
            let bad = try await browser.post("/plans", ["objective": "fastest"])

            // validate
            #expect(form.contains(#"name="objective""#))
            #expect(form.contains(#"value="strict""#) && form.contains(#"value="weighted""#))
            #expect(posted.status == .seeOther || posted.status == .found)
            #expect(run.objective == .strict)
            #expect(page.contains("Objective") && page.contains("Strict priority"))
            #expect(bad.status == .badRequest)
            #expect(try await PlanRunRecord.query(on: app.db).count() == 1)
        }
    }

    @Test func runsStoredBeforeMigration016AimedAtTheWeightedObjective() async throws {
        try await withTestApp { app in
            try await app.db.withConnection { db in
                // setup: a run stored before 016
                try await AddPlanRunObjective().revert(on: db)
                let id = UUID()
                try await SQLAccess.sql(db).raw(
                    """
                    INSERT INTO plan_runs (id, status, progress, phase, scenario_name, demand_count, created_at)
                    VALUES (\(bind: id), 'succeeded', 1, 'done', 'x', 0, \(bind: app.rampart.clock.now()))
                    """
                ).run()

                // MUT
                try await AddPlanRunObjective().prepare(on: db)

                // validate
                let run = try #require(try await PlanRunRecord.find(id, on: db))
                #expect(run.objective == nil)
                #expect(run.objectiveAimedAt == .weighted)
            }
        }
    }
}
