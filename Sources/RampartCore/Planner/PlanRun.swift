/// One pass of the planner over all demand groups with one strategy.
struct PlanRun {
    let strategy: PlanStrategy
    let allocator: Allocator
    /// Deliveries per group, in the order of `groups`.
    let deliveries: [[GroupDelivery]]
    let weightedLateness: Double

    static func run(problem: PlanningProblem, groups: [DemandGroup], strategy: PlanStrategy) -> PlanRun {
        var allocator = Allocator(problem: problem)
        func due(_ g: Int) -> Double { Double(groups[g].due) }
        let order = groups.indices.sorted { a, b in
            if strategy.itemDemandsFirst && groups[a].isClass != groups[b].isClass { return !groups[a].isClass }
            let ka = strategy.ordering.sortKey(due: due(a), priority: groups[a].priority)
            let kb = strategy.ordering.sortKey(due: due(b), priority: groups[b].priority)
            if ka != kb { return ka < kb }
            if groups[a].target != groups[b].target { return groups[a].target < groups[b].target }
            return a < b
        }
        var deliveries = [[GroupDelivery]](repeating: [], count: groups.count)
        var shortfall = [Double](repeating: 0, count: groups.count)
        if let lag = strategy.late.lag {
            // Tasks (stage, position in order, group, isLate): on-time shares of priority p at stage 2p,
            // late units at stage 2(p + lag) + 1.
            var tasks: [(Int, Int, Int, Bool)] = []
            tasks.reserveCapacity(groups.count * 2)
            for (position, g) in order.enumerated() {
                tasks.append((2 * groups[g].priority, position, g, false))
                tasks.append((2 * (groups[g].priority + lag) + 1, position, g, true))
            }
            tasks.sort { ($0.0, $0.1) < ($1.0, $1.1) }
            for (_, _, g, isLate) in tasks {
                if isLate {
                    guard shortfall[g] > Allocator.epsilon else { continue }
                    reserveLate(group: groups[g], qty: shortfall[g], allocator: &allocator, into: &deliveries[g])
                } else {
                    shortfall[g] = reserveOnTime(group: groups[g], allocator: &allocator, into: &deliveries[g])
                }
                allocator.commit()
            }
        } else {
            for g in order {
                shortfall[g] = reserveOnTime(group: groups[g], allocator: &allocator, into: &deliveries[g])
                if shortfall[g] > Allocator.epsilon {
                    reserveLate(group: groups[g], qty: shortfall[g], allocator: &allocator, into: &deliveries[g])
                }
                allocator.commit()
            }
        }
        var lateness = 0.0
        for (g, group) in groups.enumerated() {
            lateness += groupLateness(group, deliveries[g], horizon: problem.horizon)
        }
        return PlanRun(strategy: strategy, allocator: allocator, deliveries: deliveries, weightedLateness: lateness)
    }

    /// Reserves what can be had by the due month (delivered in the due month). Returns the shortfall.
    private static func reserveOnTime(group: DemandGroup, allocator: inout Allocator, into out: inout [GroupDelivery]) -> Double {
        var got = allocator.reserveFromSourcesLatest(items: group.items, qty: group.qty, by: group.due, depth: 0) { item, _, qty in
            out.append(GroupDelivery(item: item, month: group.due, qty: qty))
        }
        if group.qty - got > Allocator.epsilon {
            got += allocator.reserveStock(items: group.items, qty: group.qty - got) { item, qty in
                out.append(GroupDelivery(item: item, month: group.due, qty: qty))
            }
        }
        return max(0, group.qty - got)
    }

    /// Reserves the earliest units after the due month, delivered as they become available.
    private static func reserveLate(group: DemandGroup, qty: Double, allocator: inout Allocator, into out: inout [GroupDelivery]) {
        _ = allocator.reserveFromSourcesEarliest(items: group.items, qty: qty, from: group.due + 1, depth: 0) { item, month, qty in
            out.append(GroupDelivery(item: item, month: month, qty: qty))
        }
    }

    static func groupLateness(_ group: DemandGroup, _ deliveries: [GroupDelivery], horizon: Int) -> Double {
        var delivered = 0.0
        var late = 0.0
        for d in deliveries {
            delivered += d.qty
            if d.month > group.due { late += Double(d.month - group.due) * d.qty }
        }
        let unserved = max(0, group.qty - delivered)
        return group.weight * (late + Double(horizon - group.due + 12) * unserved)
    }
}
