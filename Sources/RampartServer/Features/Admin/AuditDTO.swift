import Fluent
import Foundation
import RampartCore
import Vapor

/// An audit entry as `/api/v1` sends it.
extension API {
    struct AuditDTO: Content {
        struct Change: Content {
            var field: String
            var old: String
            var new: String
        }

        var at: Date
        var actor: String
        var entity: String
        var key: String
        var action: String
        var changes: [Change]

        init(_ a: AuditRecord) {
            at = a.at; actor = a.actor; entity = a.entity; key = a.entityKey; action = a.action
            changes = Audit.decodeChanges(a.changes).map { Change(field: $0.field, old: $0.old, new: $0.new) }
        }
    }
}
