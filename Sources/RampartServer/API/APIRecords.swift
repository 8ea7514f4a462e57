import Fluent
import Foundation
import RampartCore
import Vapor

/// `/api/v1` records: items, nations, demands (need-to-know), signals, lines and supplies, the scenario file.
struct APIRecords: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("dashboard", use: dashboard)
        routes.get("items", use: items)
        routes.get("nations", use: nations)
        routes.get("nations", ":code", "demands", use: nationDemands)
        routes.post("nations", ":code", "demands", use: createDemand)
        routes.get("demands", use: demands)
        routes.get("demands", ":code", use: demand)
        routes.patch("demands", ":code", use: updateDemand)
        routes.delete("demands", ":code", use: deleteDemand)
        routes.get("signals", use: signals)
        routes.get("sources", use: sources)
        routes.get("sources", ":code", use: source)
        routes.patch("sources", ":code", use: updateSource)
        routes.get("scenario", use: exportScenario)
        // Streamed: the caller is checked before a byte is read, and the file goes to disk, not memory.
        routes.on(.PUT, "scenario", body: .stream, use: importScenario)
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
        let releasedOnly = AccessPolicy.canReadUnreleasedCounts(person.principal) ? nil : try await ReleasedSignals.load(on: req.db)
        let counts = try await RecordCounts.load(settings: settings, on: req.db).labelled(releasedOnly: releasedOnly)
        var latest: API.PlanRunDTO?
        if let run = try await PlanRuns.latestSucceeded(on: req.db) {
            latest = API.PlanRunDTO(run, visibleTo: person.principal)
            if AccessPolicy.canReadPlanFigures(person.principal) {
                latest?.nations = try await run.id.asyncMap { try await PlanRunSummaries.load($0, on: req.db) }??.nations
                    .filter { AccessPolicy.canReadNationOutcome(person.principal, nation: $0.key) }
            }
        }
        return DashboardDTO(
            scenario: settings?.name ?? "—",
            horizon: settings?.horizonLabel ?? "no scenario imported yet",
            counts: Dictionary(uniqueKeysWithValues: counts.map { ($0.label, $0.value) }),
            latestPlan: latest)
    }

    @Sendable func items(req: Request) async throws -> PageDTO<API.ItemDTO> {
        _ = try req.requireSignedIn()
        let page = try await ItemRecord.query(on: req.db).sort(\.$code).paginate(try req.pageRequest)
        let codes = page.items.map(\.code)
        let bom = try await BOMEntryRecord.query(on: req.db).filter(\.$itemCode ~~ codes).sort(\.$position).all()
        let byItem = Dictionary(grouping: bom, by: \.itemCode)
        return PageDTO(items: page.items.map { item in
            API.ItemDTO(id: item.code, name: item.name, kind: item.kind, class: item.itemClass,
                        bom: (byItem[item.code] ?? []).map { BOMEntry(item: $0.componentCode, qty: $0.qty) })
        }, page: page.metadata.page, per: page.metadata.per, total: page.metadata.total)
    }

    @Sendable func nations(req: Request) async throws -> [API.NationDTO] {
        _ = try req.requireSignedIn()
        return try await NationRecord.query(on: req.db).sort(\.$code).all().map { API.NationDTO(code: $0.code, name: $0.name) }
    }

    /// A nation's demands with the latest plan's outcome for each: that nation's delegates and staff.
    @Sendable func nationDemands(req: Request) async throws -> PageDTO<API.DemandDTO> {
        let code = req.parameters.get("code") ?? ""
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
        let code = req.parameters.get("code") ?? ""
        guard let demand = try await DemandRecord.query(on: req.db).filter(\.$code == code).first(),
              AccessPolicy.canReadDemand(person.principal, nation: demand.nation, released: demand.released)
        else { throw Abort(.notFound, reason: "no demand \(code) that you may see") }
        return API.DemandDTO(demand)
    }

    @Sendable func updateDemand(req: Request) async throws -> API.DemandDTO {
        let person = try req.requireSignedIn()
        let patch = try req.content.decode(DemandPatch.self)
        return API.DemandDTO(try await DemandEditor.update(req.parameters.get("code") ?? "", with: patch, by: person, now: req.now, on: req.db))
    }

    @Sendable func createDemand(req: Request) async throws -> Response {
        let nation = req.parameters.get("code") ?? ""
        let person = try req.require { AccessPolicy.canEditDemands($0, nation: nation) }
        let demand = try await DemandEntry.create(try req.content.decode(NewDemand.self), nation: nation, by: person, now: req.now, on: req.db)
        let response = try await API.DemandDTO(demand).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/demands/\(demand.code)")
        return response
    }

    @Sendable func deleteDemand(req: Request) async throws -> HTTPStatus {
        let person = try req.requireSignedIn()
        guard let version = try req.queryInteger("version") else {
            throw InputError("version", "missing: send the version you read, as ?version=N")
        }
        try await DemandEntry.delete(req.parameters.get("code") ?? "", version: version, by: person, now: req.now, on: req.db)
        return .noContent
    }

    /// Released demand, aggregated by target and year: what industry and observers read.
    @Sendable func signals(req: Request) async throws -> [API.SignalDTO] {
        _ = try req.requireSignedIn()
        return try await ReleasedSignals.load(on: req.db)
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
        let code = req.parameters.get("code") ?? ""
        guard let source = try await SourceRecord.query(on: req.db).filter(\.$code == code).first(),
              AccessPolicy.canReadSource(person.principal, company: source.company)
        else { throw Abort(.notFound, reason: "no line or supply \(code) that you may see") }
        return API.SourceDTO(source, steps: try await IndustryPages.steps(for: [code], on: req.db)[code] ?? [])
    }

    @Sendable func updateSource(req: Request) async throws -> API.SourceDTO {
        let person = try req.requireSignedIn()
        let code = req.parameters.get("code") ?? ""
        let source = try await SourceEditor.update(code, with: try req.content.decode(SourcePatch.self), by: person, now: req.now, on: req.db)
        return API.SourceDTO(source, steps: try await IndustryPages.steps(for: [code], on: req.db)[code] ?? [])
    }

    @Sendable func exportScenario(req: Request) async throws -> Response {
        _ = try req.require { $0.isStaff }
        guard let data = try await ScenarioTransfer.exportFile(on: req.db) else {
            throw Abort(.notFound, reason: "the database holds no scenario yet")
        }
        return Response(status: .ok, headers: ["Content-Type": "application/json"], body: .init(data: data))
    }

    @Sendable func importScenario(req: Request) async throws -> Response {
        let person = try req.require { $0.isStaff }
        let body = try await UploadSpool.receive(req, limit: BodyLimits.scenarioUpload)
        guard !body.isEmpty else { throw InputError("body", "send the scenario file as the request body") }
        do {
            let summary = try await ScenarioTransfer.importFile(body, by: person.actor, now: req.now, on: req.db)
            return try await ImportSummaryDTO(summary).encodeResponse(for: req)
        } catch let error as ScenarioValidationError {
            throw InputError(problems: error.issues.map(\.description))
        }
    }

    struct ImportSummaryDTO: Content {
        var scenario: String
        var items, lines, supplies, stocks, demands: Int

        init(_ s: ScenarioTransfer.ImportSummary) {
            scenario = s.scenario; items = s.items; lines = s.lines; supplies = s.supplies; stocks = s.stocks; demands = s.demands
        }
    }
}
