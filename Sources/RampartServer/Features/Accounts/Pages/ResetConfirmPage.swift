import Plot

/// The code and a new password. Once changed, the person is sent to sign in, told why, and from there back to
/// where they were.
enum ResetConfirmPage {
    struct Model: Sendable {
        /// The address the code went to; empty when the page was opened without one, and then it asks for it.
        var email: String
        /// The code as typed: kept when the form is refused.
        var code: String = ""
        var errors: [String]
        /// A local path checked by the caller.
        var returnTo: String
        var passwordRules: [String]

        var formErrors: FormErrors { FormErrors(errors, fields: AccountFormFields.resetConfirm) }
        var asksForAddress: Bool { email.isEmpty || formErrors.message(for: "email") != nil }
    }

    static func render(_ context: PageContext, _ model: Model) -> HTML {
        let errors = model.formErrors
        return Layout.render(
            context,
            .heading("Choose a new password"),
            .errorList(errors.messages),
            model.asksForAddress
                ? .paragraph(
                    "Enter your account's e-mail address, the code we sent to it and a new password. The code expires after 30 minutes.")
                : .p(
                    .text("Enter the code we sent to "), .strong(.text(model.email)),
                    .text(" and choose a new password. The code expires after 30 minutes.")
                ),
            .postForm(
                action: SiteRoute.resetConfirm.path,
                csrf: context.csrfToken,
                model.asksForAddress
                    ? .field(
                        "E-mail address", name: "email", type: "email", value: model.email,
                        extra: [.attr("autocomplete", "email"), .flag("required")], error: errors.message(for: "email"))
                    : .hiddenField("email", model.email),
                .field(
                    "Code", name: "code", value: model.code,
                    extra: [.attr("inputmode", "numeric"), .attr("autocomplete", "one-time-code"), .flag("required")],
                    error: errors.message(for: "code")
                ),
                .field(
                    "New password", name: "password", type: "password",
                    extra: [.attr("autocomplete", "new-password"), .flag("required")],
                    hint: .passwordRules(model.passwordRules),
                    describedBy: model.passwordRules.isEmpty ? nil : "password-rules",
                    error: errors.message(for: "password")
                ),
                .hiddenField("return_to", model.returnTo),
                .submitButton("Change password")
            ),
            .p(.link("Ask for a new code", to: SiteRoute.reset.path(query: [(name: "return_to", value: model.returnTo)])))
        )
    }
}
