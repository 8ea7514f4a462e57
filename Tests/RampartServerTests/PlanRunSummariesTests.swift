import Fluent
import Foundation
import NIOConcurrencyHelpers
import RampartCore
import Testing

@testable import RampartServer

@Suite struct PlanRunSummariesTests {
    static func summary() -> PlanRunSummary {
        let scenario = Fixtures.scenario()
        let plan = Planner(options: .init(bottleneckCandidates: 2, parallel: false)).plan(scenario)
        return PlanRunSummary(plan: plan, scenario: scenario, outcomes: PlanEvaluator(scenario: scenario).outcomes(of: plan))
    }

    /// Sorted keys: Foundation's encoder on Linux writes an object's keys in no fixed order.
    static func json(_ summary: PlanRunSummary?) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(summary), as: UTF8.self)
    }

    @Test func readersAskingAtOnceShareOneRead() async throws {
        try await withTestApp { app in
            // setup: a slow reader that counts its calls
            let runID = UUID()
            let reads = NIOLockedValueBox(0)
            let stored = Self.summary()
            let reader: PlanRunSummaries.Reader = { _, _ in
                reads.withLockedValue { $0 += 1 }
                try await Task.sleep(for: .milliseconds(300))
                return stored
            }

            // MUT: twenty readers at once, then one more
            let results = try await withThrowingTaskGroup(of: PlanRunSummary?.self) { group in
                for _ in 0..<20 { group.addTask { try await PlanRunSummaries.load(runID, on: app.db, reader: reader) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let later = try await PlanRunSummaries.load(runID, on: app.db, reader: reader)

            // validate
            #expect(reads.withLockedValue { $0 } == 1)
            #expect(results.count == 20)
            for result in results + [later] { #expect(try Self.json(result) == Self.json(stored)) }
        }
    }

    @Test func aFailedReadIsNotKeptAndTheNextReaderTriesAgain() async throws {
        try await withTestApp { app in
            // setup
            struct Unreadable: Error {}
            let runID = UUID()
            let reads = NIOLockedValueBox(0)
            let stored = Self.summary()
            let reader: PlanRunSummaries.Reader = { _, _ in
                let attempt = reads.withLockedValue {
                    $0 += 1; return $0
                }
                if attempt == 1 { throw Unreadable() }
                return stored
            }

            // MUT / validate
            await #expect(throws: Unreadable.self) { try await PlanRunSummaries.load(runID, on: app.db, reader: reader) }
            let second = try await PlanRunSummaries.load(runID, on: app.db, reader: reader)
            #expect(try Self.json(second) == Self.json(stored))
            #expect(reads.withLockedValue { $0 } == 2)
        }
    }

    @Test func aRunWithoutAFileYetIsReadAgainLater() async throws {
        try await withTestApp { app in
            // setup: a run with no file, then its file with a large plan beside the summary
            try await Fixtures.seed(app)
            let run = try await PlanRuns.enqueue(requestedBy: nil, now: app.rampart.clock.now(), on: app.db)
            let runID = try run.requireID()
            #expect(try await PlanRunSummaries.load(runID, on: app.db) == nil)
            let stored = Self.summary()
            let file = PlanRunFileRecord(
                planRunID: runID, planJSON: String(repeating: "x", count: 2_000_000),
                summaryJSON: try Self.json(stored))
            try await file.create(on: app.db)

            // MUT
            let loaded = try await PlanRunSummaries.load(runID, on: app.db)

            // validate
            #expect(try Self.json(loaded) == Self.json(stored))
        }
    }

    @Test func aRememberedSummaryIsNotReadBack() async throws {
        try await withTestApp { app in
            // setup
            let runID = UUID()
            let stored = Self.summary()
            PlanRunSummaries.remember(stored, for: runID)

            // MUT
            let loaded = try await PlanRunSummaries.load(runID, on: app.db) { _, _ in
                Issue.record("a remembered summary was read from the database")
                return nil
            }

            // validate
            #expect(try Self.json(loaded) == Self.json(stored))
        }
    }
}
