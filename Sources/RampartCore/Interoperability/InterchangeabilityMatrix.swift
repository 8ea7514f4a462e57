/// Which nation can fire which munition, through which of its systems and on whose qualification: derived from the
/// fleets, the qualifications and the recognitions, never entered.
///
/// A nation can use a munition through a system when it operates that system (a fleet of at least one) and the
/// munition is qualified for the system by that nation, or by a nation whose qualifications it recognises.
public struct InterchangeabilityMatrix: Sendable, Equatable {
    /// One way a nation can use a munition.
    public struct Route: Sendable, Hashable, Comparable {
        public var system: String
        /// The nation whose qualification the route rests on: the user itself, or one it recognises.
        public var qualifiedBy: String

        public init(system: String, qualifiedBy: String) {
            self.system = system
            self.qualifiedBy = qualifiedBy
        }

        public static func < (a: Route, b: Route) -> Bool { (a.system, a.qualifiedBy) < (b.system, b.qualifiedBy) }
    }

    /// A nation that can use a munition, and every route by which it can.
    public struct Cell: Sendable, Hashable {
        public var nation: String
        public var item: String
        /// Sorted by system, then qualifying nation.
        public var routes: [Route]

        public init(nation: String, item: String, routes: [Route]) {
            self.nation = nation
            self.item = item
            self.routes = routes
        }

        /// Every route on the user's own qualification.
        public var ownQualification: Bool { routes.contains { $0.qualifiedBy == nation } }
    }

    /// Sorted by nation, then munition; only the pairs with at least one route.
    public private(set) var cells: [Cell]

    public init(cells: [Cell]) {
        self.cells = cells.sorted { ($0.nation, $0.item) < ($1.nation, $1.item) }
    }

    public static func derive(
        fleets: [Fleet], qualifications: [Qualification], recognitions: [Recognition]
    ) -> InterchangeabilityMatrix {
        var qualificationsBySystem: [String: [Qualification]] = [:]
        for q in qualifications { qualificationsBySystem[q.system, default: []].append(q) }
        var recognised: [String: Set<String>] = [:]
        for r in recognitions where r.nation != r.recognises { recognised[r.nation, default: []].insert(r.recognises) }
        var operated: [String: Set<String>] = [:]
        for f in fleets where f.count > 0 { operated[f.nation, default: []].insert(f.system) }

        var cells: [Cell] = []
        for nation in operated.keys.sorted() {
            let accepted = (recognised[nation] ?? []).union([nation])
            var routes: [String: Set<Route>] = [:]
            for system in operated[nation] ?? [] {
                for q in qualificationsBySystem[system] ?? [] where accepted.contains(q.nation) {
                    routes[q.item, default: []].insert(Route(system: system, qualifiedBy: q.nation))
                }
            }
            for item in routes.keys.sorted() {
                cells.append(Cell(nation: nation, item: item, routes: (routes[item] ?? []).sorted()))
            }
        }
        return InterchangeabilityMatrix(sortedCells: cells)
    }

    private init(sortedCells: [Cell]) { cells = sortedCells }

    /// The munitions `nation` can use.
    public func usableItems(by nation: String) -> Set<String> {
        Set(cells.lazy.filter { $0.nation == nation }.map(\.item))
    }

    /// For every munition some nation can use, those nations, sorted.
    public var usersByItem: [String: [String]] {
        var out: [String: [String]] = [:]
        for cell in cells { out[cell.item, default: []].append(cell.nation) }
        return out
    }
}

/// What a reader may learn from the matrix: staff and delegates read it whole (which nations, through which systems,
/// on whose qualification); industry and observers read, per munition, only how many nations can use it, and only
/// where that is at least `minimumUsers`, so that no answer singles out one or two nations' fleets.
public enum InterchangeabilityView: Sendable, Equatable {
    case whole
    case userCounts(minimumUsers: Int)

    public static let minimumPublishedUsers = DisclosureRules.minimumNations

    /// The count a reader of this view sees for a munition used by `users` nations: nil where it is withheld.
    public func publishedCount(_ users: Int) -> Int? {
        switch self {
        case .whole: users
        case .userCounts(let minimum): users >= minimum ? users : nil
        }
    }
}
