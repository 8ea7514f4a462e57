import Fluent
import Foundation
import RampartCore
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// `import` replaces the planning scenario and nothing else: nations and companies stay, and a record kept beside the
/// scenario never loses what it names.
@Suite struct MasterDataImportTests {
    /// The fixture without PL, Mesko and Nitro-Chem: FR's demands on KNDS's line, fed by a new TNT supplier.
    static func scenarioWithoutPoland() -> Scenario {
        var scenario = Fixtures.scenario()
        scenario.name = "fixture without Poland"
        scenario.lines.removeAll { $0.id == "L-MESKO" }
        scenario.supplies = [
            Supply(
                id: "S-TNT-2", supplier: "Eurenco", country: "FR", item: "TNT", leadTimeMonths: 1,
                capacity: [CapacityStep(from: 0, perMonth: 1_000)])
        ]
        scenario.demands.removeAll { $0.nation == "PL" }
        scenario.demands.append(Demand(id: "UA-1", nation: "UA", item: "SHELL-155", qty: 100, dueMonth: 6, priority: 2))
        return scenario
    }

    /// A record beside the scenario, for this test only: "pin P-1" names the item TNT and the supply S-TNT.
    static let pin = ScenarioReferenceCheck(name: "test pins") { items, sources, _ in
        var found: [ScenarioReference] = []
        if items.contains("TNT") { found.append(ScenarioReference(holder: "pin P-1", target: .item("TNT"))) }
        if sources.contains("S-TNT") { found.append(ScenarioReference(holder: "pin P-1", target: .source("S-TNT"))) }
        return found
    }

    @Test func keepsNationsAndCompaniesAndAddsTheNewOnes() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            // MUT
            let summary = try await ScenarioTransfer.importFile(
                try JSONEncoder().encode(Self.scenarioWithoutPoland()), by: .system, now: app.rampart.clock.now(), references: [],
                on: app.db)
            // validate: the planning scenario is the new one...
            #expect(summary.demands == 3 && summary.lines == 1 && summary.supplies == 1)
            #expect(try await DemandRecord.query(on: app.db).filter(\.$nation == "PL").count() == 0)
            // ...while PL (its delegate's nation) and Mesko (its representative's company) are still there
            let nations = try await NationRecord.query(on: app.db).sort(\.$code).all().map { "\($0.code) \($0.name)" }
            #expect(nations == ["FR France", "PL Poland", "UA Ukraine"])
            let companies = try await CompanyRecord.query(on: app.db).sort(\.$name).all().map(\.name)
            #expect(companies == ["Eurenco", "KNDS France", "Mesko", "Nitro-Chem"])
            // and staff can still assign the Polish delegate's role: the nation is known
            let staff = try await Fixtures.token(app, Fixtures.staff)
            let pl = try #require(try await UserRecord.query(on: app.db).filter(\.$email == Fixtures.plDelegate.email).first())
            let assign = try await app.api(
                .PATCH, "/api/v1/users/\(try pl.requireID())", token: staff,
                json: #"{"role": "delegate", "nation": "PL", "version": \#(pl.version)}"#)
            #expect(assign.status == .ok)
        }
    }

    @Test func anImportThatWouldOrphanAReferenceIsRefusedAndChangesNothing() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            app.rampart.scenarioReferences.append(Self.pin)
            let before = try #require(try await ScenarioTransfer.exportFile(on: app.db))
            var dropsTNT = Self.scenarioWithoutPoland()
            dropsTNT.items.removeAll { $0.id == "TNT" }
            dropsTNT.items[0].bom = []
            dropsTNT.stocks = []
            dropsTNT.supplies = []
            // MUT
            let error = await #expect(throws: OrphanedReferencesError.self) {
                _ = try await ScenarioTransfer.importFile(
                    try JSONEncoder().encode(dropsTNT), by: .system, now: app.rampart.clock.now(),
                    references: app.rampart.scenarioReferences,
                    on: app.db)
            }
            // validate: the message names the holder and each thing it would lose
            #expect(
                error?.problems == [
                    "pin P-1 refers to item TNT, which the new scenario drops",
                    "pin P-1 refers to line or supply S-TNT, which the new scenario drops",
                ])
            #expect(try await ScenarioTransfer.exportFile(on: app.db) == before)
            #expect(try await CompanyRecord.query(on: app.db).filter(\.$name == "Eurenco").count() == 0)

            // through the API: 409, the problems as JSON, nothing changed
            let staff = try await Fixtures.token(app, Fixtures.staff)
            let response = try await app.api(
                .PUT, "/api/v1/scenario", token: staff,
                json: String(decoding: try JSONEncoder().encode(dropsTNT), as: UTF8.self))
            #expect(response.status == .conflict)
            struct Problems: Decodable { var problems: [String] }
            let body = try JSONDecoder().decode(Problems.self, from: Data(response.body.readableBytesView))
            #expect(body.problems.count == 2 && body.problems.allSatisfy { $0.hasPrefix("pin P-1 refers to") })
            #expect(try await ScenarioTransfer.exportFile(on: app.db) == before)

            // a file that keeps TNT and S-TNT goes through, the reference notwithstanding
            var keeps = Self.scenarioWithoutPoland()
            keeps.supplies.append(Fixtures.scenario().supplies[0])
            let summary = try await ScenarioTransfer.importFile(
                try JSONEncoder().encode(keeps), by: .system, now: app.rampart.clock.now(), references: app.rampart.scenarioReferences,
                on: app.db)
            #expect(summary.supplies == 2)
        }
    }
}
