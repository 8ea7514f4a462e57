import Fluent
import Foundation
import RampartCore
import RampartTestSupport
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// The demand signals over real HTTP handling: who sums what, the disclosure rules against an industry account that
/// tries every filter and page, the cache following changes, and the page and CSV.
@Suite struct SignalTests {
    /// Four nations' released demands in 2026 and 2027 (the fixture's calendar starts 2026-01), one dominated figure,
    /// and two unreleased demands.
    static func scenario() -> Scenario {
        var s = Fixtures.scenario()
        func d(_ id: String, _ nation: String, item: String? = nil, itemClass: String? = nil, _ qty: Double, _ due: Int) -> Demand {
            Demand(id: id, nation: nation, item: item, itemClass: itemClass, qty: qty, dueMonth: due, priority: 2)
        }
        s.demands = [
            d("FR-1", "FR", item: "SHELL-155", 100, 3), d("PL-1", "PL", item: "SHELL-155", 100, 3),
            d("DE-1", "DE", item: "SHELL-155", 100, 3), d("IT-1", "IT", item: "SHELL-155", 100, 3),
            // 2027: FR holds 90 %.
            d("FR-2", "FR", item: "SHELL-155", 900, 15), d("PL-2", "PL", item: "SHELL-155", 50, 15),
            d("DE-2", "DE", item: "SHELL-155", 50, 15),
            d("FR-3", "FR", itemClass: "155MM", 200, 6), d("PL-3", "PL", itemClass: "155MM", 200, 6),
            d("DE-3", "DE", itemClass: "155MM", 200, 6),
            d("FR-4", "FR", itemClass: "155MM", 300, 18), d("PL-4", "PL", itemClass: "155MM", 300, 18),
            d("IT-4", "IT", itemClass: "155MM", 310, 18),
            // Not released.
            d("ES-1", "ES", item: "SHELL-155", 5_000, 3), d("PL-5", "PL", itemClass: "155MM", 777, 18),
        ]
        return s
    }

    static func seed(_ app: Application) async throws {
        try await Fixtures.seed(app)
        try await app.db.transaction { tx in
            try await ScenarioStore.replace(with: scenario(), references: [], on: tx)
            try await DemandRecord.query(on: tx).filter(\.$code !~ ["ES-1", "PL-5"]).set(\.$released, to: true).update()
            try await DemandRecord.query(on: tx).filter(\.$code ~~ ["FR-1", "DE-1"]).set(\.$firm, to: true).update()
            try await DemandState.advance(on: tx)
        }
    }

    static func figures(_ app: Application, _ token: String, _ query: String) async throws -> [API.SignalFigureDTO] {
        let response = try await app.api(.GET, "/api/v1/signals" + query, token: token)
        #expect(response.status == .ok, "\(query): \(response.body.string)")
        return try response.decoded(API.SignalPageDTO.self).items
    }

    static func figure(_ figures: [API.SignalFigureDTO], _ target: String?, _ year: Int?) -> API.SignalFigureDTO? {
        figures.first { $0.target == target && $0.year == year }
    }

    @Test func anIndustryAccountRecoversNoNationsFigureThroughFiltersAndPaging() async throws {
        try await withTestApp { app in
            try await Self.seed(app)
            let knds = try await Fixtures.token(app, Fixtures.knds)
            var seen: [String: API.SignalFigureDTO] = [:]
            var bodies: [String] = []
            let tables = ["", "cells", "targets", "years", "overall"]
            let targets = ["", "SHELL-155", "class:155MM"]
            let ranges = ["", "&from=2026", "&to=2026", "&from=2027&to=2027", "&from=2026&to=2027"]
            for table in tables {
                for target in targets {
                    for range in ranges {
                        for per in [1, 2, 3, 50] {
                            for page in 1...3 {
                                let query = "?table=\(table)&target=\(target)\(range)&per=\(per)&page=\(page)"
                                let response = try await app.api(.GET, "/api/v1/signals" + query, token: knds)
                                #expect(response.status == .ok, "\(query)")
                                bodies.append(response.body.string)
                                for f in try response.decoded(API.SignalPageDTO.self).items {
                                    let key = "\(f.target ?? "all")/\(f.year.map(String.init) ?? "all")"
                                    if let before = seen[key] {
                                        #expect(before.total == f.total && before.firm == f.firm, "the same figure differs in \(query)")
                                    }
                                    seen[key] = f
                                }
                            }
                        }
                    }
                }
            }
            let all = Array(seen.values)
            // FR's 900 of 1,000 in 2027 is hidden, and nothing published lets it be worked out.
            #expect(Self.figure(all, "SHELL-155", 2027)?.hidden?.reason == "dominance")
            #expect(Self.figure(all, "SHELL-155", 2027)?.total == nil)
            #expect(
                DisclosureAudit.recoverable(
                    all.map {
                        DisclosureAudit.Figure(
                            target: $0.target, year: $0.year, total: $0.total, firm: $0.firm, foreseeable: $0.foreseeable)
                    }
                ) == [])
            // SHELL 2026 is published, its firm part (FR and DE only) is not.
            #expect(Self.figure(all, "SHELL-155", 2026)?.total == 400)
            #expect(Self.figure(all, "SHELL-155", 2026)?.firm == nil)
            #expect(Self.figure(all, "SHELL-155", 2026)?.splitHidden?.reason == "few-nations")
            // Nothing unreleased is summed: ES's 5,000 and PL's 777 appear nowhere.
            for body in bodies { #expect(!body.contains("5000") && !body.contains("777") && !body.contains("900")) }
            // A nation filter is refused, naming the field.
            let byNation = try await app.api(.GET, "/api/v1/signals?nation=FR", token: knds)
            #expect(byNation.status == .forbidden)
            #expect(byNation.body.string.contains("nation"))
            let observer = try await Fixtures.token(app, Fixtures.observer)
            #expect(try await app.api(.GET, "/api/v1/signals?nation=FR,PL", token: observer).status == .forbidden)
        }
    }

    @Test func staffAndDelegatesSumWhatTheyMayReadWhole() async throws {
        try await withTestApp { app in
            try await Self.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            let whole = try await Self.figures(app, staff, "?per=500")
            #expect(Self.figure(whole, "SHELL-155", 2026)?.total == 5_400)
            #expect(Self.figure(whole, "SHELL-155", 2026)?.firm == 200)
            #expect(Self.figure(whole, "SHELL-155", 2027)?.total == 1_000)
            #expect(whole.allSatisfy { $0.hidden == nil && $0.splitHidden == nil })
            let fr = try await Self.figures(app, staff, "?nation=FR&table=cells")
            #expect(Self.figure(fr, "SHELL-155", 2027)?.total == 900)
            #expect(fr.allSatisfy { $0.year != nil && $0.target != nil })
            // PL's delegate: its own unreleased 777, not ES's 5,000.
            let pl = try await Self.figures(app, try await Fixtures.token(app, Fixtures.plDelegate), "?per=500")
            #expect(Self.figure(pl, "class:155MM", 2027)?.total == 1_687)
            #expect(Self.figure(pl, "SHELL-155", 2026)?.total == 400)
        }
    }

    @Test func aChangeToADemandReachesTheSignalsAndIsAudited() async throws {
        try await withTestApp { app in
            try await Self.seed(app)
            let knds = try await Fixtures.token(app, Fixtures.knds)
            #expect(Self.figure(try await Self.figures(app, knds, "?table=cells"), "SHELL-155", 2027)?.total == nil)
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)
            let patch = try await app.api(.PATCH, "/api/v1/demands/FR-2", token: fr, json: #"{"qty": 100, "firm": true, "version": 1}"#)
            #expect(patch.status == .ok)
            #expect(try patch.decoded(API.DemandDTO.self).firm)
            // 100, 50, 50: no nation above 80 % now.
            let after = try await Self.figures(app, knds, "?table=cells")
            #expect(Self.figure(after, "SHELL-155", 2027)?.total == 200)
            let audit = try #require(
                try await AuditRecord.query(on: app.db).filter(\.$entity == "demand").filter(\.$entityKey == "FR-2").first())
            #expect(audit.changes.contains("firm"))
        }
    }

    @Test func badFiltersAreRefusedNamingTheField() async throws {
        try await withTestApp { app in
            try await Self.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            for (query, field) in [
                ("?table=rows", "table"), ("?from=2028&to=2027", "to"), ("?from=20x", "from"), ("?to=99999", "to"),
                ("?nation=XX", "nation"), ("?nation=,", "nation"),
            ] {
                let response = try await app.api(.GET, "/api/v1/signals" + query, token: staff)
                #expect(response.status == .unprocessableEntity, "\(query)")
                #expect(response.body.string.contains("\"field\":\"\(field)\""), "\(query): \(response.body.string)")
            }
            #expect(try await app.api(.GET, "/api/v1/signals", token: nil).status == .unauthorized)
        }
    }

    @Test func thePageAndItsCSVShowHiddenFiguresWithTheirReason() async throws {
        try await withTestApp { app in
            try await Self.seed(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.knds.email)
            let page = try await browser.get("/signals").body.string
            #expect(page.contains("Demand signals") && page.contains("Released to industry"))
            #expect(page.contains("hidden: one nation above 80 % of it"))
            #expect(page.contains("<svg") && !page.contains("900") && !page.contains("5,000"))
            #expect(try await browser.get("/signals?nation=FR").status == .forbidden)
            let csv = try await browser.get("/signals.csv?target=SHELL-155").body.string
            #expect(csv.hasPrefix("target,year,total,firm,foreseeable,nations,hidden,releasability\r\n"))
            #expect(csv.contains("SHELL-155,2027,,,,,hidden: one nation above 80 % of it,Released to industry"))
            #expect(!csv.contains("class:155MM"))
            let staff = Browser(app)
            _ = try await staff.signIn(Fixtures.staff.email)
            let whole = try await staff.get("/signals?nation=FR&table=cells").body.string
            #expect(whole.contains("900") && whole.contains("Alliance staff only"))
        }
    }
}
