import Fluent
import Foundation
import RampartCore
import Vapor

/// A line or supply as `/api/v1` sends it.
extension API {
    struct SourceDTO: Content {
        var id: String
        var kind: String
        var company: String
        var country: String
        var item: String
        var leadTimeMonths: Int
        var capacity: [SourcePatch.Step]
        var version: Int

        init(_ s: SourceRecord, steps: [(Int, Double)]) {
            id = s.code; kind = s.kind; company = s.company; country = s.country; item = s.itemCode
            leadTimeMonths = s.leadTimeMonths; capacity = steps.map { SourcePatch.Step(from: $0.0, perMonth: $0.1) }; version = s.version
        }
    }
}
