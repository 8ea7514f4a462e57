import Plot

enum ResetRequestPage {
    struct Model: Sendable {
        var email: String
        var errors: [String]
        var returnTo: String

        var formErrors: FormErrors { FormErrors(errors, fields: AccountFormFields.resetRequest) }
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        Layout.render(
            context,
            .heading("Reset your password"),
            .errorList(model.formErrors.messages),
            .paragraph("Enter your e-mail address. If it belongs to an account, we will send a code to reset the password."),
            .postForm(
                action: SiteRoute.reset.path,
                csrf: context.csrfToken,
                .field(
                    "E-mail address", name: "email", type: "email", value: model.email,
                    extra: [.attr("autocomplete", "email"), .flag("required"), .flag("autofocus")],
                    error: model.formErrors.message(for: "email")
                ),
                .hiddenField("return_to", model.returnTo),
                .submitButton("Send a reset code")
            ),
            .p(.link("Back to sign in", to: SiteRoute.signIn.path))
        )
    }
}
