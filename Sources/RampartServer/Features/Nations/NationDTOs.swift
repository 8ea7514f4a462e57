import Fluent
import Foundation
import RampartCore
import Vapor

/// Nations and demands with their latest outcome as `/api/v1` sends them.
extension API {
    struct DemandDTO: Content {
        var id: String
        var nation: String
        var item: String?
        var `class`: String?
        var qty: Double
        var dueMonth: Int
        var priority: Int
        var released: Bool
        var firm: Bool
        var version: Int
        var outcome: OutcomeDTO?

        /// A demand as it is written, without an outcome (the answer to a change).
        init(_ d: DemandRecord) {
            id = d.code; nation = d.nation; item = d.itemCode; self.class = d.itemClass; qty = d.qty; dueMonth = d.dueMonth
            priority = d.priority; released = d.released; firm = d.firm; version = d.version; outcome = nil
        }
    }

    struct OutcomeDTO: Content {
        var planRun: UUID
        var onTimeUnits: Double
        var lateUnits: Double
        var unservedUnits: Double
        var firstDeliveryMonth: Int?
        var lastDeliveryMonth: Int?
        var weightedLateness: Double?
        var deliveries: [DeliveryDTO]
        var reason: String?
        var causes: [String]
        /// Causes the planner found beyond those it kept in `causes`.
        var causesNotKept: Int
    }

    struct DeliveryDTO: Content {
        var month: Int
        var qty: Double
    }

    struct NationDTO: Content {
        var code: String
        var name: String
    }
}
