import Foundation
import RampartCore

extension PlanDemandResultRecord {
    convenience init(runID: UUID, result: DemandResult, released: Bool) {
        self.init()
        planRunID = runID
        demandCode = result.demand.id
        nation = result.demand.nation
        target = result.demand.target.key
        qty = result.demand.qty
        dueMonth = result.demand.dueMonth
        priority = result.demand.priority
        self.released = released
        onTimeUnits = result.outcome.onTime
        lateUnits = result.outcome.late
        unservedUnits = result.outcome.unserved
        lastDeliveryMonth = result.outcome.completionMonth
        deliveries = result.deliveries.map { "\($0.month):\($0.qty)" }.joined(separator: ",")
        reason = result.reason
    }

    var deliveryPairs: [(month: Int, qty: Double)] { Self.deliveryPairs(deliveries) }

    static func deliveryPairs(_ deliveries: String) -> [(month: Int, qty: Double)] {
        deliveries.split(separator: ",").compactMap { pair in
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let month = Int(parts[0]), let qty = Double(parts[1]) else { return nil }
            return (month, qty)
        }
    }
}
