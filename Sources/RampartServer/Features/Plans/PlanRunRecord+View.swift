import Foundation
import RampartCore

extension PlanRunRecord {
    /// How people name the run ("Run 14"), by the one rule of `PlanRunRow.name`.
    var displayName: String { number.map { "Run \($0)" } ?? "Run \(id?.uuidString.prefix(8) ?? "")" }

    /// A download of one of the run's tables: "run-14-late-FR-only.csv", "run-14-nations-alliance.csv".
    func csvFilename(_ table: String, nation: String?) -> String {
        "\(number.map { "run-\($0)" } ?? "run")-\(table)-\(nation.map { "\($0)-only" } ?? "alliance").csv"
    }

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
    /// Cumulative demand due and deliveries of one class or item, all nations, month by month; nil when the run has no
    /// such target or was stored before version 2.
    func cumulativeSeries(target: String) -> MonthlySeries? {
        guard let months = targetMonths?.first(where: { $0.target == target }) else { return nil }
        return MonthlySeries(
            monthLabels: monthLabels, demanded: Cumulative.sums(months.demandedPerMonth),
            delivered: Cumulative.sums(months.deliveredPerMonth))
    }

    /// Cumulative demand due and deliveries, month by month.
    var cumulativeSeries: MonthlySeries {
        MonthlySeries(monthLabels: monthLabels, demanded: Cumulative.sums(demandedPerMonth), delivered: Cumulative.sums(deliveredPerMonth))
    }

    func nationRows(visibleTo principal: Principal) -> [NationOutcomeRow] {
        nations.filter { AccessPolicy.canReadNationOutcome(principal, nation: $0.key) }.map {
            NationOutcomeRow(
                nation: $0.key, demanded: $0.demandedUnits, onTime: $0.onTimeUnits, late: $0.lateUnits,
                unserved: $0.unservedUnits, weightedLateness: $0.weightedLateness, meanDelayMonths: $0.meanDelayMonths,
                demands: $0.demands)
        }
        .sorted { (Alliance.name(of: $0.nation), $0.nation) < (Alliance.name(of: $1.nation), $1.nation) }
    }

    /// Every demand of the run counted by outcome; nil for a run stored before summaries counted them.
    var demandCounts: DemandCounts? {
        nations.reduce(DemandCounts?.some(DemandCounts(OutcomeCounts()))) { sum, nation in
            guard let sum, let counts = nation.demands else { return nil }
            return sum + counts
        }
    }

    /// Units per class or item over all nations (`nation` only, when given), the most weighted lateness first; nil for
    /// a run stored before summaries kept them. Who may read which scope is the caller's to decide.
    func targetRows(nation: String?) -> [TargetOutcomeRow]? {
        guard let targets else { return nil }
        var byTarget: [String: TargetOutcomeRow] = [:]
        for row in targets where nation.map({ $0 == row.nation }) ?? true {
            var total =
                byTarget[row.target]
                ?? TargetOutcomeRow(
                    target: row.target, demands: DemandCounts(OutcomeCounts()), qty: 0, onTime: 0, late: 0, unserved: 0,
                    weightedLateness: 0)
            total.demands = total.demands + row.demands
            total.qty += row.qty
            total.onTime += row.onTimeUnits
            total.late += row.lateUnits
            total.unserved += row.unservedUnits
            total.weightedLateness += row.weightedLateness
            byTarget[row.target] = total
        }
        return byTarget.values.sorted { ($1.weightedLateness, $0.target) < ($0.weightedLateness, $1.target) }
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
