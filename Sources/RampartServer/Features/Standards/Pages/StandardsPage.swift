import Plot
import RampartCore

/// The standards registry: every standard with its status, how many Allies ratified it and its conforming items;
/// staff add standards; nations import their ratifications from CSV.
enum StandardsPage {
    struct Row: Sendable {
        var code: String
        var edition: String
        var title: String
        var domain: String
        var status: String
        var supersededBy: String?
        var items: Int
        var ratified: Int
    }

    struct Model: Sendable {
        var rows: [Row]
        var query: TableQuery
        var summary: String
        var allies: Int
        var canAdd: Bool
        var canImport: Bool
        var errors: [String] = []
    }

    static let spec = TableSpec(
        sortKeys: ["code"],
        filters: [
            .init(
                name: "status", label: "Status", options: [("", "Every status")] + Standard.Status.allCases.map { ($0.rawValue, $0.label) })
        ])

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("Standards"),
            .paragraph(
                "Standardisation agreements and publications, the nations' ratifications and implementations, and the items that conform to each. Staff maintain the registry; each nation records its own ratifications.",
                class: "muted"),
            .p(
                .link("Standardisation metrics", to: SiteRoute.standardisation.path), .text(" "),
                .link("Ratifications as CSV", to: SiteRoute.ratificationsCSV.path)),
            .errorList(model.errors),
            .tableTools(spec, model.query, path: SiteRoute.standards.path, summary: model.summary, csvPath: SiteRoute.standardsCSV.path),
            .dataTable(
                caption: "Standards",
                columns: [
                    .text("Standard"), .text("Edition"), .text("Title"), .text("Domain"), .text("Status"),
                    .number("Allies ratified (of \(model.allies))"), .number("Conforming items"),
                ],
                rows: model.rows.map { row in
                    .tr(
                        .td(.a(.href(SiteRoute.standard(row.code).path), .code(.text(row.code)))), .td(.text(row.edition)),
                        .td(.text(row.title)), .td(.text(row.domain)),
                        .td(.text(row.supersededBy.map { "\(row.status) by \($0)" } ?? row.status)),
                        .numberCell(Format.integer(row.ratified)), .numberCell(Format.integer(row.items)))
                },
                emptyText: model.query.isNarrowed ? "No standard matches." : "No standard in the registry yet."),
            .if(model.canAdd, addForm(context)),
            .if(
                model.canImport,
                .section(
                    .h2("Import ratifications from CSV"),
                    .paragraph(
                        "Columns: " + RatificationImport.header.joined(separator: ",")
                            + " (status one of " + Ratification.Status.allCases.map(\.rawValue).joined(separator: ", ")
                            + "; days as YYYY-MM-DD or empty). A file with any bad row imports nothing and lists every problem with its line and column.",
                        class: "muted"),
                    CSVUploadForm.node(action: SiteRoute.ratificationsImport.path, csrf: context.csrfToken, button: "Import ratifications"))
            )
        )
    }

    private static func addForm(_ context: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .h2("Add a standard"),
            .postForm(
                action: SiteRoute.standards.path, csrf: context.csrfToken,
                .field("Code (such as STANAG-4425)", name: "code", extra: [.attr("required", "required"), .attr("maxlength", "40")]),
                .field("Edition", name: "edition", extra: [.attr("required", "required"), .attr("maxlength", "20")]),
                .field("Title", name: "title", extra: [.attr("required", "required"), .attr("maxlength", "200")]),
                .field("Domain", name: "domain", extra: [.attr("required", "required"), .attr("maxlength", "60")]),
                .selectField(
                    "Status", name: "status", options: Standard.Status.allCases.map { ($0.rawValue, $0.label) }, selected: "draft"),
                .field("Superseded by (when superseded)", name: "supersededBy"),
                .submitButton("Add standard")))
    }
}
