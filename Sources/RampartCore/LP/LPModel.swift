/// The linear programme of planning-model.md ("The linear-programming bound") in index form.
///
/// Variables (names carry scenario array indices, never ids, so they are short and legal everywhere):
///   p_l_t    units started on line l in month t             0 <= p <= capacity of l in t
///   b_s_t    units ordered from supply s in month t          0 <= b <= capacity of s in t
///   x_g_i_t  units of item i delivered to demand group g in month t
///   u_g      units of group g never delivered
///   s_i_t    stock of item i at the end of month t           s >= 0
/// Rows:
///   bal_i_t  s_i_t - s_i_(t-1) - arrivals_i_t + consumption_i_t + deliveries_i_t = initial stock (t = 0) or 0
///   dem_g    sum of x_g_*_* + u_g = qty of g
///
/// Reductions, all keeping the optimum exact:
/// - Deliveries exist only from the due month on. Delivering earlier costs the same (nothing) and only
///   takes stock out sooner; moving such a delivery to the due month keeps every later stock equal and
///   every earlier stock larger, so x_g_i_due means "delivered at or before the due month".
/// - Demands with the same target (item or class), due month and weight are interchangeable: their
///   delivery variables have identical columns and costs, so a group with the summed qty has the same
///   optimum. Group g is named by the scenario index of its first demand.
/// - Production and purchases arriving at or past the horizon only consume, so they are left out, as are
///   months with zero capacity, demands with zero qty, and items nothing delivers or consumes
///   (with the lines and supplies of those items).
struct LPModel: Sendable {
    /// A line or a supply: one column per month with positive capacity.
    struct Source: Sendable {
        var index: Int
        /// By month; 0 where the column is left out.
        var capacity: [Double]
        /// Rows the column of month m touches: bal_(item)_(m + offset), merged per row.
        var effects: [Effect]
    }

    struct Effect: Sendable, Equatable {
        var item: Int
        var offset: Int
        var coef: Double
    }

    /// Row bal_i_t holds `coef` times the column of `source` in month t - offset.
    struct Touch: Sendable {
        var source: Int
        var isSupply: Bool
        var offset: Int
        var coef: Double
    }

    struct Group: Sendable {
        var name: Int
        var demands: [Int]
        var items: [Int]
        var due: Int
        /// First month with delivery variables: the due month, clamped into the horizon.
        var first: Int
        var weight: Double
        var qty: Double

        func cost(month t: Int) -> Double { weight * Double(max(0, t - due)) }
    }

    let horizon: Int
    /// Scenario item indices with a stock chain, ascending.
    let items: [Int]
    /// By scenario item index.
    let initialStock: [Double]
    let lines: [Source]
    let supplies: [Source]
    let groups: [Group]
    /// By scenario item index.
    let touches: [[Touch]]
    /// By scenario item index: positions in `groups`, ordered by first delivery month.
    let groupsByItem: [[Int]]

    init(scenario: Scenario, aggregateDemands: Bool) {
        let horizon = max(scenario.horizonMonths, 0)
        let itemCount = scenario.items.count
        var itemIndex: [String: Int] = [:]
        var classItems: [String: [Int]] = [:]
        for (i, item) in scenario.items.enumerated() {
            if itemIndex[item.id] == nil { itemIndex[item.id] = i }
            if let c = item.itemClass { classItems[c, default: []].append(i) }
        }

        let groups = Self.groups(
            scenario: scenario, horizon: horizon, aggregate: aggregateDemands,
            itemIndex: itemIndex, classItems: classItems)

        func capacities(_ steps: [CapacityStep], lead: Int) -> [Double] {
            (0..<horizon).map { t in
                let arrival = t + lead
                guard arrival >= 0, arrival < horizon else { return 0 }
                return max(0, CapacityStep.capacity(steps, month: t))
            }
        }

        var lineCapacity: [[Double]] = []
        var linesByItem = [[Int]](repeating: [], count: itemCount)
        for (l, line) in scenario.lines.enumerated() {
            let cap = capacities(line.capacity, lead: line.leadTimeMonths)
            lineCapacity.append(cap)
            if let i = itemIndex[line.item], cap.contains(where: { $0 > 0 }) { linesByItem[i].append(l) }
        }

        var relevant = [Bool](repeating: false, count: itemCount)
        var queue: [Int] = []
        for group in groups {
            for i in group.items where !relevant[i] {
                relevant[i] = true
                queue.append(i)
            }
        }
        while let i = queue.popLast() {
            guard !linesByItem[i].isEmpty else { continue }
            for entry in scenario.items[i].bom where entry.qty != 0 {
                if let c = itemIndex[entry.item], !relevant[c] {
                    relevant[c] = true
                    queue.append(c)
                }
            }
        }

        var touches = [[Touch]](repeating: [], count: itemCount)
        var lines: [Source] = []
        for (i, lineIndices) in linesByItem.enumerated() where relevant[i] {
            for l in lineIndices {
                let line = scenario.lines[l]
                var effects = [Effect(item: i, offset: line.leadTimeMonths, coef: -1)]
                for entry in scenario.items[i].bom where entry.qty != 0 {
                    guard let c = itemIndex[entry.item] else { continue }
                    if let k = effects.firstIndex(where: { $0.item == c && $0.offset == 0 }) {
                        effects[k].coef += entry.qty
                    } else {
                        effects.append(Effect(item: c, offset: 0, coef: entry.qty))
                    }
                }
                effects.removeAll { $0.coef == 0 }
                lines.append(Source(index: l, capacity: lineCapacity[l], effects: effects))
            }
        }
        lines.sort { $0.index < $1.index }

        var supplies: [Source] = []
        for (s, supply) in scenario.supplies.enumerated() {
            guard let i = itemIndex[supply.item], relevant[i] else { continue }
            let cap = capacities(supply.capacity, lead: supply.leadTimeMonths)
            guard cap.contains(where: { $0 > 0 }) else { continue }
            supplies.append(
                Source(
                    index: s, capacity: cap,
                    effects: [Effect(item: i, offset: supply.leadTimeMonths, coef: -1)]))
        }

        for (k, line) in lines.enumerated() {
            for e in line.effects {
                touches[e.item].append(Touch(source: k, isSupply: false, offset: e.offset, coef: e.coef))
            }
        }
        for (k, supply) in supplies.enumerated() {
            for e in supply.effects {
                touches[e.item].append(Touch(source: k, isSupply: true, offset: e.offset, coef: e.coef))
            }
        }

        var groupsByItem = [[Int]](repeating: [], count: itemCount)
        for (g, group) in groups.enumerated() {
            for i in group.items { groupsByItem[i].append(g) }
        }
        for i in 0..<itemCount where groupsByItem[i].count > 1 {
            groupsByItem[i].sort { (groups[$0].first, $0) < (groups[$1].first, $1) }
        }

        var initialStock = [Double](repeating: 0, count: itemCount)
        for stock in scenario.stocks {
            if let i = itemIndex[stock.item] { initialStock[i] += stock.qty }
        }

        self.horizon = horizon
        self.items = (0..<itemCount).filter { relevant[$0] }
        self.initialStock = initialStock
        self.lines = lines
        self.supplies = supplies
        self.groups = groups
        self.touches = touches
        self.groupsByItem = groupsByItem
    }

    private struct GroupKey: Hashable {
        var target: DemandTarget
        var due: Int
        var weight: Double
    }

    private static func groups(
        scenario: Scenario, horizon: Int, aggregate: Bool,
        itemIndex: [String: Int], classItems: [String: [Int]]
    ) -> [Group] {
        var groups: [Group] = []
        var groupOf: [GroupKey: Int] = [:]
        for (d, demand) in scenario.demands.enumerated() where demand.qty > 0 {
            let target = demand.target.canonical
            let key = GroupKey(target: target, due: demand.dueMonth, weight: demand.weight)
            let eligible = target.eligibleItems(itemIndex: itemIndex, classItems: classItems)
            if aggregate, let g = groupOf[key] {
                groups[g].demands.append(d)
                groups[g].qty += demand.qty
                continue
            }
            groupOf[key] = groups.count
            let first = min(max(demand.dueMonth, 0), max(horizon - 1, 0))
            groups.append(
                Group(
                    name: d, demands: [d], items: eligible, due: demand.dueMonth, first: first,
                    weight: demand.weight, qty: demand.qty))
        }
        return groups
    }

    func unservedCost(_ group: Group) -> Double {
        group.weight * ObjectiveDefinition.unservedMonths(horizon: horizon, due: group.due)
    }

    var size: LPSize {
        var columns = 0
        var nonzeros = 0
        for source in lines + supplies {
            let n = source.capacity.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
            columns += n
            nonzeros += n * source.effects.count
        }
        for group in groups {
            let n = group.items.count * (horizon - group.first)
            columns += n + 1
            nonzeros += 2 * n + 1
        }
        columns += items.count * horizon
        if horizon > 0 { nonzeros += items.count * (2 * horizon - 1) }
        return LPSize(columns: columns, rows: items.count * horizon + groups.count, nonzeros: nonzeros)
    }
}

/// Dimensions of an exported linear programme (the objective row is not counted).
public struct LPSize: Sendable, Equatable, CustomStringConvertible {
    public var columns: Int
    public var rows: Int
    public var nonzeros: Int

    public init(columns: Int, rows: Int, nonzeros: Int) {
        self.columns = columns
        self.rows = rows
        self.nonzeros = nonzeros
    }

    public var description: String { "\(columns) columns, \(rows) rows, \(nonzeros) nonzeros" }
}
