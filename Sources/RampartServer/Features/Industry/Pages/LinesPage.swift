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
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading(model.company.map { "Production lines · \($0)" } ?? "Production lines"),
            .paragraph("Lines and suppliers, with lead times and monthly capacity steps.", class: "muted"),
            .dataTable(
                columns: [
                    .text("Code"), .text("Kind"), .text("Company"), .text("Country"), .text("Item"),
                    .number("Lead time (months)"), .text("Capacity"), .text(""),
                ],
                rows: model.rows.map(row),
                emptyText: "No lines recorded yet."
            )
        )
    }

    private static func row(_ row: SourceRow) -> Node<HTML.TableContext> {
        .tr(
            .codeCell(row.code),
            .cell(row.kind),
            .cell(row.company),
            .cell(row.country),
            .cell(row.item),
            .numberCell(Format.integer(row.leadTimeMonths)),
            .cell(row.capacitySummary),
            .td(.unwrap(row.editPath) { .link("Edit", to: $0) })
        )
    }
}
