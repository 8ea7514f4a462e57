import RampartCore

/// An independent checker written from planning-model.md: rebuilds the stock balance from the plan's three
/// lists and reports every broken constraint and any difference in the objective.
public struct PlanChecker {
    public let scenario: Scenario
    public static let tolerance = 1e-6

    public init(scenario: Scenario) {
        self.scenario = scenario
    }

    public func problems(in plan: Plan) -> [String] {
        var problems: [String] = []
        let h = scenario.horizonMonths
        let items = Dictionary(scenario.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let lines = Dictionary(scenario.lines.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let supplies = Dictionary(scenario.supplies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let demands = Dictionary(scenario.demands.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func cap(_ steps: [CapacityStep], _ t: Int) -> Double {
            steps.filter { $0.from <= t }.max { $0.from < $1.from }?.perMonth ?? 0
        }
        func tol(_ x: Double) -> Double { Self.tolerance * max(1, abs(x)) }

        // flow[item][t]: arrivals - consumption - deliveries in month t
        var flow: [String: [Double]] = [:]
        func add(_ item: String, _ t: Int, _ q: Double) {
            guard t < h else { return }
            flow[item, default: [Double](repeating: 0, count: h)][t] += q
        }
        var lineUse: [String: [Int: Double]] = [:]
        for p in plan.production {
            guard let line = lines[p.line] else { problems.append("production: unknown line \(p.line)"); continue }
            guard p.month >= 0 && p.month < h else { problems.append("production \(p.line): month \(p.month) out of range"); continue }
            if p.qty < 0 { problems.append("production \(p.line) month \(p.month): negative qty") }
            lineUse[p.line, default: [:]][p.month, default: 0] += p.qty
            add(line.item, p.month + line.leadTimeMonths, p.qty)
            for b in items[line.item]?.bom ?? [] { add(b.item, p.month, -b.qty * p.qty) }
        }
        for (id, use) in lineUse {
            for (t, q) in use where q > cap(lines[id]!.capacity, t) + tol(q) {
                problems.append("line \(id) month \(t): \(q) over capacity \(cap(lines[id]!.capacity, t))")
            }
        }
        var supplyUse: [String: [Int: Double]] = [:]
        for p in plan.purchases {
            guard let supply = supplies[p.supply] else { problems.append("purchases: unknown supply \(p.supply)"); continue }
            guard p.month >= 0 && p.month < h else { problems.append("purchase \(p.supply): month \(p.month) out of range"); continue }
            if p.qty < 0 { problems.append("purchase \(p.supply) month \(p.month): negative qty") }
            supplyUse[p.supply, default: [:]][p.month, default: 0] += p.qty
            add(supply.item, p.month + supply.leadTimeMonths, p.qty)
        }
        for (id, use) in supplyUse {
            for (t, q) in use where q > cap(supplies[id]!.capacity, t) + tol(q) {
                problems.append("supply \(id) month \(t): \(q) over capacity \(cap(supplies[id]!.capacity, t))")
            }
        }
        var delivered: [String: Double] = [:]
        var late = 0.0, onTime = 0.0, lateness = 0.0
        for d in plan.deliveries {
            guard let demand = demands[d.demand] else { problems.append("delivery: unknown demand \(d.demand)"); continue }
            guard d.month >= 0 && d.month < h else { problems.append("delivery \(d.demand): month \(d.month) out of range"); continue }
            if d.qty < 0 { problems.append("delivery \(d.demand): negative qty") }
            let ok =
                demand.item.map { $0 == d.item } ?? demand.items.map { $0.contains(d.item) }
                ?? (items[d.item]?.itemClass == demand.itemClass)
            if !ok { problems.append("delivery \(d.demand): item \(d.item) is not the demand's item, of its class or in its items") }
            delivered[d.demand, default: 0] += d.qty
            add(d.item, d.month, -d.qty)
            if d.month > demand.dueMonth {
                late += d.qty
                lateness += demand.weight * Double(d.month - demand.dueMonth) * d.qty
            } else {
                onTime += d.qty
            }
        }
        var unserved = 0.0
        for demand in scenario.demands {
            let got = delivered[demand.id] ?? 0
            if got > demand.qty + tol(demand.qty) { problems.append("demand \(demand.id): delivered \(got) > qty \(demand.qty)") }
            let short = max(0, demand.qty - got)
            unserved += short
            lateness += demand.weight * Double(h - demand.dueMonth + 12) * short
        }
        var initial: [String: Double] = [:]
        for s in scenario.stocks { initial[s.item, default: 0] += s.qty }
        for (item, f) in flow {
            var stock = initial[item] ?? 0
            for t in 0..<h {
                stock += f[t]
                if stock < -tol(stock) - 1e-6 {
                    problems.append("stock of \(item) negative in month \(t): \(stock)")
                    break
                }
            }
        }
        func differs(_ a: Double, _ b: Double) -> Bool { abs(a - b) > Self.tolerance * max(1, abs(b)) }
        if differs(plan.objective.weightedLateness, lateness) {
            problems.append("objective.weightedLateness \(plan.objective.weightedLateness) != recomputed \(lateness)")
        }
        if differs(plan.objective.onTimeUnits, onTime) {
            problems.append("objective.onTimeUnits \(plan.objective.onTimeUnits) != \(onTime)")
        }
        if differs(plan.objective.lateUnits, late) { problems.append("objective.lateUnits \(plan.objective.lateUnits) != \(late)") }
        if differs(plan.objective.unservedUnits, unserved) {
            problems.append("objective.unservedUnits \(plan.objective.unservedUnits) != \(unserved)")
        }
        return problems
    }
}
