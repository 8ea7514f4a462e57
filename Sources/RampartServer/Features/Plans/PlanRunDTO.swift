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
        var objective: ObjectiveDTO?
        /// What the run aims at: `weighted` (the contract's objective) or `strict` (priority first).
        var objectiveAimedAt: PlanObjective
        var error: String?
        var nations: [NationOutcomeDTO]?
        var lateDemands: [LateDemandDTO]?
        var lateDemandCount: Int?
        var bottlenecks: [BottleneckDTO]?

        /// The run as `principal` may see it: the objective only for those who may read a plan's totals.
        init(_ r: PlanRunRecord, visibleTo principal: Principal) {
            id = r.id; status = r.status; progress = r.progress; phase = r.phase; scenario = r.scenarioName
            demandCount = AccessPolicy.canReadUnreleasedCounts(principal) ? r.demandCount : nil; createdAt = r.createdAt;
            startedAt = r.startedAt; finishedAt = r.finishedAt; error = r.error; objectiveAimedAt = r.objectiveAimedAt
            if AccessPolicy.canReadPlanFigures(principal),
                let w = r.weightedLateness, let on = r.onTimeUnits, let late = r.lateUnits, let un = r.unservedUnits
            {
                objective = ObjectiveDTO(weightedLateness: w, onTimeUnits: on, lateUnits: late, unservedUnits: un)
            }
        }
    }

    /// The body of a start: which objective the run aims at; an empty body (or none) aims at the weighted one.
    struct StartPlanDTO: Content {
        var objective: String?
    }

    /// The plan's objective (`planning-model.md`).
    struct ObjectiveDTO: Content {
        var weightedLateness: Double
        var onTimeUnits: Double
        var lateUnits: Double
        var unservedUnits: Double
    }

    struct NationOutcomeDTO: Content {
        var key: String
        var demandedUnits: Double
        var onTimeUnits: Double
        var lateUnits: Double
        var unservedUnits: Double
        var meanDelayMonths: Double
        var weightedLateness: Double

        init(_ n: PlanRunSummary.NationFigures) {
            key = n.key; demandedUnits = n.demandedUnits; onTimeUnits = n.onTimeUnits; lateUnits = n.lateUnits
            unservedUnits = n.unservedUnits; meanDelayMonths = n.meanDelayMonths; weightedLateness = n.weightedLateness
        }
    }

    struct LateDemandDTO: Content {
        var demand: String
        var nation: String
        var target: String
        var lateUnits: Double
        var unservedUnits: Double
        var weightedLateness: Double
        var reason: String

        init(_ l: PlanRunSummary.Late) {
            demand = l.demand; nation = l.nation; target = l.target; lateUnits = l.lateUnits; unservedUnits = l.unservedUnits
            weightedLateness = l.weightedLateness; reason = l.reason
        }
    }

    struct MonthRangeDTO: Content {
        var from: Int
        var to: Int
    }

    struct BottleneckDTO: Content {
        var kind: String
        var source: String
        var item: String
        var owner: String
        var country: String
        var saturatedMonths: [MonthRangeDTO]
        var extraPerMonth: Double
        var weightedLatenessSaved: Double
        var savedPerExtraUnit: Double

        init(_ b: PlanRunSummary.BottleneckFigures) {
            kind = b.kind; source = b.source; item = b.item; owner = b.owner; country = b.country
            saturatedMonths = b.saturatedMonths.map { MonthRangeDTO(from: $0.from, to: $0.to) }
            extraPerMonth = b.extraPerMonth; weightedLatenessSaved = b.weightedLatenessSaved; savedPerExtraUnit = b.savedPerExtraUnit
        }
    }
}
