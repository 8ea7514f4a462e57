import Fluent
import Foundation
import RampartCore
import Vapor

/// `/api/v1` lines and supplies: a company its own, staff all.
struct APISources: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.api(.sources), use: sources)
        routes.get(.api(.source(.any)), use: source)
        routes.patch(.api(.source(.any)), use: updateSource)
    }

    @Sendable func sources(req: Request) async throws -> PageDTO<API.SourceDTO> {
        let person = try req.require { $0.isStaff || $0.role == .industry }
        var query = SourceRecord.query(on: req.db).sort(\.$position)
        if !person.principal.isStaff { query = query.filter(\.$company == (person.user.company ?? "")) }
        let page = try await query.paginate(try req.pageRequest)
        let steps = try await IndustryPages.steps(for: page.items.map(\.code), on: req.db)
        return PageDTO(page) { API.SourceDTO($0, steps: steps[$0.code] ?? []) }
    }

    @Sendable func source(req: Request) async throws -> API.SourceDTO {
        let person = try req.requireSignedIn()
        let code = req.parameter(.code)
        guard let source = try await SourceRecord.query(on: req.db).filter(\.$code == code).first(),
            AccessPolicy.canReadSource(person.principal, company: source.company)
        else { throw Abort(.notFound, reason: "no line or supply \(code) that you may see") }
        return API.SourceDTO(source, steps: try await IndustryPages.steps(for: [code], on: req.db)[code] ?? [])
    }

    @Sendable func updateSource(req: Request) async throws -> API.SourceDTO {
        let person = try req.requireSignedIn()
        let code = req.parameter(.code)
        let source = try await SourceEditor.update(
            code, with: try req.content.decode(SourcePatch.self), by: person, now: req.now, on: req.db)
        return API.SourceDTO(source, steps: try await IndustryPages.steps(for: [code], on: req.db)[code] ?? [])
    }
}
