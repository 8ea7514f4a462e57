/// One pass of the planner over all demand groups with one strategy.
struct StrategyPass {
    let strategy: PlanStrategy
    /// The prices that ordered the groups and their items, for a priced strategy.
    let prices: PriceBook?
    let allocator: Allocator
    /// Deliveries per group, in the order of `groups`.
    let deliveries: [[GroupDelivery]]
    let weightedLateness: Double
    /// The order of handing units out again that this pass kept, if any lowered the objective.
    let improvement: DeliveryReassignment.Order?
    /// The objective the pass aimed at, and its weighted lateness by priority (1...5).
    let objective: PlanObjective
    let byPriority: [Double]
    /// The order of the groups the pass served them in.
    let order: [Int]
    /// Whether `OrderSearch` found this order, moving groups of a strategy's order.
    var searched = false

    /// `progress` hears the fraction of groups served, every 1 %. A priced strategy without `prices` uses the
    /// scenario's first prices (`PriceBook.initial`).
    static func run(
        problem: PlanningProblem, groups: [DemandGroup], strategy: PlanStrategy, prices: PriceBook? = nil,
        objective: PlanObjective = .weighted, progress: (Double) -> Void = { _ in }
    ) -> StrategyPass {
        if strategy.ordering.isPriced {
            let book = prices ?? PriceBook.initial(problem: problem, groups: groups)
            return run(
                problem: problem, groups: groups, strategy: strategy, prices: book,
                order: pricedOrder(book, groups: groups, strategy: strategy, horizon: problem.horizon, objective: objective),
                objective: objective, progress: progress)
        }
        return run(
            problem: problem, groups: groups, strategy: strategy, prices: nil,
            order: standardOrder(groups: groups, strategy: strategy), objective: objective, progress: progress)
    }

    /// The order of the groups under a priced strategy: by what a unit saves over what it costs; under the strict
    /// objective, by priority first and so within each priority.
    private static func pricedOrder(
        _ book: PriceBook, groups: [DemandGroup], strategy: PlanStrategy, horizon: Int, objective: PlanObjective
    ) -> [Int] {
        let order = book.order(groups: groups, horizon: horizon, byWeight: strategy.ordering == .pricedByWeight)
        guard objective == .strict else { return order }
        var position = [Int](repeating: 0, count: groups.count)
        for (k, g) in order.enumerated() { position[g] = k }
        return order.sorted { (groups[$0].priority, position[$0]) < (groups[$1].priority, position[$1]) }
    }

    /// The order of the groups under an unpriced strategy.
    private static func standardOrder(groups: [DemandGroup], strategy: PlanStrategy) -> [Int] {
        groups.indices.sorted { a, b in
            let ka = strategy.sortKey(due: groups[a].due, priority: groups[a].priority, isClass: groups[a].isClass)
            let kb = strategy.sortKey(due: groups[b].due, priority: groups[b].priority, isClass: groups[b].isClass)
            if ka != kb { return ka < kb }
            if groups[a].target != groups[b].target { return groups[a].target < groups[b].target }
            return a < b
        }
    }

    /// The strategy, and for a priced one the pass whose prices it used.
    var label: String {
        (prices.map { "\(strategy.description)/prices:\($0.pass)" } ?? strategy.description) + (searched ? "/search" : "")
    }

    /// The same strategy, prices and order of the groups on another problem with the same groups (the bottleneck
    /// ranking's widened ones), handing units out again only in the order this pass kept (none if it kept none): like
    /// for like, at about half the work.
    func rerun(problem: PlanningProblem, groups: [DemandGroup]) -> StrategyPass {
        StrategyPass.run(
            problem: problem, groups: groups, strategy: strategy, prices: prices, order: order,
            orders: improvement.map { [$0] } ?? [], objective: objective, progress: { _ in })
    }

    /// A pass in a given order of the groups.
    static func runOrdered(
        problem: PlanningProblem, groups: [DemandGroup], strategy: PlanStrategy, prices: PriceBook?, order: [Int],
        orders: [DeliveryReassignment.Order] = DeliveryReassignment.Order.allCases, objective: PlanObjective = .weighted,
        progress: (Double) -> Void = { _ in }
    ) -> StrategyPass {
        run(
            problem: problem, groups: groups, strategy: strategy, prices: prices, order: order, orders: orders,
            objective: objective, progress: progress)
    }

    private static func run(
        problem: PlanningProblem, groups: [DemandGroup], strategy: PlanStrategy, prices: PriceBook?, order: [Int],
        orders: [DeliveryReassignment.Order] = DeliveryReassignment.Order.allCases, objective: PlanObjective,
        progress: (Double) -> Void
    ) -> StrategyPass {
        var allocator = Allocator(problem: problem)
        var deliveries = [[GroupDelivery]](repeating: [], count: groups.count)
        var shortfall = [Double](repeating: 0, count: groups.count)
        let allTasks = tasks(order: order, groups: groups, strategy: strategy)
        let step = max(allTasks.count / 100, 1)
        let preference = prices.map { book in groups.map { book.preferredItems($0) } }
        // Reservations only take: once a target (item or class) came up short by month t, nothing more can be had
        // for it by t or any earlier month; once its late units came up short from month t, nothing from t on.
        let target = groups.map(\.targetIndex)
        let targetCount = (target.max() ?? -1) + 1
        var exhaustedThrough = [Int](repeating: Int.min, count: targetCount)
        var exhaustedFrom = [Int](repeating: Int.max, count: targetCount)
        for (n, task) in allTasks.enumerated() {
            if n % step == 0 { progress(Double(n) / Double(allTasks.count)) }
            let g = task.group
            let k = target[g]
            let preferred = preference?[g]
            if task.isLate {
                guard shortfall[g] > Allocator.epsilon, groups[g].due + 1 < exhaustedFrom[k] else { continue }
                let got = reserveLate(
                    group: groups[g], qty: shortfall[g], preferred: preferred, allocator: &allocator, into: &deliveries[g])
                if got < shortfall[g] - Allocator.slack(shortfall[g]) { exhaustedFrom[k] = groups[g].due + 1 }
            } else if groups[g].due <= exhaustedThrough[k] {
                shortfall[g] = groups[g].qty
            } else {
                shortfall[g] = reserveOnTime(
                    group: groups[g], choice: strategy.classItems, preferred: preferred, problem: problem,
                    allocator: &allocator, into: &deliveries[g])
                if shortfall[g] > Allocator.slack(groups[g].qty) { exhaustedThrough[k] = groups[g].due }
            }
            allocator.commit()
        }
        // The units made, handed out again by weight and due month, where that lowers the objective; then what
        // is still short is reserved again from what capacity is left.
        var best = (
            deliveries: deliveries, allocator: allocator,
            lateness: totalLateness(groups, deliveries, horizon: problem.horizon),
            levels: latenessByPriority(groups, deliveries, horizon: problem.horizon)
        )
        var kept: DeliveryReassignment.Order?
        let rank = prices?.cost ?? problem.itemContention
        for order in orders {
            let again = DeliveryReassignment.reassign(
                problem: problem, groups: groups, deliveries: deliveries, spare: allocator.stockFree, order: order,
                itemRank: rank, objective: objective)
            var filled = again.deliveries
            var rest = allocator
            for (i, qty) in again.spareTaken.enumerated() where qty > 0 { rest.consumeStock(item: i, qty: qty) }
            fillUp(
                groups: groups, deliveries: &filled, allocator: &rest, strategy: strategy, preference: preference,
                problem: problem, target: target, exhaustedThrough: exhaustedThrough, exhaustedFrom: exhaustedFrom)
            DeliveryReassignment.swapLateUnits(
                groups: groups, deliveries: &filled, horizon: problem.horizon, budget: Self.swapBudget, objective: objective)
            let lateness = totalLateness(groups, filled, horizon: problem.horizon)
            let levels = latenessByPriority(groups, filled, horizon: problem.horizon)
            if objective.isBetter(total: lateness, byPriority: levels, than: (best.lateness, best.levels)) {
                best = (filled, rest, lateness, levels)
                kept = order
            }
        }
        return StrategyPass(
            strategy: strategy, prices: prices, allocator: best.allocator, deliveries: best.deliveries,
            weightedLateness: best.lateness, improvement: kept, objective: objective, byPriority: best.levels,
            order: order)
    }

    /// Groups still short, by weight and then due month, reserve on time and then late from the capacity left.
    /// Capacity is what the pass left, so what the pass found exhausted for a target still is (and stays so).
    private static func fillUp(
        groups: [DemandGroup], deliveries: inout [[GroupDelivery]], allocator: inout Allocator, strategy: PlanStrategy,
        preference: [PriceBook.Preference?]?, problem: PlanningProblem, target: [Int], exhaustedThrough: [Int],
        exhaustedFrom: [Int]
    ) {
        var exhaustedThrough = exhaustedThrough
        var exhaustedFrom = exhaustedFrom
        var short: [(g: Int, qty: Double)] = []
        for (g, group) in groups.enumerated() {
            let got = deliveries[g].reduce(0) { $0 + $1.qty }
            if group.qty - got > Allocator.slack(group.qty) { short.append((g, group.qty - got)) }
        }
        short.sort { a, b in
            let (x, y) = (groups[a.g], groups[b.g])
            if x.weight != y.weight { return x.weight > y.weight }
            if x.due != y.due { return x.due < y.due }
            return a.g < b.g
        }
        for (g, qty) in short {
            var group = groups[g]
            group.qty = qty
            let k = target[g]
            var left = qty
            if group.due > exhaustedThrough[k] {
                left = reserveOnTime(
                    group: group, choice: strategy.classItems, preferred: preference?[g], problem: problem,
                    allocator: &allocator, into: &deliveries[g])
                allocator.commit()
                if left > Allocator.slack(qty) { exhaustedThrough[k] = group.due }
            }
            if left > Allocator.epsilon && group.due + 1 < exhaustedFrom[k] {
                let got = reserveLate(
                    group: group, qty: left, preferred: preference?[g], allocator: &allocator, into: &deliveries[g])
                allocator.commit()
                if got < left - Allocator.slack(left) { exhaustedFrom[k] = group.due + 1 }
            }
        }
    }

    /// Weighted lateness of priorities 1...5, in order.
    static func latenessByPriority(_ groups: [DemandGroup], _ deliveries: [[GroupDelivery]], horizon: Int) -> [Double] {
        var levels = [Double](repeating: 0, count: PlanObjective.priorities.count)
        for (g, group) in groups.enumerated() {
            let p = min(max(group.priority, 1), 5) - 1
            levels[p] += groupLateness(group, deliveries[g], horizon: horizon)
        }
        return levels
    }

    static func totalLateness(_ groups: [DemandGroup], _ deliveries: [[GroupDelivery]], horizon: Int) -> Double {
        var lateness = 0.0
        for (g, group) in groups.enumerated() { lateness += groupLateness(group, deliveries[g], horizon: horizon) }
        return lateness
    }

    /// Pairs of deliveries `DeliveryReassignment.swapLateUnits` looks at, at most, per pass and order.
    static let swapBudget = 2_000_000

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
            if strategy.ordering.isPriced {
                // The order already weighs priority against what the units cost: no stages by priority.
                if strategy.late.lag != nil { lateStage = 1 }
            } else if let lag = strategy.late.lag {
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
        group: DemandGroup, choice: ClassItemChoice, preferred: PriceBook.Preference?, problem: PlanningProblem,
        allocator: inout Allocator, into out: inout [GroupDelivery]
    ) -> Double {
        var got = 0.0
        if let preferred, group.items.count > 1 {
            // Cheapest items first, at the prices of scarce capacity and materials.
            for item in preferred.items where group.qty - got > Allocator.epsilon {
                got += allocator.reserveFromSourcesLatest(items: CollectionOfOne(item), qty: group.qty - got, by: group.due, depth: 0) {
                    item, available, qty in
                    out.append(GroupDelivery(item: item, month: group.due, qty: qty, available: available))
                }
            }
        } else if choice == .leastContested && group.items.count > 1 {
            let items = group.items.sorted { (problem.itemContention[$0], $0) < (problem.itemContention[$1], $1) }
            for item in items where group.qty - got > Allocator.epsilon {
                got += allocator.reserveFromSourcesLatest(items: CollectionOfOne(item), qty: group.qty - got, by: group.due, depth: 0) {
                    item, available, qty in
                    out.append(GroupDelivery(item: item, month: group.due, qty: qty, available: available))
                }
            }
        } else {
            got = allocator.reserveFromSourcesLatest(items: group.items, qty: group.qty, by: group.due, depth: 0) {
                item, available, qty in
                out.append(GroupDelivery(item: item, month: group.due, qty: qty, available: available))
            }
        }
        if group.qty - got > Allocator.epsilon {
            got += allocator.reserveStock(items: group.items, qty: group.qty - got) { item, qty in
                out.append(GroupDelivery(item: item, month: group.due, qty: qty, available: 0))
            }
        }
        return max(0, group.qty - got)
    }

    /// Reserves the earliest units after the due month, delivered as they become available.
    /// With `preferred`, the items costing little more than the cheapest go first.
    /// Returns the quantity reserved.
    private static func reserveLate(
        group: DemandGroup, qty wanted: Double, preferred: PriceBook.Preference?, allocator: inout Allocator,
        into out: inout [GroupDelivery]
    ) -> Double {
        var qty = wanted
        if let preferred, preferred.cheap.count < group.items.count {
            qty -= allocator.reserveFromSourcesEarliest(items: preferred.cheap, qty: qty, from: group.due + 1, depth: 0) {
                item, month, qty in
                out.append(GroupDelivery(item: item, month: month, qty: qty, available: month))
            }
            if qty <= Allocator.epsilon { return wanted - qty }
        }
        return wanted - qty
            + allocator.reserveFromSourcesEarliest(items: group.items, qty: qty, from: group.due + 1, depth: 0) { item, month, qty in
                out.append(GroupDelivery(item: item, month: month, qty: qty, available: month))
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
