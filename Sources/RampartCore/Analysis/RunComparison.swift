/// Two plan runs' stored outcomes side by side, demand by demand and nation by nation: what got later or earlier by
/// the objective's measure (weighted lateness), and which demands one run has and the other not. Unlike
/// `PlanComparison`, the runs may have planned different data: demands added, withdrawn or changed in between.
public struct RunComparison: Sendable, Equatable {
    /// One demand's outcome in one run.
    public struct Outcome: Sendable, Equatable {
        public var demand: String
        public var nation: String
        public var qty: Double
        public var dueMonth: Int
        public var lastDeliveryMonth: Int?
        public var weightedLateness: Double
        public var onTimeUnits: Double
        public var unservedUnits: Double

        public init(
            demand: String, nation: String, qty: Double, dueMonth: Int, lastDeliveryMonth: Int?, weightedLateness: Double,
            onTimeUnits: Double, unservedUnits: Double
        ) {
            self.demand = demand
            self.nation = nation
            self.qty = qty
            self.dueMonth = dueMonth
            self.lastDeliveryMonth = lastDeliveryMonth
            self.weightedLateness = weightedLateness
            self.onTimeUnits = onTimeUnits
            self.unservedUnits = unservedUnits
        }
    }

    public enum Change: String, Sendable, Equatable {
        case later, earlier, added, removed
    }

    public struct DemandChange: Sendable, Equatable {
        public var demand: String
        public var nation: String
        public var change: Change
        public var before: Outcome?
        public var after: Outcome?
        /// After minus before; a demand only in one run counts its whole weighted lateness.
        public var weightedLatenessChange: Double
    }

    public struct NationChange: Sendable, Equatable {
        public var nation: String
        public var weightedLatenessBefore: Double
        public var weightedLatenessAfter: Double
        public var onTimeUnitsBefore: Double
        public var onTimeUnitsAfter: Double
        public var unservedUnitsBefore: Double
        public var unservedUnitsAfter: Double
        public var later: Int
        public var earlier: Int
    }

    /// Changed demands, the largest change of weighted lateness first (then by demand id).
    public var demands: [DemandChange]
    /// Every nation in either run, by code.
    public var nations: [NationChange]
    public var unchangedCount: Int

    public func count(_ change: Change) -> Int { demands.filter { $0.change == change }.count }

    public init(before: [Outcome], after: [Outcome]) {
        let beforeByDemand = Dictionary(before.map { ($0.demand, $0) }, uniquingKeysWith: { first, _ in first })
        let afterByDemand = Dictionary(after.map { ($0.demand, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [DemandChange] = []
        var unchanged = 0
        for demand in Set(beforeByDemand.keys).union(afterByDemand.keys) {
            let b = beforeByDemand[demand], a = afterByDemand[demand]
            let delta = (a?.weightedLateness ?? 0) - (b?.weightedLateness ?? 0)
            let change: Change?
            if b == nil {
                change = .added
            } else if a == nil {
                change = .removed
            } else if abs(delta) <= Self.tolerance(b?.weightedLateness ?? 0, a?.weightedLateness ?? 0) {
                change = nil
            } else {
                change = delta > 0 ? .later : .earlier
            }
            guard let change else {
                unchanged += 1
                continue
            }
            changes.append(
                DemandChange(
                    demand: demand, nation: (a ?? b)?.nation ?? "", change: change, before: b, after: a,
                    weightedLatenessChange: Quantity.snap(delta)))
        }
        demands = changes.sorted {
            abs($0.weightedLatenessChange) != abs($1.weightedLatenessChange)
                ? abs($0.weightedLatenessChange) > abs($1.weightedLatenessChange) : $0.demand < $1.demand
        }
        unchangedCount = unchanged
        var byNation: [String: NationChange] = [:]
        func entry(_ nation: String) -> NationChange {
            byNation[nation]
                ?? NationChange(
                    nation: nation, weightedLatenessBefore: 0, weightedLatenessAfter: 0, onTimeUnitsBefore: 0, onTimeUnitsAfter: 0,
                    unservedUnitsBefore: 0, unservedUnitsAfter: 0, later: 0, earlier: 0)
        }
        for o in before {
            var n = entry(o.nation)
            n.weightedLatenessBefore += o.weightedLateness
            n.onTimeUnitsBefore += o.onTimeUnits
            n.unservedUnitsBefore += o.unservedUnits
            byNation[o.nation] = n
        }
        for o in after {
            var n = entry(o.nation)
            n.weightedLatenessAfter += o.weightedLateness
            n.onTimeUnitsAfter += o.onTimeUnits
            n.unservedUnitsAfter += o.unservedUnits
            byNation[o.nation] = n
        }
        for change in demands where change.change == .later || change.change == .earlier {
            var n = entry(change.nation)
            if change.change == .later { n.later += 1 } else { n.earlier += 1 }
            byNation[change.nation] = n
        }
        nations = byNation.values.sorted { $0.nation < $1.nation }
    }

    /// Differences this small are the sums' rounding, not a change.
    static func tolerance(_ a: Double, _ b: Double) -> Double { 1e-9 * max(1, abs(a), abs(b)) }
}
