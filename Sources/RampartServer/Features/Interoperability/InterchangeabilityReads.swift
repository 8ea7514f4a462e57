import Fluent
import Foundation
import RampartCore
import SQLKit

/// The stored matrix as its page, CSV and API read it: the munitions (items with at least one qualification, each
/// with its line in `interchangeability_munitions`),
/// filtered by class or calibre and searched, a page at a time, with the cells of that page.
enum InterchangeabilityReads {
    struct Munition: Decodable, Sendable, Equatable {
        var code: String
        var name: String
        var item_class: String?
        var users: Int
    }

    struct Options: Sendable {
        var classes: [String]
        var calibres: [String]
    }

    /// The filters' choices the reader may see: for readers of counts only, the classes of the munitions they are
    /// shown, and no calibres (a calibre names the systems a munition is qualified for).
    static func options(view: InterchangeabilityView, on db: any Database) async throws -> Options {
        let sql = try SQLAccess.sql(db)
        let classes = try await sql.raw(
            "SELECT DISTINCT i.item_class AS value FROM interchangeability_munitions m JOIN items i ON i.code = m.item_code"
                + " WHERE i.item_class IS NOT NULL" + published(view) + " ORDER BY value"
        ).all().map { try $0.decode(column: "value", as: String.self) }
        guard view == .whole else { return Options(classes: classes, calibres: []) }
        let calibres = try await sql.raw(
            "SELECT DISTINCT calibre AS value FROM weapon_systems WHERE calibre <> '' AND code IN (SELECT system_code FROM qualifications) ORDER BY value"
        ).all().map { try $0.decode(column: "value", as: String.self) }
        return Options(classes: classes, calibres: calibres)
    }

    static func spec(_ options: Options, view: InterchangeabilityView) -> TableSpec {
        var filters = [TableSpec.Filter(name: "class", label: "Class", options: [("", "Every class")] + options.classes.map { ($0, $0) })]
        if view == .whole {
            filters.append(
                TableSpec.Filter(name: "calibre", label: "Calibre", options: [("", "Every calibre")] + options.calibres.map { ($0, $0) }))
        }
        return TableSpec(sortKeys: ["item", "class", "users"], filters: filters, searchLabel: "Munition")
    }

    /// For readers of counts only, the munitions whose count is published: a withheld one is not listed at all, so
    /// neither its row nor the list's total tells that few nations can use it.
    private static func published(_ view: InterchangeabilityView) -> SQLQueryString {
        switch view {
        case .whole: return ""
        case .userCounts(let minimum):
            return " AND m.users >= \(bind: minimum)"
        }
    }

    static func order(_ query: TableQuery) -> String {
        let direction = query.descending ? "DESC" : "ASC"
        switch query.sort {
        case "class": return "i.item_class \(direction), i.code"
        case "users": return "m.users \(direction), i.code"
        default: return "i.code \(direction)"
        }
    }

    private static func conditions(_ query: TableQuery, view: InterchangeabilityView) -> SQLQueryString {
        var out: SQLQueryString = " WHERE 1 = 1" + published(view)
        if let itemClass = query.filters["class"] { out += " AND i.item_class = \(bind: itemClass)" }
        if let calibre = query.filters["calibre"] {
            out += " AND m.calibres LIKE \(bind: "%|" + TableQuery.likeEscaped(calibre) + "|%") ESCAPE '\\'"
        }
        if !query.search.isEmpty {
            let like = query.likePattern
            out += " AND (LOWER(i.code) LIKE \(bind: like) ESCAPE '\\' OR LOWER(i.name) LIKE \(bind: like) ESCAPE '\\')"
        }
        return out
    }

    /// One page of munitions (all of them with `per` at its largest), each with how many nations can use it.
    static func munitions(
        _ query: TableQuery, view: InterchangeabilityView, per: Int, on db: any Database
    ) async throws -> (rows: [Munition], total: Int) {
        let sql = try SQLAccess.sql(db)
        struct Count: Decodable { var n: Int }
        let where_ = conditions(query, view: view)
        let from: SQLQueryString = " FROM interchangeability_munitions m JOIN items i ON i.code = m.item_code"
        let total = try await sql.raw("SELECT COUNT(*) AS n" + from + where_).first(decoding: Count.self)?.n ?? 0
        let rows = try await sql.raw(
            "SELECT i.code AS code, i.name AS name, i.item_class AS item_class, m.users AS users" + from + where_
                + " ORDER BY \(unsafeRaw: order(query)) LIMIT \(bind: per) OFFSET \(bind: PageRules.offset(page: query.page, per: per))"
        ).all(decoding: Munition.self)
        return (rows, total)
    }

    /// The cells of `items`: item → nation → routes.
    static func cells(of items: [String], on db: any Database) async throws -> [String: [String: [InterchangeabilityMatrix.Route]]] {
        guard !items.isEmpty else { return [:] }
        var out: [String: [String: [InterchangeabilityMatrix.Route]]] = [:]
        for chunk in stride(from: 0, to: items.count, by: 500).map({ Array(items[$0..<min($0 + 500, items.count)]) }) {
            let rows = try await SQLAccess.sql(db).raw(
                "SELECT nation, item_code, routes FROM interchangeability_cells WHERE item_code IN (\(binds: chunk))"
            ).all()
            for row in rows {
                let item = try row.decode(column: "item_code", as: String.self)
                let nation = try row.decode(column: "nation", as: String.self)
                out[item, default: [:]][nation] = InterchangeabilityCellRecord.routes(try row.decode(column: "routes", as: String.self))
            }
        }
        return out
    }

    /// The nations that operate at least one system, sorted: the matrix's columns.
    static func operators(on db: any Database) async throws -> [String] {
        try await SQLAccess.sql(db).raw("SELECT DISTINCT nation FROM fleets WHERE count > 0 ORDER BY nation").all()
            .map { try $0.decode(column: "nation", as: String.self) }
    }
}
