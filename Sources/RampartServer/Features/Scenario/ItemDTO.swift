import Fluent
import Foundation
import RampartCore
import Vapor

/// An item with its bill of materials as `/api/v1` sends it.
extension API {
    struct ItemDTO: Content {
        var id: String
        var name: String
        var kind: String
        var `class`: String?
        var bom: [BOMEntry]
    }
}
