import Fluent
import Foundation

final class ItemRecord: Model, @unchecked Sendable {
    static let schema = "items"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "item_class") var itemClass: String?
    @Field(key: "position") var position: Int
    @Field(key: "version") var version: Int

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $code, $name, $kind, $itemClass, $position, $version] }

    init() {}

    init(code: String, name: String, kind: String, itemClass: String?, position: Int) {
        self.code = code
        self.name = name
        self.kind = kind
        self.itemClass = itemClass
        self.position = position
        self.version = 1
    }
}

/// One component of an item's bill of materials: `qty` of `componentCode` per unit of `itemCode`.
final class BOMEntryRecord: Model, @unchecked Sendable {
    static let schema = "bom_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_code") var itemCode: String
    @Field(key: "component_code") var componentCode: String
    @Field(key: "qty") var qty: Double
    @Field(key: "position") var position: Int

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $itemCode, $componentCode, $qty, $position] }

    init() {}

    init(itemCode: String, componentCode: String, qty: Double, position: Int) {
        self.itemCode = itemCode
        self.componentCode = componentCode
        self.qty = qty
        self.position = position
    }
}
