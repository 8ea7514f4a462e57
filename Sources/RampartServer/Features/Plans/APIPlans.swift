import Fluent
import Foundation
import RampartCore
import Vapor

/// `/api/v1/plans`: plan runs, started by staff and read as the person may see them, and their plan files.
struct APIPlans: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.api(.plans), use: plans)
        routes.post(.api(.plans), use: startPlan)
        routes.get(.api(.plan(id: .any)), use: plan)
        routes.get(.api(.planFile(id: .any)), use: planFile)
    }

    @Sendable func plans(req: Request) async throws -> PageDTO<API.PlanRunDTO> {
        let principal = try req.requireSignedIn().principal
        let page = try await PlanRunRecord.query(on: req.db).sort(\.$createdAt, .descending).paginate(try req.pageRequest)
        return PageDTO(page) { API.PlanRunDTO($0, visibleTo: principal) }
    }

    @Sendable func startPlan(req: Request) async throws -> Response {
        let person = try req.require(AccessPolicy.canStartPlan)
        let body = req.body.data.map { $0.readableBytes > 0 } == true ? try req.content.decode(API.StartPlanDTO.self) : nil
        let objective = try PlanRuns.objective(named: body?.objective)
        let run = try await PlanRuns.enqueue(
            requestedBy: person.user.id, actor: person.actor, objective: objective, now: req.now, on: req.db)
        let response = try await API.PlanRunDTO(run, visibleTo: person.principal).encodeResponse(status: .accepted, for: req)
        response.headers.replaceOrAdd(name: .location, value: SiteRoute.api(.plan(id: run.id?.uuidString ?? "")).path)
        return response
    }

    /// A run's status and outcome; nations' rows and late demands filtered by need-to-know.
    @Sendable func plan(req: Request) async throws -> API.PlanRunDTO {
        let person = try req.requireSignedIn()
        guard let id = req.parameter(.id, as: UUID.self),
            let run = try await PlanRunRecord.find(id, on: req.db)
        else { throw Abort(.notFound, reason: "no such plan run") }
        let principal = person.principal
        var dto = API.PlanRunDTO(run, visibleTo: principal)
        if AccessPolicy.canReadPlanFigures(principal), let summary = try await PlanRunSummaries.load(id, on: req.db) {
            dto.nations = summary.nations.filter { AccessPolicy.canReadNationOutcome(principal, nation: $0.key) }.map(
                API.NationOutcomeDTO.init)
            dto.lateDemands = summary.late.filter { AccessPolicy.canReadNationOutcome(principal, nation: $0.nation) }.map(
                API.LateDemandDTO.init)
            dto.lateDemandCount = summary.lateDemandCount
            if AccessPolicy.canReadPlanDetail(principal) { dto.bottlenecks = summary.bottlenecks.map(API.BottleneckDTO.init) }
        }
        return dto
    }

    /// The plan file: staff the whole file (planning-model.md), a delegate their nation's part.
    @Sendable func planFile(req: Request) async throws -> Response {
        try await PlanFileDownload.response(req, run: req.parameter(.id, as: UUID.self))
    }
}
