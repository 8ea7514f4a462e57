import Fluent
import Foundation
import RampartCore
import SQLKit

/// The lines and supplies as the industry page lists them: of one company for its people, of all for staff; sorted,
/// filtered by kind and searched (code, company, item), a page at a time.
enum SourceList {
    static let spec = TableSpec(
        sortKeys: ["entered", "code", "company", "country", "item", "lead"],
        filters: [
            TableSpec.Filter(name: "kind", label: "Kind", options: [("", "Lines and supplies"), ("line", "Lines"), ("supply", "Supplies")])
        ],
        searchLabel: "Code, company or item")

    struct Row: Decodable, Sendable {
        var code: String
        var kind: String
        var company: String
        var country: String
        var item_code: String
        var lead_time_months: Int
    }

    static func order(_ query: TableQuery) -> String {
        let direction = query.descending ? "DESC" : "ASC"
        switch query.sort {
        case "code": return "code \(direction)"
        case "company": return "company \(direction), code"
        case "country": return "country \(direction), code"
        case "item": return "item_code \(direction), code"
        case "lead": return "lead_time_months \(direction), code"
        default: return "position \(direction)"
        }
    }

    static func conditions(_ query: TableQuery, company: String?) -> SQLQueryString {
        scope(company) + narrowing(query)
    }

    /// The sources a reader may list: of `company` only when given.
    private static func scope(_ company: String?) -> SQLQueryString {
        company.map { " WHERE company = \(bind: $0)" } ?? " WHERE 1 = 1"
    }

    /// What the query's filters and search leave of them, as conditions each beginning with AND.
    private static func narrowing(_ query: TableQuery) -> SQLQueryString {
        var out: SQLQueryString = ""
        if let kind = query.filters["kind"] { out += " AND kind = \(bind: kind)" }
        if !query.search.isEmpty {
            let like = query.likePattern
            out +=
                " AND (LOWER(code) LIKE \(bind: like) ESCAPE '\\' OR LOWER(company) LIKE \(bind: like) ESCAPE '\\'"
                + " OR LOWER(item_code) LIKE \(bind: like) ESCAPE '\\')"
        }
        return out
    }

    /// One page of the sources `query` leaves (all of them with `per` at its largest), of `company` only when given.
    static func page(
        company: String?, query: TableQuery, per: Int, on db: any Database
    ) async throws -> (rows: [Row], total: Int, all: Int) {
        let sql = try SQLAccess.sql(db)
        struct Counts: Decodable {
            var matching: Int
            var all: Int
        }
        // Both counts in one pass over the reader's sources.
        let counts = try await sql.raw(
            "SELECT COALESCE(SUM(CASE WHEN 1 = 1" + narrowing(query) + " THEN 1 ELSE 0 END), 0) AS matching, COUNT(*) AS \(ident: "all")"
                + " FROM sources" + scope(company)
        ).first(decoding: Counts.self)
        let narrowed = conditions(query, company: company)
        let rows = try await sql.raw(
            "SELECT code, kind, company, country, item_code, lead_time_months FROM sources" + narrowed
                + " ORDER BY \(unsafeRaw: order(query)) LIMIT \(bind: per) OFFSET \(bind: PageRules.offset(page: query.page, per: per))"
        ).all(decoding: Row.self)
        return (rows, counts?.matching ?? 0, counts?.all ?? 0)
    }
}
