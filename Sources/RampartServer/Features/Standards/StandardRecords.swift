import Fluent
import Foundation
import RampartCore

/// A standard of the registry.
final class StandardRecord: Model, @unchecked Sendable {
    static let schema = "standards"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "edition") var edition: String
    @Field(key: "title") var title: String
    @Field(key: "domain") var domain: String
    @Field(key: "status") var status: String
    @OptionalField(key: "superseded_by") var supersededBy: String?
    @Field(key: "version") var version: Int

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $code, $edition, $title, $domain, $status, $supersededBy, $version] }

    init() {}

    init(_ s: Standard) {
        code = s.code
        version = 1
        set(s)
    }

    func set(_ s: Standard) {
        edition = s.edition
        title = s.title
        domain = s.domain
        status = s.status.rawValue
        supersededBy = s.supersededBy
    }

    var value: Standard {
        Standard(
            code: code, edition: edition, title: title, domain: domain, status: Standard.Status(rawValue: status) ?? .draft,
            supersededBy: supersededBy)
    }
}

/// A nation's ratification and implementation of a standard; days as `YYYY-MM-DD`.
final class RatificationRecord: Model, @unchecked Sendable {
    static let schema = "ratifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "standard_code") var standardCode: String
    @Field(key: "nation") var nation: String
    @Field(key: "status") var status: String
    @OptionalField(key: "planned_on") var plannedOn: String?
    @OptionalField(key: "implemented_on") var implementedOn: String?
    @Field(key: "version") var version: Int

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $standardCode, $nation, $status, $plannedOn, $implementedOn, $version] }

    init() {}

    init(_ r: Ratification) {
        standardCode = r.standard
        nation = r.nation
        version = 1
        set(r)
    }

    func set(_ r: Ratification) {
        status = r.status.rawValue
        plannedOn = r.plannedImplementation?.description
        implementedOn = r.implemented?.description
    }

    var value: Ratification {
        Ratification(
            standard: standardCode, nation: nation, status: Ratification.Status(rawValue: status) ?? .notRatified,
            plannedImplementation: plannedOn.flatMap(CalendarDay.init(iso:)), implemented: implementedOn.flatMap(CalendarDay.init(iso:)))
    }

    /// The fields as the audit trail records them.
    var described: [(String, String)] {
        [("status", status), ("plannedImplementation", plannedOn ?? ""), ("implemented", implementedOn ?? "")]
    }
}

/// An item that conforms to a standard.
final class StandardItemRecord: Model, @unchecked Sendable {
    static let schema = "standard_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "standard_code") var standardCode: String
    @Field(key: "item_code") var itemCode: String

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $standardCode, $itemCode] }

    init() {}

    init(standard: String, item: String) {
        standardCode = standard
        itemCode = item
    }
}
