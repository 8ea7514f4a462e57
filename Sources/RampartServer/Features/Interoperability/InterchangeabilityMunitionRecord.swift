import Fluent
import Foundation

/// A qualified munition's line of the matrix, rebuilt with it: how many nations can use it, and the calibres of the
/// systems it is qualified for, written `|155 mm|` (each between bars), which the lists filter on.
final class InterchangeabilityMunitionRecord: Model, @unchecked Sendable {
    static let schema = "interchangeability_munitions"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_code") var itemCode: String
    @Field(key: "users") var users: Int
    @Field(key: "calibres") var calibres: String

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $itemCode, $users, $calibres] }

    init() {}

    static func text(_ calibres: [String]) -> String {
        calibres.isEmpty ? "" : "|" + calibres.joined(separator: "|") + "|"
    }
}
