import Fluent
import Foundation
import NIOConcurrencyHelpers

/// Finished runs' summaries, decoded once: a run's summary never changes after it is stored.
///
/// When a run has just succeeded every dashboard asks for its summary at once; they share one read of the summary
/// column alone. Each of them reading the whole file row (with its 10 MB plan) stalled every request for up to
/// half a second.
enum PlanRunSummaries {
    private struct State {
        var decoded: [UUID: PlanRunSummary] = [:]
        var loading: [UUID: Task<PlanRunSummary?, any Error>] = [:]
    }

    private enum Lookup {
        case hit(PlanRunSummary)
        case wait(Task<PlanRunSummary?, any Error>)
    }

    private static let state = NIOLockedValueBox(State())
    private static let capacity = 8

    typealias Reader = @Sendable (UUID, any Database) async throws -> PlanRunSummary?

    /// `reader` is for tests; the default reads the stored summary.
    static func load(_ runID: UUID, on db: any Database, reader: @escaping Reader = read) async throws -> PlanRunSummary? {
        let lookup = state.withLockedValue { state -> Lookup in
            if let hit = state.decoded[runID] { return .hit(hit) }
            if let loading = state.loading[runID] { return .wait(loading) }
            let loading = Task { try await reader(runID, db) }
            state.loading[runID] = loading
            return .wait(loading)
        }
        switch lookup {
        case .hit(let summary):
            return summary
        case .wait(let loading):
            let result = await loading.result
            state.withLockedValue { state in
                if state.loading[runID] == loading { state.loading[runID] = nil }
                if case .success(let summary?) = result { remember(summary, for: runID, in: &state) }
            }
            return try result.get()
        }
    }

    /// The summary of a run just stored, so that its first readers on this server need not read it back.
    static func remember(_ summary: PlanRunSummary, for runID: UUID) {
        state.withLockedValue { remember(summary, for: runID, in: &$0) }
    }

    private static func remember(_ summary: PlanRunSummary, for runID: UUID, in state: inout State) {
        if state.decoded[runID] == nil, state.decoded.count >= capacity { state.decoded.removeAll() }
        state.decoded[runID] = summary
    }

    private static let targetTotals = NIOLockedValueBox([String: [TargetOutcomeRow]?]())

    /// `summary.targetRows(nation:)` of the stored run `runID`, summed once per run and nation: the plan page shows
    /// them on every request, and a run's summary never changes.
    static func targetRows(of summary: PlanRunSummary, run runID: UUID, nation: String?) -> [TargetOutcomeRow]? {
        let key = runID.uuidString + "|" + (nation ?? "")
        if let hit = targetTotals.withLockedValue({ $0[key] }) { return hit }
        let rows = summary.targetRows(nation: nation)
        targetTotals.withLockedValue { totals in
            if totals.count >= capacity * 32 { totals.removeAll() }
            totals[key] = .some(rows)
        }
        return rows
    }

    @Sendable static func read(_ runID: UUID, on db: any Database) async throws -> PlanRunSummary? {
        guard
            let file = try await PlanRunFileRecord.query(on: db).filter(\.$planRunID == runID)
                .field(\.$summaryJSON).first()
        else { return nil }
        return try JSONDecoder().decode(PlanRunSummary.self, from: Data(file.summaryJSON.utf8))
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
