import Fluent
import SQLKit

/// 006: a demand's position (its place in the imported file) is unique, so the planner's reads can page by it.
struct UniqueDemandPositions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try SQLAccess.sql(database)
        try await sql.raw("DROP INDEX demands_position").run()
        try await sql.raw("CREATE UNIQUE INDEX demands_position_unique ON demands (position)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try SQLAccess.sql(database)
        try await sql.raw("DROP INDEX demands_position_unique").run()
        try await sql.raw("CREATE INDEX demands_position ON demands (position)").run()
    }
}
