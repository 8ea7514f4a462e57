import Fluent
import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import Vapor

/// Claims and runs jobs, one at a time, while the server is up; every server sharing the database runs one, so the
/// jobs spread over them. Also runs the housekeeping and, every quarter lease, the recovery of abandoned jobs.
final class JobWorker: LifecycleHandler, Sendable {
    let handlers: [any JobHandler]
    /// This server's name in the queue: host, process and a random part, so two servers never share one.
    let name: String
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)
    /// The jobs' own thread: on the application's pool it would hold one of the threads every SQLite query runs on.
    private let computeThread: NIOThreadPool
    private let ownsComputeThread: Bool
    private let jobsDatabase = NIOLockedValueBox<JobsDatabase?>(nil)

    /// `computeThread`: a running pool to compute on instead of a thread of the worker's own (tests).
    init(handlers: [any JobHandler], name: String = JobWorker.uniqueName(), computeThread: NIOThreadPool? = nil) {
        self.handlers = handlers
        self.name = name
        self.computeThread = computeThread ?? NIOThreadPool(numberOfThreads: 1)
        ownsComputeThread = computeThread == nil
    }

    static func uniqueName() -> String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(8))"
    }

    var kinds: [String] { handlers.map(\.kind) }
    var policies: [String: AbandonedJobPolicy] {
        Dictionary(handlers.map { ($0.kind, $0.whenAbandoned) }, uniquingKeysWith: { a, _ in a })
    }

    func didBootAsync(_ application: Application) async throws {
        if ownsComputeThread { computeThread.start() }
        let database = try await JobsDatabase(for: application, config: application.rampart.config)
        jobsDatabase.withLockedValue { $0 = database }
        let queue = JobQueue(db: database.database, clock: application.rampart.clock, worker: name)
        let logger = application.logger
        try await recover(queue, atStartUp: true, logger: logger)
        task.withLockedValue {
            $0 = Task { [self] in
                var lastHousekeeping = Date.distantPast
                var lastLeaseCheck = Date()
                while !Task.isCancelled {
                    do {
                        let now = queue.clock.now()
                        if now.timeIntervalSince(lastHousekeeping) > Housekeeping.interval {
                            lastHousekeeping = now
                            try await Housekeeping.run(on: queue.db, now: now)
                        }
                        if now.timeIntervalSince(lastLeaseCheck) > JobQueue.lease / 4 {
                            lastLeaseCheck = now
                            try await recover(queue, atStartUp: false, logger: logger)
                        }
                        if try await runOne(queue, logger: logger) { continue }
                    } catch {
                        logger.error("the job queue failed: \(String(reflecting: error))")
                    }
                    try? await Task.sleep(for: .milliseconds(300))
                }
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        let running = task.withLockedValue { $0 }
        running?.cancel()
        _ = await running?.value
        if ownsComputeThread { try? await computeThread.shutdownGracefully() }
        await jobsDatabase.withLockedValue { $0 }?.shutdown()
    }

    /// Claims one job and runs it to its end; false when none was due. Never throws for the job's own failure, which
    /// is recorded on the job.
    func runOne(_ queue: JobQueue, logger: Logger) async throws -> Bool {
        guard let job = try await queue.claim(kinds: kinds) else { return false }
        try await run(job, queue: queue, logger: logger)
        return true
    }

    /// Runs a job this server has claimed to its end, and marks it succeeded or failed.
    func run(_ job: JobRecord, queue: JobQueue, logger: Logger) async throws {
        let id = try job.requireID()
        guard let handler = handlers.first(where: { $0.kind == job.kind }) else { return }
        let context = JobContext(job: id, queue: queue, computeThread: computeThread, logger: logger)
        do {
            try await handler.run(job, context: context)
            if try await !queue.succeed(id) {
                logger.warning("job \(id) (\(job.kind)) finished after it had been given up as abandoned")
                try await handler.gaveUp(on: job, error: "given up as abandoned", at: queue.clock.now(), on: queue.db)
            }
        } catch {
            logger.error("job \(id) (\(job.kind)) failed: \(String(reflecting: error))")
            let text =
                (error as? any JobFailure)?.description
                ?? "a problem on the server stopped it (job \(id.uuidString)); the log has the details. Try again."
            try? await queue.fail(id, error: text)
            try? await handler.gaveUp(on: job, error: text, at: queue.clock.now(), on: queue.db)
        }
    }

    /// Runs every due job, one after another, until none is left: for tests and commands.
    func drain(_ queue: JobQueue, logger: Logger) async throws {
        while try await runOne(queue, logger: logger) {}
    }

    func recover(_ queue: JobQueue, atStartUp: Bool, logger: Logger) async throws {
        for job in try await queue.recoverAbandoned(policies: policies, atStartUp: atStartUp) {
            logger.warning("job \(job.id?.uuidString ?? "?") (\(job.kind)) was abandoned by its server: failed")
            if let handler = handlers.first(where: { $0.kind == job.kind }) {
                try await handler.gaveUp(on: job, error: job.error ?? "abandoned", at: queue.clock.now(), on: queue.db)
            }
        }
    }
}
