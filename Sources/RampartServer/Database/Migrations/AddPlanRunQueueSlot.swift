import Fluent
import SQLKit

/// 014: at most one plan run waits in the queue. A queued run holds `queue_slot` 1, which a unique index lets only one
/// row hold; the run gives it back (NULL) when it starts or fails. Two people starting a run at the same moment get
/// one run and one refusal, on either database. Runs queued before keep NULL and block nothing.
struct AddPlanRunQueueSlot: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try SQLAccess.sql(database)
        try await sql.raw("ALTER TABLE plan_runs ADD COLUMN queue_slot INTEGER").run()
        try await sql.raw("CREATE UNIQUE INDEX plan_runs_one_queued ON plan_runs (queue_slot)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try SQLAccess.sql(database)
        try await sql.raw("DROP INDEX plan_runs_one_queued").run()
        try await sql.raw("ALTER TABLE plan_runs DROP COLUMN queue_slot").run()
    }
}
