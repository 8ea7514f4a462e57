import Fluent
import Foundation
import RampartCore

/// One cell of the derived matrix: `nation` can use `itemCode` by `routes`, stored as `SYSTEM:NATION` pairs joined
/// by `;` (neither codes' rules allow those characters).
final class InterchangeabilityCellRecord: Model, @unchecked Sendable {
    static let schema = "interchangeability_cells"

    @ID(key: .id) var id: UUID?
    @Field(key: "nation") var nation: String
    @Field(key: "item_code") var itemCode: String
    @Field(key: "routes") var routes: String

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $nation, $itemCode, $routes] }

    init() {}

    init(_ cell: InterchangeabilityMatrix.Cell) {
        nation = cell.nation
        itemCode = cell.item
        routes = Self.text(cell.routes)
    }

    static func text(_ routes: [InterchangeabilityMatrix.Route]) -> String {
        routes.map { "\($0.system):\($0.qualifiedBy)" }.joined(separator: ";")
    }

    static func routes(_ text: String) -> [InterchangeabilityMatrix.Route] {
        text.split(separator: ";").compactMap { pair in
            let parts = pair.split(separator: ":", maxSplits: 1)
            return parts.count == 2 ? InterchangeabilityMatrix.Route(system: String(parts[0]), qualifiedBy: String(parts[1])) : nil
        }
    }
}
