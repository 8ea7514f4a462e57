@testable import RampartCore

/// The scenario rules of planning-model.md, checked independently of `Scenario.validationIssues()`,
/// plus the shape the generator promises (BOM depth, sources for every consumed item).
enum StructureCheck {
    static let allies: Set<String> = Set(Alliance.allies.map(\.code))

    static func problems(_ s: Scenario) -> [String] {
        var problems: [String] = []
        func duplicates(_ ids: [String], _ what: String) {
            var seen: Set<String> = []
            for id in ids where !seen.insert(id).inserted { problems.append("duplicate \(what) \(id)") }
        }
        duplicates(s.items.map(\.id), "item")
        duplicates(s.lines.map(\.id), "line")
        duplicates(s.supplies.map(\.id), "supply")
        duplicates(s.demands.map(\.id), "demand")

        let items = Dictionary(s.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let classes = Set(s.items.compactMap(\.itemClass))
        let months = 0..<s.horizonMonths
        func quantity(_ q: Double, _ at: String, positive: Bool = false) {
            if !q.isFinite || q < 0 || (positive && q == 0) { problems.append("\(at): bad quantity \(q)") }
        }

        for item in s.items {
            if item.kind == .material && !item.bom.isEmpty { problems.append("material \(item.id) has a BOM") }
            if item.kind == .end && item.itemClass == nil { problems.append("end item \(item.id) has no class") }
            for entry in item.bom {
                if items[entry.item] == nil { problems.append("\(item.id): unknown component \(entry.item)") }
                if items[entry.item]?.kind == .end { problems.append("\(item.id): end item \(entry.item) in a BOM") }
                quantity(entry.qty, "\(item.id) bom \(entry.item)", positive: true)
            }
        }
        problems += cycleProblems(s)

        func schedule(_ steps: [CapacityStep], _ at: String) {
            if steps.isEmpty { problems.append("\(at): no capacity steps") }
            for (j, step) in steps.enumerated() {
                if !months.contains(step.from) { problems.append("\(at): step month \(step.from) outside horizon") }
                if j > 0 && step.from <= steps[j - 1].from { problems.append("\(at): step months not increasing") }
                quantity(step.perMonth, at)
            }
        }
        for line in s.lines {
            if items[line.item] == nil { problems.append("\(line.id): unknown item \(line.item)") }
            if items[line.item]?.kind == .material { problems.append("\(line.id): material made on a line") }
            if line.leadTimeMonths < 0 { problems.append("\(line.id): negative lead time") }
            schedule(line.capacity, line.id)
        }
        for supply in s.supplies {
            if items[supply.item] == nil { problems.append("\(supply.id): unknown item \(supply.item)") }
            if supply.leadTimeMonths < 0 { problems.append("\(supply.id): negative lead time") }
            schedule(supply.capacity, supply.id)
        }
        for stock in s.stocks {
            if items[stock.item] == nil { problems.append("stock of unknown item \(stock.item)") }
            quantity(stock.qty, "stock \(stock.item)")
        }
        for d in s.demands {
            switch (d.item, d.itemClass, d.items) {
            case (let item?, nil, nil):
                if items[item]?.kind != .end { problems.append("\(d.id): \(item) is not an end item") }
            case (nil, let c?, nil):
                if !classes.contains(c) { problems.append("\(d.id): unknown class \(c)") }
            case (nil, nil, let listed?):
                if listed.isEmpty || Set(listed).count != listed.count { problems.append("\(d.id): items not distinct") }
                for item in listed where items[item]?.kind != .end { problems.append("\(d.id): \(item) is not an end item") }
            default:
                problems.append("\(d.id): must name exactly one of item, class and items")
            }
            if !months.contains(d.dueMonth) { problems.append("\(d.id): due month \(d.dueMonth) outside horizon") }
            if !(1...5).contains(d.priority) { problems.append("\(d.id): priority \(d.priority)") }
            if !allies.contains(d.nation) { problems.append("\(d.id): unknown nation \(d.nation)") }
            quantity(d.qty, d.id, positive: true)
        }

        // Every item that is consumed (in a BOM or by a demand) has a line or a supply.
        let sourced = Set(s.lines.map(\.item)).union(s.supplies.map(\.item))
        let madeOnLines = Set(s.lines.map(\.item))
        var consumed = Set(s.items.flatMap { $0.bom.map(\.item) })
        consumed.formUnion(s.demands.compactMap(\.item))
        consumed.formUnion(s.items.filter { $0.itemClass.map(Set(s.demands.compactMap(\.itemClass)).contains) ?? false }.map(\.id))
        for id in consumed.sorted() where !sourced.contains(id) { problems.append("\(id) is consumed but has no source") }
        for item in s.items where !item.bom.isEmpty && !madeOnLines.contains(item.id) {
            problems.append("\(item.id) has a BOM but no line")
        }
        return problems
    }

    static func cycleProblems(_ s: Scenario) -> [String] {
        let bom = Dictionary(s.items.map { ($0.id, $0.bom.map(\.item)) }, uniquingKeysWith: { a, _ in a })
        var state: [String: Int] = [:]  // 1 on the path, 2 done
        var problems: [String] = []
        func visit(_ id: String) {
            if state[id] == 2 { return }
            if state[id] == 1 { problems.append("BOM cycle through \(id)"); return }
            state[id] = 1
            for child in bom[id] ?? [] { visit(child) }
            state[id] = 2
        }
        for item in s.items { visit(item.id) }
        return problems
    }

    /// Every end item reaches materials in 3 or 4 BOM levels at most, and every BOM leaf is a material.
    static func bomDepthProblems(_ s: Scenario) -> [String] {
        let items = Dictionary(s.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var memo: [String: Int] = [:]
        func depth(_ id: String) -> Int {
            if let known = memo[id] { return known }
            let value = (items[id]?.bom.map { depth($0.item) + 1 }.max()) ?? 0
            memo[id] = value
            return value
        }
        var problems: [String] = []
        for item in s.items where item.kind == .end && !(3...4).contains(depth(item.id)) {
            problems.append("\(item.id): BOM depth \(depth(item.id))")
        }
        for item in s.items where item.bom.isEmpty && item.kind == .component && !s.supplies.contains(where: { $0.item == item.id }) {
            problems.append("\(item.id): component leaf that is not bought")
        }
        for item in s.items where item.kind != .end && !s.items.contains(where: { $0.bom.contains { $0.item == item.id } }) {
            problems.append("\(item.id): unused")
        }
        return problems
    }

    /// Whole-unit demands, capacities and stocks; BOM quantities with at most 2 decimals.
    static func roundingProblems(_ s: Scenario) -> [String] {
        func whole(_ x: Double) -> Bool { x == x.rounded() }
        var problems: [String] = []
        for d in s.demands where !whole(d.qty) { problems.append("\(d.id): qty \(d.qty)") }
        for stock in s.stocks where !whole(stock.qty) { problems.append("stock \(stock.item): \(stock.qty)") }
        for line in s.lines where !line.capacity.allSatisfy({ whole($0.perMonth) }) { problems.append("\(line.id)") }
        for supply in s.supplies where !supply.capacity.allSatisfy({ whole($0.perMonth) }) { problems.append("\(supply.id)") }
        for item in s.items {
            for entry in item.bom where (entry.qty * 100).rounded() / 100 != entry.qty {
                problems.append("\(item.id) bom \(entry.item): \(entry.qty)")
            }
        }
        return problems
    }

    /// Demand due in months 0..<`months` and the end-item line capacity over the same months.
    static func endItemDemandAndCapacity(_ s: Scenario, months: Int) -> (demand: Double, capacity: Double) {
        let ends = Set(s.items.filter { $0.kind == .end }.map(\.id))
        let demand = s.demands.filter { $0.dueMonth < months }.reduce(0) { $0 + $1.qty }
        let capacity = s.lines.filter { ends.contains($0.item) }.reduce(0.0) { total, line in
            total + (0..<months).reduce(0) { $0 + CapacityStep.capacity(line.capacity, month: $1) }
        }
        return (demand, capacity)
    }
}
