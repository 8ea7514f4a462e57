import Fluent
import SQLKit

/// 013: each demand's result in a plan run gains what its pages show first: its weighted lateness and unit-months
/// late (the objective's, from the core's outcome), its first delivery month, and its chain of causes in calendar
/// months (a JSON array of sentences, the main one first). Runs stored before have none of these (NULL): their
/// pages order them by units late and short instead, and show the reason they stored.
struct AddResultTimings: AsyncMigration {
    static let columns: [(name: String, type: String)] = [
        ("weighted_lateness", "DOUBLE PRECISION"), ("late_unit_months", "DOUBLE PRECISION"),
        ("first_delivery_month", "INTEGER"), ("causes", "TEXT"),
    ]

    func prepare(on database: any Database) async throws {
        let sql = try SQLAccess.sql(database)
        for column in Self.columns {
            try await sql.raw("ALTER TABLE plan_demand_results ADD COLUMN \(unsafeRaw: column.name) \(unsafeRaw: column.type)").run()
        }
        // The late list of a run: its late or short demands, worst first.
        try await sql.raw("CREATE INDEX plan_demand_results_run_lateness ON plan_demand_results (plan_run_id, weighted_lateness)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try SQLAccess.sql(database)
        try await sql.raw("DROP INDEX plan_demand_results_run_lateness").run()
        for column in Self.columns.reversed() {
            try await sql.raw("ALTER TABLE plan_demand_results DROP COLUMN \(unsafeRaw: column.name)").run()
        }
    }
}
