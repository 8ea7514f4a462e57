import Fluent
import Foundation

/// A record kept beside the planning scenario (a standard, a procurement lot, a pledge) that names one of the
/// scenario's items or sources. An import that drops what such a record names is refused: the record would point at
/// nothing.
struct ScenarioReference: Sendable, Equatable {
    enum Target: Sendable, Equatable {
        case item(String)
        case source(String)
    }

    /// What holds the reference, as a person reads it: `standard STANAG 4569`.
    var holder: String
    var target: Target

    var description: String {
        switch target {
        case .item(let code): return "\(holder) refers to item \(code), which the new scenario drops"
        case .source(let code): return "\(holder) refers to line or supply \(code), which the new scenario drops"
        }
    }
}

/// How one kind of record beside the scenario finds its references to items and sources about to go. Each feature
/// that keeps such records adds its check to `RampartServices.scenarioReferences` in `configure`.
struct ScenarioReferenceCheck: Sendable {
    /// The kind of record it looks at, for logs: `standards`.
    var name: String
    /// The references among these records to any of `items` or `sources` (codes the import drops).
    var find: @Sendable (_ items: Set<String>, _ sources: Set<String>, _ db: any Database) async throws -> [ScenarioReference]
}

/// An import refused because records beside the scenario name what it drops; nothing was changed.
struct OrphanedReferencesError: Error, CustomStringConvertible {
    var references: [ScenarioReference]

    var problems: [String] { references.map(\.description) }
    var description: String { "the import would orphan records beside the scenario: " + problems.joined(separator: "; ") }
}
