import Fluent
import Foundation
import Plot
import Testing
import Vapor
import VaporTesting

@testable import RampartCore
@testable import RampartServer

/// The views of a run beside its page: the late list's sort, filters and search (and its CSV with the same rows), a
/// demand's page with its deliveries and pegging, the plan file as each role may download it, and a line's load.
@Suite struct PlanViewsTests {
    /// The fixture planned once: its run and its results.
    static func plannedFixture(_ app: Application) async throws -> (run: UUID, results: [PlanDemandResultRecord]) {
        try await Fixtures.seed(app)
        let run = try await PlanRuns.enqueue(requestedBy: nil, now: app.rampart.clock.now(), on: app.db)
        try await Fixtures.runQueuedPlans(app)
        let id = try run.requireID()
        let results = try await PlanDemandResultRecord.query(on: app.db).filter(\.$planRunID == id).all()
        return (id, results)
    }

    /// The demand codes in the order the page's late table lists them.
    static func listedCodes(_ html: String) -> [String] {
        html.components(separatedBy: "/demands/").dropFirst().compactMap { rest in
            rest.split(separator: "\"", maxSplits: 1).first.map(String.init)
        }
    }

    @Test func reasonsLinkTheirLinesAndSuppliesForStaffOnly() async throws {
        try await withTestApp { app in
            let (run, results) = try await Self.plannedFixture(app)
            let staff = Browser(app)
            _ = try await staff.signIn(Fixtures.staff.email)
            let fr = Browser(app)
            _ = try await fr.signIn(Fixtures.frDelegate.email)

            // MUT
            let staffPage = try await staff.get("/plans/\(run.uuidString)").body.string
            let frPage = try await fr.get("/plans/\(run.uuidString)").body.string

            // validate: every source a shown reason names is linked for staff, and the link opens its page
            let sources = try await SourceRecord.query(on: app.db).all().map(\.code)
            let named = Set(
                results.flatMap { PlanDemandResultRecord.causes(json: $0.causesJSON, reason: $0.reason) }.compactMap { cause in
                    sources.first { cause.contains(" line \($0) ") || cause.contains(" supply \($0) ") }
                })
            try #require(!named.isEmpty, "the fixture's reasons should name a line or supply")
            let linked = sources.filter { staffPage.contains("href=\"/sources/\($0)\"") }
            #expect(!linked.isEmpty && Set(linked).isSubset(of: named))
            #expect(try await staff.get("/sources/\(linked[0])").status == .ok)
            // a delegate may not open a company's line: their reasons stay text
            #expect(!frPage.contains("href=\"/sources/"))
        }
    }

    @Test func onlyASourceSentenceGetsALink() {
        func html(_ sentence: String) -> String { PlanDetailPage.causeHTML(sentence, linkingSources: true) }
        #expect(html("TNT supply S-PL-1 at capacity 2026-03 to 2026-10").contains("<a href=\"/sources/S-PL-1\">S-PL-1</a>"))
        #expect(html("SHELL line L-1 needs 3 months: too late to start in time").contains("href=\"/sources/L-1\""))
        #expect(!html("no line or supply makes TNT").contains("<a"))
        #expect(!html("TNT supply S-PL-1 went away").contains("<a"))
        #expect(!PlanDetailPage.causeHTML("TNT supply S-PL-1 at capacity 2026-03", linkingSources: false).contains("<a"))
        #expect(
            html("<b>X</b> line L&1 at capacity 2026-03")
                == "&lt;b&gt;X&lt;/b&gt; line <a href=\"/sources/L%261\">L&amp;1</a> at capacity 2026-03")
    }

    @Test func aReasonShowsItsMainCauseAndTheRestUnderADisclosure() {
        let html = PlanDetailPage.reasonHTML(["main <cause>", "second", "third"], linkingSources: false)
        #expect(html == "main &lt;cause&gt;<details><summary>2 more causes</summary><ul><li>second</li><li>third</li></ul></details>")
        #expect(PlanDetailPage.reasonHTML(["only"], linkingSources: false) == "only")
        #expect(PlanDetailPage.reasonHTML([], linkingSources: false) == "–")
    }

    @Test func aReasonSaysHowManyCausesThePlannerDidNotKeep() {
        let html = PlanDetailPage.reasonHTML(["main", "second"], notKept: 3, linkingSources: false)
        #expect(
            html == "main<details><summary>4 more causes</summary><ul><li>second</li><li class=\"muted\">and 3 more that the "
                + "planner found and did not keep: it keeps the first causes of each chain</li></ul></details>")
        // A chain of one kept cause still says that there were more.
        #expect(PlanDetailPage.reasonHTML(["only"], notKept: 1, linkingSources: false).contains("<summary>1 more cause</summary>"))
        #expect(PlanDetailCSV.allCauses(["a", "b"], notKept: 2) == "a; b; and 2 more not kept by the planner")
        #expect(PlanDetailCSV.allCauses(["a", "b"], notKept: 0) == "a; b")
    }

    @Test func aResultStoresHowManyCausesWereNotKeptAndOldListsStillRead() throws {
        // setup: a late demand's result whose explanation kept two causes of five
        let demand = Demand(id: "D-1", nation: "DE", item: "SHELL", qty: 10, dueMonth: 3, priority: 1)
        let outcome = DemandOutcome(
            demand: demand, delivered: 10, onTime: 0, late: 10, lateUnitMonths: 20, unserved: 0, completionMonth: 5,
            weightedLateness: 320)
        let kept = DemandResult(
            outcome: outcome, deliveries: [(month: 5, qty: 10)], reason: "first", causes: ["first", "second"], causesNotKept: 3)
        let all = DemandResult(outcome: outcome, deliveries: [(month: 5, qty: 10)], reason: "first", causes: ["first", "second"])

        // MUT
        let (withMore, _, _) = PlanDemandResultRecord.records(runID: UUID(), result: kept, released: false)
        let (without, _, _) = PlanDemandResultRecord.records(runID: UUID(), result: all, released: false)

        // validate: the count is stored beside the list only where there is one; a plain list (as runs stored before
        // wrote it) reads as nothing left out
        #expect(withMore.causes == ["first", "second"])
        #expect(withMore.causesNotKept == 3)
        #expect(without.causesJSON == #"["first","second"]"#)
        #expect(without.causesNotKept == 0)
        #expect(PlanDemandResultRecord.causes(json: "not json", reason: "why") == ["why"])
        #expect(PlanDemandResultRecord.causesNotKept(json: nil) == 0)
    }

    @Test func theLateListTotalsTheWeightedLatenessOfEveryDemandItLists() async throws {
        try await withTestApp { app in
            let (run, results) = try await Self.plannedFixture(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.frDelegate.email)

            // MUT: a delegate's list (their nation's late demands only)
            let html = try await browser.get("/plans/\(run.uuidString)").body.string

            // validate: the totals row counts and sums exactly those, units of unlike items not summed
            let mine = results.filter { $0.nation == "FR" && ($0.lateUnits > 0 || $0.unservedUnits > 0) }
            try #require(!mine.isEmpty, "the fixture should have late demands of France")
            let label = mine.count == 1 ? "The 1 demand listed" : "All \(mine.count) demands listed, on all pages"
            let foot = try #require(html.components(separatedBy: "<tfoot>").dropFirst().first { $0.contains(label) })
            let weighted = mine.reduce(0) { $0 + ($1.weightedLateness ?? 0) }
            #expect(foot.contains("<td class=\"num\">\(Format.units(weighted))</td>"), "\(foot.prefix(400))")
        }
    }

    @Test func theLateListSortsFiltersAndSearchesAndItsCSVHoldsTheSameRows() async throws {
        try await withTestApp { app in
            let (run, results) = try await Self.plannedFixture(app)
            let late = results.filter { $0.lateUnits > 0 || $0.unservedUnits > 0 }
            try #require(late.count >= 2, "the fixture should have at least two late demands")
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.staff.email)
            let path = "/plans/\(run.uuidString)"

            // MUT: sorted by due month, one way and the other
            let ascending = Self.listedCodes(try await browser.get(path + "?sort=due&dir=asc").body.string)
            let descending = Self.listedCodes(try await browser.get(path + "?sort=due&dir=desc").body.string)

            // validate
            let byDue = late.sorted { ($0.dueMonth, $0.demandCode) < ($1.dueMonth, $1.demandCode) }.map(\.demandCode)
            #expect(ascending == byDue)
            #expect(descending == late.sorted { ($0.dueMonth, $1.demandCode) > ($1.dueMonth, $0.demandCode) }.map(\.demandCode))
            #expect(ascending != descending)

            // MUT: filtered by nation, then searched
            let french = try await browser.get(path + "?nation=FR").body.string
            let searched = try await browser.get(path + "?q=pl-").body.string

            // validate
            #expect(
                Self.listedCodes(french)
                    == late.filter { $0.nation == "FR" }.sorted { ($0.weightedLateness ?? 0) > ($1.weightedLateness ?? 0) }.map(
                        \.demandCode))
            #expect(french.contains("match the filters") || french.contains("matches the filters"))
            #expect(Self.listedCodes(searched) == late.filter { $0.demandCode.lowercased().contains("pl-") }.map(\.demandCode))

            // MUT: the CSV of the same query
            let csv = try await browser.get("/plans/\(run.uuidString)/late.csv?sort=due&dir=asc").body.string
            let csvCodes = csv.split(separator: "\r\n").dropFirst().map { String($0.split(separator: ",")[0]) }

            // validate: the rows shown, in the order shown, each marked
            #expect(csvCodes == byDue)
            #expect(csv.split(separator: "\r\n").dropFirst().allSatisfy { $0.hasSuffix(Releasability.staffOnly.marking) })

            // MUT: what the list does not offer
            let badSort = try await browser.get(path + "?sort=password")
            let badFilter = try await browser.get(path + "?priority=9")
            let longSearch = try await browser.get(path + "?q=" + String(repeating: "x", count: 101))

            // validate: refused, the field named
            #expect(badSort.status == .unprocessableEntity)
            #expect(badSort.body.string.contains("sort: must be one of"))
            #expect(badFilter.status == .unprocessableEntity)
            #expect(badFilter.body.string.contains("priority: must be one of"))
            #expect(longSearch.status == .unprocessableEntity)
        }
    }

    @Test func aDelegateFiltersOnlyTheirOwnNationsLateDemands() async throws {
        try await withTestApp { app in
            let (run, results) = try await Self.plannedFixture(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.frDelegate.email)

            // MUT: a delegate asking for another nation's rows
            let asked = try await browser.get("/plans/\(run.uuidString)?nation=PL")
            let csv = try await browser.get("/plans/\(run.uuidString)/late.csv?q=PL")

            // validate: a delegate's list has no nation filter, and a search finds nothing of other nations
            #expect(asked.status == .unprocessableEntity)
            #expect(asked.body.string.contains("nation: this list has no such filter"))
            #expect(!csv.body.string.contains("PL-1"))
            #expect(csv.body.string.split(separator: "\r\n").dropFirst().allSatisfy { $0.hasSuffix(",France only") })
            #expect(results.contains { $0.demandCode == "PL-1" })
        }
    }

    @Test func aDemandsPageShowsItsDeliveriesAndWhereTheyCameFromToItsNationAndStaffOnly() async throws {
        try await withTestApp { app in
            let (run, results) = try await Self.plannedFixture(app)
            let fr1 = try #require(results.first { $0.demandCode == "FR-1" })
            let delivered = try await PlanDeliveries.byResult([fr1.requireID()], on: app.db)[fr1.requireID()] ?? []
            try #require(!delivered.isEmpty)
            let path = "/plans/\(run.uuidString)/demands/FR-1"

            // MUT: staff, and France's delegate
            let staff = Browser(app)
            _ = try await staff.signIn(Fixtures.staff.email)
            let asStaff = try await staff.get(path)
            let france = Browser(app)
            _ = try await france.signIn(Fixtures.frDelegate.email)
            let asFrance = try await france.get(path)

            // validate
            #expect(asStaff.status == .ok)
            #expect(asFrance.status == .ok)
            let page = asFrance.body.string
            #expect(page.contains("Deliveries by month") && page.contains("<svg"))
            #expect(page.contains("Where the units come from"))
            #expect(page.contains("Line L-NEXTER") || page.contains("Line L-MESKO"))
            #expect(page.contains("France only"))
            // staff may open the lines; a delegate reads their codes
            #expect(asStaff.body.string.contains("href=\"/sources/L-"))
            #expect(!page.contains("href=\"/sources/"))

            // validate: the stored pegging accounts for every unit delivered
            let stored = try await PlanPeggingRecord.query(on: app.db).filter(\.$resultID == fr1.requireID()).first()
            let pegging = try #require(StoredPegging(json: stored?.peggingJSON))
            let pegged = pegging.entries.reduce(0) { $0 + $1.qty }
            #expect(abs(pegged - delivered.reduce(0) { $0 + $1.qty }) < 1e-6)

            // MUT + validate: the refusals
            #expect(try await france.get("/plans/\(run.uuidString)/demands/PL-1").status == .notFound)
            for person in [Fixtures.knds, Fixtures.observer] {
                let other = Browser(app)
                _ = try await other.signIn(person.email)
                #expect(try await other.get(path).status == .forbidden, "\(person.email)")
            }
            #expect(try await Browser(app).get(path).status == .seeOther)
            #expect(try await staff.get("/plans/\(run.uuidString)/demands/NOPE").status == .notFound)
            #expect(try await staff.get("/plans/\(UUID().uuidString)/demands/FR-1").status == .notFound)
        }
    }

    @Test func thePlanFileIsWholeForStaffAndANationsPartForItsDelegate() async throws {
        try await withTestApp { app in
            let (run, _) = try await Self.plannedFixture(app)
            let path = "/api/v1/plans/\(run.uuidString)/file"

            // MUT
            let whole = try await app.api(.GET, path, token: try await Fixtures.token(app, Fixtures.staff))
            let french = try await app.api(.GET, path, token: try await Fixtures.token(app, Fixtures.frDelegate))

            // validate: staff get the contract's file; France its own demands and deliveries only
            #expect(whole.status == .ok)
            let plan = try JSONDecoder().decode(Plan.self, from: Data(whole.body.readableBytesView))
            #expect(!plan.production.isEmpty)
            #expect(french.status == .ok)
            let part = try JSONDecoder().decode(NationPlanFile.self, from: Data(french.body.readableBytesView))
            #expect(part.nation == "FR" && part.marking == "France only")
            #expect(Set(part.demands.map(\.id)) == ["FR-1", "FR-2"])
            #expect(part.deliveries.allSatisfy { $0.demand.hasPrefix("FR-") })
            #expect(part.deliveries.count == plan.deliveries.filter { $0.demand.hasPrefix("FR-") }.count)
            #expect(!french.body.string.contains("\"production\""))
            #expect(french.headers.first(name: .contentDisposition)?.contains("plan-FR.json") == true)

            // MUT + validate: the refusals, on the API and the page
            for person in [Fixtures.knds, Fixtures.observer] {
                #expect(try await app.api(.GET, path, token: try await Fixtures.token(app, person)).status == .forbidden)
                let browser = Browser(app)
                _ = try await browser.signIn(person.email)
                #expect(try await browser.get("/plans/\(run.uuidString)/plan.json").status == .forbidden)
            }
            #expect(try await app.api(.GET, path, token: nil).status == .unauthorized)
        }
    }

    @Test func aLinesPageDrawsItsLoadAgainstCapacityInTheLatestRun() async throws {
        try await withTestApp { app in
            let (run, _) = try await Self.plannedFixture(app)
            let stored = try await PlanSourceLoadRecord.query(on: app.db).filter(\.$planRunID == run).all()
            #expect(Set(stored.map(\.sourceCode)) == ["L-NEXTER", "L-MESKO", "S-TNT"])
            let nexter = try #require(stored.first { $0.sourceCode == "L-NEXTER" }?.load)
            #expect(nexter.capacity.prefix(7) == [100, 100, 100, 100, 100, 100, 300])
            #expect(nexter.used.reduce(0, +) > 0)

            // MUT: its company, and another company
            let knds = Browser(app)
            _ = try await knds.signIn(Fixtures.knds.email)
            let page = try await knds.get("/sources/L-NEXTER")
            let mesko = Browser(app)
            _ = try await mesko.signIn(Fixtures.mesko.email)

            // validate
            #expect(page.status == .ok)
            #expect(
                page.body.string.contains("Load against capacity") && page.body.string.contains("L-NEXTER: use against capacity by month"))
            #expect(try await mesko.get("/sources/L-NEXTER").status == .notFound)
        }
    }
}

@Suite struct PlanCompareTests {
    @Test func twoRunsComparedSayWhatGotLaterAndEarlierToStaffAndEachNationForItself() async throws {
        try await withTestApp { app in
            // setup: a run, then FR-2 brought forward to month 4 (it can only get later), and a second run
            try await Fixtures.seed(app)
            let first = try await PlanRuns.enqueue(requestedBy: nil, now: app.rampart.clock.now(), on: app.db)
            try await Fixtures.runQueuedPlans(app)
            try await DemandRecord.query(on: app.db).filter(\.$code == "FR-2").set(\.$dueMonth, to: 4).update()
            let second = try await PlanRuns.enqueue(requestedBy: nil, now: app.rampart.clock.now(), on: app.db)
            try await Fixtures.runQueuedPlans(app)
            let firstID = try first.requireID(), secondID = try second.requireID()
            let before = try await PlanComparePages.outcomes(run: firstID, nation: nil, on: app.db)
            let after = try await PlanComparePages.outcomes(run: secondID, nation: nil, on: app.db)
            let expected = RunComparison(before: before, after: after)
            try #require(expected.count(.later) > 0, "bringing FR-2 forward should make something later")

            // MUT: staff, by default against the run before
            let staff = Browser(app)
            _ = try await staff.signIn(Fixtures.staff.email)
            let page = try await staff.get("/plans/\(secondID.uuidString)/compare")

            // validate
            #expect(page.status == .ok)
            let text = page.body.string
            #expect(text.contains("From run 1 to run 2: \(PlanComparePages.summary(expected))"))
            for change in expected.demands { #expect(text.contains(">\(change.demand)<"), "\(change.demand)") }
            #expect(text.contains("Later"))

            // MUT: a delegate sees their own nation only
            let poland = Browser(app)
            _ = try await poland.signIn(Fixtures.plDelegate.email)
            let polish = try await poland.get("/plans/\(secondID.uuidString)/compare?against=\(firstID.uuidString)").body.string

            // validate
            #expect(!polish.contains(">FR-1<") && !polish.contains(">FR-2<") && !polish.contains("France"))
            #expect(polish.contains("Poland only"))

            // MUT: France's delegate's home page
            let france = Browser(app)
            _ = try await france.signIn(Fixtures.frDelegate.email)
            let home = try await france.get("/dashboard").body.string

            // validate: what changed for France since the run before, its demands counted by outcome
            let frenchChange = RunComparison(
                before: before.filter { $0.nation == "FR" }, after: after.filter { $0.nation == "FR" })
            #expect(home.contains("Since the run before: \(PlanComparePages.summary(frenchChange))"))
            #expect(home.contains("Wholly on time") && home.contains("With units late"))

            // MUT + validate: the refusals and bad input
            for person in [Fixtures.knds, Fixtures.observer] {
                let other = Browser(app)
                _ = try await other.signIn(person.email)
                #expect(try await other.get("/plans/\(secondID.uuidString)/compare").status == .forbidden, "\(person.email)")
            }
            #expect(try await staff.get("/plans/\(secondID.uuidString)/compare?against=nope").status == .unprocessableEntity)
            #expect(
                try await staff.get("/plans/\(secondID.uuidString)/compare?against=\(secondID.uuidString)").status == .unprocessableEntity)
            #expect(try await staff.get("/plans/\(UUID().uuidString)/compare").status == .notFound)
        }
    }
}

/// The late list sorted by nation sorts by the names it shows, not by the codes.
@Suite struct LateListNationOrderTests {
    static func rank(_ code: String) -> Int? {
        let sql = PlanLateDemands.nationByName
        guard let range = sql.range(of: "WHEN '\(code)' THEN ") else { return nil }
        return Int(sql[range.upperBound...].prefix { $0.isNumber })
    }

    @Test func franceBeforeGermanyAndTurkiyeBeforeTheUnitedKingdom() throws {
        #expect(try #require(Self.rank("FR")) < (try #require(Self.rank("DE"))))
        #expect(try #require(Self.rank("TR")) < (try #require(Self.rank("GB"))))
        #expect(try #require(Self.rank("AL")) == 0)
        let order = PlanLateDemands.order(TableQuery(sort: "nation", descending: true, page: 1))
        #expect(order.hasPrefix("CASE nation ") && order.hasSuffix("END DESC, nation DESC, demand_code"))
    }
}
