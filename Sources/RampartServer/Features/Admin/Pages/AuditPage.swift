import Plot

enum AuditPage {
    struct FieldChange: Sendable {
        var field: String
        var old: String
        var new: String
    }

    struct AuditRow: Sendable {
        var at: String
        var actor: String
        var entity: String
        var key: String
        var action: String
        var changes: [FieldChange]
    }

    struct Model: Sendable {
        var rows: [AuditRow]
        var page: Int
        var pageCount: Int
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("Audit trail"),
            .p(.attr("class", "csv-link"), .link("Download the whole trail as CSV", to: SiteRoute.auditCSV.path)),
            .paragraph("Every change, newest first, with who made it and when.", class: "muted"),
            .dataTable(
                columns: [.text("When"), .text("Who"), .text("Record"), .text("Action"), .text("Changes")],
                rows: model.rows.map(row),
                emptyText: "Nothing has changed yet."
            ),
            .pagination(page: model.page, pageCount: model.pageCount, basePath: SiteRoute.audit.path)
        )
    }

    private static func row(_ row: AuditRow) -> Node<HTML.TableContext> {
        .tr(
            .cell(row.at),
            .cell(row.actor),
            .td(.text(row.entity + " "), .code(.text(row.key))),
            .cell(row.action),
            .td(changes(row.changes))
        )
    }

    private static func changes(_ changes: [FieldChange]) -> Node<HTML.BodyContext> {
        .if(
            !changes.isEmpty,
            .ul(
                .attr("class", "changes"),
                .forEach(changes) { change in
                    .li(
                        .strong(.text(change.field)), .text(": "),
                        .del(.text(change.old.isEmpty ? "(empty)" : change.old)), .text(" → "),
                        .ins(.text(change.new.isEmpty ? "(empty)" : change.new))
                    )
                }
            ))
    }
}
