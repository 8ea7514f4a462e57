extension ScenarioGenerator {
    /// The generated demands, and per class the quantity falling due in each month.
    struct DemandBook {
        var demands: [Demand] = []
        var dueByClass: [[Double]]
    }

    enum DemandBuilder {
        /// Relative frequency of priorities 1...5: priority 1 is the rarest.
        static let priorityWeights = [1.0, 2.0, 3.0, 2.5, 1.5]
        static let itemNamedShare = 0.25

        static func build(
            count: Int, classes: [GeneratedClass], horizon: Int, rng: inout SeededRandom
        ) -> DemandBook {
            var book = DemandBook(dueByClass: Array(repeating: Array(repeating: 0, count: horizon), count: classes.count))
            book.demands.reserveCapacity(count)
            let classSums = runningSums(classes.map(\.demandWeight))
            let nationSums = runningSums(nations.map(\.weight))
            let prioritySums = runningSums(priorityWeights)
            var ids = IdCounter()
            for n in 0..<count {
                // The first 32 demands go one to each Ally, so every nation is present at any scale.
                let nation = n < nations.count ? nations[n].code : nations[rng.index(cumulative: nationSums)].code
                let c = rng.index(cumulative: classSums)
                let generated = classes[c]
                let due = dueMonth(horizon: horizon, rng: &rng)
                let qty = quantity(generated.family, rng: &rng)
                let priority = rng.index(cumulative: prioritySums) + 1
                let namesItem = rng.chance(itemNamedShare)
                let item = namesItem ? rng.pick(generated.variants) : nil
                book.demands.append(
                    Demand(
                        id: ids.id(prefix: "D", country: nation, width: 6), nation: nation, item: item,
                        itemClass: namesItem ? nil : generated.id, qty: qty, dueMonth: due, priority: priority))
                book.dueByClass[c][due] += qty
            }
            return book
        }

        /// Half uniform over the horizon, half the product of two uniforms (dense near the start):
        /// about 40 % of the demands fall due in the first quarter.
        static func dueMonth(horizon: Int, rng: inout SeededRandom) -> Int {
            let first = min(3, horizon - 1)
            let x = rng.chance(0.5) ? rng.unit() : rng.unit() * rng.unit()
            return min(horizon - 1, first + Int(x * Double(horizon - first)))
        }

        /// Skewed towards the small end of the family's range, in whole multiples of its unit.
        static func quantity(_ family: FamilySpec, rng: inout SeededRandom) -> Double {
            let low = Double(family.demandQty.lowerBound)
            let high = Double(family.demandQty.upperBound)
            let raw = low + (high - low) * rng.unit() * rng.unit()
            let unit = Double(family.qtyUnit)
            return max(unit, (raw / unit).rounded() * unit)
        }
    }
}
