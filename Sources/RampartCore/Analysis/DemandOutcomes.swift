/// One demand's outcome in a plan: what its nation reads about it.
public struct DemandOutcome: Sendable, Equatable {
    public var demand: String
    public var nation: String
    /// An item id or `class:NAME`.
    public var target: String
    public var qty: Double
    public var dueMonth: Int
    public var priority: Int
    public var onTimeUnits: Double
    public var lateUnits: Double
    public var unservedUnits: Double
    public var lastDeliveryMonth: Int?
    /// Units delivered per month, in month order.
    public var deliveries: [(month: Int, qty: Double)]
    /// Why it is late or short, when it is.
    public var reason: String?

    public static func == (a: DemandOutcome, b: DemandOutcome) -> Bool {
        a.demand == b.demand && a.onTimeUnits == b.onTimeUnits && a.lateUnits == b.lateUnits
            && a.unservedUnits == b.unservedUnits && a.lastDeliveryMonth == b.lastDeliveryMonth && a.reason == b.reason
            && a.deliveries.map(\.month) == b.deliveries.map(\.month) && a.deliveries.map(\.qty) == b.deliveries.map(\.qty)
    }
}

extension Plan {
    /// Every demand of `scenario` with what this plan delivers for it, in the scenario's order.
    public func demandOutcomes(for scenario: Scenario) -> [DemandOutcome] {
        var byDemand: [String: [Int: Double]] = [:]
        for delivery in deliveries { byDemand[delivery.demand, default: [:]][delivery.month, default: 0] += delivery.qty }
        var reasons: [String: String] = [:]
        if let report {
            for late in report.lateDemands where report.explanations.indices.contains(late.explanation) {
                reasons[late.demand] = report.explanations[late.explanation].why
            }
        }
        return scenario.demands.map { demand in
            let months = (byDemand[demand.id] ?? [:]).sorted { $0.key < $1.key }.map { (month: $0.key, qty: $0.value) }
            let onTime = months.filter { $0.month <= demand.dueMonth }.reduce(0) { $0 + $1.qty }
            let late = months.filter { $0.month > demand.dueMonth }.reduce(0) { $0 + $1.qty }
            let unserved = max(0, demand.qty - onTime - late)
            return DemandOutcome(
                demand: demand.id, nation: demand.nation, target: demand.item ?? "class:\(demand.itemClass ?? "")",
                qty: demand.qty, dueMonth: demand.dueMonth, priority: demand.priority, onTimeUnits: onTime,
                lateUnits: late, unservedUnits: unserved < 1e-9 ? 0 : unserved, lastDeliveryMonth: months.last?.month,
                deliveries: months, reason: reasons[demand.id])
        }
    }
}
