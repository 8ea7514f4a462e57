import Fluent
import Foundation

final class StockRecord: Model, @unchecked Sendable {
    static let schema = "stocks"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_code") var itemCode: String
    @Field(key: "qty") var qty: Double
    @Field(key: "position") var position: Int

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $itemCode, $qty, $position] }

    init() {}

    init(itemCode: String, qty: Double, position: Int) {
        self.itemCode = itemCode
        self.qty = qty
        self.position = position
    }
}
