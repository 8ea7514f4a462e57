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

    func sortKey(due: Int, priority: Int) -> (Int, Int) {
        switch self {
        case .priorityThenDue: return (priority, due)
        case .dueThenPriority: return (due, priority)
        case .slack6: return (due + 6 * (priority - 1), priority)
        case .slack12: return (due + 12 * (priority - 1), priority)
        case .slack24: return (due + 24 * (priority - 1), priority)
        }
    }
}

/// How the on-time and the late part of each group are reserved.
public enum LatePolicy: String, Codable, Sendable, CaseIterable {
    /// Each group takes its on-time share, then at once its earliest late units.
    case together
    /// Every group takes its on-time share first; late units are placed in a second pass.
    case afterAllOnTime
}

public struct PlanStrategy: Codable, Sendable, Equatable, Hashable, CustomStringConvertible {
    public var ordering: OrderingRule
    public var late: LatePolicy
    /// Demands naming one item claim capacity before class demands, which can take any item of their class.
    public var itemDemandsFirst: Bool

    public init(ordering: OrderingRule, late: LatePolicy, itemDemandsFirst: Bool = false) {
        self.ordering = ordering
        self.late = late
        self.itemDemandsFirst = itemDemandsFirst
    }

    public var description: String {
        "\(ordering.rawValue)/\(late.rawValue)" + (itemDemandsFirst ? "/itemDemandsFirst" : "")
    }

    public static let all: [PlanStrategy] = OrderingRule.allCases.flatMap { o in
        LatePolicy.allCases.flatMap { l in [false, true].map { PlanStrategy(ordering: o, late: l, itemDemandsFirst: $0) } }
    }
}
