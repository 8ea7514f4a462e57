import Fluent
import Plot
import RampartCore
import SQLKit
import Vapor

/// The dashboard: the scenario's size and the latest plan's outcome.
struct DashboardPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.home, use: home)
        routes.get(.dashboard, use: dashboard)
    }

    @Sendable func home(req: Request) async throws -> Response {
        req.redirect(to: req.signedIn == nil ? .signIn : .dashboard)
    }

    @Sendable func dashboard(req: Request) async throws -> HTML {
        let person = try req.requireSignedIn()
        let target = try? req.query.get(String.self, at: "target")
        let model = try await Self.load(for: person.principal, target: target, signals: req.rampart.signals, on: req.db)
        return DashboardPage.render(req.pageContext(title: "Dashboard"), model)
    }

    /// `target`: the class or item the chart of deliveries against demand is drawn for (by default the one with the
    /// most weighted lateness); one the run does not have is refused, naming the field.
    static func load(
        for principal: Principal, target: String? = nil, signals: SignalReads.Cache, on db: any Database
    ) async throws -> DashboardPage.Model {
        let settings = try await ScenarioSettingsRecord.query(on: db).first()
        let readsOnlyReleased = !AccessPolicy.canReadUnreleasedCounts(principal)
        let releasedCount = readsOnlyReleased ? try await RecordCounts.released(on: db) : nil
        let counts = try await RecordCounts.load(settings: settings, on: db).labelled(releasedDemands: releasedCount)
            .map { DashboardPage.Count(label: $0.label, value: $0.value) }
        // Observers read released, aggregated figures only: of a plan, which covers unreleased demands too, its status.
        let showsFigures = AccessPolicy.canReadPlanFigures(principal)
        let latest = try await PlanRuns.latestSucceeded(on: db)
        let active = try await PlanRuns.active(on: db)
        let names = try await PlanPages.requesterNames([latest?.requestedBy, active?.requestedBy].compactMap { $0 }, on: db)
        let changes =
            try await latest.flatMap { $0.startedAt ?? $0.createdAt }.asyncMap { try await PlanInputChanges.count(since: $0, on: db) } ?? 0
        let summary = showsFigures ? try await latest?.id.asyncMap { try await PlanRunSummaries.load($0, on: db) } ?? nil : nil
        let horizon = settings?.horizonLabel ?? "no scenario imported yet"
        // The chart shows one class or item at a time: units of unlike items are not added up.
        let choices = summary?.targetRows(nation: principal.role == .delegate ? principal.nation : nil)?.map(\.target) ?? []
        if let target, !choices.contains(target) {
            throw InputError("target", "is not a class or item of the latest plan run the reader may see")
        }
        let chartTarget = target ?? choices.first
        let own = try await Self.ownNation(
            for: principal, run: latest, summary: summary, settings: settings, target: chartTarget, on: db)
        // A delegate reads, beside their own nation, what the other nations have released.
        let released = readsOnlyReleased || own != nil ? try await signals.snapshot(for: principal, on: db) : nil
        return DashboardPage.Model(
            scenarioName: settings?.name ?? "—", horizonLabel: horizon, counts: counts,
            latestRun: latest?.summaryView(requestedBy: latest?.requestedBy.flatMap { names[$0] }, visibleTo: principal),
            activeRun: active?.summaryView(requestedBy: active?.requestedBy.flatMap { names[$0] }, visibleTo: principal),
            staleNotice: PlanInputChanges.notice(changes: changes, canStart: AccessPolicy.canStartPlan(principal)),
            nationRows: summary?.nationRows(visibleTo: principal) ?? [],
            chart: own != nil ? own?.chart : (chartTarget.flatMap { summary?.cumulativeSeries(target: $0) } ?? summary?.cumulativeSeries),
            chartTarget: chartTarget, chartTargets: choices, canStartPlan: AccessPolicy.canStartPlan(principal),
            released: released.map { releasedDemand($0) },
            showsFigures: showsFigures, showsNations: principal.isStaff || principal.role == .delegate, ownNation: own,
            latestCounts: summary?.demandCounts)
    }

    /// A delegate's own nation in the latest plan: its figures, its worst late demands with why, its deliveries.
    static func ownNation(
        for principal: Principal, run: PlanRunRecord?, summary: PlanRunSummary?, settings: ScenarioSettingsRecord?,
        target: String? = nil, on db: any Database
    ) async throws -> DashboardPage.OwnNation? {
        guard principal.role == .delegate, let nation = principal.nation else { return nil }
        var own = DashboardPage.OwnNation(code: nation, name: Alliance.name(of: nation))
        own.figures = summary?.nationRows(visibleTo: principal).first { $0.nation == nation }
        guard let runID = run?.id, let settings, let calendar = settings.calendar else { return own }
        let (rows, total) = try await PlanLateDemands.page(run: runID, nation: nation, page: 1, per: 5, on: db)
        own.late = rows.map { PlanDetailPage.LateRow($0, month: { $0.map(calendar.label) }) }
        own.lateTotal = total
        own.chart = try await PlanDeliveries.cumulativeSeries(run: runID, nation: nation, target: target, settings: settings, on: db)
        own.counts = own.figures?.demands
        if let run,
            let previous = try await PlanRunRecord.query(on: db).filter(\.$status == .succeeded).filter(\.$id != runID)
                .filter(\.$createdAt < (run.createdAt ?? .distantPast)).sort(\.$createdAt, .descending).first(),
            let previousID = previous.id
        {
            let comparison = RunComparison(
                before: try await PlanComparePages.outcomes(run: previousID, nation: nation, on: db),
                after: try await PlanComparePages.outcomes(run: runID, nation: nation, on: db))
            own.sincePrevious = (
                PlanComparePages.summary(comparison),
                SiteRoute.planCompare(id: runID.uuidString).path(query: [(name: "against", value: previousID.uuidString)])
            )
        }
        return own
    }

    /// The reader's signals on the dashboard: per year over all targets, and the largest targets over all years
    /// (hidden ones last).
    static func releasedDemand(_ snapshot: SignalReads.Snapshot, largest: Int = 15) -> DashboardPage.ReleasedDemand {
        let figures = SignalFigure.figures(snapshot.tables, suppressed: snapshot.suppressed)
        let byYear = figures.filter { $0.target == nil && $0.year != nil }.map {
            SVGChart.SignalYear(year: $0.year ?? 0, total: $0.total, firm: $0.firm, hiddenBecause: $0.hidden?.explanation)
        }
        let targets = figures.filter { $0.target != nil && $0.year == nil }
            .sorted { ($1.total ?? -1, $0.target ?? "") < ($0.total ?? -1, $1.target ?? "") }
            .map { f in
                DashboardPage.TargetRow(
                    target: f.target.map(SignalsPage.targetLabel) ?? "", units: f.total, nations: f.nations, note: SignalsPage.note(f))
            }
        return DashboardPage.ReleasedDemand(
            suppressed: snapshot.suppressed, byYear: byYear, largestTargets: Array(targets.prefix(largest)), targetCount: targets.count)
    }
}
