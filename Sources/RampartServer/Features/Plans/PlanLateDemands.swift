import Fluent
import Foundation
import RampartCore
import SQLKit

/// A run's late or short demands, as a reader may see them: filtered to the nations they may read before the list is
/// cut into pages, worst first (by weighted lateness; runs stored before migration 013 by units late and short).
enum PlanLateDemands {
    struct Row: Decodable, Sendable {
        var demand_code: String
        var nation: String
        var target: String
        var qty: Double
        var due_month: Int
        var priority: Int
        var late_units: Double
        var unserved_units: Double
        var last_delivery_month: Int?
        var first_delivery_month: Int?
        var weighted_lateness: Double?
        var reason: String?
        var causes: String?

        /// Months from the due month to the last delivery, for a demand with late units.
        var monthsLate: Int? {
            guard late_units > 0, let last = last_delivery_month else { return nil }
            return max(0, last - due_month)
        }

        var causeList: [String] { PlanDemandResultRecord.causes(json: causes, reason: reason) }
    }

    /// One page of the late or short demands of `run`, of `nation` only when given.
    static func page(run: UUID, nation: String?, page: Int, per: Int, on db: any Database) async throws -> (rows: [Row], total: Int) {
        let sql = try SQLAccess.sql(db)
        let nationFilter: SQLQueryString = nation.map { "AND nation = \(bind: $0)" } ?? ""
        struct Count: Decodable { var count: Int }
        let total =
            try await sql.raw(
                """
                SELECT COUNT(*) AS count FROM plan_demand_results
                WHERE plan_run_id = \(bind: run) AND (late_units > 0 OR unserved_units > 0) \(nationFilter)
                """
            ).first(decoding: Count.self)?.count ?? 0
        let rows = try await sql.raw(
            """
            SELECT demand_code, nation, target, qty, due_month, priority, late_units, unserved_units, last_delivery_month,
                   first_delivery_month, weighted_lateness, reason, causes
            FROM plan_demand_results
            WHERE plan_run_id = \(bind: run) AND (late_units > 0 OR unserved_units > 0) \(nationFilter)
            ORDER BY COALESCE(weighted_lateness, 0) DESC, late_units + unserved_units DESC, demand_code
            LIMIT \(bind: per) OFFSET \(bind: PageRules.offset(page: page, per: per))
            """
        ).all(decoding: Row.self)
        return (rows, total)
    }
}

extension PlanDetailPage.LateRow {
    /// A stored late result as the pages show it, months written by `month`.
    init(_ row: PlanLateDemands.Row, month: (Int?) -> String?) {
        self.init(
            demand: row.demand_code, nation: row.nation, target: row.target, dueLabel: month(row.due_month) ?? "",
            firstDeliveryLabel: month(row.first_delivery_month), lastDeliveryLabel: month(row.last_delivery_month),
            monthsLate: row.monthsLate, lateUnits: row.late_units, unservedUnits: row.unserved_units,
            weightedLateness: row.weighted_lateness, causes: row.causeList)
    }
}
