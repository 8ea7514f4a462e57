/// One percentage across a plan run's phases, which the planner reports each from 0 to 1: each phase owns a share of
/// the bar, in the order they come, so the bar only moves forward. Storing the results takes the last share.
enum PlanProgress {
    /// Each phase of `Planner.plan` with where its share ends (the previous one's end is where it starts).
    static let phases: [(name: String, end: Double)] = [
        ("indexing", 0.02), ("planning", 0.45), ("improving the plan", 0.55), ("building the plan", 0.60), ("summarising", 0.63),
        ("explaining delays", 0.70), ("ranking bottlenecks", 0.85),
    ]
    /// Storing each demand's result and the plan file: from the last phase's end to 1.
    static let storingStart = 0.85

    /// The whole run's progress at `fraction` of `phase`; an unknown phase stays where the bar was.
    static func overall(phase: String, fraction: Double, after previous: Double) -> Double {
        guard let index = phases.firstIndex(where: { $0.name == phase }) else { return previous }
        let start = index == 0 ? 0 : phases[index - 1].end
        let value = start + (phases[index].end - start) * min(1, max(0, fraction))
        return max(previous, value)
    }

    /// While storing: `done` of `total` rows written.
    static func storing(done: Int, total: Int) -> Double {
        storingStart + (0.99 - storingStart) * (total == 0 ? 1 : Double(done) / Double(total))
    }
}
