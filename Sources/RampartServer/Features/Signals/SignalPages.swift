import Fluent
import Plot
import RampartCore
import Vapor

/// `/signals`: the demand signals the reader may see, as a table, a chart over the years and CSV.
struct SignalPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.signals, use: signals)
        routes.get(.signalsCSV, use: signalsCSV)
    }

    static let perPage = 50

    /// The page's filters: the tables, the targets the reader's signals hold, and nations for readers of the whole.
    static func spec(targets: [String], principal: Principal) -> TableSpec {
        var filters: [TableSpec.Filter] = [
            .init(
                name: "table", label: "Table",
                options: [("", "Every table")] + SignalQuery.Table.allCases.map { ($0.rawValue, SignalsPage.tableLabel($0)) }),
            .init(
                name: "target", label: "Class or item",
                options: [("", "Every class and item")] + targets.map { ($0, SignalsPage.targetLabel($0)) }),
        ]
        if AccessPolicy.canFilterSignalsByNation(principal) {
            filters.append(
                .init(name: "nation", label: "Nation", options: [("", "Every nation")] + Alliance.all.map { ($0.code, $0.name) }))
        }
        return TableSpec(sortKeys: ["tables"], filters: filters)
    }

    @Sendable func signals(req: Request) async throws -> HTML {
        let person = try req.requireSignedIn()
        // The nation filter's refusal first, as the API gives it.
        let query = try SignalQuery(req, principal: person.principal)
        let snapshot = try await req.rampart.signals.snapshot(for: person.principal, on: req.db)
        let spec = Self.spec(targets: snapshot.tables.targets, principal: person.principal)
        let table = try TableQuery(req, spec)
        let selection = try await SignalSelection.load(req, query, principal: person.principal)
        let start = min(selection.figures.count, PageRules.offset(page: table.page, per: Self.perPage))
        // The chart: per year for the chosen target, or per year over all targets.
        var chartQuery = SignalQuery()
        chartQuery.nations = query.nations
        chartQuery.target = query.target
        chartQuery.tables = [query.target == nil ? .years : .cells]
        let chartFigures = try await SignalSelection.load(req, chartQuery, principal: person.principal).figures
        return SignalsPage.render(
            req.pageContext(title: "Demand signals"),
            .init(
                suppressed: selection.suppressed, basis: selection.basis,
                figures: Array(selection.figures[start..<min(selection.figures.count, start + Self.perPage)]),
                chart: chartFigures, chartTarget: query.target, spec: spec, query: table,
                summary: TableCount.text(
                    shown: min(Self.perPage, selection.figures.count - start), matching: selection.figures.count,
                    all: selection.figures.count, noun: ("figure", "figures"), narrowed: false),
                pageCount: max(1, (selection.figures.count + Self.perPage - 1) / Self.perPage)))
    }

    /// The selected figures as CSV, every page, hidden ones with their reason.
    @Sendable func signalsCSV(req: Request) async throws -> Response {
        let person = try req.requireSignedIn()
        let query = try SignalQuery(req, principal: person.principal)
        let snapshot = try await req.rampart.signals.snapshot(for: person.principal, on: req.db)
        _ = try TableQuery(req, Self.spec(targets: snapshot.tables.targets, principal: person.principal))
        let selection = try await SignalSelection.load(req, query, principal: person.principal)
        let rows: [[CSVTable.Cell]] = selection.figures.map { f in
            [
                .text(f.target ?? "all"), .text(f.year.map(String.init) ?? "all"), .number(f.total), .number(f.firm),
                .number(f.foreseeable), .integer(f.nations), .text(SignalsPage.note(f)),
            ]
        }
        return CSVDownload.response(
            CSVTable(
                header: ["target", "year", "total", "firm", "foreseeable", "nations", "hidden"], rows: rows,
                marking: SignalsPage.marking(selection.basis).marking),
            filename: "signals.csv")
    }
}
