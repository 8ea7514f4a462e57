import Fluent

/// The one row (id 1) of `demand_state`: the generation of the demands, moved on by every change to them.
final class DemandStateRecord: Model, @unchecked Sendable {
    static let schema = "demand_state"

    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "generation") var generation: Int

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $generation] }

    init() {}
}
