import Plot

enum NationsIndexPage {
    struct NationIndexRow: Sendable {
        var code: String
        var name: String
        var demandCount: Int
        /// Classes and items the demands are for.
        var targetCount: Int
    }

    struct Model: Sendable {
        var rows: [NationIndexRow]
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("National demand"),
            .p(.attr("class", "csv-link"), .link("Download this table as CSV", to: SiteRoute.nationsCSV.path)),
            .dataTable(
                columns: [.text("Nation"), .text("Code"), .number("Requirements"), .number("Classes and items")],
                rows: model.rows.map(row),
                emptyText: "No nation has entered requirements yet."
            )
        )
    }

    private static func row(_ row: NationIndexRow) -> Node<HTML.TableContext> {
        .tr(
            .linkCell(row.name, to: SiteRoute.nation(row.code).path),
            .codeCell(row.code),
            .numberCell(Format.integer(row.demandCount)),
            .numberCell(Format.integer(row.targetCount))
        )
    }
}
