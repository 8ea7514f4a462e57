import Fluent
import Foundation
import NIOConcurrencyHelpers
import RampartCore
import SQLKit

/// The stored matrix as its page, CSV and API read it: the munitions (items with at least one qualification, each
/// with its line in `interchangeability_munitions`), filtered by class or calibre and searched, a page at a time,
/// with the cells of that page. Read from a snapshot each server keeps of the stored matrix, loaded again when the
/// matrix's generation moves on (every change to it, and every scenario import, moves it on): a page then costs one
/// small query instead of several over the whole matrix.
enum InterchangeabilityReads {
    struct Munition: Sendable, Equatable {
        var code: String
        var name: String
        var item_class: String?
        var users: Int
        /// The calibres of the systems it is qualified for.
        var calibres: Set<String>
    }

    struct Options: Sendable {
        var classes: [String]
        var calibres: [String]
    }

    static func spec(_ options: Options, view: InterchangeabilityView) -> TableSpec {
        var filters = [TableSpec.Filter(name: "class", label: "Class", options: [("", "Every class")] + options.classes.map { ($0, $0) })]
        if view == .whole {
            filters.append(
                TableSpec.Filter(name: "calibre", label: "Calibre", options: [("", "Every calibre")] + options.calibres.map { ($0, $0) }))
        }
        return TableSpec(sortKeys: ["item", "class", "users"], filters: filters, searchLabel: "Munition")
    }

    /// The whole stored matrix at one generation.
    struct Snapshot: Sendable {
        var generation: Int
        var rebuiltAt: Date?
        /// Sorted by code.
        var munitions: [Munition]
        /// Item → nation → routes.
        var cells: [String: [String: [InterchangeabilityMatrix.Route]]]
        /// The nations that operate at least one system, sorted: the matrix's columns.
        var operators: [String]
        /// The calibres of the systems munitions are qualified for, sorted.
        var calibres: [String]

        /// For readers of counts only, the munitions whose count is published: a withheld one is not listed at all,
        /// so neither its row nor the list's total tells that few nations can use it.
        func listed(_ view: InterchangeabilityView) -> [Munition] {
            switch view {
            case .whole: munitions
            case .userCounts(let minimum): munitions.filter { $0.users >= minimum }
            }
        }

        /// The filters' choices the reader may see: for readers of counts only, the classes of the munitions they
        /// are shown, and no calibres (a calibre names the systems a munition is qualified for).
        func options(view: InterchangeabilityView) -> Options {
            let classes = Set(listed(view).compactMap(\.item_class)).sorted()
            return Options(classes: classes, calibres: view == .whole ? calibres : [])
        }

        /// One page of munitions (all of them with `per` at its largest) and how many the query leaves.
        func munitions(_ query: TableQuery, view: InterchangeabilityView, per: Int) -> (rows: [Munition], total: Int) {
            var rows = listed(view)
            if let itemClass = query.filters["class"] { rows = rows.filter { $0.item_class == itemClass } }
            if let calibre = query.filters["calibre"] { rows = rows.filter { $0.calibres.contains(calibre) } }
            if !query.search.isEmpty {
                let search = query.search.lowercased()
                rows = rows.filter { $0.code.lowercased().contains(search) || $0.name.lowercased().contains(search) }
            }
            switch query.sort {
            case "class": rows.sort { ($0.item_class ?? "", $0.code) < ($1.item_class ?? "", $1.code) }
            case "users": rows.sort { ($0.users, $0.code) < ($1.users, $1.code) }
            default: break
            }
            if query.descending { rows.reverse() }
            let start = min(rows.count, PageRules.offset(page: query.page, per: per))
            return (Array(rows[start..<min(rows.count, start + per)]), rows.count)
        }
    }

    /// Each server's snapshot, with the generation it was read at.
    final class Cache: Sendable {
        private let current = NIOLockedValueBox<Snapshot?>(nil)

        /// The snapshot of the stored matrix's present generation, read again when it moved on.
        func snapshot(on db: any Database) async throws -> Snapshot {
            let generation = try await InterchangeabilityStore.state(on: db)?.generation ?? 0
            if let cached = current.withLockedValue({ $0 }), cached.generation == generation { return cached }
            let fresh = try await load(on: db)
            current.withLockedValue { $0 = fresh }
            return fresh
        }
    }

    /// The stored matrix, read in one transaction so that its parts agree.
    static func load(on db: any Database) async throws -> Snapshot {
        try await db.transaction { tx in
            let sql = try SQLAccess.sql(tx)
            let state = try await InterchangeabilityStore.state(on: tx)
            let munitions = try await sql.raw(
                "SELECT i.code AS code, i.name AS name, i.item_class AS item_class, m.users AS users, m.calibres AS calibres"
                    + " FROM interchangeability_munitions m JOIN items i ON i.code = m.item_code ORDER BY i.code"
            ).all().map { row in
                Munition(
                    code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self),
                    item_class: try row.decode(column: "item_class", as: String?.self),
                    users: try row.decode(column: "users", as: Int.self),
                    calibres: Set(try row.decode(column: "calibres", as: String.self).split(separator: "|").map(String.init)))
            }
            var cells: [String: [String: [InterchangeabilityMatrix.Route]]] = [:]
            for row in try await sql.raw("SELECT nation, item_code, routes FROM interchangeability_cells").all() {
                let item = try row.decode(column: "item_code", as: String.self)
                let nation = try row.decode(column: "nation", as: String.self)
                cells[item, default: [:]][nation] = InterchangeabilityCellRecord.routes(try row.decode(column: "routes", as: String.self))
            }
            let operators = try await sql.raw("SELECT DISTINCT nation FROM fleets WHERE count > 0 ORDER BY nation").all()
                .map { try $0.decode(column: "nation", as: String.self) }
            return Snapshot(
                generation: state?.generation ?? 0, rebuiltAt: state?.rebuiltAt, munitions: munitions, cells: cells,
                operators: operators, calibres: Set(munitions.flatMap(\.calibres)).sorted())
        }
    }
}
