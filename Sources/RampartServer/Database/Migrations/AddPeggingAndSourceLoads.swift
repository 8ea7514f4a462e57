import Fluent
import SQLKit

/// 017: what a run's pages show of where units came from and how full each source was. Each demand's result gains its
/// pegging (`pegging`, JSON of `StoredPegging`: the stock, lines and supplies its delivered units came from, in which
/// months); and `plan_source_loads` holds a row per line and supply of the run, its monthly use against its capacity
/// then (JSON of `StoredSourceLoad`). Runs stored before have neither: their pages say so.
struct AddPeggingAndSourceLoads: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try SQLAccess.sql(database)
        try await sql.raw("ALTER TABLE plan_demand_results ADD COLUMN pegging TEXT").run()
        try await database.schema("plan_source_loads")
            .id()
            .field("plan_run_id", .uuid, .required, .references("plan_runs", "id", onDelete: .cascade))
            .field("source_code", .string, .required)
            .field("is_line", .bool, .required)
            .field("company", .string, .required)
            .field("item_code", .string, .required)
            .field("load", .string, .required)
            .create()
        try await sql.raw("CREATE UNIQUE INDEX plan_source_loads_run_source ON plan_source_loads (plan_run_id, source_code)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_source_loads").delete()
        let sql = try SQLAccess.sql(database)
        try await sql.raw("ALTER TABLE plan_demand_results DROP COLUMN pegging").run()
    }
}
