import Foundation
import RampartCore

extension PlanRunRecord {
    /// How people name the run ("Run 14"), by the one rule of `PlanRunRow.name`.
    var displayName: String { number.map { "Run \($0)" } ?? "Run \(id?.uuidString.prefix(8) ?? "")" }

    /// The run as `principal` may see it: its figures only for those who may read a plan's totals.
    func summaryView(requestedBy: String?, visibleTo principal: Principal) -> PlanRunRow {
        let totals = AccessPolicy.canReadPlanFigures(principal)
        return PlanRunRow(
            id: id?.uuidString ?? "", number: number, status: status, progress: progress, phase: phase,
            createdAt: createdAt.map(Timestamps.text) ?? "", requestedBy: requestedBy,
            weightedLateness: totals ? weightedLateness : nil, onTimeUnits: totals ? onTimeUnits : nil,
            lateUnits: totals ? lateUnits : nil, unservedUnits: totals ? unservedUnits : nil, error: error,
            objective: objectiveAimedAt)
    }

}

extension PlanRunSummary {
    /// Cumulative demand due and deliveries, month by month.
    var cumulativeSeries: MonthlySeries {
        MonthlySeries(monthLabels: monthLabels, demanded: Cumulative.sums(demandedPerMonth), delivered: Cumulative.sums(deliveredPerMonth))
    }

    func nationRows(visibleTo principal: Principal) -> [NationOutcomeRow] {
        nations.filter { AccessPolicy.canReadNationOutcome(principal, nation: $0.key) }.map {
            NationOutcomeRow(
                nation: $0.key, demanded: $0.demandedUnits, onTime: $0.onTimeUnits, late: $0.lateUnits,
                unserved: $0.unservedUnits, weightedLateness: $0.weightedLateness, meanDelayMonths: $0.meanDelayMonths)
        }
    }
}

enum Cumulative {
    static func sums(_ values: [Double]) -> [Double] {
        var total = 0.0
        return values.map {
            total += $0; return total
        }
    }
}
