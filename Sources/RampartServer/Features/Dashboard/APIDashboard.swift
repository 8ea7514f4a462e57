import Fluent
import Foundation
import RampartCore
import Vapor

/// `/api/v1/dashboard`: the scenario, its record counts and the latest plan, as the person may see them.
struct APIDashboard: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.api(.dashboard), use: dashboard)
    }

    struct DashboardDTO: Content {
        var scenario: String
        var horizon: String
        var counts: [String: Int]
        var latestPlan: API.PlanRunDTO?
    }

    @Sendable func dashboard(req: Request) async throws -> DashboardDTO {
        let person = try req.requireSignedIn()
        let settings = try await ScenarioSettingsRecord.query(on: req.db).first()
        let released = AccessPolicy.canReadUnreleasedCounts(person.principal) ? nil : try await RecordCounts.released(on: req.db)
        let counts = try await RecordCounts.load(settings: settings, on: req.db).labelled(releasedDemands: released)
        var latest: API.PlanRunDTO?
        if let run = try await PlanRuns.latestSucceeded(on: req.db) {
            latest = API.PlanRunDTO(run, visibleTo: person.principal)
            if AccessPolicy.canReadPlanFigures(person.principal) {
                latest?.nations = try await run.id.asyncMap { try await PlanRunSummaries.load($0, on: req.db) }??.nations
                    .filter { AccessPolicy.canReadNationOutcome(person.principal, nation: $0.key) }.map(API.NationOutcomeDTO.init)
            }
        }
        return DashboardDTO(
            scenario: settings?.name ?? "—",
            horizon: settings?.horizonLabel ?? "no scenario imported yet",
            counts: Dictionary(uniqueKeysWithValues: counts.map { ($0.label, $0.value) }),
            latestPlan: latest)
    }
}
