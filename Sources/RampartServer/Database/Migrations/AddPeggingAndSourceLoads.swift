import Fluent
import SQLKit

/// 017: what a run's pages show of where units came from and how full each source was, and an index that answers the
/// lists of a run's late demands without reading its rows.
/// - `plan_result_peggings`: per demand result, its pegging (JSON of `StoredPegging`: the stock, lines and supplies its
///   delivered units came from, in which months), in a table of its own so that the results' rows, which every list
///   reads, stay small.
/// - `plan_source_loads`: a row per line and supply of the run, its monthly use against its capacity then (JSON of
///   `StoredSourceLoad`).
/// Runs stored before have neither: their pages say so.
struct AddPeggingAndSourceLoads: AsyncMigration {
    static let lateListColumns =
        "plan_run_id, late_units, unserved_units, weighted_lateness, demand_code, due_month, priority, nation, last_delivery_month"

    func prepare(on database: any Database) async throws {
        try await database.schema("plan_result_peggings")
            .id()
            .field("result_id", .uuid, .required, .references("plan_demand_results", "id", onDelete: .cascade))
            .field("plan_run_id", .uuid, .required, .references("plan_runs", "id", onDelete: .cascade))
            .field("pegging", .string, .required)
            .create()
        try await database.schema("plan_source_loads")
            .id()
            .field("plan_run_id", .uuid, .required, .references("plan_runs", "id", onDelete: .cascade))
            .field("source_code", .string, .required)
            .field("is_line", .bool, .required)
            .field("company", .string, .required)
            .field("item_code", .string, .required)
            .field("load", .string, .required)
            .create()
        let sql = try SQLAccess.sql(database)
        try await sql.raw("CREATE UNIQUE INDEX plan_result_peggings_result ON plan_result_peggings (result_id)").run()
        try await sql.raw("CREATE INDEX plan_result_peggings_run ON plan_result_peggings (plan_run_id)").run()
        try await sql.raw("CREATE UNIQUE INDEX plan_source_loads_run_source ON plan_source_loads (plan_run_id, source_code)").run()
        try await sql.raw(
            "CREATE INDEX plan_demand_results_late_list ON plan_demand_results (\(unsafeRaw: Self.lateListColumns))"
        ).run()
    }

    func revert(on database: any Database) async throws {
        let sql = try SQLAccess.sql(database)
        try await sql.raw("DROP INDEX plan_demand_results_late_list").run()
        try await database.schema("plan_source_loads").delete()
        try await database.schema("plan_result_peggings").delete()
    }
}
