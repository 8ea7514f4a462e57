import Fluent
import Foundation
import SQLKit

/// 010: the general job queue. Each job has a kind and a payload of that kind's own shape; a server claims one at a
/// time, holds it by its heartbeat, and a job whose server is gone is failed or requeued by its kind's policy. Plan
/// runs become jobs of kind `plan-run`: the queued ones get their job here, and runs still "running" when the servers
/// stopped to migrate are failed, as their servers would have been found gone.
struct CreateJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("jobs")
            .id()
            .field("kind", .string, .required)
            .field("payload", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("progress", .double, .required)
            .field("phase", .string, .required)
            .field("error", .string)
            .field("worker", .string)
            .field("run_after", .datetime, .required)
            .field("heartbeat_at", .datetime)
            .field("created_at", .datetime)
            .field("started_at", .datetime)
            .field("finished_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX jobs_status_run_after ON jobs (status, run_after)").run()
        try await database.schema("plan_runs").field("job_id", .uuid).update()

        struct Run: Decodable { var id: UUID; var created_at: Date? }
        let now = Date()
        let queued = try await sql.raw("SELECT id, created_at FROM plan_runs WHERE status = 'queued'").all(decoding: Run.self)
        for run in queued {
            let job = UUID()
            let payload = "{\"planRun\":\"\(run.id.uuidString)\",\"version\":1}"
            try await sql.raw(
                """
                INSERT INTO jobs (id, kind, payload, status, attempts, max_attempts, progress, phase, run_after, created_at)
                VALUES (\(bind: job), 'plan-run', \(bind: payload), 'queued', 0, 1, 0, 'queued', \(bind: now), \(bind: run.created_at ?? now))
                """
            ).run()
            try await sql.raw("UPDATE plan_runs SET job_id = \(bind: job) WHERE id = \(bind: run.id)").run()
        }
        try await sql.raw(
            """
            UPDATE plan_runs SET status = 'failed', phase = 'failed', finished_at = \(bind: now),
                error = 'the server running it stopped before it finished; start a new run'
            WHERE status = 'running'
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_runs").deleteField("job_id").update()
        try await database.schema("jobs").delete()
    }
}
