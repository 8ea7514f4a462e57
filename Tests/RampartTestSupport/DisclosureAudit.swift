/// An attacker's view of published signal tables, written apart from the suppression: which figures that were not
/// published can still be worked out exactly from those that were, by the sums that tie the tables together.
///
/// Every figure has three parts (total, firm, foreseeable). The equations: in each part, a target's figures over the
/// years sum to its total, a year's figures over the targets to the year's total, and both sets of totals to the
/// overall total; in each figure, firm plus foreseeable is the total. A part not published is determined when every
/// solution of those equations gives it the same value: when it is zero in every vector of the null space.
public enum DisclosureAudit {
    public struct Figure: Sendable, Hashable {
        public var target: String?
        public var year: Int?
        public var total: Double?
        public var firm: Double?
        public var foreseeable: Double?

        public init(target: String?, year: Int?, total: Double?, firm: Double?, foreseeable: Double?) {
            self.target = target
            self.year = year
            self.total = total
            self.firm = firm
            self.foreseeable = foreseeable
        }
    }

    private struct Key: Hashable {
        var target: String?
        var year: Int?
    }

    /// The parts not published that the published ones determine, as "target/year: part" (nil shown as "all").
    public static func recoverable(_ figures: [Figure]) -> [String] {
        var byKey: [Key: Figure] = [:]
        for f in figures { byKey[Key(target: f.target, year: f.year)] = f }
        let keys = byKey.keys.sorted { ($0.target ?? "~", $0.year ?? Int.max) < ($1.target ?? "~", $1.year ?? Int.max) }
        // Variables: three per figure; the unknown ones get a column.
        var column: [Int: Int] = [:]
        var names: [String] = []
        for (index, key) in keys.enumerated() {
            let f = byKey[key]!
            for (part, value) in [(0, f.total), (1, f.firm), (2, f.foreseeable)] where value == nil {
                column[index * 3 + part] = names.count
                names.append("\(key.target ?? "all")/\(key.year.map(String.init) ?? "all"): \(["total", "firm", "foreseeable"][part])")
            }
        }
        guard !names.isEmpty else { return [] }
        let position = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        var rows: [[Double]] = []
        func equation(_ terms: [(Key, Int, Double)]) {
            var row = [Double](repeating: 0, count: names.count)
            var any = false
            for (key, part, sign) in terms {
                guard let index = position[key], let c = column[index * 3 + part] else { continue }
                row[c] += sign
                any = true
            }
            if any { rows.append(row) }
        }
        let targets = Set(keys.compactMap(\.target)), years = Set(keys.compactMap(\.year))
        for part in 0..<3 {
            for t in targets {
                equation(years.map { (Key(target: t, year: $0), part, 1.0) } + [(Key(target: t, year: nil), part, -1)])
            }
            for y in years {
                equation(targets.map { (Key(target: $0, year: y), part, 1.0) } + [(Key(target: nil, year: y), part, -1)])
            }
            equation(targets.map { (Key(target: $0, year: nil), part, 1.0) } + [(Key(target: nil, year: nil), part, -1)])
            equation(years.map { (Key(target: nil, year: $0), part, 1.0) } + [(Key(target: nil, year: nil), part, -1)])
        }
        for key in keys { equation([(key, 1, 1), (key, 2, 1), (key, 0, -1)]) }
        return determined(rows, columns: names.count).map { names[$0] }
    }

    /// The columns zero in every null-space vector of the matrix (reduced row echelon form, partial pivoting).
    static func determined(_ matrix: [[Double]], columns: Int) -> [Int] {
        var m = matrix
        var pivotOf: [Int: Int] = [:]  // column -> row
        var row = 0
        for c in 0..<columns where row < m.count {
            guard let best = (row..<m.count).max(by: { abs(m[$0][c]) < abs(m[$1][c]) }), abs(m[best][c]) > 1e-9 else {
                continue
            }
            m.swapAt(row, best)
            let pivot = m[row][c]
            for k in 0..<columns { m[row][k] /= pivot }
            for r in 0..<m.count where r != row && abs(m[r][c]) > 1e-12 {
                let factor = m[r][c]
                for k in 0..<columns { m[r][k] -= factor * m[row][k] }
            }
            pivotOf[c] = row
            row += 1
        }
        let free = (0..<columns).filter { pivotOf[$0] == nil }
        return (0..<columns).filter { c in
            guard let r = pivotOf[c] else { return false }
            return free.allSatisfy { abs(m[r][$0]) < 1e-9 }
        }
    }
}
