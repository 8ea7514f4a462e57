import Fluent
import Foundation
import RampartCore

/// How many of a weapon system a nation operates.
final class FleetRecord: Model, @unchecked Sendable {
    static let schema = "fleets"

    @ID(key: .id) var id: UUID?
    @Field(key: "nation") var nation: String
    @Field(key: "system_code") var systemCode: String
    @Field(key: "count") var count: Int
    @Field(key: "version") var version: Int

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $nation, $systemCode, $count, $version] }

    init() {}

    init(_ fleet: Fleet) {
        nation = fleet.nation
        systemCode = fleet.system
        count = fleet.count
        version = 1
    }

    var value: Fleet { Fleet(nation: nation, system: systemCode, count: count) }
}
