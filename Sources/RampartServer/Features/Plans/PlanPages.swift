import Fluent
import Plot
import RampartCore
import Vapor

/// Plan runs: the list, starting one (staff), and a run's result with its explanations.
struct PlanPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.plans, use: index)
        routes.post(.plans, use: start)
        routes.get(.plan(id: .any), use: show)
        routes.get(.planLateCSV(id: .any), use: lateCSV)
    }

    @Sendable func index(req: Request) async throws -> HTML {
        try await listPage(req, notice: nil)
    }

    private func listPage(_ req: Request, notice: String?) async throws -> HTML {
        let person = try req.requireSignedIn()
        let model = PlansPage.Model(
            runs: try await Self.listedRuns(for: person.principal, on: req.db), canStart: AccessPolicy.canStartPlan(person.principal))
        return PlansPage.render(req.pageContext(title: "Plans", notice: notice), model)
    }

    /// The latest 50 runs, newest first, as `principal` may see them: the list's page and its CSV.
    static func listedRuns(for principal: Principal, on db: any Database) async throws -> [PlanRunRow] {
        let runs = try await PlanRunRecord.query(on: db).sort(\.$createdAt, .descending).range(..<50).all()
        let names = try await requesterNames(runs.compactMap(\.requestedBy), on: db)
        return runs.map { $0.summaryView(requestedBy: $0.requestedBy.flatMap { names[$0] }, visibleTo: principal) }
    }

    @Sendable func start(req: Request) async throws -> Response {
        let person = try req.require(AccessPolicy.canStartPlan)
        do {
            let objective = try PlanRuns.objective(named: try? req.content.get(String.self, at: "objective"))
            let run = try await PlanRuns.enqueue(
                requestedBy: person.user.id, actor: person.actor, objective: objective, now: req.now, on: req.db)
            return req.redirect(to: .plan(id: run.id?.uuidString ?? ""))
        } catch let refused as InputError where refused.status == .conflict || refused.status == .badRequest {
            return try await listPage(req, notice: "Not started: " + refused.description + ".").encodeResponse(
                status: refused.status, for: req)
        }
    }

    @Sendable func show(req: Request) async throws -> HTML {
        let person = try req.requireSignedIn()
        guard let id = req.parameter(.id, as: UUID.self),
            let run = try await PlanRunRecord.find(id, on: req.db)
        else { throw Abort(.notFound, reason: "no such plan run") }
        let names = try await Self.requesterNames(run.requestedBy.map { [$0] } ?? [], on: req.db)
        let summary = try await PlanRunSummaries.load(id, on: req.db)
        let principal = person.principal
        let settings = try await ScenarioSettingsRecord.query(on: req.db).first()
        let calendar = settings?.calendar
        func month(_ index: Int?) -> String? { index.map { calendar?.label($0) ?? "month \($0)" } }

        // Each part as this reader may see it, filtered before it is cut: staff all nations, a delegate their own,
        // others the totals; where a part is not theirs to read, the page says so rather than "none".
        let nations: PlanDetailPage.Visible<[NationOutcomeRow]> =
            AccessPolicy.canReadPlanFigures(principal)
            ? .shown(summary?.nationRows(visibleTo: principal) ?? [])
            : .withheld("Each nation's outcome is shown to Alliance staff, delegates and industry; observers see the run's status.")
        let late: PlanDetailPage.Visible<PlanDetailPage.LateList>
        if let lateScope = Self.lateScope(principal) {
            let spec = PlanLateDemands.spec(
                calendar: calendar, horizonMonths: settings?.horizonMonths ?? 0, allNations: lateScope.nation == nil)
            let query = try TableQuery(req, spec)
            let (rows, total, allTotal, weighted) = try await PlanLateDemands.page(
                run: id, nation: lateScope.nation, query: query, calendar: calendar, per: Self.latePerPage, on: req.db)
            late = .shown(
                PlanDetailPage.LateList(
                    rows: rows.map { PlanDetailPage.LateRow($0, month: month) },
                    total: total, allTotal: allTotal, scope: lateScope.label, page: query.page,
                    pageCount: max(1, (total + Self.latePerPage - 1) / Self.latePerPage), pagePath: SiteRoute.plan(id: id.uuidString).path,
                    csvPath: SiteRoute.planLateCSV(id: id.uuidString).path, spec: spec, query: query, runID: id.uuidString,
                    weightedLateness: weighted, linksSources: principal.isStaff))
        } else {
            late = .withheld(
                "Late demands and their reasons are shown to Alliance staff and to each nation's delegates, for their own nation.")
        }
        let bottlenecks: PlanDetailPage.Visible<PlanDetailPage.Bottlenecks> =
            AccessPolicy.canReadPlanDetail(principal)
            ? .shown(
                PlanDetailPage.Bottlenecks(
                    rows: (summary?.bottlenecks ?? []).map {
                        PlanDetailPage.BottleneckRow(
                            resource: $0.source, kind: $0.kind, saving: $0.weightedLatenessSaved,
                            detail:
                                "\($0.owner) (\($0.country)), \($0.item): full \(Self.months($0.saturatedMonths, calendar: calendar)); "
                                + "+\(Format.units($0.extraPerMonth)) a month")
                    },
                    candidatesTried: (summary?.lateDemandCount ?? 0) > 0 ? PlanRunJob.bottleneckCandidates : 0))
            : .withheld("Bottlenecks name lines and suppliers: they are shown to Alliance staff.")
        let targets: PlanDetailPage.Visible<PlanDetailPage.Targets>
        if !AccessPolicy.canReadPlanFigures(principal) {
            targets = .withheld("Totals per class or item are shown to Alliance staff, delegates and industry.")
        } else if let scope = Self.targetScope(principal), let summary,
            let rows = PlanRunSummaries.targetRows(of: summary, run: id, nation: scope.nation)
        {
            targets = .shown(PlanDetailPage.Targets(rows: rows, scope: scope.label))
        } else {
            targets = .withheld("This run was stored before totals per class or item were kept: a new run shows them.")
        }
        let changes =
            run.status == .succeeded
            ? try await PlanInputChanges.count(since: run.startedAt ?? run.createdAt ?? .distantPast, on: req.db) : 0
        let model = PlanDetailPage.Model(
            run: run.summaryView(requestedBy: run.requestedBy.flatMap { names[$0] }, visibleTo: principal),
            nations: nations, late: late, bottlenecks: bottlenecks,
            staleNotice: PlanInputChanges.notice(changes: changes, canStart: AccessPolicy.canStartPlan(principal)),
            download: Self.download(principal, run: id), marking: Self.marking(principal),
            comparePath: Self.lateScope(principal) == nil ? nil : SiteRoute.planCompare(id: id.uuidString).path,
            counts: AccessPolicy.canReadPlanFigures(principal) ? summary?.demandCounts : nil, targets: targets,
            tablesAreStored: summary != nil)
        return PlanDetailPage.render(req.pageContext(title: "Plan run"), model)
    }

    static let latePerPage = 50

    /// The plan file as `principal` may download it.
    static func download(_ principal: Principal, run: UUID) -> (label: String, path: String)? {
        let path = SiteRoute.planFile(id: run.uuidString).path
        if principal.isStaff { return ("Download the plan file (JSON)", path) }
        guard principal.role == .delegate, let nation = principal.nation else { return nil }
        return ("Download \(Alliance.name(of: nation))'s part of the plan (JSON)", path)
    }

    /// What the page holds of nations' figures, as marked on it.
    static func marking(_ principal: Principal) -> String? {
        if principal.isStaff { return Releasability.staffOnly.marking }
        if principal.role == .delegate, let nation = principal.nation { return Releasability.nationOnly(nation).marking }
        return nil
    }

    /// Whose totals per class or item `principal` reads: a delegate their own nation's, staff and industry the
    /// Alliance's (as they read its headline figures).
    static func targetScope(_ principal: Principal) -> (nation: String?, label: String)? {
        if principal.role == .delegate {
            guard let nation = principal.nation else { return nil }
            return (nation, Alliance.name(of: nation) + "'s")
        }
        return (nil, "All nations'")
    }

    /// Whose late demands `principal` reads: staff all nations', a delegate their own; others none.
    static func lateScope(_ principal: Principal) -> (nation: String?, label: String)? {
        if principal.isStaff { return (nil, "all nations'") }
        guard principal.role == .delegate, let nation = principal.nation else { return nil }
        return (nation, Alliance.name(of: nation) + "'s")
    }

    /// Every late or short demand the reader may see, as CSV, in the page's order and with its columns.
    @Sendable func lateCSV(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        guard let id = req.parameter(.id, as: UUID.self), let run = try await PlanRunRecord.find(id, on: req.db) else {
            throw Abort(.notFound, reason: "no such plan run")
        }
        guard let scope = Self.lateScope(person.principal) else {
            throw Abort(.forbidden, reason: "late demands are shown to Alliance staff and to each nation's delegates")
        }
        let settings = try await ScenarioSettingsRecord.query(on: req.db).first()
        let calendar = settings?.calendar
        func month(_ index: Int?) -> PlanDetailCSV.Month { index.map { calendar?.label($0) ?? "\($0)" } }
        var query = try TableQuery(
            req, PlanLateDemands.spec(calendar: calendar, horizonMonths: settings?.horizonMonths ?? 0, allNations: scope.nation == nil))
        query.page = 1
        let (rows, _, _, _) = try await PlanLateDemands.page(
            run: id, nation: scope.nation, query: query, calendar: calendar, per: Int(Int32.max), on: req.db)
        let csv = PlanDetailCSV.late(
            rows, month: month,
            marking: (scope.nation.map(Releasability.nationOnly) ?? .staffOnly).marking)
        return CSVDownload.response(csv, filename: run.csvFilename("late", nation: scope.nation))
    }

    /// Month spans in calendar months: "2026-01 to 2026-05, 2026-08".
    static func months(_ spans: [PlanRunSummary.MonthSpan], calendar: MonthCalendar?) -> String {
        spans.map { span in
            let from = calendar?.label(span.from) ?? "month \(span.from)", to = calendar?.label(span.to) ?? "month \(span.to)"
            return span.from == span.to ? from : "\(from) to \(to)"
        }.joined(separator: ", ")
    }

    static func requesterNames(_ ids: [UUID], on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let users = try await UserRecord.query(on: db).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(uniqueKeysWithValues: users.compactMap { user in user.id.map { ($0, user.displayName) } })
    }
}
