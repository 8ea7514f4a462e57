import Fluent
import Foundation
import RampartCore
import Vapor

/// A plan run as `/api/v1` sends it.
extension API {
    struct PlanRunDTO: Content {
        var id: UUID?
        var status: PlanRunStatus
        var progress: Double
        var phase: String
        var scenario: String
        /// How many demands the run planned, released or not: only for those who may count unreleased demands.
        var demandCount: Int?
        var createdAt: Date?
        var startedAt: Date?
        var finishedAt: Date?
        var objective: Objective?
        var error: String?
        var nations: [OutcomeSummary]?
        var lateDemands: [PlanRunSummary.Late]?
        var lateDemandCount: Int?
        var bottlenecks: [Bottleneck]?

        /// The run as `principal` may see it: the objective only for those who may read a plan's totals.
        init(_ r: PlanRunRecord, visibleTo principal: Principal) {
            id = r.id; status = r.status; progress = r.progress; phase = r.phase; scenario = r.scenarioName
            demandCount = AccessPolicy.canReadUnreleasedCounts(principal) ? r.demandCount : nil; createdAt = r.createdAt;
            startedAt = r.startedAt; finishedAt = r.finishedAt; error = r.error
            if AccessPolicy.canReadPlanFigures(principal),
                let w = r.weightedLateness, let on = r.onTimeUnits, let late = r.lateUnits, let un = r.unservedUnits
            {
                objective = Objective(weightedLateness: w, onTimeUnits: on, lateUnits: late, unservedUnits: un)
            }
        }
    }
}
