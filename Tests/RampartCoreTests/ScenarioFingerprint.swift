@testable import RampartCore

/// FNV-1a over a canonical text of a scenario, independent of JSON and Double formatting, so a
/// golden value catches any change in what the generator produces, on any platform.
enum ScenarioFingerprint {
    static func of(_ s: Scenario) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func add(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            hash ^= 0x0A
            hash = hash &* 0x0000_0100_0000_01B3
        }
        func add(_ x: Double) { add(String(Int64((x * 100).rounded()))) }
        add(s.name)
        for item in s.items {
            add(item.id); add(item.name); add(item.kind.rawValue); add(item.itemClass ?? "-")
            for entry in item.bom { add(entry.item); add(entry.qty) }
        }
        func schedule(_ steps: [CapacityStep]) {
            for step in steps { add(String(step.from)); add(step.perMonth) }
        }
        for line in s.lines {
            add(line.id); add(line.producer); add(line.country); add(line.item); add(String(line.leadTimeMonths))
            schedule(line.capacity)
        }
        for supply in s.supplies {
            add(supply.id); add(supply.supplier); add(supply.country); add(supply.item)
            add(String(supply.leadTimeMonths))
            schedule(supply.capacity)
        }
        for stock in s.stocks { add(stock.item); add(stock.qty) }
        for d in s.demands {
            add(d.id); add(d.nation); add(d.item ?? "-"); add(d.itemClass ?? "-"); add(d.qty)
            add(String(d.dueMonth)); add(String(d.priority))
        }
        return hash
    }
}
