import Fluent
import Foundation
import Vapor

enum PlanRuns {
    /// Queues a plan run of the scenario held now, with its job (kind `plan-run`), which a server's `JobWorker` claims.
    @discardableResult
    static func enqueue(requestedBy: UUID?, actor: Actor = .system, now: Date, on db: any Database) async throws -> PlanRunRecord {
        guard let settings = try await ScenarioSettingsRecord.query(on: db).first() else {
            throw InputError(problems: ["there is no scenario to plan: import one first"], status: .conflict)
        }
        let run = PlanRunRecord(
            requestedBy: requestedBy, scenarioName: settings.name,
            demandCount: try await DemandRecord.query(on: db).count(), createdAt: now)
        try await db.transaction { tx in
            try await run.create(on: tx)
            let job = try await JobQueue.enqueue(
                kind: PlanRunJob.kind, payload: PlanRunJob.Payload(planRun: try run.requireID()),
                at: now, on: tx)
            run.jobID = job.id
            try await run.update(on: tx)
            try await Audit.record(
                actor, entity: "plan run", key: run.id?.uuidString ?? "", action: "start",
                changes: [.init(field: "scenario", old: "", new: settings.name)], at: now, on: tx)
        }
        return run
    }

    /// The latest finished run, for the dashboard.
    static func latestSucceeded(on db: any Database) async throws -> PlanRunRecord? {
        try await PlanRunRecord.query(on: db).filter(\.$status == PlanRunStatus.succeeded)
            .sort(\.$createdAt, .descending).first()
    }
}
