extension ScenarioGenerator.NetworkBuilder {
    typealias RampShape = ScenarioGenerator.RampShape

    /// Months over which demand outruns capacity: the due demand is 1.6 to 2.4 times what the
    /// class's lines (plus stock) can deliver by then.
    static let earlyWindow = 30
    static let earlyShortfall: ClosedRange<Double> = 1.6...2.4
    /// By this month the lines have caught up with 110 % of the demand due so far, and over the
    /// horizon they can make 125 % of all of it, so the backlog clears.
    static let catchUpMonth = 84

    private struct Draft {
        let item: Int
        let country: String
        let lead: Int
        var shape: RampShape
    }

    /// Lines for the end items of each class, sized from the class's demand.
    mutating func addEndItemLines(
        classes: [ScenarioGenerator.GeneratedClass], dueByClass: [[Double]], rng: inout ScenarioGenerator.SeededRandom
    ) {
        for (generated, due) in zip(classes, dueByClass) {
            addLines(for: generated, due: due, rng: &rng)
        }
    }

    private mutating func addLines(
        for generated: ScenarioGenerator.GeneratedClass, due: [Double], rng: inout ScenarioGenerator.SeededRandom
    ) {
        let family = generated.family
        var drafts: [Draft] = []
        for variant in generated.variants {
            for _ in 0..<(rng.chance(0.5) ? 2 : 1) {
                let isNew = !drafts.isEmpty && rng.chance(0.25)
                let start = isNew ? min(horizon - 1, rng.int(in: 12...48)) : 0
                let shape = RampShape.draw(start: start, horizon: horizon, rng: &rng).scaled(rng.double(in: 0.5...1.5))
                drafts.append(
                    Draft(
                        item: indexOf[variant]!, country: rng.pick(family.countries),
                        lead: rng.int(in: family.leadTime), shape: shape))
            }
        }

        let window = min(Self.earlyWindow, horizon)
        let dueEarly = due[0..<window].reduce(0, +)
        let dueTotal = due.reduce(0, +)
        var stock = 0.0
        if rng.chance(0.5) {
            stock = (dueEarly * rng.double(in: 0.05...0.15)).rounded()
            addStock(item: indexOf[rng.pick(generated.variants)]!, qty: stock)
        }
        func availableBy(_ month: Int, _ drafts: [Draft]) -> Double {
            drafts.reduce(0) {
                $0 + ScenarioGenerator.available($1.shape.monthly(horizon: horizon), lead: $1.lead, through: month)
            }
        }

        let earlyAvailable = availableBy(window - 1, drafts)
        let totalAvailable = availableBy(horizon - 1, drafts)
        let factor: Double
        if dueEarly > 0, earlyAvailable > 0 {
            factor = max(dueEarly / rng.double(in: Self.earlyShortfall) - stock, 1) / earlyAvailable
        } else if dueTotal > 0, totalAvailable > 0 {
            factor = 1.3 * dueTotal / totalAvailable
        } else {
            factor = Double(family.demandQty.upperBound) / 10
        }
        drafts = drafts.map { Draft(item: $0.item, country: $0.country, lead: $0.lead, shape: $0.shape.scaled(factor)) }

        let checkpoint = min(Self.catchUpMonth, horizon - 1)
        let catchUpGap = 1.1 * due[0...checkpoint].reduce(0, +) - stock - availableBy(checkpoint, drafts)
        let totalGap = 1.25 * dueTotal - stock - availableBy(horizon - 1, drafts)
        if max(catchUpGap, totalGap) > 0 {
            let start = min(horizon - 1, rng.int(in: 24...40))
            let shape = RampShape.draw(start: start, horizon: horizon, rng: &rng)
            var extra = Draft(
                item: indexOf[rng.pick(generated.variants)]!, country: rng.pick(family.countries),
                lead: rng.int(in: family.leadTime), shape: shape)
            let atCheckpoint = availableBy(checkpoint, [extra])
            let atEnd = availableBy(horizon - 1, [extra])
            var size = 0.0
            if atCheckpoint > 0 { size = max(size, catchUpGap / atCheckpoint) }
            if atEnd > 0 { size = max(size, totalGap / atEnd) }
            if size > 0 {
                extra.shape = shape.scaled(size)
                drafts.append(extra)
            }
        }

        for draft in drafts {
            addLine(item: draft.item, country: draft.country, lead: draft.lead, steps: draft.shape.steps, rng: &rng)
        }
    }
}
