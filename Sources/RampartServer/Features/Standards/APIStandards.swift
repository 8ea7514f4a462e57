import Fluent
import Foundation
import RampartCore
import Vapor

/// `/api/v1` standards registry: standards, ratifications, conforming items, and the standardisation metrics.
struct APIStandards: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.api(.standards), use: standards)
        routes.post(.api(.standards), use: create)
        routes.get(.api(.standard(.any)), use: standard)
        routes.patch(.api(.standard(.any)), use: update)
        routes.put(.api(.ratification(standard: .any, nation: .any)), use: setRatification)
        routes.delete(.api(.ratification(standard: .any, nation: .any)), use: deleteRatification)
        routes.put(.api(.conformance(standard: .any, item: .any)), use: addItem)
        routes.delete(.api(.conformance(standard: .any, item: .any)), use: removeItem)
        routes.get(.api(.ratifications), use: ratifications)
        routes.post(.api(.ratificationsImport), use: importRatifications)
        routes.get(.api(.standardisation), use: standardisation)
    }

    @Sendable func standards(req: Request) async throws -> PageDTO<API.StandardDTO> {
        _ = try req.requireSignedIn()
        var query = StandardRecord.query(on: req.db).sort(\.$code)
        if let status = req.query[String.self, at: "status"], !status.isEmpty {
            if let problem = StandardsRules.statusProblem(status) { throw InputError("status", problem) }
            query = query.filter(\.$status == status)
        }
        let page = try await query.paginate(try req.pageRequest)
        let codes = page.items.map(\.code)
        let items = try await StandardItemRecord.query(on: req.db).filter(\.$standardCode ~~ codes).sort(\.$itemCode).all()
        return PageDTO(page) { record in
            API.StandardDTO(record, items: items.filter { $0.standardCode == record.code }.map(\.itemCode), ratifications: nil)
        }
    }

    @Sendable func standard(req: Request) async throws -> API.StandardDTO {
        _ = try req.requireSignedIn()
        return try await Self.dto(req.parameter(.code), on: req.db)
    }

    static func dto(_ code: String, on db: any Database) async throws -> API.StandardDTO {
        guard let record = try await StandardRecord.query(on: db).filter(\.$code == code).first() else {
            throw Abort(.notFound, reason: "no standard \(code) in the registry")
        }
        let items = try await StandardItemRecord.query(on: db).filter(\.$standardCode == code).sort(\.$itemCode).all().map(\.itemCode)
        let rows = try await RatificationRecord.query(on: db).filter(\.$standardCode == code).sort(\.$nation).all()
        return API.StandardDTO(record, items: items, ratifications: rows)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        let record = try await StandardEditor.create(try req.content.decode(StandardInput.self), by: person, now: req.now, on: req.db)
        let response = try await API.StandardDTO(record, items: [], ratifications: []).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: SiteRoute.api(.standard(record.code)).path)
        return response
    }

    @Sendable func update(req: Request) async throws -> API.StandardDTO {
        let person = try req.requireSignedIn()
        let record = try await StandardEditor.update(
            req.parameter(.code), with: try req.content.decode(StandardInput.self), by: person, now: req.now, on: req.db)
        return try await Self.dto(record.code, on: req.db)
    }

    @Sendable func setRatification(req: Request) async throws -> API.RatificationDTO {
        let person = try req.requireSignedIn()
        let record = try await RatificationEditor.set(
            standard: req.parameter(.code), nation: req.parameter(.nation), with: try req.content.decode(RatificationInput.self),
            by: person, now: req.now, on: req.db)
        return API.RatificationDTO(record)
    }

    @Sendable func deleteRatification(req: Request) async throws -> HTTPStatus {
        let person = try req.requireSignedIn()
        try await RatificationEditor.delete(
            standard: req.parameter(.code), nation: req.parameter(.nation), version: try req.queryInteger("version"), by: person,
            now: req.now, on: req.db)
        return .noContent
    }

    @Sendable func addItem(req: Request) async throws -> HTTPStatus {
        let person = try req.requireSignedIn()
        try await ConformanceEditor.add(standard: req.parameter(.code), item: req.parameter(.item), by: person, now: req.now, on: req.db)
        return .noContent
    }

    @Sendable func removeItem(req: Request) async throws -> HTTPStatus {
        let person = try req.requireSignedIn()
        try await ConformanceEditor.remove(standard: req.parameter(.code), item: req.parameter(.item), by: person, now: req.now, on: req.db)
        return .noContent
    }

    @Sendable func ratifications(req: Request) async throws -> PageDTO<API.RatificationDTO> {
        _ = try req.requireSignedIn()
        var query = RatificationRecord.query(on: req.db).sort(\.$standardCode).sort(\.$nation)
        if let nation = req.query[String.self, at: "nation"], !nation.isEmpty {
            if let problem = InteroperabilityRules.nationProblem(nation) { throw InputError("nation", problem) }
            query = query.filter(\.$nation == nation)
        }
        if let standard = req.query[String.self, at: "standard"], !standard.isEmpty { query = query.filter(\.$standardCode == standard) }
        return PageDTO(try await query.paginate(try req.pageRequest)) { API.RatificationDTO($0) }
    }

    @Sendable func importRatifications(req: Request) async throws -> API.ImportOutcomeDTO {
        let person = try req.require { $0.isStaff || $0.role == .delegate }
        let outcome = try await RatificationImport.run(try req.csvBody(), by: person, now: req.now, on: req.db)
        return API.ImportOutcomeDTO(rows: outcome.rows, created: outcome.created, updated: outcome.updated)
    }

    @Sendable func standardisation(req: Request) async throws -> API.StandardisationDTO {
        let person = try req.requireSignedIn()
        return API.StandardisationDTO(try await StandardsReads.metrics(for: person.principal, now: req.now, on: req.db))
    }
}
