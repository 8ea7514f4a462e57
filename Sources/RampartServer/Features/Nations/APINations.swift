import Fluent
import Foundation
import RampartCore
import Vapor

/// `/api/v1` nations and their demands (need-to-know).
struct APINations: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.api(.nations), use: nations)
        routes.get(.api(.nationDemands(.any)), use: nationDemands)
        routes.post(.api(.nationDemands(.any)), use: createDemand)
        routes.get(.api(.demands), use: demands)
        routes.get(.api(.demand(.any)), use: demand)
        routes.patch(.api(.demand(.any)), use: updateDemand)
        routes.delete(.api(.demand(.any)), use: deleteDemand)
    }

    @Sendable func nations(req: Request) async throws -> [API.NationDTO] {
        _ = try req.requireSignedIn()
        return try await NationRecord.query(on: req.db).sort(\.$code).all().map { API.NationDTO(code: $0.code, name: $0.name) }
    }

    /// A nation's demands with the latest plan's outcome for each: that nation's delegates and staff.
    @Sendable func nationDemands(req: Request) async throws -> PageDTO<API.DemandDTO> {
        let code = req.parameter(.code)
        _ = try req.require { AccessPolicy.canReadNationView($0, nation: code) }
        return try await NationDemandReads.page(nation: code, try req.pageRequest, on: req.db)
    }

    /// The demands the person may read: staff all; a delegate their nation's and released ones; industry released ones.
    @Sendable func demands(req: Request) async throws -> PageDTO<API.DemandDTO> {
        let person = try req.require { $0.role != .observer }
        var query = DemandRecord.query(on: req.db).sort(\.$position)
        switch person.role {
        case .staff: break
        case .delegate:
            let nation = person.user.nation ?? ""
            query = query.group(.or) { $0.filter(\.$nation == nation).filter(\.$released == true) }
        case .industry, .observer:
            query = query.filter(\.$released == true)
        }
        if let nation = req.query[String.self, at: "nation"] { query = query.filter(\.$nation == nation) }
        let page = try await query.paginate(try req.pageRequest)
        return PageDTO(page) { API.DemandDTO($0) }
    }

    @Sendable func demand(req: Request) async throws -> API.DemandDTO {
        let person = try req.requireSignedIn()
        let code = req.parameter(.code)
        guard let demand = try await DemandRecord.query(on: req.db).filter(\.$code == code).first(),
            AccessPolicy.canReadDemand(person.principal, nation: demand.nation, released: demand.released)
        else { throw Abort(.notFound, reason: "no demand \(code) that you may see") }
        return API.DemandDTO(demand)
    }

    @Sendable func updateDemand(req: Request) async throws -> API.DemandDTO {
        let person = try req.requireSignedIn()
        let patch = try req.content.decode(DemandPatch.self)
        return API.DemandDTO(try await DemandEditor.update(req.parameter(.code), with: patch, by: person, now: req.now, on: req.db))
    }

    @Sendable func createDemand(req: Request) async throws -> Response {
        let nation = req.parameter(.code)
        let person = try req.require { AccessPolicy.canEditDemands($0, nation: nation) }
        let demand = try await DemandEntry.create(
            try req.content.decode(NewDemand.self), nation: nation, by: person, now: req.now, on: req.db)
        let response = try await API.DemandDTO(demand).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: SiteRoute.api(.demand(demand.code)).path)
        return response
    }

    @Sendable func deleteDemand(req: Request) async throws -> HTTPStatus {
        let person = try req.requireSignedIn()
        guard let version = try req.queryInteger("version") else {
            throw InputError("version", "missing: send the version you read, as ?version=N")
        }
        try await DemandEntry.delete(req.parameter(.code), version: version, by: person, now: req.now, on: req.db)
        return .noContent
    }
}
