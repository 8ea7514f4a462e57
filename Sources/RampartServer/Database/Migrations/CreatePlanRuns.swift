import Fluent

/// 002: plan runs (jobs) and each demand's outcome.
struct CreatePlanRuns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_runs")
            .id()
            .field("status", .string, .required)
            .field("progress", .double, .required)
            .field("phase", .string, .required)
            .field("requested_by", .uuid)
            .field("scenario_name", .string, .required)
            .field("demand_count", .int, .required)
            .field("weighted_lateness", .double)
            .field("on_time_units", .double)
            .field("late_units", .double)
            .field("unserved_units", .double)
            .field("error", .string)
            .field("started_at", .datetime)
            .field("finished_at", .datetime)
            .field("created_at", .datetime)
            .create()
        // The plan file (megabytes) and its summary live apart, so reads of the runs never walk past them.
        try await database.schema("plan_run_files")
            .id()
            .field("plan_run_id", .uuid, .required, .references("plan_runs", "id", onDelete: .cascade))
            .field("plan_json", .string, .required)
            .field("summary_json", .string, .required)
            .unique(on: "plan_run_id")
            .create()
        try await database.schema("plan_demand_results")
            .id()
            .field("plan_run_id", .uuid, .required, .references("plan_runs", "id", onDelete: .cascade))
            .field("demand_code", .string, .required)
            .field("nation", .string, .required)
            .field("target", .string, .required)
            .field("qty", .double, .required)
            .field("due_month", .int, .required)
            .field("priority", .int, .required)
            .field("released", .bool, .required)
            .field("on_time_units", .double, .required)
            .field("late_units", .double, .required)
            .field("unserved_units", .double, .required)
            .field("last_delivery_month", .int)
            .field("deliveries", .string, .required)
            .field("reason", .string)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_demand_results").delete()
        try await database.schema("plan_run_files").delete()
        try await database.schema("plan_runs").delete()
    }
}
