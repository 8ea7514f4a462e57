import Fluent

/// 008: the scenario's size (nations, demands, lines and supplies, items) kept on its settings row, written in the
/// same transaction as every change of it, so the dashboard reads it instead of counting on every visit.
struct AddScenarioSizes: AsyncMigration {
    static let columns = ["nation_count", "demand_count", "source_count", "item_count"]

    func prepare(on database: any Database) async throws {
        for column in Self.columns {
            try await database.schema("scenario_settings").field(.string(column), .int).update()
        }
        try await RecordCounts.store(on: database)
    }

    func revert(on database: any Database) async throws {
        for column in Self.columns {
            try await database.schema("scenario_settings").deleteField(.string(column)).update()
        }
    }
}
