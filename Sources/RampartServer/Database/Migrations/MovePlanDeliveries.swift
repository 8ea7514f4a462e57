import Fluent
import Foundation
import SQLKit

/// 012: a plan run's deliveries move from a text column of "month:qty" pairs on each demand's result to a table of
/// their own, `plan_deliveries`, one row per result and month. The pairs of runs stored before are parsed here,
/// the only place that still knows that text, so past runs keep their deliveries; then the column is dropped.
struct MovePlanDeliveries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_deliveries")
            .id()
            .field("result_id", .uuid, .required, .references("plan_demand_results", "id", onDelete: .cascade))
            .field("plan_run_id", .uuid, .required, .references("plan_runs", "id", onDelete: .cascade))
            .field("month", .int, .required)
            .field("qty", .double, .required)
            .create()
        let sql = try SQLAccess.sql(database)
        try await sql.raw("CREATE INDEX plan_deliveries_result ON plan_deliveries (result_id)").run()
        try await sql.raw("CREATE INDEX plan_deliveries_run ON plan_deliveries (plan_run_id)").run()

        struct Row: Decodable { var id: UUID; var plan_run_id: UUID; var deliveries: String }
        let rows = try await sql.raw("SELECT id, plan_run_id, deliveries FROM plan_demand_results").all(decoding: Row.self)
        var pending: [(result: UUID, run: UUID, month: Int, qty: Double)] = []
        for row in rows {
            for (month, qty) in Self.pairs(row.deliveries) { pending.append((row.id, row.plan_run_id, month, qty)) }
            if pending.count >= 500 { try await Self.insert(pending, on: sql); pending.removeAll(keepingCapacity: true) }
        }
        try await Self.insert(pending, on: sql)
        try await sql.raw("ALTER TABLE plan_demand_results DROP COLUMN deliveries").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try SQLAccess.sql(database)
        try await sql.raw("ALTER TABLE plan_demand_results ADD COLUMN deliveries TEXT NOT NULL DEFAULT ''").run()
        struct Row: Decodable { var result_id: UUID; var month: Int; var qty: Double }
        let rows = try await sql.raw("SELECT result_id, month, qty FROM plan_deliveries ORDER BY result_id, month")
            .all(decoding: Row.self)
        for (result, deliveries) in Dictionary(grouping: rows, by: \.result_id) {
            let text = deliveries.sorted { $0.month < $1.month }.map { "\($0.month):\($0.qty)" }.joined(separator: ",")
            try await sql.raw("UPDATE plan_demand_results SET deliveries = \(bind: text) WHERE id = \(bind: result)").run()
        }
        try await database.schema("plan_deliveries").delete()
    }

    /// The text of before: "month:qty" pairs joined by ","; a pair that does not read is skipped, as its reader did.
    static func pairs(_ text: String) -> [(month: Int, qty: Double)] {
        text.split(separator: ",").compactMap { pair in
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let month = Int(parts[0]), let qty = Double(parts[1]) else { return nil }
            return (month, qty)
        }
    }

    private static func insert(_ rows: [(result: UUID, run: UUID, month: Int, qty: Double)], on sql: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        var insert = sql.insert(into: "plan_deliveries").columns("id", "result_id", "plan_run_id", "month", "qty")
        for row in rows {
            insert = insert.values(SQLBind(UUID()), SQLBind(row.result), SQLBind(row.run), SQLBind(row.month), SQLBind(row.qty))
        }
        try await insert.run()
    }
}
