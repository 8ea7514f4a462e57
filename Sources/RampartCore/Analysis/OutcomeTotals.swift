/// A plan's outcomes added up only where units are alike: demands counted by outcome, and units summed within one
/// class, or one item where a demand names an item. A 155 mm shell is never added to an interceptor.
public struct OutcomeCounts: Sendable, Equatable, Codable {
    public var demands = 0
    /// Demands with every unit delivered by the due month.
    public var onTime = 0
    /// Demands with some units delivered after the due month.
    public var late = 0
    /// Demands with some units never delivered.
    public var unserved = 0

    public init(demands: Int = 0, onTime: Int = 0, late: Int = 0, unserved: Int = 0) {
        self.demands = demands
        self.onTime = onTime
        self.late = late
        self.unserved = unserved
    }

    public mutating func add(_ outcome: DemandOutcome) {
        demands += 1
        let isLate = outcome.late > 0, isShort = outcome.unserved > 0
        if isLate { late += 1 }
        if isShort { unserved += 1 }
        if !isLate && !isShort { onTime += 1 }
    }

    public static func + (a: OutcomeCounts, b: OutcomeCounts) -> OutcomeCounts {
        OutcomeCounts(demands: a.demands + b.demands, onTime: a.onTime + b.onTime, late: a.late + b.late, unserved: a.unserved + b.unserved)
    }
}

/// One nation's demands for one class or item: how many, and their units by outcome.
public struct TargetTotals: Sendable, Equatable {
    public var nation: String
    /// `DemandTarget.key`: the class or the item.
    public var target: String
    public var counts = OutcomeCounts()
    public var qty = 0.0
    public var onTimeUnits = 0.0
    public var lateUnits = 0.0
    public var unservedUnits = 0.0
    public var weightedLateness = 0.0

    public init(nation: String, target: String) {
        self.nation = nation
        self.target = target
    }

    public mutating func add(_ outcome: DemandOutcome) {
        counts.add(outcome)
        qty += outcome.demand.qty
        onTimeUnits += outcome.onTime
        lateUnits += outcome.late
        unservedUnits += outcome.unserved
        weightedLateness += outcome.weightedLateness
    }

    /// Per nation and class or item, in nation and then target order.
    public static func of(_ outcomes: [DemandOutcome]) -> [TargetTotals] {
        var byKey: [String: [String: TargetTotals]] = [:]
        for outcome in outcomes {
            let nation = outcome.demand.nation, target = outcome.demand.target.key
            byKey[nation, default: [:]][target, default: TargetTotals(nation: nation, target: target)].add(outcome)
        }
        return byKey.keys.sorted().flatMap { nation in byKey[nation]!.keys.sorted().map { byKey[nation]![$0]! } }
    }
}
