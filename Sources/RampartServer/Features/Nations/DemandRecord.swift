import Fluent
import Foundation
import RampartCore

/// A nation's requirement. `released` opens its details to the other nations' delegates and adds it to the signals
/// industry reads (`DisclosureRules`); `firm`: under contract, rather than foreseeable.
final class DemandRecord: Model, @unchecked Sendable {
    static let schema = "demands"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "nation") var nation: String
    @OptionalField(key: "item_code") var itemCode: String?
    @OptionalField(key: "item_class") var itemClass: String?
    @Field(key: "qty") var qty: Double
    @Field(key: "due_month") var dueMonth: Int
    @Field(key: "priority") var priority: Int
    @Field(key: "released") var released: Bool
    @Field(key: "firm") var firm: Bool
    @Field(key: "position") var position: Int
    @Field(key: "version") var version: Int

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] {
        [$id, $code, $nation, $itemCode, $itemClass, $qty, $dueMonth, $priority, $released, $firm, $position, $version]
    }

    init() {}

    init(
        code: String, nation: String, itemCode: String?, itemClass: String?, qty: Double, dueMonth: Int,
        priority: Int, released: Bool, firm: Bool = false, position: Int
    ) {
        self.code = code
        self.nation = nation
        self.itemCode = itemCode
        self.itemClass = itemClass
        self.qty = qty
        self.dueMonth = dueMonth
        self.priority = priority
        self.released = released
        self.firm = firm
        self.position = position
        self.version = 1
    }

    /// What the demand asks for: an item id or `class:NAME`.
    var target: String { DemandTarget(item: itemCode, itemClass: itemClass).key }
}
