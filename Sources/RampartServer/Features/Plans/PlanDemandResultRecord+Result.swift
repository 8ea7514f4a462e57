import Foundation
import RampartCore

extension PlanDemandResultRecord {
    /// A demand's result in a plan run as it is stored: its row, a delivery row per month with a delivery, and its
    /// pegging.
    static func records(
        runID: UUID, result: DemandResult, released: Bool, pegging: [PlanPegging.Lot] = []
    ) -> (PlanDemandResultRecord, [PlanDeliveryRecord], PlanPeggingRecord) {
        let record = PlanDemandResultRecord()
        let id = UUID()
        record.id = id
        record.planRunID = runID
        record.demandCode = result.demand.id
        record.nation = result.demand.nation
        record.target = result.demand.target.key
        record.qty = result.demand.qty
        record.dueMonth = result.demand.dueMonth
        record.priority = result.demand.priority
        record.released = released
        record.onTimeUnits = result.outcome.onTime
        record.lateUnits = result.outcome.late
        record.unservedUnits = result.outcome.unserved
        record.lastDeliveryMonth = result.outcome.completionMonth
        record.reason = result.reason
        record.weightedLateness = result.outcome.weightedLateness
        record.lateUnitMonths = result.outcome.lateUnitMonths
        record.firstDeliveryMonth = result.deliveries.first?.month
        record.causesJSON = result.causes.isEmpty ? nil : causesText(result.causes)
        let deliveries = result.deliveries.map {
            PlanDeliveryRecord(resultID: id, planRunID: runID, month: $0.month, qty: $0.qty)
        }
        return (record, deliveries, PlanPeggingRecord(resultID: id, planRunID: runID, pegging: StoredPegging(pegging)))
    }

    /// The columns and values of `BulkInsert`, in one order (`ModelPropertiesTests` checks them against the fields).
    static let columns = [
        "id", "plan_run_id", "demand_code", "nation", "target", "qty", "due_month", "priority", "released", "on_time_units",
        "late_units", "unserved_units", "last_delivery_month", "reason", "weighted_lateness", "late_unit_months",
        "first_delivery_month", "causes",
    ]

    var row: [any Encodable & Sendable] {
        [
            id ?? UUID(), planRunID, demandCode, nation, target, qty, dueMonth, priority, released, onTimeUnits, lateUnits,
            unservedUnits, lastDeliveryMonth, reason, weightedLateness, lateUnitMonths, firstDeliveryMonth, causesJSON,
        ]
    }

    /// The chain of causes, main one first; the reason alone for runs stored before migration 013.
    var causes: [String] { Self.causes(json: causesJSON, reason: reason) }

    static func causes(json: String?, reason: String?) -> [String] {
        if let json, let list = try? JSONDecoder().decode([String].self, from: Data(json.utf8)), !list.isEmpty { return list }
        return reason.map { [$0] } ?? []
    }

    private static func causesText(_ causes: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(causes)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
