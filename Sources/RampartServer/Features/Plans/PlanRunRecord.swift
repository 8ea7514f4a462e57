import Fluent
import Foundation
import RampartCore

/// A plan run: the scenario planned by a job of kind `plan-run` (`PlanRunJob`), its result stored.
final class PlanRunRecord: Model, @unchecked Sendable {
    static let schema = "plan_runs"

    @ID(key: .id) var id: UUID?
    @Field(key: "status") var status: PlanRunStatus
    @Field(key: "progress") var progress: Double
    @Field(key: "phase") var phase: String
    @OptionalField(key: "requested_by") var requestedBy: UUID?
    @Field(key: "scenario_name") var scenarioName: String
    @Field(key: "demand_count") var demandCount: Int
    @OptionalField(key: "weighted_lateness") var weightedLateness: Double?
    @OptionalField(key: "on_time_units") var onTimeUnits: Double?
    @OptionalField(key: "late_units") var lateUnits: Double?
    @OptionalField(key: "unserved_units") var unservedUnits: Double?
    @OptionalField(key: "error") var error: String?
    @OptionalField(key: "started_at") var startedAt: Date?
    @OptionalField(key: "finished_at") var finishedAt: Date?
    @OptionalField(key: "created_at") var createdAt: Date?
    /// The run's heartbeat before migration 010; since then the lease is its job's (`JobRecord.heartbeatAt`) and this
    /// column is no longer written.
    @OptionalField(key: "heartbeat_at") var heartbeatAt: Date?
    /// The `plan-run` job that runs it (migration 010); nil for runs finished before the job queue.
    @OptionalField(key: "job_id") var jobID: UUID?
    /// 1 while queued, which one run at a time may hold (migration 014); nil once it starts or fails.
    @OptionalField(key: "queue_slot") var queueSlot: Int?
    /// 1 for the first run, in the order they were queued (migration 015).
    @OptionalField(key: "number") var number: Int?
    /// The objective the run aims at (migration 016); nil for runs queued before, which aimed at the weighted one.
    @OptionalField(key: "objective") var objective: PlanObjective?

    /// What the run aims at: runs stored before migration 016 aimed at the weighted objective.
    var objectiveAimedAt: PlanObjective { objective ?? .weighted }

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] {
        [
            $id, $status, $progress, $phase, $requestedBy, $scenarioName, $demandCount, $weightedLateness, $onTimeUnits,
            $lateUnits, $unservedUnits, $error, $startedAt, $finishedAt, $createdAt, $heartbeatAt, $jobID, $queueSlot, $number,
            $objective,
        ]
    }

    init() {}

    init(requestedBy: UUID?, scenarioName: String, demandCount: Int, createdAt: Date, objective: PlanObjective = .weighted) {
        self.objective = objective
        self.status = .queued
        self.progress = 0
        self.phase = "queued"
        self.requestedBy = requestedBy
        self.scenarioName = scenarioName
        self.demandCount = demandCount
        self.createdAt = createdAt
        self.queueSlot = 1
    }
}

/// Where a plan run is: stored as its raw value, and the one type every page, query and answer uses.
enum PlanRunStatus: String, Codable, Sendable, CaseIterable {
    case queued, running, succeeded, failed

    /// Still to finish: the pages follow its progress.
    var isActive: Bool { self == .queued || self == .running }
}

/// A finished run's plan file, and its `PlanRunSummary` as JSON: what the dashboard and the plan page
/// show without reading the whole plan.
final class PlanRunFileRecord: Model, @unchecked Sendable {
    static let schema = "plan_run_files"

    @ID(key: .id) var id: UUID?
    @Field(key: "plan_run_id") var planRunID: UUID
    @Field(key: "plan_json") var planJSON: String
    @Field(key: "summary_json") var summaryJSON: String

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $planRunID, $planJSON, $summaryJSON] }

    init() {}

    init(planRunID: UUID, planJSON: String, summaryJSON: String) {
        self.planRunID = planRunID
        self.planJSON = planJSON
        self.summaryJSON = summaryJSON
    }
}

/// One demand's outcome in a plan run: what each nation reads about its own requirements.
final class PlanDemandResultRecord: Model, @unchecked Sendable {
    static let schema = "plan_demand_results"

    @ID(key: .id) var id: UUID?
    @Field(key: "plan_run_id") var planRunID: UUID
    @Field(key: "demand_code") var demandCode: String
    @Field(key: "nation") var nation: String
    @Field(key: "target") var target: String
    @Field(key: "qty") var qty: Double
    @Field(key: "due_month") var dueMonth: Int
    @Field(key: "priority") var priority: Int
    @Field(key: "released") var released: Bool
    @Field(key: "on_time_units") var onTimeUnits: Double
    @Field(key: "late_units") var lateUnits: Double
    @Field(key: "unserved_units") var unservedUnits: Double
    @OptionalField(key: "last_delivery_month") var lastDeliveryMonth: Int?

    @OptionalField(key: "reason") var reason: String?
    /// The objective's weighted lateness of this demand (nil in runs stored before migration 013).
    @OptionalField(key: "weighted_lateness") var weightedLateness: Double?
    /// Units × months late.
    @OptionalField(key: "late_unit_months") var lateUnitMonths: Double?
    @OptionalField(key: "first_delivery_month") var firstDeliveryMonth: Int?
    /// The chain of causes in calendar months, main one first, as a JSON array of sentences.
    @OptionalField(key: "causes") var causesJSON: String?

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] {
        [
            $id, $planRunID, $demandCode, $nation, $target, $qty, $dueMonth, $priority, $released, $onTimeUnits, $lateUnits,
            $unservedUnits, $lastDeliveryMonth, $reason, $weightedLateness, $lateUnitMonths, $firstDeliveryMonth, $causesJSON,
        ]
    }

    init() {}
}
