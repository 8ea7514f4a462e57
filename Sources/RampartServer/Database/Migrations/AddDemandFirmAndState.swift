import Fluent
import FluentSQL
import SQLKit

/// 020: whether a demand is firm (under contract) or foreseeable, which the demand signals split; demands entered
/// before it are foreseeable. And `demand_state`, the one row every change to the demands moves on (its generation),
/// so that each server knows when the signals it keeps are out of date.
struct AddDemandFirmAndState: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("demands").field("firm", .bool, .required, .sql(.default(false))).update()
        try await database.schema("demand_state")
            .field("id", .int, .identifier(auto: false))
            .field("generation", .int, .required)
            .create()
        try await SQLAccess.sql(database).raw("INSERT INTO demand_state (id, generation) VALUES (1, 0)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("demand_state").delete()
        try await database.schema("demands").deleteField("firm").update()
    }
}
