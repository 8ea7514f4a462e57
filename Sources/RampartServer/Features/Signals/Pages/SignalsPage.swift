import Plot
import RampartCore

/// The demand signals: what the nations need, summed per class or item and year, firm against foreseeable. Industry
/// and observers see only the figures that reveal no single nation's requirement; the others are marked hidden with
/// the reason.
enum SignalsPage {
    struct Model: Sendable {
        var suppressed: Bool
        var basis: AccessPolicy.SignalBasis
        var figures: [SignalFigure]
        var chart: [SignalFigure]
        var chartTarget: String?
        var spec: TableSpec
        var query: TableQuery
        var summary: String
        var pageCount: Int
    }

    static func tableLabel(_ table: SignalQuery.Table) -> String {
        switch table {
        case .cells: "Per class or item and year"
        case .targets: "Per class or item, all years"
        case .years: "Per year, all classes and items"
        case .overall: "Overall"
        }
    }

    static func targetLabel(_ key: String) -> String {
        key.hasPrefix("class:") ? "class " + key.dropFirst("class:".count) : key
    }

    static func marking(_ basis: AccessPolicy.SignalBasis) -> Releasability {
        switch basis {
        case .all: .staffOnly
        case .nationAndReleased(let nation): .nationOnly(nation)
        case .releasedOnly: .industry
        }
    }

    /// Why a figure, or its split, is not shown; empty when all of it is.
    static func note(_ f: SignalFigure) -> String {
        if let reason = f.hidden { return "hidden: " + reason.explanation }
        if let reason = f.splitHidden { return "firm and foreseeable parts hidden: " + reason.explanation }
        return ""
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let path = SiteRoute.signals.path
        return Layout.render(
            context,
            .marking(marking(model.basis).marking),
            .heading("Demand signals"),
            .paragraph(intro(model), class: "muted"),
            .tableTools(model.spec, model.query, path: path, summary: model.summary, csvPath: SiteRoute.signalsCSV.path),
            .dataTable(
                caption: "Requirements summed",
                columns: [
                    .text("Class or item"), .text("Year"), .number("Total"), .number("Firm"), .number("Foreseeable"),
                    .number("Nations"), .text("Hidden"),
                ],
                rows: model.figures.map(row),
                emptyText: model.query.isNarrowed ? "No figure matches these filters." : "No requirement to sum yet."),
            .pagination(page: model.query.page, pageCount: model.pageCount, basePath: path, query: model.query.items()),
            .chart(chart(model)),
            .marking(marking(model.basis).marking)
        )
    }

    private static func intro(_ model: Model) -> String {
        switch model.basis {
        case .releasedOnly:
            "What the nations have released to industry, summed. No figure shown comes from fewer than \(DisclosureRules.minimumNations) nations or has one nation above \(Int(DisclosureRules.largestShare * 100)) % of it; others are hidden too where the totals would give a hidden one away. Every filter picks from these figures, none sums anew."
        case .nationAndReleased(let nation):
            "\(Alliance.name(of: nation))'s requirements and those the other nations have released, summed: every figure whole."
        case .all:
            "Every nation's requirements, summed: every figure whole. Industry and observers see these tables built from released requirements, with the figures that could reveal one nation's requirement hidden."
        }
    }

    static func chart(_ model: Model) -> String {
        let years = model.chart.compactMap { f -> SVGChart.SignalYear? in
            guard let year = f.year else { return nil }
            return SVGChart.SignalYear(year: year, total: f.total, firm: f.firm, hiddenBecause: f.hidden?.explanation)
        }
        let title = model.chartTarget.map { "Requirements for \(targetLabel($0)) by year" } ?? "Requirements by year, all classes and items"
        return SVGChart.signalYears(years, title: title)
    }

    private static func row(_ f: SignalFigure) -> Node<HTML.TableContext> {
        var cells = RowMarkup()
        cells.cell(f.target.map(targetLabel) ?? "all")
        cells.cell(f.year.map(String.init) ?? "all")
        for value in [f.total, f.firm, f.foreseeable] { cells.number(value.map(Format.units) ?? "hidden") }
        cells.number(f.nations.map(Format.integer) ?? "hidden")
        cells.cell(note(f))
        return cells.node
    }
}
