import Fluent
import Foundation
import RampartCore
import SQLKit

/// Released demand summed by target and calendar year: all that industry and observers read of nations'
/// requirements. Summed by the database, so no single demand leaves it.
enum ReleasedSignals {
    private struct Row: Decodable {
        var item_code: String?
        var item_class: String?
        var due_month: Int
        var qty: Double
        var demands: Int
    }

    static func load(on db: any Database) async throws -> [API.SignalDTO] {
        guard let settings = try await ScenarioSettingsRecord.query(on: db).first(),
            let calendar = MonthCalendar(startMonth: settings.startMonth)
        else { return [] }
        let rows = try await SQLAccess.sql(db).raw(
            """
            SELECT item_code, item_class, due_month, SUM(qty) AS qty, COUNT(*) AS demands
            FROM demands WHERE released = \(bind: true)
            GROUP BY item_code, item_class, due_month
            """
        ).all(decoding: Row.self)
        var totals: [Key: (qty: Double, demands: Int)] = [:]
        for row in rows {
            let key = Key(target: DemandTarget(item: row.item_code, itemClass: row.item_class).key, year: calendar.year(of: row.due_month))
            totals[key, default: (0, 0)].qty += row.qty
            totals[key, default: (0, 0)].demands += row.demands
        }
        return totals.map { API.SignalDTO(target: $0.key.target, year: $0.key.year, qty: $0.value.qty, demands: $0.value.demands) }
            .sorted { ($0.target, $0.year) < ($1.target, $1.year) }
    }

    private struct Key: Hashable {
        var target: String
        var year: Int
    }
}
