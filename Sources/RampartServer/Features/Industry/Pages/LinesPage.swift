import Plot

enum LinesPage {
    struct SourceRow: Sendable {
        var code: String
        var kind: String
        var company: String
        var country: String
        var item: String
        var leadTimeMonths: Int
        var capacitySummary: String
        var editPath: String?
    }

    struct Model: Sendable {
        /// Set when the list is limited to one company.
        var company: String?
        var rows: [SourceRow]
        var query: TableQuery? = nil
        var summary: String? = nil
        var pageCount: Int = 1
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading(model.company.map { "Production lines · \($0)" } ?? "Production lines"),
            .paragraph("Lines and suppliers, with lead times and monthly capacity steps.", class: "muted"),
            .unwrap(model.query) { query in
                .tableTools(
                    SourceList.spec, query, path: SiteRoute.lines.path, summary: model.summary ?? "", csvPath: SiteRoute.linesCSV.path)
            },
            .dataTable(
                columns: [
                    .text("Code", sort: "code"), .text("Kind"), .text("Company", sort: "company"), .text("Country", sort: "country"),
                    .text("Item", sort: "item"), .number("Lead time (months)", sort: "lead"), .text("Capacity"), .text("Actions"),
                ],
                rows: model.rows.map(row),
                emptyText: model.query?.isNarrowed == true ? "No line or supply matches these filters." : "No lines recorded yet.",
                sorting: model.query.map { TableSorting(path: SiteRoute.lines.path, query: $0) }
            ),
            .pagination(
                page: model.query?.page ?? 1, pageCount: model.pageCount, basePath: SiteRoute.lines.path, query: model.query?.items() ?? [])
        )
    }

    private static func row(_ row: SourceRow) -> Node<HTML.TableContext> {
        var cells = RowMarkup()
        cells.code(row.code)
        cells.cell(row.kind)
        cells.cell(row.company)
        cells.cell(row.country)
        cells.cell(row.item)
        cells.number(Format.integer(row.leadTimeMonths))
        cells.cell(row.capacitySummary)
        cells.link("Edit", to: row.editPath)
        return cells.node
    }
}
