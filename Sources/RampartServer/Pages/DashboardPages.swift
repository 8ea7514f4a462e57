import Fluent
import Plot
import RampartCore
import Vapor

/// The dashboard: the scenario's size and the latest plan's outcome.
struct DashboardPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
        routes.get("dashboard", use: dashboard)
    }

    @Sendable func home(req: Request) async throws -> Response {
        req.redirect(to: req.signedIn == nil ? "/signin" : "/dashboard")
    }

    @Sendable func dashboard(req: Request) async throws -> HTML {
        let person = try req.requireSignedIn()
        let model = try await Self.load(for: person.principal, on: req.db)
        return DashboardPage.render(req.pageContext(title: "Dashboard"), model)
    }

    static func load(for principal: Principal, on db: any Database) async throws -> DashboardPage.Model {
        let settings = try await ScenarioSettingsRecord.query(on: db).first()
        let sizes = try await RecordCounts.load(on: db)
        let counts = [
            DashboardPage.Count(label: "Nations", value: sizes.nations), DashboardPage.Count(label: "Demands", value: sizes.demands),
            DashboardPage.Count(label: "Lines and supplies", value: sizes.sources), DashboardPage.Count(label: "Items", value: sizes.items),
        ]
        // Observers read released, aggregated figures only: a plan's outcome covers unreleased demands too.
        let latest = principal.role == .observer ? nil : try await PlanRuns.latestSucceeded(on: db)
        let summary = try await latest?.id.asyncMap { try await PlanRunSummaries.load($0, on: db) } ?? nil
        let horizon = settings?.horizonLabel ?? "no scenario imported yet"
        return DashboardPage.Model(
            scenarioName: settings?.name ?? "—", horizonLabel: horizon, counts: counts,
            latestRun: latest?.summaryView(requestedBy: nil), nationRows: summary?.nationRows(visibleTo: principal) ?? [],
            chart: summary?.cumulativeSeries, canStartPlan: AccessPolicy.canStartPlan(principal))
    }
}
