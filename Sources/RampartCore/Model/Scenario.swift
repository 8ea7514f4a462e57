/// A planning scenario, exactly as `planning-model.md` (version 1) defines the file.
public struct Scenario: Codable, Sendable, Equatable {
    public var version: Int
    public var name: String
    /// Month 0 of the horizon, "YYYY-MM".
    public var startMonth: String
    public var horizonMonths: Int
    public var items: [Item]
    public var lines: [Line]
    public var supplies: [Supply]
    public var stocks: [Stock]
    public var demands: [Demand]

    public static let currentVersion = 1

    public init(
        version: Int = Scenario.currentVersion, name: String, startMonth: String, horizonMonths: Int,
        items: [Item], lines: [Line], supplies: [Supply], stocks: [Stock], demands: [Demand]
    ) {
        self.version = version
        self.name = name
        self.startMonth = startMonth
        self.horizonMonths = horizonMonths
        self.items = items
        self.lines = lines
        self.supplies = supplies
        self.stocks = stocks
        self.demands = demands
    }
}

public enum ItemKind: String, Codable, Sendable, CaseIterable {
    case end
    case component
    case material
}

public struct BOMEntry: Codable, Sendable, Equatable {
    public var item: String
    public var qty: Double

    public init(item: String, qty: Double) {
        self.item = item
        self.qty = qty
    }
}

public struct Item: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var kind: ItemKind
    /// Interchangeability class (`class` in the file).
    public var itemClass: String?
    public var bom: [BOMEntry]

    enum CodingKeys: String, CodingKey {
        case id, name, kind
        case itemClass = "class"
        case bom
    }

    public init(id: String, name: String, kind: ItemKind, itemClass: String? = nil, bom: [BOMEntry] = []) {
        self.id = id
        self.name = name
        self.kind = kind
        self.itemClass = itemClass
        self.bom = bom
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        kind = try c.decode(ItemKind.self, forKey: .kind)
        itemClass = try c.decodeIfPresent(String.self, forKey: .itemClass)
        bom = try c.decodeIfPresent([BOMEntry].self, forKey: .bom) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(itemClass, forKey: .itemClass)
        if !bom.isEmpty { try c.encode(bom, forKey: .bom) }
    }
}

/// One step of a capacity schedule: from month `from` on, `perMonth` units (until the next step).
public struct CapacityStep: Codable, Sendable, Equatable {
    public var from: Int
    public var perMonth: Double

    public init(from: Int, perMonth: Double) {
        self.from = from
        self.perMonth = perMonth
    }
}

/// A production line: starts units of one item, which become available `leadTimeMonths` later.
public struct Line: Codable, Sendable, Equatable {
    public var id: String
    public var producer: String
    public var country: String
    public var item: String
    public var leadTimeMonths: Int
    public var capacity: [CapacityStep]

    public init(id: String, producer: String, country: String, item: String, leadTimeMonths: Int, capacity: [CapacityStep]) {
        self.id = id
        self.producer = producer
        self.country = country
        self.item = item
        self.leadTimeMonths = leadTimeMonths
        self.capacity = capacity
    }
}

/// A bought supply of one item: ordered units arrive `leadTimeMonths` later.
public struct Supply: Codable, Sendable, Equatable {
    public var id: String
    public var supplier: String
    public var country: String
    public var item: String
    public var leadTimeMonths: Int
    public var capacity: [CapacityStep]

    public init(id: String, supplier: String, country: String, item: String, leadTimeMonths: Int, capacity: [CapacityStep]) {
        self.id = id
        self.supplier = supplier
        self.country = country
        self.item = item
        self.leadTimeMonths = leadTimeMonths
        self.capacity = capacity
    }
}

public struct Stock: Codable, Sendable, Equatable {
    public var item: String
    public var qty: Double

    public init(item: String, qty: Double) {
        self.item = item
        self.qty = qty
    }
}

/// A nation's requirement: `qty` units of one item, or of any item of one class, by `dueMonth`.
public struct Demand: Codable, Sendable, Equatable {
    public var id: String
    public var nation: String
    public var item: String?
    public var itemClass: String?
    /// Items any of which may serve the demand, where they are not one item or a whole class (planning-model.md):
    /// the munitions one nation's weapon systems can fire.
    public var items: [String]?
    public var qty: Double
    public var dueMonth: Int
    public var priority: Int

    enum CodingKeys: String, CodingKey {
        case id, nation, item
        case itemClass = "class"
        case items, qty, dueMonth, priority
    }

    public init(
        id: String, nation: String, item: String? = nil, itemClass: String? = nil, items: [String]? = nil, qty: Double,
        dueMonth: Int, priority: Int
    ) {
        self.id = id
        self.nation = nation
        self.item = item
        self.itemClass = itemClass
        self.items = items
        self.qty = qty
        self.dueMonth = dueMonth
        self.priority = priority
    }
}

extension Demand {
    /// Weight of one unit-month of lateness: 16, 8, 4, 2, 1 for priorities 1...5.
    public var weight: Double { Demand.weight(priority: priority) }

    public static func weight(priority: Int) -> Double {
        ObjectiveDefinition.weight(priority: priority)
    }
}

extension CapacityStep {
    /// Capacity in month `t` of a step schedule: the last step with `from <= t`, 0 before the first.
    public static func capacity(_ steps: [CapacityStep], month t: Int) -> Double {
        var value = 0.0
        var bestFrom = Int.min
        for step in steps where step.from <= t && step.from >= bestFrom {
            bestFrom = step.from
            value = step.perMonth
        }
        return value
    }
}
