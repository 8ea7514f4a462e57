extension ScenarioGenerator.NetworkBuilder {
    private struct SourceDraft {
        let isLine: Bool
        let country: String
        let supplier: String?
        let lead: Int
        let start: Int
        let weight: Double
    }

    /// Lines and supplies for components and materials, parents before children, each sized
    /// from what the lines of its parents consume (`requirement`), shifted by its lead time.
    /// Components get 15-50 % headroom; materials take theirs from `earlySlack` before month 24
    /// (below 1 for TNT and ammonium perchlorate: an early bottleneck) and 15-35 % after.
    mutating func addUpstreamSources(
        catalogue: ScenarioGenerator.Catalogue, rng: inout ScenarioGenerator.SeededRandom
    ) {
        for item in topologicalOrder() where items[item].kind != .end {
            let id = items[item].id
            let sources: [SourceDraft]
            let early: Double
            let late: Double
            if let spec = catalogue.materialSpecs[id] {
                sources = materialSources(spec, rng: &rng)
                early = rng.double(in: spec.earlySlack)
                late = rng.double(in: 1.15...1.35)
            } else if let spec = catalogue.componentSpecs[id] {
                sources = componentSources(spec, rng: &rng)
                early = rng.double(in: 1.15...1.5)
                late = early
            } else {
                continue
            }
            addSized(item: item, sources: sources, early: early, late: late, rng: &rng)
        }
    }

    private func materialSources(
        _ spec: ScenarioGenerator.MaterialSpec, rng: inout ScenarioGenerator.SeededRandom
    ) -> [SourceDraft] {
        if spec.isConcentrated {
            return spec.sources.map { source in
                SourceDraft(
                    isLine: false, country: source.country, supplier: "Supplier \(source.country)-\(spec.id)",
                    lead: rng.int(in: spec.leadTime), start: min(horizon - 1, rng.int(in: source.start)),
                    weight: source.share)
            }
        }
        return (0..<(spec.rows * breadth)).map { row in
            SourceDraft(
                isLine: false, country: rng.pick(spec.pool), supplier: nil, lead: rng.int(in: spec.leadTime),
                start: row > 0 && rng.chance(0.3) ? min(horizon - 1, rng.int(in: 12...48)) : 0,
                weight: rng.double(in: 0.5...1.5))
        }
    }

    private func componentSources(
        _ spec: ScenarioGenerator.ComponentSpec, rng: inout ScenarioGenerator.SeededRandom
    ) -> [SourceDraft] {
        let lineCount: Int
        let supplyCount: Int
        switch spec.sourcing {
        case .made: (lineCount, supplyCount) = (rng.chance(0.15) ? 2 : 1, 0)
        case .mixed: (lineCount, supplyCount) = (rng.chance(0.2) ? 2 : 1, 1)
        case .bought: (lineCount, supplyCount) = (0, rng.chance(0.3) ? 2 : 1)
        }
        let buyLead = (spec.leadTime.lowerBound + 1)...(spec.leadTime.upperBound + 2)
        return (0..<(lineCount + supplyCount)).map { n in
            SourceDraft(
                isLine: n < lineCount, country: rng.pick(spec.countries), supplier: nil,
                lead: rng.int(in: n < lineCount ? spec.leadTime : buyLead),
                start: n > 0 && rng.chance(0.3) ? min(horizon - 1, rng.int(in: 12...48)) : 0,
                weight: rng.double(in: 0.5...1.5))
        }
    }

    private mutating func addSized(
        item: Int, sources: [SourceDraft], early: Double, late: Double, rng: inout ScenarioGenerator.SeededRandom
    ) {
        let need = requirement[item]
        var activeWeight = Array(repeating: 0.0, count: horizon)
        for source in sources {
            for t in source.start..<horizon { activeWeight[t] += source.weight }
        }
        for source in sources {
            let months = RampShape.draw(start: source.start, horizon: horizon, rng: &rng).months
            var steps: [CapacityStep] = []
            var level = 0.0
            for (j, from) in months.enumerated() {
                let end = j + 1 < months.count ? months[j + 1] : horizon
                for t in from..<end {
                    let slack = t < 24 ? early : late
                    let share = source.weight / activeWeight[t]
                    level = max(level, slack * share * need[min(t + source.lead, horizon - 1)])
                }
                steps.append(CapacityStep(from: from, perMonth: max(1, level.rounded(.up))))
            }
            steps = ScenarioGenerator.increasing(steps)
            if source.isLine {
                addLine(item: item, country: source.country, lead: source.lead, steps: steps, rng: &rng)
            } else {
                let supplier = source.supplier ?? "Supplier \(source.country)-\(rng.int(in: 1...(3 * breadth)))"
                addSupply(item: item, supplier: supplier, country: source.country, lead: source.lead, steps: steps)
            }
        }
        if rng.chance(0.8) {
            let cover = min(horizon - 1, sources.map(\.lead).max() ?? 0)
            addStock(item: item, qty: need[0...cover].reduce(0, +) * rng.double(in: 0.8...1.2))
        }
    }

    /// Items ordered so that every item comes after all items whose BOM names it.
    private func topologicalOrder() -> [Int] {
        var parents = Array(repeating: 0, count: items.count)
        for entries in bom {
            for (child, _) in entries { parents[child] += 1 }
        }
        var order = (0..<items.count).filter { parents[$0] == 0 }
        var next = 0
        while next < order.count {
            for (child, _) in bom[order[next]] {
                parents[child] -= 1
                if parents[child] == 0 { order.append(child) }
            }
            next += 1
        }
        return order
    }
}
