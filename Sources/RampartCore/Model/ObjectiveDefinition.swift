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
