/// Turns a planner run into the contract's plan file lists and objective.
struct PlanBuilder {
    let problem: PlanningProblem
    let groups: [DemandGroup]
    let run: StrategyPass

    func plan() -> Plan {
        var production: [ProductionEntry] = []
        var purchases: [PurchaseEntry] = []
        for (s, source) in problem.sources.enumerated() {
            for t in 0..<problem.horizon {
                let qty = Quantity.snap(run.allocator.used(source: s, month: t))
                guard qty > 0 else { continue }
                switch source.kind {
                case .line: production.append(ProductionEntry(line: source.id, month: t, qty: qty))
                case .supply: purchases.append(PurchaseEntry(supply: source.id, month: t, qty: qty))
                }
            }
        }
        var perDemand = [[DeliveryEntry]](repeating: [], count: problem.demands.count)
        for (g, group) in groups.enumerated() {
            share(run.deliveries[g], among: group.members, into: &perDemand)
        }
        let deliveries = perDemand.flatMap { $0 }
        return Plan(
            scenario: problem.scenario.name,
            objective: Objective(weightedLateness: 0, onTimeUnits: 0, lateUnits: 0, unservedUnits: 0),
            production: production, purchases: purchases, deliveries: deliveries)
    }

    /// Hands a group's deliveries to its demands in proportion to what each still needs, so that no nation is
    /// favoured by the order of its ids; whole units stay whole (the remainder goes one unit at a time, in id order).
    private func share(_ deliveries: [GroupDelivery], among members: [Int], into out: inout [[DeliveryEntry]]) {
        var merged: [GroupDelivery] = []
        for d in deliveries.sorted(by: { ($0.month, $0.item) < ($1.month, $1.item) }) {
            if let last = merged.last, last.month == d.month, last.item == d.item {
                merged[merged.count - 1].qty += d.qty
            } else {
                merged.append(d)
            }
        }
        var need = members.map { problem.demands[$0].qty }
        for delivery in merged {
            let totalNeed = need.reduce(0, +)
            guard totalNeed > Allocator.epsilon else { break }
            let qty = min(delivery.qty, totalNeed)
            let whole = qty == qty.rounded() && need.allSatisfy { $0 == $0.rounded() }
            var shares = need.map { qty * $0 / totalNeed }
            if whole {
                shares = shares.map { $0.rounded(.down) }
                var left = qty - shares.reduce(0, +)
                var k = 0
                while left > 0.5 && k < shares.count * 2 {
                    let m = k % shares.count
                    if need[m] - shares[m] >= 1 { shares[m] += 1; left -= 1 }
                    k += 1
                }
            }
            for (m, member) in members.enumerated() {
                let take = min(shares[m], need[m])
                need[m] -= take
                let q = Quantity.snap(take)
                if q > 0 {
                    out[member].append(
                        DeliveryEntry(
                            demand: problem.demands[member].id, item: problem.itemIDs[delivery.item],
                            month: delivery.month, qty: q))
                }
            }
        }
    }
}

enum Quantity {
    /// Drops floating-point dust: values within a billionth of a whole number become whole.
    static func snap(_ x: Double) -> Double {
        let r = x.rounded()
        return abs(x - r) <= 1e-9 * max(1, abs(x)) ? r : x
    }
}
