import Fluent
import Foundation
import RampartCore
import Vapor

/// `/api/v1` accounts and the audit trail: staff only.
struct APIAdmin: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.api(.users), use: users)
        routes.patch(.api(.user(id: .any)), use: updateUser)
        routes.get(.api(.audit), use: audit)
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
}
