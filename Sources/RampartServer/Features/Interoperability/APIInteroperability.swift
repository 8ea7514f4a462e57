import Fluent
import Foundation
import RampartCore
import Vapor

/// `/api/v1` weapon systems, fleets, qualifications, recognitions and the interchangeability matrix.
struct APIInteroperability: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.api(.weaponSystems), use: systems)
        routes.post(.api(.weaponSystems), use: createSystem)
        routes.get(.api(.weaponSystem(.any)), use: system)
        routes.patch(.api(.weaponSystem(.any)), use: updateSystem)
        routes.get(.api(.fleets), use: fleets)
        routes.put(.api(.fleet(nation: .any, system: .any)), use: setFleet)
        routes.post(.api(.fleetsImport), use: importFleets)
        routes.get(.api(.qualifications), use: qualifications)
        routes.post(.api(.qualifications), use: createQualification)
        routes.delete(.api(.qualification(id: .any)), use: deleteQualification)
        routes.post(.api(.qualificationsImport), use: importQualifications)
        routes.get(.api(.recognitions), use: recognitions)
        routes.put(.api(.recognition(nation: .any, recognises: .any)), use: setRecognition)
        routes.delete(.api(.recognition(nation: .any, recognises: .any)), use: deleteRecognition)
        routes.get(.api(.interchangeability), use: matrix)
    }

    @Sendable func systems(req: Request) async throws -> PageDTO<API.WeaponSystemDTO> {
        _ = try req.requireSignedIn()
        let page = try await WeaponSystemRecord.query(on: req.db).sort(\.$code).paginate(try req.pageRequest)
        return PageDTO(page) { API.WeaponSystemDTO($0) }
    }

    @Sendable func system(req: Request) async throws -> API.WeaponSystemDTO {
        _ = try req.requireSignedIn()
        let code = req.parameter(.code)
        guard let record = try await WeaponSystemRecord.query(on: req.db).filter(\.$code == code).first() else {
            throw Abort(.notFound, reason: "no weapon system \(code)")
        }
        return API.WeaponSystemDTO(record)
    }

    @Sendable func createSystem(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        let record = try await WeaponSystemEditor.create(
            try req.content.decode(WeaponSystemInput.self), by: person, now: req.now, on: req.db)
        let response = try await API.WeaponSystemDTO(record).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: SiteRoute.api(.weaponSystem(record.code)).path)
        return response
    }

    @Sendable func updateSystem(req: Request) async throws -> API.WeaponSystemDTO {
        let person = try req.requireSignedIn()
        let record = try await WeaponSystemEditor.update(
            req.parameter(.code), with: try req.content.decode(WeaponSystemInput.self), by: person, now: req.now, on: req.db)
        return API.WeaponSystemDTO(record)
    }

    /// Staff read every nation's fleets; a delegate its own nation's; no one else any.
    @Sendable func fleets(req: Request) async throws -> PageDTO<API.FleetDTO> {
        let person = try req.require { $0.isStaff || $0.role == .delegate }
        var query = FleetRecord.query(on: req.db).sort(\.$nation).sort(\.$systemCode)
        if !person.principal.isStaff { query = query.filter(\.$nation == (person.user.nation ?? "")) }
        return PageDTO(try await query.paginate(try req.pageRequest)) { API.FleetDTO($0) }
    }

    @Sendable func setFleet(req: Request) async throws -> API.FleetDTO {
        let person = try req.requireSignedIn()
        let record = try await FleetEditor.set(
            nation: req.parameter(.nation), system: req.parameter(.system), with: try req.content.decode(FleetInput.self), by: person,
            now: req.now, on: req.db)
        return API.FleetDTO(record)
    }

    @Sendable func importFleets(req: Request) async throws -> API.ImportOutcomeDTO {
        let person = try req.require { $0.isStaff || $0.role == .delegate }
        let outcome = try await InteroperabilityImport.fleets(try req.csvBody(), by: person, now: req.now, on: req.db)
        return API.ImportOutcomeDTO(rows: outcome.rows, created: outcome.created, updated: outcome.updated)
    }

    @Sendable func qualifications(req: Request) async throws -> PageDTO<API.QualificationDTO> {
        _ = try req.require(AccessPolicy.canReadQualifications)
        var query = QualificationRecord.query(on: req.db).sort(\.$itemCode).sort(\.$systemCode).sort(\.$nation)
        if let item = req.query[String.self, at: "item"], !item.isEmpty { query = query.filter(\.$itemCode == item) }
        if let system = req.query[String.self, at: "system"], !system.isEmpty { query = query.filter(\.$systemCode == system) }
        if let nation = req.query[String.self, at: "nation"], !nation.isEmpty { query = query.filter(\.$nation == nation) }
        return PageDTO(try await query.paginate(try req.pageRequest)) { API.QualificationDTO($0) }
    }

    @Sendable func createQualification(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        let record = try await QualificationEditor.create(
            try req.content.decode(QualificationInput.self), by: person, now: req.now, on: req.db)
        return try await API.QualificationDTO(record).encodeResponse(status: .created, for: req)
    }

    @Sendable func deleteQualification(req: Request) async throws -> HTTPStatus {
        let person = try req.requireSignedIn()
        guard let id = req.parameter(.id, as: UUID.self) else { throw Abort(.notFound, reason: "no qualification \(req.parameter(.id))") }
        try await QualificationEditor.delete(id: id, by: person, now: req.now, on: req.db)
        return .noContent
    }

    @Sendable func importQualifications(req: Request) async throws -> API.ImportOutcomeDTO {
        let person = try req.require { $0.isStaff || $0.role == .delegate }
        let outcome = try await InteroperabilityImport.qualifications(try req.csvBody(), by: person, now: req.now, on: req.db)
        return API.ImportOutcomeDTO(rows: outcome.rows, created: outcome.created, updated: outcome.updated)
    }

    @Sendable func recognitions(req: Request) async throws -> PageDTO<API.RecognitionDTO> {
        _ = try req.require(AccessPolicy.canReadRecognitions)
        let page = try await RecognitionRecord.query(on: req.db).sort(\.$nation).sort(\.$recognises).paginate(try req.pageRequest)
        return PageDTO(page) { API.RecognitionDTO($0) }
    }

    @Sendable func setRecognition(req: Request) async throws -> API.RecognitionDTO {
        let person = try req.requireSignedIn()
        let record = try await RecognitionEditor.set(
            nation: req.parameter(.nation), recognises: req.parameter(.code), by: person, now: req.now, on: req.db)
        return API.RecognitionDTO(record)
    }

    @Sendable func deleteRecognition(req: Request) async throws -> HTTPStatus {
        let person = try req.requireSignedIn()
        try await RecognitionEditor.delete(
            nation: req.parameter(.nation), recognises: req.parameter(.code), by: person, now: req.now, on: req.db)
        return .noContent
    }

    /// The matrix, one page of munitions at a time (`?class=`, `?calibre=`, `?q=`, `?sort=`, `?page=`, `?per=`).
    @Sendable func matrix(req: Request) async throws -> API.InterchangeabilityDTO {
        let person = try req.requireSignedIn()
        let view = AccessPolicy.interchangeabilityView(person.principal)
        let snapshot = try await req.rampart.interchangeability.snapshot(on: req.db)
        let query = try TableQuery(req, InterchangeabilityReads.spec(snapshot.options(view: view), view: view))
        let per = try req.perPage(default: 50)
        let (munitions, total) = snapshot.munitions(query, view: view, per: per)
        let cells = view == .whole ? snapshot.cells : [:]
        let rows = munitions.map { m in
            API.InterchangeabilityRowDTO(
                item: m.code, name: m.name, itemClass: m.item_class,
                users: view == .whole ? cells[m.code]?.count ?? 0 : view.publishedCount(m.users),
                nations: view == .whole
                    ? (cells[m.code] ?? [:]).sorted { $0.key < $1.key }.map { nation, routes in
                        .init(nation: nation, routes: routes.map { .init(system: $0.system, qualifiedBy: $0.qualifiedBy) })
                    } : nil)
        }
        return API.InterchangeabilityDTO(
            items: rows, page: query.page, per: per, total: total, generation: view == .whole ? snapshot.generation : nil,
            rebuiltAt: view == .whole ? snapshot.rebuiltAt : nil)
    }

}
