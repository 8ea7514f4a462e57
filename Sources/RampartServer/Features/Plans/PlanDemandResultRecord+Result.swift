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
        record.causesJSON = result.causes.isEmpty ? nil : causesText(result.causes, notKept: result.causesNotKept)
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

    /// How many more causes the planner found and did not keep.
    var causesNotKept: Int { Self.causesNotKept(json: causesJSON) }

    /// The stored chain: a JSON list of sentences, or, where the planner found more causes than it kept, an object with
    /// the list and how many it did not keep (`StoredCauses`).
    static func causes(json: String?, reason: String?) -> [String] { chain(json: json, reason: reason).causes }

    static func causesNotKept(json: String?) -> Int { chain(json: json, reason: nil).notKept }

    /// Both at once, from one reading of the column.
    static func chain(json: String?, reason: String?) -> StoredCauses {
        if let json, let stored = StoredCauses(json: json), !stored.causes.isEmpty { return stored }
        return StoredCauses(causes: reason.map { [$0] } ?? [], notKept: 0)
    }

    private static func causesText(_ causes: [String], notKept: Int) -> String {
        let data =
            notKept > 0
            ? try? JSONEncoder().encode(StoredCauses(causes: causes, notKept: notKept)) : try? JSONEncoder().encode(causes)
        return String(decoding: data ?? Data("[]".utf8), as: UTF8.self)
    }
}

/// A result's causes as the `causes` column holds them when some were not kept: `{"causes": [...], "notKept": 3}`.
/// Every other result holds the plain list, as runs stored before this shape do.
struct StoredCauses: Codable, Equatable {
    var causes: [String]
    var notKept: Int

    init(causes: [String], notKept: Int) {
        self.causes = causes
        self.notKept = notKept
    }

    init?(json: String) {
        let data = Data(json.utf8)
        if json.hasPrefix("[") {
            guard let list = try? JSONDecoder().decode([String].self, from: data) else { return nil }
            self.init(causes: list, notKept: 0)
        } else {
            guard let stored = try? JSONDecoder().decode(StoredCauses.self, from: data) else { return nil }
            self = stored
        }
    }
}
