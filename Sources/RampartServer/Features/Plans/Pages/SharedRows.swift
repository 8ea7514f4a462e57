/// One plan run as the dashboard, the plans list and the plan page show it.
struct PlanRunRow: Sendable {
    var id: String
    var status: PlanRunStatus
    /// 0...1
    var progress: Double
    var phase: String
    var createdAt: String
    var requestedBy: String?
    var weightedLateness: Double?
    var onTimeUnits: Double?
    var lateUnits: Double?
    var unservedUnits: Double?
    var error: String?

    var isActive: Bool { status.isActive }

    var isFailed: Bool { status == .failed }
}

/// A nation's share of a plan's outcome, in units.
struct NationOutcomeRow: Sendable {
    var nation: String
    var demanded: Double
    var onTime: Double
    var late: Double
    var unserved: Double
    var weightedLateness: Double
}
