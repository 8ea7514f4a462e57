/// A validated scenario turned into integer-indexed arrays for the planner.
struct PlanningProblem: Sendable {
    enum SourceKind: Sendable { case line, supply }

    struct Source: Sendable {
        var kind: SourceKind
        var id: String
        var item: Int
        var leadTime: Int
        /// Capacity per month, `horizon` entries.
        var capacity: [Double]
    }

    struct Component: Sendable {
        var item: Int
        var qty: Double
    }

    struct DemandInfo: Sendable {
        var id: String
        var nation: String
        /// Item id, the class name for a class demand, or the target's key for a list of items.
        var target: String
        /// `DemandTarget.key`: unique to the target.
        var targetKey: String
        /// Whether the demand may take any of several items (a class or a list).
        var isClass: Bool
        var items: [Int]
        var qty: Double
        var due: Int
        var priority: Int
        var weight: Double
    }

    let scenario: Scenario
    let horizon: Int
    let itemIDs: [String]
    let itemIndex: [String: Int]
    let bom: [[Component]]
    var sources: [Source]
    let sourcesByItem: [[Int]]
    let initialStock: [Double]
    let demands: [DemandInfo]
    /// Per item: units demanded by demands naming it, over its capacity in the horizon plus stock.
    let itemContention: [Double]

    // Flat copies of the above for the allocator's inner loops.
    let sourceLeadTime: [Int]
    let sourceItem: [Int]
    let sourceIsLine: [Bool]
    /// Sources of item i: `itemSources[itemSourceStart[i] ..< itemSourceStart[i + 1]]`.
    let itemSourceStart: [Int]
    let itemSources: [Int]
    /// Components of item i: `bomItem/bomQty[bomStart[i] ..< bomStart[i + 1]]`.
    let bomStart: [Int]
    let bomItem: [Int]
    let bomQty: [Double]

    init(_ scenario: Scenario) {
        self.scenario = scenario
        horizon = scenario.horizonMonths
        itemIDs = scenario.items.map(\.id)
        var index: [String: Int] = [:]
        index.reserveCapacity(itemIDs.count)
        for (i, id) in itemIDs.enumerated() where index[id] == nil { index[id] = i }
        itemIndex = index

        bom = scenario.items.map { item in
            item.bom.compactMap { entry in index[entry.item].map { Component(item: $0, qty: entry.qty) } }
        }

        var sources: [Source] = []
        sources.reserveCapacity(scenario.lines.count + scenario.supplies.count)
        let horizon = scenario.horizonMonths
        for line in scenario.lines {
            guard let item = index[line.item] else { continue }
            sources.append(
                Source(
                    kind: .line, id: line.id, item: item, leadTime: line.leadTimeMonths,
                    capacity: Self.monthly(line.capacity, horizon: horizon)))
        }
        for supply in scenario.supplies {
            guard let item = index[supply.item] else { continue }
            sources.append(
                Source(
                    kind: .supply, id: supply.id, item: item, leadTime: supply.leadTimeMonths,
                    capacity: Self.monthly(supply.capacity, horizon: horizon)))
        }
        self.sources = sources
        var byItem = [[Int]](repeating: [], count: itemIDs.count)
        for (s, source) in sources.enumerated() { byItem[source.item].append(s) }
        sourcesByItem = byItem

        sourceLeadTime = sources.map(\.leadTime)
        sourceItem = sources.map(\.item)
        sourceIsLine = sources.map { $0.kind == .line }
        itemSourceStart = byItem.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        itemSources = byItem.flatMap { $0 }
        bomStart = bom.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        bomItem = bom.flatMap { $0.map(\.item) }
        bomQty = bom.flatMap { $0.map(\.qty) }

        var stock = [Double](repeating: 0, count: itemIDs.count)
        for entry in scenario.stocks { if let i = index[entry.item] { stock[i] += entry.qty } }
        initialStock = stock

        var classItems: [String: [Int]] = [:]
        for (i, item) in scenario.items.enumerated() {
            if let cls = item.itemClass { classItems[cls, default: []].append(i) }
        }
        demands = scenario.demands.map { d in
            let target = d.target.canonical
            let name: String
            if case .items = target { name = target.key } else { name = target.name }
            return DemandInfo(
                id: d.id, nation: d.nation, target: name, targetKey: target.key, isClass: target.offersChoice,
                items: target.eligibleItems(itemIndex: index, classItems: classItems),
                qty: d.qty, due: d.dueMonth, priority: d.priority, weight: d.weight)
        }
        itemContention = Self.contention(demands: demands, sources: sources, stock: stock, items: itemIDs.count)
    }

    static func contention(demands: [DemandInfo], sources: [Source], stock: [Double], items: Int) -> [Double] {
        var wanted = [Double](repeating: 0, count: items)
        for d in demands where !d.isClass { for i in d.items { wanted[i] += d.qty } }
        var supply = stock
        for source in sources { supply[source.item] += source.capacity.reduce(0, +) }
        return (0..<items).map { wanted[$0] / max(1, supply[$0]) }
    }

    /// Expands a step schedule into one capacity per month.
    static func monthly(_ steps: [CapacityStep], horizon: Int) -> [Double] {
        var result = [Double](repeating: 0, count: max(horizon, 0))
        let sorted = steps.sorted { $0.from < $1.from }
        for (k, step) in sorted.enumerated() {
            let start = max(step.from, 0)
            let end = k + 1 < sorted.count ? min(sorted[k + 1].from, horizon) : horizon
            if start < end { for t in start..<end { result[t] = step.perMonth } }
        }
        return result
    }
}
