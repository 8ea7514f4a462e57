import Fluent
import Foundation
import Plot
import RampartCore
import Testing
import Vapor
import VaporTesting

@testable import RampartServer

/// Sorting, filters, search, numbered pages and CSV on the nation's demands and the industry's lines.
@Suite struct TableToolsTests {
    /// The codes in the rows of the first data table of `html`, in order.
    static func firstColumn(_ html: String) -> [String] {
        guard let body = html.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tbody>").first else {
            return []
        }
        return body.components(separatedBy: "<code>").dropFirst().compactMap { $0.components(separatedBy: "</code>").first }
    }

    static func csvFirstColumn(_ csv: String, skip: Int) -> [String] {
        csv.split(separator: "\r\n").dropFirst(skip).map { String($0.split(separator: ",", omittingEmptySubsequences: false)[0]) }
    }

    @Test func aNationsDemandsSortFilterSearchAndDownloadAsShown() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            _ = try await PlanRuns.enqueue(requestedBy: nil, now: app.rampart.clock.now(), on: app.db)
            try await Fixtures.runQueuedPlans(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.frDelegate.email)

            // MUT + validate: sorted by due month both ways, filtered by priority and outcome, searched
            #expect(Self.firstColumn(try await browser.get("/nations/FR?sort=due&dir=asc").body.string) == ["FR-1", "FR-2"])
            #expect(Self.firstColumn(try await browser.get("/nations/FR?sort=due&dir=desc").body.string) == ["FR-2", "FR-1"])
            let priority1 = try await browser.get("/nations/FR?priority=1").body.string
            #expect(Self.firstColumn(priority1) == ["FR-1"])
            #expect(priority1.contains("2 demands; 1 matches the filters."))
            #expect(Self.firstColumn(try await browser.get("/nations/FR?q=155mm").body.string) == ["FR-2"])
            #expect(Self.firstColumn(try await browser.get("/nations/FR?released=yes").body.string) == [])

            // validate: totals per item or class, never across them
            let page = try await browser.get("/nations/FR").body.string
            #expect(page.contains("Totals by item or class") && page.contains(">SHELL-155<") && page.contains(">class:155MM<"))
            #expect(page.contains("France only"))

            // MUT: the CSV of a sorted, filtered list
            let csv = try await browser.get("/nations/FR/demands.csv?sort=due&dir=desc")
            let filtered = try await browser.get("/nations/FR/demands.csv?priority=2")

            // validate
            #expect(csv.status == .ok && csv.headers.contentType?.subType == "csv")
            #expect(csv.body.string.hasPrefix("demand,target,quantity,due,"))
            #expect(csv.body.string.split(separator: "\r\n").dropFirst().allSatisfy { $0.hasSuffix(",France only") })
            #expect(Self.csvFirstColumn(csv.body.string, skip: 1) == ["FR-2", "FR-1"])
            #expect(Self.csvFirstColumn(filtered.body.string, skip: 1) == ["FR-2"])

            // MUT + validate: refusals
            #expect(try await browser.get("/nations/FR?sort=secret").status == .unprocessableEntity)
            #expect(try await browser.get("/nations/FR?outcome=maybe").status == .unprocessableEntity)
            #expect(try await browser.get("/nations/PL/demands.csv").status == .forbidden)
            let industry = Browser(app)
            _ = try await industry.signIn(Fixtures.knds.email)
            #expect(try await industry.get("/nations/FR/demands.csv").status == .forbidden)
        }
    }

    @Test func theLinesListPagesFiltersAndDownloadsEachCompanysOwn() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let staff = Browser(app)
            _ = try await staff.signIn(Fixtures.staff.email)

            // MUT + validate: filtered by kind, searched, sorted
            #expect(Self.firstColumn(try await staff.get("/lines?kind=supply").body.string) == ["S-TNT"])
            #expect(Self.firstColumn(try await staff.get("/lines?q=mesko").body.string) == ["L-MESKO"])
            #expect(Self.firstColumn(try await staff.get("/lines?sort=code&dir=desc").body.string) == ["S-TNT", "L-NEXTER", "L-MESKO"])
            let all = try await staff.get("/lines").body.string
            #expect(all.contains("from 2026-01, 100 a month; from 2026-07, 300 a month"))

            // MUT: CSV, one row per capacity step
            let csv = try await staff.get("/lines.csv").body.string
            #expect(Self.csvFirstColumn(csv, skip: 1) == ["L-NEXTER", "L-NEXTER", "L-MESKO", "S-TNT"])
            #expect(csv.contains("L-NEXTER,line,KNDS France,FR,SHELL-155,1,2026-07,300"))

            // MUT + validate: a company reads its own only, in the page and the CSV
            let mesko = Browser(app)
            _ = try await mesko.signIn(Fixtures.mesko.email)
            #expect(Self.firstColumn(try await mesko.get("/lines").body.string) == ["L-MESKO"])
            #expect(Self.csvFirstColumn(try await mesko.get("/lines.csv?q=nexter").body.string, skip: 1) == [])
            #expect(Self.csvFirstColumn(try await mesko.get("/lines.csv").body.string, skip: 1) == ["L-MESKO"])
            let observer = Browser(app)
            _ = try await observer.signIn(Fixtures.observer.email)
            #expect(try await observer.get("/lines.csv").status == .forbidden)
            #expect(try await staff.get("/lines?kind=factory").status == .unprocessableEntity)
        }
    }

    @Test func pagesAreNumberedAroundTheCurrentOneAndKeepTheQuery() {
        // MUT
        func render(page: Int, of count: Int) -> String {
            Node<HTML.BodyContext>.pagination(
                page: page, pageCount: count, basePath: "/lines", query: [(name: "sort", value: "code"), (name: "dir", value: "asc")]
            ).render()
        }
        let middle = render(page: 5, of: 10)
        let pastTheEnd = render(page: 40, of: 3)

        // validate
        for number in [1, 3, 4, 6, 7, 10] { #expect(middle.contains(">\(number)</a>"), "\(number)") }
        #expect(!middle.contains(">2</a>") && !middle.contains(">9</a>") && middle.contains("…"))
        #expect(middle.contains("href=\"/lines?sort=code&amp;dir=asc&amp;page=6\""))
        #expect(middle.contains("aria-current=\"page\""))
        #expect(pastTheEnd.contains(">1</a>") && pastTheEnd.contains("← Previous"))
    }

    @Test func aSearchIsMatchedAsTextNotAsAPattern() {
        let query = TableQuery(sort: "code", descending: false, search: "50%_a\\b")
        #expect(query.likePattern == "%50\\%\\_a\\\\b%")
    }
}

@Suite struct CapacityStepsFormTests {
    @Test func capacityIsATableOfStepsInCalendarMonthsEachProblemBesideItsField() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.knds.email)

            // MUT: the form as it opens
            let form = try await browser.get("/sources/L-NEXTER").body.string

            // validate: one row per step in calendar months and units a month, then empty rows
            #expect(form.contains("name=\"step_from_0\" type=\"month\" value=\"2026-01\""))
            #expect(form.contains("name=\"step_per_month_1\" type=\"text\" value=\"300\""))
            #expect(form.contains("name=\"step_from_2\" type=\"month\" value placeholder"))

            // MUT: two bad rows and a bad lead time at once
            let refused = try await browser.post(
                "/sources/L-NEXTER",
                [
                    "lead_time_months": "soon", "step_from_0": "2026-01", "step_per_month_0": "lots", "step_from_1": "2099-01",
                    "step_per_month_1": "1,200", "version": "1",
                ])

            // validate: every problem at once, each beside its field, nothing saved
            #expect(refused.status == .unprocessableEntity)
            let page = refused.body.string
            #expect(page.contains("Lead time: must be a whole number of months"))
            #expect(page.contains("Step 1, units a month: must be a number of units a month"))
            #expect(page.contains("Step 2, from: must be between 2026-01 and 2027-12, the planning horizon"))
            #expect(page.contains("id=\"field-step_per_month_0\" name=\"step_per_month_0\" type=\"text\" value=\"lots\""))
            #expect(page.contains("aria-describedby=\"field-step_from_1-error\""))
            #expect(try await SourceRecord.query(on: app.db).filter(\.$code == "L-NEXTER").first()?.version == 1)

            // MUT: a good change: "1,200" as the pages write it, one step dropped by emptying its row
            let saved = try await browser.post(
                "/sources/L-NEXTER",
                [
                    "lead_time_months": "2", "step_from_0": "2026-03", "step_per_month_0": "1,200", "step_from_1": "",
                    "step_per_month_1": "", "version": "1",
                ])

            // validate
            #expect(saved.status == .seeOther)
            let steps = try await CapacityStepRecord.query(on: app.db).filter(\.$sourceCode == "L-NEXTER").all()
            #expect(steps.map(\.fromMonth) == [2] && steps.map(\.perMonth) == [1200])
        }
    }
}

@Suite struct ReturnAfterSaveTests {
    @Test func aSavedDemandBringsItsEditorBackToTheSamePageOfTheListAndNowhereElse() async throws {
        try await withTestApp { app in
            try await Fixtures.seed(app)
            let browser = Browser(app)
            _ = try await browser.signIn(Fixtures.frDelegate.email)
            let list = "/nations/FR?sort=due&dir=desc&priority=2"

            // MUT: the edit link from a sorted, filtered list
            let page = try await browser.get(list).body.string
            let form = try await browser.get("/demands/FR-2?return_to=" + Href.percentEncoded(list)).body.string

            // validate: the link carries the list; the form keeps it
            #expect(page.contains("/demands/FR-2?return_to=%2Fnations%2FFR%3Fsort%3Ddue%26dir%3Ddesc%26priority%3D2"))
            #expect(form.contains("name=\"return_to\" value=\"/nations/FR?sort=due&amp;dir=desc&amp;priority=2\""))

            // MUT + validate: a save goes back there; elsewhere is never a destination
            for (asked, expected) in [
                (list, list), ("https://evil.example/", "/nations/FR"), ("//evil.example", "/nations/FR"),
                ("/nations/PL", "/nations/FR"), ("/nations/FRANCE", "/nations/FR"),
            ] {
                let version = try #require(try await DemandRecord.query(on: app.db).filter(\.$code == "FR-2").first()).version
                let saved = try await browser.post(
                    "/demands/FR-2",
                    ["qty": "1,000", "due_month": "2027-01", "priority": "2", "version": String(version), "return_to": asked])
                #expect(saved.status == .seeOther)
                #expect(saved.headers.first(name: .location) == expected, "return_to \(asked)")
            }
        }
    }
}
