import Fluent
import RampartCore
import Vapor

/// `GET /api/v1/signals`: the demand signals the reader may see, a page of figures of the fixed tables.
struct APISignals: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.api(.signals), use: signals)
    }

    @Sendable func signals(req: Request) async throws -> API.SignalPageDTO {
        let person = try req.requireSignedIn()
        let query = try SignalQuery(req, principal: person.principal)
        let page = try req.pageRequest
        let selection = try await SignalSelection.load(req, query, principal: person.principal)
        let start = min(selection.figures.count, PageRules.offset(page: page.page, per: page.per))
        let items = selection.figures[start..<min(selection.figures.count, start + page.per)]
        return API.SignalPageDTO(
            basis: selection.basis.name, suppressed: selection.suppressed, rules: API.DisclosureRulesDTO(),
            items: items.map(API.SignalFigureDTO.init), page: page.page, per: page.per, total: selection.figures.count)
    }
}
