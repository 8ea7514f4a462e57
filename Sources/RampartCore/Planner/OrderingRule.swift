/// The order in which demand groups claim capacity. The planner tries several and keeps the best plan.
public enum OrderingRule: String, Codable, Sendable, CaseIterable {
    /// Highest priority first, then earliest due month.
    case priorityThenDue
    /// Earliest due month first, then highest priority.
    case dueThenPriority
    /// Due month shifted earlier by 6 months per priority step above the lowest.
    case slack6
    /// Due month shifted earlier by 12 months per priority step.
    case slack12
    /// Due month shifted earlier by 24 months per priority step.
    case slack24
    /// By what a unit saves (weight × months charged if unserved) over what it costs at the prices of scarce
    /// capacity and materials (`PriceBook`). Without prices, as `priorityThenDue`.
    case priced
    /// As `priced`, by the weight alone over the cost (what a unit saves per month it is not late).
    case pricedByWeight

    /// Whether the order comes from prices (`PriceBook.order`) rather than from `sortKey`.
    var isPriced: Bool { self == .priced || self == .pricedByWeight }

    func sortKey(due: Int, priority p: Int) -> (Int, Int) {
        switch self {
        case .priorityThenDue, .priced, .pricedByWeight: return (p, due)
        case .dueThenPriority: return (due, p)
        case .slack6: return (due + 6 * (p - 1), p)
        case .slack12: return (due + 12 * (p - 1), p)
        case .slack24: return (due + 24 * (p - 1), p)
        }
    }
}

/// How the on-time and the late part of each group are reserved.
public enum LatePolicy: String, Codable, Sendable, CaseIterable {
    /// Each group takes its on-time share, then at once its earliest late units.
    case together
    /// The late units of priority p are placed after the on-time shares of priority p + 1.
    case afterNextPriority
    /// The late units of priority p are placed after the on-time shares of priority p + 2.
    case afterTwoPriorities
    /// Every group takes its on-time share first; late units are placed in a second pass.
    case afterAllOnTime

    /// How many priority levels' on-time shares go before a group's late units (nil: together).
    var lag: Int? {
        switch self {
        case .together: return nil
        case .afterNextPriority: return 1
        case .afterTwoPriorities: return 2
        case .afterAllOnTime: return 5
        }
    }
}

/// Whether demands naming one item claim capacity before class demands, which can take any item of their class.
public enum ItemDemandPrecedence: String, Codable, Sendable, CaseIterable {
    case none
    /// Before the class demands of the same priority.
    case withinPriority
    /// Before every class demand.
    case always
    /// The on-time shares of item demands before everything else; late units in the usual order.
    case onTimeFirst
}

/// Which items of its class a class demand takes first for its on-time share.
public enum ClassItemChoice: String, Codable, Sendable, CaseIterable {
    /// Whatever arrives latest by the due month, across the items of the class.
    case latestFirst
    /// The items least wanted by demands naming them, compared with their capacity, first.
    case leastContested
}

public struct PlanStrategy: Codable, Sendable, Equatable, Hashable, CustomStringConvertible {
    public var ordering: OrderingRule
    public var late: LatePolicy
    public var itemDemands: ItemDemandPrecedence
    public var classItems: ClassItemChoice

    public init(
        ordering: OrderingRule, late: LatePolicy = .together, itemDemands: ItemDemandPrecedence = .none,
        classItems: ClassItemChoice = .latestFirst
    ) {
        self.ordering = ordering
        self.late = late
        self.itemDemands = itemDemands
        self.classItems = classItems
    }

    /// The order of a group: a total order, ties broken by target and then by index.
    func sortKey(due: Int, priority: Int, isClass: Bool) -> (Int, Int, Int, Int) {
        let (a, b) = ordering.sortKey(due: due, priority: priority)
        let classRank = isClass ? 1 : 0
        switch itemDemands {
        case .none, .onTimeFirst: return (a, b, 0, 0)
        case .always: return (classRank, a, b, 0)
        case .withinPriority: return ordering == .priorityThenDue ? (priority, classRank, due, 0) : (a, b, classRank, 0)
        }
    }

    public var description: String {
        [ordering.rawValue, late.rawValue, "itemDemands:\(itemDemands.rawValue)", "classItems:\(classItems.rawValue)"].joined(
            separator: "/")
    }

    /// The strategies tried by default: those that won on generated scenarios of every scale (BENCHMARKS.md).
    public static let standard: [PlanStrategy] = [
        PlanStrategy(ordering: .priorityThenDue),
        PlanStrategy(ordering: .priorityThenDue, itemDemands: .withinPriority),
    ]

    public static let all: [PlanStrategy] = OrderingRule.allCases.flatMap { o in
        LatePolicy.allCases.flatMap { l in
            ItemDemandPrecedence.allCases.flatMap { i in
                ClassItemChoice.allCases.map { PlanStrategy(ordering: o, late: l, itemDemands: i, classItems: $0) }
            }
        }
    }
}
