import RampartCore
import Vapor

/// What a reader asks of the signals: which of the fixed tables, one target, a range of years, and (for readers of
/// the whole) chosen nations. Every answer is a selection of the tables' figures, never a new sum, so no filter can
/// narrow a figure below the disclosure rules.
struct SignalQuery: Sendable, Equatable {
    enum Table: String, Sendable, CaseIterable {
        /// Per target and year.
        case cells
        /// Per target over all years.
        case targets
        /// Per year over all targets.
        case years
        /// Every target, every year.
        case overall
    }

    var tables: Set<Table> = Set(Table.allCases)
    var target: String?
    var from: Int?
    var to: Int?
    var nations: [String]?

    static let yearRange = 1900...2200

    /// `?table=&target=&from=&to=&nation=`; a nation filter from a reader of suppressed signals is refused.
    init(_ req: Request, principal: Principal) throws {
        if let table = req.query[String.self, at: "table"], !table.isEmpty {
            guard let chosen = Table(rawValue: table) else {
                throw InputError("table", "must be one of \(Table.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            tables = [chosen]
        }
        if let target = req.query[String.self, at: "target"], !target.isEmpty { self.target = target }
        for (name, keyPath) in [("from", \SignalQuery.from), ("to", \SignalQuery.to)] {
            guard let year = try req.queryInteger(name) else { continue }
            guard Self.yearRange.contains(year) else {
                throw InputError(name, "must be a year from \(Self.yearRange.lowerBound) to \(Self.yearRange.upperBound)")
            }
            self[keyPath: keyPath] = year
        }
        if let from, let to, from > to { throw InputError("to", "must not be before from (\(from))") }
        if let nation = req.query[String.self, at: "nation"], !nation.isEmpty {
            guard AccessPolicy.canFilterSignalsByNation(principal) else {
                throw InputError(
                    "nation",
                    "industry and observers read signals of all nations together: no figure is narrowed to chosen nations",
                    status: .forbidden)
            }
            let codes = nation.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if let unknown = codes.first(where: { Alliance.nation($0) == nil }) {
                throw InputError("nation", "\"\(unknown)\" is not a nation of the Alliance or a partner")
            }
            guard !codes.isEmpty else { throw InputError("nation", "name one nation or more, separated by commas") }
            nations = codes
        }
    }

    init() {}

    var isNarrowed: Bool { tables.count < Table.allCases.count || target != nil || from != nil || to != nil || nations != nil }

    func table(of figure: SignalFigure) -> Table {
        switch (figure.target, figure.year) {
        case (.some, .some): .cells
        case (.some, nil): .targets
        case (nil, .some): .years
        case (nil, nil): .overall
        }
    }

    /// The figures this query selects, in the tables' order. A year range keeps the figures of those years; the
    /// figures over all years stay as they are.
    func select(_ figures: [SignalFigure]) -> [SignalFigure] {
        figures.filter { f in
            guard tables.contains(table(of: f)) else { return false }
            if let target, f.target != target { return false }
            if let year = f.year {
                if let from, year < from { return false }
                if let to, year > to { return false }
            }
            return true
        }
    }
}
