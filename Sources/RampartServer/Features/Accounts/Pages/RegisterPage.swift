import Plot

enum RegisterPage {
    struct Model: Sendable {
        var email: String
        var displayName: String
        var errors: [String]
        var passwordRules: [String]

        var formErrors: FormErrors { FormErrors(errors, fields: AccountFormFields.register) }
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("Create an account"),
            .errorList(model.formErrors.messages),
            .paragraph(
                "We will e-mail you a code to confirm your address. New accounts can read released, "
                    + "aggregated information; Alliance staff assign national or industry roles.",
                class: "muted"
            ),
            form(context, model),
            .p(.text("Already have an account? "), .link("Sign in", to: SiteRoute.signIn.path))
        )
    }

    private static func form(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let errors = model.formErrors
        return .postForm(
            action: SiteRoute.register.path,
            csrf: context.csrfToken,
            .field(
                "E-mail address", name: "email", type: "email", value: model.email,
                extra: [.attr("autocomplete", "email"), .flag("required"), .flag("autofocus")],
                error: errors.message(for: "email")
            ),
            .field(
                "Your name", name: "display_name", value: model.displayName,
                extra: [.attr("autocomplete", "name"), .flag("required")],
                error: errors.message(for: "display_name")
            ),
            .field(
                "Password", name: "password", type: "password",
                extra: [.attr("autocomplete", "new-password"), .flag("required")],
                hint: .passwordRules(model.passwordRules),
                describedBy: model.passwordRules.isEmpty ? nil : "password-rules",
                error: errors.message(for: "password")
            ),
            .submitButton("Create account")
        )
    }
}

extension Node where Context: HTML.BodyContext {
    static func passwordRules(_ rules: [String]) -> Node {
        .if(
            !rules.isEmpty,
            .ul(.attr("id", "password-rules"), .attr("class", "hint"), .forEach(rules) { .li(.text($0)) })
        )
    }
}
