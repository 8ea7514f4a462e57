import RampartCore

/// One plan run as the dashboard, the plans list and the plan page show it.
struct PlanRunRow: Sendable {
    var id: String
    /// "Run 14"; runs without a number are named by their id.
    var number: Int? = nil
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
    /// What the run aims at.
    var objective: PlanObjective = .weighted

    var isActive: Bool { status.isActive }

    /// How people name the run: "Run 14".
    var name: String { number.map { "Run \($0)" } ?? "Run \(id.prefix(8))" }

    /// "Run 14, 2026-12-01 07:52 UTC, by Demo staff".
    var title: String {
        [name, createdAt.isEmpty ? nil : createdAt, requestedBy.map { "by \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }

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
    /// Mean months late of the units delivered late.
    var meanDelayMonths: Double? = nil
    /// Its demands counted by outcome (absent in runs stored before summaries counted them).
    var demands: PlanRunSummary.DemandCounts? = nil
}

/// One class or item in a run, for the nations the reader may see: units added up only within it.
struct TargetOutcomeRow: Sendable {
    var target: String
    var demands: PlanRunSummary.DemandCounts
    var qty: Double
    var onTime: Double
    var late: Double
    var unserved: Double
    var weightedLateness: Double
}
