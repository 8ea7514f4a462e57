import Fluent
import Foundation
import NIOConcurrencyHelpers

/// Finished runs' summaries, decoded once: a run's summary never changes after it is stored.
enum PlanRunSummaries {
    private static let cache = NIOLockedValueBox<[UUID: PlanRunSummary]>([:])
    private static let capacity = 8

    static func load(_ runID: UUID, on db: any Database) async throws -> PlanRunSummary? {
        if let hit = cache.withLockedValue({ $0[runID] }) { return hit }
        guard let file = try await PlanRunFileRecord.query(on: db).filter(\.$planRunID == runID).first() else { return nil }
        let summary = try JSONDecoder().decode(PlanRunSummary.self, from: Data(file.summaryJSON.utf8))
        cache.withLockedValue { entries in
            if entries.count >= capacity { entries.removeAll() }
            entries[runID] = summary
        }
        return summary
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
