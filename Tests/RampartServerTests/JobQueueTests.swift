import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// The general job queue, as several servers share it: claims, leases and the policy for abandoned jobs. On
/// PostgreSQL (the test command's second run) two application instances share one database, as two servers do.
@Suite(.serialized) struct JobQueueTests {
    /// Every run of a job, by job id and by worker: what "exactly once" is checked against.
    final class Ledger: Sendable {
        let runs = NIOLockedValueBox<[UUID: [String]]>([:])
        func record(_ job: UUID, by worker: String) { runs.withLockedValue { $0[job, default: []].append(worker) } }
    }

    /// A small piece of work of kind `test-count`: records that it ran, reports progress, sleeps a little.
    struct CountingJob: JobHandler {
        var kind: String { "test-count" }
        var whenAbandoned: AbandonedJobPolicy { .requeue }
        let ledger: Ledger
        let worker: String

        func run(_ job: JobRecord, context: JobContext) async throws {
            try await context.report(phase: "counting", progress: 0.5)
            try await Task.sleep(for: .milliseconds(2))
            ledger.record(try job.requireID(), by: worker)
        }

        func gaveUp(on job: JobRecord, error: String, at now: Date, on db: any Database) async throws {}
    }

    /// A job of kind `test-once` whose abandoned runs are failed, and which notes what it was told.
    struct FailOnAbandonJob: JobHandler {
        var kind: String { "test-once" }
        var whenAbandoned: AbandonedJobPolicy { .fail }
        let ledger: Ledger

        func run(_ job: JobRecord, context: JobContext) async throws { ledger.record(try job.requireID(), by: "ran") }

        func gaveUp(on job: JobRecord, error: String, at now: Date, on db: any Database) async throws {
            ledger.record(try job.requireID(), by: "gave up: \(error)")
        }
    }

    struct Payload: Codable { var n: Int }

    @Test func twoServersRunAFewHundredJobsEachExactlyOnce() async throws {
        // Two instances need a database both reach: PostgreSQL, or a SQLite file.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-queue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("rampart.sqlite").path
        let onFile: (inout AppConfig) -> Void = { if case .sqliteMemory = $0.database { $0.database = .sqliteFile(file) } }
        try await withTestApp(adjust: onFile) { first in
            let ledger = Ledger()
            var config = TestDatabase.config()
            onFile(&config)
            let second = try await Application.make(.testing)
            do {
                // The two servers read one clock, as two servers read the same time.
                try await configure(second, config: config, bcryptCost: 4, clock: first.rampart.clock)
                let a = JobWorker(handlers: [CountingJob(ledger: ledger, worker: "A")], name: "A")
                let b = JobWorker(handlers: [CountingJob(ledger: ledger, worker: "B")], name: "B")

                // MUT: both servers' workers take from the queue at once, as 300 jobs arrive
                try await a.didBootAsync(first)
                try await b.didBootAsync(second)
                for n in 0..<300 {
                    try await JobQueue.enqueue(
                        kind: "test-count", payload: Payload(n: n), maxAttempts: 3, at: first.rampart.clock.now(), on: first.db)
                }
                let deadline = Date().addingTimeInterval(120)
                while try await JobRecord.query(on: first.db).filter(\.$status != .succeeded).count() > 0, Date() < deadline {
                    try await Task.sleep(for: .milliseconds(100))
                }
                await a.shutdownAsync(first)
                await b.shutdownAsync(second)
            } catch {
                try? await second.asyncShutdown()
                throw error
            }
            try await second.asyncShutdown()

            // validate: none lost, none twice, and both servers took part
            let jobs = try await JobRecord.query(on: first.db).all()
            #expect(jobs.count == 300)
            #expect(jobs.allSatisfy { $0.status == .succeeded && $0.attempts == 1 && $0.progress == 1 })
            let runs = ledger.runs.withLockedValue { $0 }
            #expect(runs.count == 300)
            #expect(runs.values.allSatisfy { $0.count == 1 }, "jobs run more than once: \(runs.filter { $0.value.count > 1 }.count)")
            let byWorker = Dictionary(grouping: runs.values.flatMap { $0 }, by: { $0 }).mapValues(\.count)
            #expect((byWorker["A"] ?? 0) > 0 && (byWorker["B"] ?? 0) > 0, "\(byWorker)")
            #expect(Set(jobs.compactMap(\.worker)) == Set(byWorker.keys))
        }
    }

    @Test func aJobWhoseServerStoppedIsRequeuedOrFailedByItsKind() async throws {
        try await withTestApp { app in
            // setup: a server claims one job of each kind, then stops without a word (no heartbeat ever again)
            let ledger = Ledger()
            let requeued = try await JobQueue.enqueue(
                kind: "test-count", payload: Payload(n: 1), maxAttempts: 2, at: app.rampart.clock.now(), on: app.db)
            let failed = try await JobQueue.enqueue(kind: "test-once", payload: Payload(n: 2), at: app.rampart.clock.now(), on: app.db)
            let stopped = Fixtures.queue(app, worker: "stopped")
            #expect(try await stopped.claim(kinds: ["test-count"])?.id == requeued.id)
            #expect(try await stopped.claim(kinds: ["test-once"])?.id == failed.id)
            let worker = JobWorker(
                handlers: [CountingJob(ledger: ledger, worker: "B"), FailOnAbandonJob(ledger: ledger)],
                name: "B", computeThread: app.threadPool)
            let queue = Fixtures.queue(app, worker: "B")

            // MUT: within the lease nothing happens; past it each kind's policy applies
            try await worker.recover(queue, atStartUp: false, logger: app.logger)
            #expect(try await JobRecord.query(on: app.db).filter(\.$status == .running).count() == 2)
            app.rampart.clock.advance(by: JobQueue.lease + 1)
            try await worker.recover(queue, atStartUp: false, logger: app.logger)
            try await worker.drain(queue, logger: app.logger)

            // validate: the requeued job ran once more, on the live server; the other failed and its kind was told
            let again = try #require(try await JobRecord.find(requeued.id, on: app.db))
            #expect(again.status == .succeeded && again.attempts == 2 && again.worker == "B")
            let gone = try #require(try await JobRecord.find(failed.id, on: app.db))
            #expect(gone.status == .failed && gone.error?.contains("stopped") == true && gone.attempts == 1)
            let runs = ledger.runs.withLockedValue { $0 }
            #expect(runs[requeued.id!] == ["B"])
            #expect(runs[failed.id!]?.count == 1 && runs[failed.id!]?.first?.hasPrefix("gave up") == true)
        }
    }

    @Test func aJobThatHasUsedItsAttemptsIsFailedNotRequeued() async throws {
        try await withTestApp { app in
            let job = try await JobQueue.enqueue(
                kind: "test-count", payload: Payload(n: 1), maxAttempts: 1, at: app.rampart.clock.now(), on: app.db)
            #expect(try await Fixtures.queue(app, worker: "stopped").claim(kinds: ["test-count"])?.id == job.id)
            app.rampart.clock.advance(by: JobQueue.lease + 1)
            let worker = JobWorker(handlers: [CountingJob(ledger: Ledger(), worker: "B")], name: "B", computeThread: app.threadPool)
            try await worker.recover(Fixtures.queue(app, worker: "B"), atStartUp: false, logger: app.logger)
            #expect(try await JobRecord.find(job.id, on: app.db)?.status == .failed)
        }
    }

    @Test func aJobIsNotClaimedBeforeItsTimeNorByAServerWithoutItsKind() async throws {
        try await withTestApp { app in
            let later = try await JobQueue.enqueue(
                kind: "test-count", payload: Payload(n: 1), at: app.rampart.clock.now(),
                runAfter: app.rampart.clock.now().addingTimeInterval(600), on: app.db)
            let queue = Fixtures.queue(app)
            #expect(try await queue.claim(kinds: ["test-count"]) == nil)
            #expect(try await queue.claim(kinds: ["another-kind"]) == nil)
            app.rampart.clock.advance(by: 601)
            #expect(try await queue.claim(kinds: ["test-count"])?.id == later.id)
            #expect(try await queue.claim(kinds: ["test-count"]) == nil)
        }
    }
}
