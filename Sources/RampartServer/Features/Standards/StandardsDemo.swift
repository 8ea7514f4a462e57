import Fluent
import Foundation
import RampartCore

/// `serve --demo`: the demo's standards registry (`DemoStandards`), when none is recorded; conformances only of items
/// the scenario holds; loaded as the system, audited.
enum StandardsDemo {
    static func load(now: Date, on db: any Database) async throws {
        guard try await StandardRecord.query(on: db).count() == 0 else { return }
        let items = Set(try await ItemRecord.query(on: db).all().map(\.code))
        let conformances = DemoStandards.conformances.filter { items.contains($0.item) }
        try await db.transaction { tx in
            try await ScenarioStore.insert(DemoStandards.standards.map(StandardRecord.init), on: tx)
            try await ScenarioStore.insert(DemoStandards.ratifications.map(RatificationRecord.init), on: tx)
            try await ScenarioStore.insert(conformances.map { StandardItemRecord(standard: $0.standard, item: $0.item) }, on: tx)
            try await Audit.record(
                .system, entity: "standards", key: "demo", action: "import (demo)",
                changes: [
                    .init(field: "standards", old: "", new: "\(DemoStandards.standards.count)"),
                    .init(field: "ratifications", old: "", new: "\(DemoStandards.ratifications.count)"),
                    .init(field: "conformances", old: "", new: "\(conformances.count)"),
                ], at: now, on: tx)
        }
    }
}
