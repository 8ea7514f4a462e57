import Fluent
import Foundation
import RampartCore

/// Import and export of a whole scenario file, each in one transaction: a failed import changes nothing.
enum ScenarioTransfer {
    struct ImportSummary: Sendable, Codable {
        var scenario: String
        var items: Int
        var lines: Int
        var supplies: Int
        var stocks: Int
        var demands: Int
    }

    /// Validates everything first (every problem with its JSON path), then replaces the planning scenario; refused
    /// with `OrphanedReferencesError` when a record beside it names an item or source the file drops.
    static func importFile(
        _ data: Data, by actor: Actor, now: Date, references: [ScenarioReferenceCheck], on db: any Database
    ) async throws -> ImportSummary {
        let scenario = try ScenarioReader.read(data)
        try refuseItemLists(scenario)
        try await db.transaction { tx in
            try await ScenarioStore.replace(with: scenario, references: references, on: tx)
            try await Audit.record(
                actor, entity: "scenario", key: scenario.name, action: "import",
                changes: [
                    .init(field: "demands", old: "", new: "\(scenario.demands.count)"),
                    .init(field: "lines", old: "", new: "\(scenario.lines.count)"),
                    .init(field: "supplies", old: "", new: "\(scenario.supplies.count)"),
                ],
                at: now, on: tx)
        }
        try await Statistics.refresh(ScenarioStore.tables, on: db)
        return ImportSummary(
            scenario: scenario.name, items: scenario.items.count, lines: scenario.lines.count,
            supplies: scenario.supplies.count, stocks: scenario.stocks.count, demands: scenario.demands.count)
    }

    /// A demand's record names one item or one class; until a nation's requirements keep which of its munitions may
    /// serve them, a file whose demands list `items` is refused whole, each such demand named, rather than stored
    /// without its list. `rampart plan` plans such files.
    static func refuseItemLists(_ scenario: Scenario) throws(ScenarioValidationError) {
        let issues = scenario.demands.enumerated().compactMap { k, demand in
            demand.items == nil
                ? nil
                : ScenarioIssue(
                    path: "demands[\(k)].items",
                    message: "lists of items are not kept by the server yet; name one item or a class (rampart plan plans such files)")
        }
        if !issues.isEmpty { throw ScenarioValidationError(issues: issues) }
    }

    /// The scenario file of what the database holds, read in one transaction so it is consistent.
    static func exportFile(on db: any Database) async throws -> Data? {
        let scenario = try await db.transaction { tx in try await ScenarioStore.load(on: tx) }
        guard let scenario else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(scenario) + Data("\n".utf8)
    }
}
