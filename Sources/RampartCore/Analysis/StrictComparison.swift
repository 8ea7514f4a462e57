/// How the demands of one priority fare in a plan: what `--against-strict` sets side by side for a weighted plan and
/// the strict plan of the same scenario.
public struct PriorityOutcome: Codable, Sendable, Equatable {
    public var weightedLateness: Double
    public var lateUnits: Double
    public var unservedUnits: Double

    public init(weightedLateness: Double, lateUnits: Double, unservedUnits: Double) {
        self.weightedLateness = weightedLateness
        self.lateUnits = lateUnits
        self.unservedUnits = unservedUnits
    }
}

/// One priority level in a weighted plan and in the strict plan. Where the weighted plan's weighted lateness is
/// higher, that priority gave something up for the lower ones; where it is lower, it gained.
public struct PriorityComparison: Codable, Sendable, Equatable {
    public var priority: Int
    public var demandedUnits: Double
    public var weightedPlan: PriorityOutcome
    public var strictPlan: PriorityOutcome

    public init(priority: Int, demandedUnits: Double, weightedPlan: PriorityOutcome, strictPlan: PriorityOutcome) {
        self.priority = priority
        self.demandedUnits = demandedUnits
        self.weightedPlan = weightedPlan
        self.strictPlan = strictPlan
    }

    /// Weighted lateness of the weighted plan less the strict plan's: above 0, given up; below 0, gained.
    public var weightedLatenessGivenUp: Double { Quantity.snap(weightedPlan.weightedLateness - strictPlan.weightedLateness) }

    /// Every priority that has demands, 1 first, from the two plans' deliveries (`PlanEvaluator`).
    public static func compare(scenario: Scenario, weighted: Plan, strict: Plan) -> [PriorityComparison] {
        let evaluator = PlanEvaluator(scenario: scenario)
        let a = evaluator.byPriority(evaluator.outcomes(of: weighted))
        let b = evaluator.byPriority(evaluator.outcomes(of: strict))
        return a.keys.sorted().map { p in
            PriorityComparison(priority: p, demandedUnits: a[p]!.demanded, weightedPlan: a[p]!.outcome, strictPlan: b[p]!.outcome)
        }
    }
}

extension PlanEvaluator {
    /// Per priority of the scenario's demands: units demanded and how they fare.
    func byPriority(_ outcomes: [DemandOutcome]) -> [Int: (demanded: Double, outcome: PriorityOutcome)] {
        var levels: [Int: (demanded: Double, outcome: PriorityOutcome)] = [:]
        for o in outcomes {
            var entry = levels[o.demand.priority] ?? (0, PriorityOutcome(weightedLateness: 0, lateUnits: 0, unservedUnits: 0))
            entry.demanded += o.demand.qty
            entry.outcome.weightedLateness += o.weightedLateness
            entry.outcome.lateUnits += o.late
            entry.outcome.unservedUnits += o.unserved
            levels[o.demand.priority] = entry
        }
        for (p, entry) in levels {
            levels[p] = (
                Quantity.snap(entry.demanded),
                PriorityOutcome(
                    weightedLateness: Quantity.snap(entry.outcome.weightedLateness),
                    lateUnits: Quantity.snap(entry.outcome.lateUnits), unservedUnits: Quantity.snap(entry.outcome.unservedUnits))
            )
        }
        return levels
    }
}
