import Fluent
import Foundation
import NIOConcurrencyHelpers
import RampartCore
import Vapor

/// The `plan-run` kind of job: plans the scenario held in the database on the job's thread while writing its
/// progress, stores the plan and each demand's result, and moves the plan run from queued to succeeded or failed.
/// Abandoned runs are failed, not requeued: a new run is cheap, and whoever started it sees why.
struct PlanRunJob: JobHandler {
    static let kind = "plan-run"
    var kind: String { Self.kind }
    var whenAbandoned: AbandonedJobPolicy { .fail }
    /// How many of the lines and supplies most named in the reasons are re-planned with more capacity.
    static let bottleneckCandidates = 2
    /// Rows per insert statement when storing a run's results (20 columns), deliveries (5), peggings (4) and source loads (7).
    static let resultsPerInsert = 250
    static let deliveriesPerInsert = 1_000
    static let loadsPerInsert = 200
    static let peggingsPerInsert = 500
    /// How often a running plan writes its progress and heartbeat at least.
    var heartbeatInterval: TimeInterval = 5

    /// The job's payload, in a shape of its own.
    struct Payload: Codable, Sendable {
        var version = 1
        var planRun: UUID
    }

    static func payload(of job: JobRecord) throws -> Payload {
        try JSONDecoder().decode(Payload.self, from: Data(job.payload.utf8))
    }

    func subject(of job: JobRecord) -> JobSubject? {
        guard let run = try? Self.payload(of: job).planRun else { return nil }
        return JobSubject(type: "plan run", key: run.uuidString, page: .plan(id: run.uuidString))
    }

    func run(_ job: JobRecord, context: JobContext) async throws {
        let runID = try Self.payload(of: job).planRun
        do {
            try await plan(runID, context: context)
        } catch let failure as PlanFailure {
            throw failure
        } catch {
            context.logger.error("plan run \(runID) failed: \(String(reflecting: error))")
            throw PlanFailure.serverProblem(runID: runID)
        }
    }

    /// Marks the run failed with `error` and deletes its partial results; a run no longer running is left as it is.
    func gaveUp(on job: JobRecord, error: String, at now: Date, on db: any Database) async throws {
        guard let runID = try? Self.payload(of: job).planRun else { return }
        try await PlanRunRecord.query(on: db).filter(\.$id == runID).filter(\.$status ~~ [.queued, .running])
            .set(\.$status, to: .failed).set(\.$phase, to: "failed").set(\.$error, to: error).set(\.$queueSlot, to: nil)
            .set(\.$finishedAt, to: now).update()
        try await Self.deleteResults(of: [runID], on: db)
    }

    /// The partial results of runs that did not finish.
    static func deleteResults(of runIDs: [UUID], on db: any Database) async throws {
        guard !runIDs.isEmpty else { return }
        try await PlanDeliveryRecord.query(on: db).filter(\.$planRunID ~~ runIDs).delete()
        try await PlanSourceLoadRecord.query(on: db).filter(\.$planRunID ~~ runIDs).delete()
        try await PlanPeggingRecord.query(on: db).filter(\.$planRunID ~~ runIDs).delete()
        try await PlanDemandResultRecord.query(on: db).filter(\.$planRunID ~~ runIDs).delete()
        try await PlanRunFileRecord.query(on: db).filter(\.$planRunID ~~ runIDs).delete()
    }

    private func plan(_ runID: UUID, context: JobContext) async throws {
        let db = context.db, clock = context.clock
        try await PlanRunRecord.query(on: db).filter(\.$id == runID).filter(\.$status == .queued)
            .set(\.$status, to: .running).set(\.$phase, to: "loading the scenario").set(\.$startedAt, to: clock.now())
            .set(\.$queueSlot, to: nil)
            .update()
        try await report(runID, phase: "loading the scenario", progress: 0, context: context)
        guard let recorded = try await ScenarioStore.load(on: db) else { throw PlanFailure.noScenario }
        // A nation's class demand is served only by the munitions its systems can fire (the interchangeability matrix).
        let interoperability = try await InterchangeabilityStore.records(on: db)
        let usable = UsableMunitions.apply(
            to: recorded, fleets: interoperability.fleets, qualifications: interoperability.qualifications,
            recognitions: interoperability.recognitions)
        let scenario = usable.scenario
        if !usable.narrowed.isEmpty {
            context.logger.info(
                "plan run \(runID): \(usable.narrowed.count) class demands served only by the munitions their nations can use")
        }
        for unusable in usable.unusable { context.logger.warning("plan run \(runID): \(unusable)") }
        let released = Set(try await DemandRecord.query(on: db).filter(\.$released == true).field(\.$code).all().map(\.code))
        let progress = NIOLockedValueBox<(phase: String, overall: Double)>(("planning", 0))
        let reporter = Task { [heartbeatInterval] in
            var last = (phase: "", fraction: -1.0, at: Date.distantPast)
            while !Task.isCancelled {
                let now = progress.withLockedValue { $0 }
                let time = clock.now()
                if now.phase != last.phase || now.overall - last.fraction >= 0.01
                    || time.timeIntervalSince(last.at) >= heartbeatInterval
                {
                    last = (now.phase, now.overall, time)
                    try? await report(runID, phase: now.phase, progress: now.overall, context: context)
                }
                try? await Task.sleep(for: .milliseconds(250))
            }
        }
        let aim = try await PlanRunRecord.find(runID, on: db)?.objectiveAimedAt ?? .weighted
        let options = Planner.Options(bottleneckCandidates: Self.bottleneckCandidates, parallel: false, objective: aim)
        // Everything that only computes runs on the job's thread, not on the event loops serving requests.
        let computeStarted = ContinuousClock.now
        let result = try await context.computeThread.runIfActive {
            // Records stored before a rule existed (or written around the editors) are caught here, by name.
            let issues = scenario.validationIssues()
            if !issues.isEmpty { throw PlanFailure.invalid(issues, in: scenario) }
            let plan = Planner(options: options).plan(scenario) { phase, fraction in
                progress.withLockedValue { $0 = (phase, PlanProgress.overall(phase: phase, fraction: fraction, after: $0.overall)) }
            }
            let pegging = PlanPegging(scenario: scenario, plan: plan)
            let results = usable.reportedAsRecorded(plan.demandResults(for: scenario), recorded: recorded)
            let records = results.map {
                PlanDemandResultRecord.records(
                    runID: runID, result: $0, released: released.contains($0.demand.id), pegging: pegging.byDemand[$0.demand.id] ?? [])
            }
            let owners =
                Dictionary(scenario.lines.map { ($0.id, ($0.producer, $0.item)) }, uniquingKeysWith: { a, _ in a })
                .merging(scenario.supplies.map { ($0.id, ($0.supplier, $0.item)) }, uniquingKeysWith: { a, _ in a })
            let loads = SourceLoad.all(scenario: scenario, plan: plan).map { load in
                PlanSourceLoadRecord(
                    planRunID: runID, load: load, company: owners[load.source]?.0 ?? "", item: owners[load.source]?.1 ?? "")
            }
            let summary = PlanRunSummary(plan: plan, scenario: recorded, outcomes: results.map(\.outcome))
            let file = PlanRunFileRecord(
                planRunID: runID, planJSON: String(decoding: plan.jsonBytes(), as: UTF8.self),
                summaryJSON: String(decoding: try JSONEncoder().encode(summary), as: UTF8.self))
            return (
                objective: plan.objective, results: records.map(\.0), deliveries: records.flatMap(\.1), peggings: records.map(\.2),
                file: file,
                summary: summary, loads: loads
            )
        }
        reporter.cancel()
        _ = await reporter.result
        let computed = ContinuousClock.now

        // Short writes, not one long transaction: on SQLite a writer holds the file's one write lock, which the
        // requests' own writes wait for, and nothing reads a run's results before its status says succeeded (the
        // last write).
        let rows = result.results.count + result.deliveries.count + result.peggings.count + result.loads.count
        var written = 0, lastReported = -1.0
        func stored(_ count: Int) async throws {
            written += count
            let overall = PlanProgress.storing(done: written, total: rows)
            if overall - lastReported >= 0.02 {
                lastReported = overall
                try await report(runID, phase: "storing the results", progress: overall, context: context)
            }
        }
        try await stored(0)
        // Each batch is one statement and one commit: rows per batch stay far below either database's bind limit.
        try await BulkInsert.rows(
            into: PlanDemandResultRecord.schema, columns: PlanDemandResultRecord.columns, result.results.map(\.row),
            perStatement: Self.resultsPerInsert, on: db, afterEach: stored)
        let resultsStored = ContinuousClock.now
        try await BulkInsert.rows(
            into: PlanDeliveryRecord.schema, columns: PlanDeliveryRecord.columns, result.deliveries.map(\.row),
            perStatement: Self.deliveriesPerInsert, on: db, afterEach: stored)
        try await BulkInsert.rows(
            into: PlanPeggingRecord.schema, columns: PlanPeggingRecord.columns, result.peggings.map(\.row),
            perStatement: Self.peggingsPerInsert, on: db, afterEach: stored)
        try await BulkInsert.rows(
            into: PlanSourceLoadRecord.schema, columns: PlanSourceLoadRecord.columns, result.loads.map(\.row),
            perStatement: Self.loadsPerInsert, on: db, afterEach: stored)
        try await result.file.create(on: db)
        context.logger.info(
            "plan run \(runID): planned and explained in \(computed - computeStarted), stored \(result.results.count) results in \(resultsStored - computed) and \(result.deliveries.count) deliveries in \(ContinuousClock.now - resultsStored)"
        )
        try await Statistics.refresh(
            [PlanDemandResultRecord.schema, PlanDeliveryRecord.schema, PlanPeggingRecord.schema, PlanSourceLoadRecord.schema], on: db)
        let objective = result.objective
        // Only a run still "running" becomes "succeeded": one given up as abandoned meanwhile stays failed (the
        // worker then deletes its results).
        try await PlanRunRecord.query(on: db).filter(\.$id == runID).filter(\.$status == .running)
            .set(\.$status, to: .succeeded).set(\.$phase, to: "done").set(\.$progress, to: 1)
            .set(\.$weightedLateness, to: objective.weightedLateness).set(\.$onTimeUnits, to: objective.onTimeUnits)
            .set(\.$lateUnits, to: objective.lateUnits).set(\.$unservedUnits, to: objective.unservedUnits)
            .set(\.$finishedAt, to: clock.now()).update()
        guard try await PlanRunRecord.find(runID, on: db)?.status == .succeeded else {
            context.logger.warning("plan run \(runID) finished after it had been given up as abandoned: its results are dropped")
            try await Self.deleteResults(of: [runID], on: db)
            return
        }
        PlanRunSummaries.remember(result.summary, for: runID)
        context.logger.info("plan run \(runID) done: weighted lateness \(objective.weightedLateness)")
        // The plan's transient hundreds of megabytes, handed back rather than left scattered through the arenas.
        MallocArenas.releaseFreedMemory()
    }

    /// The job's heartbeat and progress, and the run's phase and progress for its pages; a run no longer "running"
    /// is left as it is.
    private func report(_ runID: UUID, phase: String, progress: Double, context: JobContext) async throws {
        try await context.report(phase: phase, progress: progress)
        try await PlanRunRecord.query(on: context.db).filter(\.$id == runID).filter(\.$status == .running)
            .set(\.$phase, to: phase).set(\.$progress, to: progress).update()
    }
}

extension PlanFailure: JobFailure {}
