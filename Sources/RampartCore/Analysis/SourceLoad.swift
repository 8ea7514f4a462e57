/// A line's or supply's use in a plan against its capacity, month by month: what its page draws.
public struct SourceLoad: Sendable, Equatable {
    public var source: String
    public var isLine: Bool
    /// Units started (a line) or ordered (a supply) in each month of the horizon.
    public var used: [Double]
    /// Its capacity in each month of the horizon.
    public var capacity: [Double]

    public init(source: String, isLine: Bool, used: [Double], capacity: [Double]) {
        self.source = source
        self.isLine = isLine
        self.used = used
        self.capacity = capacity
    }

    /// Every line and supply of `scenario`, in the scenario's order, with what `plan` uses of it.
    public static func all(scenario: Scenario, plan: Plan) -> [SourceLoad] {
        let h = max(0, scenario.horizonMonths)
        var byLine: [String: [Double]] = [:], bySupply: [String: [Double]] = [:]
        for entry in plan.production where (0..<h).contains(entry.month) {
            byLine[entry.line, default: Array(repeating: 0, count: h)][entry.month] += entry.qty
        }
        for entry in plan.purchases where (0..<h).contains(entry.month) {
            bySupply[entry.supply, default: Array(repeating: 0, count: h)][entry.month] += entry.qty
        }
        func capacity(_ steps: [CapacityStep]) -> [Double] { (0..<h).map { CapacityStep.capacity(steps, month: $0) } }
        let empty = Array(repeating: 0.0, count: h)
        return scenario.lines.map { SourceLoad(source: $0.id, isLine: true, used: byLine[$0.id] ?? empty, capacity: capacity($0.capacity)) }
            + scenario.supplies.map {
                SourceLoad(source: $0.id, isLine: false, used: bySupply[$0.id] ?? empty, capacity: capacity($0.capacity))
            }
    }
}
