extension ScenarioGenerator {
    /// Collects lines, supplies and stocks, and tracks for every item what the lines already
    /// made would consume of it each month (`requirement`), to size its own sources.
    struct NetworkBuilder {
        let horizon: Int
        let breadth: Int
        let items: [Item]
        let indexOf: [String: Int]
        /// BOM by item index: (component index, qty).
        let bom: [[(child: Int, qty: Double)]]
        var requirement: [[Double]]
        var lines: [Line] = []
        var supplies: [Supply] = []
        var stocks: [Stock] = []
        private var lineIds = IdCounter()
        private var supplyIds = IdCounter()

        init(items: [Item], horizon: Int, breadth: Int) {
            self.horizon = horizon
            self.breadth = breadth
            self.items = items
            let indexOf = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($0.element.id, $0.offset) })
            self.indexOf = indexOf
            bom = items.map { item in item.bom.map { (indexOf[$0.item]!, $0.qty) } }
            requirement = Array(repeating: Array(repeating: 0, count: horizon), count: items.count)
        }

        mutating func addLine(item: Int, country: String, lead: Int, steps: [CapacityStep], rng: inout SeededRandom) {
            let producer = "Producer \(country)-\(rng.int(in: 1...(3 * breadth)))"
            lines.append(
                Line(
                    id: lineIds.id(prefix: "L", country: country, width: 4), producer: producer, country: country,
                    item: items[item].id, leadTimeMonths: lead, capacity: steps))
            let capacity = ScenarioGenerator.monthly(steps, horizon: horizon)
            for (child, qty) in bom[item] {
                for t in 0..<horizon { requirement[child][t] += qty * capacity[t] }
            }
        }

        mutating func addSupply(item: Int, supplier: String, country: String, lead: Int, steps: [CapacityStep]) {
            supplies.append(
                Supply(
                    id: supplyIds.id(prefix: "S", country: country, width: 4), supplier: supplier, country: country,
                    item: items[item].id, leadTimeMonths: lead, capacity: steps))
        }

        mutating func addStock(item: Int, qty: Double) {
            if qty >= 1 { stocks.append(Stock(item: items[item].id, qty: qty.rounded())) }
        }
    }
}
