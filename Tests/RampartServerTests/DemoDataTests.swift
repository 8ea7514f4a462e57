import Fluent
import Foundation
import RampartCore
import Testing
import Vapor

@testable import RampartServer

/// `serve --demo` loads the demo whole into an empty database, on SQLite and PostgreSQL alike: the scenario, its
/// released and firm demands, the interoperability records, the standards registry and one account per role.
@Suite struct DemoDataTests {
    @Test func theDemoLoadsIntoAnEmptyDatabaseAndAgainWithoutChange() async throws {
        try await withTestApp { app in
            // MUT
            let accounts = try await DemoData.load(on: app)

            // validate
            #expect(Set(accounts.map(\.role)) == Set(Role.allCases))
            #expect(try await DemandRecord.query(on: app.db).filter(\.$released == true).count() > 0)
            #expect(try await DemandRecord.query(on: app.db).filter(\.$firm == true).count() > 0)
            #expect(try await RecognitionRecord.query(on: app.db).count() == DemoInteroperability.recognitions.count)
            #expect(try await StandardRecord.query(on: app.db).count() == DemoStandards.standards.count)
            #expect(try await RatificationRecord.query(on: app.db).count() == DemoStandards.ratifications.count)
            #expect(try await StandardItemRecord.query(on: app.db).count() == DemoStandards.conformances.count)
            // industry sees published signals, and some hidden
            let industry = Principal(role: .industry, company: "x")
            let snapshot = try await app.rampart.signals.snapshot(for: industry, on: app.db)
            let figures = SignalFigure.figures(snapshot.tables, suppressed: snapshot.suppressed)
            #expect(figures.contains { $0.total != nil } && figures.contains { $0.hidden != nil })

            // a second start loads nothing twice
            _ = try await DemoData.load(on: app)
            #expect(try await StandardRecord.query(on: app.db).count() == DemoStandards.standards.count)
            #expect(try await RecognitionRecord.query(on: app.db).count() == DemoInteroperability.recognitions.count)
        }
    }
}
