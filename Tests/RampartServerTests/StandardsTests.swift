import Fluent
import Foundation
import RampartCore
import RampartTestSupport
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// The standards registry over real HTTP handling: who may change what, the refusals, version checks under
/// concurrency, the CSV import, conformance against scenario imports, and the metrics each role reads.
@Suite struct StandardsTests {
    static let standard =
        #"{"code": "STANAG-4425", "edition": "2", "title": "Indirect fire ammunition", "domain": "indirect fire", "status": "in-force"}"#

    static func seedStandard(_ app: Application) async throws -> String {
        let staff = try await Fixtures.token(app, Fixtures.staff)
        let created = try await app.api(.POST, "/api/v1/standards", token: staff, json: standard)
        #expect(created.status == .created, "\(created.body.string)")
        return staff
    }

    @Test func staffMaintainTheRegistryAndOthersAreRefused() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Self.seedStandard(app)
            #expect(try await app.api(.POST, "/api/v1/standards", token: staff, json: Self.standard).status == .conflict)
            for person in [Fixtures.frDelegate, Fixtures.knds, Fixtures.observer] {
                let token = try await Fixtures.token(app, person)
                #expect(try await app.api(.POST, "/api/v1/standards", token: token, json: Self.standard).status == .forbidden)
                #expect(
                    try await app.api(.PATCH, "/api/v1/standards/STANAG-4425", token: token, json: #"{"title": "x", "version": 1}"#).status
                        == .forbidden)
                #expect(try await app.api(.PUT, "/api/v1/standards/STANAG-4425/items/SHELL-155", token: token).status == .forbidden)
                #expect(try await app.api(.GET, "/api/v1/standards/STANAG-4425", token: token).status == .ok)
            }
            // every bad field named at once
            let bad = try await app.api(
                .POST, "/api/v1/standards", token: staff,
                json: #"{"code": "STANAG 1", "edition": "", "title": "t", "domain": "d", "status": "superseded"}"#)
            #expect(bad.status == .unprocessableEntity)
            for field in ["code:", "edition:", "supersededBy:"] { #expect(bad.body.string.contains(field), "\(bad.body.string)") }
            // a change needs the version read; a stale one is a conflict
            let changed = try await app.api(
                .PATCH, "/api/v1/standards/STANAG-4425", token: staff,
                json: #"{"title": "Indirect fire ammunition interchangeability", "version": 1}"#)
            #expect(changed.status == .ok)
            #expect(try changed.decoded(API.StandardDTO.self).version == 2)
            #expect(
                try await app.api(.PATCH, "/api/v1/standards/STANAG-4425", token: staff, json: #"{"title": "x", "version": 1}"#).status
                    == .conflict)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$entity == "standard").count() == 2)
        }
    }

    @Test func eachNationRecordsItsOwnRatification() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            _ = try await Self.seedStandard(app)
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)
            let path = "/api/v1/standards/STANAG-4425/ratifications/FR"
            let set = try await app.api(
                .PUT, path, token: fr, json: #"{"status": "ratified-with-reservations", "implemented": "2020-05-01"}"#)
            #expect(set.status == .ok, "\(set.body.string)")
            #expect(try set.decoded(API.RatificationDTO.self).version == 1)
            #expect(
                try await app.api(.PUT, "/api/v1/standards/STANAG-4425/ratifications/PL", token: fr, json: #"{"status": "ratified"}"#)
                    .status == .forbidden)
            let knds = try await Fixtures.token(app, Fixtures.knds)
            #expect(try await app.api(.PUT, path, token: knds, json: #"{"status": "ratified"}"#).status == .forbidden)
            // the row exists: the version read is needed, and a stale one is refused
            #expect(try await app.api(.PUT, path, token: fr, json: #"{"status": "ratified"}"#).status == .unprocessableEntity)
            #expect(try await app.api(.PUT, path, token: fr, json: #"{"status": "ratified", "version": 7}"#).status == .conflict)
            let refused = try await app.api(
                .PUT, path, token: fr, json: #"{"status": "not-ratified", "implemented": "2020-05-01", "version": 1}"#)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("implemented"))
            let bad = try await app.api(
                .PUT, path, token: fr, json: #"{"status": "maybe", "plannedImplementation": "2027-02-30", "version": 1}"#)
            #expect(bad.body.string.contains("status:") && bad.body.string.contains("plannedImplementation:"), "\(bad.body.string)")
            #expect(try await app.api(.DELETE, path + "?version=1", token: fr).status == .noContent)
            #expect(try await app.api(.DELETE, path + "?version=1", token: fr).status == .notFound)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$entity == "ratification").count() == 2)
        }
    }

    @Test func concurrentChangesFromTheSameVersionLetOneThrough() async throws {
        try await withTestApp(adjust: InteroperabilityTests.onFile()) { app in
            try await Fixtures.seed(app)
            let staff = try await Self.seedStandard(app)
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)
            let path = "/api/v1/standards/STANAG-4425/ratifications/FR"
            #expect(try await app.api(.PUT, path, token: fr, json: #"{"status": "ratified"}"#).status == .ok)

            // MUT: twelve changes of the ratification and twelve of the standard, each from version 1, at once
            let statuses = try await withThrowingTaskGroup(of: (String, HTTPStatus).self) { group in
                for n in 1...12 {
                    group.addTask {
                        let body = #"{"status": "ratified", "plannedImplementation": "2030-01-\#(10 + n)", "version": 1}"#
                        return ("ratification", try await app.api(.PUT, path, token: fr, json: body).status)
                    }
                    group.addTask {
                        let body = #"{"title": "Title \#(n)", "version": 1}"#
                        return ("standard", try await app.api(.PATCH, "/api/v1/standards/STANAG-4425", token: staff, json: body).status)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }

            // validate
            for kind in ["ratification", "standard"] {
                let mine = statuses.filter { $0.0 == kind }.map(\.1)
                #expect(mine.filter { $0 == .ok }.count == 1, "\(kind): \(mine)")
                #expect(mine.filter { $0 == .conflict }.count == 11, "\(kind): \(mine)")
            }
            #expect(try await RatificationRecord.query(on: app.db).first()?.version == 2)
            #expect(try await StandardRecord.query(on: app.db).first()?.version == 2)
        }
    }

    @Test func aBadCSVRowIsReportedWithLineAndColumnAndNothingIsImported() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            _ = try await Self.seedStandard(app)
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)
            let header = "standard,nation,status,planned implementation,implemented\n"
            let bad = try await app.api(
                .POST, "/api/v1/ratifications/import", token: fr,
                csv: header
                    + "STANAG-4425,FR,ratified,,2021-01-01\nSTANAG-9,FR,ratified,,\nSTANAG-4425,PL,ratified,,\nSTANAG-4425,FR,not-ratified,2027-13-01,\n"
            )
            #expect(bad.status == .unprocessableEntity)
            let text = bad.body.string
            #expect(text.contains("line 3, column 1 (standard)"), "\(text)")
            #expect(text.contains("line 4, column 2 (nation)"), "\(text)")
            #expect(text.contains("line 5, column 4 (planned implementation)"), "\(text)")
            #expect(text.contains("line 5: the same standard and nation as line 2"), "\(text)")
            #expect(try await RatificationRecord.query(on: app.db).count() == 0)
            let good = try await app.api(
                .POST, "/api/v1/ratifications/import", token: fr, csv: header + "STANAG-4425,FR,ratified,,2021-01-01\n")
            #expect(good.status == .ok, "\(good.body.string)")
            #expect(try good.decoded(API.ImportOutcomeDTO.self).created == 1)
            let observer = try await Fixtures.token(app, Fixtures.observer)
            #expect(try await app.api(.POST, "/api/v1/ratifications/import", token: observer, csv: header).status == .forbidden)
        }
    }

    @Test func aScenarioImportThatDropsAConformingItemIsRefused() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Self.seedStandard(app)
            var wider = Fixtures.scenario()
            wider.items.append(Item(id: "SHELL-155-B", name: "155 mm shell, second make", kind: .end, itemClass: "155MM"))
            #expect(
                try await app.api(
                    .PUT, "/api/v1/scenario", token: staff, json: String(decoding: try JSONEncoder().encode(wider), as: UTF8.self)
                )
                .status == .ok)
            #expect(try await app.api(.PUT, "/api/v1/standards/STANAG-4425/items/SHELL-155-B", token: staff).status == .noContent)
            #expect(try await app.api(.PUT, "/api/v1/standards/STANAG-4425/items/NONE", token: staff).status == .unprocessableEntity)

            // MUT: the original scenario drops SHELL-155-B
            let response = try await app.api(
                .PUT, "/api/v1/scenario", token: staff, json: String(decoding: try JSONEncoder().encode(Fixtures.scenario()), as: UTF8.self)
            )

            // validate
            #expect(response.status.code >= 400 && response.status.code < 500, "\(response.body.string)")
            #expect(response.body.string.contains("conformance of SHELL-155-B to STANAG-4425"), "\(response.body.string)")
            #expect(try await ItemRecord.query(on: app.db).filter(\.$code == "SHELL-155-B").count() == 1)
        }
    }

    @Test func theMetricsCountRatificationsAndShowGapsToStaffAndDelegatesOnly() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Self.seedStandard(app)
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)
            _ = try await app.api(
                .PUT, "/api/v1/standards/STANAG-4425/ratifications/FR", token: fr,
                json: #"{"status": "ratified", "implemented": "2020-05-01"}"#)
            _ = try await app.api(.PUT, "/api/v1/standards/STANAG-4425/items/SHELL-155", token: staff)
            let metrics = try await app.api(.GET, "/api/v1/standardisation", token: staff).decoded(API.StandardisationDTO.self)
            let france = try #require(metrics.standings.first { $0.nation == "FR" })
            #expect(france.relevant == 1 && france.ratified == 1 && france.implemented == 1 && france.ratifiedShare == 1)
            #expect(metrics.standings.first { $0.nation == "PL" }?.ratified == 0)
            #expect(!metrics.unstandardisedItems.contains("SHELL-155"))
            #expect(metrics.gaps != nil && metrics.closers != nil)
            let knds = try await Fixtures.token(app, Fixtures.knds)
            let industry = try await app.api(.GET, "/api/v1/standardisation", token: knds)
            #expect(industry.status == .ok)
            #expect(try industry.decoded(API.StandardisationDTO.self).gaps == nil)
            #expect(!industry.body.string.contains("\"gaps\""))
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.knds.email)
            let page = try await browser.get("/standardisation").body.string
            #expect(page.contains("Standardisation") && !page.contains("Nations that share no munition"))
            let staffPage = Browser(app)
            _ = try await staffPage.signIn(Fixtures.staff.email)
            #expect(try await staffPage.get("/standardisation").body.string.contains("Nations that share no munition"))
        }
    }

    @Test func theStandardPageRecordsARatificationFromItsForm() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            _ = try await Self.seedStandard(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.frDelegate.email)
            let page = try await browser.get("/standards/STANAG-4425").body.string
            #expect(page.contains("Record ratification") && !page.contains("Change the standard"))
            let saved = try await browser.post(
                "/standards/STANAG-4425/ratification", ["nation": "FR", "ratification_status": "ratified", "planned": "2028-06-30"])
            #expect(saved.status == .seeOther || saved.status == .found, "\(saved.status)")
            #expect(try await RatificationRecord.query(on: app.db).first()?.plannedOn == "2028-06-30")
            let refused = try await browser.post(
                "/standards/STANAG-4425/ratification", ["nation": "PL", "ratification_status": "ratified"])
            #expect(refused.status == .forbidden)
            #expect(try await browser.get("/standards").body.string.contains("STANAG-4425"))
            #expect(try await browser.get("/standards.csv").body.string.hasPrefix("standard,edition,title"))
        }
    }
}
