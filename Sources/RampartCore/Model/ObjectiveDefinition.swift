/// What "a better plan" means (`planning-model.md`, "Objective"), defined once for the planner, the evaluator, the LP
/// export and the comparison of two plans:
///
///     w(d) × ( Σ max(0, t − due) × delivered[t]  +  (horizonMonths − due + 12) × unserved )
public enum ObjectiveDefinition {
    /// Weight of one unit-month of lateness: 16, 8, 4, 2, 1 for priorities 1...5 (out-of-range priorities clamp).
    public static func weight(priority: Int) -> Double {
        Double(1 << (5 - min(max(priority, 1), 5)))
    }

    /// Months beyond the horizon's end that an unserved unit is charged, on top of the months from its due month
    /// to that end.
    public static let unservedMonthsPastHorizon = 12

    /// Months late charged for each unit never delivered: `horizonMonths − due + 12`.
    public static func unservedMonths(horizon: Int, due: Int) -> Double {
        Double(horizon - due + unservedMonthsPastHorizon)
    }

    /// Unit-months late of one demand (or group of demands) before weighting: its late deliveries' months late times
    /// units (`lateUnitMonths`), plus the charge for what is never delivered.
    public static func lateness(lateUnitMonths: Double, unserved: Double, horizon: Int, due: Int) -> Double {
        lateUnitMonths + unservedMonths(horizon: horizon, due: due) * unserved
    }

    /// The weighted lateness of one demand (or group): `weight × lateness`.
    public static func weightedLateness(
        weight: Double, lateUnitMonths: Double, unserved: Double, horizon: Int, due: Int
    ) -> Double {
        weight * lateness(lateUnitMonths: lateUnitMonths, unserved: unserved, horizon: horizon, due: due)
    }
}

/// The objective a plan aims at. `weighted` is the contract's (planning-model.md): the least weighted lateness, where
/// a unit of priority 1 late a month costs 16 and of priority 5 costs 1, so the plan may delay a higher priority to
/// save more at a lower one. `strict` is lexicographic by priority: the least weighted lateness of priority 1, then,
/// among such plans, of priority 2, and so on; a higher priority never gives anything up for a lower one.
public enum PlanObjective: String, Codable, Sendable, CaseIterable {
    case weighted
    case strict

    /// The relative tolerance within which two objective values are equal.
    static let tolerance = 1e-9

    /// Whether a plan of weighted lateness `total` and `byPriority` (weighted lateness of priorities 1...5, in
    /// order) is better than another one's, under this objective.
    public func isBetter(total: Double, byPriority: [Double], than other: (total: Double, byPriority: [Double])) -> Bool {
        switch self {
        case .weighted:
            return total < other.total - Self.tolerance * max(1, other.total)
        case .strict:
            for (a, b) in zip(byPriority, other.byPriority) {
                let slack = Self.tolerance * max(1, b)
                if a < b - slack { return true }
                if a > b + slack { return false }
            }
            return false
        }
    }

    /// What one unit-month of lateness of a priority counts when the planner trades units between demands: the
    /// contract's weight for `weighted`; for `strict`, a weight a million times that of the priority below, so that no
    /// saving at a lower priority can pay for a month lost at a higher one.
    public func tradeWeight(priority: Int) -> Double {
        switch self {
        case .weighted: return ObjectiveDefinition.weight(priority: priority)
        case .strict: return Self.strictBase[min(max(priority, 1), 5) - 1]
        }
    }

    private static let strictBase: [Double] = [1e24, 1e18, 1e12, 1e6, 1]

    /// Priorities 1...5: the levels the strict objective takes in order.
    public static let priorities = 1...5
}
