import Fluent
import Foundation

/// One job of the queue (migration 010).
final class JobRecord: Model, @unchecked Sendable {
    static let schema = "jobs"

    @ID(key: .id) var id: UUID?
    /// Which `JobHandler` runs it: `plan-run`, ...
    @Field(key: "kind") var kind: String
    /// The kind's own JSON, with its own `version`.
    @Field(key: "payload") var payload: String
    @Field(key: "status") var status: JobStatus
    /// How many times a server has claimed it.
    @Field(key: "attempts") var attempts: Int
    /// At most this many claims, for kinds whose abandoned jobs are requeued.
    @Field(key: "max_attempts") var maxAttempts: Int
    /// 0...1, and what the job is doing, as the pages and the API show them.
    @Field(key: "progress") var progress: Double
    @Field(key: "phase") var phase: String
    @OptionalField(key: "error") var error: String?
    /// The server that holds it while it runs.
    @OptionalField(key: "worker") var worker: String?
    /// Not claimed before then.
    @Field(key: "run_after") var runAfter: Date
    /// Written every few seconds while it runs: a job whose heartbeat stops has lost its server.
    @OptionalField(key: "heartbeat_at") var heartbeatAt: Date?
    @OptionalField(key: "created_at") var createdAt: Date?
    @OptionalField(key: "started_at") var startedAt: Date?
    @OptionalField(key: "finished_at") var finishedAt: Date?

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] {
        [
            $id, $kind, $payload, $status, $attempts, $maxAttempts, $progress, $phase, $error, $worker, $runAfter,
            $heartbeatAt, $createdAt, $startedAt, $finishedAt,
        ]
    }

    init() {}

    init(kind: String, payload: String, maxAttempts: Int, runAfter: Date, createdAt: Date) {
        self.kind = kind
        self.payload = payload
        self.status = .queued
        self.attempts = 0
        self.maxAttempts = maxAttempts
        self.progress = 0
        self.phase = "queued"
        self.runAfter = runAfter
        self.createdAt = createdAt
    }
}

enum JobStatus: String, Codable, Sendable, CaseIterable {
    case queued, running, succeeded, failed
}
