import Fluent
import SQLKit

/// PostgreSQL chooses how to run a query from its statistics of each table, which lag behind large writes
/// (an import, a plan run's 10,000 results) until autovacuum catches up; until then it may pick a plan made for
/// a near-empty table. Refreshing them right after such a write costs milliseconds. SQLite needs nothing here.
enum Statistics {
    static func refresh(_ tables: [String], on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        for table in tables {
            try await sql.raw("ANALYZE \(ident: table)").run()
        }
    }
}
