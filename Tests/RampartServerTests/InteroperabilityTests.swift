import Fluent
import Foundation
import RampartCore
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// Weapon systems, fleets, qualifications and recognitions through the API, the matrix they derive, who may read and
/// change each, and the CSV imports.
@Suite struct InteroperabilityTests {
    /// A small world: two 155 mm howitzers; FR operates CAESAR, PL operates KRAB and CAESAR (a fleet of 0: none),
    /// DE operates PZH2000. SHELL-155 is qualified for CAESAR by FR only.
    static func seedSystems(_ app: Application, staff: String) async throws {
        for (code, name) in [("CAESAR", "CAESAR 6x6"), ("KRAB", "AHS Krab"), ("PZH2000", "Panzerhaubitze 2000")] {
            let body = #"{"code": "\#(code)", "name": "\#(name)", "kind": "howitzer", "calibre": "155 mm"}"#
            let created = try await app.api(.POST, "/api/v1/weapon-systems", token: staff, json: body)
            #expect(created.status == .created, "\(created.body.string)")
        }
        let fleets = "nation,system,count\nFR,CAESAR,58\nPL,KRAB,122\nPL,CAESAR,0\nDE,PZH2000,106\n"
        let imported = try await app.api(.POST, "/api/v1/fleets/import", token: staff, csv: fleets)
        #expect(imported.status == .ok, "\(imported.body.string)")
        let qualified = try await app.api(
            .POST, "/api/v1/qualifications", token: staff,
            json: #"{"item": "SHELL-155", "system": "CAESAR", "nation": "FR", "qualifiedOn": "2019-06-01"}"#)
        #expect(qualified.status == .created, "\(qualified.body.string)")
    }

    /// Concurrent writers on a SQLite file, as the server runs it (WAL, a thread pool larger than the connections, a
    /// sleeping busy wait), or on PostgreSQL when the tests run there: on SQLite in memory, a connection waiting for
    /// the write lock spins on a thread the lock's holder needs.
    static func onFile() -> (inout AppConfig) -> Void {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rampart-interop-\(UUID().uuidString).sqlite").path
        return { if case .sqliteMemory = $0.database { $0.database = .sqliteFile(file) } }
    }

    static func matrix(_ app: Application, token: String, query: String = "") async throws -> API.InterchangeabilityDTO {
        let response = try await app.api(.GET, "/api/v1/interchangeability\(query)", token: token)
        #expect(response.status == .ok, "\(response.body.string)")
        return try response.decoded(API.InterchangeabilityDTO.self)
    }

    static func users(_ matrix: API.InterchangeabilityDTO, _ item: String) -> [String] {
        matrix.items.first { $0.item == item }?.nations?.map(\.nation) ?? []
    }

    @Test func theMatrixFollowsFleetsQualificationsAndOneWayRecognitions() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            try await Self.seedSystems(app, staff: staff)

            // a munition qualified by one nation only: FR's CAESARs fire it; PL's fleet of CAESAR is 0
            var matrix = try await Self.matrix(app, token: staff)
            #expect(Self.users(matrix, "SHELL-155") == ["FR"])
            #expect(matrix.items.first?.nations?.first?.routes.map(\.system) == ["CAESAR"])

            // PL qualifies it for KRAB: PL can use it through KRAB, on its own qualification
            let pl = try await Fixtures.token(app, Fixtures.plDelegate)
            let plQualifies = try await app.api(
                .POST, "/api/v1/qualifications", token: pl,
                json: #"{"item": "SHELL-155", "system": "KRAB", "nation": "PL", "qualifiedOn": "2021-02-03"}"#)
            #expect(plQualifies.status == .created)
            matrix = try await Self.matrix(app, token: staff)
            #expect(Self.users(matrix, "SHELL-155") == ["FR", "PL"])

            // DE qualifies nothing of its own; recognising FR gives it nothing (DE has no CAESAR), recognising PL neither
            // (no KRAB): a qualification is for a system, not for a calibre
            #expect(try await app.api(.PUT, "/api/v1/recognitions/DE/FR", token: staff).status == .ok)
            matrix = try await Self.matrix(app, token: staff)
            #expect(Self.users(matrix, "SHELL-155") == ["FR", "PL"])

            // one way: PL starts operating CAESAR and recognises FR, so it fires SHELL-155 through CAESAR on FR's
            // qualification; FR does not recognise PL, so FR gains nothing from PL's KRAB qualification
            let plFleet = try await app.api(.GET, "/api/v1/fleets", token: pl).decoded(PageDTO<API.FleetDTO>.self)
            let caesar = try #require(plFleet.items.first { $0.system == "CAESAR" })
            let raised = try await app.api(
                .PUT, "/api/v1/fleets/PL/CAESAR", token: pl, json: #"{"count": 20, "version": \#(caesar.version)}"#)
            #expect(raised.status == .ok, "\(raised.body.string)")
            #expect(try await app.api(.PUT, "/api/v1/recognitions/PL/FR", token: pl).status == .ok)
            matrix = try await Self.matrix(app, token: staff)
            let plRoutes = matrix.items.first { $0.item == "SHELL-155" }?.nations?.first { $0.nation == "PL" }?.routes ?? []
            #expect(plRoutes.map { "\($0.system):\($0.qualifiedBy)" } == ["CAESAR:FR", "KRAB:PL"])
            let frRoutes = matrix.items.first { $0.item == "SHELL-155" }?.nations?.first { $0.nation == "FR" }?.routes ?? []
            #expect(frRoutes.map { "\($0.system):\($0.qualifiedBy)" } == ["CAESAR:FR"])

            // the stored matrix equals what the records derive, and moved on with each change
            let derived = try await InterchangeabilityStore.derive(on: app.db)
            #expect(derived.cells.map(\.nation) == ["FR", "PL"])
            #expect(matrix.generation == 6, "one step for each of the six changes to fleets, qualifications and recognitions")

            // withdrawing FR's qualification takes it from FR and from PL's CAESAR route
            let list = try await app.api(.GET, "/api/v1/qualifications?nation=FR", token: staff).decoded(PageDTO<API.QualificationDTO>.self)
            let frQualification = try #require(list.items.first)
            #expect(try await app.api(.DELETE, "/api/v1/qualifications/\(frQualification.id)", token: pl).status == .forbidden)
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)
            #expect(try await app.api(.DELETE, "/api/v1/qualifications/\(frQualification.id)", token: fr).status == .noContent)
            matrix = try await Self.matrix(app, token: staff)
            #expect(Self.users(matrix, "SHELL-155") == ["PL"])

            // every change was audited
            let entities = try await AuditRecord.query(on: app.db).all().map(\.entity)
            for entity in ["weapon system", "fleet", "qualification", "recognition"] { #expect(entities.contains(entity), "\(entity)") }
        }
    }

    @Test func fleetsAndQualificationsAreReadAndChangedOnlyByThoseAllowed() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            try await Self.seedSystems(app, staff: staff)
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)
            let knds = try await Fixtures.token(app, Fixtures.knds)
            let observer = try await Fixtures.token(app, Fixtures.observer)

            // fleets: a delegate reads its own nation's only; industry and observers none
            let frFleets = try await app.api(.GET, "/api/v1/fleets", token: fr).decoded(PageDTO<API.FleetDTO>.self)
            #expect(frFleets.items.map(\.nation) == ["FR"])
            #expect(try await app.api(.GET, "/api/v1/fleets", token: knds).status == .forbidden)
            #expect(try await app.api(.GET, "/api/v1/fleets", token: observer).status == .forbidden)
            // changes: another nation's fleet, qualification or recognition is refused, and changes nothing
            #expect(try await app.api(.PUT, "/api/v1/fleets/PL/KRAB", token: fr, json: #"{"count": 1, "version": 1}"#).status == .forbidden)
            #expect(
                try await app.api(.PUT, "/api/v1/fleets/FR/CAESAR", token: knds, json: #"{"count": 1, "version": 1}"#).status == .forbidden)
            let foreign = try await app.api(
                .POST, "/api/v1/qualifications", token: fr,
                json: #"{"item": "SHELL-155", "system": "KRAB", "nation": "PL", "qualifiedOn": "2020-01-01"}"#)
            #expect(foreign.status == .forbidden)
            #expect(try await app.api(.PUT, "/api/v1/recognitions/PL/FR", token: fr).status == .forbidden)
            #expect(
                try await app.api(
                    .POST, "/api/v1/weapon-systems", token: fr, json: #"{"code": "X", "name": "X", "kind": "gun", "calibre": ""}"#
                ).status == .forbidden)
            #expect(
                try await app.api(.POST, "/api/v1/fleets/import", token: knds, csv: "nation,system,count\nFR,CAESAR,1\n").status
                    == .forbidden)
            let krab = try await FleetRecord.query(on: app.db).filter(\.$nation == "PL").filter(\.$systemCode == "KRAB").first()
            #expect(krab?.count == 122)
            // qualifications and recognitions: staff and delegates read them; industry and observers do not
            #expect(try await app.api(.GET, "/api/v1/qualifications", token: fr).status == .ok)
            #expect(try await app.api(.GET, "/api/v1/qualifications", token: knds).status == .forbidden)
            #expect(try await app.api(.GET, "/api/v1/recognitions", token: observer).status == .forbidden)
            // a delegate's import may not name another nation
            let mixed = try await app.api(.POST, "/api/v1/fleets/import", token: fr, csv: "nation,system,count\nFR,CAESAR,60\nPL,KRAB,1\n")
            #expect(mixed.status == .unprocessableEntity)
            #expect(try mixed.decoded(ErrorAnswer.self).allProblems == ["line 3, column 1 (nation): you record the fleets of FR only"])
            #expect(try await FleetRecord.query(on: app.db).filter(\.$nation == "FR").first()?.count == 58)

            // the pages: industry sees the matrix page but neither fleets nor qualifications
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.knds.email)
            #expect(try await browser.get("/interoperability").status == .ok)
            #expect(try await browser.get("/qualifications").status == .forbidden)
            #expect(try await browser.get("/fleets.csv").status == .forbidden)
            let systemsPage = try await browser.get("/weapon-systems")
            #expect(systemsPage.status == .ok && !systemsPage.body.string.contains("58"))
        }
    }

    @Test func industryReadsOnlyCountsOfThreeOrMoreNations() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            try await Self.seedSystems(app, staff: staff)
            let knds = try await Fixtures.token(app, Fixtures.knds)
            // one nation can use SHELL-155: it is not listed at all, nor counted, nor are its nations, systems or calibres
            var matrix = try await Self.matrix(app, token: knds)
            #expect(matrix.items.isEmpty && matrix.total == 0 && matrix.generation == nil)
            let raw = try await app.api(.GET, "/api/v1/interchangeability", token: knds).body.string
            #expect(!raw.contains("FR") && !raw.contains("CAESAR") && !raw.contains("SHELL"))
            // no filter narrows it: not by nation, nor by calibre (which names the systems a munition is qualified for)
            #expect(try await app.api(.GET, "/api/v1/interchangeability?sort=users", token: knds).status == .ok)
            #expect(try await app.api(.GET, "/api/v1/interchangeability?calibre=155%20mm", token: knds).status == .unprocessableEntity)
            #expect(try await app.api(.GET, "/api/v1/interchangeability?nation=FR", token: knds).status == .unprocessableEntity)
            #expect(try await app.api(.GET, "/api/v1/interchangeability?class=155MM", token: knds).status == .unprocessableEntity)
            // three nations: the count is published
            let qualifications = "item,system,nation,qualified on\nSHELL-155,KRAB,PL,2021-01-01\nSHELL-155,PZH2000,DE,2015-05-05\n"
            #expect(try await app.api(.POST, "/api/v1/qualifications/import", token: staff, csv: qualifications).status == .ok)
            matrix = try await Self.matrix(app, token: knds)
            #expect(matrix.items.map(\.item) == ["SHELL-155"] && matrix.total == 1)
            #expect(matrix.items.first?.users == 3 && matrix.items.first?.nations == nil)
            #expect(try await app.api(.GET, "/api/v1/interchangeability?class=155MM", token: knds).status == .ok)
            // the CSV gives industry the same
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.knds.email)
            let csv = try await browser.get("/interoperability.csv").body.string
            #expect(csv.contains("SHELL-155") && csv.contains(",3") && !csv.contains("CAESAR"))
        }
    }

    @Test func aBadCSVRowIsReportedWithLineAndColumnAndNothingIsImported() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            try await Self.seedSystems(app, staff: staff)
            let before = try await QualificationRecord.query(on: app.db).count()
            let auditBefore = try await AuditRecord.query(on: app.db).count()
            let csv = """
                item,system,nation,qualified on
                SHELL-155,KRAB,PL,2021-01-01
                NOPE,KRAB,PL,2021-01-01
                SHELL-155,PZH2000,XX,2021-13-01
                "SHELL-155",KRAB,PL,2021-01-01

                """
            // MUT
            let response = try await app.api(.POST, "/api/v1/qualifications/import", token: staff, csv: csv)

            // validate
            #expect(response.status == .unprocessableEntity)
            let answer = try response.decoded(ErrorAnswer.self)
            #expect(answer.field == "file")
            #expect(
                answer.allProblems == [
                    "line 3, column 1 (item): NOPE is not an end item (a munition) of the scenario",
                    "line 4, column 3 (nation): XX is not a nation Rampart knows; use an ISO code such as FR",
                    "line 4, column 4 (qualified on): must be a day written YYYY-MM-DD, such as 2024-03-15",
                    "line 5: the same qualification as line 2",
                ])
            #expect(try await QualificationRecord.query(on: app.db).count() == before)
            #expect(try await AuditRecord.query(on: app.db).count() == auditBefore)
            // a wrong header, a row of the wrong width and a text that is not CSV are refused too
            let header = try await app.api(.POST, "/api/v1/qualifications/import", token: staff, csv: "item,system\nA,B\n")
            #expect(
                try header.decoded(ErrorAnswer.self).allProblems == [
                    "file: line 1 must name the columns item,system,nation,qualified on, in that order"
                ])
            let width = try await app.api(.POST, "/api/v1/fleets/import", token: staff, csv: "nation,system,count\nFR,CAESAR\n")
            #expect(try width.decoded(ErrorAnswer.self).allProblems == ["line 2, column 3 (count): missing; the header names 3 columns"])
            // a short row and a bad field elsewhere are both reported, in line order
            let both = try await app.api(.POST, "/api/v1/fleets/import", token: staff, csv: "nation,system,count\nXX,CAESAR,1\nFR\n")
            #expect(
                try both.decoded(ErrorAnswer.self).allProblems == [
                    "line 2, column 1 (nation): XX is not a nation Rampart knows; use an ISO code such as FR",
                    "line 3, column 2 (system): missing; the header names 3 columns",
                ])
            let quote = try await app.api(.POST, "/api/v1/fleets/import", token: staff, csv: "nation,system,count\nFR,\"CAESAR,1\n")
            #expect(quote.status == .unprocessableEntity)
            #expect(try await FleetRecord.query(on: app.db).filter(\.$nation == "FR").first()?.count == 58)
        }
    }

    @Test func concurrentFleetChangesFromTheSameVersionLetOneThrough() async throws {
        try await withTestApp(adjust: Self.onFile()) { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            try await Self.seedSystems(app, staff: staff)
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)
            let version = try #require(try await FleetRecord.query(on: app.db).filter(\.$nation == "FR").first()?.version)

            // MUT: twelve saves of the same version at once
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for n in 1...12 {
                    group.addTask {
                        try await app.api(.PUT, "/api/v1/fleets/FR/CAESAR", token: fr, json: #"{"count": \#(n), "version": \#(version)}"#)
                            .status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }

            // validate
            #expect(statuses.filter { $0 == .ok }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == .conflict }.count == 11, "\(statuses)")
            let fleet = try #require(try await FleetRecord.query(on: app.db).filter(\.$nation == "FR").first())
            #expect(fleet.version == version + 1)
            // the stored matrix is the one the final records derive
            let stored = try await InterchangeabilityCellRecord.query(on: app.db).count()
            #expect(stored == (try await InterchangeabilityStore.derive(on: app.db)).cells.count)
        }
    }

    @Test func concurrentChangesOfEveryKindLeaveTheMatrixTheRecordsDerive() async throws {
        try await withTestApp(adjust: Self.onFile()) { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            try await Self.seedSystems(app, staff: staff)
            let nations = ["BE", "CZ", "DK", "EE", "LT", "NL", "IT", "ES"]

            // MUT: fleets, qualifications and recognitions of eight nations, all at once
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for nation in nations {
                    group.addTask {
                        try await app.api(.PUT, "/api/v1/fleets/\(nation)/CAESAR", token: staff, json: #"{"count": 12}"#).status
                    }
                    group.addTask {
                        try await app.api(.PUT, "/api/v1/recognitions/\(nation)/FR", token: staff).status
                    }
                    group.addTask {
                        let body = #"{"item": "SHELL-155", "system": "PZH2000", "nation": "\#(nation)", "qualifiedOn": "2022-02-02"}"#
                        return try await app.api(.POST, "/api/v1/qualifications", token: staff, json: body).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }

            // validate: every change went through, and the stored matrix is exactly what the final records derive
            #expect(statuses.allSatisfy { $0 == .ok || $0 == .created }, "\(statuses)")
            let stored = try await InterchangeabilityCellRecord.query(on: app.db).all()
                .map { "\($0.nation) \($0.itemCode) \($0.routes)" }.sorted()
            let derived = try await InterchangeabilityStore.derive(on: app.db).cells
                .map { "\($0.nation) \($0.item) \(InterchangeabilityCellRecord.text($0.routes))" }.sorted()
            #expect(stored == derived)
            #expect(stored.count == 1 + nations.count)
            #expect(try await InterchangeabilityStore.state(on: app.db)?.generation == 2 + 3 * nations.count)
        }
    }

    @Test func aScenarioImportThatDropsAQualifiedItemIsRefused() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            try await Self.seedSystems(app, staff: staff)
            var wider = Fixtures.scenario()
            wider.items.append(Item(id: "SHELL-155-B", name: "155 mm shell, second make", kind: .end, itemClass: "155MM"))
            let widerJSON = String(decoding: try JSONEncoder().encode(wider), as: UTF8.self)
            let imported = try await app.api(.PUT, "/api/v1/scenario", token: staff, json: widerJSON)
            #expect(imported.status == .ok, "\(imported.body.string)")
            let qualified = try await app.api(
                .POST, "/api/v1/qualifications", token: staff,
                json: #"{"item": "SHELL-155-B", "system": "KRAB", "nation": "PL", "qualifiedOn": "2022-01-01"}"#)
            #expect(qualified.status == .created)

            // MUT: the original scenario drops SHELL-155-B
            let json = String(decoding: try JSONEncoder().encode(Fixtures.scenario()), as: UTF8.self)
            let response = try await app.api(.PUT, "/api/v1/scenario", token: staff, json: json)

            // validate
            #expect(response.status.code >= 400 && response.status.code < 500, "\(response.body.string)")
            #expect(response.body.string.contains("qualification of SHELL-155-B for KRAB by PL"), "\(response.body.string)")
            #expect(try await ItemRecord.query(on: app.db).filter(\.$code == "SHELL-155-B").count() == 1)
        }
    }
}

/// The matrix in the plan: a nation's class demand is served only by the munitions its systems can fire.
@Suite struct InteroperabilityPlanTests {
    @Test func aClassDemandIsPlannedOnlyWithTheMunitionsItsNationCanUse() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            // SHELL-155-B joins class 155MM, with no line: FR-2 (FR, class 155MM) could only be served by SHELL-155
            var wider = Fixtures.scenario()
            wider.items.append(Item(id: "SHELL-155-B", name: "155 mm shell, second make", kind: .end, itemClass: "155MM"))
            let json = String(decoding: try JSONEncoder().encode(wider), as: UTF8.self)
            #expect(try await app.api(.PUT, "/api/v1/scenario", token: staff, json: json).status == .ok)

            func deliveriesToFR2() async throws -> [[String: Any]] {
                let started = try await app.api(.POST, "/api/v1/plans", token: staff)
                #expect(started.status == .accepted)
                let id =
                    try #require(try JSONSerialization.jsonObject(with: Data(started.body.readableBytesView)) as? [String: Any])["id"]
                    as? String
                try await Fixtures.runQueuedPlans(app)
                let file = try await app.api(.GET, "/api/v1/plans/\(try #require(id))/file", token: staff)
                #expect(file.status == .ok)
                let plan = try #require(try JSONSerialization.jsonObject(with: Data(file.body.readableBytesView)) as? [String: Any])
                return (plan["deliveries"] as? [[String: Any]] ?? []).filter { $0["demand"] as? String == "FR-2" }
            }
            let before = try await deliveriesToFR2()
            #expect(before.contains { $0["item"] as? String == "SHELL-155" }, "\(before)")

            // FR operates CAESAR, for which only SHELL-155-B is qualified
            let system = #"{"code": "CAESAR", "name": "CAESAR", "kind": "howitzer", "calibre": "155 mm"}"#
            #expect(try await app.api(.POST, "/api/v1/weapon-systems", token: staff, json: system).status == .created)
            #expect(try await app.api(.PUT, "/api/v1/fleets/FR/CAESAR", token: staff, json: #"{"count": 10}"#).status == .ok)
            let qualification = #"{"item": "SHELL-155-B", "system": "CAESAR", "nation": "FR", "qualifiedOn": "2020-01-01"}"#
            #expect(try await app.api(.POST, "/api/v1/qualifications", token: staff, json: qualification).status == .created)

            // MUT
            let after = try await deliveriesToFR2()

            // validate: nothing FR cannot fire reaches FR-2 (SHELL-155-B has no line, so nothing at all)
            #expect(after.allSatisfy { $0["item"] as? String == "SHELL-155-B" }, "\(after)")
            #expect(after.isEmpty)
            // the run reports FR-2 under its class, as FR entered it: no target names the munitions FR can use
            let targets = try await PlanDemandResultRecord.query(on: app.db).filter(\.$demandCode == "FR-2").all().map(\.target)
            #expect(targets.count == 2 && targets.allSatisfy { !$0.contains("SHELL-155-B") }, "\(targets)")
        }
    }
}
