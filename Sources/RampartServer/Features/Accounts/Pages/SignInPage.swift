import Plot

enum SignInPage {
    struct Model: Sendable {
        var email: String
        /// "field: problem" for a field's problem; a wrong address or password names neither field.
        var errors: [String]
        /// Where to go after signing in; a local path checked by the caller.
        var next: String

        var formErrors: FormErrors { FormErrors(errors, fields: AccountFormFields.signIn) }
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("Sign in"),
            .errorList(model.formErrors.messages),
            form(context, model),
            .p(.link("Forgot your password?", to: SiteRoute.reset.path(query: [(name: "return_to", value: model.next)]))),
            .p(.text("New to Rampart? "), .link("Create an account", to: SiteRoute.register.path))
        )
    }

    private static func form(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        let errors = model.formErrors
        return .postForm(
            action: SiteRoute.signIn.path,
            csrf: context.csrfToken,
            .field(
                "E-mail address", name: "email", type: "email", value: model.email,
                extra: [.attr("autocomplete", "username"), .flag("required"), .flag("autofocus")],
                error: errors.message(for: "email")
            ),
            .field(
                "Password", name: "password", type: "password",
                extra: [.attr("autocomplete", "current-password"), .flag("required")],
                error: errors.message(for: "password")
            ),
            .hiddenField("next", model.next),
            .submitButton("Sign in")
        )
    }
}
