import Fluent
import SQLKit

/// Both databases choose how to run a query from their statistics of each table and index, which only `ANALYZE`
/// writes on SQLite and which lag behind large writes (an import, a plan run's 10,000 results) on PostgreSQL until
/// autovacuum catches up. Without them a delegate's searched list of 50 demands was read through the run's 4,761 late
/// results (35 ms on M) instead of through the nation's demands (0.3 ms). Refreshing them right after such a write
/// costs milliseconds (30 ms for all of M on SQLite).
enum Statistics {
    static func refresh(_ tables: [String], on db: any Database) async throws {
        let sql = try SQLAccess.sql(db)
        for table in tables {
            try await sql.raw("ANALYZE \(ident: table)").run()
        }
    }
}
