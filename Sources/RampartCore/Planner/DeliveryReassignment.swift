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
        itemRank: [Double]
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
            order == .weight ? g.weight : g.weight * ObjectiveDefinition.unservedMonths(horizon: h, due: g.due)
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

    /// Swaps units of one item between two groups where that lowers the objective: a group late with a unit
    /// available in month a1 takes another group's unit available earlier, a2, and gives it the a1 unit, when
    /// `w1 (a1 − d1)⁺ + w2 (a2 − d2)⁺ > w1 (a2 − d1)⁺ + w2 (a1 − d2)⁺`. Each unit is still delivered no earlier than it
    /// became available, so the plan stays exact; what is delivered in total to each group does not change. At most
    /// `budget` pairs are looked at, so the work stays bounded on large scenarios.
    ///
    /// A group's unserved units take part as units "available" after the horizon, charged what an unserved unit
    /// costs: a group short of units can take another's unit and leave that group short instead, where that is
    /// cheaper (a class demand's, in the list of the item it got most of).
    static func swapLateUnits(groups: [DemandGroup], deliveries: inout [[GroupDelivery]], horizon: Int, budget: Int) {
        struct Chunk {
            var group: Int
            var item: Int
            var available: Int
            var qty: Double
        }
        let never = Int.max / 4
        // Items that some class demand can take interchangeably share one pool of units.
        var root: [Int: Int] = [:]
        func find(_ i: Int) -> Int {
            var i = i
            while let r = root[i], r != i { i = r }
            return i
        }
        for group in groups where !group.items.isEmpty {
            let r = find(group.items[0])
            root[r] = root[r] ?? r
            for i in group.items.dropFirst() {
                let ri = find(i)
                if ri != r { root[max(ri, r)] = min(ri, r) } else { root[ri] = ri }
            }
        }
        var byPool: [Int: [Chunk]] = [:]
        for (g, list) in deliveries.enumerated() {
            var delivered = 0.0
            var most = (item: groups[g].items.first ?? -1, qty: 0.0)
            for d in list where d.qty > Allocator.epsilon {
                byPool[find(d.item), default: []].append(Chunk(group: g, item: d.item, available: d.available, qty: d.qty))
                delivered += d.qty
                if d.qty > most.qty { most = (d.item, d.qty) }
            }
            let short = groups[g].qty - delivered
            if short > Allocator.slack(groups[g].qty) && most.item >= 0 {
                byPool[find(most.item), default: []].append(Chunk(group: g, item: most.item, available: never, qty: short))
            }
        }
        func cost(_ g: Int, _ a: Int) -> Double {
            a == never
                ? ObjectiveDefinition.weightedLateness(
                    weight: groups[g].weight, lateUnitMonths: 0, unserved: 1, horizon: horizon, due: groups[g].due)
                : groups[g].weight * Double(max(0, a - groups[g].due))
        }
        func takes(_ g: Int, _ item: Int) -> Bool { groups[g].items.contains(item) }
        // Each pool gets a share of the budget in proportion to its units, so that no pool starves the others.
        let total = max(1, byPool.values.reduce(0) { $0 + $1.count })
        var changed = false
        for pool in byPool.keys.sorted() {
            guard var chunks = byPool[pool], chunks.contains(where: { $0.available > groups[$0.group].due }) else { continue }
            var left = max(10_000, budget / total * chunks.count)
            chunks.sort { ($0.available, $0.group, $0.item) < ($1.available, $1.group, $1.item) }
            for _ in 0..<Self.swapRounds {
                var improved = false
                var k = 0
                while k < chunks.count && left > 0 {
                    let late = chunks[k]
                    let g1 = late.group, a1 = late.available
                    guard late.qty > Allocator.epsilon, a1 > groups[g1].due else {
                        k += 1
                        continue
                    }
                    var best = 1e-9 * groups[g1].weight, bestE = -1
                    var e = 0
                    while e < chunks.count && chunks[e].available < a1 && left > 0 {
                        let other = chunks[e]
                        left -= 1
                        if other.group != g1 && other.qty > Allocator.epsilon && takes(g1, other.item)
                            && (a1 == never || takes(other.group, late.item))
                        {
                            let g2 = other.group, a2 = other.available
                            let gain = cost(g1, a1) + cost(g2, a2) - cost(g1, a2) - cost(g2, a1)
                            if gain > best {
                                best = gain
                                bestE = e
                            }
                        }
                        e += 1
                    }
                    if bestE < 0 {
                        k += 1
                        continue
                    }
                    let q = min(late.qty, chunks[bestE].qty)
                    let other = chunks[bestE]
                    chunks[k].qty -= q
                    chunks[bestE].qty -= q
                    chunks.append(Chunk(group: g1, item: other.item, available: other.available, qty: q))
                    chunks.append(Chunk(group: other.group, item: late.item, available: a1, qty: q))
                    improved = true
                    changed = true
                }
                if !improved || left <= 0 { break }
                chunks = chunks.filter { $0.qty > Allocator.epsilon }
                chunks.sort { ($0.available, $0.group, $0.item) < ($1.available, $1.group, $1.item) }
            }
            byPool[pool] = chunks
        }
        guard changed else { return }
        var result = [[GroupDelivery]](repeating: [], count: groups.count)
        for pool in byPool.keys.sorted() {
            for c in byPool[pool]! where c.qty > Allocator.epsilon && c.available != never {
                let month = max(c.available, groups[c.group].due)
                result[c.group].append(GroupDelivery(item: c.item, month: month, qty: c.qty, available: c.available))
            }
        }
        deliveries = result
    }
}
