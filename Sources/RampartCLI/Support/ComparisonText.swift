import RampartCore

/// The human-readable comparison of two plans: totals, nations, and the demands that moved most.
struct ComparisonText {
    let scenario: Scenario
    let comparison: PlanComparison
    let top: Int

    func render() -> String {
        let calendar = MonthCalendar(startMonth: scenario.startMonth)
        func month(_ t: Int?) -> String { t.map { calendar?.label($0) ?? String($0) } ?? "never" }
        let a = comparison.objectiveBefore, b = comparison.objectiveAfter
        var out: [String] = []
        var totals = TextTable(["", "first plan", "second plan", "change"], rightAligned: [1, 2, 3])
        totals.add([
            "weighted lateness", Number.grouped(a.weightedLateness), Number.grouped(b.weightedLateness),
            Number.signed(b.weightedLateness - a.weightedLateness),
        ])
        totals.add([
            "units on time", Number.grouped(a.onTimeUnits), Number.grouped(b.onTimeUnits), Number.signed(b.onTimeUnits - a.onTimeUnits),
        ])
        totals.add(["units late", Number.grouped(a.lateUnits), Number.grouped(b.lateUnits), Number.signed(b.lateUnits - a.lateUnits)])
        totals.add([
            "units unserved", Number.grouped(a.unservedUnits), Number.grouped(b.unservedUnits),
            Number.signed(b.unservedUnits - a.unservedUnits),
        ])
        out.append(totals.render())
        out.append("")
        out.append("\(comparison.laterCount) demands later, \(comparison.earlierCount) earlier")
        out.append("")
        out.append("Per nation")
        var nations = TextTable(
            ["nation", "weighted before", "weighted after", "change", "on time change", "mean delay change (months)"],
            rightAligned: [1, 2, 3, 4, 5])
        for n in comparison.nations {
            nations.add([
                n.nation, Number.grouped(n.weightedLatenessBefore), Number.grouped(n.weightedLatenessAfter),
                Number.signed(n.weightedLatenessAfter - n.weightedLatenessBefore),
                Number.signed(n.onTimeUnitsAfter - n.onTimeUnitsBefore), signed1(n.meanDelayChangeMonths),
            ])
        }
        out.append(nations.render())
        out.append("")
        out.append("Demands that moved most (\(min(top, comparison.demands.count)) of \(comparison.demands.count))")
        if comparison.demands.isEmpty {
            out.append("  none")
        } else {
            var table = TextTable(
                ["demand", "nation", "qty", "due", "done before", "done after", "delay change (months)", "weighted change"],
                rightAligned: [2, 6, 7])
            for d in comparison.demands.prefix(top) {
                table.add([
                    d.demand, d.nation, Number.grouped(d.qty), month(d.dueMonth), month(d.completionBefore), month(d.completionAfter),
                    signed1(d.delayChangeMonths), Number.signed(d.weightedLatenessChange),
                ])
            }
            out.append(table.render())
        }
        return out.joined(separator: "\n")
    }

    private func signed1(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        let text = r == r.rounded() ? Number.grouped(r) : String(r)
        return r > 0 ? "+" + text : text
    }
}
