import Fluent
import Foundation
import RampartCore

/// A weapon system of the catalogue: a howitzer type, a mortar, an air-defence launcher.
final class WeaponSystemRecord: Model, @unchecked Sendable {
    static let schema = "weapon_systems"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @Field(key: "calibre") var calibre: String
    @Field(key: "version") var version: Int

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $code, $name, $kind, $calibre, $version] }

    init() {}

    init(_ system: WeaponSystem) {
        code = system.code
        name = system.name
        kind = system.kind.rawValue
        calibre = system.calibre
        version = 1
    }

    var value: WeaponSystem {
        WeaponSystem(code: code, name: name, kind: WeaponSystem.Kind(rawValue: kind) ?? .other, calibre: calibre)
    }
}
