import Fluent
import SQLKit

/// Many rows into one table, a statement per `perStatement` rows, written as SQL binds without building a Fluent
/// model per row (which cost more than the database's own work for the tens of thousands of rows of a plan run).
enum BulkInsert {
    static func rows(
        into table: String, columns: [String], _ rows: [[any Encodable & Sendable]], perStatement: Int, on db: any Database,
        afterEach: (Int) async throws -> Void = { _ in }
    ) async throws {
        let sql = try SQLAccess.sql(db)
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let end = min(start + perStatement, rows.count)
            var insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<end] { insert = insert.values(row) }
            try await insert.run()
            try await afterEach(end - start)
        }
    }
}
