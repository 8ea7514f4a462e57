import Fluent
import Foundation
import Logging
import NIOPosix

/// Runs the jobs of one kind. Each kind that needs background work (plan runs; later disruption sweeps, expansion
/// advice, reminders) adds a handler to `JobWorker`'s list in `configure`.
protocol JobHandler: Sendable {
    /// The `jobs.kind` it runs.
    var kind: String { get }
    /// What happens to its jobs when their server stops while they run.
    var whenAbandoned: AbandonedJobPolicy { get }
    /// Runs one claimed job to its end, reporting progress through `context`. Throwing fails the job, with the error's
    /// description as the job's error when it is a `JobFailure`.
    func run(_ job: JobRecord, context: JobContext) async throws
    /// After the job failed or was given up as abandoned (at `now`): undo what it left half-done.
    func gaveUp(on job: JobRecord, error: String, at now: Date, on db: any Database) async throws
    /// The record the job works on, which the jobs page links to; nil when it works on none.
    func subject(of job: JobRecord) -> JobSubject?
}

extension JobHandler {
    func subject(of job: JobRecord) -> JobSubject? { nil }
}

/// What a job works on: a kind of record, its key, and where its page is.
struct JobSubject: Sendable, Equatable {
    var type: String
    var key: String
    var page: SiteRoute
}

/// A failure to show as it is: its text is the job's error, where others become a generic server problem.
protocol JobFailure: Error, CustomStringConvertible {}

/// What a running job has: the database, the clock, a thread for long computations, and its progress.
struct JobContext: Sendable {
    var job: UUID
    var queue: JobQueue
    var db: any Database { queue.db }
    var clock: AppClock { queue.clock }
    /// A thread of its own for work that only computes, off the event loops that serve requests.
    var computeThread: NIOThreadPool
    var logger: Logger

    /// Writes the job's phase, progress and heartbeat; false when this server no longer holds the job.
    @discardableResult
    func report(phase: String, progress: Double) async throws -> Bool {
        try await queue.report(job, phase: phase, progress: progress)
    }
}
