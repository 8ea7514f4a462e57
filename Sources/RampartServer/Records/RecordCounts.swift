import Fluent
import SQLKit

/// How many records the scenario holds, in one query (the dashboard reads it on every visit).
struct RecordCounts: Decodable, Sendable {
    var nations: Int
    var demands: Int
    var sources: Int
    var items: Int

    static func load(on db: any Database) async throws -> RecordCounts {
        guard let sql = db as? any SQLDatabase else { throw FluentError.missingField(name: "SQL database") }
        let row = try await sql.raw("""
            SELECT (SELECT COUNT(*) FROM nations) AS nations, (SELECT COUNT(*) FROM demands) AS demands,
                   (SELECT COUNT(*) FROM sources) AS sources, (SELECT COUNT(*) FROM items) AS items
            """).first(decoding: RecordCounts.self)
        return row ?? RecordCounts(nations: 0, demands: 0, sources: 0, items: 0)
    }
}
