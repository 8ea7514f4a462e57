import Plot
import RampartCore

/// The interchangeability matrix: munitions by nations, one page of munitions at a time. Readers of the whole matrix
/// see, in each nation's column, the systems through which it can fire the munition; the others see per munition
/// only how many nations can, where that is three or more.
enum InterchangeabilityPage {
    struct Row: Sendable {
        var item: String
        var name: String
        var itemClass: String
        /// Nil where withheld.
        var users: Int?
        /// Nation → its routes' text, for readers of the whole matrix.
        var cells: [String: String]
    }

    struct Model: Sendable {
        var whole: Bool
        /// The matrix's columns, for readers of the whole matrix.
        var nations: [String]
        var rows: [Row]
        var spec: TableSpec
        var query: TableQuery
        var summary: String
        var pageCount: Int
        var rebuilt: String?
        var links: [(label: String, path: String)]
    }

    /// A cell's text: the systems, each marked `*` where the route rests on another nation's qualification.
    static func cellText(nation: String, routes: [InterchangeabilityMatrix.Route]) -> String {
        var systems: [String] = []
        for system in Set(routes.map(\.system)).sorted() {
            let own = routes.contains { $0.system == system && $0.qualifiedBy == nation }
            systems.append(own ? system : system + "*")
        }
        return systems.joined(separator: ", ")
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let path = SiteRoute.interoperability.path
        let columns: [Column] =
            [
                .text("Munition", sort: "item"), .text("Name"), .text("Class", sort: "class"),
                .number("Nations that can use it", sort: "users"),
            ]
            + (model.whole ? model.nations.map { Column.text($0) } : [])
        return Layout.render(
            context,
            .heading("Munitions interchangeability"),
            .paragraph(
                model.whole
                    ? "Which nation can fire which munition, through which of its weapon systems. A system marked * fires it on another nation's qualification, which this nation recognises. Derived from the fleets, qualifications and recognitions."
                    : "How many nations can fire each munition. Only munitions that three or more nations can use are listed, so that no figure singles out one or two nations' fleets.",
                class: "muted"),
            .unwrap(model.rebuilt) { .paragraph("Matrix rebuilt \($0).", class: "muted") },
            .if(
                !model.links.isEmpty,
                .p(.forEach(model.links) { link in .group(.link(link.label, to: link.path), .text(" ")) })),
            .tableTools(model.spec, model.query, path: path, summary: model.summary, csvPath: SiteRoute.interoperabilityCSV.path),
            .dataTable(
                caption: "Munitions by nations",
                columns: columns,
                rows: model.rows.map { row(model, $0) },
                emptyText: model.query.isNarrowed
                    ? "No munition matches these filters." : "No munition is qualified for any weapon system yet.",
                sorting: TableSorting(path: path, query: model.query)),
            .pagination(page: model.query.page, pageCount: model.pageCount, basePath: path, query: model.query.items()),
            .if(!model.rows.isEmpty, .chart(chart(model.rows)))
        )
    }

    /// How many nations can use each munition of the page, as bars.
    static func chart(_ rows: [Row]) -> String {
        SVGChart.bars(
            rows.compactMap { row in row.users.map { (label: row.item, value: Double($0)) } },
            title: "Nations that can use each munition of this page", colour: SVGChart.deliveryColour)
    }

    private static func row(_ model: Model, _ row: Row) -> Node<HTML.TableContext> {
        var cells = RowMarkup()
        cells.code(row.item)
        cells.cell(row.name)
        cells.cell(row.itemClass)
        cells.number(row.users.map(Format.integer) ?? "withheld (fewer than 3)")
        if model.whole {
            for nation in model.nations { cells.cell(row.cells[nation] ?? "–") }
        }
        return cells.node
    }
}
