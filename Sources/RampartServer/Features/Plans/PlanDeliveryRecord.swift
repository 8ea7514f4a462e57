import Fluent
import Foundation

/// Units a plan run delivers to one demand in one month: a row per month with a delivery, under the demand's
/// result (`plan_demand_results`), so that sums per month and nation are SQL, not text parsed in Swift.
final class PlanDeliveryRecord: Model, @unchecked Sendable {
    static let schema = "plan_deliveries"

    @ID(key: .id) var id: UUID?
    @Field(key: "result_id") var resultID: UUID
    @Field(key: "plan_run_id") var planRunID: UUID
    @Field(key: "month") var month: Int
    @Field(key: "qty") var qty: Double

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $resultID, $planRunID, $month, $qty] }

    init() {}

    /// The columns and values of `BulkInsert`, in one order.
    static let columns = ["id", "result_id", "plan_run_id", "month", "qty"]
    var row: [any Encodable & Sendable] { [id ?? UUID(), resultID, planRunID, month, qty] }

    init(resultID: UUID, planRunID: UUID, month: Int, qty: Double) {
        self.id = UUID()
        self.resultID = resultID
        self.planRunID = planRunID
        self.month = month
        self.qty = qty
    }
}
