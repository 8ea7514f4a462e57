/// How one demand fares in a plan, as the objective counts it (`PlanEvaluator.outcomes(of:)` computes it, from the
/// plan's deliveries alone): the one outcome of a demand that planner, reports, comparisons and the server use.
public struct DemandOutcome: Sendable, Equatable {
    public var demand: Demand
    public var delivered: Double
    public var onTime: Double
    public var late: Double
    /// Sum of months late × units.
    public var lateUnitMonths: Double
    public var unserved: Double
    public var completionMonth: Int?
    public var weightedLateness: Double
}
