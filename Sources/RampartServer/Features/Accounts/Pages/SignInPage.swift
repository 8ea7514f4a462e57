import Plot

enum SignInPage {
    struct Model: Sendable {
        var email: String
        var error: String?
        /// Where to go after signing in; a local path checked by the caller.
        var next: String
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("Sign in"),
            .errorMessage(model.error),
            form(context, model),
            .p(.link("Forgot your password?", to: SiteRoute.reset.path(query: [(name: "return_to", value: model.next)]))),
            .p(.text("New to Rampart? "), .link("Create an account", to: SiteRoute.register.path))
        )
    }

    private static func form(_ context: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
        .postForm(
            action: SiteRoute.signIn.path,
            csrf: context.csrfToken,
            .field(
                "E-mail address", name: "email", type: "email", value: model.email,
                extra: [.attr("autocomplete", "username"), .flag("required"), .flag("autofocus")]
            ),
            .field(
                "Password", name: "password", type: "password",
                extra: [.attr("autocomplete", "current-password"), .flag("required")]
            ),
            .hiddenField("next", model.next),
            .submitButton("Sign in")
        )
    }
}
