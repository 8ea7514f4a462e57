import Fluent
import Foundation
import SQLKit

/// The job queue, shared by every server on the database: enqueue, claim, heartbeat, finish, and the policy for jobs
/// whose server is gone.
///
/// A claim is one statement, `UPDATE ... WHERE id = (SELECT ... LIMIT 1) RETURNING id`, so two servers never claim
/// the same job: on PostgreSQL the inner select takes `FOR UPDATE SKIP LOCKED`, so each server passes over the rows
/// another is claiming; SQLite runs one write at a time.
struct JobQueue: Sendable {
    var db: any Database
    var clock: AppClock
    /// This server's name in `jobs.worker`: a job is only ever finished by the server holding it.
    var worker: String
    /// A running job without a heartbeat for this long has lost its server.
    static let lease: TimeInterval = 120

    /// Queues a job of `kind` with `payload` (JSON) at `now`, to run from `runAfter` (at once when nil). Call inside
    /// the transaction that creates what it works on.
    @discardableResult
    static func enqueue(
        kind: String, payload: some Encodable, maxAttempts: Int = 1, at now: Date, runAfter: Date? = nil, on db: any Database
    ) async throws -> JobRecord {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let job = JobRecord(
            kind: kind, payload: String(decoding: try encoder.encode(payload), as: UTF8.self),
            maxAttempts: maxAttempts, runAfter: runAfter ?? now, createdAt: now)
        try await job.create(on: db)
        return job
    }

    /// Claims the oldest queued job of one of `kinds` that is due, or nil when there is none.
    func claim(kinds: [String]) async throws -> JobRecord? {
        guard let sql = db as? any SQLDatabase, !kinds.isEmpty else { return nil }
        let now = clock.now()
        let skipLocked = sql.dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        struct Claimed: Decodable { var id: UUID }
        let claimed = try await sql.raw(
            """
            UPDATE jobs SET status = 'running', worker = \(bind: worker), attempts = attempts + 1, phase = 'started',
                started_at = \(bind: now), heartbeat_at = \(bind: now)
            WHERE status = 'queued' AND id = (
                SELECT id FROM jobs WHERE status = 'queued' AND run_after <= \(bind: now) AND kind IN (\(binds: kinds))
                ORDER BY created_at LIMIT 1\(unsafeRaw: skipLocked))
            RETURNING id
            """
        ).first(decoding: Claimed.self)
        guard let claimed else { return nil }
        return try await JobRecord.find(claimed.id, on: db)
    }

    /// The running job's phase, progress and heartbeat; false when this server no longer holds it (another gave it
    /// up as abandoned), and the job should stop.
    @discardableResult
    func report(_ jobID: UUID, phase: String, progress: Double) async throws -> Bool {
        try await held(jobID).set(\.$phase, to: phase).set(\.$progress, to: progress)
            .set(\.$heartbeatAt, to: clock.now()).update()
        return try await isHeld(jobID)
    }

    /// Marks the job succeeded, if this server still holds it; false when it does not (its result must go).
    func succeed(_ jobID: UUID) async throws -> Bool {
        let now = clock.now()
        try await held(jobID).set(\.$status, to: .succeeded).set(\.$phase, to: "done").set(\.$progress, to: 1)
            .set(\.$finishedAt, to: now).set(\.$heartbeatAt, to: now).update()
        return try await JobRecord.find(jobID, on: db).map { $0.status == .succeeded && $0.worker == worker } ?? false
    }

    /// Marks the job failed with `error`, if this server still holds it.
    func fail(_ jobID: UUID, error: String) async throws {
        try await held(jobID).set(\.$status, to: .failed).set(\.$phase, to: "failed").set(\.$error, to: error)
            .set(\.$finishedAt, to: clock.now()).update()
    }

    /// Applies each kind's policy to running jobs whose server is gone: no heartbeat for `lease`, or, at start-up on
    /// SQLite (one server per file), every running job. Requeued jobs run again; failed ones are returned so that
    /// their kind can undo what they left half-done.
    func recoverAbandoned(policies: [String: AbandonedJobPolicy], atStartUp: Bool) async throws -> [JobRecord] {
        let everyRunning = atStartUp && (db as? any SQLDatabase)?.dialect.name == "sqlite"
        var query = JobRecord.query(on: db).filter(\.$status == .running)
        if !everyRunning {
            let cutoff = clock.now().addingTimeInterval(-Self.lease)
            query = query.group(.or) { $0.filter(\.$heartbeatAt == nil).filter(\.$heartbeatAt < cutoff) }
        }
        var failed: [JobRecord] = []
        for job in try await query.all() {
            let id = try job.requireID()
            // Only a job still as it was read changes: of two servers recovering it at once, one does.
            let unchanged = JobRecord.query(on: db).filter(\.$id == id).filter(\.$status == .running)
                .filter(\.$attempts == job.attempts)
            if (policies[job.kind] ?? .fail) == .requeue, job.attempts < job.maxAttempts {
                try await unchanged.set(\.$status, to: .queued).set(\.$worker, to: nil).set(\.$phase, to: "queued again")
                    .set(\.$runAfter, to: clock.now()).update()
            } else {
                let error = "the server running it stopped before it finished"
                try await unchanged.set(\.$status, to: .failed).set(\.$phase, to: "failed").set(\.$error, to: error)
                    .set(\.$finishedAt, to: clock.now()).update()
                if let now = try await JobRecord.find(id, on: db), now.status == .failed { failed.append(now) }
            }
        }
        return failed
    }

    private func held(_ jobID: UUID) -> QueryBuilder<JobRecord> {
        JobRecord.query(on: db).filter(\.$id == jobID).filter(\.$status == .running).filter(\.$worker == worker)
    }

    private func isHeld(_ jobID: UUID) async throws -> Bool {
        try await held(jobID).count() > 0
    }
}

/// What happens to a job whose server stopped while it ran.
enum AbandonedJobPolicy: Sendable, Equatable {
    /// Failed, and its kind told (a plan run is failed: a new run is cheap and the person who started it sees why).
    case fail
    /// Queued again while it has attempts left (`maxAttempts`), then failed: for small idempotent pieces of work.
    case requeue
}
