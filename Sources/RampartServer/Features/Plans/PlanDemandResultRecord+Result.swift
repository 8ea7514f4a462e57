import Foundation
import RampartCore

extension PlanDemandResultRecord {
    /// A demand's result in a plan run as it is stored: its row, and a delivery row per month with a delivery.
    static func records(runID: UUID, result: DemandResult, released: Bool) -> (PlanDemandResultRecord, [PlanDeliveryRecord]) {
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
        let deliveries = result.deliveries.map {
            PlanDeliveryRecord(resultID: id, planRunID: runID, month: $0.month, qty: $0.qty)
        }
        return (record, deliveries)
    }
}
