import Foundation
import Vapor

/// A job of the queue as `/api/v1/jobs` sends it: its kind, where it is and what it works on; not its payload,
/// which is the kind's own.
extension API {
    struct JobDTO: Content {
        struct Subject: Content, Equatable {
            var type: String
            var key: String
        }

        var id: UUID
        var kind: String
        var status: JobStatus
        var progress: Double
        var phase: String
        var attempts: Int
        var maxAttempts: Int
        var error: String?
        var worker: String?
        var subject: Subject?
        var runAfter: Date
        var heartbeatAt: Date?
        var createdAt: Date
        var startedAt: Date?
        var finishedAt: Date?

        init(_ job: JobRecord) {
            id = job.id ?? UUID(); kind = job.kind; status = job.status; progress = job.progress; phase = job.phase
            attempts = job.attempts; maxAttempts = job.maxAttempts; error = job.error; worker = job.worker
            subject = JobKinds.subject(of: job).map { Subject(type: $0.type, key: $0.key) }
            runAfter = job.runAfter; heartbeatAt = job.heartbeatAt; createdAt = job.createdAt ?? job.runAfter; startedAt = job.startedAt
            finishedAt = job.finishedAt
        }
    }
}
