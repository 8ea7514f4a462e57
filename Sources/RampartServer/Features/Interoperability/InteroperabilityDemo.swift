import Fluent
import Foundation
import RampartCore

/// `serve --demo`: the demo's weapon systems, fleets, qualifications and recognitions, when none are recorded and
/// the scenario holds the munitions they name; loaded as the system, audited, with the matrix rebuilt once.
enum InteroperabilityDemo {
    static func load(now: Date, on db: any Database) async throws {
        guard try await WeaponSystemRecord.query(on: db).count() == 0 else { return }
        let known = try await KnownCodes.load(on: db)
        let qualifications = DemoInteroperability.qualifications.filter { known.items.contains($0.item) }
        guard !qualifications.isEmpty else { return }
        try await InterchangeabilityStore.change(now: now, on: db) { tx in
            try await ScenarioStore.insert(DemoInteroperability.systems.map(WeaponSystemRecord.init), on: tx)
            try await ScenarioStore.insert(DemoInteroperability.fleets.map(FleetRecord.init), on: tx)
            try await ScenarioStore.insert(qualifications.map(QualificationRecord.init), on: tx)
            try await ScenarioStore.insert(DemoInteroperability.recognitions.map(RecognitionRecord.init), on: tx)
            try await Audit.record(
                .system, entity: "interoperability", key: "demo", action: "import (demo)",
                changes: [
                    .init(field: "weapon systems", old: "", new: "\(DemoInteroperability.systems.count)"),
                    .init(field: "fleets", old: "", new: "\(DemoInteroperability.fleets.count)"),
                    .init(field: "qualifications", old: "", new: "\(qualifications.count)"),
                    .init(field: "recognitions", old: "", new: "\(DemoInteroperability.recognitions.count)"),
                ], at: now, on: tx)
        }
    }
}
