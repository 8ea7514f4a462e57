/// One pass of the planner over all demand groups with one strategy.
struct StrategyPass {
    let strategy: PlanStrategy
    let allocator: Allocator
    /// Deliveries per group, in the order of `groups`.
    let deliveries: [[GroupDelivery]]
    let weightedLateness: Double

    /// `progress` hears the fraction of groups served, every 1 %.
    static func run(
        problem: PlanningProblem, groups: [DemandGroup], strategy: PlanStrategy, progress: (Double) -> Void = { _ in }
    ) -> StrategyPass {
        var allocator = Allocator(problem: problem)
        let order = groups.indices.sorted { a, b in
            let ka = strategy.sortKey(due: groups[a].due, priority: groups[a].priority, isClass: groups[a].isClass)
            let kb = strategy.sortKey(due: groups[b].due, priority: groups[b].priority, isClass: groups[b].isClass)
            if ka != kb { return ka < kb }
            if groups[a].target != groups[b].target { return groups[a].target < groups[b].target }
            return a < b
        }
        var deliveries = [[GroupDelivery]](repeating: [], count: groups.count)
        var shortfall = [Double](repeating: 0, count: groups.count)
        let allTasks = tasks(order: order, groups: groups, strategy: strategy)
        let step = max(allTasks.count / 100, 1)
        for (n, task) in allTasks.enumerated() {
            if n % step == 0 { progress(Double(n) / Double(allTasks.count)) }
            let g = task.group
            if task.isLate {
                guard shortfall[g] > Allocator.epsilon else { continue }
                reserveLate(group: groups[g], qty: shortfall[g], allocator: &allocator, into: &deliveries[g])
            } else {
                shortfall[g] = reserveOnTime(
                    group: groups[g], choice: strategy.classItems, problem: problem,
                    allocator: &allocator, into: &deliveries[g])
            }
            allocator.commit()
        }
        var lateness = 0.0
        for (g, group) in groups.enumerated() {
            lateness += groupLateness(group, deliveries[g], horizon: problem.horizon)
        }
        return StrategyPass(strategy: strategy, allocator: allocator, deliveries: deliveries, weightedLateness: lateness)
    }

    struct Task {
        var group: Int
        var isLate: Bool
    }

    /// The on-time share and the late units of every group, in the order the strategy gives them.
    static func tasks(order: [Int], groups: [DemandGroup], strategy: PlanStrategy) -> [Task] {
        // Sort keys (stage, position in order): without a lag both parts of a group go together.
        var keyed: [(Int, Int, Task)] = []
        keyed.reserveCapacity(groups.count * 2)
        for (position, g) in order.enumerated() {
            let p = groups[g].priority
            var onTimeStage = 0, lateStage = 0
            if let lag = strategy.late.lag {
                onTimeStage = 2 * p
                lateStage = 2 * (p + lag) + 1
            }
            if strategy.itemDemands == .onTimeFirst && !groups[g].isClass { onTimeStage = -1 }
            keyed.append((onTimeStage, 2 * position, Task(group: g, isLate: false)))
            keyed.append((lateStage, 2 * position + 1, Task(group: g, isLate: true)))
        }
        keyed.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        return keyed.map(\.2)
    }

    /// Reserves what can be had by the due month (delivered in the due month). Returns the shortfall.
    private static func reserveOnTime(
        group: DemandGroup, choice: ClassItemChoice, problem: PlanningProblem, allocator: inout Allocator, into out: inout [GroupDelivery]
    ) -> Double {
        var got = 0.0
        if choice == .leastContested && group.items.count > 1 {
            let items = group.items.sorted { (problem.itemContention[$0], $0) < (problem.itemContention[$1], $1) }
            for item in items where group.qty - got > Allocator.epsilon {
                got += allocator.reserveFromSourcesLatest(items: CollectionOfOne(item), qty: group.qty - got, by: group.due, depth: 0) {
                    item, _, qty in
                    out.append(GroupDelivery(item: item, month: group.due, qty: qty))
                }
            }
        } else {
            got = allocator.reserveFromSourcesLatest(items: group.items, qty: group.qty, by: group.due, depth: 0) { item, _, qty in
                out.append(GroupDelivery(item: item, month: group.due, qty: qty))
            }
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
        return ObjectiveDefinition.weightedLateness(
            weight: group.weight, lateUnitMonths: late, unserved: unserved, horizon: horizon, due: group.due)
    }
}
