import Fluent
import Foundation
import SQLKit

/// Qualifications name scenario items: an import that drops a qualified item is refused. The check first takes the
/// turn every change to qualifications takes (`InterchangeabilityStore`), in the import's transaction, so that no
/// qualification of a dropped item is recorded between the check and the import's delete.
extension ScenarioReferenceCheck {
    static let qualifications = ScenarioReferenceCheck(name: "qualifications") { items, _, db in
        try await InterchangeabilityStore.takeTurn(on: db)
        guard !items.isEmpty else { return [] }
        let rows = try await SQLAccess.sql(db).raw(
            "SELECT item_code, system_code, nation FROM qualifications WHERE item_code IN (\(binds: Array(items).sorted())) ORDER BY item_code, system_code, nation"
        ).all()
        return try rows.map { row in
            let item = try row.decode(column: "item_code", as: String.self)
            let system = try row.decode(column: "system_code", as: String.self)
            let nation = try row.decode(column: "nation", as: String.self)
            return ScenarioReference(holder: "qualification of \(item) for \(system) by \(nation)", target: .item(item))
        }
    }
}
