import Fluent
import Foundation
import RampartCore
import Vapor

/// `/api/v1` items and the whole scenario file (export and streamed import, staff only).
struct APIScenario: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.api(.items), use: items)
        routes.get(.api(.scenario), use: exportScenario)
        // Streamed: the caller is checked before a byte is read, and the file goes to disk, not memory.
        routes.on(.PUT, .api(.scenario), body: .stream, use: importScenario)
    }

    @Sendable func items(req: Request) async throws -> PageDTO<API.ItemDTO> {
        _ = try req.requireSignedIn()
        let page = try await ItemRecord.query(on: req.db).sort(\.$code).paginate(try req.pageRequest)
        let codes = page.items.map(\.code)
        let bom = try await BOMEntryRecord.query(on: req.db).filter(\.$itemCode ~~ codes).sort(\.$position).all()
        let byItem = Dictionary(grouping: bom, by: \.itemCode)
        return PageDTO(
            items: page.items.map { item in
                API.ItemDTO(
                    id: item.code, name: item.name, kind: item.kind, class: item.itemClass,
                    bom: (byItem[item.code] ?? []).map { BOMEntry(item: $0.componentCode, qty: $0.qty) })
            }, page: page.metadata.page, per: page.metadata.per, total: page.metadata.total)
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
            let summary = try await ScenarioTransfer.importFile(
                body, by: person.actor, now: req.now, references: req.rampart.scenarioReferences, on: req.db)
            return try await ImportSummaryDTO(summary).encodeResponse(for: req)
        } catch let error as ScenarioValidationError {
            throw InputError(problems: error.issues.map(\.description))
        } catch let error as OrphanedReferencesError {
            throw InputError(problems: error.problems, status: .conflict)
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
