import Plot
import RampartCore
import Testing

@testable import RampartServer

/// Every page and chart rendered with hostile text in every string field must stay inert:
/// no new tags, no attribute break-outs, and the text shown escaped.
@Suite struct HostileTextTests {
    @Test(arguments: HostilePage.allCases)
    func pageEscapesHostileText(_ page: HostilePage) {
        for context in Hostile.contexts {
            // MUT
            let renders = page.renders(context)

            // validate
            for html in renders {
                Hostile.expectInert(html, "\(page) as \(context.user?.role.rawValue ?? "signed out")")
                #expect(html.contains("&lt;script&gt;"), "\(page): escaped text missing")
                if context.user != nil {
                    #expect(html.contains(Hostile.attributeEscaped), "\(page): escaped attribute missing")
                }
            }
        }
    }

    @Test func chartsEscapeHostileText() {
        // setup
        let series = MonthlySeries(
            monthLabels: [Hostile.text, "Feb", Hostile.text], demanded: [10, 2_000, 30_000], delivered: [0, 1_500, 12_000])

        // MUT
        let svgs = [
            SVGChart.deliveriesAgainstDemand(series, title: Hostile.text),
            SVGChart.bars(
                [(label: Hostile.text, value: 1_234), (label: "FR", value: 5)], title: Hostile.text,
                colour: SVGChart.shortfallColour),
            SVGChart.noData(title: Hostile.text, width: 300, height: 100),
        ]

        // validate
        for svg in svgs {
            Hostile.expectInert(svg, "chart")
            #expect(svg.contains("&lt;script&gt;"))
            #expect(svg.contains("role=\"img\""))
            #expect(svg.contains("<title>"))
        }
        #expect(svgs[0].contains("30,000"))
        #expect(svgs[1].contains("1,234"))
        #expect(svgs[1].contains("fill=\"\(SVGChart.shortfallColour)\""))
        #expect(!svgs[1].contains(SVGChart.deliveryColour))
    }

    @Test func chartsHandleEmptyAndZeroSeries() {
        // MUT
        let empty = SVGChart.deliveriesAgainstDemand(MonthlySeries(monthLabels: [], demanded: [], delivered: []))
        let zeros = SVGChart.deliveriesAgainstDemand(MonthlySeries(monthLabels: ["Jan", "Feb"], demanded: [0, 0], delivered: [0]))
        let single = SVGChart.deliveriesAgainstDemand(MonthlySeries(monthLabels: ["Jan"], demanded: [5], delivered: [.nan]))
        let noBars = SVGChart.bars([], colour: SVGChart.deliveryColour)
        let zeroBars = SVGChart.bars([(label: "FR", value: 0), (label: "DE", value: -3)], colour: SVGChart.deliveryColour)

        // validate
        #expect(empty.contains("No data yet"))
        #expect(noBars.contains("No data yet"))
        for svg in [zeros, single, zeroBars] {
            #expect(!svg.lowercased().contains("nan"))
            #expect(!svg.lowercased().contains("inf"))
            Hostile.expectInert(svg, "edge-case chart")
        }
        #expect(zeros.contains("<polyline"))
    }

    @Test func escapeAttributeEscapesAllFiveCharacters() {
        // MUT / validate
        #expect(Escape.attribute("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f")
        #expect(Escape.text("<&>\"'") == "&lt;&amp;&gt;&quot;&#39;")
        #expect(Escape.attribute("plain text · 12") == "plain text · 12")
    }

    @Test func attributeHelperIsNotEscapedTwiceByPlot() {
        // MUT
        let html = Node<HTML.BodyContext>.div(.attr("title", "a&b\"c")).render()

        // validate
        #expect(html == "<div title=\"a&amp;b&quot;c\"></div>")
    }

    @Test func scannerCatchesUnescapedAttribute() {
        // setup: Plot's own attribute API writes the value raw
        let unsafe = Node<HTML.BodyContext>.div(.attribute(named: "title", value: Hostile.text)).render()

        // MUT
        let problems = MarkupScanner.problems(in: unsafe)

        // validate
        #expect(!problems.isEmpty)
    }

    @Test func hrefsAreEncodedAndLocal() {
        #expect(SiteRoute.nation("F R/\"").path == "/nations/F%20R%2F%22")
        #expect(SiteRoute.reset.path(query: [(name: "return_to", value: "/plans?x=1&y")]) == "/reset?return_to=%2Fplans%3Fx%3D1%26y")
        #expect(Href.local("javascript:alert(1)") == "/")
        #expect(Href.local("//evil.example") == "/")
        #expect(Href.local("/\\evil.example") == "/")
        #expect(Href.local("/plans/7") == "/plans/7")
        #expect(Href.local("/plans 7") == "/" && Href.local("/a\\b") == "/" && Href.local(nil as String?) == "/")
    }

    @Test func numbersUseThousandsSeparators() {
        #expect(Format.units(12_345) == "12,345")
        #expect(Format.units(12_345.5) == "12,345.5")
        #expect(Format.units(999.96) == "1,000")
        #expect(Format.units(0) == "0")
        #expect(Format.units(-1_234_567.04) == "-1,234,567")
        #expect(Format.units(.nan) == "–")
        #expect(Format.percent(0.425) == "42.5%")
        #expect(Format.percent(1) == "100%")
        #expect(Format.integer(-1_000) == "-1,000")
    }

    @Test func formsPostToTheirActionsWithCsrf() {
        // setup
        let context = PageContext(
            title: "T", user: PageUser(displayName: "Ann", role: .staff, nation: nil, company: nil),
            csrfToken: "tok123", path: "/admin/users", notice: nil
        )
        let csrf = "<input type=\"hidden\" name=\"csrf_token\" value=\"tok123\"/>"

        // MUT
        let signIn = SignInPage.render(context, .init(email: "a@b.c", errors: [], next: "/plans")).render()
        let register = RegisterPage.render(
            context, .init(email: "", displayName: "", errors: ["Too short"], passwordRules: ["At least 12 characters"])
        ).render()
        let edit = DemandEditPage.render(
            context,
            .init(
                code: "D-1", nation: "FR", target: "155mm", qty: "10", dueMonth: "2026-01", priority: "1", released: true, version: 3,
                errors: [], conflict: false)
        ).render()
        let users = UsersAdminPage.render(
            context,
            .init(
                rows: [
                    .init(id: "u1", email: "e", displayName: "d", role: .delegate, nation: "FR", company: nil, verified: true, version: 2)
                ], nations: ["DE", "FR"], companies: ["Acme"])
        ).render()
        let tokens = TokensPage.render(
            context,
            .init(tokens: [.init(id: "abc", name: "n", createdAt: "today", scope: "read only", expires: "tomorrow")], newToken: "secret-1")
        ).render()
        let verify = VerifyPage.render(context, .init(email: "a@b.c", registration: "r-1", errors: [], info: nil)).render()

        // validate
        #expect(signIn.contains("<form method=\"post\" action=\"/signin\""))
        #expect(signIn.contains("name=\"next\" value=\"/plans\""))
        #expect(signIn.contains("href=\"/reset?return_to=%2Fplans\""))
        #expect(register.contains("action=\"/register\""))
        #expect(register.contains("role=\"alert\""))
        #expect(edit.contains("action=\"/demands/D-1\""))
        #expect(edit.contains("name=\"released\" type=\"checkbox\" value=\"yes\" checked"))
        #expect(edit.contains("name=\"version\" value=\"3\""))
        #expect(users.contains("action=\"/admin/users/u1\""))
        #expect(users.contains("<option value=\"delegate\" selected>National delegate</option>"))
        #expect(users.contains("<option value=\"FR\" selected>FR</option>"))
        #expect(users.contains("<option value>—</option>"))
        #expect(tokens.contains("action=\"/account/tokens/abc/delete\""))
        #expect(tokens.contains("<code class=\"secret\">secret-1</code>"))
        #expect(verify.contains("action=\"/verify/resend\""))
        #expect(verify.contains("autocomplete=\"one-time-code\""))
        for html in [signIn, register, edit, users, tokens, verify] {
            #expect(html.contains(csrf))
            #expect(html.contains("action=\"/signout\""))
            #expect(html.hasPrefix("<!DOCTYPE html>"))
        }
        #expect(users.contains("<a href=\"/admin/users\" aria-current=\"page\">Accounts</a>"))
        #expect(users.contains("<title>T · Rampart</title>"))
    }

    @Test func navigationDependsOnRole() {
        // setup
        func user(_ role: Role) -> PageUser { PageUser(displayName: "x", role: role, nation: "FR", company: "Acme") }

        // MUT
        let staff = Navigation.entries(for: user(.staff)).map(\.href)
        let delegate = Navigation.entries(for: user(.delegate)).map(\.href)
        let industry = Navigation.entries(for: user(.industry)).map(\.href)
        let observer = Navigation.entries(for: user(.observer)).map(\.href)
        let signedOut = Navigation.entries(for: nil).map(\.href)

        // validate
        #expect(
            staff == [
                "/dashboard", "/nations", "/plans", "/signals", "/lines", "/interoperability", "/standards", "/admin/users", "/audit",
                "/admin/jobs",
                "/account",
            ])
        #expect(delegate == ["/dashboard", "/nations/FR", "/plans", "/signals", "/interoperability", "/standards", "/account"])
        #expect(industry == ["/dashboard", "/plans", "/signals", "/lines", "/interoperability", "/standards", "/account"])
        #expect(observer == ["/dashboard", "/plans", "/signals", "/interoperability", "/standards", "/account"])
        #expect(Navigation.isCurrent(NavEntry(label: "", href: "/account"), path: "/account/tokens"))
        #expect(signedOut == ["/signin", "/register"])
        #expect(Navigation.isCurrent(NavEntry(label: "", href: "/plans"), path: "/plans/42"))
        #expect(!Navigation.isCurrent(NavEntry(label: "", href: "/plans"), path: "/plansx"))
    }

    @Test func planDetailRefreshesOnlyWhileRunning() {
        // setup
        let context = Hostile.plainContext
        func run(_ status: PlanRunStatus) -> PlanRunRow {
            PlanRunRow(
                id: "r1", status: status, progress: 0.4, phase: "Planning", createdAt: "now", requestedBy: nil,
                weightedLateness: nil, onTimeUnits: nil, lateUnits: nil, unservedUnits: nil, error: "Solver gave up")
        }

        // MUT
        let running = PlanDetailPage.render(
            context, .init(run: run(.running), nations: .shown([]), late: .withheld(""), bottlenecks: .withheld(""))
        ).render()
        let failed = PlanDetailPage.render(
            context, .init(run: run(.failed), nations: .shown([]), late: .withheld(""), bottlenecks: .withheld(""))
        ).render()

        // validate
        #expect(running.contains("<meta http-equiv=\"refresh\" content=\"2\"/>"))
        #expect(running.contains("<progress max=\"100\" value=\"40\""))
        #expect(!failed.contains("http-equiv"))
        #expect(failed.contains("Solver gave up"))
    }
}

// MARK: - Hostile fixtures

enum Hostile {
    static let text = "\"><script>alert(1)</script>'&"
    static let attributeEscaped = "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&#39;&amp;"

    static let contexts: [PageContext] =
        Role.allCases.map { role in
            PageContext(
                title: text,
                user: PageUser(displayName: text, role: role, nation: text, company: text),
                csrfToken: text, path: text, notice: text
            )
        } + [PageContext(title: text, user: nil, csrfToken: text, path: text, notice: text)]

    static let plainContext = PageContext(
        title: "Plan", user: PageUser(displayName: "Ann", role: .staff, nation: nil, company: nil),
        csrfToken: "tok", path: "/plans/r1", notice: nil
    )

    static let series = MonthlySeries(monthLabels: [text, text, text], demanded: [1, 20, 300], delivered: [0, 10, 250])

    static func run(_ status: PlanRunStatus) -> PlanRunRow {
        PlanRunRow(
            id: text, status: status, progress: 0.5, phase: text, createdAt: text, requestedBy: text,
            weightedLateness: 12, onTimeUnits: 1_000, lateUnits: 20, unservedUnits: 3, error: text
        )
    }

    static let runs = PlanRunStatus.allCases.map(run)

    static let nationRows = [
        NationOutcomeRow(
            nation: text, demanded: 100, onTime: 80, late: 15, unserved: 5, weightedLateness: 30, meanDelayMonths: 1.5,
            demands: PlanRunSummary.DemandCounts(OutcomeCounts(demands: 4, onTime: 2, late: 2, unserved: 1))),
        NationOutcomeRow(nation: "FR", demanded: 0, onTime: 0, late: 0, unserved: 0, weightedLateness: 0),
    ]

    /// Fails the test when the markup contains anything but known tags with well-quoted, escaped attributes.
    static func expectInert(_ html: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!html.lowercased().contains("<script"), "\(what): script tag", sourceLocation: sourceLocation)
        #expect(!html.contains("\"><script"), "\(what): attribute break-out", sourceLocation: sourceLocation)
        #expect(!html.contains(text), "\(what): raw hostile text", sourceLocation: sourceLocation)
        let problems = MarkupScanner.problems(in: html)
        #expect(problems.isEmpty, "\(what): \(problems.prefix(5))", sourceLocation: sourceLocation)
    }
}

enum HostilePage: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case signIn, register, verify, newsletterOffer, resetRequest, resetConfirm, unsubscribe, account
    case dashboard, nationsIndex, nationDemands, demandNew, demandEdit, plans, planDetail
    case lines, sourceEdit, usersAdmin, audit, jobs, tokens, error
    case planDemand, planCompare
    case interchangeability, weaponSystems, qualifications, signals, standards, standard, standardisation

    var testDescription: String { rawValue }

    func renders(_ c: PageContext) -> [String] {
        pages(c).map { $0.render() }
    }

    func pages(_ c: PageContext) -> [HTML] {
        let t = Hostile.text
        switch self {
        case .signIn:
            return [SignInPage.render(c, .init(email: t, errors: [t, "email: " + t, "password: " + t], next: t))]
        case .register:
            return [
                RegisterPage.render(
                    c,
                    .init(
                        email: t, displayName: t, errors: [t, "email: " + t, "displayName: " + t, "password: " + t, "password: " + t],
                        passwordRules: [t]))
            ]
        case .verify:
            // with the address and a registration; asking for the address (none given, or not one)
            return [
                VerifyPage.render(c, .init(email: t, registration: t, errors: [t, "code: " + t], info: t)),
                VerifyPage.render(c, .init(email: "", registration: "", errors: [], info: nil)),
                VerifyPage.render(c, .init(email: t, registration: t, errors: ["email: " + t, "code: " + t], info: nil)),
            ]
        case .newsletterOffer:
            return [NewsletterOfferPage.render(c, .init(email: t))]
        case .resetRequest:
            return [ResetRequestPage.render(c, .init(email: t, errors: [t, "email: " + t], returnTo: t))]
        case .resetConfirm:
            return [t, ""].map {
                ResetConfirmPage.render(
                    c, .init(email: $0, code: t, errors: [t, "code: " + t, "password: " + t], returnTo: t, passwordRules: [t]))
            }
        case .unsubscribe:
            return [UnsubscribePage.render(c, .init(email: t))]
        case .account:
            let model = AccountPage.Model(
                email: t, displayName: t, role: .delegate, nation: t, company: t, newsletter: true, tokenCount: 2, nameValue: t,
                nameErrors: [t, "displayName: " + t], passwordErrors: [t, "currentPassword: " + t, "newPassword: " + t],
                passwordRules: [t])
            var plain = model
            plain.newsletter = false
            plain.nation = nil
            plain.company = nil
            plain.nameErrors = []
            plain.passwordErrors = []
            return [AccountPage.render(c, model), AccountPage.render(c, plain)]
        case .dashboard:
            return dashboards(c)
        case .nationsIndex:
            return [NationsIndexPage.render(c, .init(rows: [.init(code: t, name: t, demandCount: 3, targetCount: 2)]))]
        case .nationDemands:
            return nationDemands(c)
        case .demandNew:
            return [
                DemandNewPage.render(
                    c,
                    .init(
                        nation: t, nationName: t, id: t, item: t, itemClass: t, qty: t, dueMonth: t, priority: t, released: true,
                        errors: [t, "qty: " + t, "due_month: " + t], firstMonth: t, lastMonth: t, items: [t], classes: [t]
                    ))
            ]
        case .demandEdit:
            return [false, true].map {
                DemandEditPage.render(
                    c,
                    .init(
                        code: t, nation: t, target: t, qty: t, dueMonth: t, priority: t, released: $0,
                        version: 1, errors: [t, "priority: " + t, "dueMonth: " + t], conflict: $0, firstMonth: t, lastMonth: t
                    ))
            }
        case .plans:
            return [PlansPage.render(c, .init(runs: Hostile.runs, canStart: true))]
        case .planDetail:
            return planDetails(c)
        case .interchangeability:
            let query = TableQuery(sort: "item", descending: false, search: t, filters: ["class": t], page: 1)
            return [true, false].map { whole in
                let spec = InterchangeabilityReads.spec(
                    .init(classes: [t], calibres: [t]), view: whole ? .whole : .userCounts(minimumUsers: 3))
                return InterchangeabilityPage.render(
                    c,
                    .init(
                        whole: whole, nations: [t, "FR"],
                        rows: [.init(item: t, name: t, itemClass: t, users: whole ? 2 : nil, cells: [t: t, "FR": t])], spec: spec,
                        query: query, summary: t, pageCount: 2, rebuilt: t, links: [(t, t)]))
            }
        case .standards:
            return [true, false].map { staff in
                StandardsPage.render(
                    c,
                    .init(
                        rows: [.init(code: t, edition: t, title: t, domain: t, status: t, supersededBy: t, items: 2, ratified: 3)],
                        query: TableQuery(sort: "code", descending: false, filters: ["status": t]), summary: t, allies: 32, canAdd: staff,
                        canImport: true, errors: [t]))
            }
        case .standard:
            return [true, false].map { staff in
                StandardPage.render(
                    c,
                    .init(
                        standard: Standard(code: t, edition: t, title: t, domain: t, status: .superseded, supersededBy: t), version: 3,
                        ratifications: [.init(nation: t, status: t, planned: t, implemented: t, version: 1, editable: true)], items: [t],
                        canEdit: staff, ownNations: staff ? [t, "FR"] : ["FR"], errors: [t]))
            }
        case .standardisation:
            return [
                StandardisationPage.render(
                    c,
                    .init(
                        asOf: CalendarDay(2026, 12, 1),
                        standings: [.init(nation: t, relevant: 3, ratified: 2, withReservations: 1, implemented: 1)], unstandardised: [t],
                        gaps: [.init(itemClass: t, nation: t, other: "FR")],
                        closers: [.init(item: t, itemClass: t, gapsClosed: 2, toQualify: [t])])),
                StandardisationPage.render(
                    c, .init(asOf: CalendarDay(2026, 12, 1), standings: [], unstandardised: [], gaps: nil, closers: nil)),
            ]
        case .signals:
            let hidden = SignalFigure.figures(
                SignalTables.build([SignalContribution(nation: "FR", target: "class:" + t, year: 2027, quantity: 5, firm: true)]),
                suppressed: true)
            let whole = SignalFigure.figures(
                SignalTables.build([SignalContribution(nation: "FR", target: t, year: 2027, quantity: 5, firm: true)]), suppressed: false)
            let spec = SignalPages.spec(targets: [t, "class:" + t], principal: Principal(role: .staff))
            let query = TableQuery(sort: "tables", descending: false, filters: ["target": t], page: 1)
            return [(hidden, AccessPolicy.SignalBasis.releasedOnly), (whole, .nationAndReleased("FR")), (whole, .all)].map {
                figures, basis in
                SignalsPage.render(
                    c,
                    .init(
                        suppressed: basis == .releasedOnly, basis: basis, figures: figures, chart: figures, chartTarget: t, spec: spec,
                        query: query, summary: t, pageCount: 2))
            }
        case .weaponSystems:
            return [
                WeaponSystemsPage.render(
                    c,
                    .init(
                        systems: [.init(code: t, name: t, kind: t, calibre: t)],
                        fleets: [.init(nation: t, system: t, count: 3, version: 1, editable: true)], canAddSystem: true,
                        fleetNations: [t, "FR"], errors: [t])),
                WeaponSystemsPage.render(c, .init(systems: [], fleets: nil, canAddSystem: false, fleetNations: [], errors: [t])),
            ]
        case .qualifications:
            let query = TableQuery(sort: "item", descending: false, search: t)
            return [
                QualificationsPage.render(
                    c,
                    .init(
                        rows: [.init(id: t, item: t, system: t, nation: t, qualifiedOn: t, canWithdraw: true)], query: query, summary: t,
                        pageCount: 3, recognitions: [.init(nation: t, recognises: t, canWithdraw: true)], ownNations: [t], systems: [t],
                        items: [t], errors: [t]))
            ]
        case .lines:
            let row = LinesPage.SourceRow(
                code: t, kind: t, company: t, country: t, item: t, leadTimeMonths: 6, capacitySummary: t, editPath: t
            )
            return [LinesPage.render(c, .init(company: t, rows: [row])), LinesPage.render(c, .init(company: nil, rows: []))]
        case .sourceEdit:
            let load = SourceEditPage.Load(
                runName: t, runPath: t, chart: SVGChart.loadAgainstCapacity(months: [t, t], used: [1, 2], capacity: [2, 2], title: t),
                fullMonths: 1, months: 2, used: 3, capacity: 4)
            return [false, true].map {
                SourceEditPage.render(
                    c,
                    .init(
                        code: t, kind: t, item: t, leadTimeMonths: t, steps: [.init(from: t, perMonth: t), .init(from: "", perMonth: "")],
                        version: 2, errors: [t, "step_per_month_0: \(t)"], conflict: $0,
                        load: $0 ? load : nil
                    ))
            }
        case .planDemand:
            let peg = PlanDemandPage.PegRow(origin: t, originPath: t, startedLabel: t, availableLabel: t, deliveredLabel: t, qty: 5)
            let delivery = PlanDemandPage.DeliveryRow(monthLabel: t, qty: 5, cumulative: 5, onTime: false)
            let model = PlanDemandPage.Model(
                runName: t, runPath: t, demand: t, nationName: t, nationPath: t, target: t, qty: 10, dueLabel: t, priority: 1,
                released: true, onTime: 0, late: 5, unserved: 5, firstDeliveryLabel: t, lastDeliveryLabel: t, monthsLate: 2,
                weightedLateness: 9, causes: [t, t], deliveries: [delivery],
                chart: MonthlySeries(monthLabels: [t, t], demanded: [0, 10], delivered: [0, 5]), pegging: [peg], marking: t, editPath: t)
            var old = model
            old.pegging = nil
            old.deliveries = []
            old.causes = []
            return [PlanDemandPage.render(c, model), PlanDemandPage.render(c, old)]
        case .planCompare:
            let demand = PlanComparePage.DemandRow(
                demand: t, demandPath: t, nationName: t, change: .later, dueLabel: t, lastBefore: t, lastAfter: t, weightedBefore: 1,
                weightedAfter: 3, weightedChange: 2)
            let nation = PlanComparePage.NationRow(
                nationName: t, weightedBefore: 1, weightedAfter: 3, unservedBefore: 0, unservedAfter: 1, later: 1, earlier: 0)
            let model = PlanComparePage.Model(
                runName: t, runPath: t, comparePath: t, choices: [(t, t)], against: t, againstName: t, summary: t, nations: [nation],
                demands: [demand], page: 1, pageCount: 2, marking: t)
            var alone = model
            alone.againstName = nil
            alone.against = nil
            return [PlanComparePage.render(c, model), PlanComparePage.render(c, alone)]
        case .usersAdmin:
            let row = UsersAdminPage.UserRow(
                id: t, email: t, displayName: t, role: .industry, nation: t, company: t, verified: false, version: 4
            )
            return [UsersAdminPage.render(c, .init(rows: [row], nations: [t, "FR"], companies: [t]))]
        case .audit:
            let change = AuditPage.FieldChange(field: t, old: t, new: t)
            let row = AuditPage.AuditRow(at: t, actor: t, entity: t, key: t, action: t, changes: [change])
            return [AuditPage.render(c, .init(rows: [row], page: 2, pageCount: 3))]
        case .jobs:
            let subject = JobSubject(type: t, key: t, page: .plan(id: t))
            let running = JobsPage.JobRow(
                kind: t, status: .running, progress: 0.5, phase: t, attempts: 1, maxAttempts: 3, worker: t, subject: subject,
                createdAt: t, startedAt: t, finishedAt: nil, error: nil)
            let failed = JobsPage.JobRow(
                kind: t, status: .failed, progress: 0.2, phase: t, attempts: 3, maxAttempts: 3, worker: t, subject: nil,
                createdAt: t, startedAt: t, finishedAt: t, error: t)
            return [JobsPage.render(c, .init(rows: [running, failed], counts: [(.running, 1), (.failed, 1)], page: 1, pageCount: 2))]
        case .tokens:
            var refused = TokensPage.Model(tokens: [], newToken: nil)
            refused.name = t
            refused.scope = t
            refused.expiresInDays = t
            refused.errors = [t, "name: " + t, "expiresInDays: " + t]
            return [
                TokensPage.render(c, .init(tokens: [.init(id: t, name: t, createdAt: t, scope: t, expires: t)], newToken: t)),
                TokensPage.render(c, refused),
            ]
        case .error:
            return [404, 500].map { ErrorPage.render(c, .init(status: $0, message: t)) }
        }
    }

    private func dashboards(_ c: PageContext) -> [HTML] {
        let t = Hostile.text
        return Hostile.runs.map { run in
            DashboardPage.render(
                c,
                .init(
                    scenarioName: t, horizonLabel: t, counts: [.init(label: t, value: 12_000)], latestRun: run,
                    nationRows: Hostile.nationRows, chart: Hostile.series, chartTarget: t, chartTargets: [t, t + "2"],
                    canStartPlan: true,
                    latestCounts: PlanRunSummary.DemandCounts(OutcomeCounts(demands: 4, onTime: 2, late: 2, unserved: 1))
                ))
        } + [
            DashboardPage.render(
                c,
                .init(
                    scenarioName: t, horizonLabel: t, counts: [], latestRun: nil, nationRows: [], chart: nil, canStartPlan: false
                )),
            DashboardPage.render(
                c,
                .init(
                    scenarioName: t, horizonLabel: t, counts: [], latestRun: nil, nationRows: [], chart: nil, canStartPlan: false,
                    released: .init(
                        suppressed: true,
                        byYear: [.init(year: 2027, total: 30, firm: 10, hiddenBecause: t), .init(year: 2028, hiddenBecause: t)],
                        largestTargets: [.init(target: t, units: 1_500, nations: 3, note: t), .init(target: t, note: t)], targetCount: 4),
                    showsFigures: false, showsNations: false
                )),
            DashboardPage.render(
                c,
                .init(
                    scenarioName: t, horizonLabel: t, counts: [], latestRun: Hostile.runs.last, activeRun: Hostile.runs.first,
                    staleNotice: t, nationRows: Hostile.nationRows, chart: Hostile.series, canStartPlan: false,
                    ownNation: .init(
                        code: t, name: t, figures: Hostile.nationRows.first,
                        late: [
                            .init(
                                demand: t, nation: t, target: t, dueLabel: t, firstDeliveryLabel: t, lastDeliveryLabel: t, monthsLate: 1,
                                lateUnits: 2, unservedUnits: 3, weightedLateness: 4, causes: [t, t])
                        ], lateTotal: 9, chart: Hostile.series,
                        counts: PlanRunSummary.DemandCounts(OutcomeCounts(demands: 4, onTime: 2, late: 2, unserved: 1)))
                )),
        ]
    }

    private func nationDemands(_ c: PageContext) -> [HTML] {
        let t = Hostile.text
        let row = NationDemandsPage.DemandRow(
            code: t, target: t, qty: 1_500, dueLabel: t, priority: 1, released: true, onTime: 1_000, late: 400,
            unserved: 100, firstDeliveryLabel: t, lastDeliveryLabel: t, monthsLate: 2, causes: [t, t], editPath: t
        )
        return [
            NationDemandsPage.render(
                c,
                .init(
                    nation: t, nationName: t, rows: [row], chart: Hostile.series, planRunID: t, page: 2, pageCount: 3, newDemandPath: t
                )),
            NationDemandsPage.render(
                c,
                .init(
                    nation: t, nationName: t, rows: [], chart: nil, planRunID: nil, page: 1, pageCount: 1
                )),
        ]
    }

    private func planDetails(_ c: PageContext) -> [HTML] {
        let t = Hostile.text
        let late = PlanDetailPage.LateRow(
            demand: t, nation: t, target: t, dueLabel: t, firstDeliveryLabel: t, lastDeliveryLabel: nil, monthsLate: 3,
            lateUnits: 5, unservedUnits: 1, weightedLateness: 9, causes: [t, t]
        )
        let list = PlanDetailPage.LateList(rows: [late], total: 120, scope: t, page: 2, pageCount: 3, pagePath: "/plans/\(t)")
        let bottleneck = PlanDetailPage.BottleneckRow(resource: t, kind: t, saving: 3.5, detail: t)
        let shown = Hostile.runs.map {
            PlanDetailPage.render(
                c,
                .init(
                    run: $0, nations: .shown(Hostile.nationRows), late: .shown(list),
                    bottlenecks: .shown(.init(rows: [bottleneck], candidatesTried: 2)),
                    counts: PlanRunSummary.DemandCounts(OutcomeCounts(demands: 4, onTime: 2, late: 2, unserved: 1)),
                    targets: .shown(
                        .init(
                            rows: [
                                TargetOutcomeRow(
                                    target: t,
                                    demands: PlanRunSummary.DemandCounts(OutcomeCounts(demands: 4, onTime: 2, late: 2, unserved: 1)),
                                    qty: 100, onTime: 80, late: 15, unserved: 5, weightedLateness: 30)
                            ], scope: t))
                ))
        }
        let withheld = PlanDetailPage.render(
            c, .init(run: Hostile.runs[0], nations: .withheld(t), late: .withheld(t), bottlenecks: .withheld(t)))
        let none = PlanDetailPage.render(
            c,
            .init(
                run: Hostile.runs[0], nations: .shown([]),
                late: .shown(.init(rows: [], total: 0, scope: t, page: 1, pageCount: 1, pagePath: "/")),
                bottlenecks: .shown(.init(rows: [], candidatesTried: 2))))
        return shown + [withheld, none]
    }
}

// MARK: - Markup scanner

/// A strict reader for the markup these views produce: every `<` must open a known tag, every
/// attribute must be a known name with a double-quoted value free of `<`, `>`, `'` and bare `&`.
enum MarkupScanner {
    static let tags: Set<String> = [
        "html", "head", "meta", "link", "title", "style", "body", "header", "nav", "main", "footer", "section", "div",
        "span", "p", "a", "ul", "li", "h1", "h2", "h3", "strong", "code", "del", "ins", "form", "input", "button",
        "label", "select", "option", "datalist", "table", "caption", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "details",
        "summary", "tfoot", "fieldset", "legend",
        "progress", "svg", "g", "line", "polyline", "polygon", "circle", "rect", "text", "defs", "pattern",
    ]

    static let attributes: Set<String> = [
        "lang", "rel", "charset", "name", "content", "http-equiv", "class", "id", "href", "role", "aria-current",
        "aria-label", "aria-describedby", "aria-invalid", "list", "method", "action", "type", "value", "for", "autocomplete",
        "inputmode", "placeholder", "required", "autofocus", "checked", "selected", "min", "max", "step", "maxlength", "aria-sort",
        "enctype", "accept",
        "scope", "colspan", "xmlns", "viewBox", "width", "height", "font-family", "font-size", "x", "y", "x1", "x2", "y1",
        "y2", "cx", "cy", "r", "fill", "stroke", "stroke-width", "stroke-dasharray", "points", "text-anchor", "fill-opacity", "font-weight",
        "patternUnits", "patternTransform",
    ]

    static let entities = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]

    static func problems(in html: String) -> [String] {
        var reader = Reader(Array(html.utf8))
        var problems: [String] = []
        _ = reader.consume("<!DOCTYPE html>")
        while let byte = reader.peek() {
            switch byte {
            case UInt8(ascii: "<"):
                problems += reader.readTag()
            case UInt8(ascii: ">"):
                problems.append("raw > in text at \(reader.index)")
                reader.index += 1
            default:
                reader.index += 1
            }
        }
        return problems
    }

    struct Reader {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        func peek(_ offset: Int = 0) -> UInt8? {
            index + offset < bytes.count ? bytes[index + offset] : nil
        }

        mutating func consume(_ literal: String) -> Bool {
            let literal = Array(literal.utf8)
            guard index + literal.count <= bytes.count, Array(bytes[index..<index + literal.count]) == literal else {
                return false
            }
            index += literal.count
            return true
        }

        mutating func readName() -> String {
            let start = index
            while let byte = peek(), isNameByte(byte) { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func readTag() -> [String] {
            index += 1
            let closing = consume("/")
            let name = readName()
            guard MarkupScanner.tags.contains(name) else { return ["unknown tag <\(closing ? "/" : "")\(name) at \(index)"] }
            if closing {
                return consume(">") ? [] : ["malformed closing tag </\(name) at \(index)"]
            }
            let problems = readAttributes(of: name)
            if name == "style" { skipPast("</style>") }
            return problems
        }

        mutating func readAttributes(of tag: String) -> [String] {
            var problems: [String] = []
            while true {
                while peek() == UInt8(ascii: " ") { index += 1 }
                if consume(">") || consume("/>") { return problems }
                let attribute = readName()
                guard !attribute.isEmpty else { return problems + ["malformed <\(tag)> at \(index)"] }
                if !MarkupScanner.attributes.contains(attribute) { problems.append("unknown attribute \(attribute) on <\(tag)>") }
                guard consume("=") else { continue }
                guard consume("\"") else { return problems + ["unquoted \(attribute) on <\(tag)>"] }
                let start = index
                while let byte = peek(), byte != UInt8(ascii: "\"") { index += 1 }
                let value = String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                problems += valueProblems(value, attribute: attribute, tag: tag)
            }
        }

        func valueProblems(_ value: String, attribute: String, tag: String) -> [String] {
            var problems: [String] = []
            if value.contains(where: { $0 == "<" || $0 == ">" || $0 == "'" }) {
                problems.append("raw < > or ' in \(attribute) on <\(tag)>: \(value)")
            }
            var rest = Substring(value)
            while let ampersand = rest.firstIndex(of: "&") {
                let tail = rest[ampersand...]
                guard MarkupScanner.entities.contains(where: { tail.hasPrefix($0) }) else {
                    problems.append("bare & in \(attribute) on <\(tag)>: \(value)")
                    break
                }
                rest = rest[rest.index(after: ampersand)...]
            }
            return problems
        }

        mutating func skipPast(_ literal: String) {
            while index < bytes.count, !consume(literal) { index += 1 }
        }

        private func isNameByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: ":"):
                true
            default:
                false
            }
        }
    }
}

/// The pages' text nodes go through `Escape.text`, not Plot's escaping, which left `&name;` in text as it was.
@Suite struct TextNodeEscapingTests {
    @Test func textNodesEscapeEveryAmpersandAndTag() {
        let row = Node<HTML.TableContext>.tr(
            Node<HTML.TableRowContext>.cell("R&D &amp; <b>bold</b> \"quoted\" it's"), Node<HTML.TableRowContext>.numberCell("1,250"))
        #expect(
            row.render() == "<tr><td>R&amp;D &amp;amp; &lt;b&gt;bold&lt;/b&gt; \"quoted\" it's</td><td class=\"num\">1,250</td></tr>")
    }

    @Test func attributesAlsoEscapeQuotes() {
        #expect(Escape.attribute("a\"b'c&<>") == "a&quot;b&#39;c&amp;&lt;&gt;")
        #expect(Escape.text("plain é ü 155 mm") == "plain é ü 155 mm")
    }
}
