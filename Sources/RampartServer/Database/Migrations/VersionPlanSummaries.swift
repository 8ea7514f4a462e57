import Fluent
import Foundation
import SQLKit

/// 011: the stored plan summaries get the version of their shape. Those stored before already have the keys of
/// version 1 (`PlanRunSummary`, the server's own shape since this migration): each gets `"version": 1` and keeps the
/// rest as it is, so past runs keep their results.
struct VersionPlanSummaries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        struct Row: Decodable { var id: UUID; var summary_json: String }
        let rows = try await sql.raw("SELECT id, summary_json FROM plan_run_files").all(decoding: Row.self)
        for row in rows {
            guard var object = try JSONSerialization.jsonObject(with: Data(row.summary_json.utf8)) as? [String: Any],
                object["version"] == nil
            else { continue }
            object["version"] = 1
            let json = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
            try await sql.raw("UPDATE plan_run_files SET summary_json = \(bind: json) WHERE id = \(bind: row.id)").run()
        }
    }

    /// Version 1 is the shape of before with one more key, which the earlier code ignored: nothing to undo.
    func revert(on database: any Database) async throws {}
}
