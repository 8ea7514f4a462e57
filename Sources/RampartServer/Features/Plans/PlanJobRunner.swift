import Fluent
import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import RampartCore
import SQLKit
import Vapor

/// Runs queued plan runs: claims one, plans the scenario held in the database on a worker thread while
/// writing its progress, stores the plan and each demand's outcome, and marks it done or failed.
struct PlanJobRunner: Sendable {
    var db: any Database
    var threadPool: NIOThreadPool
    var clock: AppClock
    var logger: Logger
    /// How often a running run writes its heartbeat, and how long without one before it counts as abandoned.
    var heartbeatInterval: TimeInterval = 5
    static let lease: TimeInterval = 120

    /// Claims the oldest queued run. On PostgreSQL `FOR UPDATE SKIP LOCKED` lets several servers share the queue.
    func claim() async throws -> PlanRunRecord? {
        try await db.transaction { tx in
            var run: PlanRunRecord?
            if let sql = tx as? any SQLDatabase, sql.dialect.name == "postgresql" {
                struct Row: Decodable { var id: UUID }
                if let row = try await sql.raw(
                    "SELECT id FROM plan_runs WHERE status = 'queued' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED"
                ).first(decoding: Row.self) {
                    run = try await PlanRunRecord.find(row.id, on: tx)
                }
            } else {
                run = try await PlanRunRecord.query(on: tx).filter(\.$status == PlanRunStatus.queued)
                    .sort(\.$createdAt).first()
            }
            guard let run else { return nil }
            run.status = PlanRunStatus.running
            run.phase = "loading the scenario"
            run.startedAt = clock.now()
            run.heartbeatAt = run.startedAt
            try await run.save(on: tx)
            return run
        }
    }

    /// Marks failed the runs whose server stopped, and deletes their partial results. At start-up on SQLite (one
    /// server per file) that is every run still "running"; otherwise, and on PostgreSQL where servers share the
    /// queue, the runs without a heartbeat for longer than the lease.
    func failAbandonedRuns(atStartUp: Bool) async throws {
        let everyRunning = atStartUp && (db as? any SQLDatabase)?.dialect.name == "sqlite"
        var query = PlanRunRecord.query(on: db).filter(\.$status == PlanRunStatus.running)
        if !everyRunning {
            let cutoff = clock.now().addingTimeInterval(-Self.lease)
            query = query.group(.or) { $0.filter(\.$heartbeatAt == nil).filter(\.$heartbeatAt < cutoff) }
        }
        let abandoned = try await query.all()
        guard !abandoned.isEmpty else { return }
        try await Self.deleteResults(of: abandoned.compactMap(\.id), on: db)
        for run in abandoned {
            run.status = PlanRunStatus.failed
            run.phase = "failed"
            run.error = "the server running it stopped before it finished; start a new run"
            run.finishedAt = clock.now()
            try await run.save(on: db)
            logger.warning("plan run \(run.id?.uuidString ?? "?") was abandoned by its server: marked failed")
        }
    }

    /// Runs one claimed run to the end; never throws (a failure is recorded on the run).
    func execute(_ run: PlanRunRecord) async {
        do {
            try await plan(run)
        } catch {
            logger.error("plan run \(run.id?.uuidString ?? "?") failed: \(String(reflecting: error))")
            run.status = PlanRunStatus.failed
            run.error = (error as? PlanFailure)?.description ?? PlanFailure.serverProblem(runID: run.id).description
            run.phase = "failed"
            run.finishedAt = clock.now()
            try? await run.save(on: db)
            if let runID = run.id { try? await Self.deleteResults(of: [runID], on: db) }
        }
    }

    /// The partial results of runs that did not finish.
    static func deleteResults(of runIDs: [UUID], on db: any Database) async throws {
        guard !runIDs.isEmpty else { return }
        try await PlanDemandResultRecord.query(on: db).filter(\.$planRunID ~~ runIDs).delete()
        try await PlanRunFileRecord.query(on: db).filter(\.$planRunID ~~ runIDs).delete()
    }

    private func plan(_ run: PlanRunRecord) async throws {
        guard let scenario = try await ScenarioStore.load(on: db) else { throw PlanFailure.noScenario }
        let released = Set(try await DemandRecord.query(on: db).filter(\.$released == true).field(\.$code).all().map(\.code))
        let progress = NIOLockedValueBox<(phase: String, fraction: Double)>(("planning", 0))
        let runID = try run.requireID()
        // Progress is written only over "running" (see `report`), never by saving `run`, which the failure path saves.
        let reporter = Task { [db, clock, heartbeatInterval] in
            var last = (phase: "", fraction: -1.0, at: Date.distantPast)
            while !Task.isCancelled {
                let now = progress.withLockedValue { $0 }
                let time = clock.now()
                if now.phase != last.phase || now.fraction - last.fraction >= 0.01
                    || time.timeIntervalSince(last.at) >= heartbeatInterval {
                    last = (now.phase, now.fraction, time)
                    try? await Self.report(runID, phase: now.phase, progress: min(0.95, now.fraction * 0.95), at: time, on: db)
                }
                try? await Task.sleep(for: .milliseconds(250))
            }
        }
        let options = Planner.Options(bottleneckCandidates: 2, parallel: false)
        // Everything that only computes runs on the planner's thread, not on the event loops serving requests.
        let result = try await threadPool.runIfActive {
            // Records stored before a rule existed (or written around the editors) are caught here, by name.
            let issues = scenario.validationIssues()
            if !issues.isEmpty { throw PlanFailure.invalid(issues, in: scenario) }
            let plan = Planner(options: options).plan(scenario) { phase, fraction in
                progress.withLockedValue { $0 = (phase, fraction) }
            }
            let outcomes = plan.demandResults(for: scenario).map {
                PlanDemandResultRecord(runID: runID, result: $0, released: released.contains($0.demand.id))
            }
            let summary = PlanRunSummary(plan: plan, scenario: scenario)
            let file = PlanRunFileRecord(planRunID: runID, planJSON: String(decoding: plan.jsonBytes(), as: UTF8.self),
                                         summaryJSON: String(decoding: try JSONEncoder().encode(summary), as: UTF8.self))
            return (objective: plan.objective, outcomes: outcomes, file: file, summary: summary)
        }
        reporter.cancel()
        _ = await reporter.result

        try await Self.report(runID, phase: "storing the result", progress: 0.97, at: clock.now(), on: db)
        // Short writes, not one long transaction: on SQLite a writer holds the file's one write lock, which the
        // requests' own writes wait for, and nothing reads a run's results before its status says succeeded (the
        // last write).
        try await ScenarioStore.insert(result.outcomes, batch: 100, on: db)
        try await result.file.create(on: db)
        try await Statistics.refresh(["plan_demand_results"], on: db)
        let objective = result.objective
        // Only a run still "running" becomes "succeeded": one another server gave up on meanwhile (no heartbeat
        // for the lease) stays failed, and its results go.
        try await PlanRunRecord.query(on: db).filter(\.$id == runID).filter(\.$status == PlanRunStatus.running)
            .set(\.$status, to: PlanRunStatus.succeeded).set(\.$phase, to: "done").set(\.$progress, to: 1)
            .set(\.$weightedLateness, to: objective.weightedLateness).set(\.$onTimeUnits, to: objective.onTimeUnits)
            .set(\.$lateUnits, to: objective.lateUnits).set(\.$unservedUnits, to: objective.unservedUnits)
            .set(\.$finishedAt, to: clock.now()).update()
        guard try await PlanRunRecord.find(runID, on: db)?.status == .succeeded else {
            logger.warning("plan run \(runID) finished after it had been given up as abandoned: its results are dropped")
            try await Self.deleteResults(of: [runID], on: db)
            return
        }
        PlanRunSummaries.remember(result.summary, for: runID)
        logger.info("plan run \(runID) done: weighted lateness \(objective.weightedLateness)")
    }
}

extension PlanJobRunner {
    /// A running run's phase, progress and heartbeat; a run no longer "running" is left as it is.
    static func report(_ runID: UUID, phase: String, progress: Double, at time: Date, on db: any Database) async throws {
        try await PlanRunRecord.query(on: db).filter(\.$id == runID).filter(\.$status == PlanRunStatus.running)
            .set(\.$phase, to: phase).set(\.$progress, to: progress).set(\.$heartbeatAt, to: time).update()
    }
}

extension PlanDemandResultRecord {
    convenience init(runID: UUID, result: DemandResult, released: Bool) {
        self.init()
        planRunID = runID
        demandCode = result.demand.id
        nation = result.demand.nation
        target = result.demand.target.key
        qty = result.demand.qty
        dueMonth = result.demand.dueMonth
        priority = result.demand.priority
        self.released = released
        onTimeUnits = result.outcome.onTime
        lateUnits = result.outcome.late
        unservedUnits = result.outcome.unserved
        lastDeliveryMonth = result.outcome.completionMonth
        deliveries = result.deliveries.map { "\($0.month):\($0.qty)" }.joined(separator: ",")
        reason = result.reason
    }

    var deliveryPairs: [(month: Int, qty: Double)] { Self.deliveryPairs(deliveries) }

    static func deliveryPairs(_ deliveries: String) -> [(month: Int, qty: Double)] {
        deliveries.split(separator: ",").compactMap { pair in
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let month = Int(parts[0]), let qty = Double(parts[1]) else { return nil }
            return (month, qty)
        }
    }
}

/// Keeps claiming and running plan runs while the server is up.
final class PlanJobService: LifecycleHandler, Sendable {
    private let task = NIOLockedValueBox<Task<Void, Never>?>(nil)
    /// The planner's own thread: on the application's pool it would hold one of the threads every SQLite query runs on.
    private let plannerThread = NIOThreadPool(numberOfThreads: 1)
    private let jobsDatabase = NIOLockedValueBox<JobsDatabase?>(nil)

    func didBootAsync(_ application: Application) async throws {
        plannerThread.start()
        let database = try await JobsDatabase(for: application, config: application.rampart.config)
        jobsDatabase.withLockedValue { $0 = database }
        let runner = PlanJobRunner(db: database.database, threadPool: plannerThread,
                                   clock: application.rampart.clock, logger: application.logger)
        try await runner.failAbandonedRuns(atStartUp: true)
        task.withLockedValue {
            $0 = Task {
                var lastHousekeeping = Date.distantPast
                var lastLeaseCheck = Date()
                while !Task.isCancelled {
                    do {
                        let now = runner.clock.now()
                        if now.timeIntervalSince(lastHousekeeping) > Housekeeping.interval {
                            lastHousekeeping = now
                            try await Housekeeping.run(on: runner.db, now: now)
                        }
                        if now.timeIntervalSince(lastLeaseCheck) > PlanJobRunner.lease / 4 {
                            lastLeaseCheck = now
                            try await runner.failAbandonedRuns(atStartUp: false)
                        }
                        if let run = try await runner.claim() {
                            await runner.execute(run)
                            MallocArenas.releaseFreedMemory()
                            continue
                        }
                    } catch {
                        runner.logger.error("claiming a plan run failed: \(String(reflecting: error))")
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
        try? await plannerThread.shutdownGracefully()
        await jobsDatabase.withLockedValue { $0 }?.shutdown()
    }
}
