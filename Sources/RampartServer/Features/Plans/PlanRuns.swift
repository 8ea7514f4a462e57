import Fluent
import Foundation
import RampartCore
import Vapor

enum PlanRuns {
    /// Queues a plan run of the scenario held now, with its job (kind `plan-run`), which a server's `JobWorker` claims.
    @discardableResult
    static func enqueue(
        requestedBy: UUID?, actor: Actor = .system, objective: PlanObjective = .weighted, now: Date, on db: any Database
    ) async throws -> PlanRunRecord {
        guard let settings = try await ScenarioSettingsRecord.query(on: db).first() else {
            throw InputError(problems: ["there is no scenario to plan: import one first"], status: .conflict)
        }
        try await refuseDuplicate(on: db)
        let run = PlanRunRecord(
            requestedBy: requestedBy, scenarioName: settings.name,
            demandCount: try await DemandRecord.query(on: db).count(), createdAt: now, objective: objective)
        // Read before the transaction, which then starts with its write: on SQLite a transaction that reads first
        // cannot take the write lock another holds. Two runs numbered alike at once are refused by the unique index.
        let last = try await PlanRunRecord.query(on: db).max(\.$number) ?? 0
        run.number = last + 1
        try await db.transaction { tx in
            do {
                try await run.create(on: tx)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                // Someone queued one a moment before: the queue slot is taken.
                throw Self.alreadyQueued
            }
            let job = try await JobQueue.enqueue(
                kind: PlanRunJob.kind, payload: PlanRunJob.Payload(planRun: try run.requireID()),
                at: now, on: tx)
            run.jobID = job.id
            try await run.update(on: tx)
            try await Audit.record(
                actor, entity: "plan run", key: run.id?.uuidString ?? "", action: "start",
                changes: [
                    .init(field: "scenario", old: "", new: settings.name),
                    .init(field: "objective", old: "", new: objective.rawValue),
                ], at: now, on: tx)
        }
        return run
    }

    /// The objective chosen in a start form or body: `weighted` (also when none is given) or `strict`.
    static func objective(named name: String?) throws -> PlanObjective {
        guard let name, !name.isEmpty else { return .weighted }
        guard let objective = PlanObjective(rawValue: name) else {
            throw InputError(
                problems: ["objective must be one of \(PlanObjective.allCases.map(\.rawValue).joined(separator: ", ")), not \(name)"],
                status: .badRequest)
        }
        return objective
    }

    static let alreadyQueued = InputError(
        problems: ["a plan run is already queued: it will plan the data as it is when it starts"], status: .conflict)

    /// A run already queued will read the data when it starts; a running one read it when it started, so another is
    /// refused unless the data changed since.
    static func refuseDuplicate(on db: any Database) async throws {
        if try await PlanRunRecord.query(on: db).filter(\.$status == .queued).count() > 0 { throw alreadyQueued }
        if let running = try await PlanRunRecord.query(on: db).filter(\.$status == .running).sort(\.$startedAt, .descending).first(),
            let started = running.startedAt ?? running.createdAt,
            try await PlanInputChanges.count(since: started, on: db) == 0
        {
            throw InputError(
                problems: ["a plan run of the same data is running: its results will show the data as it is now"], status: .conflict)
        }
    }

    /// The queued or running run, newest first, if there is one.
    static func active(on db: any Database) async throws -> PlanRunRecord? {
        try await PlanRunRecord.query(on: db).filter(\.$status ~~ [.queued, .running]).sort(\.$createdAt, .descending).first()
    }

    /// The latest finished run, for the dashboard.
    static func latestSucceeded(on db: any Database) async throws -> PlanRunRecord? {
        try await PlanRunRecord.query(on: db).filter(\.$status == PlanRunStatus.succeeded)
            .sort(\.$createdAt, .descending).first()
    }
}
