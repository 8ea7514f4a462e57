import Fluent
import Foundation

/// Who is changing records: a person, or the system (imports from the command line, the demo loader).
struct Actor: Sendable {
    var userID: UUID?
    var name: String

    static let system = Actor(userID: nil, name: "system")
}

/// Writes the audit trail. Call inside the transaction that makes the change, so both land or neither.
enum Audit {
    struct Change: Sendable {
        var field: String
        var old: String
        var new: String
    }

    static func record(
        _ actor: Actor, entity: String, key: String, action: String, changes: [Change], at: Date,
        on db: any Database
    ) async throws {
        try await entry(actor, entity: entity, key: key, action: action, changes: changes, at: at).create(on: db)
    }

    /// The entry `record` writes, for changes that write many at once (an import's rows).
    static func entry(_ actor: Actor, entity: String, key: String, action: String, changes: [Change], at: Date) throws -> AuditRecord {
        var object: [String: [String]] = [:]
        for change in changes { object[change.field] = [change.old, change.new] }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return AuditRecord(
            actorID: actor.userID, actor: actor.name, at: at, entity: entity, entityKey: key,
            action: action, changes: String(decoding: data, as: UTF8.self))
    }

    /// The fields whose values differ between `old` and `new`.
    static func diff(_ old: [(String, String)], _ new: [(String, String)]) -> [Change] {
        zip(old, new).compactMap { before, after in
            before.1 == after.1 ? nil : Change(field: before.0, old: before.1, new: after.1)
        }
    }

    static func decodeChanges(_ json: String) -> [Change] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: [String]] else { return [] }
        return object.keys.sorted().map { Change(field: $0, old: object[$0]?.first ?? "", new: object[$0]?.last ?? "") }
    }
}
