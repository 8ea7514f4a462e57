import Fluent
import Foundation
import RampartCore

/// `nation` accepts the qualifications of `recognises` as its own (one way).
final class RecognitionRecord: Model, @unchecked Sendable {
    static let schema = "recognitions"

    @ID(key: .id) var id: UUID?
    @Field(key: "nation") var nation: String
    @Field(key: "recognises") var recognises: String

    // Listed rather than found by reflection, which costs more than the query: ModelPropertiesTests checks the list.
    var properties: [any AnyProperty] { [$id, $nation, $recognises] }

    init() {}

    init(_ recognition: Recognition) {
        nation = recognition.nation
        recognises = recognition.recognises
    }

    var value: Recognition { Recognition(nation: nation, recognises: recognises) }
}
