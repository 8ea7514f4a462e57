import Fluent
import Foundation
import RampartCore

/// The one planning horizon of the Alliance data: its name, month 0 and length.
final class ScenarioSettingsRecord: Model, @unchecked Sendable {
    static let schema = "scenario_settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "start_month") var startMonth: String
    @Field(key: "horizon_months") var horizonMonths: Int
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// The scenario's size, written by `RecordCounts.store` with every change of it.
    @OptionalField(key: "nation_count") var nationCount: Int?
    @OptionalField(key: "demand_count") var demandCount: Int?
    @OptionalField(key: "source_count") var sourceCount: Int?
    @OptionalField(key: "item_count") var itemCount: Int?

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] {
        [$id, $name, $startMonth, $horizonMonths, $updatedAt, $nationCount, $demandCount, $sourceCount, $itemCount]
    }

    init() {}

    init(name: String, startMonth: String, horizonMonths: Int) {
        self.name = name
        self.startMonth = startMonth
        self.horizonMonths = horizonMonths
    }
}

extension ScenarioSettingsRecord {
    var horizonLabel: String { "\(startMonth), \(horizonMonths) months" }

    /// The scenario's months as calendar months.
    var calendar: MonthCalendar? { MonthCalendar(startMonth: startMonth) }

    /// The calendar of the scenario held now, if there is one.
    static func calendar(on db: any Database) async throws -> MonthCalendar? {
        try await query(on: db).first()?.calendar
    }
}
