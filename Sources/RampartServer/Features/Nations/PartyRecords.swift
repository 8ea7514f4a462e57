import Fluent
import Foundation

/// An Ally (or partner) whose armaments directorate enters requirements. `code` is the country code used by demands.
final class NationRecord: Model, @unchecked Sendable {
    static let schema = "nations"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $code, $name] }

    init() {}

    init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// A producer or supplier; lines and supplies name it by `name`.
final class CompanyRecord: Model, @unchecked Sendable {
    static let schema = "companies"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "country") var country: String

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $name, $country] }

    init() {}

    init(name: String, country: String) {
        self.name = name
        self.country = country
    }
}
