import Fluent
import Foundation
import SQLKit

/// 015: plan runs get a number people can say ("run 14"), 1 for the first, in the order they were queued; runs
/// stored before are numbered in that order here. A unique index keeps two runs from sharing one.
struct NumberPlanRuns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try SQLAccess.sql(database)
        try await sql.raw("ALTER TABLE plan_runs ADD COLUMN number INTEGER").run()
        struct Row: Decodable { var id: UUID }
        let rows = try await sql.raw("SELECT id FROM plan_runs ORDER BY created_at, id").all(decoding: Row.self)
        for (index, row) in rows.enumerated() {
            try await sql.raw("UPDATE plan_runs SET number = \(bind: index + 1) WHERE id = \(bind: row.id)").run()
        }
        try await sql.raw("CREATE UNIQUE INDEX plan_runs_number ON plan_runs (number)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try SQLAccess.sql(database)
        try await sql.raw("DROP INDEX plan_runs_number").run()
        try await sql.raw("ALTER TABLE plan_runs DROP COLUMN number").run()
    }
}
