import Fluent
import Foundation
import RampartCore
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// Entering and withdrawing demands: by the nation's delegates and staff only, checked field by field, audited,
/// and a bad or refused request stores nothing.
@Suite struct DemandEntryTests {
    @Test func aDelegateEntersAndWithdrawsTheirNationsDemand() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)

            // MUT: enter
            let created = try await app.api(
                .POST, "/api/v1/nations/FR/demands", token: fr,
                json: #"{"id": "D-FR-3", "class": "155MM", "qty": 250, "dueMonth": 8, "priority": 2}"#)

            // validate
            #expect(created.status == .created && created.headers.first(name: .location) == "/api/v1/demands/D-FR-3")
            let demand = try #require(try await DemandRecord.query(on: app.db).filter(\.$code == "D-FR-3").first())
            #expect(demand.nation == "FR" && demand.itemClass == "155MM" && demand.qty == 250 && demand.version == 1 && !demand.released)
            let last = try #require(try await DemandRecord.query(on: app.db).sort(\.$position, .descending).first())
            #expect(last.code == "D-FR-3")
            #expect(try await Self.storedCounts(app) == RecordCounts(nations: 2, demands: 4, sources: 3, items: 2))
            #expect(try await Self.storedCounts(app) == RecordCounts.count(on: app.db))
            let entered = try #require(try await AuditRecord.query(on: app.db).filter(\.$entityKey == "D-FR-3").first())
            #expect(entered.action == "create" && entered.actor == Fixtures.frDelegate.email && entered.changes.contains("155MM"))

            // MUT: withdraw, first at a stale version, then at the one read
            let stale = try await app.api(.DELETE, "/api/v1/demands/D-FR-3?version=7", token: fr)
            let missing = try await app.api(.DELETE, "/api/v1/demands/D-FR-3", token: fr)
            let withdrawn = try await app.api(.DELETE, "/api/v1/demands/D-FR-3?version=1", token: fr)

            // validate
            #expect(stale.status == .conflict)
            #expect(try stale.decoded(ErrorAnswer.self).field == "version")
            #expect(missing.status == .unprocessableEntity)
            #expect(try missing.error().field == "version")
            #expect(withdrawn.status == .noContent)
            #expect(try await app.api(.GET, "/api/v1/demands/D-FR-3", token: fr).status == .notFound)
            #expect(try await Self.storedCounts(app).demands == 3)
            let audit = try await AuditRecord.query(on: app.db).filter(\.$entityKey == "D-FR-3").sort(\.$at).all().map(\.action)
            #expect(audit == ["create", "delete"])
        }
    }

    @Test func othersMayNotEnterOrWithdrawANationsDemands() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let body = #"{"id": "X-1", "item": "SHELL-155", "qty": 1, "dueMonth": 1, "priority": 1}"#
            let pl = try await Fixtures.token(app, Fixtures.plDelegate)
            let observer = try await Fixtures.token(app, Fixtures.observer)
            let knds = try await Fixtures.token(app, Fixtures.knds)

            // MUT / validate: entering
            #expect(try await app.api(.POST, "/api/v1/nations/FR/demands", token: nil, json: body).status == .unauthorized)
            #expect(try await app.api(.POST, "/api/v1/nations/FR/demands", token: pl, json: body).status == .forbidden)
            #expect(try await app.api(.POST, "/api/v1/nations/FR/demands", token: observer, json: body).status == .forbidden)
            #expect(try await app.api(.POST, "/api/v1/nations/FR/demands", token: knds, json: body).status == .forbidden)
            // withdrawing: another nation's unreleased demand is not even there for PL; a released one is read-only
            #expect(try await app.api(.DELETE, "/api/v1/demands/FR-1?version=1", token: pl).status == .notFound)
            let fr = try await Fixtures.token(app, Fixtures.frDelegate)
            _ = try await app.api(.PATCH, "/api/v1/demands/FR-1", token: fr, json: #"{"released": true, "version": 1}"#)
            #expect(try await app.api(.DELETE, "/api/v1/demands/FR-1?version=2", token: pl).status == .forbidden)
            #expect(try await app.api(.DELETE, "/api/v1/demands/FR-1?version=2", token: observer).status == .notFound)
            #expect(try await app.api(.DELETE, "/api/v1/demands/FR-1?version=2", token: nil).status == .unauthorized)

            // nothing was stored or removed
            #expect(try await DemandRecord.query(on: app.db).count() == 3)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$entity == "demand").filter(\.$action == "create").count() == 0)
        }
    }

    @Test func aBadDemandNamesEachFieldAndStoresNothing() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)
            func enter(_ json: String) async throws -> TestingHTTPResponse {
                try await app.api(.POST, "/api/v1/nations/FR/demands", token: staff, json: json)
            }

            // MUT
            let everything = try await enter(
                #"{"id": "FR 4!", "item": "SHELL-155", "class": "155MM", "qty": -1, "dueMonth": 999, "priority": 9}"#)
            let unknown = try await enter(#"{"id": "D-FR-4", "item": "NO-SUCH-ITEM", "qty": 1, "dueMonth": 1, "priority": 1}"#)
            let unknownClass = try await enter(#"{"id": "D-FR-4", "class": "NO-SUCH-CLASS", "qty": 1, "dueMonth": 1, "priority": 1}"#)
            let neither = try await enter(#"{"id": "D-FR-4", "qty": 1, "dueMonth": 1, "priority": 1}"#)
            let otherNation = try await enter(#"{"id": "D-PL-1", "item": "SHELL-155", "qty": 1, "dueMonth": 1, "priority": 1}"#)
            let unprefixed = try await enter(#"{"id": "PL-1", "item": "SHELL-155", "qty": 1, "dueMonth": 1, "priority": 1}"#)
            let tooLarge = try await enter(#"{"id": "D-FR-7", "item": "SHELL-155", "qty": 1e308, "dueMonth": 1, "priority": 1}"#)
            let malformed = try await enter(#"{"id": "D-FR-4", "item": "SHELL-155", "qty": "many", "dueMonth": 1, "priority": 1}"#)

            // validate
            #expect(everything.status == .unprocessableEntity)
            let named = try everything.error().allProblems.map { String($0.prefix { $0 != ":" }) }
            for field in ["id", "item", "qty", "dueMonth", "priority"] {
                #expect(named.contains(field), "\(field) not named: \(named)")
            }
            #expect(unknown.status == .unprocessableEntity)
            #expect(try unknown.error().reason.contains("NO-SUCH-ITEM"))
            #expect(unknownClass.status == .unprocessableEntity)
            #expect(try unknownClass.error().field == "class")
            #expect(neither.status == .unprocessableEntity)
            #expect(try neither.error().field == "item")
            // an id can never reach another nation's demand, taken or not: refused for what it says, not for what exists
            #expect(otherNation.status == .unprocessableEntity)
            #expect(try otherNation.error().reason.contains("names nation PL"))
            #expect(unprefixed.status == .unprocessableEntity)
            #expect(try unprefixed.error().reason.contains("must start with D-FR-"))
            #expect(tooLarge.status == .unprocessableEntity)
            #expect(try tooLarge.error().allProblems == ["qty: 1e+308 is too large (at most 1e12)"])
            #expect(malformed.status == .badRequest)
            #expect(try malformed.error().field == "qty")
            #expect(try await DemandRecord.query(on: app.db).count() == 3)
            #expect(try await AuditRecord.query(on: app.db).filter(\.$entity == "demand").filter(\.$action == "create").count() == 0)
        }
    }

    /// Every problem of a form at once, each in words beside its field; numbers as the pages write them are taken.
    @Test func aFormNamesEveryProblemAtOnceBesideItsField() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.frDelegate.email)

            // MUT: a wrong id, an unknown item, a quantity that is no number, a month past the horizon, priority 9
            let bad = try await browser.post(
                "/nations/FR/demands",
                ["id": "D-DE-9999", "item": "NO-SUCH", "qty": "1,00", "due_month": "2099-01", "priority": "9"])
            let grouped = try await browser.post(
                "/nations/FR/demands", ["id": "D-FR-6", "class": "class:155MM", "qty": "1,000", "due_month": "2026-05", "priority": "2"])

            // validate
            #expect(bad.status == .unprocessableEntity)
            let html = bad.body.string
            for (field, words) in [
                ("id", "Demand id: D-DE-9999 names nation DE"), ("item", "Item: unknown item"),
                ("qty", "Quantity: must be a number, such as 1200 or 1,200"), ("due_month", "Due month: must be between 2026-01 and "),
                ("priority", "Priority: "),
            ] {
                #expect(html.contains(words), "\(field) in words")
                #expect(html.contains(#"aria-describedby="field-\#(field)-error""#), "\(field) marked")
                #expect(html.contains(#"<p class="field-error" id="field-\#(field)-error">"#), "\(field) has its message beside it")
            }
            #expect(!html.contains("qty:") && !html.contains("due_month:"), "internal names on the page")
            #expect(html.contains(#"type="month""#) && html.contains(#"min="2026-01""#))
            #expect(grouped.status == .seeOther, "\(grouped.body.string.prefix(2_000))")
            let demand = try #require(try await DemandRecord.query(on: app.db).filter(\.$code == "D-FR-6").first())
            #expect(demand.qty == 1_000 && demand.itemClass == "155MM")
        }
    }

    @Test func thePagesEnterAndWithdrawToo() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.frDelegate.email)
            #expect(try await browser.get("/nations/FR").body.string.contains("/nations/FR/demands/new"))
            #expect(try await browser.get("/nations/FR/demands/new").status == .ok)

            // MUT: a bad form, then a good one
            let bad = try await browser.post(
                "/nations/FR/demands",
                [
                    "id": "D-FR-5", "item": "SHELL-155", "qty": "lots",
                    "due_month": "2026-05", "priority": "1",
                ])
            let good = try await browser.post(
                "/nations/FR/demands",
                [
                    "id": "D-FR-5", "item": "SHELL-155", "qty": "40",
                    "due_month": "2026-05", "priority": "1",
                ])

            // validate
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Quantity: must be a number"))
            #expect(bad.body.string.contains(#"id="field-qty" name="qty" type="text" value="lots""#))
            #expect(bad.body.string.contains(#"aria-invalid="true" aria-describedby="field-qty-error""#))
            #expect(good.status == .seeOther && good.headers.first(name: .location) == "/nations/FR")
            let demand = try #require(try await DemandRecord.query(on: app.db).filter(\.$code == "D-FR-5").first())
            #expect(demand.qty == 40 && demand.itemCode == "SHELL-155")

            // MUT: withdraw from its edit page, at a stale version and then at the right one
            let stale = try await browser.post("/demands/D-FR-5/delete", ["version": "3"])
            let withdrawn = try await browser.post("/demands/D-FR-5/delete", ["version": "1"])

            // validate
            #expect(stale.status == .conflict && stale.body.string.contains("someone else changed this demand"))
            #expect(withdrawn.status == .seeOther)
            #expect(try await DemandRecord.query(on: app.db).filter(\.$code == "D-FR-5").count() == 0)

            // another nation's delegate gets neither the form nor the action
            let pl = Browser(app)
            _ = try await pl.signIn(Fixtures.plDelegate.email)
            #expect(try await pl.get("/nations/FR/demands/new").status == .forbidden)
            #expect(
                try await pl.post(
                    "/nations/FR/demands",
                    [
                        "id": "D-FR-6", "item": "SHELL-155", "qty": "1",
                        "due_month": "2026-05", "priority": "1",
                    ]
                ).status == .forbidden)
        }
    }

    @Test func staffEnterTheFirstDemandOfANationNewToTheScenario() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = try await Fixtures.token(app, Fixtures.staff)

            // MUT
            let created = try await app.api(
                .POST, "/api/v1/nations/DE/demands", token: staff,
                json: #"{"id": "D-DE-0001", "item": "SHELL-155", "qty": 12, "dueMonth": 3, "priority": 2}"#)

            // validate: the nation is added with its name, the demand goes last
            #expect(created.status == .created)
            let nation = try #require(try await NationRecord.query(on: app.db).filter(\.$code == "DE").first())
            #expect(nation.name == Alliance.name(of: "DE"))
            let last = try #require(try await DemandRecord.query(on: app.db).sort(\.$position, .descending).first())
            #expect(last.code == "D-DE-0001" && last.nation == "DE" && last.version == 1)
            #expect(try await Self.storedCounts(app).nations == 3)
        }
    }

    /// The scenario's size as the dashboard reads it: from the settings row.
    static func storedCounts(_ app: Application) async throws -> RecordCounts {
        let settings = try #require(try await ScenarioSettingsRecord.query(on: app.db).first())
        #expect(settings.demandCount != nil, "the counts are not stored")
        return try await RecordCounts.load(settings: settings, on: app.db)
    }
}
