import RampartCore
import Testing

@Suite struct RunComparisonTests {
    static func outcome(_ demand: String, _ nation: String = "FR", weighted: Double, last: Int? = 5) -> RunComparison.Outcome {
        RunComparison.Outcome(
            demand: demand, nation: nation, qty: 10, dueMonth: 3, lastDeliveryMonth: last, weightedLateness: weighted, onTimeUnits: 5,
            unservedUnits: 0)
    }

    @Test func namesWhatGotLaterEarlierNewAndGoneLargestChangeFirst() {
        // setup: A later by 30, B earlier by 5, C the same, D withdrawn (had 8), E new (has 2)
        let before = [
            Self.outcome("A", weighted: 10), Self.outcome("B", weighted: 20), Self.outcome("C", weighted: 7),
            Self.outcome("D", "PL", weighted: 8),
        ]
        let after = [
            Self.outcome("A", weighted: 40), Self.outcome("B", weighted: 15), Self.outcome("C", weighted: 7),
            Self.outcome("E", "PL", weighted: 2),
        ]

        // MUT
        let comparison = RunComparison(before: before, after: after)

        // validate
        #expect(comparison.demands.map(\.demand) == ["A", "D", "B", "E"])
        #expect(comparison.demands.map(\.change) == [.later, .removed, .earlier, .added])
        #expect(comparison.demands.map(\.weightedLatenessChange) == [30, -8, -5, 2])
        #expect(comparison.unchangedCount == 1)
        let fr = comparison.nations.first { $0.nation == "FR" }
        #expect(fr?.weightedLatenessBefore == 37 && fr?.weightedLatenessAfter == 62)
        #expect(fr?.later == 1 && fr?.earlier == 1)
        #expect(comparison.nations.map(\.nation) == ["FR", "PL"])
    }

    @Test func roundingIsNotAChange() {
        let comparison = RunComparison(before: [Self.outcome("A", weighted: 0.1 + 0.2)], after: [Self.outcome("A", weighted: 0.3)])
        #expect(comparison.demands.isEmpty && comparison.unchangedCount == 1)
    }
}
