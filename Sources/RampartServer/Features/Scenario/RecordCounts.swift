import Fluent
import SQLKit

/// How many records the scenario holds. Kept on the settings row (migration 008) by `store`, which every change
/// of the scenario's size calls inside its transaction; the dashboard reads them on every visit.
struct RecordCounts: Decodable, Sendable, Equatable {
    var nations: Int
    var demands: Int
    var sources: Int
    var items: Int

    static let none = RecordCounts(nations: 0, demands: 0, sources: 0, items: 0)

    /// The counts as the dashboards show them. Those who read released demand only see how many demands are
    /// released (`releasedDemands`), not how many exist.
    func labelled(releasedDemands: Int?) -> [(label: String, value: Int)] {
        let demandCount: (label: String, value: Int) = releasedDemands.map { ("Released demands", $0) } ?? ("Demands", demands)
        return [("Nations", nations), demandCount, ("Lines and supplies", sources), ("Items", items)]
    }

    /// The counts the settings row holds, or counted now when it holds none.
    static func load(settings: ScenarioSettingsRecord?, on db: any Database) async throws -> RecordCounts {
        guard let settings else { return .none }
        if let nations = settings.nationCount, let demands = settings.demandCount, let sources = settings.sourceCount,
            let items = settings.itemCount
        {
            return RecordCounts(nations: nations, demands: demands, sources: sources, items: items)
        }
        return try await count(on: db)
    }

    static func count(on db: any Database) async throws -> RecordCounts {
        let row = try await SQLAccess.sql(db).raw(
            """
            SELECT (SELECT COUNT(*) FROM nations) AS nations, (SELECT COUNT(*) FROM demands) AS demands,
                   (SELECT COUNT(*) FROM sources) AS sources, (SELECT COUNT(*) FROM items) AS items
            """
        ).first(decoding: RecordCounts.self)
        return row ?? .none
    }

    static func released(on db: any Database) async throws -> Int {
        try await DemandRecord.query(on: db).filter(\.$released == true).count()
    }

    /// Counts the records and writes the counts on the settings row. Call in the transaction that changed them.
    static func store(on db: any Database) async throws {
        try await SQLAccess.sql(db).raw(
            """
            UPDATE scenario_settings SET nation_count = (SELECT COUNT(*) FROM nations),
                demand_count = (SELECT COUNT(*) FROM demands), source_count = (SELECT COUNT(*) FROM sources),
                item_count = (SELECT COUNT(*) FROM items)
            """
        ).run()
    }
}
