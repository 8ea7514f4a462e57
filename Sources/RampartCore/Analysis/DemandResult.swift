/// One demand's result in a plan, as its nation reads it: the evaluator's outcome, the units delivered month by
/// month, and why it is late or short.
public struct DemandResult: Sendable {
    public var outcome: DemandOutcome
    /// Units delivered per month, in month order.
    public var deliveries: [(month: Int, qty: Double)]
    /// Why it is late or short, when it is: the main constraint, in calendar months.
    public var reason: String?
    /// The whole chain of constraints, main one first, in calendar months.
    public var causes: [String]
    /// How many more causes the planner found and did not keep (`Explanation.moreCauses`).
    public var causesNotKept = 0

    public var demand: Demand { outcome.demand }
}

extension Plan {
    /// Every demand of `scenario` with what this plan delivers for it, in the scenario's order.
    public func demandResults(for scenario: Scenario) -> [DemandResult] {
        var byDemand: [String: [Int: Double]] = [:]
        for delivery in deliveries { byDemand[delivery.demand, default: [:]][delivery.month, default: 0] += delivery.qty }
        var explanations: [String: Explanation] = [:]
        if let report {
            for late in report.lateDemands where report.explanations.indices.contains(late.explanation) {
                explanations[late.demand] = report.explanations[late.explanation]
            }
        }
        let calendar = MonthCalendar(startMonth: scenario.startMonth)
        func words(_ constraint: Constraint) -> String { calendar.map(constraint.text(calendar:)) ?? constraint.text }
        return PlanEvaluator(scenario: scenario).outcomes(of: self).map { outcome in
            let id = outcome.demand.id
            let months = (byDemand[id] ?? [:]).sorted { $0.key < $1.key }.map { (month: $0.key, qty: $0.value) }
            guard let explanation = explanations[id], let main = explanation.mainConstraint else {
                let fallback = explanations[id]?.why
                return DemandResult(outcome: outcome, deliveries: months, reason: fallback, causes: fallback.map { [$0] } ?? [])
            }
            let chain = [main] + explanation.causes.filter { $0 != main }
            return DemandResult(
                outcome: outcome, deliveries: months, reason: words(main), causes: chain.map(words),
                causesNotKept: explanation.moreCauses)
        }
    }
}
