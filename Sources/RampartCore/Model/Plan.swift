/// A plan file as `planning-model.md` defines it, plus Rampart's reports beside the three lists.
public struct Plan: Codable, Sendable, Equatable {
    public var version: Int
    public var scenario: String
    public var objective: Objective
    public var production: [ProductionEntry]
    public var purchases: [PurchaseEntry]
    public var deliveries: [DeliveryEntry]
    /// The objective the planner aimed at (`weighted`, the contract's, or `strict`); nil in a plan made elsewhere.
    public var objectiveAimedAt: PlanObjective?
    /// Reports; optional so that a bare contract plan file decodes too.
    public var report: PlanReport?

    public init(
        version: Int = 1, scenario: String, objective: Objective, production: [ProductionEntry],
        purchases: [PurchaseEntry], deliveries: [DeliveryEntry], report: PlanReport? = nil,
        objectiveAimedAt: PlanObjective? = nil
    ) {
        self.objectiveAimedAt = objectiveAimedAt
        self.version = version
        self.scenario = scenario
        self.objective = objective
        self.production = production
        self.purchases = purchases
        self.deliveries = deliveries
        self.report = report
    }
}

public struct Objective: Codable, Sendable, Equatable {
    public var weightedLateness: Double
    public var onTimeUnits: Double
    public var lateUnits: Double
    public var unservedUnits: Double

    public init(weightedLateness: Double, onTimeUnits: Double, lateUnits: Double, unservedUnits: Double) {
        self.weightedLateness = weightedLateness
        self.onTimeUnits = onTimeUnits
        self.lateUnits = lateUnits
        self.unservedUnits = unservedUnits
    }
}

public struct ProductionEntry: Codable, Sendable, Equatable {
    public var line: String
    public var month: Int
    public var qty: Double

    public init(line: String, month: Int, qty: Double) {
        self.line = line
        self.month = month
        self.qty = qty
    }
}

public struct PurchaseEntry: Codable, Sendable, Equatable {
    public var supply: String
    public var month: Int
    public var qty: Double

    public init(supply: String, month: Int, qty: Double) {
        self.supply = supply
        self.month = month
        self.qty = qty
    }
}

public struct DeliveryEntry: Codable, Sendable, Equatable {
    public var demand: String
    public var item: String
    public var month: Int
    public var qty: Double

    public init(demand: String, item: String, month: Int, qty: Double) {
        self.demand = demand
        self.item = item
        self.month = month
        self.qty = qty
    }
}
