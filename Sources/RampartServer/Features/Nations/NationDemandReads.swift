import Fluent
import Foundation
import RampartCore
import SQLKit

/// A page of one nation's demands, each with its outcome in the latest succeeded plan run, read in one query:
/// delegates' clients poll it, and per-query overhead, not the rows, was most of its cost.
enum NationDemandReads {
    struct Row: Decodable {
        var code: String
        var nation: String
        var item_code: String?
        var item_class: String?
        var qty: Double
        var due_month: Int
        var priority: Int
        var released: Bool
        var firm: Bool
        var version: Int
        var total: Int
        var result_id: UUID?
        var plan_run_id: UUID?
        var on_time_units: Double?
        var late_units: Double?
        var unserved_units: Double?
        var last_delivery_month: Int?
        var first_delivery_month: Int?
        var weighted_lateness: Double?
        var causes: String?
        var reason: String?
    }

    static func page(nation: String, _ request: PageRequest, on db: any Database) async throws -> PageDTO<API.DemandDTO> {
        let sql = try SQLAccess.sql(db)
        // The page of demands first, then their outcomes: the join then touches 50 results, not the run's 10,000,
        // whatever the database's statistics say.
        let rows = try await sql.raw(
            """
            SELECT d.code, d.nation, d.item_code, d.item_class, d.qty, d.due_month, d.priority, d.released, d.firm, d.version,
                   (SELECT COUNT(*) FROM demands WHERE nation = \(bind: nation)) AS total,
                   r.id AS result_id, r.plan_run_id, r.on_time_units, r.late_units, r.unserved_units, r.last_delivery_month,
                   r.first_delivery_month, r.weighted_lateness, r.causes, r.reason
            FROM (SELECT * FROM demands WHERE nation = \(bind: nation) ORDER BY position
                  LIMIT \(bind: request.per) OFFSET \(bind: PageRules.offset(page: request.page, per: request.per))) d
            LEFT JOIN plan_demand_results r ON r.demand_code = d.code AND r.plan_run_id = (
                SELECT id FROM plan_runs WHERE status = 'succeeded' ORDER BY created_at DESC LIMIT 1)
            ORDER BY d.position
            """
        ).all(decoding: Row.self)
        let total: Int
        if let first = rows.first {
            total = first.total
        } else {
            total = try await DemandRecord.query(on: db).filter(\.$nation == nation).count()
        }
        let deliveries = try await PlanDeliveries.byResult(rows.compactMap(\.result_id), on: db)
        return PageDTO(
            items: rows.map { API.DemandDTO($0, deliveries: $0.result_id.flatMap { deliveries[$0] } ?? []) },
            page: request.page, per: request.per, total: total)
    }
}

extension API.DemandDTO {
    init(_ row: NationDemandReads.Row, deliveries: [PlanDeliveries.Delivery]) {
        id = row.code; nation = row.nation; item = row.item_code; self.class = row.item_class; qty = row.qty
        dueMonth = row.due_month; priority = row.priority; released = row.released; firm = row.firm; version = row.version
        if let run = row.plan_run_id {
            outcome = API.OutcomeDTO(
                planRun: run, onTimeUnits: row.on_time_units ?? 0, lateUnits: row.late_units ?? 0,
                unservedUnits: row.unserved_units ?? 0, firstDeliveryMonth: row.first_delivery_month,
                lastDeliveryMonth: row.last_delivery_month, weightedLateness: row.weighted_lateness,
                deliveries: deliveries.map { API.DeliveryDTO(month: $0.month, qty: $0.qty) },
                reason: row.reason, causes: PlanDemandResultRecord.chain(json: row.causes, reason: row.reason).causes,
                causesNotKept: PlanDemandResultRecord.causesNotKept(json: row.causes))
        }
    }
}
