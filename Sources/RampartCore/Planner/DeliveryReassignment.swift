/// Hands the units a pass made available to the demand groups once more, without changing what is made, bought or
/// when: every unit a pass delivered becomes a unit of its item available from its month (initial stock from month
/// 0), and the groups take them again in another order, each the latest units by its due month first and then the
/// earliest after it. A unit delivered no earlier than it became available keeps every stock balance of the plan
/// non-negative, so the result is exact about the constraints like the pass itself.
///
/// The pass's order decides which items are made from scarce materials; it can leave a group due early waiting for
/// units that a group due later took on time. Once the units exist, who gets them is a question of weight and due
/// month only, which this answers.
enum DeliveryReassignment {
    enum Order: CaseIterable {
        /// Highest weight first; demands naming one item before class demands; earliest due month first.
        case weight
        /// Highest charge of an unserved unit (weight × months from due to the horizon's end plus 12) first.
        case unservedValue
    }

    struct Result {
        var deliveries: [[GroupDelivery]]
        /// Per item: initial stock the pass left untouched that the new deliveries take.
        var spareTaken: [Double]
    }

    /// `spare` is the initial stock the pass left untouched, per item: it joins the units of month 0, after them.
    static func reassign(
        problem: PlanningProblem, groups: [DemandGroup], deliveries: [[GroupDelivery]], spare: [Double], order: Order,
        itemRank: [Double], objective: PlanObjective = .weighted
    ) -> Result {
        let h = problem.horizon
        let n = problem.itemIDs.count
        var spare = spare
        var spareTaken = [Double](repeating: 0, count: n)
        guard h > 0 else { return Result(deliveries: deliveries, spareTaken: spareTaken) }
        var pool = [Double](repeating: 0, count: n * h)
        var low = [Int](repeating: h, count: n)
        var high = [Int](repeating: -1, count: n)
        for list in deliveries {
            for d in list where d.qty > 0 {
                let a = min(max(d.available, 0), h - 1)
                pool[d.item * h + a] += d.qty
                low[d.item] = min(low[d.item], a)
                high[d.item] = max(high[d.item], a)
            }
        }
        for i in 0..<n where spare[i] > Allocator.epsilon {
            low[i] = 0
            high[i] = max(high[i], 0)
        }
        let value = groups.map { g in
            let weight = objective == .weighted ? g.weight : objective.tradeWeight(priority: g.priority)
            return order == .weight ? weight : weight * ObjectiveDefinition.unservedMonths(horizon: h, due: g.due)
        }
        let sequence = groups.indices.sorted { a, b in
            if value[a] != value[b] { return value[a] > value[b] }
            if groups[a].isClass != groups[b].isClass { return !groups[a].isClass }
            if groups[a].due != groups[b].due { return groups[a].due < groups[b].due }
            return a < b
        }
        var result = [[GroupDelivery]](repeating: [], count: groups.count)
        for g in sequence {
            let group = groups[g]
            var remaining = group.qty
            let items =
                group.items.count > 1 ? group.items.sorted { (itemRank[$0], $0) < (itemRank[$1], $1) } : group.items
            var first = h, last = -1
            for i in items {
                first = min(first, low[i])
                last = max(last, high[i])
            }
            if last < 0 { continue }
            // On time: the latest units available by the due month.
            var a = min(group.due, last)
            while a >= first && remaining > Allocator.epsilon {
                for i in items where remaining > Allocator.epsilon && pool[i * h + a] > Allocator.epsilon {
                    let take = min(pool[i * h + a], remaining)
                    pool[i * h + a] -= take
                    remaining -= take
                    result[g].append(GroupDelivery(item: i, month: group.due, qty: take, available: a))
                }
                if a == 0 {
                    for i in items where remaining > Allocator.epsilon && spare[i] > Allocator.epsilon {
                        let take = min(spare[i], remaining)
                        spare[i] -= take
                        spareTaken[i] += take
                        remaining -= take
                        result[g].append(GroupDelivery(item: i, month: group.due, qty: take, available: 0))
                    }
                }
                a -= 1
            }
            // Late: the earliest units after it.
            a = max(group.due + 1, first)
            while a <= last && remaining > Allocator.epsilon {
                for i in items where remaining > Allocator.epsilon && pool[i * h + a] > Allocator.epsilon {
                    let take = min(pool[i * h + a], remaining)
                    pool[i * h + a] -= take
                    remaining -= take
                    result[g].append(GroupDelivery(item: i, month: a, qty: take, available: a))
                }
                a += 1
            }
        }
        return Result(deliveries: result, spareTaken: spareTaken)
    }
}

extension DeliveryReassignment {
    static let swapRounds = 3

    /// Items that some demand can take interchangeably share one pool of units: per item, the least item of its pool.
    static func pools(itemLists: [[Int]], items: Int) -> [Int] {
        var root = Array(0..<items)
        func find(_ i: Int) -> Int {
            var i = i
            while root[i] != i {
                root[i] = root[root[i]]
                i = root[i]
            }
            return i
        }
        for list in itemLists where !list.isEmpty {
            var r = find(list[0])
            for i in list.dropFirst() {
                let ri = find(i)
                guard ri != r else { continue }
                root[max(ri, r)] = min(ri, r)
                r = min(ri, r)
            }
        }
        return (0..<items).map(find)
    }

    /// Swaps units of one item between two groups where that lowers the objective: a group late with a unit
    /// available in month a1 takes another group's unit available earlier, a2, and gives it the a1 unit, when
    /// `w1 (a1 − d1)⁺ + w2 (a2 − d2)⁺ > w1 (a2 − d1)⁺ + w2 (a1 − d2)⁺`. Each unit is still delivered no earlier than it
    /// became available, so the plan stays exact; what is delivered in total to each group does not change. At most
    /// `budget` pairs are looked at, so the work stays bounded on large scenarios.
    ///
    /// A group's unserved units take part as units "available" after the horizon, charged what an unserved unit
    /// costs: a group short of units can take another's unit and leave that group short instead, where that is
    /// cheaper (a class demand's, in the list of the item it got most of).
    ///
    /// Under the `strict` objective, units are traded at `PlanObjective.tradeWeight`, so that no swap makes a higher
    /// priority later to make a lower one earlier.
    static func swapLateUnits(
        groups: [DemandGroup], deliveries: inout [[GroupDelivery]], horizon: Int, budget: Int,
        objective: PlanObjective = .weighted
    ) {
        let never = Int.max / 4
        // Per group, in flat arrays (no reference counting in the loops below): weight, due month, the charge of an
        // unserved unit and the items it can take.
        let count = groups.count
        var weight = [Double](repeating: 0, count: count)
        var due = [Int](repeating: 0, count: count)
        var unservedCharge = [Double](repeating: 0, count: count)
        var itemStart = [Int](repeating: 0, count: count + 1)
        var itemList: [Int] = []
        var items = 0
        for (g, group) in groups.enumerated() {
            weight[g] = objective == .weighted ? group.weight : objective.tradeWeight(priority: group.priority)
            due[g] = group.due
            unservedCharge[g] = ObjectiveDefinition.weightedLateness(
                weight: weight[g], lateUnitMonths: 0, unserved: 1, horizon: horizon, due: group.due)
            itemList.append(contentsOf: group.items)
            itemStart[g + 1] = itemList.count
            for i in group.items { items = max(items, i + 1) }
        }
        for list in deliveries { for d in list { items = max(items, d.item + 1) } }
        let pool = Self.pools(itemLists: groups.map(\.items), items: items)
        func find(_ i: Int) -> Int { pool[i] }
        var byPool = [[SwapChunk]](repeating: [], count: items)
        var total = 0
        for (g, list) in deliveries.enumerated() {
            var delivered = 0.0
            var most = (item: groups[g].items.first ?? -1, qty: 0.0)
            for d in list where d.qty > Allocator.epsilon {
                byPool[find(d.item)].append(
                    SwapChunk(group: Int32(g), item: Int32(d.item), available: d.available, qty: d.qty))
                total += 1
                delivered += d.qty
                if d.qty > most.qty { most = (d.item, d.qty) }
            }
            let short = groups[g].qty - delivered
            if short > Allocator.slack(groups[g].qty) && most.item >= 0 {
                byPool[find(most.item)].append(SwapChunk(group: Int32(g), item: Int32(most.item), available: never, qty: short))
                total += 1
            }
        }
        // Each pool gets a share of the budget in proportion to its units, so that no pool starves the others.
        total = max(1, total)
        var changed = false
        let table = SwapTable(
            weight: weight, due: due, unservedCharge: unservedCharge, itemStart: itemStart, itemList: itemList,
            never: never)
        for pool in byPool.indices where !byPool[pool].isEmpty {
            var chunks: [SwapChunk] = []
            swap(&chunks, &byPool[pool])
            defer { swap(&chunks, &byPool[pool]) }
            guard chunks.contains(where: { $0.available > due[Int($0.group)] }) else { continue }
            var left = max(10_000, budget / total * chunks.count)
            chunks.sort { ($0.available, $0.group, $0.item) < ($1.available, $1.group, $1.item) }
            for _ in 0..<Self.swapRounds {
                let improved = table.swapRound(&chunks, left: &left)
                if improved { changed = true }
                if !improved || left <= 0 { break }
                chunks = chunks.filter { $0.qty > Allocator.epsilon }
                chunks.sort { ($0.available, $0.group, $0.item) < ($1.available, $1.group, $1.item) }
            }
        }
        guard changed else { return }
        var result = [[GroupDelivery]](repeating: [], count: groups.count)
        for chunks in byPool {
            for c in chunks where c.qty > Allocator.epsilon && c.available != never {
                let g = Int(c.group)
                let month = max(c.available, due[g])
                result[g].append(GroupDelivery(item: Int(c.item), month: month, qty: c.qty, available: c.available))
            }
        }
        deliveries = result
    }
}

/// A piece of a group's deliveries in `DeliveryReassignment.swapLateUnits`: units of an item available in a month
/// (`never` for units the group goes without).
struct SwapChunk {
    var group: Int32
    var item: Int32
    var available: Int
    var qty: Double
}

/// What `swapLateUnits` needs of the groups, in flat arrays, so that its inner loop does no reference counting.
private struct SwapTable {
    let weight: [Double]
    let due: [Int]
    let unservedCharge: [Double]
    let itemStart: [Int]
    let itemList: [Int]
    let never: Int

    /// One round over the chunks (sorted by availability): each late chunk takes the earlier chunk that lowers the
    /// objective most, among those looked at within the budget `left`. Returns whether any pair was swapped.
    func swapRound(_ chunks: inout [SwapChunk], left: inout Int) -> Bool {
        weight.withUnsafeBufferPointer { weight in
            due.withUnsafeBufferPointer { due in
                unservedCharge.withUnsafeBufferPointer { unserved in
                    itemStart.withUnsafeBufferPointer { itemStart in
                        itemList.withUnsafeBufferPointer { itemList in
                            Self.round(
                                &chunks, left: &left, weight: weight, due: due, unserved: unserved, itemStart: itemStart,
                                itemList: itemList, never: never)
                        }
                    }
                }
            }
        }
    }

    private static func round(
        _ chunks: inout [SwapChunk], left: inout Int, weight: UnsafeBufferPointer<Double>, due: UnsafeBufferPointer<Int>,
        unserved: UnsafeBufferPointer<Double>, itemStart: UnsafeBufferPointer<Int>, itemList: UnsafeBufferPointer<Int>,
        never: Int
    ) -> Bool {
        @inline(__always) func cost(_ g: Int, _ a: Int) -> Double {
            a == never ? unserved[g] : weight[g] * Double(max(0, a - due[g]))
        }
        @inline(__always) func takes(_ g: Int, _ item: Int) -> Bool {
            var k = itemStart[g]
            let end = itemStart[g + 1]
            while k < end {
                if itemList[k] == item { return true }
                k += 1
            }
            return false
        }
        var improved = false
        var budget = left
        defer { left = budget }
        var k = 0
        while k < chunks.count && budget > 0 {
            let late = chunks[k]
            let g1 = Int(late.group), a1 = late.available
            guard late.qty > Allocator.epsilon, a1 > due[g1] else {
                k += 1
                continue
            }
            let late1 = cost(g1, a1)
            let lateItem = Int(late.item)
            var best = 1e-9 * weight[g1], bestE = -1
            chunks.withUnsafeBufferPointer { list in
                var e = 0
                let n = list.count
                while e < n && list[e].available < a1 && budget > 0 {
                    let other = list[e]
                    budget -= 1
                    let g2 = Int(other.group)
                    if g2 != g1 && other.qty > Allocator.epsilon && takes(g1, Int(other.item))
                        && (a1 == never || takes(g2, lateItem))
                    {
                        let a2 = other.available
                        let gain = late1 + cost(g2, a2) - cost(g1, a2) - cost(g2, a1)
                        if gain > best {
                            best = gain
                            bestE = e
                        }
                    }
                    e += 1
                }
            }
            if bestE < 0 {
                k += 1
                continue
            }
            let other = chunks[bestE]
            let q = min(late.qty, other.qty)
            chunks[k].qty -= q
            chunks[bestE].qty -= q
            chunks.append(SwapChunk(group: late.group, item: other.item, available: other.available, qty: q))
            chunks.append(SwapChunk(group: other.group, item: late.item, available: a1, qty: q))
            improved = true
        }
        return improved
    }
}
