import Fluent
import Foundation
import RampartCore
import Vapor

/// Which items conform to which standard: staff record and withdraw them; audited.
enum ConformanceEditor {
    static func add(standard: String, item: String, by person: SignedIn, now: Date, on db: any Database) async throws {
        try StandardEditor.refuseUnlessStaff(person)
        guard try await StandardRecord.query(on: db).filter(\.$code == standard).first() != nil else {
            throw Abort(.notFound, reason: "no standard \(standard) in the registry")
        }
        try await db.transaction { tx in
            guard try await ItemRecord.query(on: tx).filter(\.$code == item).first() != nil else {
                throw InputError("item", "no item \(item) in the scenario")
            }
            guard try await StandardItemRecord.query(on: tx).filter(\.$standardCode == standard).filter(\.$itemCode == item).first() == nil
            else { return }
            try await StandardItemRecord(standard: standard, item: item).create(on: tx)
            try await Audit.record(
                person.actor, entity: "conformance", key: "\(item) \(standard)", action: "create",
                changes: [.init(field: "conforms", old: "", new: "yes")], at: now, on: tx)
        }
    }

    static func remove(standard: String, item: String, by person: SignedIn, now: Date, on db: any Database) async throws {
        try StandardEditor.refuseUnlessStaff(person)
        try await db.transaction { tx in
            guard
                let record = try await StandardItemRecord.query(on: tx).filter(\.$standardCode == standard).filter(\.$itemCode == item)
                    .first()
            else { throw Abort(.notFound, reason: "\(item) is not recorded as conforming to \(standard)") }
            try await record.delete(on: tx)
            try await Audit.record(
                person.actor, entity: "conformance", key: "\(item) \(standard)", action: "delete",
                changes: [.init(field: "conforms", old: "yes", new: "")], at: now, on: tx)
        }
    }
}

/// Conformance names scenario items: an import that drops a conforming item is refused.
extension ScenarioReferenceCheck {
    static let conformances = ScenarioReferenceCheck(name: "conformances") { items, _, db in
        guard !items.isEmpty else { return [] }
        return try await StandardItemRecord.query(on: db).filter(\.$itemCode ~~ Array(items)).sort(\.$itemCode).sort(\.$standardCode).all()
            .map { ScenarioReference(holder: "conformance of \($0.itemCode) to \($0.standardCode)", target: .item($0.itemCode)) }
    }
}
