import Plot

enum TokensPage {
    struct TokenRow: Sendable {
        var id: String
        var name: String
        var createdAt: String
        var scope: String
        var expires: String
    }

    struct Model: Sendable {
        var tokens: [TokenRow]
        /// A token just created, shown this once.
        var newToken: String?
        /// The form as typed when it was refused, with its problems.
        var name: String = ""
        var scope: String = TokenScope.readWrite.rawValue
        var expiresInDays: String = String(APITokens.defaultLifetimeDays)
        var errors: [String] = []

        var formErrors: FormErrors { FormErrors(errors, fields: TokensPage.fields) }
    }

    static let fields: [FormErrors.Field] = [
        .init(name: "name", label: "Name"), .init(name: "scope", label: "May"),
        .init(name: "expires_in_days", apiName: "expiresInDays", label: "Expires after"),
    ]

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("API tokens"),
            .p(
                .attr("class", "muted"),
                .text("Tokens let programs use the JSON API as you. Send one in the header "),
                .code(.text("Authorization: Bearer <token>")),
                .text(".")
            ),
            .unwrap(model.newToken) { token in
                .div(
                    .attr("class", "notice success"),
                    .attr("role", "status"),
                    .p(.strong(.text("Your new token. Copy it now, it will not be shown again."))),
                    .code(.attr("class", "secret"), .text(token))
                )
            },
            .h2(.text("Create a token")),
            .errorList(model.formErrors.messages),
            .postForm(
                action: SiteRoute.tokens.path,
                csrf: context.csrfToken,
                .field(
                    "Name", name: "name", value: model.name, extra: [.attr("placeholder", "e.g. nightly export"), .flag("required")],
                    error: model.formErrors.message(for: "name")),
                .selectField(
                    "May", name: "scope", options: [("read-write", "read and write"), ("read", "read only")], selected: model.scope),
                .field(
                    "Expires after (days, 1 to 365)", name: "expires_in_days", type: "number", value: model.expiresInDays,
                    extra: [.attr("min", "1"), .attr("max", "365"), .flag("required")],
                    error: model.formErrors.message(for: "expires_in_days")),
                .submitButton("Create token")
            ),
            .h2(.text("Your tokens")),
            .dataTable(
                columns: [.text("Name"), .text("May"), .text("Created"), .text("Expires"), .text("Actions")],
                rows: model.tokens.map { row($0, csrf: context.csrfToken) },
                emptyText: "You have no tokens."
            )
        )
    }

    private static func row(_ token: TokenRow, csrf: String) -> Node<HTML.TableContext> {
        .tr(
            .cell(token.name),
            .cell(token.scope),
            .cell(token.createdAt),
            .cell(token.expires),
            .td(
                .postForm(
                    action: SiteRoute.tokenRevoke(id: token.id).path,
                    csrf: csrf,
                    class: "inline",
                    .submitButton("Revoke", class: "button danger")
                ))
        )
    }
}
