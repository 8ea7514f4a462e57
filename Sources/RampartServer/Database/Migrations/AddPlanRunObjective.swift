import Fluent

/// 016: the objective a plan run aims at (`weighted` or `strict`, `PlanObjective`); runs queued before it aimed at the
/// weighted one and keep no value.
struct AddPlanRunObjective: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_runs").field("objective", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_runs").deleteField("objective").update()
    }
}
