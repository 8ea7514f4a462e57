import Fluent
import SQLKit

/// 005: indexes for the reads every page and API list makes (same SQL on SQLite and PostgreSQL).
struct CreateIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: String)] = [
        ("demands_nation_position", "demands", "nation, position"),
        ("demands_position", "demands", "position"),
        ("sources_company", "sources", "company"),
        ("capacity_steps_source", "capacity_steps", "source_code"),
        ("bom_entries_item", "bom_entries", "item_code"),
        ("plan_runs_status_created", "plan_runs", "status, created_at"),
        ("plan_demand_results_run_nation", "plan_demand_results", "plan_run_id, nation"),
        ("plan_demand_results_run_demand", "plan_demand_results", "plan_run_id, demand_code"),
        ("one_time_codes_user", "one_time_codes", "user_id, purpose"),
        ("rate_limit_hits_key_at", "rate_limit_hits", "key, at"),
        ("audit_entries_at", "audit_entries", "at"),
        ("outbox_mails_status_next", "outbox_mails", "status, next_attempt_at"),
    ]

    func prepare(on database: any Database) async throws {
        let sql = try Self.sql(database)
        for index in Self.indexes {
            try await sql.raw("CREATE INDEX \(unsafeRaw: index.name) ON \(unsafeRaw: index.table) (\(unsafeRaw: index.columns))").run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try Self.sql(database)
        for index in Self.indexes.reversed() {
            try await sql.raw("DROP INDEX \(unsafeRaw: index.name)").run()
        }
    }

    private static func sql(_ database: any Database) throws -> any SQLDatabase {
        guard let sql = database as? any SQLDatabase else { throw FluentError.missingField(name: "SQL database") }
        return sql
    }
}
