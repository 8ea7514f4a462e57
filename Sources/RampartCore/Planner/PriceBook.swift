/// Prices on scarce capacity and materials, per item, and what they make one unit of each item cost (its own price
/// plus its bill's, through the lines that make it). A priced strategy orders demand groups by what a unit saves
/// in the objective over what it costs, and serves class demands from their cheapest items first: a scarce
/// material that one item consumes at 1 per unit and another at 30 goes where it saves the most weighted lateness.
///
/// Prices start from how far the demands' requirement, exploded through the bills, exceeds what can be had over
/// the horizon (`initial`), and are then updated from what a pass actually used up (`updated(after:)`), over a few
/// passes; the planner keeps the best pass. Everything here is deterministic arithmetic on the scenario.
struct PriceBook: Sendable {
    /// Price of one unit of each item's own capacity (its sources and stock).
    var price: [Double]
    /// Price of one unit of each item: `price` plus the line-made share of its bill's costs.
    var cost: [Double]
    /// Units obtainable of each item over the horizon: initial stock plus capacity arriving within it.
    let available: [Double]
    /// Share of each item's capacity that is made on lines (and so consumes its bill).
    let lineShare: [Double]
    /// Items with every component after the items that use it (parents first).
    let parentsFirst: [Int]
    /// 0 for the initial prices, k after k updates.
    var pass = 0

    struct Preference {
        /// The group's items, cheapest first.
        var items: [Int]
        /// Those costing at most a quarter more than the cheapest.
        var cheap: [Int]
    }

    // MARK: - Building

    static func initial(problem: PlanningProblem, groups: [DemandGroup]) -> PriceBook {
        let n = problem.itemIDs.count
        let h = problem.horizon
        var available = problem.initialStock
        var lineCapacity = [Double](repeating: 0, count: n)
        for source in problem.sources {
            var total = 0.0
            for t in 0..<h where t + source.leadTime < h { total += source.capacity[t] }
            available[source.item] += total
            if source.kind == .line { lineCapacity[source.item] += total }
        }
        var lineShare = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let sourced = available[i] - problem.initialStock[i]
            lineShare[i] = sourced > 0 ? lineCapacity[i] / sourced : 0
        }
        var book = PriceBook(
            price: [Double](repeating: 0, count: n), cost: [Double](repeating: 0, count: n), available: available,
            lineShare: lineShare, parentsFirst: Self.parentsFirst(problem))
        let required = book.requirement(problem: problem, groups: groups)
        for i in 0..<n {
            let ratio = required[i] / max(available[i], 1)
            book.price[i] = max(0, ratio - 0.8)
        }
        book.computeCosts(problem)
        return book
    }

    /// Items in an order where every item comes before its components (a BOM cycle, which validation rejects, is
    /// cut where it closes).
    static func parentsFirst(_ problem: PlanningProblem) -> [Int] {
        let n = problem.itemIDs.count
        var state = [UInt8](repeating: 0, count: n)  // 0 new, 1 open, 2 done
        var post: [Int] = []
        post.reserveCapacity(n)
        for root in 0..<n where state[root] == 0 {
            var stack: [(item: Int, next: Int)] = [(root, problem.bomStart[root])]
            state[root] = 1
            while !stack.isEmpty {
                let top = stack.count - 1
                let (item, next) = stack[top]
                if next < problem.bomStart[item + 1] {
                    stack[top].next += 1
                    let child = problem.bomItem[next]
                    if state[child] == 0 {
                        state[child] = 1
                        stack.append((child, problem.bomStart[child]))
                    }
                } else {
                    state[item] = 2
                    post.append(item)
                    stack.removeLast()
                }
            }
        }
        return post.reversed()
    }

    /// `cost[i] = price[i] + lineShare[i] × Σ qty × cost[component]`, components first.
    mutating func computeCosts(_ problem: PlanningProblem) {
        for i in parentsFirst.reversed() {
            var bill = 0.0
            for c in problem.bomStart[i]..<problem.bomStart[i + 1] { bill += problem.bomQty[c] * cost[problem.bomItem[c]] }
            cost[i] = price[i] + lineShare[i] * bill
        }
    }

    /// Units of every item the demands would need, exploded through the line-made share of the bills; a class
    /// demand counted against its cheapest items.
    func requirement(problem: PlanningProblem, groups: [DemandGroup]) -> [Double] {
        var need = [Double](repeating: 0, count: problem.itemIDs.count)
        for group in groups where !group.items.isEmpty {
            let items = preferredItems(group)?.cheap ?? group.items
            for i in items { need[i] += group.qty / Double(items.count) }
        }
        for i in parentsFirst where need[i] > 0 {
            let made = need[i] * lineShare[i]
            for c in problem.bomStart[i]..<problem.bomStart[i + 1] { need[problem.bomItem[c]] += made * problem.bomQty[c] }
        }
        return need
    }

    // MARK: - Using

    /// The cheapest cost among a group's items.
    func groupCost(_ group: DemandGroup) -> Double {
        var best = Double.infinity
        for i in group.items { best = min(best, cost[i]) }
        return best.isFinite ? best : 0
    }

    /// Groups by what a unit saves if served rather than left unserved (or, `byWeight`, per month it is not late),
    /// over what it costs; ties by priority, due month, target and index.
    func order(groups: [DemandGroup], horizon: Int, byWeight: Bool = false, capMonths: Double? = nil) -> [Int] {
        let floor = 1e-9 * max(1e-12, cost.max() ?? 0)
        let density = groups.map { g in
            var months = ObjectiveDefinition.unservedMonths(horizon: horizon, due: g.due)
            if let capMonths { months = min(months, capMonths) }
            let saved = byWeight ? g.weight : g.weight * months
            return saved / (groupCost(g) + floor)
        }
        return groups.indices.sorted { a, b in
            if density[a] != density[b] { return density[a] > density[b] }
            if groups[a].priority != groups[b].priority { return groups[a].priority < groups[b].priority }
            if groups[a].due != groups[b].due { return groups[a].due < groups[b].due }
            if groups[a].target != groups[b].target { return groups[a].target < groups[b].target }
            return a < b
        }
    }

    func preferredItems(_ group: DemandGroup) -> Preference? {
        guard group.items.count > 1 else { return nil }
        let items = group.items.sorted { (cost[$0], $0) < (cost[$1], $1) }
        let limit = cost[items[0]] * 1.25 + 1e-12
        return Preference(items: items, cheap: items.filter { cost[$0] <= limit })
    }

    // MARK: - Updating

    /// exp(3x) for the utilisation gap x in -1...0.05, by a fixed polynomial-free table walk so that every platform
    /// gives the same bits: (1 + 3x/16)^16.
    static func step(_ x: Double) -> Double {
        var y = max(0, 1 + 3 * x / 16)
        for _ in 0..<4 { y *= y }
        return y
    }

    /// Prices after a pass: up on items whose capacity the pass used up, down on the others. An item's capacity
    /// counts up to the last month the pass took anything from it (later capacity was wanted by no one), so
    /// an item is binding when its sources are spent in nearly every month up to that one.
    func updated(after run: StrategyPass, problem: PlanningProblem) -> PriceBook {
        let n = problem.itemIDs.count
        let h = problem.horizon
        var used = [Double](repeating: 0, count: n)
        var offered = [Double](repeating: 0, count: n)
        var lastUse = [Int](repeating: -1, count: n)
        for i in 0..<n {
            used[i] = problem.initialStock[i] - run.allocator.stockFree[i]
            offered[i] = problem.initialStock[i]
        }
        for (s, source) in problem.sources.enumerated() {
            for t in 0..<h where run.allocator.used(source: s, month: t) > Allocator.epsilon {
                lastUse[source.item] = max(lastUse[source.item], t + source.leadTime)
            }
        }
        for (s, source) in problem.sources.enumerated() {
            let i = source.item
            for t in 0..<h where t + source.leadTime <= lastUse[i] {
                used[i] += run.allocator.used(source: s, month: t)
                offered[i] += source.capacity[t]
            }
        }
        var next = self
        next.pass = self.pass + 1
        let top = max(price.max() ?? 0, 1e-3)
        for i in 0..<n where offered[i] > 0 {
            // Multiplicative steps towards using each priced item to 95 %: a price falls fast on an item left idle.
            let utilisation = used[i] / offered[i]
            let base = price[i] > 0 ? price[i] : (utilisation >= 0.95 ? 0.05 * top : 0)
            next.price[i] = base * Self.step(utilisation - 0.95)
        }
        next.computeCosts(problem)
        return next
    }
}
