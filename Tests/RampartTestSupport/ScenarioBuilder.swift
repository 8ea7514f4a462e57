import RampartCore

/// Small scenarios written by hand, month 0 = 2026-01, for tests.
public func scenario(
    horizon: Int = 24, items: [Item], lines: [Line] = [], supplies: [Supply] = [], stocks: [Stock] = [], demands: [Demand]
) -> Scenario {
    Scenario(
        name: "test", startMonth: "2026-01", horizonMonths: horizon, items: items, lines: lines, supplies: supplies,
        stocks: stocks, demands: demands)
}

public func line(
    _ id: String, _ item: String, lead: Int = 0, _ steps: [(Int, Double)], producer: String = "P", country: String = "DE"
) -> Line {
    Line(
        id: id, producer: producer, country: country, item: item, leadTimeMonths: lead,
        capacity: steps.map { CapacityStep(from: $0.0, perMonth: $0.1) })
}

public func supply(
    _ id: String, _ item: String, lead: Int = 0, _ steps: [(Int, Double)], supplier: String = "S", country: String = "PL"
) -> Supply {
    Supply(
        id: id, supplier: supplier, country: country, item: item, leadTimeMonths: lead,
        capacity: steps.map { CapacityStep(from: $0.0, perMonth: $0.1) })
}

public func demand(
    _ id: String, item: String? = nil, cls: String? = nil, items: [String]? = nil, _ qty: Double, due: Int, priority: Int = 3,
    nation: String = "PL"
) -> Demand {
    Demand(id: id, nation: nation, item: item, itemClass: cls, items: items, qty: qty, dueMonth: due, priority: priority)
}
