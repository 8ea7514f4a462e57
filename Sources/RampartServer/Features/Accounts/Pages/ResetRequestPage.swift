import Plot

enum ResetRequestPage {
    struct Model: Sendable {
        var email: String
        var error: String?
        var returnTo: String
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("Reset your password"),
            .errorMessage(model.error),
            .paragraph("Enter your e-mail address. If it belongs to an account, we will send a code to reset the password."),
            .postForm(
                action: SiteRoute.reset.path,
                csrf: context.csrfToken,
                .field(
                    "E-mail address", name: "email", type: "email", value: model.email,
                    extra: [.attr("autocomplete", "email"), .flag("required"), .flag("autofocus")]
                ),
                .hiddenField("return_to", model.returnTo),
                .submitButton("Send a reset code")
            ),
            .p(.link("Back to sign in", to: SiteRoute.signIn.path))
        )
    }
}
