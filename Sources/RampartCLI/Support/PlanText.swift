import RampartCore

/// The human-readable plan report: headline figures, worst delays with causes, nations, bottlenecks.
struct PlanText {
    let scenario: Scenario
    let plan: Plan
    let top: Int

    func render() -> String {
        let calendar = MonthCalendar(startMonth: scenario.startMonth)
        func month(_ t: Int?) -> String {
            guard let t else { return "-" }
            return calendar?.label(t) ?? String(t)
        }
        let o = plan.objective
        let demanded = scenario.demands.reduce(0) { $0 + $1.qty }
        var out: [String] = []
        out.append(
            "Plan of \(scenario.name): \(scenario.demands.count) demands, \(scenario.horizonMonths) months from \(scenario.startMonth)")
        out.append("Weighted lateness: \(Number.grouped(o.weightedLateness)) unit-months")
        out.append(
            "Units: \(Number.grouped(demanded)) demanded, \(Number.grouped(o.onTimeUnits)) on time, "
                + "\(Number.grouped(o.lateUnits)) late, \(Number.grouped(o.unservedUnits)) unserved")
        guard let report = plan.report else { return out.joined(separator: "\n") }
        out.append(
            "Strategy: \(report.planner.strategy) (best of \(report.planner.strategiesTried.count) tried), aiming at the "
                + "\((plan.objectiveAimedAt ?? .weighted).rawValue) objective")

        out.append("")
        out.append("Worst delays (\(min(top, report.lateDemands.count)) of \(report.lateDemands.count) late or short demands)")
        if report.lateDemands.isEmpty {
            out.append("  none: every demand is met on time")
        } else {
            var table = TextTable(
                ["demand", "nation", "target", "prio", "qty", "due", "done", "late", "unserved", "weighted", "why"],
                rightAligned: [3, 4, 7, 8, 9])
            for d in report.lateDemands.prefix(top) {
                table.add([
                    d.demand, d.nation, d.target, String(d.priority), Number.grouped(d.qty), month(d.dueMonth),
                    d.unservedUnits > 0 ? "never" : month(d.completionMonth), Number.grouped(d.lateUnits),
                    Number.grouped(d.unservedUnits), Number.grouped(d.weightedLateness),
                    report.explanations[d.explanation].why,
                ])
            }
            out.append(table.render(maxWidth: 90))
            out.append("")
            out.append("Why, in full (months counted from \(scenario.startMonth) = month 0):")
            for d in report.lateDemands.prefix(min(top, 5)) {
                out.append("- \(d.demand): \(report.explanations[d.explanation].why)")
            }
        }

        out.append("")
        out.append("Per nation")
        var nations = TextTable(
            ["nation", "demanded", "on time", "late", "unserved", "mean delay (months)", "weighted"],
            rightAligned: [1, 2, 3, 4, 5, 6])
        for n in report.nations {
            nations.add([
                n.key, Number.grouped(n.demandedUnits), Number.grouped(n.onTimeUnits), Number.grouped(n.lateUnits),
                Number.grouped(n.unservedUnits), String(format1(n.meanDelayMonths)), Number.grouped(n.weightedLateness),
            ])
        }
        out.append(nations.render())

        out.append("")
        out.append("Bottlenecks (extra capacity re-planned; saving per extra unit of capacity)")
        if report.bottlenecks.isEmpty {
            out.append("  none found")
        } else {
            var table = TextTable(
                ["rank", "source", "item", "owner", "country", "full in months", "extra/month", "saved", "saved/unit"],
                rightAligned: [0, 6, 7, 8])
            for (k, b) in report.bottlenecks.enumerated() {
                table.add([
                    String(k + 1), "\(b.kind.rawValue) \(b.source)", b.item, b.owner, b.country,
                    b.saturatedMonths.map(\.description).joined(separator: ", "), Number.grouped(b.extraPerMonth),
                    Number.grouped(b.weightedLatenessSaved), format1(b.savedPerExtraUnit),
                ])
            }
            out.append(table.render(maxWidth: 40))
        }
        if let levels = report.againstStrict {
            out.append("")
            out.append("Against the strict plan (priority first): what each priority gave up (+) or gained (-)")
            var table = TextTable(
                [
                    "prio", "demanded", "weighted, this plan", "weighted, strict", "given up", "unserved, this plan",
                    "unserved, strict",
                ],
                rightAligned: [0, 1, 2, 3, 4, 5, 6])
            for level in levels {
                let change = level.weightedLatenessGivenUp
                table.add([
                    String(level.priority), Number.grouped(level.demandedUnits),
                    Number.grouped(level.weightedPlan.weightedLateness), Number.grouped(level.strictPlan.weightedLateness),
                    (change > 0 ? "+" : "") + Number.grouped(change), Number.grouped(level.weightedPlan.unservedUnits),
                    Number.grouped(level.strictPlan.unservedUnits),
                ])
            }
            out.append(table.render())
        }
        return out.joined(separator: "\n")
    }

    private func format1(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? Number.grouped(r) : String(r)
    }
}
