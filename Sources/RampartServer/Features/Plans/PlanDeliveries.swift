import Fluent
import Foundation
import RampartCore
import SQLKit

/// Reads of a plan run's deliveries (`plan_deliveries`).
enum PlanDeliveries {
    struct Delivery: Equatable, Sendable {
        var month: Int
        var qty: Double
    }

    /// The deliveries of the given results, by result, in month order.
    static func byResult(_ resultIDs: [UUID], on db: any Database) async throws -> [UUID: [Delivery]] {
        guard !resultIDs.isEmpty else { return [:] }
        let rows = try await PlanDeliveryRecord.query(on: db).filter(\.$resultID ~~ resultIDs).sort(\.$month).all()
        return Dictionary(grouping: rows, by: \.resultID).mapValues { $0.map { Delivery(month: $0.month, qty: $0.qty) } }
    }

    /// One nation's cumulative demand due and projected deliveries in a run, month by month, as its charts draw them.
    static func cumulativeSeries(
        run: UUID, nation: String, target: String? = nil, settings: ScenarioSettingsRecord, on db: any Database
    ) async throws -> MonthlySeries {
        let (demanded, delivered) = try await monthlyTotals(
            run: run, nation: nation, target: target, horizonMonths: settings.horizonMonths, on: db)
        let calendar = settings.calendar
        return MonthlySeries(
            monthLabels: (0..<settings.horizonMonths).map { calendar?.label($0) ?? "M\($0)" },
            demanded: Cumulative.sums(demanded), delivered: Cumulative.sums(delivered))
    }

    /// One nation's demanded units by due month and delivered units by month (of one class or item, when given), in a
    /// run, over the horizon.
    static func monthlyTotals(
        run: UUID, nation: String, target: String? = nil, horizonMonths: Int, on db: any Database
    ) async throws -> (demanded: [Double], delivered: [Double]) {
        let sql = try SQLAccess.sql(db)
        let plain: SQLQueryString = target.map { " AND target = \(bind: $0)" } ?? ""
        let joined: SQLQueryString = target.map { " AND r.target = \(bind: $0)" } ?? ""
        struct Total: Decodable { var month: Int; var qty: Double }
        let demandedRows = try await sql.raw(
            """
            SELECT due_month AS month, SUM(qty) AS qty FROM plan_demand_results
            WHERE plan_run_id = \(bind: run) AND nation = \(bind: nation)
            """ + plain + " GROUP BY due_month"
        ).all(decoding: Total.self)
        let deliveredRows = try await sql.raw(
            """
            SELECT d.month AS month, SUM(d.qty) AS qty FROM plan_deliveries d
            JOIN plan_demand_results r ON r.id = d.result_id
            WHERE r.plan_run_id = \(bind: run) AND r.nation = \(bind: nation)
            """ + joined + " GROUP BY d.month"
        ).all(decoding: Total.self)
        var demanded = Array(repeating: 0.0, count: max(0, horizonMonths))
        var delivered = demanded
        for row in demandedRows where demanded.indices.contains(row.month) { demanded[row.month] += row.qty }
        for row in deliveredRows where delivered.indices.contains(row.month) { delivered[row.month] += row.qty }
        return (demanded, delivered)
    }
}
