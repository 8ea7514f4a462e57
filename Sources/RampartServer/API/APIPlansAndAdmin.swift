import Fluent
import Foundation
import RampartCore
import Vapor

/// `/api/v1` plan runs, accounts administration and the audit trail.
struct APIPlansAndAdmin: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("plans", use: plans)
        routes.post("plans", use: startPlan)
        routes.get("plans", ":id", use: plan)
        routes.get("plans", ":id", "file", use: planFile)
        routes.get("users", use: users)
        routes.patch("users", ":id", use: updateUser)
        routes.get("audit", use: audit)
    }

    @Sendable func plans(req: Request) async throws -> PageDTO<API.PlanRunDTO> {
        let principal = try req.requireSignedIn().principal
        let page = try await PlanRunRecord.query(on: req.db).sort(\.$createdAt, .descending).paginate(try req.pageRequest)
        return PageDTO(page) { API.PlanRunDTO($0, visibleTo: principal) }
    }

    @Sendable func startPlan(req: Request) async throws -> Response {
        let person = try req.require(AccessPolicy.canStartPlan)
        let run = try await PlanRuns.enqueue(requestedBy: person.user.id, actor: person.actor, now: req.now, on: req.db)
        let response = try await API.PlanRunDTO(run, visibleTo: person.principal).encodeResponse(status: .accepted, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/plans/\(run.id?.uuidString ?? "")")
        return response
    }

    /// A run's status and outcome; nations' rows and late demands filtered by need-to-know.
    @Sendable func plan(req: Request) async throws -> API.PlanRunDTO {
        let person = try req.requireSignedIn()
        guard let id = req.parameters.get("id", as: UUID.self),
              let run = try await PlanRunRecord.find(id, on: req.db)
        else { throw Abort(.notFound, reason: "no such plan run") }
        let principal = person.principal
        var dto = API.PlanRunDTO(run, visibleTo: principal)
        if AccessPolicy.canReadPlanFigures(principal), let summary = try await PlanRunSummaries.load(id, on: req.db) {
            dto.nations = summary.nations.filter { AccessPolicy.canReadNationOutcome(principal, nation: $0.key) }
            dto.lateDemands = summary.late.filter { AccessPolicy.canReadNationOutcome(principal, nation: $0.nation) }
            dto.lateDemandCount = summary.lateDemandCount
            if AccessPolicy.canReadPlanDetail(principal) { dto.bottlenecks = summary.bottlenecks }
        }
        return dto
    }

    /// The whole plan file (planning-model.md): staff only.
    @Sendable func planFile(req: Request) async throws -> Response {
        _ = try req.require(AccessPolicy.canReadPlanDetail)
        guard let id = req.parameters.get("id", as: UUID.self), let run = try await PlanRunRecord.find(id, on: req.db) else {
            throw Abort(.notFound, reason: "no such plan run")
        }
        guard let json = try await PlanRunFileRecord.query(on: req.db).filter(\.$planRunID == id).first()?.planJSON else {
            throw Abort(.conflict, reason: "the run has no plan yet (status \(run.status))")
        }
        return Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(string: json))
    }

    @Sendable func users(req: Request) async throws -> PageDTO<API.UserDTO> {
        _ = try req.require(AccessPolicy.canAdministerAccounts)
        let page = try await UserRecord.query(on: req.db).sort(\.$email).paginate(try req.pageRequest)
        return PageDTO(page, API.UserDTO.init)
    }

    @Sendable func updateUser(req: Request) async throws -> API.UserDTO {
        let person = try req.require(AccessPolicy.canAdministerAccounts)
        guard let id = req.parameters.get("id", as: UUID.self) else { throw Abort(.notFound, reason: "no such account") }
        return API.UserDTO(try await UserRoleEditor.update(id, with: try req.content.decode(RolePatch.self), by: person, now: req.now, on: req.db))
    }

    @Sendable func audit(req: Request) async throws -> PageDTO<API.AuditDTO> {
        _ = try req.require(AccessPolicy.canReadAudit)
        var query = AuditRecord.query(on: req.db).sort(\.$at, .descending)
        if let entity = req.query[String.self, at: "entity"] { query = query.filter(\.$entity == entity) }
        let page = try await query.paginate(try req.pageRequest)
        return PageDTO(page, API.AuditDTO.init)
    }

}
