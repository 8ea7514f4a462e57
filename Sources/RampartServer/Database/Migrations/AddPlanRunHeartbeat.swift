import Fluent

/// 007: the time a running plan run last showed its server alive, so that a run whose server stopped can be found.
struct AddPlanRunHeartbeat: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_runs").field("heartbeat_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_runs").deleteField("heartbeat_at").update()
    }
}
