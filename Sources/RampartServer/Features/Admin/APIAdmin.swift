import Fluent
import Foundation
import RampartCore
import Vapor

/// `/api/v1` accounts, the audit trail and the job queue: staff only.
struct APIAdmin: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.api(.users), use: users)
        routes.patch(.api(.user(id: .any)), use: updateUser)
        routes.get(.api(.audit), use: audit)
        routes.get(.api(.jobs), use: jobs)
        routes.get(.api(.job(id: .any)), use: job)
    }

    @Sendable func users(req: Request) async throws -> PageDTO<API.UserDTO> {
        _ = try req.require(AccessPolicy.canAdministerAccounts)
        let page = try await UserRecord.query(on: req.db).sort(\.$email).paginate(try req.pageRequest)
        return PageDTO(page, API.UserDTO.init)
    }

    @Sendable func updateUser(req: Request) async throws -> API.UserDTO {
        let person = try req.require(AccessPolicy.canAdministerAccounts)
        guard let id = req.parameter(.id, as: UUID.self) else { throw Abort(.notFound, reason: "no such account") }
        return API.UserDTO(
            try await UserRoleEditor.update(id, with: try req.content.decode(RolePatch.self), by: person, now: req.now, on: req.db))
    }

    @Sendable func audit(req: Request) async throws -> PageDTO<API.AuditDTO> {
        _ = try req.require(AccessPolicy.canReadAudit)
        var query = AuditRecord.query(on: req.db).sort(\.$at, .descending)
        if let entity = req.query[String.self, at: "entity"] { query = query.filter(\.$entity == entity) }
        let page = try await query.paginate(try req.pageRequest)
        return PageDTO(page, API.AuditDTO.init)
    }

    @Sendable func jobs(req: Request) async throws -> PageDTO<API.JobDTO> {
        _ = try req.require(AccessPolicy.canReadJobs)
        var query = JobRecord.query(on: req.db).sort(\.$createdAt, .descending)
        if let text = req.query[String.self, at: "status"] {
            guard let status = JobStatus(rawValue: text) else {
                throw InputError("status", "must be one of \(JobStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            query = query.filter(\.$status == status)
        }
        if let kind = req.query[String.self, at: "kind"] { query = query.filter(\.$kind == kind) }
        return PageDTO(try await query.paginate(try req.pageRequest), API.JobDTO.init)
    }

    @Sendable func job(req: Request) async throws -> API.JobDTO {
        _ = try req.require(AccessPolicy.canReadJobs)
        guard let id = req.parameter(.id, as: UUID.self), let job = try await JobRecord.find(id, on: req.db) else {
            throw Abort(.notFound, reason: "no such job")
        }
        return API.JobDTO(job)
    }
}
