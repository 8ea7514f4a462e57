/// Computes a plan's objective and its per-nation and per-item summaries from the plan's lists alone.
public struct PlanEvaluator: Sendable {
    public let scenario: Scenario

    public init(scenario: Scenario) {
        self.scenario = scenario
    }

    public func outcomes(of plan: Plan) -> [DemandOutcome] {
        var index: [String: Int] = [:]
        index.reserveCapacity(scenario.demands.count)
        var outcomes = scenario.demands.enumerated().map { k, d in
            if index[d.id] == nil { index[d.id] = k }
            return DemandOutcome(
                demand: d, delivered: 0, onTime: 0, late: 0, lateUnitMonths: 0, unserved: 0,
                completionMonth: nil, weightedLateness: 0)
        }
        for entry in plan.deliveries {
            guard let k = index[entry.demand] else { continue }
            let due = outcomes[k].demand.dueMonth
            outcomes[k].delivered += entry.qty
            if entry.month > due {
                outcomes[k].late += entry.qty
                outcomes[k].lateUnitMonths += Double(entry.month - due) * entry.qty
            } else {
                outcomes[k].onTime += entry.qty
            }
            if entry.qty > 0 { outcomes[k].completionMonth = max(outcomes[k].completionMonth ?? entry.month, entry.month) }
        }
        let horizon = scenario.horizonMonths
        for k in outcomes.indices {
            let d = outcomes[k].demand
            let short = d.qty - outcomes[k].delivered
            // A shortfall of rounding dust is no shortfall.
            let unserved = short <= 1e-9 * max(1, d.qty) ? 0 : short
            outcomes[k].unserved = unserved
            outcomes[k].weightedLateness = ObjectiveDefinition.weightedLateness(
                weight: d.weight, lateUnitMonths: outcomes[k].lateUnitMonths, unserved: unserved, horizon: horizon, due: d.dueMonth)
        }
        return outcomes
    }

    public func objective(of plan: Plan) -> Objective {
        objective(outcomes(of: plan))
    }

    func objective(_ outcomes: [DemandOutcome]) -> Objective {
        var result = Objective(weightedLateness: 0, onTimeUnits: 0, lateUnits: 0, unservedUnits: 0)
        for o in outcomes {
            result.weightedLateness += o.weightedLateness
            result.onTimeUnits += o.onTime
            result.lateUnits += o.late
            result.unservedUnits += o.unserved
        }
        result.weightedLateness = Quantity.snap(result.weightedLateness)
        result.onTimeUnits = Quantity.snap(result.onTimeUnits)
        result.lateUnits = Quantity.snap(result.lateUnits)
        result.unservedUnits = Quantity.snap(result.unservedUnits)
        return result
    }

    /// Summaries per nation and per target (item id, or `class:NAME` for class demands).
    public func report(of plan: Plan) -> PlanReport {
        report(outcomes(of: plan))
    }

    func report(_ outcomes: [DemandOutcome]) -> PlanReport {
        PlanReport(
            planner: PlannerInfo(strategy: "", strategiesTried: []),
            nations: summaries(outcomes) { $0.demand.nation },
            items: summaries(outcomes) { $0.demand.target.key },
            lateDemands: [], explanations: [], bottlenecks: [])
    }

    func summaries(_ outcomes: [DemandOutcome], key: (DemandOutcome) -> String) -> [OutcomeSummary] {
        var byKey: [String: (OutcomeSummary, Double)] = [:]
        for o in outcomes {
            let k = key(o)
            var entry =
                byKey[k] ?? (
                    OutcomeSummary(
                        key: k, demandedUnits: 0, onTimeUnits: 0, lateUnits: 0, unservedUnits: 0,
                        meanDelayMonths: 0, weightedLateness: 0), 0
                )
            entry.0.demandedUnits += o.demand.qty
            entry.0.onTimeUnits += o.onTime
            entry.0.lateUnits += o.late
            entry.0.unservedUnits += o.unserved
            entry.0.weightedLateness += o.weightedLateness
            entry.1 += o.lateUnitMonths
            byKey[k] = entry
        }
        return byKey.keys.sorted().map { k in
            var (summary, unitMonths) = byKey[k]!
            summary.meanDelayMonths = summary.lateUnits > 0 ? Quantity.snap(unitMonths / summary.lateUnits) : 0
            summary.demandedUnits = Quantity.snap(summary.demandedUnits)
            summary.onTimeUnits = Quantity.snap(summary.onTimeUnits)
            summary.lateUnits = Quantity.snap(summary.lateUnits)
            summary.unservedUnits = Quantity.snap(summary.unservedUnits)
            summary.weightedLateness = Quantity.snap(summary.weightedLateness)
            return summary
        }
    }
}
