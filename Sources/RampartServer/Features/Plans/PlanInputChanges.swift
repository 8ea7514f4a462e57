import Fluent
import Foundation

/// Changes to what a plan reads (demands, lines, supplies, an import of the scenario) since a moment, from the audit
/// trail: a plan older than them may be out of date.
enum PlanInputChanges {
    static let entities = ["demand", "line", "supply", "scenario"]

    static func count(since moment: Date, on db: any Database) async throws -> Int {
        try await AuditRecord.query(on: db).filter(\.$entity ~~ entities).filter(\.$at > moment).count()
    }

    /// The sentence a page shows above a plan's results when the data changed after the plan read it; nil when not.
    static func notice(changes: Int, canStart: Bool) -> String? {
        guard changes > 0 else { return nil }
        let what = changes == 1 ? "1 change" : "\(Format.integer(changes)) changes"
        return "\(what) to demands, lines or supplies since this plan read the data: its results may be out of date. "
            + (canStart ? "Start a new run to plan the data as it is now." : "Alliance staff can start a new run.")
    }
}
