import Fluent
import Foundation
import RampartCore
import SQLKit
import Vapor

/// A nation's fleet of one system: set its count (`version` when the fleet exists already: the one read).
struct FleetInput: Content, Sendable {
    var count: Int?
    var version: Int?
}

/// Sets how many of a system a nation operates: that nation's delegate and staff; validated, version-checked,
/// audited, and the matrix rebuilt in the same transaction.
enum FleetEditor {
    static func set(
        nation: String, system: String, with input: FleetInput, by person: SignedIn, now: Date, on db: any Database
    ) async throws -> FleetRecord {
        if let problem = InteroperabilityRules.nationProblem(nation) { throw InputError("nation", problem) }
        guard AccessPolicy.canEditFleet(person.principal, nation: nation) else {
            throw Abort(.forbidden, reason: "only \(nation)'s delegates and Alliance staff record \(nation)'s fleets")
        }
        guard let count = input.count else { throw InputError("count", "missing: send the number of systems operated, 0 to 100,000") }
        if let problem = InteroperabilityRules.fleetProblem(count) { throw InputError("count", problem) }
        guard try await WeaponSystemRecord.query(on: db).filter(\.$code == system).first() != nil else {
            throw InputError("system", "no weapon system \(system) in the catalogue")
        }
        return try await InterchangeabilityStore.change(now: now, on: db) { tx in
            let record = try await apply(
                FleetRow(nation: nation, system: system, count: count), version: input.version, by: person, now: now, on: tx)
            return record
        }
    }

    struct FleetRow: Sendable, Equatable {
        var nation: String
        var system: String
        var count: Int
    }

    /// Inside a change's transaction: sets one fleet and audits it. `version` nil sets it whatever it was (imports);
    /// otherwise it must be the stored one, and is required when the fleet exists.
    static func apply(
        _ row: FleetRow, version: Int?, requireVersion: Bool = true, by person: SignedIn?, now: Date, on tx: any Database
    ) async throws -> FleetRecord {
        let actor = person?.actor ?? .system
        if let existing = try await FleetRecord.query(on: tx).filter(\.$nation == row.nation).filter(\.$systemCode == row.system).first() {
            if requireVersion {
                guard let version else {
                    throw InputError("version", "missing: \(row.nation) has a fleet of \(row.system) already; send the version you read")
                }
                guard version == existing.version else { throw InputError.conflict("fleet", current: existing.version) }
            }
            let old = existing.count
            existing.count = row.count
            existing.version += 1
            try await existing.save(on: tx)
            try await Audit.record(
                actor, entity: "fleet", key: "\(row.nation) \(row.system)", action: "update",
                changes: Audit.diff([("count", "\(old)")], [("count", "\(row.count)")]), at: now, on: tx)
            return existing
        }
        if requireVersion, let version, version != 0 {
            throw InputError("version", "\(row.nation) has no fleet of \(row.system) yet: send no version to record one")
        }
        let record = FleetRecord(Fleet(nation: row.nation, system: row.system, count: row.count))
        try await record.create(on: tx)
        try await Audit.record(
            actor, entity: "fleet", key: "\(row.nation) \(row.system)", action: "create",
            changes: [.init(field: "count", old: "", new: "\(row.count)")], at: now, on: tx)
        return record
    }
}
