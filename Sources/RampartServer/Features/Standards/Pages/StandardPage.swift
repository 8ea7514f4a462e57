import Plot
import RampartCore

/// One standard: its details (staff change them), each nation's ratification and implementation (each nation
/// records its own), and the items that conform to it (staff record them).
enum StandardPage {
    struct RatificationRow: Sendable {
        var nation: String
        var status: String
        var planned: String
        var implemented: String
        var version: Int
        var editable: Bool
    }

    struct Model: Sendable {
        var standard: Standard
        var version: Int
        var ratifications: [RatificationRow]
        var items: [String]
        var canEdit: Bool
        /// The nations the reader records for.
        var ownNations: [String]
        var errors: [String] = []
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let s = model.standard
        let code = s.code
        return Layout.render(
            context,
            .heading("\(code), edition \(s.edition)"),
            .p(.link("All standards", to: SiteRoute.standards.path)),
            .errorList(model.errors),
            .element(
                named: "dl",
                nodes: [
                    .dt("Title"), .dd(.text(s.title)), .dt("Domain"), .dd(.text(s.domain)), .dt("Status"),
                    .dd(.text(s.supersededBy.map { "\(s.status.label), by \($0)" } ?? s.status.label)),
                ]),
            .section(
                .h2("Ratifications"),
                .dataTable(
                    caption: "Each nation's ratification and implementation",
                    columns: [
                        .text("Nation"), .text("Ratification"), .text("Implementation planned"), .text("Implemented"), .text("Change"),
                    ],
                    rows: model.ratifications.map { r in
                        .tr(
                            .td(.text(Alliance.name(of: r.nation))), .td(.text(r.status)), .td(.attr("class", "date"), .text(r.planned)),
                            .td(.attr("class", "date"), .text(r.implemented)),
                            .td(
                                .if(
                                    r.editable,
                                    .postForm(
                                        action: SiteRoute.standardRatificationWithdraw(code).path, csrf: context.csrfToken, class: "inline",
                                        .hiddenField("nation", r.nation), .hiddenField("version", String(r.version)),
                                        .submitButton("Withdraw", class: "link-button")))))
                    },
                    emptyText: "No nation has recorded a ratification of this standard yet."),
                .if(
                    !model.ownNations.isEmpty,
                    .postForm(
                        action: SiteRoute.standardRatification(code).path, csrf: context.csrfToken,
                        .selectField("Nation", name: "nation", options: model.ownNations.map { ($0, Alliance.name(of: $0)) }, selected: ""),
                        .selectField(
                            "Ratification", name: "ratification_status",
                            options: Ratification.Status.allCases.map { ($0.rawValue, $0.label) }, selected: "ratified"),
                        .field("Implementation planned (YYYY-MM-DD)", name: "planned", type: "date"),
                        .field("Implemented (YYYY-MM-DD)", name: "implemented", type: "date"),
                        .submitButton("Record ratification")))),
            .section(
                .h2("Conforming items"),
                .dataTable(
                    caption: "Items that conform to \(code)",
                    columns: [.text("Item"), .text("Change")],
                    rows: model.items.map { item in
                        .tr(
                            .td(.code(.text(item))),
                            .td(
                                .if(
                                    model.canEdit,
                                    .postForm(
                                        action: SiteRoute.standardItemWithdraw(code).path, csrf: context.csrfToken, class: "inline",
                                        .hiddenField("item", item), .submitButton("Withdraw", class: "link-button")))))
                    },
                    emptyText: "No item is recorded as conforming yet."),
                .if(
                    model.canEdit,
                    .postForm(
                        action: SiteRoute.standardItems(code).path, csrf: context.csrfToken,
                        .field("Item code", name: "item", extra: [.attr("required", "required")]), .submitButton("Record conformance")))),
            .if(model.canEdit, editForm(context, model))
        )
    }

    private static func editForm(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let s = model.standard
        return .section(
            .h2("Change the standard"),
            .postForm(
                action: SiteRoute.standard(s.code).path, csrf: context.csrfToken,
                .hiddenField("version", String(model.version)),
                .field("Edition", name: "edition", value: s.edition, extra: [.attr("maxlength", "20")]),
                .field("Title", name: "title", value: s.title, extra: [.attr("maxlength", "200")]),
                .field("Domain", name: "domain", value: s.domain, extra: [.attr("maxlength", "60")]),
                .selectField(
                    "Status", name: "status", options: Standard.Status.allCases.map { ($0.rawValue, $0.label) }, selected: s.status.rawValue
                ),
                .field("Superseded by (when superseded)", name: "supersededBy", value: s.supersededBy ?? ""),
                .submitButton("Save")))
    }
}
