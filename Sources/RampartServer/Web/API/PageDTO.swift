import Fluent
import Foundation
import RampartCore
import Vapor

/// A page of a list: `?page=` (from 1) and `?per=` (1 to 500, default 50).
struct PageDTO<Item: Content>: Content {
    var items: [Item]
    var page: Int
    var per: Int
    var total: Int
}

extension PageDTO {
    init<Record>(_ page: Page<Record>, _ transform: (Record) throws -> Item) rethrows {
        self.init(items: try page.items.map(transform), page: page.metadata.page, per: page.metadata.per, total: page.metadata.total)
    }
}

/// The namespace of what `/api/v1` sends; each feature adds its own DTOs.
enum API {}
