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
        if sql.dialect.name == "sqlite" { try await reloadEverywhere(sql) }
    }

    /// The name of the table `reloadEverywhere` creates and drops; nothing else uses it.
    static let schemaTouch = "rampart_statistics_reload"

    /// An SQLite connection reads the statistics with the schema, when it opens or when the schema changes; ANALYZE
    /// changes neither for the server's other pooled connections, which went on planning with the statistics of
    /// before (an empty results table, right after the first run): 40 % more CPU per list page until a restart.
    /// Creating and dropping a table changes the schema, so every connection reads it again, statistics included,
    /// before its next statement.
    private static func reloadEverywhere(_ sql: any SQLDatabase) async throws {
        try await sql.raw("CREATE TABLE IF NOT EXISTS \(ident: schemaTouch) (x INTEGER)").run()
        try await sql.raw("DROP TABLE IF EXISTS \(ident: schemaTouch)").run()
    }
}
