import Fluent
import Foundation
import RampartCore

/// A munition (a scenario item) qualified for a weapon system by a nation, on a day (`YYYY-MM-DD`).
final class QualificationRecord: Model, @unchecked Sendable {
    static let schema = "qualifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_code") var itemCode: String
    @Field(key: "system_code") var systemCode: String
    @Field(key: "nation") var nation: String
    @Field(key: "qualified_on") var qualifiedOn: String

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $itemCode, $systemCode, $nation, $qualifiedOn] }

    init() {}

    init(_ qualification: Qualification) {
        itemCode = qualification.item
        systemCode = qualification.system
        nation = qualification.nation
        qualifiedOn = qualification.qualifiedOn.description
    }

    /// Nil only for a day the rules never let in.
    var value: Qualification? {
        CalendarDay(iso: qualifiedOn).map { Qualification(item: itemCode, system: systemCode, nation: nation, qualifiedOn: $0) }
    }

    /// How the audit trail and the pages name it: `SHELL-155 for PZH2000 by DE`.
    var label: String { "\(itemCode) for \(systemCode) by \(nation)" }
}
