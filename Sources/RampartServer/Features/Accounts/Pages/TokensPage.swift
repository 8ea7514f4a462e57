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
    }

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
            .postForm(
                action: SiteRoute.tokens.path,
                csrf: context.csrfToken,
                .field("Name", name: "name", extra: [.attr("placeholder", "e.g. nightly export"), .flag("required")]),
                .selectField(
                    "May", name: "scope", options: [("read-write", "read and write"), ("read", "read only")], selected: "read-write"),
                .field(
                    "Expires after (days, 1 to 365)", name: "expires_in_days", type: "number", value: "90",
                    extra: [.attr("min", "1"), .attr("max", "365"), .flag("required")]),
                .submitButton("Create token")
            ),
            .h2(.text("Your tokens")),
            .dataTable(
                columns: [.text("Name"), .text("May"), .text("Created"), .text("Expires"), .text("")],
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
