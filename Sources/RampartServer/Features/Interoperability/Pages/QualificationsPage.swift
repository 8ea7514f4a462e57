import Plot
import RampartCore

/// Who qualified which munition for which system, and whose qualifications each nation recognises: read by staff
/// and delegates; each nation records and withdraws its own.
enum QualificationsPage {
    struct Row: Sendable {
        var id: String
        var item: String
        var system: String
        var nation: String
        var qualifiedOn: String
        var canWithdraw: Bool
    }

    struct RecognitionRow: Sendable {
        var nation: String
        var recognises: String
        var canWithdraw: Bool
    }

    struct Model: Sendable {
        var rows: [Row]
        var query: TableQuery
        var summary: String
        var pageCount: Int
        var recognitions: [RecognitionRow]
        /// The nations the reader records for: every nation for staff, its own for a delegate.
        var ownNations: [String]
        var systems: [String]
        var items: [String]
        var errors: [String] = []
    }

    static let spec = TableSpec(sortKeys: ["item", "system", "nation", "day"], searchLabel: "Munition, system or nation")

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let path = SiteRoute.qualifications.path
        return Layout.render(
            context,
            .heading("Qualifications and recognitions"),
            .paragraph(
                "A munition is qualified for a weapon system by a nation. A nation that recognises another's qualifications can fire what that nation qualified, through its own systems.",
                class: "muted"),
            .p(.link("Interchangeability matrix", to: SiteRoute.interoperability.path)),
            .errorList(model.errors),
            .tableTools(spec, model.query, path: path, summary: model.summary, csvPath: SiteRoute.qualificationsCSV.path),
            .dataTable(
                caption: "Qualifications",
                columns: [
                    .text("Munition", sort: "item"), .text("System", sort: "system"), .text("Qualified by", sort: "nation"),
                    .text("On", sort: "day"), .text("Change"),
                ],
                rows: model.rows.map { row(context, $0) },
                emptyText: model.query.isNarrowed ? "No qualification matches." : "No qualification recorded yet.",
                sorting: TableSorting(path: path, query: model.query)),
            .pagination(page: model.query.page, pageCount: model.pageCount, basePath: path, query: model.query.items()),
            .if(!model.ownNations.isEmpty, forms(context, model)),
            .section(
                .h2("Recognitions"),
                .dataTable(
                    caption: "Recognitions (one way)",
                    columns: [.text("Nation"), .text("Recognises the qualifications of"), .text("Change")],
                    rows: model.recognitions.map { r in
                        .tr(
                            .td(.text(r.nation)), .td(.text(r.recognises)),
                            .td(
                                .if(
                                    r.canWithdraw,
                                    .postForm(
                                        action: SiteRoute.recognitionWithdraw.path, csrf: context.csrfToken, class: "inline",
                                        .hiddenField("nation", r.nation), .hiddenField("recognises", r.recognises),
                                        .submitButton("Withdraw", class: "link-button")))))
                    },
                    emptyText: "No nation recognises another's qualifications yet."),
                .if(
                    !model.ownNations.isEmpty,
                    .postForm(
                        action: SiteRoute.recognitions.path, csrf: context.csrfToken,
                        .selectField("Nation", name: "nation", options: model.ownNations.map { ($0, Alliance.name(of: $0)) }, selected: ""),
                        .selectField(
                            "Recognises the qualifications of", name: "recognises", options: Alliance.all.map { ($0.code, $0.name) },
                            selected: ""),
                        .submitButton("Record recognition")))
            )
        )
    }

    private static func row(_ context: PageContext, _ row: Row) -> Node<HTML.TableContext> {
        .tr(
            .td(.code(.text(row.item))), .td(.code(.text(row.system))), .td(.text(row.nation)),
            .td(.attr("class", "date"), .text(row.qualifiedOn)),
            .td(
                .if(
                    row.canWithdraw,
                    .postForm(
                        action: SiteRoute.qualificationWithdraw(id: row.id).path, csrf: context.csrfToken, class: "inline",
                        .submitButton("Withdraw", class: "link-button")))))
    }

    private static func forms(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .section(
            .h2("Record a qualification"),
            .postForm(
                action: SiteRoute.qualifications.path, csrf: context.csrfToken,
                .field("Munition (item code)", name: "item", extra: [.attr("list", "qualification-items"), .attr("required", "required")]),
                .datalist(id: "qualification-items", model.items),
                .selectField("System", name: "system", options: model.systems.map { ($0, $0) }, selected: ""),
                .selectField("Qualified by", name: "nation", options: model.ownNations.map { ($0, Alliance.name(of: $0)) }, selected: ""),
                .field("On (YYYY-MM-DD)", name: "qualifiedOn", type: "date"),
                .submitButton("Record qualification")),
            .h3("Import qualifications from CSV"),
            .paragraph(
                "Columns: " + InteroperabilityImport.qualificationHeader.joined(separator: ",")
                    + " (the day as YYYY-MM-DD). A file with any bad row imports nothing and lists every problem with its line and column.",
                class: "muted"),
            CSVUploadForm.node(action: SiteRoute.qualificationsImport.path, csrf: context.csrfToken, button: "Import qualifications"))
    }
}
