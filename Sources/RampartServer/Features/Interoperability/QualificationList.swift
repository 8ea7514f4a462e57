import Fluent
import Foundation
import RampartCore
import SQLKit

/// The qualifications as their page and CSV list them: sorted, searched (munition, system, nation), a page at a time.
enum QualificationList {
    struct Row: Decodable, Sendable {
        var id: UUID
        var item_code: String
        var system_code: String
        var nation: String
        var qualified_on: String
    }

    static func order(_ query: TableQuery) -> String {
        let direction = query.descending ? "DESC" : "ASC"
        switch query.sort {
        case "system": return "system_code \(direction), item_code, nation"
        case "nation": return "nation \(direction), item_code, system_code"
        case "day": return "qualified_on \(direction), item_code, system_code, nation"
        default: return "item_code \(direction), system_code, nation"
        }
    }

    private static func conditions(_ query: TableQuery) -> SQLQueryString {
        guard !query.search.isEmpty else { return "" }
        let like = query.likePattern
        return
            " WHERE (LOWER(item_code) LIKE \(bind: like) ESCAPE '\\' OR LOWER(system_code) LIKE \(bind: like) ESCAPE '\\' OR LOWER(nation) LIKE \(bind: like) ESCAPE '\\')"
    }

    static func page(_ query: TableQuery, per: Int, on db: any Database) async throws -> (rows: [Row], total: Int, all: Int) {
        let sql = try SQLAccess.sql(db)
        struct Count: Decodable { var n: Int }
        let all = try await sql.raw("SELECT COUNT(*) AS n FROM qualifications").first(decoding: Count.self)?.n ?? 0
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM qualifications" + conditions(query)).first(decoding: Count.self)?.n ?? 0
        let rows = try await sql.raw(
            "SELECT id, item_code, system_code, nation, qualified_on FROM qualifications" + conditions(query)
                + " ORDER BY \(unsafeRaw: order(query)) LIMIT \(bind: per) OFFSET \(bind: PageRules.offset(page: query.page, per: per))"
        ).all(decoding: Row.self)
        return (rows, total, all)
    }
}
