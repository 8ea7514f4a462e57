import RampartCore

/// Small random scenarios of every shape the model allows, for property tests: multi-level and shared bills
/// of materials, classes, lead times past the horizon, ramp-up steps, stocks, item and class demands, demands listing items.
public struct RandomScenario {
    private var state: UInt64

    public init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    private mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    public mutating func make() -> Scenario {
        let horizon = int(6...30)
        let materials = (0..<int(1...3)).map { "M\($0)" }
        let components = (0..<int(0...3)).map { "C\($0)" }
        let ends = (0..<int(1...4)).map { "E\($0)" }
        var items: [Item] = materials.map { Item(id: $0, name: $0, kind: .material) }
        for (k, c) in components.enumerated() {
            // A component uses materials and earlier components only, so there is no cycle.
            var bom = [BOMEntry(item: materials[int(0...materials.count - 1)], qty: Double(int(1...4)) / 2)]
            if k > 0 && int(0...1) == 1 { bom.append(BOMEntry(item: components[int(0...k - 1)], qty: Double(int(1...2)))) }
            items.append(Item(id: c, name: c, kind: .component, bom: bom))
        }
        for e in ends {
            var bom: [BOMEntry] = []
            let pool = components + materials
            for p in Set((0..<int(1...2)).map { _ in pool[int(0...pool.count - 1)] }).sorted() {
                bom.append(BOMEntry(item: p, qty: Double(int(1...3))))
            }
            items.append(Item(id: e, name: e, kind: .end, itemClass: int(0...2) == 0 ? nil : "K\(int(0...1))", bom: bom))
        }
        func steps() -> [CapacityStep] {
            var from = int(0...horizon / 3)
            var result: [CapacityStep] = []
            for _ in 0..<int(1...3) where from < horizon {
                result.append(CapacityStep(from: from, perMonth: Double(int(0...40))))
                from += int(1...max(1, horizon / 2))
            }
            return result
        }
        var lines: [Line] = []
        for (k, item) in (ends + components).enumerated() {
            for n in 0..<int(1...2) {
                lines.append(
                    Line(
                        id: "L\(k)-\(n)", producer: "P\(int(0...3))", country: ["DE", "FR", "PL"][int(0...2)], item: item,
                        leadTimeMonths: int(0...4), capacity: steps()))
            }
        }
        var supplies: [Supply] = []
        for (k, item) in (materials + (int(0...1) == 1 ? components.prefix(1) : [])).enumerated() {
            for n in 0..<int(1...2) {
                supplies.append(
                    Supply(
                        id: "S\(k)-\(n)", supplier: "V\(int(0...3))", country: ["US", "CN", "NO"][int(0...2)], item: item,
                        leadTimeMonths: int(0...horizon + 2) > horizon ? horizon + 1 : int(0...3), capacity: steps()))
            }
        }
        let stocks = items.filter { _ in int(0...3) == 0 }.map { Stock(item: $0.id, qty: Double(int(1...50))) }
        let classes = Set(items.compactMap(\.itemClass)).sorted()
        var demands: [Demand] = []
        for k in 0..<int(1...25) {
            let byClass = !classes.isEmpty && int(0...1) == 1
            demands.append(
                Demand(
                    id: "D\(k)", nation: ["PL", "NO", "DE", "FR"][int(0...3)], item: byClass ? nil : ends[int(0...ends.count - 1)],
                    itemClass: byClass ? classes[int(0...classes.count - 1)] : nil, qty: Double(int(1...60)),
                    dueMonth: int(0...horizon - 1),
                    priority: int(1...5)))
        }
        // Every third demand takes any of a list of end items instead (drawn last, so the rest is as before).
        for k in demands.indices where k % 3 == 2 {
            var listed: [String] = []
            for _ in 0..<int(1...3) {
                let end = ends[int(0...ends.count - 1)]
                if !listed.contains(end) { listed.append(end) }
            }
            demands[k].item = nil
            demands[k].itemClass = nil
            demands[k].items = listed
        }
        return Scenario(
            name: "random", startMonth: "2026-01", horizonMonths: horizon, items: items, lines: lines, supplies: supplies,
            stocks: stocks, demands: demands)
    }
}
