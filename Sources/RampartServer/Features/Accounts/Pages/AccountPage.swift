import Plot
import RampartCore

/// The signed-in person's own account: who they are in Rampart, and forms to change their name, their password and
/// the newsletter choice; their API tokens are one link away.
enum AccountPage {
    struct Model: Sendable {
        var email: String
        /// The stored name.
        var displayName: String
        var role: Role
        /// "France (FR)" for a delegate.
        var nation: String?
        var company: String?
        var newsletter: Bool
        var tokenCount: Int
        /// The name field: the stored name, or what was typed when it was refused.
        var nameValue: String
        var nameErrors: [String] = []
        var passwordErrors: [String] = []
        var passwordRules: [String]

        var nameFormErrors: FormErrors { FormErrors(nameErrors, fields: AccountFormFields.accountName) }
        var passwordFormErrors: FormErrors { FormErrors(passwordErrors, fields: AccountFormFields.accountPassword) }
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("Your account"),
            .roleRequestHint(context.user),
            .dl(
                .attr("class", "summary"),
                .dt(.text("Name")), .dd(.text(model.displayName)),
                .dt(.text("E-mail address")), .dd(.text(model.email)),
                .dt(.text("Role")), .dd(.text(model.role.label)),
                .unwrap(model.nation) { .group(.dt(.text("Nation")), .dd(.text($0))) },
                .unwrap(model.company) { .group(.dt(.text("Company")), .dd(.text($0))) }
            ),
            nameSection(context, model),
            passwordSection(context, model),
            newsletterSection(context, model),
            .section(
                .h2(.text("API tokens")),
                .p(
                    .text(
                        model.tokenCount == 0
                            ? "You have no API tokens. "
                            : "You have \(Format.integer(model.tokenCount)) API token\(model.tokenCount == 1 ? "" : "s"). "),
                    .link("Manage your API tokens", to: SiteRoute.tokens.path))
            )
        )
    }

    private static func nameSection(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let errors = model.nameFormErrors
        return .section(
            .h2(.text("Your name")),
            .errorList(errors.messages),
            .postForm(
                action: SiteRoute.accountName.path,
                csrf: context.csrfToken,
                .field(
                    "Name", name: "display_name", value: model.nameValue,
                    extra: [.attr("autocomplete", "name"), .flag("required")],
                    error: errors.message(for: "display_name")),
                .submitButton("Change name")
            )
        )
    }

    private static func passwordSection(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let errors = model.passwordFormErrors
        return .section(
            .h2(.text("Password")),
            .errorList(errors.messages),
            .paragraph(
                "Other browsers signed in as you are signed out when the password changes; your API tokens keep working.",
                class: "muted"),
            .postForm(
                action: SiteRoute.accountPassword.path,
                csrf: context.csrfToken,
                .field(
                    "Current password", name: "current_password", type: "password",
                    extra: [.attr("autocomplete", "current-password"), .flag("required")],
                    error: errors.message(for: "current_password")),
                .field(
                    "New password", name: "new_password", type: "password",
                    extra: [.attr("autocomplete", "new-password"), .flag("required")],
                    hint: .passwordRules(model.passwordRules),
                    describedBy: model.passwordRules.isEmpty ? nil : "password-rules",
                    error: errors.message(for: "new_password")),
                .submitButton("Change password")
            )
        )
    }

    private static func newsletterSection(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .section(
            .h2(.text("Newsletter")),
            .p(
                .text(model.newsletter ? "You get the Rampart newsletter at " : "You do not get the Rampart newsletter. It would go to "),
                .strong(.text(model.email)),
                .text(". It summarises new demand signals, plan results and production news.")
            ),
            .postForm(
                action: SiteRoute.accountNewsletter.path,
                csrf: context.csrfToken,
                .hiddenField("subscribe", model.newsletter ? "no" : "yes"),
                .submitButton(
                    model.newsletter ? "Unsubscribe from the newsletter" : "Subscribe to the newsletter",
                    class: model.newsletter ? "button secondary" : "button")
            )
        )
    }
}
