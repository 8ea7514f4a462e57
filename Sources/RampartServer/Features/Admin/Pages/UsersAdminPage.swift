import Plot
import RampartCore

enum UsersAdminPage {
    struct UserRow: Sendable {
        var id: String
        var email: String
        var displayName: String
        var role: Role
        var nation: String?
        var company: String?
        var verified: Bool
        var version: Int
    }

    struct Model: Sendable {
        var rows: [UserRow]
        var nations: [String]
        var companies: [String]
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("Accounts"),
            .p(.attr("class", "csv-link"), .link("Download the accounts as CSV", to: SiteRoute.adminUsersCSV.path)),
            .paragraph(
                "Delegates need a nation and industry representatives a company; both are ignored for other roles.",
                class: "muted"
            ),
            .dataTable(
                columns: [.text("Name"), .text("E-mail"), .text("Verified"), .text("Role and affiliation")],
                rows: model.rows.map { row($0, context: context, model: model) },
                emptyText: "No accounts yet."
            )
        )
    }

    private static func row(_ row: UserRow, context: PageContext, model: Model) -> Node<HTML.TableContext> {
        .tr(
            .cell(row.displayName),
            .cell(row.email),
            .cell(row.verified ? "Yes" : "Not yet"),
            .td(form(row, context: context, model: model))
        )
    }

    private static func form(_ row: UserRow, context: PageContext, model: Model) -> Node<HTML.BodyContext> {
        .postForm(
            action: SiteRoute.adminUser(id: row.id).path,
            csrf: context.csrfToken,
            class: "row-form",
            .selectField(
                "Role", name: "role", id: "role-\(row.id)",
                options: Role.allCases.map { (value: $0.rawValue, label: $0.label) },
                selected: row.role.rawValue
            ),
            .selectField(
                "Nation", name: "nation", id: "nation-\(row.id)",
                options: [(value: "", label: "—")] + model.nations.map { (value: $0, label: $0) },
                selected: row.nation ?? ""
            ),
            .selectField(
                "Company", name: "company", id: "company-\(row.id)",
                options: [(value: "", label: "—")] + model.companies.map { (value: $0, label: $0) },
                selected: row.company ?? ""
            ),
            .hiddenField("version", String(row.version)),
            .submitButton("Save")
        )
    }
}
