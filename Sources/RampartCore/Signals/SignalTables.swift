/// The fixed set of demand-signal tables: per target and year, per target over all years, per year over all
/// targets, and the overall total, with the figures that may not be shown to industry marked and the reason.
///
/// The set is suppressed as a whole (primary and complementary figures alike), so any filter answered from its
/// published figures reveals no more than the set does.
public struct SignalTables: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        /// Nil: every target.
        public var target: String?
        /// Nil: every year.
        public var year: Int?
        public var total: Double
        /// The part under contract; the rest is foreseeable.
        public var firm: Double
        public var nations: Int
        /// Why the figure may not be shown to industry; nil when it may.
        public var hidden: SuppressionReason?
        /// Why the firm and foreseeable parts may not be shown, the total being shown; nil when they may (or when
        /// the total itself is hidden).
        public var splitHidden: SuppressionReason?

        public var foreseeable: Double { total - firm }
    }

    /// The target-by-year figures (by target, then year), then each target's total, then each year's, then the
    /// overall total. Only figures with some requirement behind them.
    public private(set) var cells: [Cell]
    public private(set) var targets: [String]
    public private(set) var years: [Int]

    public static func build(_ contributions: [SignalContribution]) -> SignalTables {
        var sums: [Key: Sum] = [:]
        for c in contributions where c.quantity > 0 {
            for key in [Key(c.target, c.year), Key(c.target, nil), Key(nil, c.year), Key(nil, nil)] {
                sums[key, default: Sum()].add(c)
            }
        }
        let targets = Set(sums.keys.compactMap(\.target)).sorted()
        let years = Set(sums.keys.compactMap(\.year)).sorted()
        let row = Dictionary(uniqueKeysWithValues: targets.enumerated().map { ($1, $0) })
        let column = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, targets.count + 1 + $0) })
        let overallRow = targets.count, overallColumn = targets.count + 1 + years.count

        let keys =
            targets.flatMap { t in years.map { Key(t, $0) } } + targets.map { Key($0, nil) } + years.map { Key(nil, $0) }
            + [Key(nil, nil)]
        let present = keys.filter { sums[$0] != nil }
        let edges = present.map { key in
            SecondarySuppression.Edge(
                row: key.target.map { row[$0]! } ?? overallRow, column: key.year.map { column[$0]! } ?? overallColumn,
                value: sums[key]!.total)
        }
        let nodeCount = overallColumn + 1

        var hidden = present.map { DisclosureRules.primaryReason(sums[$0]!.byNation) }
        var hiddenMask = hidden.map { $0 != nil }
        for edge in SecondarySuppression.protect(edges, nodeCount: nodeCount, hidden: &hiddenMask) {
            hidden[edge] = .complementary
        }
        var splitHidden = present.indices.map { index -> SuppressionReason? in
            guard hidden[index] == nil else { return nil }
            let sum = sums[present[index]]!
            return DisclosureRules.primaryReason(sum.firmByNation) ?? DisclosureRules.primaryReason(sum.foreseeableByNation)
        }
        var splitMask = present.indices.map { hidden[$0] != nil || splitHidden[$0] != nil }
        for edge in SecondarySuppression.protect(edges, nodeCount: nodeCount, hidden: &splitMask) {
            splitHidden[edge] = .complementary
        }

        let cells = present.indices.map { index in
            let sum = sums[present[index]]!
            return Cell(
                target: present[index].target, year: present[index].year, total: sum.total, firm: sum.firm,
                nations: sum.byNation.count, hidden: hidden[index], splitHidden: splitHidden[index])
        }
        return SignalTables(cells: cells, targets: targets, years: years)
    }

    private struct Key: Hashable {
        var target: String?
        var year: Int?
        init(_ target: String?, _ year: Int?) {
            self.target = target
            self.year = year
        }
    }

    private struct Sum {
        var total = 0.0
        var firm = 0.0
        var byNation: [String: Double] = [:]
        var firmByNation: [String: Double] = [:]
        var foreseeableByNation: [String: Double] = [:]

        mutating func add(_ c: SignalContribution) {
            total += c.quantity
            byNation[c.nation, default: 0] += c.quantity
            if c.firm {
                firm += c.quantity
                firmByNation[c.nation, default: 0] += c.quantity
            } else {
                foreseeableByNation[c.nation, default: 0] += c.quantity
            }
        }
    }
}
