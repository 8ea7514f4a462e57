/// Two plans of the same demands side by side: per nation and per demand, what gets later or earlier.
public struct PlanComparison: Codable, Sendable, Equatable {
    public struct NationChange: Codable, Sendable, Equatable {
        public var nation: String
        public var weightedLatenessBefore: Double
        public var weightedLatenessAfter: Double
        public var onTimeUnitsBefore: Double
        public var onTimeUnitsAfter: Double
        public var unservedUnitsBefore: Double
        public var unservedUnitsAfter: Double
        /// Change of the mean delivery month of the nation's demanded units (unserved units count at the horizon's end).
        public var meanDelayChangeMonths: Double
    }

    public struct DemandChange: Codable, Sendable, Equatable {
        public var demand: String
        public var nation: String
        public var qty: Double
        public var dueMonth: Int
        public var completionBefore: Int?
        public var completionAfter: Int?
        /// Mean months late per unit, unserved units counted as `horizon - due + 12` months.
        public var meanDelayBefore: Double
        public var meanDelayAfter: Double
        /// Positive: later in the second plan.
        public var delayChangeMonths: Double
        public var weightedLatenessChange: Double
    }

    public var objectiveBefore: Objective
    public var objectiveAfter: Objective
    public var nations: [NationChange]
    /// Demands whose delivery changed, largest change of weighted lateness first.
    public var demands: [DemandChange]
    public var laterCount: Int
    public var earlierCount: Int

    /// Compares `before` and `after`, both plans of `scenario`'s demands.
    public init(scenario: Scenario, before: Plan, after: Plan) {
        let evaluator = PlanEvaluator(scenario: scenario)
        let a = evaluator.outcomes(of: before)
        let b = evaluator.outcomes(of: after)
        let h = scenario.horizonMonths
        func meanDelay(_ o: DemandOutcome) -> Double {
            let d = o.demand
            guard d.qty > 0 else { return 0 }
            return ObjectiveDefinition.lateness(lateUnitMonths: o.lateUnitMonths, unserved: o.unserved, horizon: h, due: d.dueMonth) / d.qty
        }
        var changes: [DemandChange] = []
        var byNation: [String: (NationChange, Double, Double)] = [:]
        for k in a.indices {
            let d = a[k].demand
            let before = meanDelay(a[k]), after = meanDelay(b[k])
            var n =
                byNation[d.nation] ?? (
                    NationChange(
                        nation: d.nation, weightedLatenessBefore: 0, weightedLatenessAfter: 0, onTimeUnitsBefore: 0, onTimeUnitsAfter: 0,
                        unservedUnitsBefore: 0, unservedUnitsAfter: 0, meanDelayChangeMonths: 0), 0, 0
                )
            n.0.weightedLatenessBefore += a[k].weightedLateness
            n.0.weightedLatenessAfter += b[k].weightedLateness
            n.0.onTimeUnitsBefore += a[k].onTime
            n.0.onTimeUnitsAfter += b[k].onTime
            n.0.unservedUnitsBefore += a[k].unserved
            n.0.unservedUnitsAfter += b[k].unserved
            n.1 += (after - before) * d.qty
            n.2 += d.qty
            byNation[d.nation] = n
            let wlChange = Quantity.snap(b[k].weightedLateness - a[k].weightedLateness)
            if abs(after - before) > 1e-9 || a[k].completionMonth != b[k].completionMonth {
                changes.append(
                    DemandChange(
                        demand: d.id, nation: d.nation, qty: d.qty, dueMonth: d.dueMonth,
                        completionBefore: a[k].completionMonth, completionAfter: b[k].completionMonth,
                        meanDelayBefore: Quantity.snap(before), meanDelayAfter: Quantity.snap(after),
                        delayChangeMonths: Quantity.snap(after - before), weightedLatenessChange: wlChange))
            }
        }
        changes.sort { x, y in
            abs(x.weightedLatenessChange) != abs(y.weightedLatenessChange)
                ? abs(x.weightedLatenessChange) > abs(y.weightedLatenessChange) : x.demand < y.demand
        }
        objectiveBefore = evaluator.objective(a)
        objectiveAfter = evaluator.objective(b)
        demands = changes
        laterCount = changes.filter { $0.delayChangeMonths > 0 }.count
        earlierCount = changes.filter { $0.delayChangeMonths < 0 }.count
        nations = byNation.keys.sorted().map { key in
            var (n, weightedMonths, units) = byNation[key]!
            n.meanDelayChangeMonths = units > 0 ? Quantity.snap(weightedMonths / units) : 0
            n.weightedLatenessBefore = Quantity.snap(n.weightedLatenessBefore)
            n.weightedLatenessAfter = Quantity.snap(n.weightedLatenessAfter)
            n.onTimeUnitsBefore = Quantity.snap(n.onTimeUnitsBefore)
            n.onTimeUnitsAfter = Quantity.snap(n.onTimeUnitsAfter)
            n.unservedUnitsBefore = Quantity.snap(n.unservedUnitsBefore)
            n.unservedUnitsAfter = Quantity.snap(n.unservedUnitsAfter)
            return n
        }
    }
}
