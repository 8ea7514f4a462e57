/// Demands that are interchangeable for the plan: same target (item, class or list of items), due month and priority.
/// The planner reserves for a group at once and shares the deliveries out in demand-id order.
struct DemandGroup: Sendable {
    var target: String
    /// The target's place among the scenario's distinct targets (item, class or list), the same for every group of
    /// that target, from 0: what a pass keys its per-target state by.
    var targetIndex: Int
    var isClass: Bool
    var items: [Int]
    var due: Int
    var priority: Int
    var weight: Double
    var qty: Double
    /// Indices into `PlanningProblem.demands`, sorted by id.
    var members: [Int]

    static func groups(of problem: PlanningProblem) -> [DemandGroup] {
        struct Key: Hashable {
            var target: String
            var isClass: Bool
            var due: Int
            var priority: Int
        }
        struct TargetKey: Hashable {
            var target: String
            var isClass: Bool
        }
        var byKey: [Key: Int] = [:]
        var targetIndex: [TargetKey: Int] = [:]
        var groups: [DemandGroup] = []
        for (d, demand) in problem.demands.enumerated() {
            let key = Key(target: demand.targetKey, isClass: demand.isClass, due: demand.due, priority: demand.priority)
            if let g = byKey[key] {
                groups[g].qty += demand.qty
                groups[g].members.append(d)
            } else {
                byKey[key] = groups.count
                let targetKey = TargetKey(target: demand.targetKey, isClass: demand.isClass)
                let t = targetIndex[targetKey] ?? targetIndex.count
                targetIndex[targetKey] = t
                groups.append(
                    DemandGroup(
                        target: demand.target, targetIndex: t, isClass: demand.isClass, items: demand.items,
                        due: demand.due,
                        priority: demand.priority, weight: demand.weight, qty: demand.qty, members: [d]))
            }
        }
        for g in groups.indices {
            groups[g].members.sort { problem.demands[$0].id < problem.demands[$1].id }
        }
        return groups
    }
}

/// What the plan hands one group: units of an item in a month.
struct GroupDelivery: Sendable {
    var item: Int
    var month: Int
    var qty: Double
    /// The month the units became available (at or before `month`): 0 for initial stock.
    var available: Int
}
