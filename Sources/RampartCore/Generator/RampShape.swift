extension ScenarioGenerator {
    /// A ramp-up schedule before it is sized: step months and levels relative to the first step.
    struct RampShape {
        var months: [Int]
        var levels: [Double]

        /// 2 to 4 steps from `start`, 6 to 24 months apart, growing 1.5 to 4 times in all
        /// (fewer steps when the horizon ends first).
        static func draw(start: Int, horizon: Int, rng: inout SeededRandom) -> RampShape {
            let stepCount = rng.int(in: 2...4)
            let growth = rng.double(in: 1.5...4.0)
            var months = [start]
            var month = start
            while months.count < stepCount {
                month += rng.int(in: 6...24)
                if month >= horizon { break }
                months.append(month)
            }
            var levels = [1.0]
            for j in 1..<max(1, months.count) {
                let fraction = Double(j) / Double(months.count - 1)
                let jittered = j == months.count - 1 ? 1 : min(1, fraction * rng.double(in: 0.7...1.3))
                levels.append(max(levels[j - 1], 1 + (growth - 1) * jittered))
            }
            return RampShape(months: months, levels: levels)
        }

        func scaled(_ factor: Double) -> RampShape {
            RampShape(months: months, levels: levels.map { $0 * factor })
        }

        /// Whole units per month, at least 1.
        var steps: [CapacityStep] {
            ScenarioGenerator.increasing(zip(months, levels).map { CapacityStep(from: $0, perMonth: max(1, $1.rounded())) })
        }

        func monthly(horizon: Int) -> [Double] {
            ScenarioGenerator.monthly(zip(months, levels).map { CapacityStep(from: $0, perMonth: $1) }, horizon: horizon)
        }
    }

    /// Drops steps that do not raise the capacity.
    static func increasing(_ steps: [CapacityStep]) -> [CapacityStep] {
        var kept: [CapacityStep] = []
        for step in steps where kept.last.map({ step.perMonth > $0.perMonth }) ?? true { kept.append(step) }
        return kept
    }

    /// Capacity month by month of a step schedule whose steps are in increasing `from` order.
    static func monthly(_ steps: [CapacityStep], horizon: Int) -> [Double] {
        var values = Array(repeating: 0.0, count: horizon)
        for (j, step) in steps.enumerated() {
            let end = j + 1 < steps.count ? min(horizon, steps[j + 1].from) : horizon
            if step.from < end {
                for t in step.from..<end { values[t] = step.perMonth }
            }
        }
        return values
    }

    /// Units started in months 0...`month - lead`, that is, available by the end of `month`.
    static func available(_ monthly: [Double], lead: Int, through month: Int) -> Double {
        let last = min(month - lead, monthly.count - 1)
        guard last >= 0 else { return 0 }
        return monthly[0...last].reduce(0, +)
    }
}
