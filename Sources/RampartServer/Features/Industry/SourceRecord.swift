import Fluent
import Foundation

/// A production line or a bought supply: both are a company's source of one item, with a lead time.
/// `kind` is "line" or "supply"; `company` is the producer (lines) or the supplier (supplies).
final class SourceRecord: Model, @unchecked Sendable {
    static let schema = "sources"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "kind") var kind: String
    @Field(key: "company") var company: String
    @Field(key: "country") var country: String
    @Field(key: "item_code") var itemCode: String
    @Field(key: "lead_time_months") var leadTimeMonths: Int
    @Field(key: "position") var position: Int
    @Field(key: "version") var version: Int

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] {
        [$id, $code, $kind, $company, $country, $itemCode, $leadTimeMonths, $position, $version]
    }

    init() {}

    init(code: String, kind: SourceKind, company: String, country: String, itemCode: String, leadTimeMonths: Int, position: Int) {
        self.code = code
        self.kind = kind.rawValue
        self.company = company
        self.country = country
        self.itemCode = itemCode
        self.leadTimeMonths = leadTimeMonths
        self.position = position
        self.version = 1
    }

    var sourceKind: SourceKind { SourceKind(rawValue: kind) ?? .line }
}

enum SourceKind: String, Codable, Sendable, CaseIterable {
    case line
    case supply
}

/// One step of a source's capacity schedule: from `fromMonth` on, `perMonth` units.
final class CapacityStepRecord: Model, @unchecked Sendable {
    static let schema = "capacity_steps"

    @ID(key: .id) var id: UUID?
    @Field(key: "source_code") var sourceCode: String
    @Field(key: "from_month") var fromMonth: Int
    @Field(key: "per_month") var perMonth: Double

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $sourceCode, $fromMonth, $perMonth] }

    init() {}

    init(sourceCode: String, fromMonth: Int, perMonth: Double) {
        self.sourceCode = sourceCode
        self.fromMonth = fromMonth
        self.perMonth = perMonth
    }
}
