import Fluent
import Foundation

/// The one row (id 1) every change to fleets, qualifications or recognitions updates first, so that such changes
/// take turns; it says when the matrix was last rebuilt and how many cells it has.
final class InterchangeabilityStateRecord: Model, @unchecked Sendable {
    static let schema = "interchangeability_state"

    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "generation") var generation: Int
    @OptionalField(key: "rebuilt_at") var rebuiltAt: Date?
    @Field(key: "cells") var cells: Int

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $generation, $rebuiltAt, $cells] }

    init() {}
}
