import Fluent
import Foundation

/// One change to a record: who, when, what, old and new values (JSON object field -> [old, new]).
/// Written once, never updated: no route changes or deletes it.
final class AuditRecord: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor") var actor: String
    @Field(key: "at") var at: Date
    @Field(key: "entity") var entity: String
    @Field(key: "entity_key") var entityKey: String
    @Field(key: "action") var action: String
    @Field(key: "changes") var changes: String

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $actorID, $actor, $at, $entity, $entityKey, $action, $changes] }

    init() {}

    init(actorID: UUID?, actor: String, at: Date, entity: String, entityKey: String, action: String, changes: String) {
        self.actorID = actorID
        self.actor = actor
        self.at = at
        self.entity = entity
        self.entityKey = entityKey
        self.action = action
        self.changes = changes
    }
}
